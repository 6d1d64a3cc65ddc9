"""A command pressed ("I press scan", "hit send") is the command, not a button (issue 12)."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import tokens
from gateway.knowledge.presses import pressed_commands, sent_pressed


def _pressed(text: str) -> dict[str, str]:
    words = tokens(text, "en")
    return {words[at].word: command for at, command in pressed_commands(words).items()}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I press scan and nothing happens", {"press": "scan"}),
        ("when I hit send nothing happens", {"press": "send"}),  # "hit" is read as "press"
        ("clicked on Print, no paper came out", {"clicked": "print"}),
        ("send button does nothing", {"button": "send"}),
        # A button by any other name, a key, or a command not pressed
        ("I press the power button and nothing happens", {}),
        ("when I press a key the letter shows up twice", {}),
        ("the print queue is stuck", {}),
    ],
)
def test_what_is_pressed(text: str, found: dict[str, str]) -> None:
    assert _pressed(text) == found


def test_send_pressed_is_the_mails_send() -> None:
    words = tokens("I clicked send, then clicked scan too", "en")
    assert sorted(sent_pressed(pressed_commands(words))) == [1]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # The pressing read as a button that fails answered hardware_broken.
        ("I press scan and nothing happens", "scanner_not_working"),
        ("when I hit send nothing happens", "email_not_sending"),
        # The Send button alone answered nothing, the broken hardware first.
        ("send button does nothing", "email_not_sending"),
        # A button pressed that fails stays the hardware's; a scanner's Send its own.
        ("I press the power button and nothing happens", "hardware_broken"),
        (
            "scan to email stopped working, the scanner shows 'SMTP error' when I press send",
            "scanner_not_working",
        ),
    ],
)
def test_a_command_pressed_is_the_commands_failure(matcher: Matcher, text: str, topic: str) -> None:
    assert answered(matcher, text, "en") == topic
