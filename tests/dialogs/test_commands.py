"""Slash commands, the language switch, open tickets and operators' news."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime

import pytest

from dialogs.driver import Chat
from gateway.dialogs.events import CsatRecorded, CsatRequest
from gateway.dialogs.state import DialogState, Phase
from gateway.models import Level, Priority, TicketStatus
from gateway.triage.sla_clock import start_clocks


def open_ticket(
    chat: Chat, problem: str = "при проведении накладной ошибка ZX-417", dunno: str = "не знаю"
) -> str:
    chat.send(problem)
    for _ in range(10):
        if not chat.questions:
            break
        chat.send(dunno)
    return chat.tickets[-1].id


def test_help_lists_the_commands(chat: Chat) -> None:
    chat.send("/help")
    for command in ("/status", "/operator", "/cancel", "/lang"):
        assert command in chat.text


def test_unknown_command(chat: Chat) -> None:
    chat.send("/frobnicate")
    assert "/help" in chat.text


def test_status_lists_open_tickets_with_their_status(chat: Chat) -> None:
    chat.send("/status")
    assert chat.text == "Открытых заявок у вас нет."
    ticket_id = open_ticket(chat)
    chat.send("/status")
    due = datetime.fromtimestamp(chat.tickets[0].first_response_due, UTC)
    assert f"первый ответ специалиста до {due:%d.%m %H:%M}" in chat.text
    chat.tickets[0].status = TicketStatus.WAITING_FOR_USER
    chat.tickets[0].sla_paused_at = chat.now  # waiting on the user: nothing is promised
    chat.send("/status")
    assert ticket_id in chat.text
    assert "ждёт вашего ответа" in chat.text
    assert "ZX-417" in chat.text  # the subject
    assert "первый ответ специалиста" not in chat.text
    assert "Следующий шаг за вами: специалист ждёт вашего ответа." in chat.text


def test_opening_the_chat_again_keeps_the_checklist_a_fresh_start_drops_it(chat: Chat) -> None:
    # Viber tells a subscriber's return to the chat as conversation_started: the user was in
    # the middle of the checklist and must not be greeted back to the start of it.
    chat.send("пропал звук")
    chat.press("no")
    asking, fields = chat.state.asking, dict(chat.state.fields)
    assert asking
    chat.send(kind="start", reopened="1")
    assert chat.replies == []
    assert (chat.state.phase, chat.state.asking, chat.state.fields) == (
        Phase.CHECKLIST,
        asking,
        fields,
    )
    chat.send("перезагружал, не помогло")
    assert "перезагружал" in chat.state.fields.get("tried", "")
    chat.send(kind="start")  # /start, or a new web chat: a fresh start, greeted
    assert chat.state.phase == Phase.IDLE
    assert chat.state.fields == {}
    assert "Здравствуйте" in chat.text


def test_cancel_drops_the_checklist(chat: Chat) -> None:
    chat.send("пропал звук")
    chat.press("no")
    chat.send("/cancel")
    assert "остановился" in chat.text
    assert chat.state.phase == Phase.IDLE
    assert chat.state.fields == {}
    chat.send("/cancel")
    assert "Отменять нечего" in chat.text
    assert chat.tickets == []


def test_cancel_after_a_rating_keeps_the_rating(chat: Chat) -> None:
    chat.send("не печатает принтер")
    chat.press("yes")
    chat.press("csat:4")
    assert chat.events == [CsatRecorded(score=4, comment="")]
    chat.send("/cancel")
    assert chat.events == []  # stored when given; nothing is recorded twice


def test_lang_switches_and_sticks(chat: Chat) -> None:
    chat.send("/lang uk")
    assert chat.text == "Добре, далі спілкуємося українською."
    chat.send("не печатает принтер")  # Russian text, but the user chose Ukrainian
    assert "Це допомогло?" in chat.text
    assert "printer_offline answer uk" in chat.text
    assert chat.engine.flow.knowledge.asked[-1] == ("не печатает принтер", "uk")  # type: ignore[attr-defined]


def test_lang_without_a_choice_offers_buttons(chat: Chat) -> None:
    chat.send("/lang")
    assert chat.payloads == ["/lang ru", "/lang uk", "/lang en"]
    assert [b.label for b in chat.buttons] == ["Русский", "Українська", "English"]
    chat.press("/lang en")
    assert chat.state.language == "en"


def test_language_follows_each_new_problem_but_not_short_answers(chat: Chat) -> None:
    chat.send("у мене зник звук на комп'ютері")
    assert chat.state.language == "uk"
    chat.send("ні")
    assert "Що ви вже пробували" in chat.text
    chat.send("Windows 11")  # Latin answer to a question: still Ukrainian
    assert chat.state.language == "uk"
    assert "Чи є повідомлення або код помилки?" in chat.text
    chat.send("/cancel")
    chat.send("my sound is gone")
    assert chat.state.language == "en"


def test_state_survives_a_restart_mid_checklist(chat: Chat) -> None:
    chat.send("на компьютере пропал звук")
    chat.press("no")
    chat.send("перезагружал")
    assert chat.questions == ["error"]
    stored = json.dumps(chat.state.to_dict(), ensure_ascii=False)

    chat.state = DialogState.from_dict(json.loads(stored))
    chat.send("ошибок нет")
    assert chat.questions == ["product"]
    for answer in ("Lenovo", "Windows 10", "вчера"):
        chat.restart()
        chat.send(answer)
    fields = chat.requested.fields
    assert fields["tried"] == "перезагружал"
    assert fields["error"] == "ошибок нет"
    assert fields["since"] == "вчера"
    assert chat.state.asked == []  # reset once the ticket is open


def test_state_from_empty_or_odd_data() -> None:
    assert DialogState.from_dict({}) == DialogState()
    odd = DialogState.from_dict({"phase": "bogus", "fields": None, "offered": [], "extra": 1})
    assert odd.phase == Phase.IDLE
    assert odd.fields == {} and odd.offered == {}


def test_messages_while_a_ticket_is_open_are_added_to_it(chat: Chat) -> None:
    ticket_id = open_ticket(chat)
    chat.send("забыл сказать: на втором компьютере то же самое")
    assert f"Добавил это к заявке {ticket_id}" in chat.text
    assert chat.payloads == ["new"]
    assert chat.events == []
    chat.send("позовите оператора")
    assert "уже у специалистов" in chat.text
    chat.press("new")
    assert "новая заявка" in chat.text.lower()
    chat.send("не печатает принтер")
    assert chat.named("faq_answered")


def test_a_closed_ticket_no_longer_collects_messages(chat: Chat) -> None:
    open_ticket(chat)
    chat.tickets[0].status = TicketStatus.CLOSED
    chat.send("не печатает принтер")
    assert chat.named("faq_answered")


def test_operator_news_reaches_the_user(chat: Chat) -> None:
    ticket_id = open_ticket(chat)
    ticket = chat.tickets[0]
    ctx = chat.ctx

    taken = chat.engine.ticket_changed(chat.state, ticket, "taken", ctx)
    assert f"взял вашу заявку {ticket_id}" in taken.replies[0].text

    ticket.level = Level.L2
    escalated = chat.engine.ticket_changed(chat.state, ticket, "escalated", ctx)
    assert "L2" in escalated.replies[0].text

    ticket.priority = Priority.P1
    start_clocks(ticket, chat.engine.sla, ticket.created_at)
    raised = chat.engine.ticket_changed(chat.state, ticket, "priority", ctx)
    due = datetime.fromtimestamp(ticket.created_at + 600, UTC).strftime("%H:%M")
    assert f"изменена на P1: ответ сегодня до {due}." in raised.replies[0].text

    back = chat.engine.ticket_changed(chat.state, ticket, "handed_back", ctx)
    assert "вернул разговор мне" in back.replies[0].text
    assert back.state.phase == Phase.TICKET

    ticket.status = TicketStatus.RESOLVED
    resolved = chat.engine.ticket_changed(chat.state, ticket, "resolved", ctx)
    assert f"Заявка {ticket_id} отмечена как решённая" in resolved.replies[0].text
    assert resolved.events == [CsatRequest()]
    assert [b.payload for b in resolved.replies[-1].buttons] == [f"csat:{n}" for n in range(1, 6)]

    chat.state = resolved.state
    chat.send("5")
    assert chat.events == [CsatRecorded(score=5, comment="", ticket_id=ticket.id)]
    chat.press("skip")
    assert chat.events == []


def test_handed_back_mid_checklist_asks_the_question_it_waits_on_again(chat: Chat) -> None:
    """desk37's probe: a new request's checklist under way when a person took the earlier
    ticket; handed back, the bot said "what else can I help with?" while it still waited
    on a question asked before the person came: the next words were read as its answer
    unasked. The question is sent again after the hand-back line."""
    open_ticket(chat)
    chat.press("new")
    chat.send("не работает сканер в бухгалтерии")
    while chat.state.phase != Phase.CHECKLIST:
        chat.send("нет")
    waiting = chat.state.asking
    asked = chat.replies[-1].text
    back = chat.engine.ticket_changed(chat.state, chat.tickets[0], "handed_back", chat.ctx)
    assert "вернул разговор мне" in back.replies[0].text
    assert back.replies[-1].text == asked and back.state.asking == waiting
    assert back.state.phase == Phase.CHECKLIST


@pytest.mark.parametrize(
    ("change", "held", "asked_again"),
    [
        ("resolved", False, True),  # the operator resolved the ticket they held
        ("escalated", False, True),  # sent to the second line: back in a queue
        ("requeued", False, True),  # re-routed to another group's queue
        ("priority", False, True),  # news while the bot has the conversation
        ("taken", True, False),  # a person has it now: the bot says no more
        ("priority", True, False),  # changed by the person who holds it
    ],
)
def test_news_of_another_ticket_mid_checklist_is_followed_by_the_question_waited_on(
    chat: Chat, change: str, held: bool, asked_again: bool
) -> None:
    """desk38's probe (the real gateway): the user was answering a new request's checklist
    when the operator holding the earlier ticket resolved it. The bot said "HD-000001 is
    resolved" and no more, and the next words were taken as the answer to a question asked
    before. Any news of a ticket told while the bot keeps the conversation is followed by
    the question again; none while a person holds it."""
    open_ticket(chat)
    chat.press("new")
    chat.send("не работает сканер в бухгалтерии")
    while chat.state.phase != Phase.CHECKLIST:
        chat.send("нет")
    waiting, asked = chat.state.asking, chat.replies[-1].text
    ctx = dataclasses.replace(chat.ctx, held=held)
    news = chat.engine.ticket_changed(chat.state, chat.tickets[0], change, ctx)
    assert chat.tickets[0].id in news.replies[0].text
    assert (news.replies[-1].text == asked) is asked_again
    assert news.state.phase == Phase.CHECKLIST and news.state.asking == waiting


def test_news_in_the_tickets_language_for_a_fresh_state(chat: Chat) -> None:
    ticket_id = open_ticket(chat, "I spilled coffee on my laptop", "don't know")
    result = chat.engine.ticket_changed(DialogState(), chat.tickets[0], "taken", chat.ctx)
    assert result.replies[0].text.startswith("A specialist has taken your request " + ticket_id)
