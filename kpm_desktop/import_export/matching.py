"""Finding the existing customer or product an imported row means.

Order: stable uuid (own exports), then customer/product number, then the normalised name
(case, umlauts/ß, punctuation and, for customers, trailing legal forms folded away). A name
only matches an entity whose number is empty or equal, so two branches with the same name
and different numbers stay apart. Fuzzy similarity never matches on its own: it only yields
suggestions that the user confirms.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from kpm_desktop.import_export.values import fold, name_key, number_key


class _Entity(Protocol):
    name: str
    number: str
    uuid: str
    id: int | None


E = TypeVar("E", bound=_Entity)


@dataclass(frozen=True, slots=True)
class MatchResult(Generic[E]):
    entity: E | None
    how: str  # "uuid", "number", "name", "confirmed" or "" (no match)
    ambiguous: int = 0  # > 1: that many candidates, none chosen


class Matcher(Generic[E]):
    """Index over customers or products; entities added later (new ones) are found too."""

    def __init__(self, entities: Iterable[E], key: Callable[[str], str]) -> None:
        self.key = key
        self.by_uuid: dict[str, E] = {}
        self.by_number: dict[str, list[E]] = {}
        self.by_name: dict[str, list[E]] = {}
        for e in entities:
            self.add(e)
        self._words: dict[str, set[str]] | None = None  # word -> existing name keys

    def add(self, e: E) -> None:
        if e.uuid:
            self.by_uuid.setdefault(e.uuid, e)
        if e.number.strip():
            self.by_number.setdefault(number_key(e.number), []).append(e)
        self.by_name.setdefault(self.key(e.name), []).append(e)

    def forget(self, e: E) -> None:
        """Remove an entity (before re-adding it with changed number or name)."""
        for index, k in (
            (self.by_number, number_key(e.number) if e.number.strip() else None),
            (self.by_name, self.key(e.name)),
        ):
            if k is not None and k in index:
                index[k] = [x for x in index[k] if x is not e]
                if not index[k]:
                    del index[k]

    def match(self, number: str = "", name: str = "", uuid: str = "") -> MatchResult[E]:
        if uuid and uuid in self.by_uuid:
            return MatchResult(self.by_uuid[uuid], "uuid")
        num = number_key(number) if number.strip() else ""
        if num:
            hits = self.by_number.get(num, [])
            if len(hits) == 1:
                return MatchResult(hits[0], "number")
            if len(hits) > 1:
                return MatchResult(None, "", len(hits))
        if name.strip():
            hits = [
                e
                for e in self.by_name.get(self.key(name), [])
                if not e.number.strip() or not num or number_key(e.number) == num
            ]
            if len(hits) == 1:
                return MatchResult(hits[0], "name")
            if len(hits) > 1:
                return MatchResult(None, "", len(hits))
        return MatchResult(None, "")

    def similar(self, name: str, *, limit: int = 3, cutoff: float = 0.82) -> list[tuple[E, float]]:
        """Existing entities with a similar name (suggestions only), best first.

        Only names sharing a word (or a word's first four letters) are compared, so a
        suggestion costs a few dozen comparisons instead of one per entity.
        """
        k = self.key(name)
        if not k:
            return []
        if self._words is None:
            self._words = {}
            for key, entities in self.by_name.items():
                if any(e.id is not None and e.id > 0 for e in entities):
                    for w in _stems(key):
                        self._words.setdefault(w, set()).add(key)
        candidates: set[str] = set()
        for w in _stems(k):
            keys = self._words.get(w, ())
            if len(keys) <= 200:  # a word most names share says nothing
                candidates.update(keys)
        candidates.discard(k)
        out: list[tuple[E, float]] = []
        for cand in difflib.get_close_matches(k, list(candidates), n=limit, cutoff=cutoff):
            score = difflib.SequenceMatcher(None, k, cand).ratio()
            out.extend((e, score) for e in self.by_name[cand] if e.id is not None and e.id > 0)
        return out[:limit]


def _stems(key: str) -> set[str]:
    words = [w for w in key.split() if len(w) >= 3]
    return set(words) | {w[:4] for w in words if len(w) > 4}


def customer_key(name: str) -> str:
    return name_key(name)


def product_key(name: str) -> str:
    return fold(name)
