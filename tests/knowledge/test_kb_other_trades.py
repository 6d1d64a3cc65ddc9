"""Another trade's sense of an article's word gets no answer; the IT sense still does
(issue 12: a quest's password, a bedside monitor, a liquor licence, a habit given up, the
screen of a coffee machine, the keyboard on an organ)."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import lemma


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # A quest's riddle: the password is the game's, not an account's.
        ("в квесте дети не могут разгадать пароль от сундука", "ru"),
        # A patient's bedside monitor: a ward's device, not a computer's screen.
        ("прикроватный монитор в реанимации пищит и не показывает пульс", "ru"),
        # A licence to sell alcohol: the bar's permit, not a program's licence.
        ("ліцензія на продаж алкоголю в барі закінчується, хто продовжує?", "uk"),
        # A habit given up: the smoke of a cigarette, not of a device.
        ("I quit smoking last week", "en"),
        # The screen "of" a coffee machine: its owner says whose screen it is.
        ("the screen of the coffee machine is frozen", "en"),
        # A keyboard "on" an organ: the instrument's, not a computer's.
        ("на органі в соборі не працює клавіатура", "uk"),
    ],
)
def test_another_trades_sense_of_an_articles_word_gets_no_answer(
    matcher: Matcher, text: str, lang: str
) -> None:
    assert matcher.match(text, lang).outcome == "none"


@pytest.mark.parametrize(
    ("text", "lang", "topic"),
    [
        ("the screen of my work laptop is black", "en", "monitor_no_signal"),
        ("the keyboard of the reception PC doesn't type", "en", "keyboard_mouse"),
        ("на кассе в магазине не работает клавиатура", "ru", "keyboard_mouse"),
        ("the laptop is smoking and smells burnt", "en", "hardware_broken"),
        ("the antivirus licence expired yesterday", "en", "license_expired"),
        ("забув пароль від комп'ютера в майстерні пам'ятників", "uk", "password_reset"),
        ("на стадионе в кассе не печатает принтер билетов", "ru", "printer_offline"),
        # a maternity ward is a workplace, not a word of care (review23)
        ("у пологовому не працює принтер", "uk", "printer_offline"),
        ("в роддоме на посту не печатает принтер", "ru", "printer_offline"),
    ],
)
def test_the_it_sense_beside_those_trades_is_still_answered(
    matcher: Matcher, text: str, lang: str, topic: str
) -> None:
    assert answered(matcher, text, lang) == topic


@pytest.mark.parametrize(
    ("word", "lang"),
    [
        ("памятник", "ru"),
        ("стадион", "ru"),
        ("загадка", "uk"),
        ("headstone", "en"),
        ("пульс", "ru"),
    ],
)
def test_monuments_games_and_a_pulse_lean_away_from_it(
    matcher: Matcher, word: str, lang: str
) -> None:
    # Before: neither side knew them (0.0).
    assert matcher.ranker.domain.score(((lemma(word, lang), 1.0),)) < 0


def test_driving_is_no_drive() -> None:
    # "who's driving the route?" read "drive", the shared drive's word.
    assert lemma("driving", "en") != lemma("drive", "en")


@pytest.mark.parametrize(
    ("text", "lang", "topic"),
    [
        # A fan in a place or beside things none of which is IT's is that place's fan.
        ("в теплице вентилятор гудит и трясётся над грядками", "ru", None),
        ("вентилятор у коптильні гуде сильніше, ніж зазвичай", "uk", None),
        ("на складе вентилятор гудит и трясётся", "ru", None),
        # A place no dictionary knows ends where the preposition's noun does.
        ("в вейкпарке вентилятор гудит, инструкторы жалуются", "ru", None),
        # A fan of a kind nothing IT's is that kind's, however loudly it is said to fail.
        ("the exhaust fan in the paint booth is screeching really loudly", "en", None),
        ("the ceiling fan squeaks loudly when it spins", "en", None),
        # A state after a word of degree is what is said of the fan, not a thing named.
        ("the ceiling fan is really loud", "en", None),
        # A computer's fan is told with the computer or its slowness.
        ("вентилятор в ноутбуке гудит", "ru", "slow_computer"),
        ("ноут гальмує, вентилятор гуде", "uk", "slow_computer"),
        ("комп в бухгалтерии тормозит, вентилятор гудит", "ru", "slow_computer"),
        ("my laptop fan is running really loudly", "en", "slow_computer"),
        ("the cpu fan is rattling loudly", "en", "slow_computer"),
        ("the pc fan is really loud", "en", "slow_computer"),
    ],
)
def test_a_fan_without_a_computer_is_the_rooms(
    matcher: Matcher, text: str, lang: str, topic: str | None
) -> None:
    # Before: every fan was slow_computer's; a room's or a kiln's fan was answered with it.
    assert answered(matcher, text, lang) == topic
