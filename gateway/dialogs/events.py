"""What a dialog step tells the rest of the gateway, besides the replies to send.

The conversation service acts on some (opens a ticket on `TicketRequested`, stores a
rating on `CsatRecorded`); all are written to the transcript and the `chat --json` stream.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar


@dataclass(frozen=True)
class _Event:
    name: ClassVar[str] = ""

    def to_dict(self) -> dict[str, Any]:
        """`{"event": name, ...fields}`, plain JSON."""
        return {"event": self.name, **asdict(self)}


@dataclass(frozen=True)
class FaqAnswered(_Event):
    """A self-help article was sent; the user is asked whether it helped."""

    name: ClassVar[str] = "faq_answered"
    topic: str
    score: float


@dataclass(frozen=True)
class FaqChoices(_Event):
    """Several close articles were offered to choose from."""

    name: ClassVar[str] = "faq_choices"
    topics: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.name, "topics": list(self.topics)}


@dataclass(frozen=True)
class ChecklistQuestion(_Event):
    """The bot asked for one first-line checklist field."""

    name: ClassVar[str] = "checklist_question"
    field: str


@dataclass(frozen=True)
class TicketRequested(_Event):
    """Self-help is over: queue a ticket for a person with these details."""

    name: ClassVar[str] = "ticket_requested"
    topic: str
    group: str
    priority: str
    level: str
    fields: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # field -> where it came from
    subject: str = ""
    reason: str = ""  # not_solved | no_answer | escalate_topic | urgent | asked_for_person | ...
    language: str = "ru"
    follows: str = ""  # the resolved ticket this request goes on from (too old to reopen)


@dataclass(frozen=True)
class ArticleNotHelped(_Event):
    """The user answered "did this help?" with no (or with more of the problem)."""

    name: ClassVar[str] = "article_not_helped"
    topic: str


@dataclass(frozen=True)
class Resolved(_Event):
    """The user confirmed the problem is solved."""

    name: ClassVar[str] = "resolved"
    by: str  # bot | operator


@dataclass(frozen=True)
class ResolutionUndone(_Event):
    """The bot's resolution did not hold: the user said "still broken" at its rating. It is
    no longer counted as resolved at first line; what the request becomes is counted."""

    name: ClassVar[str] = "resolution_undone"
    resolved_at: float  # when the resolution was counted (its day's counters are amended)
    group: str = ""  # the group it was counted under


@dataclass(frozen=True)
class CsatRequest(_Event):
    """The user was asked to rate the help from 1 to 5."""

    name: ClassVar[str] = "csat_request"


@dataclass(frozen=True)
class CsatRecorded(_Event):
    """The user's rating (1-5), stored the moment it is given; `ticket_id` when rated."""

    name: ClassVar[str] = "csat_recorded"
    score: int
    comment: str = ""
    ticket_id: str = ""


@dataclass(frozen=True)
class CsatCommented(_Event):
    """The optional comment the user added to a rating already stored."""

    name: ClassVar[str] = "csat_commented"
    comment: str
    ticket_id: str = ""


@dataclass(frozen=True)
class TicketDetailsGiven(_Event):
    """The user's later letter answered checklist questions of their open ticket."""

    name: ClassVar[str] = "ticket_details_given"
    ticket_id: str
    fields: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # field -> where it came from


@dataclass(frozen=True)
class SolvedByUser(_Event):
    """The user said their open ticket is solved ("solved", "решено", "вирішено")."""

    name: ClassVar[str] = "solved_by_user"
    ticket_id: str


@dataclass(frozen=True)
class Handoff(_Event):
    """Self-help was skipped: the request goes to a person."""

    name: ClassVar[str] = "handoff"
    reason: str  # asked_for_person | upset | repeated_failure | urgent | escalate_topic


@dataclass(frozen=True)
class IncidentJoined(_Event):
    """The user reports a known outage: subscribe them to it, link them to its parent."""

    name: ClassVar[str] = "incident_joined"
    incident_id: str
    text: str = ""


@dataclass(frozen=True)
class IncidentDeclined(_Event):
    """The user said their problem is something else than the outage: unsubscribe them."""

    name: ClassVar[str] = "incident_declined"
    incident_id: str


@dataclass(frozen=True)
class AccountAction(_Event):
    """Self-service asks the directory: request_code (login), enter_code (code), unlock,
    reset, forget. The service answers through `DialogEngine.account_result`."""

    name: ClassVar[str] = "account_action"
    action: str
    login: str = ""
    code: str = ""


@dataclass(frozen=True)
class StatusAsked(_Event):
    """The user asks how their tickets are going (`ticket_id` when they named one);
    `impatient`: their words when they said they have waited too long ("уже третий день
    жду!"), for the history of each open ticket shown, where the operator sees them."""

    name: ClassVar[str] = "status_asked"
    ticket_id: str = ""
    impatient: str = ""

    def to_dict(self) -> dict[str, Any]:
        found = {"event": self.name, "ticket_id": self.ticket_id}
        return found | ({"impatient": self.impatient} if self.impatient else {})


@dataclass(frozen=True)
class TicketCommented(_Event):
    """The user added a comment to one of their tickets from its status card."""

    name: ClassVar[str] = "ticket_commented"
    ticket_id: str
    comment: str


@dataclass(frozen=True)
class ReopenRequested(_Event):
    """The user says a recently resolved ticket is still broken."""

    name: ClassVar[str] = "reopen_requested"
    ticket_id: str


@dataclass(frozen=True)
class PersonRequested(_Event):
    """The user wants a person to write to them about one of their tickets."""

    name: ClassVar[str] = "person_requested"
    ticket_id: str


Event = (
    FaqAnswered
    | ArticleNotHelped
    | FaqChoices
    | ChecklistQuestion
    | TicketRequested
    | Resolved
    | ResolutionUndone
    | CsatRequest
    | CsatRecorded
    | CsatCommented
    | Handoff
    | TicketDetailsGiven
    | SolvedByUser
    | IncidentJoined
    | IncidentDeclined
    | AccountAction
    | StatusAsked
    | TicketCommented
    | ReopenRequested
    | PersonRequested
)

__all__ = [
    "AccountAction",
    "ChecklistQuestion",
    "CsatCommented",
    "CsatRecorded",
    "CsatRequest",
    "Event",
    "FaqAnswered",
    "FaqChoices",
    "Handoff",
    "IncidentDeclined",
    "IncidentJoined",
    "PersonRequested",
    "ReopenRequested",
    "ResolutionUndone",
    "Resolved",
    "SolvedByUser",
    "StatusAsked",
    "TicketCommented",
    "TicketDetailsGiven",
    "TicketRequested",
]
