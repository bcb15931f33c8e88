"""The one text-folding function of the app: search, sorting, header and name matching.

``fold`` makes two spellings of the same word equal: case, accents and umlauts, "ß", the
German transliterations "ae"/"oe"/"ue" and punctuation are folded away, so "Müller",
"Mueller", "MULLER" and "müller," all give ``"muller"``. Both sides of a comparison (the
search text and the data, an imported header and the alias table) go through it.
"""

from __future__ import annotations

import re
import unicodedata

_PUNCT = re.compile(r"[\W_]+", re.UNICODE)
_DIGRAPHS = (("ae", "a"), ("oe", "o"), ("ue", "u"))
_cache: dict[str, str] = {}
_CACHE_LIMIT = 500_000  # keeps memory bounded across many opened files


def fold(text: str) -> str:
    """Case-, accent-, umlaut- and punctuation-blind form of ``text``; words joined by one space.

    Accents are stripped ("é" -> "e", "ü" -> "u"), "ß" becomes "ss" (casefold), the
    transliterations "ae"/"oe"/"ue" become "a"/"o"/"u", and every run of punctuation or
    whitespace becomes one space. A folded query word found inside a folded text is a
    partial-word match in every spelling.
    """
    cached = _cache.get(text)
    if cached is not None:
        return cached
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    out = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    out = _PUNCT.sub(" ", out)
    for digraph, single in _DIGRAPHS:
        out = out.replace(digraph, single)
    out = " ".join(out.split())
    if len(_cache) > _CACHE_LIMIT:
        _cache.clear()
    _cache[text] = out
    return out
