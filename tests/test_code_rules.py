"""Code rules of issue 13 that ruff and mypy do not check.

* Every ``# type: ignore`` in the package names its error code and says why, after a second
  ``#``: ``# type: ignore[index]  # an aggregate always returns one row``. mypy itself
  (``warn_unused_ignores``) fails on one that is no longer needed.
* An ignore is only for what a third-party stub forces (PySide6, openpyxl, psycopg, a
  Windows-only name) or a measured hot loop: its reason names which (``FORCED_BY``). Anything
  else is narrowed in code: ``stored_id()``, ``not_null()``, an ``assert``, a typed signature.
* A module above ``LONG_MODULE_LINES`` lines says at its top (in the module docstring) why it
  is long, in a paragraph starting "Why this module is long:"; otherwise split it.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "kpm_desktop"
LONG_MODULE_LINES = 600
WHY_LONG = "Why this module is long:"
_IGNORE = re.compile(r"#\s*type:\s*ignore\b")
# What may force an ignore; the reason names one of these.
FORCED_BY = re.compile(r"PySide6|openpyxl|psycopg|Windows|hot loop")
# Exceptions by module: "kpm_desktop/x.py" -> a fragment of the allowed reason (keep it tiny).
ALLOWED_OTHER: dict[str, str] = {}
_WITH_REASON = re.compile(r"#\s*type:\s*ignore\[[a-z][a-z-]*(,\s*[a-z][a-z-]*)*\]\s+#\s*\S.{5,}")


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _comments(path: Path) -> list[tuple[int, str]]:
    source = path.read_text(encoding="utf-8")
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return [(t.start[0], t.string) for t in tokens if t.type == tokenize.COMMENT]


def test_every_type_ignore_names_its_code_and_a_reason() -> None:
    bad = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {comment}"
        for path in _modules()
        for line, comment in _comments(path)
        if _IGNORE.search(comment) and not _WITH_REASON.match(comment)
    ]
    assert not bad, "type: ignore without [code]  # reason:\n" + "\n".join(bad)


def test_every_type_ignore_is_forced_by_a_third_party_stub() -> None:
    bad = []
    for path in _modules():
        module = path.relative_to(PACKAGE.parent).as_posix()
        for line, comment in _comments(path):
            if not _IGNORE.search(comment):
                continue
            reason = comment.split("#", 2)[-1]
            allowed = ALLOWED_OTHER.get(module)
            if not FORCED_BY.search(reason) and not (allowed and allowed in reason):
                bad.append(f"{module}:{line}: {comment}")
    assert not bad, (
        "type: ignore whose reason names no third-party stub (PySide6, openpyxl, psycopg, "
        "Windows) nor a hot loop; narrow the type in code instead:\n" + "\n".join(bad)
    )


def test_the_forced_by_rule_sees_a_narrowing_ignore() -> None:
    assert not FORCED_BY.search("Entity.id is int | None; stored here")
    assert FORCED_BY.search("PySide6 stubs: toPython() -> object")


def test_the_rule_sees_a_bare_ignore() -> None:
    assert _IGNORE.search("# type: ignore[index]")
    assert not _WITH_REASON.match("# type: ignore[index]")
    assert not _WITH_REASON.match("# type: ignore  # no code")
    assert _WITH_REASON.match("# type: ignore[misc, arg-type]  # ids of stored rows")


def test_long_modules_say_why_at_their_top() -> None:
    long = {
        path: n
        for path in _modules()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > LONG_MODULE_LINES
    }
    missing = [
        f"{path.relative_to(PACKAGE.parent)} ({n} lines)"
        for path, n in long.items()
        if WHY_LONG not in (ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or "")
    ]
    assert not missing, (
        f"modules above {LONG_MODULE_LINES} lines without '{WHY_LONG}' in their docstring "
        "(split them, or say why not):\n" + "\n".join(missing)
    )
