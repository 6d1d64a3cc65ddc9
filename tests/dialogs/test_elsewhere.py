"""A question for another service (pay, the lift, lunch) is pointed there, with no ticket.

Through the real conversation service, store and knowledge base (`chat --json`'s session):
what the user reads, and that the store holds no ticket until the user insists or goes on
with an IT problem.
"""

from __future__ import annotations

from typing import Any

from gateway.config import Settings
from gateway.dialogs.chat import CHANNEL, ChatSession
from gateway.runtime import open_runtime


def said(turn: list[dict[str, Any]]) -> str:
    return "\n".join(str(e["text"]) for e in turn if e["event"] == "message")


def happened(turn: list[dict[str, Any]]) -> list[str]:
    return [str(e["event"]) for e in turn if e["event"] not in ("message", "turn_end")]


async def test_other_services_questions_are_pointed_there_in_the_users_language(
    settings: Settings,
) -> None:
    cases = [
        ("нужна справка с места работы", "в отдел кадров"),
        ("коли прийде зарплата за листопад?", "до відділу кадрів"),
        ("в переговорке не работает кондиционер", "в административно-хозяйственную службу"),
        ("what's for lunch today?", "facilities"),
        ("who approves my expenses for the trip to Berlin?", "accounting"),
        ("куди подавати авансовий звіт за відрядження?", "до тих, хто оформлює відрядження"),
    ]
    async with open_runtime(settings, direct_channels={CHANNEL}) as rt:
        for text, service in cases:
            turn = await ChatSession(rt.service).turn({"text": text})
            reply = said(turn)
            assert service in reply, (text, reply)
            assert "/operator" in reply
            # No "I'll pass it to a specialist" intake, no checklist question, no ticket.
            assert happened(turn) == [], (text, turn)
        assert await rt.store.tickets.recent() == []


async def test_going_on_with_an_it_problem_gets_help_and_insisting_gets_a_ticket(
    settings: Settings,
) -> None:
    async with open_runtime(settings, direct_channels={CHANNEL}) as rt:
        moved_on = ChatSession(rt.service)
        first = await moved_on.turn({"text": "хочу оформить отпуск"})
        assert "в отдел кадров" in said(first)
        second = await moved_on.turn({"text": "и ещё принтер не печатает, висит в очереди"})
        answered = [e for e in second if e["event"] == "faq_answered"]
        assert [e["topic"] for e in answered] == ["printer_offline"]

        insisting = ChatSession(rt.service)
        await insisting.turn({"text": "the lift is stuck again"})
        again = await insisting.turn({"text": "no, it is for you, I need someone from support"})
        assert "checklist_question" in happened(again) or "handoff" in happened(again)
        assert await rt.store.tickets.recent() == []  # the checklist comes first
        while "ticket_opened" not in happened(again):
            again = await insisting.turn({"payload": "dunno"})
        tickets = await rt.store.tickets.recent()
        assert len(tickets) == 1
        assert "lift" in tickets[0].fields["problem"]


async def test_a_machine_that_is_not_its_it_is_pointed_elsewhere_whatever_it_shows(
    settings: Settings,
) -> None:
    # A kitchen, laundry or gym machine, another trade's machine or a tram stop's machine
    # that took the writer's coins: whose it is, whatever its screen shows or whether it
    # switches on (session 26: these got IT articles to choose from, then a ticket).
    cases = [
        ("кофемашина пишет «очистите систему» и мигает", "в административно-хозяйственную"),
        ("Пральна машина вдома блимає і не вмикається", "до адміністративно-господарської служби"),
        ("the treadmill in the staff gym won't switch on", "facilities"),
        ("the gelato machine is showing E3, not freezing", "does not look like a question"),
        ("вышивальная машина пишет обрыв нити и стоит", "не к ИТ-поддержке"),
        ("The subway gate won't read my ticket", "does not look like a question"),
    ]
    async with open_runtime(settings, direct_channels={CHANNEL}) as rt:
        for text, service in cases:
            turn = await ChatSession(rt.service).turn({"text": text})
            reply = said(turn)
            assert service in reply, (text, reply)
            assert happened(turn) == [], (text, turn)
        assert await rt.store.tickets.recent() == []
