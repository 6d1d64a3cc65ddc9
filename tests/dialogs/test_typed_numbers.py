"""Typed numbers where buttons are buttons.

Outside pass (session 21): on Telegram a typed "1" pressed buttons the user never saw
numbered: the note "1" to a ticket started a new request, "1" to a checklist question was
"don't know".
"""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from gateway.dialogs.events import FaqAnswered
from gateway.dialogs.state import Phase
from gateway.texts import Texts

TEXTS = Texts.load()


def ticket_with_a_note(chat: Chat) -> str:
    chat.send("при проведении накладной ошибка ZX-417")
    while chat.questions:
        chat.send("не знаю")
    chat.send("у коллеги то же самое")
    assert chat.state.phase == Phase.TICKET and chat.payloads == ["new"]
    return chat.state.ticket_id


@pytest.mark.parametrize("typed", ["1", "1.", "1)"])
def test_where_buttons_are_buttons_a_typed_1_is_a_note_to_the_ticket(
    chat: Chat, typed: str
) -> None:
    chat.numbered = False
    ticket_id = ticket_with_a_note(chat)
    chat.send(typed)
    assert chat.text.startswith(TEXTS.get("ru", "ticket_note_added", ticket_id=ticket_id))
    assert chat.state.phase == Phase.TICKET and chat.state.ticket_id == ticket_id


def test_where_buttons_are_numbered_text_a_typed_1_still_presses_the_first(chat: Chat) -> None:
    ticket_with_a_note(chat)
    chat.send("1")  # "1. Новая заявка"
    assert chat.state.phase == Phase.IDLE and chat.text == TEXTS.get("ru", "new_request")


def test_where_buttons_are_buttons_a_typed_number_answers_the_checklist(chat: Chat) -> None:
    chat.numbered = False
    chat.send("при проведении накладной ошибка ZX-417")
    asked = chat.state.asking
    assert chat.payloads == ["dunno"]
    chat.send("1")
    assert chat.state.fields.get(asked) != TEXTS.get("ru", "btn_dont_know")


@pytest.mark.parametrize("numbered", [True, False])
def test_a_choice_is_picked_by_its_number_on_every_channel(chat: Chat, numbered: bool) -> None:
    chat.numbered = numbered
    chat.send("принтер печатает полосами")
    assert chat.state.phase == Phase.CHOOSE
    chat.send("2")
    assert chat.events == [FaqAnswered(topic="printer_offline", score=89.0)]
