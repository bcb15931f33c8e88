"""Keep user text from becoming a formula in spreadsheets (OWASP "CSV/formula injection").

A customer name like ``=HYPERLINK(...)`` or a note starting with ``-`` or ``@`` would be
evaluated by Excel or LibreOffice. OWASP's advice: prefix such cells with a single quote.
To keep export → import exact, text that already starts with a quote is quoted too, so
``restore`` can strip exactly one quote again.
"""

from __future__ import annotations

import re

# Leading characters that spreadsheet programs read as the start of a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
_QUOTE = "'"
_QUOTED = (*FORMULA_TRIGGERS, _QUOTE)

# Characters that XML 1.0 (and so XLSX) cannot carry at all; openpyxl refuses them.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def neutralise(text: str) -> str:
    """The text as it must be written into a spreadsheet cell (never a formula)."""
    text = _ILLEGAL_XML.sub("", text)
    if text.startswith(_QUOTED):
        return _QUOTE + text
    return text


def restore(text: str) -> str:
    """Undo ``neutralise`` for text read back from a sheet this program wrote."""
    if len(text) > 1 and text[0] == _QUOTE and text[1:].startswith(_QUOTED):
        return text[1:]
    return text


def is_xml_safe(text: str) -> bool:
    """Whether ``text`` survives a spreadsheet unchanged apart from quoting."""
    return _ILLEGAL_XML.search(text) is None
