""""Still broken" said to the rating an operator's resolution asked for (outside pass,
session 27): the ticket reopens instead of "send a number from 1 to 5" or "I'm not sure
what the IT problem is"."""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from dialogs.test_rating_and_stale_buttons import resolved_by_operator
from gateway.dialogs.engine import DialogEngine
from gateway.dialogs.events import CsatCommented, CsatRecorded, ReopenRequested
from gateway.dialogs.state import Phase

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
    chat.press("yes")  # the article helped: no ticket to reopen
    assert chat.state.phase == Phase.CSAT_SCORE
    chat.send("still broken")
    assert not any(isinstance(e, ReopenRequested) for e in chat.events)
