"""``kpm-desktop --smoke-test``: what the installer builds rely on to prove the app works."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from kpm_desktop.gui.smoke import MIN_DISTINCT_COLOURS, SmokeTestError, check_not_blank

ROOT = Path(__file__).resolve().parents[2]


def test_blank_and_black_windows_fail_the_render_check() -> None:
    for colour in ("white", "black"):
        image = QImage(800, 600, QImage.Format.Format_RGB32)
        image.fill(QColor(colour))
        with pytest.raises(SmokeTestError, match="looks blank"):
            check_not_blank(image)


def test_a_drawn_window_passes_the_render_check() -> None:
    image = QImage(800, 600, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for i in range(40):  # a grid of coloured cells, like the matrix
        painter.fillRect((i % 8) * 100, (i // 8) * 120, 90, 110, QColor.fromHsv(i * 9, 200, 220))
    painter.end()
    assert check_not_blank(image) >= MIN_DISTINCT_COLOURS


def _smoke(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    pythonpath = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    environ = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=pythonpath, **env)
    return subprocess.run(
        [sys.executable, "-m", "kpm_desktop", "--smoke-test", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environ,
        timeout=120,
    )


def test_smoke_test_from_source_passes_and_reports(tmp_path: Path) -> None:
    report, shot = tmp_path / "report.json", tmp_path / "shot.png"
    result = _smoke(tmp_path, KPM_SMOKE_REPORT=str(report), KPM_SMOKE_SCREENSHOT=str(shot))
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stdout.strip().splitlines()[-1])
    assert line["smoke_test"] == "ok" and line["frozen"] is False
    assert set(line["seconds"]) >= {"qt", "demo", "window", "render", "xlsx", "print"}
    assert line["xlsx_sheets"] >= 1 and line["colours"] >= MIN_DISTINCT_COLOURS
    assert line["language"] == "de" and "kpm_de" in line["app_translations"]
    assert json.loads(report.read_text(encoding="utf-8")) == line
    assert not QImage(str(shot)).isNull()
    # nothing was left behind in the working directory or the user's folders
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "shot.png"]


def test_a_failing_step_is_named_reported_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    from kpm_desktop.gui import smoke

    # run_smoke_test points these at its temp home; monkeypatch restores them afterwards.
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, os.environ.get(var, str(tmp_path / var)))
    monkeypatch.setenv("KPM_DATA_DIR", str(tmp_path / "data"))
    report = tmp_path / "report.txt"
    monkeypatch.setenv("KPM_SMOKE_REPORT", str(report))
    monkeypatch.setattr(smoke._Smoke, "start_qt", lambda self: None)

    def broken_demo(self):
        raise OSError("disk full")

    monkeypatch.setattr(smoke._Smoke, "create_demo", broken_demo)
    assert smoke.run_smoke_test() == smoke.EXIT_FAILED
    err = capsys.readouterr().err
    assert "kpm-desktop --smoke-test: FAILED at demo: disk full" in err
    assert report.read_text(encoding="utf-8").startswith(
        "kpm-desktop --smoke-test: FAILED at demo: disk full"
    )
