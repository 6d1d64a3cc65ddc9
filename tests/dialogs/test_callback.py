"""The call-back number a user gives is a ticket field of its own, for the operator."""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from gateway.dialogs.extract import callback, extract_fields

CALLBACK_LINES = [
    ("Третий день не работает сканер в регистратуре, перезвоните мне на 067 123 45 67",
     "067 123 45 67"),
    ("позвоните мне по номеру +7 (912) 345-67-89, пожалуйста", "+7 (912) 345-67-89"),
    ("мой номер 8 (495) 123-45-67", "8 (495) 123-45-67"),
    ("наберите по внутреннему 315", "315"),
    ("вн. 214, 3 этаж", "вн. 214"),
    ("тел.: 067 123 45 67", "067 123 45 67"),
    ("перезвоніть мені на +380 67 123-45-67", "+380 67 123-45-67"),
    ("мій внутрішній 214", "214"),
    ("зателефонуйте на 0501234567, я на складі", "0501234567"),
    ("Just have someone call me on ext. 214.", "ext. 214"),
    ("call me back at 555-0199 please", "555-0199"),
    ("my mobile is +44 7700 900123", "+44 7700 900123"),
    ("reach me at x2145", "x2145"),
    # no number, or a number that is no phone: a time, a code, an order, a floor, a version
    ("позвоните мне в 14:30", ""),
    ("пусть админ мне позвонит, я на 3 этаже", ""),
    ("ошибка 0x80070005 при обновлении", ""),
    ("заказ 1234567 не проводится", ""),
    ("версия 10.0.19045 не обновляется", ""),
    ("подзвоніть мені", ""),
    ("call me when it's fixed", ""),
    ("the invoice 20240315 won't print", ""),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # What the pattern's \s and \d let through reached the console's "call back on":
        # line breaks and control characters, digits of other scripts or look-alikes.
        ("call me on 067\u2028\u2028\u2028123 45 67", "067 123 45 67"),
        ("call me on 067\x1c\x1d\x1e\x1f123\n4567", "067 123 4567"),
        ("перезвоните мне на 067\u00a0123\u00a045\u00a067", "067 123 45 67"),
        ("call me on \U0001d7ce\U0001d7d4\U0001d7d5 123 4567", "067 123 4567"),
        ("call me on \uff10\uff16\uff17\uff11\uff12\uff13\uff14\uff15\uff16", "067123456"),
        ("call me on \u0660\u0666\u0667\u0661\u0662\u0663\u0664\u0665\u0666", ""),
    ],
)
def test_the_number_is_one_line_of_plain_digits(text: str, number: str) -> None:
    assert callback.extract(text) == number


@pytest.mark.parametrize(("text", "number"), CALLBACK_LINES)
def test_the_number_to_call_back_on(text: str, number: str) -> None:
    got = callback.extract(text)
    assert (number in got) if number else got == "", got
    assert extract_fields(text).get("callback", "") == got


def _answer_until_ticket(chat: Chat) -> list[str]:
    """Answer "не знаю" to every question until the ticket is requested; the questions."""
    asked: list[str] = []
    for _ in range(8):
        if chat.named("ticket_requested"):
            break
        asked += chat.questions
        chat.send("не знаю")
    return asked


def test_the_ticket_keeps_the_number_the_upset_user_gave(chat: Chat) -> None:
    chat.send("Достали. Третий день не работает сканер, перезвоните мне на 067 123 45 67")
    _answer_until_ticket(chat)
    assert chat.requested.fields["callback"] == "067 123 45 67"
    assert chat.requested.sources["callback"] == "first message"


def test_a_number_given_in_an_answer_is_kept_and_never_asked(chat: Chat) -> None:
    chat.send("не печатает принтер")
    chat.send("нет, не помогло")
    chat.send("перезагружал, и позвоните мне на вн. 214")
    asked = _answer_until_ticket(chat)
    assert chat.requested.fields["callback"] == "вн. 214"
    assert "callback" not in asked
