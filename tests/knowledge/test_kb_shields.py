"""A screen that shields is a guard, no display."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import tokens
from gateway.knowledge.shields import shield_screens


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("защитный экран на станке треснул, кто меняет?", "ru"),
        ("захисний екран на фрезері тріснув", "uk"),
        ("the safety screen on the bandsaw is cracked", "en"),
    ],
)
def test_a_machine_guard_is_no_broken_display(matcher: Matcher, text: str, lang: str) -> None:
    # The screen read as a display and "cracked" answered the broken hardware article.
    assert matcher.match(text, lang).outcome == "none"


@pytest.mark.parametrize(
    ("text", "lang", "topic"),
    [
        ("защитное стекло на экране телефона треснуло", "ru", "hardware_broken"),
        ("Outlook hangs on the splash screen every morning", "en", "app_wont_start"),
    ],
)
def test_a_display_and_a_splash_screen_stay_screens(
    matcher: Matcher, text: str, lang: str, topic: str
) -> None:
    assert answered(matcher, text, lang) == topic


def test_only_a_screen_right_after_its_guarding_word_is_a_guard() -> None:
    words = tokens("захисний екран від бризок тріснув", "uk")
    assert [words[i].word for i in shield_screens(words)] == ["екран"]
    assert shield_screens(tokens("the splash screen hangs", "en")) == frozenset()
