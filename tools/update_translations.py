"""Refresh the .ts catalogues from the source and compile the .qm files.

    python tools/update_translations.py          # lupdate + lrelease
    python tools/update_translations.py --check  # exit 1 if a German translation is missing

Translate new entries in resources/translations/kpm_de.ts (Qt Linguist or any editor: fill
<translation> and drop type="unfinished"), then run this again to compile.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("de", "en")


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(exe) if exe.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found (install PySide6-Essentials)")
    return found


def sources() -> list[Path]:
    """Python files that hold user-visible strings (everything Qt-side)."""
    roots = [ROOT / "kpm_desktop" / d for d in ("gui", "workspace", "report")]
    return sorted(p for r in roots if r.exists() for p in r.rglob("*.py"))


def lupdate(ts_files: list[Path]) -> None:
    subprocess.run(
        [
            _tool("lupdate"),
            *map(str, sources()),
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
            [_tool("lrelease"), str(ts), "-qm", str(TS_DIR / f"kpm_{lang}.qm")],
            check=True,
            capture_output=True,
        )


def unfinished(ts: Path) -> list[str]:
    """Source texts without a finished translation."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source", "")
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
        missing = unfinished(TS_DIR / "kpm_de.ts")
        for text in missing:
            print(f"untranslated: {text!r}")
        return 1 if missing else 0
    lrelease()
    return 0


if __name__ == "__main__":
    sys.exit(main())
