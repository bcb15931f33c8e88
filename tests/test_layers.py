"""The layering rule: nothing below workspace/ and report/ imports Qt."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kpm_desktop"
QT_FREE = ("domain", "storage", "team", "import_export", "samples")


def _qt_free_modules() -> list[str]:
    modules = []
    for layer in QT_FREE:
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            rel = path.relative_to(PACKAGE.parent).with_suffix("")
            parts = list(rel.parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules.append(".".join(parts))
    return modules


@pytest.mark.parametrize("layer", QT_FREE)
def test_no_qt_import_in_source(layer: str) -> None:
    offenders = []
    for path in (PACKAGE / layer).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {n}" for n in names if n.split(".")[0] in {"PySide6", "shiboken6"}
            ]
            offenders += [
                f"{path.name}: {n}"
                for n in names
                if n.startswith(("kpm_desktop.gui", "kpm_desktop.workspace", "kpm_desktop.report"))
            ]
    assert offenders == []


def test_lower_layers_import_with_pyside_blocked() -> None:
    """Import every Qt-free module in a fresh interpreter where PySide6 cannot be imported."""
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('Qt is blocked below workspace/: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import importlib\n"
        f"for m in {_qt_free_modules()!r}:\n"
        "    importlib.import_module(m)\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PACKAGE.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


SQL_PATTERN = re.compile(
    r"\b(SELECT\s+.+\s+FROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b"
)


def test_no_sql_in_gui() -> None:
    """gui/ talks to the workspace and repository API, never to SQLite directly."""
    offenders = []
    for path in sorted((PACKAGE / "gui").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            if SQL_PATTERN.search(line) or ".execute(" in line or ".conn." in line:
                offenders.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()[:80]}")
    assert offenders == []
