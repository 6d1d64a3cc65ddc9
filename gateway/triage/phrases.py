"""Recognising phrases in what users type, the same way for every triage rule.

Text is lower-cased, `ё` folded to `е` and apostrophe variants unified, so a rule
written once matches "Срочно", "срочно!" and "СРОЧНО". Patterns are regular expressions
anchored at word starts and written already normalised (no `ё`, plain apostrophe); a
`\\w*` in a pattern accepts word endings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "ё": "е"})


def normalise(text: str) -> str:
    """Lower-case, fold `ё` and apostrophes, collapse whitespace."""
    # Every rule searches the same message: a chat-sized text is normalised once.
    return _memo_normalised(text) if len(text) <= _MEMO_TEXT_CHARS else _normalised(text)


def _normalised(text: str) -> str:
    return " ".join(text.lower().translate(_APOSTROPHES).split())


_MEMO_TEXT_CHARS = 500
_memo_normalised = lru_cache(maxsize=8192)(_normalised)


class PhraseSet:
    """A named set of patterns; `search` tells whether any of them occurs in a text."""

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns = tuple(patterns)
        joined = "|".join(f"(?:{p})" for p in self.patterns)
        self._regex = re.compile(rf"(?<![\w/])(?:{joined})(?!\w)") if self.patterns else None

    def search(self, text: str) -> str:
        """The first matching phrase in `text` (normalised), or ""."""
        if self._regex is None:
            return ""
        found = self._regex.search(normalise(text))
        return found.group(0) if found else ""

    def findall(self, text: str) -> list[str]:
        """Every non-overlapping match in `text` (normalised)."""
        if self._regex is None:
            return []
        return self._regex.findall(normalise(text))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where each non-overlapping match is in `text` (normalised)."""
        if self._regex is None:
            return []
        return [found.span() for found in self._regex.finditer(normalise(text))]

    def remove(self, text: str) -> str:
        """`text` (normalised) with every matching phrase cut out."""
        if self._regex is None:
            return normalise(text)
        return " ".join(self._regex.sub(" ", normalise(text)).split())

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and bool(self.search(text))
