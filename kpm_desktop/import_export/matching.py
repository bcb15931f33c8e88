"""Finding the existing customer or product an imported row means.

Order: stable uuid (own exports), then customer/product number, then the normalised name
(case, umlauts/ß, punctuation and, for customers, trailing legal forms folded away). A name
only matches an entity whose number is empty or equal, so two branches with the same name
and different numbers stay apart. Fuzzy similarity never matches on its own: it only yields
suggestions that the user confirms.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from rapidfuzz import fuzz

from kpm_desktop.domain.text import fold
from kpm_desktop.import_export.values import LEGAL_FORM_WORDS, name_key, number_key

# Words that many company names share: legal forms, industries and fillers. They never make
# two names similar (item 1 of issue 15); written as users write them, folded at import.
_GENERIC_WORDS = """
    maschinenbau anlagenbau apparatebau werkzeugbau formenbau stahlbau metallbau holzbau
    fahrzeugbau sondermaschinenbau feinmechanik mechanik praezision präzision technik
    technologie technologies technology systeme systems system engineering automation
    automatisierung automotive elektro elektrotechnik elektronik electronics energie energy
    logistik logistics spedition transport transporte chemie chemicals chemical pharma
    kunststoff kunststoffe kunststofftechnik plastics metall metalle metallwaren stahl steel
    handel handelsgesellschaft trading industrie industries industry bau bauunternehmen
    gruppe group holding werke werk works service services solutions consulting beratung
    software medizintechnik medical lebensmittel food foods verpackung packaging druck
    druckerei print international deutschland germany europe gebr gebrueder gebrüder soehne
    söhne sohn und and the der die das
"""


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

    def __init__(
        self,
        entities: Iterable[E],
        key: Callable[[str], str],
        generic: frozenset[str] = frozenset(),
    ) -> None:
        self.key = key
        self.generic = generic  # folded words that never tell two names apart
        self._generic: set[str] = set(generic)
        self._prefixes = {g[:n] for g in generic for n in range(4, len(g))}
        self._distinct: dict[str, str] | None = None
        self.by_uuid: dict[str, E] = {}
        self.by_number: dict[str, list[E]] = {}
        self.by_name: dict[str, list[E]] = {}
        for e in entities:
            self.add(e)
        self._words: dict[str, set[str]] | None = None  # stem -> existing name keys

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

    def similar(
        self, name: str, *, number: str = "", limit: int = 3, cutoff: float = 0.85
    ) -> list[tuple[E, float]]:
        """Existing entities with a similar name (suggestions only), best first.

        Similarity is measured on the *distinctive* words of both names: words that many
        names share (legal forms, "Maschinenbau", "Logistik", and any word found in a
        large share of this matrix's own names) are left out, so "Müller Maschinenbau GmbH"
        does not resemble "Köhler Maschinenbau e.K.". The full names must be similar too.
        An entity whose number is present and differs from a present ``number`` is never
        suggested: two different numbers are two different companies.
        """
        k = self.key(name)
        if not k:
            return []
        self._build_index()
        assert self._words is not None and self._distinct is not None
        mine = self._distinctive(k)
        if not mine:
            return []
        num = number_key(number) if number.strip() else ""
        candidates: set[str] = set()
        for w in _stems(mine):
            keys = self._words.get(w, ())
            if len(keys) <= 200:  # a stem most names share says nothing
                candidates.update(keys)
        candidates.discard(k)
        scored: list[tuple[float, str]] = []
        for cand in candidates:
            score = fuzz.ratio(mine, self._distinct[cand], score_cutoff=cutoff * 100)
            if not score:
                continue
            whole = fuzz.ratio(k, cand)
            score = min(score, max(whole, fuzz.token_sort_ratio(k, cand)))
            if score >= cutoff * 100:
                scored.append((score / 100, cand))
        scored.sort(key=lambda t: (-t[0], t[1]))
        out: list[tuple[E, float]] = []
        for score, cand in scored:
            for e in self.by_name[cand]:
                if e.id is None or e.id <= 0:
                    continue
                if num and e.number.strip() and number_key(e.number) != num:
                    continue
                out.append((e, score))
        return out[:limit]

    def _build_index(self) -> None:
        if self._words is not None:
            return
        keys = [
            k for k, es in self.by_name.items() if any(e.id is not None and e.id > 0 for e in es)
        ]
        counts: Counter[str] = Counter(w for k in keys for w in set(k.split()))
        # A word in many of this matrix's own names is generic here (the TF-IDF idea: a
        # frequent term carries little information), on top of the fixed list.
        frequent = max(5, len(keys) // 20)
        self._generic = set(self.generic) | {w for w, n in counts.items() if n >= frequent}
        self._words = {}
        self._distinct = {}
        for key in keys:
            d = self._distinctive(key)
            self._distinct[key] = d
            for w in _stems(d):
                self._words.setdefault(w, set()).add(key)

    def _distinctive(self, key: str) -> str:
        """The words of a folded name that tell it apart (generic words and cut-off generic
        words such as "chemi" dropped); empty when the name is nothing but generic words."""
        generic, prefixes = self._generic, self._prefixes
        return " ".join(w for w in key.split() if w not in generic and w not in prefixes)


def _stems(distinctive: str) -> set[str]:
    words = [w for w in distinctive.split() if len(w) >= 3]
    return set(words) | {w[:3] for w in words}


CUSTOMER_GENERIC: frozenset[str] = (
    frozenset(fold(w) for w in _GENERIC_WORDS.split()) | LEGAL_FORM_WORDS
)


def customer_key(name: str) -> str:
    return name_key(name)


def product_key(name: str) -> str:
    return fold(name)
