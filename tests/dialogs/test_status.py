"""The engine's side of "where is my ticket?": no checklist, and the card's buttons."""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from dialogs.test_commands import open_ticket
from gateway.dialogs.engine import DialogEngine, StepContext
from gateway.dialogs.events import (
    PersonRequested,
    ReopenRequested,
    SolvedByUser,
    StatusAsked,
    TicketCommented,
)
from gateway.dialogs.state import DialogState, Phase
from gateway.dialogs.status import StatusReport, TicketView
from gateway.models import InboundMessage, TicketStatus


def test_a_status_question_is_no_new_problem(chat: Chat) -> None:
    chat.send("Какой статус моей заявки HD-000042?")
    assert chat.named("status_asked") == [StatusAsked(ticket_id="HD-000042")]
    assert "HD-000042" in chat.text and not chat.questions and not chat.tickets
    assert chat.state.phase == Phase.IDLE and chat.state.language == "ru"


def test_the_card_of_an_open_ticket_offers_comment_works_now_and_a_person(chat: Chat) -> None:
    ticket_id = open_ticket(chat)
    chat.send("where is my ticket?")
    assert chat.state.language == "en"
    assert chat.text.startswith(f"{ticket_id} — new")
    assert chat.payloads == [
        f"status:comment:{ticket_id}",
        f"status:solved:{ticket_id}",
        f"status:person:{ticket_id}",
    ]
    chat.press(f"status:comment:{ticket_id}")
    assert chat.state.phase == Phase.STATUS_COMMENT
    chat.send("still red light")
    assert chat.events == [TicketCommented(ticket_id=ticket_id, comment="still red light")]
    assert chat.state.phase == Phase.TICKET and chat.state.ticket_id == ticket_id
    chat.press(f"status:solved:{ticket_id}")
    assert chat.events == [SolvedByUser(ticket_id=ticket_id)]
    chat.press(f"status:person:{ticket_id}")
    assert chat.events == [PersonRequested(ticket_id=ticket_id)]


def test_a_comment_can_be_cancelled_and_typed_numbers_press_the_buttons(chat: Chat) -> None:
    ticket_id = open_ticket(chat)
    chat.send("/status")
    chat.send("1")  # the first button: add a comment
    assert chat.state.phase == Phase.STATUS_COMMENT
    chat.press("status:cancel")
    assert chat.state.phase == Phase.TICKET and not chat.events
    assert chat.state.ticket_id == ticket_id


def test_a_recently_resolved_ticket_offers_still_broken(chat: Chat) -> None:
    ticket_id = open_ticket(chat)
    chat.tickets[0].status, chat.tickets[0].resolved_at = TicketStatus.RESOLVED, chat.now
    chat.press(f"status:show:{ticket_id}")
    assert chat.text.startswith(f"{ticket_id} — решена")
    assert chat.payloads == [f"status:reopen:{ticket_id}"]
    chat.press(f"status:reopen:{ticket_id}")
    assert chat.events == [ReopenRequested(ticket_id=ticket_id)]


def test_a_status_question_in_the_middle_of_the_checklist_needs_a_number(chat: Chat) -> None:
    chat.send("при проведении накладной ошибка ZX-417")
    asking = chat.state.asking
    assert chat.state.phase == Phase.CHECKLIST
    chat.send("где моя заявка")  # an answer to the question asked, not a status question
    assert not chat.named("status_asked")
    chat.send("а что с HD-000003?")
    assert chat.named("status_asked") == [StatusAsked(ticket_id="HD-000003")]
    assert asking and chat.state.phase == Phase.CHECKLIST


def test_a_status_question_by_letter_is_answered_not_made_a_ticket(engine: DialogEngine) -> None:
    letter = InboundMessage(
        channel="email", chat_id="anna@example.com", message_id="<1@example.com>",
        text="Добрый день! Подскажите, какой статус у заявки HD-000007?",
        meta={"subject": "Статус заявки"},
    )  # fmt: skip
    result = engine.step(DialogState(), letter, StepContext(now=1_700_000_000.0, letters=True))
    assert [e.to_dict() for e in result.events] == [
        {"event": "status_asked", "ticket_id": "HD-000007"}
    ]
    assert result.state.language == "ru" and result.state.phase == Phase.IDLE


def test_works_now_and_still_broken_may_be_typed_under_the_card(chat: Chat) -> None:
    ticket_id = open_ticket(chat)
    chat.send("что с моей заявкой?")
    chat.send("уже заработало, спасибо")
    assert chat.events == [SolvedByUser(ticket_id=ticket_id)]
    chat.tickets[0].status, chat.tickets[0].resolved_at = TicketStatus.RESOLVED, chat.now
    chat.send("заработало")  # no card on screen now: not a press
    assert not chat.named("solved_by_user")
    chat.press(f"status:show:{ticket_id}")
    chat.send("всё ещё не работает")
    assert chat.events == [ReopenRequested(ticket_id=ticket_id)]


def _reopen_refused(chat: Chat, text: str, payload: str = "") -> None:
    """The service refused to reopen T-0001 (resolved too long ago) for this message."""
    old = chat.tickets[0]
    old.status, old.resolved_at = TicketStatus.RESOLVED, chat.now - 40 * 86400
    report = StatusReport(asked=old.id, tickets=(TicketView(old),), done="reopen_late")
    msg = InboundMessage(channel="cli", chat_id="1", message_id="late", text=text, payload=payload)
    result = chat.engine.reopen_refused(chat.state, report, msg, chat.ctx)
    chat.state, chat.replies, chat.events = result.state, list(result.replies), list(result.events)


@pytest.mark.parametrize(
    ("said", "lang"),
    [
        ("всё равно не печатает, та же ошибка offline", "ru"),
        ("Все одно не друкує, та сама помилка offline.", "uk"),
        ("still not printing, same offline error", "en"),
    ],
)
def test_a_fault_told_to_a_ticket_too_old_to_reopen_is_the_new_request(
    chat: Chat, said: str, lang: str
) -> None:
    """desk36: "resolved too long ago, describe the problem again" although it was just
    described. The words are the first message of a new request, the old ticket named to
    the user and carried on the ticket requested."""
    old = open_ticket(chat)
    _reopen_refused(chat, said)
    assert chat.engine.texts.get(lang, "reopen_late_new_request", ticket_id=old) in chat.text
    assert "status_reopen_late" not in chat.text and chat.state.follows == old
    assert chat.state.problem == said and chat.state.phase != Phase.IDLE
    chat.restart()
    while chat.state.phase != Phase.TICKET:  # "no" to the answer, then the questions
        chat.send("нет" if chat.state.phase == Phase.CONFIRM else "не знаю")
    assert chat.requested.follows == old and chat.state.follows == ""


OLD_FACTS = {
    "problem": "Принтер не друкує, пише offline",
    "product": "HP LaserJet M404",
    "os": "Windows 11",
    "error": "offline",
    "tried": "перезавантажила",
    "since": "з ранку",
}


@pytest.mark.parametrize(
    ("said", "old_error", "error"),
    [
        # "the same error": the old ticket's, though "offline" after it is not read as one
        ("Все одно не друкує, та сама помилка offline.", "offline", "offline"),
        ("всё равно не печатает, та же ошибка", "offline", "offline"),
        ("still not printing, same error as before", "offline", "offline"),
        # an error given now is the new one's own
        ("всё равно не печатает, та же ошибка 0x80070005", "offline", "0x80070005"),
        # no error spoken of: the screen may show another now, it is asked
        ("Все одно не друкує.", "offline", ""),
        # the old ticket had none: nothing to carry
        ("still not printing, same error", "не знаю", ""),
        ("still not printing, same error", "ошибок нет", ""),
    ],
)
def test_a_request_going_on_from_an_old_ticket_keeps_what_it_read_of_the_same_fault(
    chat: Chat, said: str, old_error: str, error: str
) -> None:
    """desk37: the new request of "still broken" (resolved too long ago to reopen) asked what
    the error says, which printer and which system, though the ticket it goes on from had
    them: the same fault on the same thing. Its product and OS fill what the words leave
    open, its error when the words speak of an error without one; what was tried and since
    when are asked again (that was the earlier time)."""
    open_ticket(chat)
    chat.tickets[0].fields = {**OLD_FACTS, "error": old_error}
    _reopen_refused(chat, said)
    fields, sources = chat.state.fields, chat.state.sources
    assert (fields["product"], fields["os"]) == ("HP LaserJet M404", "Windows 11")
    assert sources["product"] == sources["os"] == "followed ticket"
    assert fields.get("error", "") == error
    assert "tried" not in fields and "since" not in fields
    asked = list(chat.questions)
    chat.restart()
    while chat.state.phase != Phase.TICKET:  # "no" to the answer, then the questions
        chat.send("нет" if chat.state.phase == Phase.CONFIRM else "не знаю")
        asked += chat.questions
    assert not {"product", "os"} & set(asked) and ("error" in asked) == (not error)
    assert chat.requested.fields["product"] == "HP LaserJet M404"


@pytest.mark.parametrize(
    ("said", "payload"), [("", "status:reopen:T-0001"), ("нет", ""), ("ok", "")]
)
def test_a_reopen_refused_with_no_problem_told_asks_for_it(
    chat: Chat, said: str, payload: str
) -> None:
    """A card's "still broken" pressed late, or a bare "нет": nothing to start from, so
    the user is asked to describe the problem, and no request starts."""
    old = open_ticket(chat)
    _reopen_refused(chat, said, payload)
    late = chat.engine.texts.get(chat.state.language or "ru", "status_reopen_late", ticket_id=old)
    assert late in chat.text and not chat.state.follows and not chat.events
