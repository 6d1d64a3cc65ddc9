"""A command pressed: "I press scan", "hit send", "clicked Print", "the Send button".

The verb of pressing says how the user asked for the command, and what fails is the command:
the scan, the print, the send. Pressed, a power button is what fails ("I press the power
button and nothing happens"); a command is not, so the pressing is no word of the problem.
Send pressed is the mail's Send ("I hit send and nothing happens", "the send button does
nothing"): a print is sent "to the printer", never by its button.
"""

from __future__ import annotations

from collections.abc import Sequence

from gateway.knowledge.morphology import Token
from gateway.knowledge.vocabulary import (
    BUTTON_WORDS,
    PRESSED_COMMANDS,
    PRESSING_BETWEEN_WORDS,
    PRESSING_WORDS,
)

_SEND = "send"


def pressed_commands(words: Sequence[Token]) -> dict[int, str]:
    """The verbs of pressing whose object is a command ("I press scan", "hit send",
    "clicked on Print") and the button named by a command ("the send button"), each with
    the command; not a key or a button by any other name ("press the power button", "when I
    press a key")."""
    found: dict[int, str] = {}
    for index, token in enumerate(words):
        if token.word in PRESSING_WORDS:
            ahead = index + 1
            while ahead < len(words) and words[ahead].word in PRESSING_BETWEEN_WORDS:
                ahead += 1
            if ahead < len(words) and words[ahead].word in PRESSED_COMMANDS:
                found[index] = words[ahead].word
        elif token.word in BUTTON_WORDS and index and words[index - 1].word == _SEND:
            found[index] = _SEND
    return found


def sent_pressed(pressed: dict[int, str]) -> frozenset[int]:
    """Of `pressed_commands`, the pressing of Send: the mail's own button."""
    return frozenset(at for at, command in pressed.items() if command == _SEND)
