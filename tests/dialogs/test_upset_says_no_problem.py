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


@pytest.mark.parametrize(
    "first",
    [
        # a member of the staff asked for politely, the assistant set aside (session 28)
        "Hi there, may I speak to a member of staff instead of the chatbot? Thanks.",
        "Good evening, I'd rather talk with a staff member than with the bot, if possible.",
        # someone called alive, the bot refused as someone to talk to
        "позовіть вже когось живого",
        "с роботом разговаривать не буду, позовите кого-нибудь живого",
    ],
)
def test_a_polite_or_plain_request_for_staff_asks_the_problem_first(chat: Chat, first: str) -> None:
    chat.send(first)
    assert chat.questions[:1] == ["problem"]


@pytest.mark.parametrize(
    ("first", "dunno"),
    [
        ("мені треба людина!! принтер у бухгалтерії знову жує папір", "не знаю"),
        ("put me through to an actual person, my laptop screen is cracked", "no idea"),
        ("who do I complain to? the VPN has dropped every hour since Monday", "no idea"),
    ],
)
def test_a_person_asked_for_beside_the_problem_gets_two_questions_at_most(
    chat: Chat, first: str, dunno: str
) -> None:
    chat.send(first)
    asked = list(chat.questions)
    for _ in range(6):
        if chat.tickets:
            break
        chat.send(dunno)
        asked += chat.questions
    assert chat.tickets and "problem" not in asked and len(asked) <= 2
