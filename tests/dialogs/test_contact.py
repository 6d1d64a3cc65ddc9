"""Asked for the desk's phone, the bot gives the configured contact, or says how to reach a
person here; an open checklist question is put again, a problem in the same message taken."""

from __future__ import annotations

import pytest

from dialogs.driver import Chat, TableKnowledge
from gateway.dialogs.checklist import question
from gateway.dialogs.contact import SupportContact
from gateway.dialogs.engine import DialogEngine
from gateway.texts import Texts
from gateway.triage.sla import SlaPolicy

TEXTS = Texts.load()
CONTACT = SupportContact(phone="+380 44 123 45 67", email="help@example.com", hours="8-20")


@pytest.fixture
def configured(knowledge: TableKnowledge) -> Chat:
    return Chat(DialogEngine(knowledge, SlaPolicy.default(), contact=CONTACT))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("дайте номер телефона поддержки", "ru"),
        ("підкажіть номер техпідтримки", "uk"),
        ("is there a phone number I can call?", "en"),
    ],
)
def test_the_configured_contact_is_given_in_the_users_language(
    configured: Chat, text: str, lang: str
) -> None:
    configured.send(text)
    assert "+380 44 123 45 67" in configured.text
    assert "help@example.com" in configured.text
    assert TEXTS.get(lang, "contact_hours", hours="8-20") in configured.text
    assert configured.state.phase.value == "idle"  # no problem read into the question
    assert not configured.named("ticket_requested")


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Скиньте телефон айтишников", "ru"), ("How do I contact support?", "en")],
)
def test_without_a_contact_the_user_is_told_how_to_reach_a_person_here(
    chat: Chat, text: str, lang: str
) -> None:
    chat.send(text)
    assert chat.text == TEXTS.get(lang, "contact_none")


def test_an_open_checklist_question_is_put_again_after_the_contact(configured: Chat) -> None:
    configured.send("не печатает принтер")
    configured.send("нет")
    asked = configured.state.asking
    assert asked
    configured.send("а какой телефон у поддержки?")
    assert "+380 44 123 45 67" in configured.text
    assert configured.state.asking == asked
    expected = question(asked, configured.state.fields, TEXTS, "ru").text
    assert configured.replies[-1].text == expected
    assert not configured.questions  # put again, not a new question
    configured.send("перезагружала принтер")
    assert "перезагружала" in configured.state.fields.get("tried", "")


def test_a_problem_told_with_the_request_is_taken_too(configured: Chat) -> None:
    configured.send("Принтер в бухгалтерии не печатает с утра. Дайте номер телефона поддержки")
    assert "+380 44 123 45 67" in configured.text
    assert configured.state.phase.value != "idle"
    assert configured.state.problem.startswith("Принтер в бухгалтерии не печатает")


def test_with_nothing_to_give_a_problem_told_with_the_request_is_simply_taken(chat: Chat) -> None:
    chat.send("Принтер в бухгалтерии не печатает с утра. Дайте номер телефона поддержки")
    assert TEXTS.get("ru", "contact_none") not in chat.text
    assert chat.state.problem.startswith("Принтер в бухгалтерии не печатает")
