"""Characters that show nothing split no word: the user reads "принтер", so does the bot.

A zero-width space, a soft hyphen, a word joiner or a direction mark inside a word comes from
copying out of a web page, a PDF or a messenger; the real knowledge base runs through the
engine, as in test_full_first_message.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogs.driver import Chat
from gateway.dialogs.engine import DialogEngine
from gateway.knowledge.library import KnowledgeLibrary
from gateway.triage.sla import SlaPolicy

FAQ = Path(__file__).resolve().parents[2] / "faq"


@pytest.fixture(scope="module")
def library() -> KnowledgeLibrary:
    return KnowledgeLibrary(FAQ)


def first_reply(library: KnowledgeLibrary, text: str) -> tuple[str, list[str]]:
    chat = Chat(DialogEngine(library, SlaPolicy.default()))
    chat.send(text)
    answered = [e.topic for e in chat.named("faq_answered")]  # type: ignore[attr-defined]
    return chat.text, answered


@pytest.mark.parametrize(
    ("plain", "hidden"),
    [
        ("не печатает принтер", "не печа\u200bтает прин\u200bтер"),
        ("принтер не друкує", "прин\u00adтер не дру\u00adкує"),
        ("my printer is offline", "my prin\u2060ter is off\u200dline"),
        ("не работает интернет", "\ufeffне рабо\u200cтает интер\u200eнет"),
        ("забыл пароль от почты", "забыл па\u200bроль от поч\u200bты"),
    ],
)
def test_a_hidden_character_inside_a_word_changes_no_answer(
    library: KnowledgeLibrary, plain: str, hidden: str
) -> None:
    expected = first_reply(library, plain)
    assert expected[1], f"the plain line must be answered: {plain}"
    assert first_reply(library, hidden) == expected


def test_an_emoji_picture_keeps_its_joiner() -> None:
    from gateway.dialogs.engine import _visible
    from gateway.models import InboundMessage

    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    msg = InboundMessage(channel="web", chat_id="c", message_id="1", text=f"{family} при\u200bвет")
    assert _visible(msg).text == f"{family} привет"
