"""Case-insensitive patterns that first look in the lower-cased text, without re.I.

Python's `re` cannot skip ahead in a case-insensitive pattern: at every position of a
message it compares each alternative letter by letter, ignoring case. A long alternation
(a field's cue words in three languages) then costs tens of microseconds per message even
when none of it is there, and most messages say nothing of most fields.

A `CaseBlind` pattern is written in lower case. It first searches the lower-cased text with
the same pattern compiled case-sensitively, which finds the same places several times
faster. Only where that finds something does the case-insensitive pattern run on the text
as typed, so every match, group and span is exactly what `re.compile(pattern, re.I)` gives.

The two agree for every text whose letters lower-case one for one (`str.lower`) and have
no other case-insensitive twin in `re` (`_TWINS`: the dotless ı, the long ſ, Greek, the
old Cyrillic letter variants); a text with any of those goes straight to the
case-insensitive pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

# Letters that `re` matches case-insensitively with a letter their lower case is not
# ("ı" matches "i", "ſ" matches "s", "ᲀ" matches "в"), the letters whose `str.lower` is
# not one letter ("İ") or depends on their place (Greek final sigma): all of Greek.
_TWINS = re.compile(
    "[\u0130\u0131\u017f\u00b5\u0345\u0370-\u03ff\u1c80-\u1c88\u1e9b\u1f00-\u1fff\ufb05]"
)
_ESCAPE = re.compile(r"\\.")
_NAMED_GROUP = re.compile(r"(?<!\\)\(\?P<\w+>")
_GROUP_NAME = re.compile(r"\(\?P(?:<\w+>|=\w+\))")


class CaseBlind:
    """A pattern matched ignoring case; `search`, `finditer`, `findall`, `sub` and `match`
    as `re.Pattern` has them."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        # \W, \S, \B keep their meaning in lower case, and so does a group's name
        bare = _GROUP_NAME.sub("", _ESCAPE.sub("", pattern))
        if any(c.isupper() for c in bare) or "(?-i" in bare or flags & re.VERBOSE:
            raise ValueError(f"a case-blind pattern is written in lower case: {pattern[:60]}")
        self.pattern = pattern
        self._flags = flags

    # Both regexes are compiled on first use: compiling every pattern of every reader
    # costs seconds of a process's start, and a process may never read some of them.
    @cached_property
    def any_case(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self._flags | re.IGNORECASE)

    @cached_property
    def _lower(self) -> re.Pattern[str]:
        # Named groups only tell the matches apart, and cost: the look-out goes without them.
        pattern = self.pattern
        screen = pattern if "(?P=" in pattern else _NAMED_GROUP.sub("(?:", pattern)
        return re.compile(screen, self._flags & ~re.IGNORECASE)

    def _absent(self, text: str, pos: int = 0) -> bool:
        """Surely no match in `text` from `pos` (False when it cannot tell)."""
        low = text.lower()
        if len(low) != len(text) or _TWINS.search(low):
            return False
        return self._lower.search(low, pos) is None

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return None if self._absent(text, pos) else self.any_case.search(text, pos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.any_case.match(text, pos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.any_case.fullmatch(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return iter(()) if self._absent(text) else self.any_case.finditer(text)

    def findall(self, text: str) -> list[str]:
        return [] if self._absent(text) else self.any_case.findall(text)

    def sub(self, repl: str, text: str) -> str:
        return text if self._absent(text) else self.any_case.sub(repl, text)


def case_blind(pattern: str, flags: int = 0) -> CaseBlind:
    """`pattern` (lower case) matched ignoring case, fast where it is absent."""
    return CaseBlind(pattern, flags)
