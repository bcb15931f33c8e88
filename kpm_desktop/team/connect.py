"""Connecting to the team's PostgreSQL, and turning psycopg's errors into one clear line.

Passwords never live in the matrix file or in settings: libpq finds them itself
(``~/.pgpass`` / ``PGPASSFILE``, a service file via ``service=``), or the OS credential store
holds them (``keyring``, service ``kpm-desktop``, user ``NAME@HOST/DATABASE``). A URL that
carries a password is stored without it.
"""

from __future__ import annotations

import contextlib
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import conninfo

from kpm_desktop.team.messages import MESSAGES, fill

KEYRING_SERVICE = "kpm-desktop"
CONNECT_TIMEOUT = 10


class TeamError(Exception):
    """A user-facing, one-line problem with the team server; nothing local was lost.

    Raised with a key of ``team.messages.MESSAGES`` and its parameters (``str()`` is the
    English line; the GUI translates ``key``), or with a plain text (shown as it is).
    """

    def __init__(self, text: str, **params: object) -> None:
        self.key: str | None = text if text in MESSAGES else None
        self.params = params
        super().__init__(fill(MESSAGES[text], params) if self.key else text)


class ServerUnreachableError(TeamError):
    pass


class AuthenticationError(TeamError):
    pass


class TlsError(TeamError):
    pass


class NewerServerSchemaError(TeamError):
    pass


class NotATeamError(TeamError):
    pass


class PermissionDeniedError(TeamError):
    pass


class ServerSetupError(TeamError):
    """``kpm team init``: the server refused a statement of one step (an SQL error)."""


def strip_password(url: str) -> str:
    """The URL/conninfo without a password (what may be stored in a file)."""
    if "://" in url:
        parts = urlsplit(url)
        if parts.password is not None:
            host = parts.hostname or ""
            if parts.port:
                host += f":{parts.port}"
            user = f"{parts.username}@" if parts.username else ""
            return urlunsplit(parts._replace(netloc=user + host))
        return url
    params = conninfo.conninfo_to_dict(url)
    params.pop("password", None)
    return conninfo.make_conninfo(**{k: str(v) for k, v in params.items() if v is not None})


def describe(url: str, user: str | None = None) -> str:
    """``user@host/database`` for messages and the keyring (no password)."""
    try:
        params = conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "?"
    host = str(params.get("host") or "localhost")
    if host.startswith("/"):
        host = "localhost"
    name = user or params.get("user") or ""
    db = params.get("dbname") or name
    return f"{name}@{host}/{db}" if name else f"{host}/{db}"


def keyring_password(url: str, user: str | None) -> str | None:
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:  # pragma: no cover - keyring is a dependency
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, describe(url, user))
    except (KeyringError, RuntimeError, OSError):
        return None


def store_password(url: str, user: str | None, password: str) -> bool:
    """Keep a password in the OS credential store; False if there is none."""
    try:
        import keyring
        from keyring.errors import KeyringError

        keyring.set_password(KEYRING_SERVICE, describe(url, user), password)
    except (ImportError, KeyringError, RuntimeError, OSError):
        return False
    return True


def user_message(exc: BaseException, url: str = "") -> TeamError:
    """One line saying what happened and what to do (no internal exception text)."""
    if isinstance(exc, TeamError):
        return exc
    where = describe(url) if url else ""
    server = where
    text = str(exc).lower()
    if isinstance(exc, psycopg.OperationalError):
        if "password authentication failed" in text or "no password supplied" in text:
            # PostgreSQL answers an expired login (VALID UNTIL in the past) exactly like a
            # wrong password, so this one line names both.
            return AuthenticationError("auth_failed", server=server)
        if "valid until" in text or "expired" in text:
            return AuthenticationError("login_expired", where=where)
        if "ssl" in text or "certificate" in text or "tls" in text:
            return TlsError("tls_failed", where=where)
        if 'database "' in text and "does not exist" in text:
            return NotATeamError("no_database", where=where)
        if "permission denied" in text or "not permitted" in text:
            return PermissionDeniedError("connect_denied", where=where)
        return ServerUnreachableError("unreachable", server=server)
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return PermissionDeniedError("role_denied", server=server)
    if isinstance(exc, psycopg.errors.UndefinedTable | psycopg.errors.InvalidSchemaName):
        return NotATeamError("no_team_at", where=where)
    if isinstance(exc, psycopg.Error):
        return ServerUnreachableError("broke_off", server=server)
    return TeamError(str(exc))


def connect(url: str, user: str | None = None) -> psycopg.Connection:
    """Open a connection (libpq handles .pgpass, service files, TLS; keyring as a fallback).

    Autocommit: every write happens inside an explicit ``conn.transaction()`` block.
    """
    try:
        params = conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise TeamError("bad_url") from exc
    kwargs: dict[str, object] = {"connect_timeout": CONNECT_TIMEOUT}
    if user:
        kwargs["user"] = user
    if "password" not in params:
        password = keyring_password(url, user)
        if password:
            kwargs["password"] = password
    kwargs["application_name"] = "kpm-desktop"
    try:
        return psycopg.connect(url, autocommit=True, **kwargs)  # type: ignore[arg-type]  # psycopg stub: connect's **kwargs are typed narrower
    except psycopg.Error as exc:
        raise user_message(exc, url) from exc


@contextlib.contextmanager
def translated(url: str):
    """Re-raise any psycopg error from the block as a one-line ``TeamError``."""
    try:
        yield
    except psycopg.Error as exc:
        raise user_message(exc, url) from exc
