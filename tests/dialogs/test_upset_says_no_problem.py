"""An upset user or a request for a person that says nothing broken gets the problem asked
first (issue 19): the bot refused, a person set against it, anger alone."""

from __future__ import annotations

import pytest

from dialogs.driver import Chat


@pytest.mark.parametrize(
    "first",
    [
        "pls give me real person. no bot",
        "real person pls, not bot",
        "I want person not robot",
        "бота не надо, дайте человека",
        "нет бота, человека!",
        "людину, не бота",
        "bot not understand, give operator",
        "оператора дайте, бот ничего не понимает",
        "ne nado bota, dayte cheloveka",
        "СКОЛЬКО МОЖНО!!!",
    ],
)
def test_nothing_broken_said_asks_the_problem_first(chat: Chat, first: str) -> None:
    chat.send(first)
    assert chat.questions[:1] == ["problem"]


@pytest.mark.parametrize(
    "first",
    [
        "no bot, printer not print",
        "real person pls, my laptop is dead",
        "задолбали, впн",
        "wtf printer",
    ],
)
def test_a_thing_named_beside_it_is_the_problem(chat: Chat, first: str) -> None:
    chat.send(first)
    assert "problem" not in chat.questions
