"""Refresh the .ts catalogues from the source and compile the .qm files into the package.

    python tools/update_translations.py          # lupdate + lrelease
    python tools/update_translations.py --check  # exit 1 if a translation is missing

Translate new entries in resources/translations/kpm_de.ts (Qt Linguist or any editor: fill
<translation> and drop type="unfinished"), then run this again to compile. Source strings are
English, so kpm_en.ts only needs its plural (%n) entries filled ("1 product" / "3 products").

lupdate only sees literal strings in ``self.tr("...")`` / ``QCoreApplication.translate("Ctx",
"...")`` calls, and the CLI's ``translate("cli", "...")`` (two literal arguments, nothing more:
parameters are filled in after the call). The import wizard translates texts kept in the
Qt-free import_export layer (messages and column labels) at run time; ``dynamic_sources``
hands them to lupdate.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
TS_DIR = ROOT / "resources" / "translations"  # sources (.ts)
QM_DIR = ROOT / "kpm_desktop" / "data" / "translations"  # compiled, shipped as package data
LANGUAGES = ("de", "en")


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(exe) if exe.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found (install PySide6-Essentials)")
    return found


def sources() -> list[Path]:
    """Python files that hold user-visible strings (everything Qt-side, and the CLI's error
    lines: ``translate("cli", "...")`` in ``kpm_desktop/cli``, see ``cli.i18n``)."""
    roots = [ROOT / "kpm_desktop" / d for d in ("gui", "workspace", "report", "cli")]
    return sorted(p for r in roots if r.exists() for p in r.rglob("*.py"))


def dynamic_texts() -> dict[str, list[str]]:
    """Texts translated at run time from Qt-free tables, by translation context."""
    from kpm_desktop.import_export.mapping import FIELDS
    from kpm_desktop.import_export.messages import MESSAGES
    from kpm_desktop.storage.messages import MESSAGES as STORAGE_MESSAGES
    from kpm_desktop.team.messages import MESSAGES as TEAM_MESSAGES

    labels = {f.label for fields in FIELDS.values() for f in fields}
    return {
        "import": sorted(set(MESSAGES.values()) | labels),
        "storage": sorted(set(STORAGE_MESSAGES.values())),
        "team": sorted(set(TEAM_MESSAGES.values())),
    }


def dynamic_sources(directory: Path) -> list[Path]:
    """A generated file of QT_TRANSLATE_NOOP calls for ``dynamic_texts`` (read by lupdate only)."""
    path = directory / "dynamic_texts.py"
    lines = [
        f"QT_TRANSLATE_NOOP({json.dumps(context)}, {json.dumps(text, ensure_ascii=False)})"
        for context, texts in dynamic_texts().items()
        for text in texts
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [path]


def lupdate(ts_files: list[Path]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                _tool("lupdate"),
                *map(str, sources()),
                *map(str, dynamic_sources(Path(tmp))),
                "-no-obsolete",
                "-locations",
                "none",
                "-ts",
                *map(str, ts_files),
            ],
            check=True,
            capture_output=True,
        )


def lrelease() -> None:
    for lang in LANGUAGES:
        ts = TS_DIR / f"kpm_{lang}.ts"
        subprocess.run(
            [_tool("lrelease"), str(ts), "-qm", str(QM_DIR / f"kpm_{lang}.qm")],
            check=True,
            capture_output=True,
        )


def unfinished(ts: Path, plurals_only: bool = False) -> list[str]:
    """Source texts without a finished translation (only %n entries if ``plurals_only``)."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source", "")
        if plurals_only and message.get("numerus") != "yes":
            continue
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            missing.append(source)
        elif message.get("numerus") == "yes":
            if not all((f.text or "").strip() for f in translation.findall("numerusform")):
                missing.append(source)
        elif not (translation.text or "").strip():
            missing.append(source)
    return missing


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    TS_DIR.mkdir(parents=True, exist_ok=True)
    lupdate([TS_DIR / f"kpm_{lang}.ts" for lang in LANGUAGES])
    if args.check:
        missing = [("de", t) for t in unfinished(TS_DIR / "kpm_de.ts")]
        missing += [("en", t) for t in unfinished(TS_DIR / "kpm_en.ts", plurals_only=True)]
        for lang, text in missing:
            print(f"untranslated ({lang}): {text!r}")
        return 1 if missing else 0
    lrelease()
    return 0


if __name__ == "__main__":
    sys.exit(main())
