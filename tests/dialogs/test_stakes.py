"""What the ticket says of what broke when the sentence naming it is left out of the problem."""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from dialogs.test_checklist import run_checklist


@pytest.mark.parametrize(
    ("first", "group"),
    [
        ("Я уже четвёртый раз пишу про один и тот же ноутбук. Он выключается сам. Мне надоело.",
         "hardware"),
        ("Вже втретє пишу про той самий принтер. Він знову зажовує папір. Набридло.",
         "hardware"),
    ],
)  # fmt: skip
def test_a_thing_named_in_a_clause_of_feelings_routes_the_ticket(
    chat: Chat, first: str, group: str
) -> None:
    chat.send(first)
    run_checklist(chat, {}, "не знаю")
    assert chat.requested.group == group
