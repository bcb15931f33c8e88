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

KEYRING_SERVICE = "kpm-desktop"
CONNECT_TIMEOUT = 10


class TeamError(Exception):
    """A user-facing, one-line problem with the team server; nothing local was lost."""


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
    where = describe(url) if url else "the team server"
    server = f"the team server {where}" if url else where  # never "the team server the team…"
    text = str(exc).lower()
    if isinstance(exc, psycopg.OperationalError):
        if "password authentication failed" in text or "no password supplied" in text:
            return AuthenticationError(
                f"{server} refused the user name or password; check them "
                "(your local changes are kept and sync again later)"
            )
        if "valid until" in text or "expired" in text:
            return AuthenticationError(
                f"your login on {where} has expired; ask your manager to renew it "
                "(your local changes are kept)"
            )
        if "ssl" in text or "certificate" in text or "tls" in text:
            return TlsError(
                f"a secure (TLS) connection to {where} could not be verified; check the "
                "server certificate and sslrootcert (your local changes are kept)"
            )
        if 'database "' in text and "does not exist" in text:
            return NotATeamError(f"there is no team database at {where}; check the address")
        if "permission denied" in text or "not permitted" in text:
            return PermissionDeniedError(
                f"you may not connect to the team at {where}; ask your manager"
            )
        return ServerUnreachableError(
            f"{server} cannot be reached; work on offline, KPM Desktop "
            "syncs again later (your local changes are kept)"
        )
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return PermissionDeniedError(
            f"{server} does not allow this for your role; ask your manager"
        )
    if isinstance(exc, psycopg.errors.UndefinedTable | psycopg.errors.InvalidSchemaName):
        return NotATeamError(f"{where} holds no team yet; the manager runs 'kpm team init' first")
    if isinstance(exc, psycopg.Error):
        return ServerUnreachableError(
            f"the connection to {server} broke off; nothing is lost, sync again later"
        )
    return TeamError(str(exc))


def connect(url: str, user: str | None = None) -> psycopg.Connection:
    """Open a connection (libpq handles .pgpass, service files, TLS; keyring as a fallback).

    Autocommit: every write happens inside an explicit ``conn.transaction()`` block.
    """
    try:
        params = conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise TeamError(
            "the team address is not a PostgreSQL connection URL "
            "(e.g. postgresql://server/team?sslmode=verify-full)"
        ) from exc
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
