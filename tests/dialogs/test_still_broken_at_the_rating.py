""""Still broken" said to the rating an operator's resolution asked for (outside pass,
session 27): the ticket reopens instead of "send a number from 1 to 5" or "I'm not sure
what the IT problem is"; said of the thing the ticket was about ("всё равно не печатает")
too. Said to the rating of the bot's answer, it is that answer's "no"."""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from dialogs.test_rating_and_stale_buttons import resolved_by_operator
from gateway.dialogs.engine import DialogEngine
from gateway.dialogs.events import (
    ArticleNotHelped,
    CsatCommented,
    CsatRecorded,
    ReopenRequested,
)
from gateway.dialogs.state import Phase
from gateway.dialogs.turn import StepContext
from gateway.models import TicketStatus

STILL_BROKEN = [
    ("ru", "всё равно не работает"),
    ("ru", "не помогло"),
    ("ru", "нет, не заработало"),
    ("uk", "все одно не працює"),
    ("uk", "не допомогло"),
    ("en", "still broken"),
    ("en", "it still doesn't work"),
    ("en", "nope, not fixed"),
]


@pytest.mark.parametrize(("lang", "said"), STILL_BROKEN)
def test_still_broken_instead_of_a_score_asks_to_reopen_the_ticket(
    engine: DialogEngine, lang: str, said: str
) -> None:
    chat = Chat(engine, lang_hint=lang)
    ticket_id = resolved_by_operator(chat)
    chat.send(said)
    assert chat.events == [ReopenRequested(ticket_id=ticket_id)], (said, chat.text)
    assert chat.state.phase == Phase.IDLE and chat.state.rating_ticket == ""


def test_still_broken_after_a_low_score_keeps_the_score_and_reopens(chat: Chat) -> None:
    ticket_id = resolved_by_operator(chat)
    chat.press("csat:1")
    chat.send("так и не заработало")
    assert chat.events == [
        CsatCommented(comment="так и не заработало", ticket_id=ticket_id),
        ReopenRequested(ticket_id=ticket_id),
    ]


def test_a_score_a_bare_no_and_a_rating_the_bot_asked_for_itself_stay_as_they_were(
    engine: DialogEngine,
) -> None:
    chat = Chat(engine, lang_hint="ru")
    ticket_id = resolved_by_operator(chat)
    chat.send("нет")  # no score and nothing said of the fault: the scale is asked again
    assert chat.events == [] and chat.state.phase == Phase.CSAT_SCORE
    chat.send("2")
    assert chat.events == [CsatRecorded(score=2, ticket_id=ticket_id)]
    chat.send("долго, но починили")
    assert chat.events == [CsatCommented(comment="долго, но починили", ticket_id=ticket_id)]

    chat.restart()
    resolved_by_operator(chat)
    chat.send("опять не работает vpn")  # another thing named: a new request, as before
    assert not chat.named("reopen_requested") and chat.state.problem == "опять не работает vpn"

    chat = Chat(engine, lang_hint="en")
    chat.send("the printer is offline")
    chat.press("yes")  # the article helped: no ticket to reopen (its "no" instead, below)
    assert chat.state.phase == Phase.CSAT_SCORE
    chat.send("still broken")
    assert not any(isinstance(e, ReopenRequested) for e in chat.events)


def resolved_printer_by_operator(chat: Chat) -> str:
    """The printer's ticket (the article did not help), resolved by an operator."""
    chat.send("the printer is offline")
    chat.press("no")
    while chat.questions:
        chat.send("не знаю")
    ticket = chat.tickets[-1]
    assert ticket.topic == "printer_offline"
    ticket.status = TicketStatus.RESOLVED
    news = chat.engine.ticket_changed(chat.state, ticket, "resolved", StepContext(now=chat.now))
    chat.state = news.state
    return ticket.id


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ru", "всё равно не печатает"),
        ("ru", "принтер опять не печатает, та же ошибка"),
        ("uk", "все одно не друкує"),
        ("uk", "Все одно не друкує, та сама помилка offline."),
        ("en", "the printer is still offline"),
        ("en", "still not printing, same error"),
    ],
)
def test_the_same_thing_said_to_go_on_reopens_the_ticket_not_a_new_request(
    engine: DialogEngine, lang: str, said: str
) -> None:
    """Before: the printer named, the rating took it for a new request (the article again)."""
    chat = Chat(engine, lang_hint=lang)
    ticket_id = resolved_printer_by_operator(chat)
    chat.send(said)
    assert chat.events == [ReopenRequested(ticket_id=ticket_id)], (said, chat.text)
    assert len(chat.tickets) == 1


@pytest.mark.parametrize(
    ("lang", "said"),
    [("ru", "опять не работает vpn"), ("uk", "знову не працює vpn"), ("en", "vpn is down again")],
)
def test_another_thing_said_to_fail_again_is_a_new_request(
    engine: DialogEngine, lang: str, said: str
) -> None:
    chat = Chat(engine, lang_hint=lang)
    resolved_printer_by_operator(chat)
    chat.send(said)
    assert not chat.named("reopen_requested") and chat.state.problem == said


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ru", "всё равно не работает"),
        ("ru", "всё равно не печатает"),
        ("uk", "не допомогло"),
        ("uk", "все одно не друкує"),
        ("en", "still broken"),
        ("en", "it still doesn't work"),
    ],
)
def test_still_broken_said_to_the_bots_rating_is_the_no_its_answer_did_not_get(
    engine: DialogEngine, lang: str, said: str
) -> None:
    """The article "helped" and the rating is asked; then the user says it did not. Before:
    "Please send a number from 1 to 5", or in Russian "not sure what the IT problem is"
    with every fact lost. Now: the person's questions, as after "no", the facts kept."""
    chat = Chat(engine, lang_hint=lang)
    chat.send("the printer is offline, error 0x0000011b")
    chat.press("yes")
    assert chat.state.phase == Phase.CSAT_SCORE
    chat.send(said)
    assert chat.state.phase == Phase.CHECKLIST, (said, chat.text)
    assert ArticleNotHelped(topic="printer_offline") in chat.events
    assert not chat.named("csat_recorded") and chat.questions
    assert chat.state.problem.startswith("the printer is offline, error 0x0000011b")
    assert chat.state.fields["error"] == "0x0000011b" and chat.state.topic == "printer_offline"
    while chat.questions:
        chat.send("не знаю")
    assert chat.requested.fields["error"] == "0x0000011b"
    assert chat.requested.topic == "printer_offline"


# A no to the rating itself, or a no with the fault said gone (review27: each reopened the
# ticket the operator had resolved, as if the user had said it was still broken)
DECLINED = [
    ("ru", "нет, спасибо"),
    ("ru", "нет, всё нормально"),
    ("uk", "ні, дякую"),
    ("uk", "ні, все добре"),
    ("en", "no thanks"),
    ("en", "no, all good"),
]


@pytest.mark.parametrize(("lang", "said"), DECLINED)
def test_a_no_to_the_rating_itself_reopens_nothing(
    engine: DialogEngine, lang: str, said: str
) -> None:
    chat = Chat(engine, lang_hint=lang)
    resolved_by_operator(chat)
    chat.send(said)  # instead of a score
    assert not chat.named("reopen_requested"), (said, chat.text)
    chat = Chat(engine, lang_hint=lang)
    resolved_by_operator(chat)
    chat.press("csat:5")
    chat.send(said)  # instead of a comment: the rating stands and is thanked for
    assert not chat.named("reopen_requested"), (said, chat.text)
    assert chat.state.phase == Phase.IDLE and chat.state.rated_score == 5
