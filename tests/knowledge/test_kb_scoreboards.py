"""A sports scoreboard said with the score or the match is the venue's (issue 12)."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import tokens
from gateway.knowledge.scoreboards import scoreboard_screens


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # answered monitor_no_signal before: a black screen is the display's symptom
        ("табло на хоккейной арене не показывает счёт, чёрный экран", "ru"),
        ("табло на футбольному полі показує чорний екран замість рахунку", "uk"),
        ("the scoreboard at the rink shows a black screen instead of the score", "en"),
        # and in other words
        ("the arena scoreboard went to a black screen in the third period", "en"),
        ("на стадіоні табло показує чорний екран посеред матчу", "uk"),
    ],
)
def test_a_scoreboard_with_a_black_screen_is_offered_nothing(
    matcher: Matcher, text: str, lang: str
) -> None:
    result = matcher.match(text, lang)
    assert (result.outcome, result.candidates) == ("none", ())


def test_a_monitors_black_screen_stays_the_displays(matcher: Matcher) -> None:
    assert answered(matcher, "монитор чёрный экран, нет сигнала", "ru") == "monitor_no_signal"
    assert (
        answered(matcher, "the monitor shows a black screen after the match on TV", "en")
        == "monitor_no_signal"
    )


def test_only_a_board_said_with_a_game_is_a_scoreboard() -> None:
    said = tuple(tokens("табло на стадионе не показывает счёт, черный экран", "ru"))
    assert [said[i].word for i in sorted(scoreboard_screens(said))] == ["табло", "черный", "экран"]
    # a board with no score or match: a station's timetable board is left to the others
    waiting = "табло в зале ожидания показывает чёрный экран, расписания не видно"
    assert scoreboard_screens(tuple(tokens(waiting, "ru"))) == frozenset()
