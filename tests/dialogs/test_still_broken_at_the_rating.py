""""Still broken" said to the rating an operator's resolution asked for (outside pass,
session 27): the ticket reopens instead of "send a number from 1 to 5" or "I'm not sure
what the IT problem is"; said of the thing the ticket was about ("всё равно не печатает")
too. Said to the rating of the bot's answer, it is that answer's "no"."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogs.driver import Chat
from dialogs.test_rating_and_stale_buttons import resolved_by_operator
from gateway.dialogs.answers import says_it_works_now
from gateway.dialogs.engine import DialogEngine
from gateway.dialogs.events import (
    ArticleNotHelped,
    CsatCommented,
    CsatRecorded,
    ReopenRequested,
    ResolutionUndone,
)
from gateway.dialogs.state import Phase
from gateway.dialogs.turn import StepContext
from gateway.knowledge.library import KnowledgeLibrary
from gateway.models import TicketStatus
from gateway.triage.sla import SlaPolicy

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


def test_a_score_and_a_rating_the_bot_asked_for_itself_stay_as_they_were(
    engine: DialogEngine,
) -> None:
    chat = Chat(engine, lang_hint="ru")
    ticket_id = resolved_by_operator(chat)
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


# Outside pass (desk28): at the rating of the bot's answer, thanks and word that it works
# opened a new request ("I don't have a ready answer for this, so I'll pass it to a
# specialist"): three words or more at the rating were taken for a new problem.
WORKS_NOW = [
    ("en", "the printer is offline", "yes", "thanks again, the printer works now"),
    ("ru", "принтер не печатает, пишет offline", "да", "ещё раз спасибо, принтер теперь работает"),
    ("ru", "принтер не печатает, пишет offline", "да", "большое спасибо за быструю помощь"),
    ("en", "the printer is offline", "yes", "thank you again for your help"),
    ("uk", "принтер не друкує, пише offline", "так", "ще раз дякую, принтер тепер працює"),
    # the fault said gone, its "не"/"not" no new fault
    ("ru", "принтер не печатает, пишет offline", "да", "спасибо, больше не глючит"),
    ("uk", "принтер не друкує, пише offline", "так", "дякую, більше не пише помилку"),
    ("en", "the printer is offline", "yes", "thanks, the error is gone"),
]


@pytest.mark.parametrize(("lang", "problem", "yes", "said"), WORKS_NOW)
def test_thanks_and_works_now_at_the_bots_rating_are_no_new_request(
    engine: DialogEngine, lang: str, problem: str, yes: str, said: str
) -> None:
    chat = Chat(engine, lang_hint=lang)
    chat.send(problem)
    chat.send(yes)
    assert chat.state.phase == Phase.CSAT_SCORE
    chat.send(said)
    assert chat.events == [] and not chat.questions, (said, chat.text)
    assert chat.text == engine.texts.get(lang, "csat_glad"), chat.text
    assert [b.payload for b in chat.buttons] == [f"csat:{n}" for n in range(1, 6)]
    chat.send("5")  # the score still counts
    assert chat.events == [CsatRecorded(score=5)]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "thanks, but now the vpn doesn't work"),
        ("ru", "спасибо, но теперь не работает vpn"),
        ("uk", "дякую, але тепер не працює пошта"),
        ("en", "thanks, can you also install Zoom for me"),
        ("en", "thanks, it doesn't freeze anymore but outlook crashes"),
        ("ru", "спасибо, но больше не работает vpn"),
    ],
)
def test_thanks_with_another_fault_at_the_rating_is_still_a_new_request(
    engine: DialogEngine, lang: str, said: str
) -> None:
    chat = Chat(engine, lang_hint=lang)
    chat.send("the printer is offline")
    chat.press("yes")
    chat.send(said)
    assert chat.state.phase != Phase.CSAT_SCORE and chat.state.problem == said, chat.text


def test_thanks_and_works_now_at_an_operators_rating_reopen_nothing(engine: DialogEngine) -> None:
    chat = Chat(engine, lang_hint="ru")
    resolved_by_operator(chat)  # a 1C error's ticket
    chat.send("спасибо ещё раз, накладная теперь проводится")
    assert chat.events == [] and chat.text == engine.texts.get("ru", "csat_glad"), chat.text
    chat.press("csat:5")
    assert chat.named("csat_recorded")


@pytest.mark.parametrize(
    "said",
    ["thanks, the printer again", "дякую, знову принтер", "спасибо, снова принтер",
     "thanks, still waiting for the new mouse"],
)  # fmt: skip
def test_thanks_with_the_fault_back_is_no_word_that_it_works(said: str) -> None:
    """review28: thanks reads a fault with the words that say a reply still fails (one
    list), "again", "знову", "снова", "still" among them; before, these were "Glad it
    works!". "Thanks again" is the thanks said once more."""
    assert not says_it_works_now(said)
    assert says_it_works_now("thank you again for your help")


FAQ = Path(__file__).resolve().parents[2] / "faq"


@pytest.fixture(scope="module")
def library() -> KnowledgeLibrary:
    return KnowledgeLibrary(FAQ)


# Outside pass (desk29): with the real knowledge base, a fault said gone matched the article
# of that fault ("більше не зависає": app_crash), which was taken for another thing named,
# so thanks for the printer's answer opened a new request with the crash article.
@pytest.mark.parametrize(
    ("lang", "problem", "yes", "said"),
    [
        ("uk", "принтер не друкує, пише offline", "так", "дякую, більше не зависає"),
        ("ru", "принтер не печатает, пишет offline", "да", "спасибо, больше не зависает"),
        ("ru", "принтер не печатает, пишет offline", "да", "спасибо, уже не вылетает"),
        ("en", "the printer is offline", "yes", "thanks, it doesn't freeze anymore"),
    ],
)
def test_a_fault_said_gone_names_no_other_thing_at_the_rating(
    library: KnowledgeLibrary, lang: str, problem: str, yes: str, said: str
) -> None:
    engine = DialogEngine(library, SlaPolicy.default())
    chat = Chat(engine, lang_hint=lang)
    chat.send(problem)
    assert chat.named("faq_answered")
    chat.send(yes)
    assert chat.state.phase == Phase.CSAT_SCORE
    chat.send(said)
    assert chat.events == [] and chat.text == engine.texts.get(lang, "csat_glad"), chat.text
    chat.send("5")
    assert chat.events == [CsatRecorded(score=5)]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("uk", "дякую, більше не зависає, але тепер не працює пошта"),
        ("en", "thanks, it doesn't freeze anymore but outlook crashes"),
        ("en", "thank you, but the vpn is down again"),
    ],
)
def test_a_fault_said_gone_beside_another_fault_is_still_a_new_request(
    library: KnowledgeLibrary, lang: str, said: str
) -> None:
    chat = Chat(DialogEngine(library, SlaPolicy.default()), lang_hint=lang)
    chat.send("the printer is offline")
    chat.send("yes")
    chat.send(said)
    assert chat.state.phase != Phase.CSAT_SCORE and chat.state.problem == said, chat.text


# Outside pass (desk29): "still broken" written once the rating was over (scored, the comment
# skipped or given) was a new request ("I'm not sure what the IT problem is here"): the
# resolution rated was forgotten with the rating. It is kept for the next message.
@pytest.mark.parametrize(("lang", "said"), STILL_BROKEN)
def test_still_broken_after_the_rating_is_over_reopens_the_ticket(
    engine: DialogEngine, lang: str, said: str
) -> None:
    for comment in ("skip", "спасибо"):
        chat = Chat(engine, lang_hint=lang)
        ticket_id = resolved_by_operator(chat)
        chat.press("csat:4")
        chat.press(comment) if comment == "skip" else chat.send(comment)
        assert chat.state.phase == Phase.IDLE and chat.state.rated_score == 4
        chat.restart()  # stored between the messages
        chat.send(said)
        assert chat.events == [ReopenRequested(ticket_id=ticket_id)], (said, chat.text)
        assert chat.state.phase == Phase.IDLE and not chat.state.topic


def test_still_broken_after_the_bots_rating_is_over_is_its_answers_no(
    library: KnowledgeLibrary,
) -> None:
    chat = Chat(DialogEngine(library, SlaPolicy.default()), lang_hint="ru")
    chat.send("принтер не печатает, пишет offline")
    chat.send("да")
    chat.press("csat:5")
    chat.press("skip")
    chat.restart()
    chat.send("всё равно не печатает")
    assert any(isinstance(e, ResolutionUndone) for e in chat.events), chat.events
    assert ArticleNotHelped(topic="printer_offline") in chat.events
    assert chat.state.phase == Phase.CHECKLIST and chat.questions, chat.text
    assert chat.state.problem.startswith("принтер не печатает")


@pytest.mark.parametrize(
    "said", ["опять не работает vpn", "нет", "где моя заявка?", "5", "привет, у меня новый вопрос"]
)
def test_anything_else_after_the_rating_is_over_starts_afresh(
    engine: DialogEngine, said: str
) -> None:
    chat = Chat(engine, lang_hint="ru")
    resolved_by_operator(chat)
    chat.press("csat:4")
    chat.press("skip")
    chat.send(said)
    assert not chat.named("reopen_requested"), (said, chat.text)
    assert chat.state.rating_ticket == "" and not chat.state.bot_resolved_at


# Outside pass (desk30): in a chat, the printer's fault told again at its rating with no
# "still" word opened a new request (or gave the bot's answer again), where the ticket's mail
# thread reopens it (9b7f3e51): the channels now agree.
SAME_FAULT = [
    ("ru", "принтер не печатает, ошибка offline"),
    ("uk", "Принтер не друкує, помилка offline."),
    ("en", "the printer shows an error: offline"),
]


@pytest.mark.parametrize(("lang", "said"), SAME_FAULT)
def test_the_same_fault_told_again_at_the_rating_reopens_the_ticket(
    engine: DialogEngine, lang: str, said: str
) -> None:
    chat = Chat(engine, lang_hint=lang)
    ticket_id = resolved_printer_by_operator(chat)
    chat.send(said)  # instead of a score
    assert chat.events == [ReopenRequested(ticket_id=ticket_id)], (said, chat.text)
    assert len(chat.tickets) == 1

    chat = Chat(engine, lang_hint=lang)
    ticket_id = resolved_printer_by_operator(chat)
    chat.press("csat:2")
    chat.send(said)  # instead of a comment: it explains the score
    assert chat.events == [
        CsatCommented(comment=said, ticket_id=ticket_id),
        ReopenRequested(ticket_id=ticket_id),
    ]

    chat = Chat(engine, lang_hint=lang)
    ticket_id = resolved_printer_by_operator(chat)
    chat.press("csat:5")
    chat.press("skip")
    chat.send(said)  # right after the rating was thanked for
    assert chat.events == [ReopenRequested(ticket_id=ticket_id)]
    assert len(chat.tickets) == 1


@pytest.mark.parametrize(("lang", "said"), SAME_FAULT)
def test_the_same_fault_told_again_at_the_bots_rating_is_its_answers_no(
    engine: DialogEngine, lang: str, said: str
) -> None:
    chat = Chat(engine, lang_hint=lang)
    chat.send("the printer is offline")
    chat.press("yes")
    chat.send(said)
    assert ArticleNotHelped(topic="printer_offline") in chat.events, (said, chat.text)
    assert chat.state.phase == Phase.CHECKLIST and chat.questions
