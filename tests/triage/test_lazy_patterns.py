"""The readers' big regexes are compiled on first use, not at import (serve's start spent
seconds compiling them), and a pattern compiled late reads exactly as one compiled at once."""

from __future__ import annotations

import re
import subprocess
import sys

from gateway.dialogs.extract.case_blind import CaseBlind
from gateway.triage.phrases import PhraseSet

TEXTS = [
    "Принтер в бухгалтерии не печатает с утра",
    "the scanner at desk 4 keeps jamming, tried a new tray",
    "Сканер на складі не бачить мережу",
    "",
]


def test_importing_the_readers_compiles_no_phrase_set_or_case_blind_pattern() -> None:
    probe = (
        "import gc, gateway.app, gateway.dialogs, gateway.triage, gateway.knowledge\n"
        "from gateway.triage.phrases import PhraseSet\n"
        "from gateway.dialogs.extract.case_blind import CaseBlind\n"
        "objs = gc.get_objects()\n"
        "sets = [o for o in objs if isinstance(o, PhraseSet)]\n"
        "blind = [o for o in objs if isinstance(o, CaseBlind)]\n"
        "built = sum('_regex' in o.__dict__ for o in sets)\n"
        "built += sum('any_case' in o.__dict__ or '_lower' in o.__dict__ for o in blind)\n"
        "print(len(sets), len(blind), built)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=300
    ).stdout.split()
    sets, blind, built = map(int, out)
    assert sets > 10 and blind > 10
    assert built == 0


def test_a_phrase_set_is_built_on_its_first_search_and_kept() -> None:
    words = PhraseSet([r"не печата\w*", r"jamm\w*", r"не бачить"])
    assert "_regex" not in words.__dict__
    assert [words.search(t) for t in TEXTS] == ["не печатает", "jamming", "не бачить", ""]
    built = words.__dict__["_regex"]
    assert words.findall(TEXTS[1]) == ["jamming"]
    assert words._regex is built


def test_an_empty_phrase_set_finds_nothing() -> None:
    nothing = PhraseSet([])
    assert nothing.search("anything") == "" and nothing.remove("A  b") == "a b"


def test_a_case_blind_pattern_compiled_late_matches_as_re_i_does() -> None:
    pattern = r"(?P<what>принтер\w*|сканер\w*|scanner)\s+(?:в|на|at)\s+\w+"
    blind = CaseBlind(pattern)
    assert "any_case" not in blind.__dict__ and "_lower" not in blind.__dict__
    eager = re.compile(pattern, re.IGNORECASE)
    for text in TEXTS:
        assert [m.span() for m in blind.finditer(text)] == [m.span() for m in eager.finditer(text)]
        got, want = blind.search(text), eager.search(text)
        assert (got and got.groupdict()) == (want and want.groupdict())
    assert blind.any_case.flags & re.IGNORECASE


def test_a_case_blind_pattern_in_upper_case_is_still_refused_at_once() -> None:
    try:
        CaseBlind(r"Printer")
    except ValueError:
        return
    raise AssertionError("an upper-case pattern was accepted")
