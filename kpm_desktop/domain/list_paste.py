"""Parsing customer and product lists pasted or typed into the New-matrix assistant.

One entry per line. Columns may be separated by a tab (pasted from Excel/Calc) or a semicolon:

* customers: ``Name`` or ``Number<TAB>Name`` (a first column made only of digits/letters
  without spaces and containing a digit is taken as the customer number), optional further
  columns city, segment, region.
* products: ``Name`` or ``Group<TAB>Name`` or ``Number<TAB>Name<TAB>Group`` is not guessed:
  two columns mean group + name, three mean number + name + group.

Blank lines are skipped; duplicates (same normalised name) are reported, not added twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Generic, TypeVar

_SPLIT = re.compile(r"\t|;")
_NUMBER = re.compile(r"^(?=.*\d)[\w\-./]+$")


@dataclass(slots=True)
class CustomerLine:
    name: str
    number: str = ""
    city: str = ""
    segment: str = ""
    region: str = ""


@dataclass(slots=True)
class ProductLine:
    name: str
    group: str = ""
    number: str = ""


T = TypeVar("T")


@dataclass(slots=True)
class ParsedList(Generic[T]):
    items: list[T] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # lines skipped as repeats


def _cells(line: str) -> list[str]:
    return [c.strip() for c in _SPLIT.split(line)]


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def parse_customers(text: str) -> ParsedList[CustomerLine]:
    out: ParsedList[CustomerLine] = ParsedList()
    seen: set[str] = set()
    for raw in text.splitlines():
        cells = _cells(raw)
        if not any(cells):
            continue
        if len(cells) >= 2 and _NUMBER.match(cells[0]) and cells[1]:
            number, rest = cells[0], cells[1:]
        else:
            number, rest = "", cells
        rest += [""] * 4
        entry = CustomerLine(
            name=rest[0], number=number, city=rest[1], segment=rest[2], region=rest[3]
        )
        if not entry.name:
            continue
        key = number or _key(entry.name)
        if key in seen:
            out.duplicates.append(raw.strip())
            continue
        seen.add(key)
        out.items.append(entry)
    return out


def parse_products(text: str) -> ParsedList[ProductLine]:
    out: ParsedList[ProductLine] = ParsedList()
    seen: set[str] = set()
    for raw in text.splitlines():
        cells = [c for c in _cells(raw) if c != ""] if "\t" not in raw else _cells(raw)
        if not any(cells):
            continue
        if len(cells) >= 3:
            entry = ProductLine(number=cells[0], name=cells[1], group=cells[2])
        elif len(cells) == 2:
            entry = ProductLine(group=cells[0], name=cells[1])
        else:
            entry = ProductLine(name=cells[0])
        if not entry.name:
            continue
        key = _key(entry.name)
        if key in seen:
            out.duplicates.append(raw.strip())
            continue
        seen.add(key)
        out.items.append(entry)
    return out
