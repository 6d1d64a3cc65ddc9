"""A clause closed by "and all", "and everything": the failure's reach, not its thing (issue 12)."""

from __future__ import annotations

import pytest

from gateway.knowledge.clauses import clause_spans
from gateway.knowledge.fillers import extent_fillers
from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import tokens


def _fillers(text: str) -> list[str]:
    words = tokens(text, "en")
    return [words[i].word for i in sorted(extent_fillers(words, clause_spans(text, "en", words)))]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the screen freezes every few minutes, mouse and all", ["mouse", "and", "all"]),
        ("no mail since 10, checked junk and everything", ["and", "everything"]),
        ("the app keeps hanging, menus and stuff", ["menus", "and", "stuff"]),
        ("the wireless keyboard is dead, the receiver and all", ["the", "receiver", "and", "all"]),
        # Not closing a clause: "everything" is what fails, the crowd of the outage.
        ("fan is screaming and everything freezes", []),
        ("email, phones and everything is down", []),
        # One clause: nothing else says what fails.
        ("my mouse stopped working and all", []),
        # A clause that says more than one thing is no thing swept along: its own words stay.
        ("the printer is fine, scanner crashed and all", ["and", "all"]),
        ("the app wouldn't start, wouldn't start and all", ["and", "all"]),
    ],
)
def test_what_rounds_a_clause_off(text: str, found: list[str]) -> None:
    assert _fillers(text) == found


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # The mouse swept along with the whole machine answered the mouse's article.
        ("my PC locks up for a few seconds now and again, mouse and all", "slow_computer"),
        ("the desktop locks up every few minutes, cursor and all", "slow_computer"),
        # "everything" read as everyone answered an outage.
        ("no mail coming in since 10, checked junk and everything", "email_not_receiving"),
        (
            "emails from customers aren't arriving, checked junk and everything",
            "email_not_receiving",
        ),
        # What the clause names itself stays: the receiver goes with the keyboard.
        ("the wireless keyboard is dead, receiver and all", "keyboard_mouse"),
        ("the whole warehouse is down, tills and all", "outage_critical"),
    ],
)
def test_and_all_names_no_thing_of_the_problem(matcher: Matcher, text: str, topic: str) -> None:
    result = matcher.match(text, "en")
    assert result.outcome != "none"
    assert result.candidates[0].article.id == topic
