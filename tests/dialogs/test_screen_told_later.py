"""What the screen says, told only in the "no" to "did it help?" (issue 19, i19-route35).

A first message often names the thing and not its fault ("ворд не дає редагувати документи",
"принтер не друкує маршрутні листи"), and the article answered is a near one. The "no" brings
the screen's words («Продукт не активовано», «Принтер не в мережі»): the problem read again
with them decides the ticket's article when it is another of the same group. The screen tells
which of the thing's faults it is, not whose the thing is.
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


def _ticket(library: KnowledgeLibrary, first: str, reply: str) -> tuple[list[str], str, str]:
    """The articles answered, then the ticket's topic and group after "не знаю" to the rest."""
    chat = Chat(DialogEngine(library, SlaPolicy.default()))
    chat.send(first)
    answered = [e.topic for e in chat.named("faq_answered")]  # type: ignore[attr-defined]
    chat.send(reply)
    for _ in range(8):
        if chat.named("ticket_requested"):
            break
        chat.send("не знаю")
    return answered, chat.requested.topic, chat.requested.group


@pytest.mark.parametrize(
    ("first", "reply", "answered", "topic"),
    [
        # frozen30: a licence banner after the answer on a program that hangs
        (
            "На компі технолога хумусного цеху ворд не дає редагувати документи.",
            "ні. Зверху жовта смуга «Продукт не активовано», це Office 2021 Standard, з "
            "вівторка так.",
            "app_crash",
            "license_expired",
        ),
        # frozen31: the printer offline after the paper jam's answer
        (
            "Принтер у цеху штампування наперстків не друкує маршрутні листи.",
            "Ні. Це Canon i-SENSYS MF443dw, на екрані «Принтер не в мережі». Вимикала й "
            "вмикала його. Почалось після заміни картриджа.",
            "printer_paper_jam",
            "printer_offline",
        ),
    ],
)
def test_the_screen_told_in_the_no_decides_the_ticket(
    library: KnowledgeLibrary, first: str, reply: str, answered: str, topic: str
) -> None:
    shown, got, _ = _ticket(library, first, reply)
    assert shown == [answered]  # the article shown stays answered
    assert got == topic


@pytest.mark.parametrize(
    ("first", "reply", "group"),
    [
        # a "no" with no screen's words keeps the article shown
        ("На компі технолога ворд не дає редагувати документи.", "ні, не допомогло", "software"),
        # a screen's words that read as another group's leave the article and its group: a
        # program that cannot reach its database is still the program's (frozen5), the sound
        # icon crossed out no lost network
        (
            "WMS не открывается",
            "нет, не помогло. Переустанавливал клиента, при запуске окно 'Ошибка подключения к "
            "базе данных: таймаут', и так с 8 утра",
            "software",
        ),
        (
            "пропал звук на компе",
            "ні, не допомогло. Звуку нема ні в колонках, ні в навушниках, значок з хрестиком",
            "hardware",
        ),
    ],
)
def test_a_no_without_another_fault_of_the_same_group_keeps_the_article(
    library: KnowledgeLibrary, first: str, reply: str, group: str
) -> None:
    shown, got, got_group = _ticket(library, first, reply)
    assert [got] == shown[:1]
    assert got_group == group
