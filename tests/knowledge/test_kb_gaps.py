"""`firstline faq gaps`: unanswered and unhelpful questions from the store, clustered."""

from __future__ import annotations

import json

import pytest

from gateway.knowledge.commands import faq_gaps
from gateway.models import Priority, SupportGroup, Ticket
from gateway.store import Store, Transaction

NOW = 1_800_000_000.0
DAY = 86400.0


def ticket(tid: str, problem: str, reason: str, age_days: float, topic: str = "") -> Ticket:
    created = NOW - age_days * DAY
    return Ticket(
        id=tid,
        conversation_key=f"webchat:{tid}",
        channel="webchat",
        chat_id=tid,
        subject=problem[:40],
        group=SupportGroup.SOFTWARE,
        priority=Priority.P3,
        topic=topic,
        language="ru",
        created_at=created,
        updated_at=created,
        fields={"problem": f"{problem}\nперезагружал, не помогло"},
        reason=reason,
    )


async def test_gaps_cluster_recent_unanswered_and_said_no(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    tx = Transaction()
    for t in (
        ticket("HD-1", "не работает сканер штрихкодов на складе", "no_answer", 1),
        ticket("HD-2", "сканер штрихкодов на складе не работает", "no_answer", 2),
        ticket("HD-3", "сканер штрих-кодов не читает коды", "not_solved", 3, "scanner_not_working"),
        ticket("HD-4", "как подключить второй телефон к ip-телефонии", "no_answer", 2),
        ticket("HD-5", "старый вопрос про сканер штрихкодов", "no_answer", 30),  # too old
        ticket("HD-6", "принтер не печатает", "escalate_topic", 1),  # answered by design
    ):
        tx.save_ticket(t)
    await store.commit(tx)

    assert await faq_gaps(store, 7, as_json=True, now=NOW) == 0
    gaps = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [g["count"] for g in gaps] == [3, 1]
    scanners, phones = gaps
    assert sorted(scanners["tickets"]) == ["HD-1", "HD-2", "HD-3"]
    assert scanners["no_answer"] == 2 and scanners["not_solved"] == 1
    assert scanners["offered"] == {"scanner_not_working": 1}
    # The first message is the question, not what the user added later.
    assert "не работает сканер штрихкодов на складе" in scanners["questions"]
    assert all("перезагружал" not in q for q in scanners["questions"])
    assert phones["tickets"] == ["HD-4"]

    assert await faq_gaps(store, 7, as_json=False, now=NOW) == 0
    text = capsys.readouterr().out
    assert text.startswith("4 unanswered or unhelpful question(s) in 2 gap(s), last 7 days")
    assert "said no: 1 (offered: scanner_not_working x1)" in text
    assert await faq_gaps(store, 60, as_json=True, now=NOW) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["count"] == 4


async def test_a_mail_that_opens_with_a_greeting_is_listed_by_its_question(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    """Outside pass: every mail opening "Добрий день!" was listed as the question "Добрий
    день!" and all of them fell into one gap (the greeting's lemmas)."""
    tx = Transaction()
    for tid, body in (
        ("HD-7", "Добрий день!\n\nНе відкривається 1С, пише «Не вдалося підключитися до сервера»."),
        ("HD-8", "Добрий день!\nНе друкує плотер у конструкторському відділі"),
        ("HD-9", "Привет\nкак подключить второй телефон к ip-телефонии"),
    ):
        t = ticket(tid, "", "no_answer", 1)
        t.fields = {"problem": body}
        tx.save_ticket(t)
    await store.commit(tx)

    assert await faq_gaps(store, 7, as_json=True, now=NOW) == 0
    gaps = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(q for g in gaps for q in g["questions"]) == [
        "Не відкривається 1С, пише «Не вдалося підключитися до сервера».",
        "Не друкує плотер у конструкторському відділі",
        "как подключить второй телефон к ip-телефонии",
    ]
    assert [g["count"] for g in gaps] == [1, 1, 1]
