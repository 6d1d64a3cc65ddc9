"""A program named by its name, however seldom users name it: "Firefox падає" is a crash."""

from __future__ import annotations

import pytest

from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import tokens


def offered_first(matcher: Matcher, text: str, lang: str) -> str | None:
    """The article the user is answered with or offered first; None when the bot is quiet."""
    result = matcher.match(text, lang)
    return result.candidates[0].article.id if result.outcome != "none" else None


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Firefox постійно падає", "app_crash"),
        ("у мене Firefox падає щоранку", "app_crash"),
        ("Edge падає, коли відкриваю кілька вкладок", "app_crash"),
        ("Slack падає після оновлення", "app_crash"),
        ("фаєрфокс вилітає", "app_crash"),
        # "падає" said of people, snow or money stays nobody's problem.
        ("дитина падає з велосипеда, можна піти раніше?", None),
        ("сніг падає на парковці, хто прибере", None),
        ("курс гривні падає, коли зарплата", None),
        ("поїдемо на сафарі в травні, хто бронює?", None),
    ],
)
def test_a_browser_or_app_by_name_that_falls_is_a_crash(
    matcher: Matcher, text: str, topic: str | None
) -> None:
    """A Ukrainian "падає" of a program named as Chrome is ("хром падає") answers or offers
    the crash article whatever the program's name."""
    assert offered_first(matcher, text, "uk") == topic, text


def test_an_application_name_is_read_as_a_program_by_the_domain_model(matcher: Matcher) -> None:
    """The domain model reads a named application at least as IT's as the word "program"
    (the labelled lines name Firefox seldom), only where the name can only be a program."""
    ranker = matcher.ranker
    firefox = ranker.rank("Firefox падає", "uk")[0]
    assert firefox.subject.programs == ("firefox",)
    program = ranker.domain.score((("program", 1.0),))
    assert ranker.domain.score((("firefox", 1.0),)) < program  # seldom in the lines
    assert ranker.domain.score((("firefox", 1.0),), programs=frozenset({"firefox"})) >= program
    assert firefox.domain > 0
    # In English a dictionary word ("the edge of my desk") is no browser.
    assert ranker.subject(tokens("the edge of my desk", "en"), lang="en").programs == ()


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Outlook appears for a moment and then it's gone", "app_wont_start"),
        ("Excel shows up for a second and disappears", "app_wont_start"),
        # What disappears for good is a drive or files; a pointer's blink is the mouse.
        ("my P: drive disappeared this morning", "shared_drive_access"),
        ("the mouse pointer disappears for a second", "keyboard_mouse"),
    ],
)
def test_a_program_that_shows_for_a_moment_and_vanishes_did_not_start(
    matcher: Matcher, text: str, topic: str
) -> None:
    assert offered_first(matcher, text, "en") == topic, text


@pytest.mark.parametrize(
    ("text", "lang", "topic"),
    [
        ("Опера вилітає кожні десять хвилин", "uk", "app_crash"),
        ("опера не відкривається після оновлення", "uk", "app_wont_start"),
        ("в опері зависають вкладки і браузер закривається", "uk", "app_crash"),
        ("Опера постоянно вылетает", "ru", "app_crash"),
        # The theatre stays nobody's problem.
        ("ходили вчора в оперу, було чудово", "uk", None),
        ("квитки в оперу вже продали, коли нові?", "uk", None),
        ("в опері зламався кондиціонер, дуже жарко", "uk", None),
        ("в оперу не пускают без билета", "ru", None),
    ],
)
def test_a_browser_named_by_a_word_the_theatre_shares_when_the_rest_is_it(
    matcher: Matcher, text: str, lang: str, topic: str | None
) -> None:
    """"Опера вилітає" is the browser crashing: the rest of the message is IT's; "ходили
    в оперу" is the theatre."""
    assert offered_first(matcher, text, lang) == topic, text


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("the bicycle rental app froze again", "app_crash"),
        ("our horse feed ordering software freezes every afternoon", "app_crash"),
        ("the hay bale weighing software keeps crashing", "app_crash"),
        # An app that works and says something of another trade's is that trade's.
        ("the parking permit app says my plate is wrong", None),
        ("the bus timetable app shows the wrong times", None),
    ],
)
def test_what_a_failing_program_is_for_names_the_program(
    matcher: Matcher, text: str, topic: str | None
) -> None:
    """The nouns before "software" or "app" say what the program is for: read as a program
    by the domain model, however everyday they are ("bicycle rental", "horse feed"), when it
    is said to crash, close or hang."""
    assert offered_first(matcher, text, "en") == topic, text


def test_what_a_program_is_for_is_read_only_before_software_or_app(matcher: Matcher) -> None:
    ranker = matcher.ranker
    said = ranker.subject(tokens("the golf club booking software froze", "en"), lang="en")
    assert set(said.programs) >= {"golf", "club"}
    # A programme of study, a form and a customer are no program; nor is a working app.
    for text in (
        "is there a training program for the heater builders next month?",
        "need a reference for my mortgage application",
        "the parking permit app says my plate is wrong",
        "my phone ran over its data plan, the discount code app won't load",
    ):
        assert ranker.subject(tokens(text, "en"), lang="en").programs == (), text
