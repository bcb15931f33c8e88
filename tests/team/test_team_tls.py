"""TLS and expired logins against a real server (issue 17, security).

A throw-away cluster with ``ssl=on`` and a certificate made here (a CA and a server
certificate for localhost): ``sslmode=verify-full`` with the right CA connects; with a wrong
CA ``kpm sync`` prints the one TLS line and nothing is lost. A login whose ``VALID UNTIL``
lies in the past gives the expired-login line.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import shutil
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from pgcluster import Cluster, find_bindir

from kpm_desktop.cli import main as kpm
from kpm_desktop.domain.marks import Mark
from kpm_desktop.storage.repository import Repository
from kpm_desktop.team import engine, server
from kpm_desktop.team.connect import AuthenticationError, TlsError, connect
from kpm_desktop.team.publish import publish
from tests.helpers.team import server_cells

x509 = pytest.importorskip("cryptography.x509")
from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402
from cryptography.x509.oid import NameOID  # noqa: E402


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _ca(path: Path, common: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common))
        .issuer_name(_name(common))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key, cert


def _server_cert(
    ca_key: ec.EllipticCurvePrivateKey, ca: x509.Certificate, cert_path: Path, key_path: Path
) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("localhost"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


@pytest.fixture(scope="module")
def tls_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Cluster, Path, Path]]:
    """(cluster with ssl=on, the right CA file, a wrong CA file)."""
    bindir = find_bindir()
    if bindir is None:
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl) found")
    certs = tmp_path_factory.mktemp("certs")
    ca_key, ca = _ca(certs / "ca.crt", "KPM Test CA")
    _ca(certs / "wrong-ca.crt", "Some Other CA")
    _server_cert(ca_key, ca, certs / "server.crt", certs / "server.key")
    cluster = Cluster(bindir, tls=(certs / "server.crt", certs / "server.key")).start()
    try:
        yield cluster, certs / "ca.crt", certs / "wrong-ca.crt"
    finally:
        cluster.stop()


def _tls_url(cluster: Cluster, dbname: str, ca: Path) -> str:
    return (
        f"host=localhost hostaddr=127.0.0.1 port={cluster.port} dbname={dbname} "
        f"sslmode=verify-full sslrootcert={ca}"
    )


def test_verify_full_connects_and_a_wrong_ca_is_one_line_nothing_lost(
    tls_cluster: tuple[Cluster, Path, Path], demo_file: Path, pgpass: Path, tmp_path: Path, capsys
) -> None:
    cluster, ca, wrong_ca = tls_cluster
    cluster.admin_sql('CREATE DATABASE "tlsteam" TEMPLATE template0')
    admin = cluster.url("tlsteam")
    with connect(admin) as conn:
        server.init(conn)
        server.add_user(conn, "anna", "rep", ("Nord",), (), password="pw-anna")
    pgpass.write_text("*:*:*:anna:pw-anna\n", encoding="utf-8")
    manager = tmp_path / "manager.kpm"
    shutil.copyfile(demo_file, manager)
    publish(manager, admin)

    # the right CA: the rep joins over verify-full TLS, and the connection is encrypted
    url = _tls_url(cluster, "tlsteam", ca)
    with connect(url, "anna") as conn:
        assert conn.pgconn.ssl_in_use
        assert conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()[
            0
        ]
    anna = tmp_path / "anna.kpm"
    assert kpm(["team", "clone", url, str(anna), "--user", "anna"]) == 0
    capsys.readouterr()
    with Repository.open(anna) as repo:
        url = engine.team_state(repo)["team_url"]  # the file keeps TLS on
        assert "sslmode=verify-full" in url and str(ca) in url
        cust = next(c for c in repo.load_customers() if c.region == "Nord")
        product = repo.load_products()[0]
        current = repo.get_cell(cust.id, product.id)
        mark = Mark.NEED if current is None or current.mark != Mark.NEED else Mark.OURS
        repo.set_marks([(cust.id, product.id, mark)])
        with repo.transaction() as lconn:  # the server's certificate is not from this CA
            lconn.execute(
                "UPDATE sync_state SET value = ? WHERE key = 'team_url'",
                (url.replace(str(ca), str(wrong_ca)),),
            )
        pending = engine.pending_count(repo)
    assert pending >= 1

    assert kpm(["sync", str(anna)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert "secure (TLS) connection" in err[0] and "kept" in err[0]
    assert "certificate verify failed" not in err[0]  # no library text reaches the user
    with pytest.raises(TlsError) as caught:  # the GUI shows the same line, translated by key
        engine.sync_file(anna)
    assert caught.value.key == "tls_failed"
    with Repository.open(anna) as repo:
        assert engine.pending_count(repo) == pending
        assert repo.get_cell(cust.id, product.id).mark == mark  # type: ignore[union-attr]
        with repo.transaction() as lconn:
            lconn.execute("UPDATE sync_state SET value = ? WHERE key = 'team_url'", (url,))

    # back on the right CA the kept edit goes out
    assert kpm(["sync", str(anna)]) == 0
    with psycopg.connect(admin, autocommit=True) as conn:
        assert server_cells(conn)[("cell", f"{cust.uuid}/{product.uuid}")]["mark"] == int(mark)


def test_expired_login_is_one_line_and_nothing_lost(
    team_url: str, demo_file: Path, pgpass: Path, tmp_path: Path, capsys
) -> None:
    from tests.helpers.team import team_with_demo

    files, _rep_url = team_with_demo(team_url, demo_file, pgpass, tmp_path)
    with Repository.open(files["anna"]) as repo:
        cust = next(c for c in repo.load_customers() if c.region == "Nord")
        product = repo.load_products()[1]
        repo.set_marks([(cust.id, product.id, Mark.NO_NEED)])
        pending = engine.pending_count(repo)
    with psycopg.connect(team_url, autocommit=True) as conn:
        conn.execute("ALTER ROLE anna VALID UNTIL '2020-01-01 00:00:00+00'")
    assert kpm(["sync", str(files["anna"])]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert "expired" in err[0] and "kept" in err[0]
    with pytest.raises(AuthenticationError) as caught:
        engine.sync_file(files["anna"])
    assert caught.value.key == "auth_failed"
    with Repository.open(files["anna"]) as repo:
        assert engine.pending_count(repo) == pending
    # the manager renews the login: the kept edit goes out
    with psycopg.connect(team_url, autocommit=True) as conn:
        conn.execute("ALTER ROLE anna VALID UNTIL 'infinity'")
    assert kpm(["sync", str(files["anna"])]) == 0
    with Repository.open(files["anna"]) as repo:
        assert engine.pending_count(repo) == 0
