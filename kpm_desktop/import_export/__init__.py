"""CSV/XLSX readers and writers: pure functions over domain objects, no Qt."""
