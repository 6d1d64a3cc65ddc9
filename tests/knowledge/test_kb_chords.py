"""A modifier key pressed with another key is a chord on the keyboard, not a work shift."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.matcher import Matcher
from gateway.knowledge.normalize import normalize_text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("у фотоателье нажимаю shift и двойку, печатается кавычка, а не собака", "ru"),
        ("alt+shift не меняет язык, в типографии печатаю только по-английски", "ru"),
        ("на пасіці тисну shift з двійкою, а замість собачки друкуються лапки", "uk"),
        ("ctrl+shift перестав перемикати розкладку, в аптеці друкую лише латиницею", "uk"),
        ("pressing shift 2 at the garage reception types a quote mark, not the @", "en"),
        ("alt+shift no longer switches the language at the translation desk", "en"),
    ],
)
def test_a_key_chord_that_types_the_wrong_symbol_is_the_keyboards(
    matcher: Matcher, text: str, lang: str
) -> None:
    # "shift" was no article's word: the chord said nothing, and "почту клиента" offered
    # the mail articles.
    assert answered(matcher, text, lang) == "keyboard_mouse"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("shift 2 starts at six, who is covering the front desk?", "en"),
        ("the roofer sent a quote instead of the invoice, who pays it?", "en"),
        ("хто бере зміну 2 замість Олени на пасіці?", "uk"),
    ],
)
def test_a_work_shift_or_a_price_quote_stays_unanswered(
    matcher: Matcher, text: str, lang: str
) -> None:
    assert answered(matcher, text, lang) is None


def test_what_reads_as_a_chord() -> None:
    assert normalize_text("Alt+Shift") == "alt key shift key"
    assert normalize_text("жму Shift и двойку") == "жму shift key и двойку"
    # A bare digit after "shift" is a chord only beside a press or a symbol typed instead.
    assert normalize_text("shift 2 starts at six") == "shift 2 starts at six"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ('the " and @ keys have swapped round on the reception laptop', "en"),
        ('typing @ gives me " at the florist\'s till', "en"),
        ("at the kennels shift+4 gives a euro sign instead of the dollar sign", "en"),
        ('на клавіатурі в ательє @ і " помінялися місцями', "uk"),
        ('вместо @ печатается " в бухгалтерии', "ru"),
    ],
)
def test_a_symbol_named_by_itself_is_the_keyboards(
    matcher: Matcher, text: str, lang: str
) -> None:
    # The lone "@" and '"' were punctuation, dropped: the message said only "swapped" or
    # "instead" and was answered nothing.
    assert answered(matcher, text, lang) == "keyboard_mouse"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("meet me @ the gate at 5", "en"),
        ("order # 12 from the bakery is late", "en"),
        ("the price is £ 40 for the cake, is that right?", "en"),
        ("зустрінемось @ кав'ярні о п'ятій", "uk"),
    ],
)
def test_a_symbol_in_an_everyday_message_stays_unanswered(
    matcher: Matcher, text: str, lang: str
) -> None:
    assert answered(matcher, text, lang) is None


def test_what_reads_as_a_symbol() -> None:
    assert normalize_text('my @ and " are swapped') == "my symbol and symbol are swapped"
    # An address, a tag and a quotation keep their marks' meaning: no symbol in them.
    assert "symbol" not in normalize_text('mail anna@farm.com or @anna, it says "Access denied"')


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ('outlook says " cannot connect to server " since this morning', "en"),
        ('Outlook пишет " нет подключения к серверу "', "ru"),
        ('пише " немає з\'єднання з сервером " в Outlook', "uk"),
        # The code's own words were put after it: the closing mark was left alone.
        ('Outlook пишет "0x800CCC0F" при отправке', "ru"),
    ],
)
def test_a_quotation_with_spaces_inside_is_no_symbol(
    matcher: Matcher, text: str, lang: str
) -> None:
    # Both marks of a quotation stood alone between spaces and read as two typed symbols:
    # 'outlook says " cannot connect to server "' was answered with the keyboard article,
    # the ru and uk ones got choices led by it.
    offered = [c.article.id for c in matcher.match(text, lang).candidates]
    assert "keyboard_mouse" not in offered
    assert "symbol" not in normalize_text(text)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("вместо собачки печатается кавычка", "ru"),
        ("на кассе вместо собаки выходят кавычки", "ru"),
        ("вместо решётки выходит номер, когда жму shift и тройку", "ru"),
    ],
)
def test_a_character_named_by_its_nickname_is_a_symbol(
    matcher: Matcher, text: str, lang: str
) -> None:
    # "собака", "собачка" (@) and "решётка" (#) were a dog and a grille, no article's word:
    # the message read as a typing verb and quote marks, and nothing was answered.
    assert answered(matcher, text, lang) == "keyboard_mouse"


def test_a_nickname_is_a_symbol_only_where_typing_is_said() -> None:
    assert normalize_text("вместо собачки печатаются кавычки") == (
        "вместо symbol печатаются кавычки"
    )
    assert normalize_text("замість решітки ставить номер") == "замість symbol ставить номер"
    assert normalize_text("вместо собаки купили кота") == "вместо собаки купили кота"
