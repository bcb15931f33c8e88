"""Reliability at the edges (issue 16): a disk-full loop on a filling tmpfs and a table of
damaged files (``kpm check`` exit code and message, GUI outcome, file unchanged).

    python bench/bench_reliability.py [--edits 300] [--seed 1] [--skip-gui]

Needs root for the tmpfs (as CI); without it the disk-full loop is skipped and says so.
Prints one JSON line per figure and, at the end, the damaged-file table as Markdown.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from common import ROOT, emit

from kpm_desktop.domain.entities import Note
from kpm_desktop.domain.marks import Mark
from kpm_desktop.samples.demo import write_demo
from kpm_desktop.storage import database
from kpm_desktop.storage.backup import backup_file
from kpm_desktop.storage.errors import DiskFullError
from kpm_desktop.storage.repository import Repository

BENCH = "reliability"


# -- disk-full loop ------------------------------------------------------------------------
@contextlib.contextmanager
def tmpfs(size: str) -> Iterator[Path | None]:
    point = Path(tempfile.mkdtemp(prefix="kpm-full-"))
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        print(f"disk-full loop SKIPPED: cannot mount a tmpfs ({done.stderr.strip()})")
        yield None
        return
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True, check=False)
        shutil.rmtree(point, ignore_errors=True)


def disk_full_loop(edits: int, seed: int) -> dict[str, int] | None:
    """Edits into a 4 MB tmpfs that a filler file keeps nearly full; each edit is either
    reported saved (and must be in the file) or reported not saved (and must be absent)."""
    rng = random.Random(seed)
    # Checkpoints every 64 KB of log instead of 4 MB, so that they happen (and fail) inside
    # a 4 MB drive: the edits whose commit succeeds and whose checkpoint fails are counted.
    database.CHECKPOINT_WAL_BYTES = 64 * 1024
    with tmpfs("4m") as point:
        if point is None:
            return None
        path = write_demo(point / "Gebiet.kpm")
        filler = point / "filler"
        filler.write_bytes(b"")
        counts = dict(saved=0, not_saved=0, other_errors=0, saved_checkpoint_pending=0,
                      mismatches=0, refills=0)  # fmt: skip
        marks: dict[tuple[int, int], Mark | None] = {}
        notes: dict[int, str] = {}  # id -> text of notes reported saved
        repo = Repository.open(path)
        m = repo.load_matrix()
        cells = [(c.id, p.id) for c in m.customers for p in m.products]
        for cid, pid in cells:
            rec = repo.get_cell(cid, pid)
            marks[(cid, pid)] = rec.mark if rec else None
        notes.update({n.id: n.text for c in m.customers for n in repo.notes_for(c.id)})  # type: ignore[misc]
        for i in range(edits):
            # Keep the drive nearly full: top the filler up to a random few KB of free space.
            free = shutil.disk_usage(point).free
            target = rng.choice((0, 4, 16, 48, 96, 160)) * 1024
            if free > target:
                with filler.open("ab") as fh, contextlib.suppress(OSError):
                    fh.write(b"\0" * (free - target))
                counts["refills"] += 1
            elif rng.random() < 0.3:  # sometimes space comes back (the user deletes files)
                os.truncate(filler, max(filler.stat().st_size - rng.randrange(64, 512) * 1024, 0))
            kind = rng.random()
            try:
                if kind < 0.6:
                    batch = rng.sample(cells, rng.choice((1, 1, 5, 40, 200)))
                    mark = rng.choice([*Mark, None])
                    repo.set_marks([(c, p, mark) for c, p in batch])
                    for key in batch:
                        marks[key] = mark
                else:
                    cid = rng.choice(m.customers).id
                    text = f"Besuch {i}: " + "x" * rng.choice((50, 2_000, 30_000))
                    note = repo.add_note(Note(customer_id=cid, text=text, note_date=date.today()))  # type: ignore[arg-type]
                    notes[note.id] = text  # type: ignore[index]
                counts["saved"] += 1
                if repo.checkpoint_problem is not None:
                    counts["saved_checkpoint_pending"] += 1
            except DiskFullError:
                counts["not_saved"] += 1
            except Exception as exc:  # anything else is a failure of the promise
                counts["other_errors"] += 1
                print(f"edit {i}: unexpected {type(exc).__name__}: {exc}")
        repo.close()
        filler.unlink()
        with Repository.open(path, read_only=True) as check:
            problems = check.verify()
            for key, mark in marks.items():
                rec = check.get_cell(*key)
                if (rec.mark if rec else None) != mark:
                    counts["mismatches"] += 1
            stored = {n.id: n.text for c in m.customers for n in check.notes_for(c.id)}  # type: ignore[misc]
            counts["mismatches"] += sum(1 for k, t in notes.items() if stored.get(k) != t)
            counts["mismatches"] += len(set(stored) - set(notes))  # not-saved notes present
        counts["integrity_problems"] = len(problems)
        return counts


# -- damaged files -------------------------------------------------------------------------
def _hash(path: Path) -> str:
    digest = hashlib.sha256()
    for p in (path, path.with_name(path.name + "-wal")):
        if p.exists():
            digest.update(p.read_bytes())
    return digest.hexdigest()


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    conn.close()


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _random_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    rng = random.Random(3)
    for _ in range(6):
        page = rng.randrange(2, len(data) // 4096)
        data[page * 4096 + 200 : page * 4096 + 1200] = rng.randbytes(1000)
    path.write_bytes(bytes(data))


def _index(path: Path) -> None:
    _sql(
        path,
        "PRAGMA writable_schema = ON",
        "UPDATE sqlite_master SET sql = 'CREATE INDEX customers_number ON customers(name)' "
        "WHERE name = 'customers_number'",
        "PRAGMA writable_schema = OFF",
    )


def _foreign_key(path: Path) -> None:
    _sql(path, "PRAGMA foreign_keys = OFF", "UPDATE notes SET customer_id = 999999 WHERE rowid = 1")


def _crash(path: Path, damage_wal: bool) -> None:
    child = (
        "import os, signal, sys\n"
        "from kpm_desktop.domain.marks import Mark\n"
        "from kpm_desktop.storage.repository import Repository\n"
        "repo = Repository.open(sys.argv[1]); m = repo.load_matrix()\n"
        "for i in range(20):\n"
        "    repo.set_marks([(m.customers[i].id, m.products[0].id, Mark.COMPETITOR)])\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    subprocess.run([sys.executable, "-c", child, str(path)], cwd=ROOT, check=False)
    wal = path.with_name(path.name + "-wal")
    if damage_wal:
        data = bytearray(wal.read_bytes())
        offset = 32 + 10 * (24 + 4096) + 124
        data[offset : offset + 64] = b"\xaa" * 64
        wal.write_bytes(bytes(data))
    else:
        wal.unlink()  # copied without its log / log deleted after the crash
        path.with_name(path.name + "-shm").unlink(missing_ok=True)


def _foreign(path: Path) -> None:
    path.unlink()
    _sql(
        path,
        "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)",
        "PRAGMA user_version = 42",
    )


def _empty(path: Path) -> None:
    path.unlink()
    _sql(path, "CREATE TABLE t (x)", "DROP TABLE t")


def _newer(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[60:64] = (999).to_bytes(4, "big")
    path.write_bytes(bytes(data))


def _text(path: Path) -> None:
    path.write_text("Kunde;Produkt\nMüller;X\n", encoding="utf-8")


CASES: list[tuple[str, Callable[[Path], None]]] = [
    ("sound file (baseline)", lambda p: None),
    ("index entry points at the wrong row (integrity_check only)", _index),
    ("foreign key violation", _foreign_key),
    ("random bytes over 6 pages", _random_pages),
    ("truncated to half", _truncate),
    ("-wal lost after a crash (marked open)", lambda p: _crash(p, damage_wal=False)),
    ("-wal overwritten in the middle after a crash", lambda p: _crash(p, damage_wal=True)),
    ("another application's SQLite file (user_version 42)", _foreign),
    ("empty SQLite file", _empty),
    ("written by a newer KPM Desktop (format 999)", _newer),
    ("not SQLite (a CSV renamed .kpm)", _text),
]


def gui_outcome(path: Path, app) -> str:
    """Open the file in the real main window (restore offers declined) and describe it."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from kpm_desktop.gui.main_window import MainWindow
    from kpm_desktop.gui.safety import controller
    from kpm_desktop.gui.settings import UiSettings

    shown: list[str] = []
    QMessageBox.warning = lambda parent, title, text, *a: shown.append(title)  # type: ignore[method-assign]
    QMessageBox.question = lambda *a, **k: QMessageBox.StandardButton.No  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as tmp:
        settings = UiSettings(QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat))
        win = MainWindow(settings)
        win.persist_state = False
        ctl = controller(win)
        offers: list[str] = []
        ctl.ask = lambda title, text, yes, no: offers.append(title) or False  # type: ignore[method-assign]
        win.show()
        opened = win.open_file(path)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:  # the background check after the first frame
            app.processEvents()
            ws = win.workspace
            check = ctl.full_check
            if ws is None or ws.read_only or (check is not None and not check.running()):
                app.processEvents()
                break
            time.sleep(0.02)
        ws = win.workspace
        if not opened:
            outcome = (
                "refused"
                + (": restore offered" if offers else "")
                + (f" ({shown[-1]})" if shown else "")
            )
        elif ws is not None and ws.read_only and ctl.damaged_copy is not None:
            outcome = "opened, background check → read-only, restore offered, kept as .damaged-DATE"
        elif ws is not None and ws.read_only:
            outcome = "opened read-only"
        else:
            outcome = "opened editable"
            if shown:
                outcome += f" + message “{shown[-1]}”"
        win.close()
        win.deleteLater()
        app.processEvents()
    return outcome


def damaged_table(with_gui: bool) -> list[dict[str, str]]:
    app = None
    if with_gui:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([])
    rows = []
    for name, damage in CASES:
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["KPM_DATA_DIR"] = str(Path(tmp) / "appdata")
            path = write_demo(Path(tmp) / "Gebiet.kpm")
            backup_file(path, "auto")
            damage(path)
            before = _hash(path)
            done = subprocess.run(
                [sys.executable, "-m", "kpm_desktop.cli", "check", str(path)],
                capture_output=True,
                text=True,
                cwd=ROOT,
                check=False,
            )
            lines = [ln for ln in (done.stdout + done.stderr).splitlines() if ln.strip()]
            message = next((ln for ln in lines if "running the full" not in ln), "")
            unchanged_cli = _hash(path) == before
            outcome = gui_outcome(path, app) if app is not None else "—"
            unchanged_gui = _hash(path) == before if app is not None else None
            rows.append(
                {
                    "case": name,
                    "exit": str(done.returncode),
                    "message": message.replace(str(path), "Gebiet.kpm")[:110],
                    "traceback": "yes" if "Traceback" in done.stderr else "no",
                    "gui": outcome,
                    "unchanged": "yes" if unchanged_cli else "NO",
                    "unchanged_gui": "—"
                    if unchanged_gui is None
                    else ("yes" if unchanged_gui else "no (opened for editing)"),
                }
            )
            emit(BENCH, "damaged_file", float(done.returncode), "exit code", **rows[-1])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-gui", action="store_true")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    counts = disk_full_loop(args.edits, args.seed)
    if counts is not None:
        for key, value in counts.items():
            emit(BENCH, f"disk_full_{key}", float(value), "count", edits=args.edits)
        emit(BENCH, "disk_full_seconds", time.perf_counter() - start, "s")
    rows = damaged_table(not args.skip_gui)
    print()
    print(
        "| case | `kpm check` exit | `kpm check` says | GUI outcome (restore declined) "
        "| unchanged by `kpm check` | unchanged by the GUI |"
    )
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['case']} | {r['exit']} | {r['message']} | {r['gui']} | {r['unchanged']} "
            f"| {r['unchanged_gui']} |"
        )
    ok = counts is None or (counts["mismatches"] == 0 and counts["other_errors"] == 0)
    return 0 if ok and all(r["traceback"] == "no" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
