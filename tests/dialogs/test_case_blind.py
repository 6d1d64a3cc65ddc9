"""Case-blind patterns find exactly what the same pattern with re.IGNORECASE finds: every
match, span and group, on the users' own texts in any case, and on texts with the letters
whose case `re` folds its own way."""

from __future__ import annotations

import json
import re

import pytest

from gateway.dialogs.extract import errors, names, product, since, systems, tried
from gateway.dialogs.extract.case_blind import _TWINS, CaseBlind, case_blind
from gateway.dialogs.extract.tables import TABLES_DIR, load_lines
from tests.evaldata import EVAL_DIR

PATTERNS = {
    f"{module.__name__.rsplit('.', 1)[1]}.{name}": value
    for module in (errors, names, product, since, systems, tried)
    for name, value in vars(module).items()
    if isinstance(value, CaseBlind)
}
TWIN_TEXTS = [
    "DISKı не видит",  # dotless i
    "Sſystem reſtart",  # long s
    "ΣΦΑΛΜΑ 0x80070005 ΟΔΟΣ",  # Greek, a final sigma
    "İstanbul office printer İS offline",  # a capital whose lower case is two letters
    "ᲀчера перезагружал, ᲂшибка",  # old Cyrillic letter variants
    "µ-service OUTLOOK",
]


def _texts() -> list[str]:
    lines = [line.text for line in load_lines(TABLES_DIR)]
    for path in [EVAL_DIR / "faq_dev.jsonl", *sorted(EVAL_DIR.glob("blind/faq_tune*.jsonl"))]:
        rows = path.read_text(encoding="utf-8").splitlines()
        lines += [json.loads(row)["q"] for row in rows if row.strip()]
    texts = list(dict.fromkeys(lines))[::3]
    return texts + [t.upper() for t in texts[::4]] + [t.title() for t in texts[::8]] + TWIN_TEXTS


TEXTS = _texts()


def _found(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_a_case_blind_pattern_finds_what_the_case_insensitive_one_finds(name: str) -> None:
    blind = PATTERNS[name]
    plain = re.compile(blind.pattern, re.IGNORECASE)
    assert len(TEXTS) > 500
    for text in TEXTS:
        assert _found(list(blind.finditer(text))) == _found(list(plain.finditer(text))), text
        found, expected = blind.search(text), plain.search(text)
        assert (found and found.span()) == (expected and expected.span()), text
        assert blind.sub("_", text) == plain.sub("_", text)
        assert blind.findall(text) == plain.findall(text)


def test_the_letters_re_folds_its_own_way_are_all_told_apart() -> None:
    """Every letter of the BMP that `re` matches, ignoring case, with a plain letter its own
    lower case is not (or whose lower case is not one letter) is among `_TWINS`, so a text
    with it is searched case-insensitively as typed."""
    plain = "abcdefghijklmnopqrstuvwxyzабвгдежзийклмнопрстуфхцчшщъыьэюяіїєґёў"
    ignoring_case = {p: re.compile(re.escape(p), re.IGNORECASE) for p in plain}
    cased = [chr(c) for c in range(0x10000) if chr(c).lower() != chr(c).upper()]
    for char in cased:
        low = char.lower()
        if len(low) != 1 or _TWINS.search(low):
            continue
        for letter, pattern in ignoring_case.items():
            assert bool(pattern.fullmatch(char)) == (low == letter), (char, letter)


@pytest.mark.parametrize("pattern", [r"(?:Windows|win)\s*\d+", r"[A-Z]{2}\d+", r"(?-i:[a-z]+)x"])
def test_a_pattern_with_capitals_or_its_own_case_is_refused(pattern: str) -> None:
    with pytest.raises(ValueError):
        case_blind(pattern)


def test_escapes_and_group_names_are_no_capitals() -> None:
    blind = case_blind(r"(?P<word>\w+)\W+(?P=word)\b")
    found = blind.search("Outlook OUTLOOK")
    assert found is not None and found.group("word") == "Outlook"
