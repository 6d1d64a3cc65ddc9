"""Recognising phrases in what users type, the same way for every triage rule.

Text is lower-cased, `ё` folded to `е` and apostrophe variants unified, so a rule
written once matches "Срочно", "срочно!" and "СРОЧНО". Patterns are regular expressions
anchored at word starts and written already normalised (no `ё`, plain apostrophe); a
`\\w*` in a pattern accepts word endings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property, lru_cache
from re import _constants as sre  # the parse tree's node kinds (stable within 3.11+)
from re import _parser as sre_parse

# What a screen or a dialog says, quoted: «…», "…", “…”, '…' (an apostrophe inside a word,
# It's or Зам'яття, is no end); the words are group 1 or group 2. The one reader of them for
# routing, contact_request, whose, the checklist and tried; each kind of mark alone too, for
# a reader that takes the double-quoted first (errors.py).
_DOUBLE_QUOTE = r"[«“„\"]([^«»“”„\"\n]{3,160})[»”“\"]"
_SINGLE_QUOTE = r"(?<![\w'])'((?:[^'\n]|(?<=\w)'(?=\w)){3,160}?)'(?![\w'])"
SCREEN_QUOTE = re.compile(f"{_DOUBLE_QUOTE}|{_SINGLE_QUOTE}")
DOUBLE_QUOTED = re.compile(_DOUBLE_QUOTE)
SINGLE_QUOTED = re.compile(_SINGLE_QUOTE)
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

    @cached_property
    def _regex(self) -> re.Pattern[str] | None:
        """The set's one regex, built on first use: compiling every set costs seconds of a
        process's start (issue: serve's start), and a process may never read some of them."""
        # `re` tries a pattern at every position of the text and, at a word start, enters
        # each alternative that does not begin with a plain letter or class. A look-ahead
        # on the characters a match can begin with (the set's and each such alternative's)
        # turns most of those tries into one class test, the results unchanged: a match
        # starting elsewhere was impossible anyway (issue 13: half the CPU of the sets).
        if not self.patterns:
            return None
        joined = "|".join(_with_first_characters(p) for p in self.patterns)
        starts = _starts_with("|".join(f"(?:{p})" for p in self.patterns))
        return re.compile(rf"(?<![\w/]){starts}(?:{joined})(?!\w)")

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


def _with_first_characters(pattern: str) -> str:
    """`pattern` as an alternative, guarded by the characters its match can begin with
    unless it already begins with a letter or a class (`re` checks those itself)."""
    tree = sre_parse.parse(pattern)
    if len(tree) and tree[0][0] in (sre.LITERAL, sre.IN):
        return f"(?:{pattern})"
    return f"{_starts_with(pattern)}(?:{pattern})"


def _starts_with(pattern: str) -> str:
    """A look-ahead for the characters a match of `pattern` can begin with, or "" when any
    character could (a `\\w`, a negated class, a dot) or the match can be empty."""
    tree = sre_parse.parse(pattern)
    if tree.state.flags & re.IGNORECASE:
        return ""
    first, can_be_empty = _first_characters(tree)
    if first is None or can_be_empty or not first:
        return ""
    return "(?=[" + "".join(re.escape(c) for c in sorted(first)) + "])"


def _first_characters(items) -> tuple[set[str] | None, bool]:
    """The characters a match of the parsed sequence `items` can begin with (None: any
    character) and whether the match can be empty."""
    first: set[str] = set()
    for kind, value in items:
        if kind is sre.LITERAL:
            return first | {chr(value)}, False
        if kind is sre.IN:
            chars = _class_characters(value)
            return (None if chars is None else first | chars), False
        if kind in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: the next item begins the match
        if kind is sre.SUBPATTERN and not value[1] & re.IGNORECASE:
            item_first, item_empty = _first_characters(value[3])
        elif kind is sre.BRANCH:
            item_first, item_empty = set(), False
            for branch in value[1]:
                branch_first, branch_empty = _first_characters(branch)
                if branch_first is None:
                    return None, False
                item_first |= branch_first
                item_empty = item_empty or branch_empty
        elif kind in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            item_first, item_empty = _first_characters(value[2])
            item_empty = item_empty or value[0] == 0
        else:
            return None, False  # a dot, a back-reference, anything unusual: any character
        if item_first is None:
            return None, False
        first |= item_first
        if not item_empty:
            return first, False
    return first, True


def _class_characters(members) -> set[str] | None:
    """The characters of a parsed class `[...]`; None for a category, a negation or a
    wide range."""
    chars: set[str] = set()
    for kind, value in members:
        if kind is sre.LITERAL:
            chars.add(chr(value))
        elif kind is sre.RANGE and value[1] - value[0] < 256:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        else:
            return None
    return chars
