"""A screenshot as the answer to a checklist question is noted in the ticket, and never
named by the next question as if it were the product or the error (outside pass, session
21: "На какой операционной системе работает (см. вложение)?")."""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from gateway.models import Attachment, InboundMessage
from gateway.texts import Texts

TEXTS = Texts.load()
PROBLEMS = {
    "ru": "при проведении накладной ошибка ZX-417",
    "uk": "при проведенні накладної помилка ZX-417",
    "en": "posting the invoice fails with error ZX-417",
}


def screenshot(chat: Chat) -> str:
    """The user answers the question asked with a picture alone; the bot's reply."""
    chat._n += 1
    msg = InboundMessage(
        channel="cli", chat_id="1", message_id=f"s{chat._n}", attachments=(Attachment("photo"),)
    )
    result = chat.engine.step(chat.state, msg, chat.ctx)
    chat.state = result.state
    return "\n".join(r.text for r in result.replies)


@pytest.mark.parametrize("lang", ["ru", "uk", "en"])
def test_the_next_question_does_not_name_the_screenshot(chat: Chat, lang: str) -> None:
    chat.send(PROBLEMS[lang])
    note = TEXTS.get(lang, "attachment_noted")
    answered = []
    while chat.state.asking and len(answered) < 6:
        answered.append(chat.state.asking)
        shown = screenshot(chat)
        assert note not in shown, shown
    assert "product" in answered
    assert chat.state.fields["product"] == note  # the ticket still says what was sent
