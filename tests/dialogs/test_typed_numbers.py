"""Typed numbers where buttons are buttons, and a score said again after the rating.

Outside pass (session 21): on Telegram a typed "1" pressed buttons the user never saw
numbered: the note "1" to a ticket started a new request, "1" to a checklist question was
"don't know", and "1" after a rating skipped the comment while "5" became the comment "5".
"""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from gateway.dialogs.events import CsatCommented, FaqAnswered
from gateway.dialogs.state import Phase
from gateway.texts import Texts

TEXTS = Texts.load()
PROBLEMS = {
    "ru": "не печатает принтер",
    "uk": "не друкує принтер",
    "en": "the printer does not print",
}
SCORES_TYPED = ["1", "5", "4/5", "5.", "⭐⭐⭐⭐⭐", "5️⃣", " 3 "]


def rated(chat: Chat, lang: str, score: int) -> None:
    """The bot's answer helped; the user pressed `score` and is asked for a comment."""
    chat.send(PROBLEMS[lang])
    chat.press("yes")
    chat.press(f"csat:{score}")
    assert chat.state.phase == Phase.CSAT_COMMENT and chat.state.language == lang


@pytest.mark.parametrize("lang", ["ru", "uk", "en"])
@pytest.mark.parametrize(
    ("numbered", "typed"),
    # shown as numbered text, a typed "1" presses "1. Skip" (the next test)
    [(n, t) for n in (True, False) for t in SCORES_TYPED if not (n and t == "1")],
)
def test_a_score_typed_after_the_rating_is_neither_a_comment_nor_a_skip(
    chat: Chat, lang: str, numbered: bool, typed: str
) -> None:
    chat.numbered = numbered
    rated(chat, lang, 5)
    chat.send(typed)
    assert chat.events == []  # no comment "5", and the score stays the first one
    assert chat.text == TEXTS.get(lang, "csat_already", score=5)
    assert chat.state.phase == Phase.CSAT_COMMENT and chat.payloads == ["skip"]
    chat.send("быстро и понятно" if lang == "ru" else "ok, thanks for the quick fix")
    assert [type(e) for e in chat.events] == [CsatCommented]


@pytest.mark.parametrize("lang", ["ru", "uk", "en"])
@pytest.mark.parametrize(
    "comment", ["10", "100%", "1 - долго ждал", "5 минут ждал ответа", "2 days to get an answer"]
)
def test_a_comment_with_a_number_is_a_comment(chat: Chat, lang: str, comment: str) -> None:
    rated(chat, lang, 4)
    chat.send(comment)
    assert [e.comment for e in chat.events if isinstance(e, CsatCommented)] == [comment]
    assert chat.state.phase == Phase.IDLE


@pytest.mark.parametrize("lang", ["ru", "uk", "en"])
def test_a_typed_1_presses_skip_where_buttons_are_numbered_text(chat: Chat, lang: str) -> None:
    """The comment step shows one button, "1. Skip", as text: a "1" typed there presses it.
    It was told, each time, that the score was already recorded."""
    chat.numbered = True
    rated(chat, lang, 5)
    chat.send("1")
    assert chat.events == [] and chat.state.phase == Phase.IDLE
    assert chat.text == TEXTS.get(lang, "csat_thanks")


@pytest.mark.parametrize("skip", [{"payload": "skip"}, {"text": "Пропустить"}, {"text": "skip"}])
def test_skip_still_skips(chat: Chat, skip: dict[str, str]) -> None:
    rated(chat, "ru", 3)
    chat.send(**skip)
    assert chat.events == [] and chat.state.phase == Phase.IDLE
    assert chat.text == TEXTS.get("ru", "csat_thanks")


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
