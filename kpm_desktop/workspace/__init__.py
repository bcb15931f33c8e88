"""One open matrix file: repository + matrix + undo stack (Qt signals, no widgets)."""
