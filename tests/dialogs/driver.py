"""A dialog driver for engine unit tests: a tiny knowledge double and a fake service loop.

The double answers from a fixed table instead of the real matcher so each test states
exactly which outcome (answer / choices / none) the engine reacts to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gateway.dialogs.engine import DialogEngine, StepContext, StepResult
from gateway.dialogs.events import Event, StatusAsked, TicketRequested
from gateway.dialogs.state import DialogState
from gateway.dialogs.status import StatusReport, TicketView
from gateway.knowledge.articles import Article
from gateway.knowledge.library import KnowledgeLibrary
from gateway.models import (
    Attachment,
    Button,
    InboundMessage,
    Level,
    OutboundMessage,
    Priority,
    SupportGroup,
    Ticket,
    TicketStatus,
)
from gateway.triage.sla import SlaPolicy
from gateway.triage.sla_clock import start_clocks


def article(id: str, group: str, kind: str = "faq") -> Article:
    return Article(
        id=id,
        group=group,
        kind=kind,  # type: ignore[arg-type]
        answer_type="steps" if kind == "faq" else None,
        link=None,
        title={lang: f"{id} title {lang}" for lang in ("ru", "uk", "en")},
        answer={lang: f"{id} answer {lang}" for lang in ("ru", "uk", "en")}
        if kind == "faq"
        else None,
        questions={},
        keywords={},
    )


ARTICLES = {
    a.id: a
    for a in (
        article("printer_offline", "hardware"),
        article("printer_paper_jam", "hardware"),
        article("scanner_not_working", "hardware"),
        article("no_sound", "hardware"),
        article("password_reset", "accounts"),
        article("email_not_sending", "email"),
        article("hardware_broken", "hardware", "escalate"),
        article("outage_critical", "network", "escalate"),
        article("website_wont_open", "network"),
    )
}


@dataclass(frozen=True)
class Candidate:
    article: Article
    score: float


@dataclass(frozen=True)
class Match:
    outcome: str
    candidates: tuple[Candidate, ...]
    elsewhere: str | None = None


# (regex, outcome, topics): the first rule whose regex occurs in the text decides.
RULES: list[tuple[str, str, tuple[str, ...]]] = [
    (r"принтер.*(полос|замят)|printer.*jam", "choices", ("printer_paper_jam", "printer_offline")),
    (r"принтер|printer|друку", "answer", ("printer_offline",)),
    (r"сканер|scanner", "answer", ("scanner_not_working",)),
    (r"звук|sound", "answer", ("no_sound",)),
    (r"парол|password", "answer", ("password_reset",)),
    (r"outlook|mail|почт", "answer", ("email_not_sending",)),
    (r"пролив|spilled|розбив", "answer", ("hardware_broken",)),
]


# (regex, topics): the nearest articles of a message no rule answers (a guess, not a match).
GUESSES: list[tuple[str, tuple[str, ...]]] = [
    (r"кабинет|кабінет|portal", ("website_wont_open", "password_reset")),
]


class TableKnowledge:
    """Matches by the RULES table; records what it was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str | None]] = []

    def match(self, text: str, lang: str | None) -> Match:
        self.asked.append((text, lang))
        for pattern, outcome, topics in RULES:
            if re.search(pattern, text.lower()):
                return Match(
                    outcome, tuple(Candidate(ARTICLES[t], 90.0 - i) for i, t in enumerate(topics))
                )
        return Match("none", ())

    def article(self, article_id: str) -> Article | None:
        return ARTICLES.get(article_id)

    def guesses(self, text: str, lang: str | None) -> tuple[Candidate, ...]:
        for pattern, topics in GUESSES:
            if re.search(pattern, text.lower()):
                return tuple(Candidate(ARTICLES[t], 30.0 - i) for i, t in enumerate(topics))
        return ()


@dataclass
class Chat:
    """Plays the conversation service: steps the engine, opens requested tickets."""

    engine: DialogEngine
    state: DialogState = field(default_factory=DialogState)
    tickets: list[Ticket] = field(default_factory=list)
    now: float = 1_700_000_000.0
    lang_hint: str = ""
    numbered: bool = True  # buttons may be numbered text (False: Telegram, Viber, web chat)
    replies: list[OutboundMessage] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    _n: int = 0

    @property
    def ctx(self) -> StepContext:
        return StepContext(
            now=self.now,
            open_tickets=tuple(t for t in self.tickets if t.status.is_active),
            numbered=self.numbered,
        )

    def send(
        self,
        text: str = "",
        payload: str = "",
        kind: str = "message",
        attachments: tuple[Attachment, ...] = (),
        **meta: str,
    ) -> StepResult:
        self._n += 1
        msg = InboundMessage(
            channel="cli", chat_id="1", message_id=str(self._n), text=text, payload=payload,
            kind=kind, language_hint=self.lang_hint, meta=meta, attachments=attachments,
        )  # fmt: skip
        before = self.state.to_dict()
        result = self.engine.step(self.state, msg, self.ctx)
        assert self.state.to_dict() == before, "step must not modify the state it was given"
        self.state = result.state
        replies, events = list(result.replies), list(result.events)
        for event in result.events:
            if isinstance(event, TicketRequested):
                ticket = self._open(event)
                follow = self.engine.ticket_opened(self.state, ticket, self.ctx)
                self.state = follow.state
                replies += follow.replies
                events += follow.events
            elif isinstance(event, StatusAsked):
                follow = self.engine.ticket_status(
                    self.state, self.report(event.ticket_id), self.ctx
                )
                self.state = follow.state
                replies += follow.replies
        self.replies, self.events = replies, events
        self.now += 30
        return StepResult(self.state, replies, events)

    def report(self, asked: str) -> StatusReport:
        """The service's answer to a status question: this chat's tickets are all its own,
        and a resolved one may be reopened."""
        mine = [t for t in self.tickets if t.id == asked or (not asked and t.status.is_active)]
        views = (TicketView(t, reopenable=t.status == TicketStatus.RESOLVED) for t in mine)
        return StatusReport(asked=asked, tickets=tuple(views))

    def press(self, payload: str) -> StepResult:
        return self.send(payload=payload)

    def restart(self) -> None:
        """What the service does between turns: JSON out, JSON back in."""
        self.state = DialogState.from_dict(self.state.to_dict())

    def _open(self, event: TicketRequested) -> Ticket:
        ticket = Ticket(
            id=f"T-{len(self.tickets) + 1:04d}", conversation_key="cli:1", channel="cli",
            chat_id="1", subject=event.subject, group=SupportGroup(event.group),
            priority=Priority(event.priority), topic=event.topic, language=event.language,
            level=Level(event.level), fields=dict(event.fields), reason=event.reason,
            created_at=self.now, status=TicketStatus.NEW,
        )  # fmt: skip
        start_clocks(ticket, self.engine.sla, self.now)
        self.tickets.append(ticket)
        return ticket

    # What the user sees and what the service got -------------------------------------

    @property
    def text(self) -> str:
        return "\n".join(r.text for r in self.replies)

    @property
    def buttons(self) -> list[Button]:
        return [b for r in self.replies for b in r.buttons]

    @property
    def payloads(self) -> list[str]:
        return [b.payload for b in self.buttons]

    def named(self, name: str) -> list[Event]:
        return [e for e in self.events if e.name == name]

    @property
    def questions(self) -> list[str]:
        return [e.field for e in self.events if e.name == "checklist_question"]  # type: ignore[union-attr]

    @property
    def requested(self) -> TicketRequested:
        found = [e for e in self.events if isinstance(e, TicketRequested)]
        assert len(found) == 1, f"expected one ticket request, got {self.events}"
        return found[0]


def topic_of(library: KnowledgeLibrary, text: str) -> str:
    """The topic a user's first message ends in: the article answered, or the ticket's topic
    after "не знаю" to every checklist question."""
    chat = Chat(DialogEngine(library, SlaPolicy.default()))
    chat.send(text)
    answered = [e.topic for e in chat.named("faq_answered")]  # type: ignore[attr-defined]
    if answered:
        return answered[0]
    for _ in range(8):  # a hand-off: the ticket carries the topic
        if not chat.questions:
            break
        chat.send("не знаю")
    tickets = [t.topic for t in chat.tickets]
    return tickets[0] if tickets else ""
