"""Ratings that count when given, new problems after a rating, and buttons that went stale."""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from gateway.dialogs.events import CsatCommented, CsatRecorded, FaqAnswered
from gateway.dialogs.state import Phase
from gateway.dialogs.turn import StepContext
from gateway.models import TicketStatus

STALE = "уже не действует"


def resolved_by_operator(chat: Chat) -> str:
    """A ticket an operator resolved; the user is asked for a rating."""
    chat.send("при проведении накладной ошибка ZX-417")
    while chat.questions:
        chat.send("не знаю")
    ticket = chat.tickets[-1]
    ticket.status = TicketStatus.RESOLVED
    news = chat.engine.ticket_changed(chat.state, ticket, "resolved", StepContext(now=chat.now))
    chat.state = news.state
    assert [b.payload for b in news.replies[-1].buttons] == [f"csat:{n}" for n in range(1, 6)]
    return ticket.id


def test_the_score_is_recorded_for_the_ticket_the_moment_it_is_pressed(chat: Chat) -> None:
    ticket_id = resolved_by_operator(chat)
    chat.press("csat:5")
    assert chat.events == [CsatRecorded(score=5, ticket_id=ticket_id)]
    chat.send("всё починили за пять минут")
    assert chat.events == [CsatCommented(comment="всё починили за пять минут", ticket_id=ticket_id)]
    assert chat.state.phase == Phase.IDLE


def test_pressing_a_score_twice_is_not_a_comment(chat: Chat) -> None:
    resolved_by_operator(chat)
    chat.press("csat:5")
    chat.press("csat:5")
    assert chat.events == []
    assert STALE in chat.text
    assert chat.state.phase == Phase.CSAT_COMMENT
    assert chat.state.buttons == ["skip"]  # the current question keeps its buttons
    assert chat.payloads == ["skip"]  # offered again with the polite refusal
    chat.press("skip")
    assert "Спасибо за отзыв" in chat.text and chat.events == []


def test_an_old_no_after_the_conversation_moved_on_is_ignored_politely(chat: Chat) -> None:
    chat.send("не печатает принтер")
    chat.press("yes")
    chat.press("csat:4")
    chat.press("skip")
    chat.press("no")  # the "did it help?" buttons of the printer answer
    assert STALE in chat.text
    assert "Здравствуйте" not in chat.text and chat.events == []
    assert chat.state.phase == Phase.IDLE and chat.tickets == []


@pytest.mark.parametrize(
    "problem",
    [
        "а ещё сканер на третьем этаже не сканирует",
        "опять не работает vpn",
        "now my outlook mail is not sending",
        "а тепер не друкується чек на касі",  # a receipt is IT's ("чек")
    ],
)
def test_a_new_problem_after_the_score_starts_a_new_conversation(
    chat: Chat, problem: str
) -> None:
    resolved_by_operator(chat)
    chat.press("csat:3")
    chat.send(problem)
    assert not chat.named("csat_commented")
    assert "Спасибо за отзыв" not in chat.text and "feedback" not in chat.text
    assert chat.state.phase in (Phase.CONFIRM, Phase.CHECKLIST)
    assert chat.state.problem == problem


def test_a_new_problem_instead_of_a_score_gets_the_faq_answer(chat: Chat) -> None:
    resolved_by_operator(chat)
    chat.send("не печатает принтер")
    assert chat.events == [FaqAnswered(topic="printer_offline", score=90.0)]
    assert chat.state.phase == Phase.CONFIRM


@pytest.mark.parametrize(
    "comment",
    [
        "Довго чекала на відповідь",  # Ukrainian "чекати" (to wait) is no receipt ("чек")
        "чекав два дні, хоча обіцяли за годину",
    ],
)
def test_a_complaint_about_waiting_stays_the_ratings_comment(chat: Chat, comment: str) -> None:
    """Outside pass: a uk comment about the wait started a checklist for a new request."""
    ticket_id = resolved_by_operator(chat)
    chat.press("csat:2")
    chat.send(comment)
    assert chat.named("csat_commented") == [CsatCommented(comment=comment, ticket_id=ticket_id)]
    assert chat.state.phase == Phase.IDLE and not chat.questions


@pytest.mark.parametrize("comment", ["спасибо, принтер теперь печатает", "быстро и понятно"])
def test_thanks_mentioning_the_device_stays_a_comment(chat: Chat, comment: str) -> None:
    resolved_by_operator(chat)
    chat.press("csat:5")
    chat.send(comment)
    assert chat.named("csat_commented") == [CsatCommented(comment=comment, ticket_id="T-0001")]


def test_reopening_drops_the_pending_rating_and_collects_words_for_the_ticket(
    chat: Chat,
) -> None:
    ticket_id = resolved_by_operator(chat)
    ticket = chat.tickets[-1]
    ticket.status = TicketStatus.OPEN
    news = chat.engine.ticket_changed(chat.state, ticket, "reopened", StepContext(now=chat.now))
    assert f"Заявка {ticket_id} снова открыта" in news.replies[0].text
    assert (news.state.phase, news.state.ticket_id) == (Phase.TICKET, ticket_id)
    chat.state = news.state
    chat.press("csat:5")  # the rating buttons no longer mean anything
    assert STALE in chat.text and chat.events == []


def test_escalation_keeps_the_users_words_going_to_the_ticket(chat: Chat) -> None:
    chat.send("при проведении накладной ошибка ZX-417")
    while chat.questions:
        chat.send("не знаю")
    ticket = chat.tickets[-1]
    ticket.level = ticket.level.__class__("L2")
    news = chat.engine.ticket_changed(chat.state, ticket, "escalated", StepContext(now=chat.now))
    assert "(L2)" in news.replies[0].text
    chat.state = news.state
    chat.send("забыл сказать: ошибка и на втором компьютере")
    assert f"Добавил это к заявке {ticket.id}" in chat.text


@pytest.mark.parametrize(
    "text",
    [
        "5 дней не работает сканер, так и не починили",  # how long, not how good
        "2 раза звонил, никто не помог",
        "3 дні чекав на відповідь",
        "5/10",  # another scale: not a five
        "8 out of 10",
    ],
)
def test_a_number_that_counts_something_is_no_score(chat: Chat, text: str) -> None:
    """Outside pass (hard-out18): "5 дней не работает…" was recorded as an excellent rating
    and thanked for; "5/10" as a five."""
    resolved_by_operator(chat)
    chat.send(text)
    assert not chat.named("csat_recorded")
    assert "Хотите что-то добавить" not in chat.text and "Спасибо!" not in chat.text


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("5 звёзд", 5), ("4 бали", 4), ("5 stars", 5), ("4 из 5", 4), ("5, спасибо", 5),
        ("5 спасибо", 5), ("4 но долго", 4), ("5 всё отлично", 5), ("3/5", 3), ("2 bad", 2),
    ],
)  # fmt: skip
def test_a_score_with_its_unit_scale_or_a_word_of_feedback_counts(
    chat: Chat, text: str, score: int
) -> None:
    ticket_id = resolved_by_operator(chat)
    chat.send(text)
    assert chat.named("csat_recorded") == [CsatRecorded(score=score, ticket_id=ticket_id)]


@pytest.mark.parametrize(
    ("said", "score"),
    [
        ("оценка 4", 4),
        ("Моя оценка - 3", 3),
        ("ставлю 5", 5),
        ("на отлично", 5),
        ("спасибо, 5", 5),
        ("Оцінка: 4", 4),
        ("дякую, 5", 5),
        ("даю 2", 2),
        ("rating: 4", 4),
        ("I give it a 3", 3),
        ("thanks, 5", 5),
    ],
)
def test_a_score_said_with_words_around_it_counts(chat: Chat, said: str, score: int) -> None:
    """Outside pass (session 21): "оценка 4", "ставлю 5", "спасибо, 5" were each asked
    again for "a number from 1 to 5"."""
    ticket_id = resolved_by_operator(chat)
    chat.send(said)
    assert chat.events == [CsatRecorded(score=score, ticket_id=ticket_id)]
    assert chat.state.phase == Phase.CSAT_COMMENT


@pytest.mark.parametrize(
    "said", ["спасибо", "оценка 10", "ставлю 3 принтера", "на 5 минут опоздали", "даю 2 дня"]
)
def test_words_that_give_no_score_on_the_scale_of_five_are_no_score(
    chat: Chat, said: str
) -> None:
    resolved_by_operator(chat)
    chat.send(said)
    assert not chat.named("csat_recorded")


@pytest.mark.parametrize(
    ("said", "score"),
    [("5⭐", 5), ("5 ⭐", 5), ("4⭐️", 4), ("⭐5", 5), ("★ 3", 3), ("1⭐", 1), ("⭐⭐⭐⭐", 4)],
)
def test_a_number_with_a_star_is_the_number(chat: Chat, said: str, score: int) -> None:
    """Outside pass (session 21): "5⭐" counted its one star and stored the worst score."""
    ticket_id = resolved_by_operator(chat)
    chat.send(said)
    assert chat.events == [CsatRecorded(score=score, ticket_id=ticket_id)]


def test_a_number_off_the_scale_with_a_star_is_no_score(chat: Chat) -> None:
    resolved_by_operator(chat)
    chat.send("10⭐")
    assert not chat.named("csat_recorded") and chat.state.phase == Phase.CSAT_SCORE


@pytest.mark.parametrize(
    "said",
    [
        "на 3 этаже не печатает принтер",
        "на 2 компьютерах нет интернета",
        "на 2 поверсі не друкує принтер",
        "на 3 ноутбуках немає мережі",
    ],
)
def test_a_number_of_a_floor_or_machines_after_na_is_a_new_problem_not_a_score(
    chat: Chat, said: str
) -> None:
    """"на 3 этаже …" at the rating was stored as the score 3 and the problem was lost."""
    resolved_by_operator(chat)
    chat.send(said)
    assert not chat.named("csat_recorded")
    assert chat.state.phase not in (Phase.CSAT_SCORE, Phase.CSAT_COMMENT)


@pytest.mark.parametrize(("said", "score"), [("на 5", 5), ("на 4 балла", 4), ("на 5 ребята", 5)])
def test_a_score_after_na_still_counts(chat: Chat, said: str, score: int) -> None:
    ticket_id = resolved_by_operator(chat)
    chat.send(said)
    assert chat.events == [CsatRecorded(score=score, ticket_id=ticket_id)]
