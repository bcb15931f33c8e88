"""A normal (non-editable) install has everything: German UI, icons, translations.

The first release found its translations and icons next to the source tree, so ``pip install``
of a wheel started an English app with no icon. This builds the wheel from the tracked files
only, installs it into a fresh venv (not editable, no source tree on ``sys.path``) and runs the
installed ``kpm-desktop --smoke-test --lang de``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _tracked_copy(target: Path) -> Path:
    """The repository's tracked files (what a clean clone has) copied to ``target``."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False)
    if listed.returncode != 0:  # not a git checkout: everything but local build state
        shutil.copytree(
            ROOT,
            target,
            ignore=shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info"),
        )
        return target
    for rel in filter(None, listed.stdout.decode().split("\0")):
        src = ROOT / rel
        if src.is_file():
            dst = target / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
    return target


def _bin(env_dir: Path, name: str) -> Path:
    return env_dir / ("Scripts" if os.name == "nt" else "bin") / name


def test_wheel_installed_non_editable_starts_in_german_with_icon(tmp_path: Path) -> None:
    source = _tracked_copy(tmp_path / "src")
    wheels = tmp_path / "wheels"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = wheels.glob("kpm_desktop-*.whl")

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = _bin(env_dir, "python")
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(wheel)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr

    work = tmp_path / "work"  # neither the source tree nor the wheel's folder
    work.mkdir()
    where = subprocess.run(
        [str(python), "-c", "import kpm_desktop; print(kpm_desktop.__file__)"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(env_dir)  # the installed copy, not ROOT

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"))
    for var in ("PYTHONPATH", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        env.pop(var, None)
    smoke = subprocess.run(
        [str(_bin(env_dir, "kpm-desktop")), "--smoke-test", "--lang", "de"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    report = json.loads(smoke.stdout.strip().splitlines()[-1])
    assert report["frozen"] is False
    assert report["language"] == "de" and "kpm_de" in report["app_translations"]
    assert report["file_menu"] == "&Datei"  # German text on screen, not the English source
    assert {16, 32, 48, 256} <= set(report["icon_sizes"])  # the window icon
