"""A message with nothing to read (a reel, a poll, a die: the channel delivers it empty)
answers no question and adds nothing to a ticket; the user is told, in their language,
and the question stays with its buttons (outside pass, session 21)."""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from gateway.dialogs.state import Phase
from gateway.models import Attachment
from gateway.texts import Texts

TEXTS = Texts.load()
PROBLEMS = {
    "ru": "при проведении накладной ошибка ZX-417",
    "uk": "при проведенні накладної помилка ZX-417",
    "en": "posting the invoice fails with error ZX-417",
}


def test_nothing_to_read_at_the_start_is_no_greeting(chat: Chat) -> None:
    chat.send("")
    assert chat.text == TEXTS.get("ru", "unreadable") and chat.events == []
    assert chat.state.phase == Phase.IDLE


@pytest.mark.parametrize("lang", ["ru", "uk", "en"])
def test_nothing_to_read_does_not_answer_the_checklist_question(chat: Chat, lang: str) -> None:
    chat.send(PROBLEMS[lang])
    asked, buttons = chat.state.asking, chat.payloads
    assert asked and chat.state.language == lang
    chat.send("")
    assert chat.text == TEXTS.get(lang, "unreadable") and chat.events == []
    assert chat.state.asking == asked and asked not in chat.state.fields
    assert chat.payloads == buttons  # "don't know" offered again


def test_nothing_to_read_is_not_added_to_the_ticket(chat: Chat) -> None:
    chat.send(PROBLEMS["ru"])
    while chat.questions:
        chat.send("не знаю")
    chat.send("")
    assert chat.text == TEXTS.get("ru", "unreadable")
    assert chat.state.phase == Phase.TICKET


@pytest.mark.parametrize("message", [{"text": "  "}, {"kind": "edited"}])
def test_blank_or_an_emptied_edit_is_nothing_to_read(chat: Chat, message: dict[str, str]) -> None:
    chat.send("не печатает принтер")
    chat.send(**message)
    assert chat.text == TEXTS.get("ru", "unreadable") and chat.state.phase == Phase.CONFIRM
    assert chat.payloads == ["yes", "no"]


def test_a_file_without_words_is_still_taken(chat: Chat) -> None:
    """A photo alone is no empty message: the text-only reply stays."""
    result = chat.send(attachments=(Attachment("photo"),))
    assert [r.text for r in result.replies] == [TEXTS.get("ru", "text_only")]
