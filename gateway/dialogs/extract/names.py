"""Names of programs no list knows: every office has its own ("Склад 15", "КонсультантПлюс",
"Genesys Cloud desktop 2.41").

A name is read from how it is written, not from a dictionary: a quoted name right after
"программа"/"app" ("складская программа «Склад 15»"), a word with a capital inside it
("КонсультантПлюс", "QuickBooks") with the capitalised words after it ("Технология
ПРОФ"), or capitalised words followed by a dotted version ("Genesys Cloud desktop 2.41").
Ordinary words, sentence starts and error messages are not names.
"""

from __future__ import annotations

import re

from gateway.knowledge.morphology import is_dictionary_word

_UP = "A-ZА-ЯІЇЄҐ"
_LOW = "a-zа-яіїєґ"
# A program noun, then the quoted name: "программа «Склад 15»", "the app "TimeTrack"".
_QUOTED_AFTER_PROGRAM = re.compile(
    r"(?<![\w])(?:программ\w*|приложени\w*|систем\w*|сервис\w*|утилит\w*|конфигураци\w*|"
    r"модул\w*|програм\w*|застосун\w*|сервіс\w*|утиліт\w*|конфігураці\w*|app|application|"
    r"program|software|tool|system|service|platform|module)\s+[«\"“„']([^»\"”“'\n]{2,40})[»\"”“']",
    re.IGNORECASE,
)
# A word with a capital inside ("КонсультантПлюс", "QuickBooks"), then capitalised or
# upper-case words that belong to the name ("Технология ПРОФ").
_INNER_CAPITAL = re.compile(
    rf"(?<![\w])(?:[{_UP}][{_LOW}]+|[a-z]{{3,}})[{_UP}][\w]*(?:\s+(?:[{_UP}][{_UP}]+|[{_UP}][{_LOW}]+)(?![\w]))*"
)
# Capitalised words, then a dotted version: "Genesys Cloud desktop 2.41".
_BEFORE_VERSION = re.compile(
    rf"(?<![\w.])([{_UP}][\w-]+(?:\s+[\w-]+){{0,2}}?)\s+v?(\d+\.\d+(?:\.\d+)*)(?![\w.]*\w)"
)
_NOT_A_NAME = re.compile(
    r"^(?:error|ошибк\w*|помилк\w*|code|код|version|верси\w*|версі\w*|build|сборк\w*|"
    r"windows|macos|ios|android|ubuntu|linux|the|it|this|that|my|our|i|we|we're|it's|v)$",
    re.IGNORECASE,
)


def unknown_names(text: str) -> list[tuple[int, str]]:
    """(position, name) of each program name in `text` that is written like one."""
    found: list[tuple[int, str]] = []
    for match in _QUOTED_AFTER_PROGRAM.finditer(text):
        found.append((match.start(1), match.group(1).strip()))
    for match in _INNER_CAPITAL.finditer(text):
        found.append((match.start(), match.group(0).strip()))
    for match in _BEFORE_VERSION.finditer(text):
        words = match.group(1).split()
        if _NOT_A_NAME.match(words[0]) or _NOT_A_NAME.match(words[-1]):
            continue
        first = words[0].lower()
        if is_dictionary_word(first, "en") and not _has_inner_capital(words[0]):
            continue  # "Since 2.3 …", "Version …", "Update 1.2": ordinary words, not names
        found.append((match.start(), f"{match.group(1)} {match.group(2)}"))
    return found


def _has_inner_capital(word: str) -> bool:
    return any(c.isupper() for c in word[1:])
