"""The test suite's own layout (issue 13 item 10): test modules import helpers from
tests/helpers, never from a conftest.py or from another test module, and conftest files
only register fixtures."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def conftest_imports(source: str) -> list[str]:
    """The import statements in ``source`` that name a conftest module (or ``helpers``
    without ``tests.``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        # "helpers" alone would be whichever folder comes first on sys.path (tests/ or a
        # test folder): always tests.helpers.
        if any("conftest" in name.split(".") or name.split(".")[0] == "helpers" for name in names):
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


def test_conftest_imports_are_found() -> None:
    """The check itself: each way of importing a conftest module is caught."""
    sources = [
        "from tests.conftest import file_hash",
        "from tests.report.conftest import pdf_text",
        "import conftest",
        "if True:\n    from conftest import DemoTruth",
        "def f():\n    from tests.safety.conftest import remount",
        "from helpers import team_with_demo",
    ]
    assert all(conftest_imports(s) for s in sources)
    assert conftest_imports("from tests.helpers.files import file_hash") == []
    assert conftest_imports("from tests.helpers import team") == []


def test_no_test_module_imports_from_a_conftest() -> None:
    """Nor do the benchmarks and tools that borrow test helpers."""
    root = TESTS.parent
    files = [*TESTS.rglob("*.py"), *(root / "bench").glob("*.py"), *(root / "tools").glob("*.py")]
    offenders = [
        f"{path.relative_to(root)} {hit}"
        for path in sorted(files)
        for hit in conftest_imports(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], (
        "import test helpers from tests/helpers (move the helper there), not from a "
        "conftest.py:\n" + "\n".join(offenders)
    )


def imports_of_test_modules(source: str) -> list[str]:
    """The import statements in ``source`` that name a test module (``test_*``): a helper two
    test modules share belongs in tests/helpers (importing a test module also collects its
    tests twice under another name, and couples one test's edits to another)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
            names += [f"{node.module or ''}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        if any(part.startswith("test_") for name in names for part in name.split(".")):
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


def test_test_module_imports_are_found() -> None:
    sources = [
        "from tests.storage.test_one_count import reference",
        "def f():\n    from tests.import_export.test_full_roundtrip import digest",
        "import tests.import_export.test_hostile",
        "from .test_xlsx_stream import shared_strings_xlsx",
        "from tests.import_export import test_hostile",
    ]
    assert all(imports_of_test_modules(s) for s in sources)
    assert imports_of_test_modules("from tests.helpers.roundtrip import digest") == []
    assert imports_of_test_modules("from kpm_desktop.team import resolve_check") == []


def test_no_test_module_imports_another_test_module() -> None:
    """Nor do the benchmarks and tools."""
    root = TESTS.parent
    files = [*TESTS.rglob("*.py"), *(root / "bench").glob("*.py"), *(root / "tools").glob("*.py")]
    offenders = [
        f"{path.relative_to(root)} {hit}"
        for path in sorted(files)
        for hit in imports_of_test_modules(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], (
        "move the shared helper into tests/helpers and import it from there:\n"
        + "\n".join(offenders)
    )


def _is_fixture(node: ast.FunctionDef) -> bool:
    for deco in node.decorator_list:
        target = deco.func if isinstance(deco, ast.Call) else deco
        if ast.unparse(target) in ("pytest.fixture", "fixture"):
            return True
    return False


def test_conftest_files_only_register_fixtures() -> None:
    """A helper function or class in a conftest.py belongs in tests/helpers (pytest hooks,
    ``pytest_*``, may stay)."""
    stray = [
        f"{path.relative_to(TESTS.parent)}:{node.lineno} {node.name}"
        for path in sorted(TESTS.rglob("conftest.py"))
        for node in ast.parse(path.read_text(encoding="utf-8")).body
        if (
            (isinstance(node, ast.FunctionDef) and not _is_fixture(node))
            and not node.name.startswith("pytest_")
        )
        or isinstance(node, ast.ClassDef)
    ]
    assert stray == [], "move these into tests/helpers:\n" + "\n".join(stray)
