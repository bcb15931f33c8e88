"""The German catalogue as tests read it (resources/translations/kpm_de.ts)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path

GERMAN_TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "kpm_de.ts"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def german_texts(context: str) -> dict[str, str]:
    """English source -> German translation of every message in ``context``."""
    return {
        m.findtext("source") or "": m.findtext("translation") or ""
        for c in ET.parse(GERMAN_TS).getroot().iter("context")
        if c.findtext("name") == context
        for m in c.iter("message")
    }


def message_key_problems(context: str, messages: Mapping[str, str]) -> list[str]:
    """Message keys (key -> English text with {placeholders}) without a German text in
    ``context``, or whose German text has other placeholders; [] when all is well."""
    german = german_texts(context)
    problems = []
    for key, english in messages.items():
        text = german.get(english)
        if not text:
            problems.append(f"{key} has no German text")
        elif set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(english)):
            problems.append(f"{key}: other placeholders in German")
    return problems
