"""Sample matrices: the embedded demo and synthetic files for tests and benchmarks. No Qt."""
