"""A throw-away PostgreSQL cluster for tests and benchmarks (no mocks of the server).

initdb + pg_ctl in a temp dir, listening only on a Unix socket in that dir. initdb and
postgres refuse to run as root: as root (CI) they run as the ``postgres`` user the Debian
package creates, with the temp dir handed to it.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "kpm_admin"


def find_bindir() -> Path | None:
    env = os.environ.get("KPM_PG_BINDIR")
    candidates = [env] if env else []
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, check=True
            ).stdout.strip()
            candidates.append(out)
        except (OSError, subprocess.CalledProcessError):
            pass
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    candidates += sorted(glob.glob("/usr/local/opt/postgresql*/bin"), reverse=True)
    for c in candidates:
        if c and (Path(c) / "initdb").exists() and (Path(c) / "pg_ctl").exists():
            return Path(c)
    return None


class Cluster:
    """``tls``: (certificate, key) files; the cluster then also listens on 127.0.0.1 (a free
    port) with ``ssl=on`` and accepts TCP logins only over TLS."""

    def __init__(self, bindir: Path, tls: tuple[Path, Path] | None = None) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="kpm-pg-"))
        self.data = self.root / "data"
        self.socket = self.root / "sock"
        self.tls = tls
        if tls is None:
            self.port = 5432 + (os.getpid() % 1000) + 1000
        else:
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                self.port = probe.getsockname()[1]
        self._as_postgres = os.geteuid() == 0 if hasattr(os, "geteuid") else False

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        cmd = list(args)
        if self._as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, check=check, timeout=120)

    def start(self) -> Cluster:
        self.socket.mkdir()
        if self._as_postgres:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.socket, "postgres")
            os.chmod(self.root, 0o755)
        self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        # Password logins over the socket for the team's users; the admin stays trusted.
        hba = self.data / "pg_hba.conf"
        if self.tls is None:
            tcp = "host all all 127.0.0.1/32 scram-sha-256\n"
        else:
            tcp = "hostssl all all 127.0.0.1/32 scram-sha-256\n"
            for source, name in zip(self.tls, ("server.crt", "server.key"), strict=True):
                target = self.data / name
                shutil.copyfile(source, target)
                os.chmod(target, 0o600)
                if self._as_postgres:
                    shutil.chown(target, "postgres")
        hba.write_text(
            f"local all {SUPERUSER} trust\nlocal all all scram-sha-256\n{tcp}",
            encoding="utf-8",
        )
        self.pg_ctl("start")
        return self

    def pg_ctl(self, action: str) -> None:
        args = [
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.data),
            "-w",
            "-t",
            "60",
            action,
        ]
        if action in ("start", "restart"):
            listen = "''" if self.tls is None else "127.0.0.1 -c ssl=on"
            opts = (
                f"-k {self.socket} -p {self.port} -c listen_addresses={listen} -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=120 "
                "-c shared_buffers=64MB"
            )
            args += ["-o", opts, "-l", str(self.root / "log.txt")]
        if action == "stop":
            args += ["-m", "fast"]
        self._run(*args)

    def stop(self) -> None:
        try:
            self.pg_ctl("stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, dbname: str = "postgres", user: str | None = SUPERUSER) -> str:
        u = f"user={user} " if user else ""
        return f"host={self.socket} port={self.port} {u}dbname={dbname}"

    def admin_sql(self, statement: str, dbname: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(dbname), autocommit=True) as conn:
            conn.execute(statement)  # type: ignore[arg-type]
