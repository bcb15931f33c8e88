"""Errors raised when a matrix file cannot be opened or written.

Each carries a one-line message meant for the user (the CLI prints it, the GUI shows it).
"""

from __future__ import annotations


class StorageError(Exception):
    """Base class: the message is user-facing and names the file."""


class FileMissingError(StorageError):
    pass


class NotAMatrixFileError(StorageError):
    pass


class NewerVersionError(StorageError):
    """The file was written by a newer KPM Desktop; it is left untouched."""

    def __init__(self, message: str, file_version: int, supported_version: int) -> None:
        super().__init__(message)
        self.file_version = file_version
        self.supported_version = supported_version


class DamagedFileError(StorageError):
    """Integrity checks failed; the file must not be written to.

    ``problems`` lists what the checks found (for logs and details views).
    """

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = list(problems or [message])


class ReadOnlyError(StorageError):
    """A write was attempted on a file opened read-only."""


class DiskFullError(StorageError):
    """The disk (or the file's size limit) is full: the action was rolled back completely."""


class ReadOnlyLocationError(StorageError):
    """The file cannot be read correctly where it is (e.g. a change log in a read-only folder)."""
