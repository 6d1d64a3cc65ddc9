"""A keyboard or a mouse that lags, no machine named, is the device's (issue 12)."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.lags import input_lag
from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import tokens


@pytest.mark.parametrize(
    "text",
    [
        # answered slow_computer before (faq_frozen28:99, faq_frozen19:98)
        "my wireless keyboard lags, letters appear a second later",
        "Logitech wireless keyboard lag, letters show up seconds later",
        # offered nothing before, slow_computer first (faq_tune35:121)
        "Logitech keyboard lags like crazy, letters show up seconds later",
        # and in other words
        "the keyboard lags when I type",
    ],
)
def test_a_lagging_keyboard_is_the_keyboards(matcher: Matcher, text: str) -> None:
    assert answered(matcher, text, "en") == "keyboard_mouse"


def test_a_lagging_machine_stays_slow(matcher: Matcher) -> None:
    assert answered(matcher, "my laptop lags all day, even typing is slow", "en") == (
        "slow_computer"
    )


def test_only_a_device_lag_with_no_machine_named_is_read() -> None:
    said = tokens("my wireless keyboard lags, letters appear a second later", "en")
    assert [said[i].word for i in sorted(input_lag(said))] == ["lags"]
    for text in (
        "Everything on this machine is dead laggy since the morning, mouse moves but clicks "
        "take 30 sec",
        "the on-screen keyboard on my tablet lags a bit when I type lesson notes",
        "the pc lags, the mouse too",
    ):
        assert input_lag(tokens(text, "en")) == frozenset(), text
