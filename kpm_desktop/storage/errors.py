"""Errors raised when a matrix file cannot be opened or written.

Each carries a one-line message meant for the user (the CLI prints it, the GUI shows it).
"""

from __future__ import annotations

from kpm_desktop.storage.messages import Message


def os_error_file(exc: OSError) -> str:
    """The user's file an ``OSError`` is about: a rename's target (``filename2``: an output
    replaced by its finished copy), never the ``NAME.partial`` copy it is written to first;
    "" when the error names none. (The GUI's and the CLI's file-problem lines both name it.)"""
    return str(exc.filename2 or exc.filename or "").removesuffix(".partial")


class StorageError(Exception):
    """Base class: the message is user-facing and names the file.

    Raised with a ``Message`` (key + parameters, see ``storage.messages``) the GUI can show
    it in the user's language (``message``); ``str(exc)`` is always the English text.
    """

    def __init__(self, message: str | Message = "", *args: object) -> None:
        self.message: Message | None = message if isinstance(message, Message) else None
        super().__init__(str(message), *args)


class FileMissingError(StorageError):
    pass


class NotAMatrixFileError(StorageError):
    pass


class NewerVersionError(StorageError):
    """The file was written by a newer KPM Desktop; it is left untouched."""

    def __init__(self, message: str | Message, file_version: int, supported_version: int) -> None:
        super().__init__(message)
        self.file_version = file_version
        self.supported_version = supported_version


class DamagedFileError(StorageError):
    """Integrity checks failed; the file must not be written to.

    ``problems`` lists what the checks found (for logs and details views).
    """

    def __init__(self, message: str | Message, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = list(problems or [str(message)])


class ReadOnlyError(StorageError):
    """A write was attempted on a file opened read-only."""


class DiskFullError(StorageError):
    """The disk (or the file's size limit) is full: the action was rolled back completely."""


class ReadOnlyLocationError(StorageError):
    """The file cannot be read correctly where it is (e.g. a change log in a read-only folder)."""
