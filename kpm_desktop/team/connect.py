"""Connecting to the team's PostgreSQL, and turning psycopg's errors into one clear line.

Passwords never live in the matrix file or in settings: libpq finds them itself
(``~/.pgpass`` / ``PGPASSFILE``, a service file via ``service=``), or the OS credential store
holds them (``keyring``, service ``kpm-desktop``, user ``NAME@HOST/DATABASE``). A URL that
carries a password is stored without it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
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


class ServerRefusedError(TeamError):
    """The server refused a statement (an SQL error with its SQLSTATE): the statement and
    its transaction were undone on the server, and the connection is fine. Not a lost
    connection, so not "the connection broke off": the line names what was refused and the
    code, and sends the user to the database administrator (``refusal``)."""


class ServerSetupError(ServerRefusedError):
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


def refusal(exc: psycopg.Error, conn: psycopg.Connection | None = None) -> str | None:
    """The SQLSTATE of a statement the server refused, or None when the error is no
    refusal: the connection was lost or the server went down (no SQLSTATE, a broken
    connection, class 08 "connection exception", 57P "operator intervention")."""
    code = exc.sqlstate
    if not code or (conn is not None and conn.broken) or code.startswith(("08", "57P")):
        return None
    return code


# A refused statement of a sync that simply runs again: the server undid the transaction
# because another one ran into it (class 40: serialization failure, deadlock).
_RUN_AGAIN = "40"


def user_message(
    exc: BaseException,
    url: str = "",
    *,
    refused: str = "statement_refused",
    conn: psycopg.Connection | None = None,
) -> TeamError:
    """One line saying what happened and what to do (no internal exception text).

    ``refused`` is the message key for a statement the server refused (``refusal``), naming
    what the user was doing; ``conn`` the connection it ran on (a broken one is a lost
    connection, not a refusal).
    """
    if isinstance(exc, TeamError):
        return exc
    where = describe(url) if url else ""
    server = where
    text = str(exc).lower()
    if isinstance(exc, psycopg.errors.UndefinedTable | psycopg.errors.InvalidSchemaName):
        return NotATeamError("no_team_at", where=where)
    sync = refused.startswith("sync_")
    if isinstance(exc, psycopg.errors.InsufficientPrivilege) and not sync:
        # a step the user's role may not take (a rep adding a user); a sync sorts out what
        # the role may change before it sends, so there it is the server's set-up
        return PermissionDeniedError("role_denied", server=server)
    code = refusal(exc, conn) if isinstance(exc, psycopg.Error) else None
    if code is not None and code.startswith(_RUN_AGAIN) and sync:
        return ServerRefusedError("sync_run_again", server=server, code=code)
    # An OperationalError without the connection it ran on is about connecting (the login,
    # TLS, the database); on a live connection it is a refused statement too (a full disk,
    # a statement timeout).
    if code is not None and (conn is not None or not isinstance(exc, psycopg.OperationalError)):
        return ServerRefusedError(refused, server=server, code=code)
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
def translated(
    url: str,
    refused: str | Callable[[], str] = "statement_refused",
    conn: psycopg.Connection | None = None,
):
    """Re-raise any psycopg error from the block as a one-line ``TeamError``.

    ``refused``: the message key for a statement the server refuses (``user_message``), or
    a function giving it at the time of the error (a sync: reading, then storing).
    """
    try:
        yield
    except psycopg.Error as exc:
        key = refused if isinstance(refused, str) else refused()
        raise user_message(exc, url, refused=key, conn=conn) from exc
