"""The team's schema on PostgreSQL: versioned migrations, roles, row-level security.

Everything lives in the schema ``kpm`` of one database (one database = one team):

- ``kpm.changes`` — append-only log of entity versions (who, when, which client); ``rev``
  comes from one sequence and is drawn only while the team's push lock is held (a statement
  trigger takes ``pg_advisory_xact_lock`` before any row gets its default), so revisions
  become visible in commit order and a puller that has seen ``rev`` N can never later find
  a smaller one (no "commits later" gaps).
- ``kpm.state`` — the newest version of every entity (maintained set-based by a statement
  trigger from the log); pulling is ``state WHERE rev > last_rev``.
- ``kpm.territory`` — region/owner of every customer, the basis of row-level security.
- ``kpm.users`` — one row per login role: rep (own regions/owners), manager (everything,
  incl. products and groups), viewer (read only).

Clients may insert only the columns kind, key, customer, data, client_id, client_seq into
``kpm.changes`` (column privileges): the author is always ``session_user``.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
from psycopg import sql

from kpm_desktop.team.connect import (
    NewerServerSchemaError,
    NotATeamError,
    ServerSetupError,
    TeamError,
    refusal,
)

ROLES = ("rep", "manager", "viewer")
PUSH_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtext('kpm.push'))"

_V1 = """
CREATE SCHEMA IF NOT EXISTS kpm;
CREATE TABLE kpm.meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE kpm.users (
    name text PRIMARY KEY,
    role text NOT NULL CHECK (role IN ('rep', 'manager', 'viewer')),
    regions text[] NOT NULL DEFAULT '{}',
    owners text[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE kpm.territory (
    customer uuid PRIMARY KEY,
    region text NOT NULL DEFAULT '',
    owner text NOT NULL DEFAULT ''
);
CREATE SEQUENCE kpm.rev_seq;
CREATE TABLE kpm.changes (
    rev bigint PRIMARY KEY DEFAULT nextval('kpm.rev_seq'),
    kind text NOT NULL
        CHECK (kind IN ('group', 'competitor', 'product', 'customer', 'cell', 'note', 'goal')),
    key text NOT NULL,
    customer uuid,
    data jsonb,
    author text NOT NULL DEFAULT session_user,
    client_id text NOT NULL,
    client_seq bigint NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (client_id, client_seq)
);
CREATE INDEX changes_key ON kpm.changes (kind, key, rev);
CREATE TABLE kpm.state (
    kind text NOT NULL,
    key text NOT NULL,
    customer uuid,
    data jsonb,
    rev bigint NOT NULL,
    author text NOT NULL,
    client_id text NOT NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (kind, key)
);
CREATE INDEX state_rev ON kpm.state (rev);
CREATE INDEX state_customer ON kpm.state (customer);

CREATE FUNCTION kpm.my_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, kpm
    AS $$ SELECT role FROM kpm.users WHERE name = session_user $$;
CREATE FUNCTION kpm.my_regions() RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, kpm
    AS $$ SELECT coalesce((SELECT regions FROM kpm.users WHERE name = session_user), '{}') $$;
CREATE FUNCTION kpm.my_owners() RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, kpm
    AS $$ SELECT coalesce((SELECT owners FROM kpm.users WHERE name = session_user), '{}') $$;
CREATE FUNCTION kpm.customer_known(c uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, kpm
    AS $$ SELECT EXISTS (SELECT 1 FROM kpm.territory WHERE customer = c) $$;

-- Revisions in commit order: every insert into the log first takes the team's push lock,
-- before any row draws its rev (BEFORE STATEMENT runs before the rows are formed).
CREATE FUNCTION kpm.lock_push() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('kpm.push'));
    RETURN NULL;
END $$;
CREATE TRIGGER changes_lock BEFORE INSERT ON kpm.changes
    FOR EACH STATEMENT EXECUTE FUNCTION kpm.lock_push();

CREATE FUNCTION kpm.apply_changes() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, kpm AS $$
BEGIN
    INSERT INTO kpm.state AS s (kind, key, customer, data, rev, author, client_id, changed_at)
    SELECT DISTINCT ON (kind, key) kind, key, customer, data, rev, author, client_id, changed_at
    FROM new_rows ORDER BY kind, key, rev DESC
    ON CONFLICT (kind, key) DO UPDATE SET customer = EXCLUDED.customer, data = EXCLUDED.data,
        rev = EXCLUDED.rev, author = EXCLUDED.author, client_id = EXCLUDED.client_id,
        changed_at = EXCLUDED.changed_at
    WHERE s.rev < EXCLUDED.rev;
    INSERT INTO kpm.territory AS t (customer, region, owner)
    SELECT DISTINCT ON (key) key::uuid, coalesce(data->>'region', ''), coalesce(data->>'owner', '')
    FROM new_rows WHERE kind = 'customer' AND data IS NOT NULL ORDER BY key, rev DESC
    ON CONFLICT (customer) DO UPDATE SET region = EXCLUDED.region, owner = EXCLUDED.owner;
    RETURN NULL;
END $$;
CREATE TRIGGER changes_apply AFTER INSERT ON kpm.changes
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kpm.apply_changes();

ALTER TABLE kpm.users ENABLE ROW LEVEL SECURITY;
CREATE POLICY users_read ON kpm.users FOR SELECT
    USING (name = session_user OR kpm.my_role() = 'manager');
CREATE POLICY users_insert ON kpm.users FOR INSERT WITH CHECK (kpm.my_role() = 'manager');
CREATE POLICY users_update ON kpm.users FOR UPDATE
    USING (kpm.my_role() = 'manager') WITH CHECK (kpm.my_role() = 'manager');

ALTER TABLE kpm.territory ENABLE ROW LEVEL SECURITY;
CREATE POLICY territory_read ON kpm.territory FOR SELECT
    USING ((SELECT kpm.my_role()) = 'manager' OR (SELECT kpm.my_role()) = 'viewer'
           AND (SELECT cardinality(kpm.my_regions()) + cardinality(kpm.my_owners())) = 0
           OR region = ANY (kpm.my_regions()) OR owner = ANY (kpm.my_owners()));

ALTER TABLE kpm.state ENABLE ROW LEVEL SECURITY;
CREATE POLICY state_read ON kpm.state FOR SELECT
    USING (customer IS NULL OR customer IN (SELECT t.customer FROM kpm.territory t));

ALTER TABLE kpm.changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY changes_read ON kpm.changes FOR SELECT
    USING (customer IS NULL OR customer IN (SELECT t.customer FROM kpm.territory t));
CREATE POLICY changes_write ON kpm.changes FOR INSERT WITH CHECK (
    kpm.my_role() = 'manager'
    OR kpm.my_role() = 'rep' AND (
        kind = 'competitor'
        OR customer IS NOT NULL AND customer IN (SELECT t.customer FROM kpm.territory t)
        OR kind = 'customer' AND NOT kpm.customer_known(customer)
           AND (data->>'region' = ANY (kpm.my_regions()) OR data->>'owner' = ANY (kpm.my_owners()))
    )
);
"""

# Version 2 (issue 17): compact cells. A cell is no longer a JSON document in the generic
# log: one row per version with the customer and product UUIDs as uuid, the mark as a small
# int, verified_at as a timestamp and only the other details that are set as jsonb
# (usually none). A published matrix goes straight into ``cell_state`` (no log row per
# cell); a published version that a later change replaces is kept in ``cell_base``, the
# base of a three-way merge for a client that synced before that change.
_V2 = """
CREATE FUNCTION kpm.client_uuid(c text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN c ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
        THEN c::uuid ELSE md5(c)::uuid END $$;
CREATE FUNCTION kpm.cell_details(d jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(d) e
    WHERE e.key NOT IN ('mark', 'verified_at') AND e.value <> 'null'::jsonb
        AND NOT (e.key IN ('note', 'no_need_reason') AND e.value = '""'::jsonb) $$;

CREATE TABLE kpm.cell_changes (
    rev bigint PRIMARY KEY DEFAULT nextval('kpm.rev_seq'),
    customer uuid NOT NULL,
    product uuid NOT NULL,
    verified_at timestamptz,
    changed_at timestamptz NOT NULL DEFAULT now(),
    client_seq bigint NOT NULL,
    client_id uuid NOT NULL,
    mark smallint CHECK (mark > 0),  -- NULL: a white spot again
    author text NOT NULL DEFAULT session_user,
    details jsonb,  -- the other fields, only those that are set
    UNIQUE (client_id, client_seq)
);
CREATE INDEX cell_changes_key ON kpm.cell_changes (customer, product, rev);
CREATE TABLE kpm.cell_state (
    customer uuid NOT NULL,
    product uuid NOT NULL,
    rev bigint NOT NULL DEFAULT nextval('kpm.rev_seq'),
    verified_at timestamptz,
    changed_at timestamptz NOT NULL DEFAULT now(),
    client_id uuid NOT NULL,
    mark smallint CHECK (mark > 0),
    author text NOT NULL DEFAULT session_user,
    details jsonb,
    PRIMARY KEY (customer, product)
);
CREATE INDEX cell_state_rev ON kpm.cell_state (rev);
CREATE TABLE kpm.cell_base (
    customer uuid NOT NULL,
    product uuid NOT NULL,
    rev bigint NOT NULL,
    verified_at timestamptz,
    mark smallint,
    details jsonb,
    PRIMARY KEY (customer, product, rev)
);

-- the cells of a version 1 server move over (every one of them has its log row there)
INSERT INTO kpm.cell_changes (rev, customer, product, verified_at, changed_at, client_seq,
    client_id, mark, author, details)
SELECT rev, split_part(key, '/', 1)::uuid, split_part(key, '/', 2)::uuid,
    (data->>'verified_at')::timestamptz, changed_at, client_seq, kpm.client_uuid(client_id),
    (data->>'mark')::smallint, author, kpm.cell_details(data)
FROM kpm.changes WHERE kind = 'cell';
INSERT INTO kpm.cell_state (customer, product, rev, verified_at, changed_at, client_id, mark,
    author, details)
SELECT split_part(key, '/', 1)::uuid, split_part(key, '/', 2)::uuid, rev,
    (data->>'verified_at')::timestamptz, changed_at, kpm.client_uuid(client_id),
    (data->>'mark')::smallint, author, kpm.cell_details(data)
FROM kpm.state WHERE kind = 'cell';
DELETE FROM kpm.state WHERE kind = 'cell';
DELETE FROM kpm.changes WHERE kind = 'cell';
ALTER TABLE kpm.changes DROP CONSTRAINT changes_kind_check;
ALTER TABLE kpm.changes ADD CONSTRAINT changes_kind_check
    CHECK (kind IN ('group', 'competitor', 'product', 'customer', 'note', 'goal'));

CREATE TRIGGER cell_changes_lock BEFORE INSERT ON kpm.cell_changes
    FOR EACH STATEMENT EXECUTE FUNCTION kpm.lock_push();
CREATE TRIGGER cell_state_lock BEFORE INSERT ON kpm.cell_state
    FOR EACH STATEMENT EXECUTE FUNCTION kpm.lock_push();
CREATE FUNCTION kpm.apply_cell_changes() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, kpm AS $$
BEGIN
    INSERT INTO kpm.cell_base (customer, product, rev, verified_at, mark, details)
    SELECT s.customer, s.product, s.rev, s.verified_at, s.mark, s.details
    FROM kpm.cell_state s JOIN (SELECT DISTINCT customer, product FROM new_rows) n
        ON n.customer = s.customer AND n.product = s.product
    WHERE NOT EXISTS (SELECT 1 FROM kpm.cell_changes c WHERE c.rev = s.rev)
    ON CONFLICT DO NOTHING;
    INSERT INTO kpm.cell_state AS s (customer, product, rev, verified_at, changed_at, client_id,
        mark, author, details)
    SELECT DISTINCT ON (customer, product) customer, product, rev, verified_at, changed_at,
        client_id, mark, author, details
    FROM new_rows ORDER BY customer, product, rev DESC
    ON CONFLICT (customer, product) DO UPDATE SET rev = EXCLUDED.rev,
        verified_at = EXCLUDED.verified_at, changed_at = EXCLUDED.changed_at,
        client_id = EXCLUDED.client_id, mark = EXCLUDED.mark, author = EXCLUDED.author,
        details = EXCLUDED.details
    WHERE s.rev < EXCLUDED.rev;
    RETURN NULL;
END $$;
CREATE TRIGGER cell_changes_apply AFTER INSERT ON kpm.cell_changes
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kpm.apply_cell_changes();

ALTER TABLE kpm.cell_state ENABLE ROW LEVEL SECURITY;
CREATE POLICY cell_state_read ON kpm.cell_state FOR SELECT
    USING (customer IN (SELECT t.customer FROM kpm.territory t));
-- publishing the team matrix: new cells only (no UPDATE privilege), a manager only
CREATE POLICY cell_state_publish ON kpm.cell_state FOR INSERT
    WITH CHECK ((SELECT kpm.my_role()) = 'manager');
ALTER TABLE kpm.cell_base ENABLE ROW LEVEL SECURITY;
CREATE POLICY cell_base_read ON kpm.cell_base FOR SELECT
    USING (customer IN (SELECT t.customer FROM kpm.territory t));
ALTER TABLE kpm.cell_changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY cell_changes_read ON kpm.cell_changes FOR SELECT
    USING (customer IN (SELECT t.customer FROM kpm.territory t));
CREATE POLICY cell_changes_write ON kpm.cell_changes FOR INSERT WITH CHECK (
    (SELECT kpm.my_role()) = 'manager'
    OR (SELECT kpm.my_role()) = 'rep' AND customer IN (SELECT t.customer FROM kpm.territory t)
);
"""

# Version 3 (issue 17): the access rules ask who the user is once per statement, not once
# per row. ``kpm.my_role()``/``my_regions()``/``my_owners()`` are SECURITY DEFINER functions,
# which PostgreSQL never inlines: called bare in a policy they ran for every territory row a
# rep's pull reads (a rep's sync with nothing to do took ~330 ms at M). Wrapped in a scalar
# sub-select they become an init plan, evaluated once. Same rules, same results; only the
# policies change, so a client of this version still syncs against a version-2 server
# (``SERVER_SCHEMA_COMPATIBLE``) until the manager runs ``kpm team init``.
_V3 = """
ALTER POLICY users_read ON kpm.users
    USING (name = session_user OR (SELECT kpm.my_role()) = 'manager');
ALTER POLICY users_insert ON kpm.users WITH CHECK ((SELECT kpm.my_role()) = 'manager');
ALTER POLICY users_update ON kpm.users
    USING ((SELECT kpm.my_role()) = 'manager') WITH CHECK ((SELECT kpm.my_role()) = 'manager');
ALTER POLICY territory_read ON kpm.territory
    USING ((SELECT kpm.my_role()) = 'manager' OR (SELECT kpm.my_role()) = 'viewer'
           AND (SELECT cardinality(kpm.my_regions()) + cardinality(kpm.my_owners())) = 0
           OR region = ANY ((SELECT kpm.my_regions())::text[])
           OR owner = ANY ((SELECT kpm.my_owners())::text[]));
ALTER POLICY changes_write ON kpm.changes WITH CHECK (
    (SELECT kpm.my_role()) = 'manager'
    OR (SELECT kpm.my_role()) = 'rep' AND (
        kind = 'competitor'
        OR customer IS NOT NULL AND customer IN (SELECT t.customer FROM kpm.territory t)
        OR kind = 'customer' AND NOT kpm.customer_known(customer)
           AND (data->>'region' = ANY ((SELECT kpm.my_regions())::text[])
                OR data->>'owner' = ANY ((SELECT kpm.my_owners())::text[]))
    )
);
"""

# Each entry upgrades the server schema by one version; never edit a shipped one.
SERVER_MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3)
SERVER_SCHEMA_VERSION = len(SERVER_MIGRATIONS)
# The oldest server schema this client syncs with: version 3 changed access rules only.
SERVER_SCHEMA_COMPATIBLE = 2


_CELL_GRANTS = (
    "GRANT SELECT ON kpm.cell_state, kpm.cell_changes, kpm.cell_base TO {g}",
    "GRANT INSERT (customer, product, verified_at, client_seq, client_id, mark, details) "
    "ON kpm.cell_changes TO {g}",
    "GRANT INSERT (customer, product, verified_at, client_id, mark, details) "
    "ON kpm.cell_state TO {g}",
)


def group_role(dbname: str) -> str:
    """The NOLOGIN role every member of this team's database belongs to."""
    return "kpm_" + re.sub(r"[^a-z0-9_]", "_", dbname.lower())[:50]


def schema_version(conn: psycopg.Connection) -> int | None:
    """The team schema version on the server, or None if there is no team schema."""
    row = conn.execute("SELECT to_regclass('kpm.meta')").fetchone()
    if row is None or row[0] is None:
        return None
    row = conn.execute("SELECT value FROM kpm.meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def check_version(conn: psycopg.Connection) -> int:
    version = schema_version(conn)
    if version is None:
        raise NotATeamError("no_team")
    if version > SERVER_SCHEMA_VERSION:
        raise NewerServerSchemaError(
            "newer_server", version=version, supported=SERVER_SCHEMA_VERSION
        )
    if version < SERVER_SCHEMA_COMPATIBLE:
        raise TeamError("server_upgrade")
    return version


def _setup_error(
    conn: psycopg.Connection, exc: psycopg.Error, step: int | None
) -> ServerSetupError | None:
    """The one line for a statement the server refused in an init step (``step``: the team
    format it started from; None: the access rights), or None when it is no refusal: the
    connection was lost or the server went down (those stay "the connection broke off"),
    or a right is missing (that stays "not allowed for your role")."""
    code = refusal(exc, conn)
    if code is None or isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return None
    if step is None:
        return ServerSetupError("init_rights_refused", code=code, version=SERVER_SCHEMA_VERSION)
    if step == 0:
        return ServerSetupError("init_first_refused", code=code)
    return ServerSetupError("init_step_refused", code=code, version=step + 1, before=step)


def init(conn: psycopg.Connection) -> tuple[int, int]:
    """Create or upgrade the team schema; returns (version before, version after).

    Idempotent; each migration is one transaction. The user running it becomes a manager.
    A statement the server refuses (an SQL error, e.g. an object in the way) is a
    ``ServerSetupError`` that names the step: that step is rolled back as a whole, the steps
    before it stay, and running init again goes on from there.
    """
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('kpm.init'))")
        before = schema_version(conn) or 0
        if before > SERVER_SCHEMA_VERSION:
            raise NewerServerSchemaError(
                "newer_server_unchanged", version=before, supported=SERVER_SCHEMA_VERSION
            )
    dbname = conn.info.dbname
    group = group_role(dbname)
    for version in range(before, SERVER_SCHEMA_VERSION):
        with _refused_in_step(conn, version), conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(hashtext('kpm.init'))")
            if (schema_version(conn) or 0) != version:
                continue  # someone else upgraded meanwhile
            conn.execute(SERVER_MIGRATIONS[version])
            conn.execute(
                "INSERT INTO kpm.meta (key, value) VALUES ('schema_version', %s) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                (str(version + 1),),
            )
    with _refused_in_step(conn, None):
        _grant(conn, dbname, group)
    return before, SERVER_SCHEMA_VERSION


@contextlib.contextmanager
def _refused_in_step(conn: psycopg.Connection, step: int | None) -> Iterator[None]:
    """Re-raise a statement the server refused in this init step as its ``ServerSetupError``
    (``_setup_error``); anything else as it is."""
    try:
        yield
    except psycopg.Error as exc:
        error = _setup_error(conn, exc, step)
        if error is None:
            raise
        raise error from exc


def _grant(conn: psycopg.Connection, dbname: str, group: str) -> None:
    """The team's group role, its rights, and the user running init as a manager."""
    with conn.transaction():
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (group,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(group)))
        g = sql.Identifier(group)
        for statement in (
            "REVOKE CONNECT ON DATABASE {db} FROM PUBLIC",
            "GRANT CONNECT ON DATABASE {db} TO {g}",
            "GRANT USAGE ON SCHEMA kpm TO {g}",
            "GRANT SELECT ON kpm.meta, kpm.users, kpm.territory, kpm.state, kpm.changes TO {g}",
            "GRANT INSERT (kind, key, customer, data, client_id, client_seq) ON kpm.changes TO {g}",
            "GRANT INSERT, UPDATE ON kpm.users TO {g}",
            "GRANT USAGE ON SEQUENCE kpm.rev_seq TO {g}",
            *(_CELL_GRANTS if SERVER_SCHEMA_VERSION >= 2 else ()),
        ):
            conn.execute(sql.SQL(statement).format(db=sql.Identifier(dbname), g=g))
        conn.execute(
            "INSERT INTO kpm.users (name, role) VALUES (session_user, 'manager') "
            "ON CONFLICT (name) DO NOTHING"
        )


@dataclass(frozen=True, slots=True)
class TeamUser:
    name: str
    role: str
    regions: tuple[str, ...]
    owners: tuple[str, ...]

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "role": self.role,
            "regions": list(self.regions),
            "owners": list(self.owners),
        }


def me(conn: psycopg.Connection) -> TeamUser:
    row = conn.execute(
        "SELECT name, role, regions, owners FROM kpm.users WHERE name = session_user"
    ).fetchone()
    if row is None:
        session = conn.execute("SELECT session_user").fetchone()
        assert session is not None  # SELECT session_user always returns one row
        who = session[0]
        raise TeamError("not_member", who=who)
    return TeamUser(row[0], row[1], tuple(row[2]), tuple(row[3]))


def users(conn: psycopg.Connection) -> list[TeamUser]:
    check_version(conn)
    return [
        TeamUser(r[0], r[1], tuple(r[2]), tuple(r[3]))
        for r in conn.execute("SELECT name, role, regions, owners FROM kpm.users ORDER BY name")
    ]


_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.@-]{0,62}$")


def add_user(
    conn: psycopg.Connection,
    name: str,
    role: str,
    regions: tuple[str, ...] = (),
    owners: tuple[str, ...] = (),
    password: str | None = None,
) -> tuple[TeamUser, str | None]:
    """Create (or update) a login role and its territory; returns (user, new password).

    A new role without a given password gets a random one, returned once for the manager
    to pass on; an existing role keeps its password unless one is given.
    """
    if role not in ROLES:
        raise TeamError("unknown_role", role=repr(role))
    if not _NAME.match(name):
        raise TeamError("bad_user_name", name=repr(name))
    if role == "rep" and not regions and not owners:
        raise TeamError("rep_needs_territory")
    check_version(conn)
    group = group_role(conn.info.dbname)
    new_password: str | None = None
    with conn.transaction():
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
        ident = sql.Identifier(name)
        if not exists:
            new_password = password or secrets.token_urlsafe(12)
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(ident, sql.Literal(new_password))
            )
        elif password:
            conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(ident, sql.Literal(password)))
            new_password = password
        conn.execute(
            sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), ident),
        )
        conn.execute(
            sql.SQL(
                "ALTER ROLE {} " + ("CREATEROLE" if role == "manager" else "NOCREATEROLE")
            ).format(ident)
        )
        conn.execute(
            "INSERT INTO kpm.users (name, role, regions, owners) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (name) DO UPDATE SET role = EXCLUDED.role, regions = EXCLUDED.regions, "
            "owners = EXCLUDED.owners",
            (name, role, list(regions), list(owners)),
        )
    return TeamUser(name, role, tuple(regions), tuple(owners)), new_password
