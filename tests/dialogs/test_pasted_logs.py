"""A pasted log is kept, not read: the dialog reads a message as far as a chat message goes.

Users paste logs under their problem. Read whole, a letter of 190 KB took each reader of
the dialog seconds (25.7 s to a ticket under load) and the mail behind it waited as long.
The dialog reads the first `READ_CHARS`; the ticket keeps the problem as written.
"""

from __future__ import annotations

import random

from dialogs.driver import TableKnowledge
from gateway.dialogs.engine import DialogEngine
from gateway.dialogs.events import TicketRequested
from gateway.dialogs.extract import READ_CHARS
from gateway.dialogs.state import DialogState
from gateway.dialogs.turn import StepContext, StepResult
from gateway.models import InboundMessage
from gateway.triage.sla import SlaPolicy

NOW = 1_700_000_000.0
PROBLEM = "Добрый день! Outlook не отправляет письма, висят в исходящих. Лог ниже:"


def pasted_log(chars: int, last: str = "") -> str:
    """A client's log of about `chars` characters, `last` its last line."""
    rng = random.Random(7)
    lines: list[str] = []
    while sum(len(line) + 1 for line in lines) < chars:
        lines.append(
            f"2026-12-05 10:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} ERROR [smtp]"
            f" connection to mail{rng.randint(1, 9)}.corp.local lost, retry {rng.randint(1, 9)}"
        )
    return "\n".join([*lines, last] if last else lines)


def step(engine: DialogEngine, text: str, channel: str = "email") -> StepResult:
    msg = InboundMessage(
        channel=channel, chat_id="ivan@corp.example.com", message_id="<1@corp.example.com>",
        text=text, meta={"subject": ""} if channel == "email" else {},
    )  # fmt: skip
    return engine.step(DialogState(), msg, StepContext(now=NOW, letters=channel == "email"))


def requested(result: StepResult) -> TicketRequested:
    (ticket,) = [e for e in result.events if isinstance(e, TicketRequested)]
    return ticket


def test_a_letter_with_a_pasted_log_opens_its_ticket_with_the_letter_whole() -> None:
    knowledge = TableKnowledge()
    engine = DialogEngine(knowledge, SlaPolicy.default())
    letter = f"{PROBLEM}\n{pasted_log(200_000, last='--- end of log ---')}"
    ticket = requested(step(engine, letter))
    # the operator reads the letter as written, its log's last line too
    assert ticket.fields["problem"] == letter
    assert ticket.topic == "email_not_sending" and ticket.subject == PROBLEM
    # the knowledge base was asked about the head of the letter, not its 200 KB
    assert knowledge.asked and all(len(text) <= READ_CHARS for text, _ in knowledge.asked)


def test_what_a_log_says_past_the_part_read_changes_nothing() -> None:
    engine = DialogEngine(TableKnowledge(), SlaPolicy.default())
    short = requested(step(engine, PROBLEM))
    # words deep in a log are a program's, not the writer's: no priority, no other group
    shouted = "CRITICAL: всё не работает, вся компания стоит, срочно! printer password"
    long = requested(step(engine, f"{PROBLEM}\n{pasted_log(50_000, last=shouted)}"))
    assert (long.priority, long.group, long.topic) == (short.priority, short.group, short.topic)


def test_a_long_chat_message_is_kept_whole_as_the_problem() -> None:
    # Viber takes up to 7,000 characters in a message, Telegram 4,096: past `READ_CHARS`
    # the rest is not read, and still the problem's
    text = f"{PROBLEM}\n{pasted_log(7_000)}"
    result = step(DialogEngine(TableKnowledge(), SlaPolicy.default()), text, channel="viber")
    assert len(text) > READ_CHARS
    assert result.state.fields["problem"] == text
    assert len(result.state.problem) <= READ_CHARS
