"""Child processes in tests: the real program as a user starts it, and small Python children
that hold a file open (a second instance, a writer killed half-way)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]  # the checkout (cwd for child processes)


def run_desktop(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python -m kpm_desktop ARGS`` offscreen, output captured as text, never raising."""
    return subprocess.run(
        [sys.executable, "-m", "kpm_desktop", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


def run_kpm(*args: str, env: dict[str, str] | None = None, timeout: float = 120):
    """``python -m kpm_desktop.cli ARGS`` as a user runs ``kpm``: output captured as text,
    never raising; ``env`` adds to (or overrides) the environment."""
    return subprocess.run(
        [sys.executable, "-m", "kpm_desktop.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        cwd=REPO_ROOT,
        check=False,
    )


def profile_startup(path: Path) -> dict:
    """The JSON that ``kpm-desktop --profile-startup PATH`` prints (asserting exit code 0)."""
    out = run_desktop("--profile-startup", str(path))
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def python_child(code: str, *args: str) -> subprocess.Popen[str]:
    """A Python child running ``code`` with ``args`` in the checkout, talking over text pipes
    (stdin to tell it to go on, stdout for its "ready" lines); use it in a ``with``."""
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
    )


KILLED_WRITER = textwrap.dedent(
    """
    import sys
    from kpm_desktop.domain.marks import Mark
    from kpm_desktop.storage.repository import Repository
    repo = Repository.open(sys.argv[1])
    m = repo.load_matrix()
    repo.set_marks([(c.id, m.products[0].id, Mark.COMPETITOR) for c in m.customers])
    print("written", flush=True)
    sys.stdin.readline()
    """
)


def killed_writer(path: Path) -> None:
    """A child marks every customer's first product as competitor and is SIGKILLed after
    the commit, before it closes: the changes are left in the -wal."""
    with python_child(KILLED_WRITER, str(path)) as proc:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "written"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
