"""A program that dies as it opens, said in English, did not start (issue 12)."""

from __future__ import annotations

import pytest

from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import tokens
from gateway.knowledge.openings import died_opening


def _dying(text: str) -> list[str]:
    words = tokens(text, "en")
    return [words[i].word for i in sorted(died_opening(words, frozenset({"excel", "revit"})))]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Teams crashes on startup, I can't even get to the login", ["crashes"]),
        ("program shuts the moment I open it, drywall estimating thing", ["shuts"]),
        ("the lettering software closes itself right after the logo shows up", ["closes"]),
        ("the timesheet app opens briefly and then disappears", ["disappears"]),
        ("it flashes a window and closes straight away", ["closes"]),
        ("Zoom dies right after I start it", ["dies"]),
        ("the program closes the second I launch Revit", ["closes"]),
        ("the feeding planner crashes on opening and nobody can use it", ["crashes"]),
        # the verbs by lemma: any form dies or opens, not the few a list spelt out
        ("the app keeps disappearing right after launching it", ["disappearing"]),
        ("Zoom keeps vanishing the moment I start it", ["vanishing"]),
        ("the planner crashes right after loading it", ["crashes"]),
        ("the planner crashes right after loading the orders", []),
        # What is opened in the program once it is up: a crash at work.
        ("Outlook crashes the moment I open an attachment", []),
        ("Excel crashes as soon as I open the big price list", []),
        ("Revit crashes on opening any central model", []),
        ("1C closes at start with 0xc000007b", ["closes"]),
        # A time of work, or no opening said.
        ("Teams closes right after I start it, halfway through every call", []),
        ("Teams dies the moment I open it, midway through every call", []),
        ("Excel keeps crashing when I filter the orders sheet", []),
        ("the app closes by itself every 15 minutes", []),
    ],
)
def test_a_crash_said_at_the_opening(text: str, found: list[str]) -> None:
    assert _dying(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Teams crashes on startup, I can't even get to the login",
        "program shuts the moment I open it, drywall estimating thing, worked yesterday",
        "the timesheet app opens briefly and then disappears",
        "the lettering software closes itself right after the logo shows up",
    ],
)
def test_a_program_that_dies_as_it_opens_did_not_start(matcher: Matcher, text: str) -> None:
    # Read as a crash while working: app_crash first, or the words of the moment ("briefly",
    # "logo") drew other articles.
    assert matcher.ranker.rank(text, "en")[0].article.id == "app_wont_start"


@pytest.mark.parametrize(
    "text",
    [
        "Outlook crashes the moment I open an attachment",
        "Excel crashes as soon as I open the big price list",
    ],
)
def test_a_crash_on_opening_a_thing_inside_stays_a_crash(matcher: Matcher, text: str) -> None:
    assert matcher.ranker.rank(text, "en")[0].article.id == "app_crash"
