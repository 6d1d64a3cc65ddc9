"""Channel-agnostic messages and the support domain: tickets, priorities, groups.

Connectors translate vendor payloads into `InboundMessage` and render `OutboundMessage`;
nothing else in the gateway sees a vendor type. Everything here serialises to plain JSON
so operators' tools can read what is stored.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from functools import cache
from typing import Any


@cache
def field_names(cls: type) -> frozenset[str]:
    """A dataclass's field names, kept: `dataclasses.fields` walks them anew each call (a
    message and each of its conversation's tickets are loaded from dicts every turn)."""
    return frozenset(f.name for f in fields(cls))


class Channel(StrEnum):
    """Where a user wrote from."""

    TELEGRAM = "telegram"
    VIBER = "viber"
    EMAIL = "email"
    WEBCHAT = "webchat"
    CLI = "cli"
    WHATSAPP = "whatsapp"
    MESSENGER = "messenger"
    INSTAGRAM = "instagram"
    ALERTS = "alerts"  # monitoring systems: nobody to answer
    INCIDENTS = "incidents"  # parent tickets of mass incidents: nobody to answer


@dataclass(frozen=True)
class Attachment:
    """Metadata of a file the user sent; the bytes stay with the channel."""

    kind: str  # photo | document | audio | video | other
    file_id: str = ""
    name: str = ""
    mime_type: str = ""
    size: int = 0
    url: str = ""


@dataclass(frozen=True)
class Button:
    """A quick reply: what the user sees and what comes back when pressed."""

    label: str
    payload: str


# `InboundMessage.meta` flag: the channel already answered this message itself (Viber's
# welcome in the reply to conversation_started), so the turn's replies are not sent again.
ANSWERED_INLINE = "answered_inline"
# `meta` flag of a "start": the user opened a conversation they already have (Viber's
# conversation_started from a subscriber), not a fresh start they asked for.
REOPENED = "reopened"
# `meta` of a "blocked" message found by a failed send: the delivery that did not arrive.
UNDELIVERED = "undelivered"
# `meta` of a message sent as one part of an album (photos or files sent together, each its
# own message on the channel): the album's id, the same on every part.
ALBUM = "album"
# `meta` of a message from a channel that knows the client's IP address (web chat): for
# per-address limits on self-service code requests.
CLIENT_ADDRESS = "client_address"


@dataclass(frozen=True)
class InboundMessage:
    """One message from a user, whatever the channel.

    `chat_id` addresses the conversation on its channel (Telegram chat, Viber user, e-mail
    address, web-chat session); `message_id` is the channel's own id and the dedupe key.
    `payload` is set when the user pressed a button.
    """

    channel: str
    chat_id: str
    message_id: str
    text: str = ""
    user_id: str = ""
    user_name: str = ""
    payload: str = ""
    attachments: tuple[Attachment, ...] = ()
    language_hint: str = ""
    kind: str = "message"  # message | start | edited | blocked | unblocked | delivery_failed
    timestamp: float = field(default_factory=time.time)
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def conversation_key(self) -> str:
        """A stable id of the conversation across all channels."""
        return f"{self.channel}:{self.chat_id}"

    def to_dict(self) -> dict[str, Any]:
        # A plain copy: dataclasses.asdict deep-copies and is ~5x slower on the intake path.
        data = dict(self.__dict__)
        data["attachments"] = [dict(a.__dict__) for a in self.attachments]
        data["meta"] = dict(self.meta)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> InboundMessage:
        known = field_names(cls)
        values = {k: v for k, v in data.items() if k in known}
        values["attachments"] = tuple(Attachment(**a) for a in values.get("attachments", ()))
        return cls(**values)


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` messages per fixed window of `window_seconds` for one sender,
    counted under `scope` ("webchat", "webchat-addr") and `name` (session, address)."""

    scope: str
    name: str
    limit: int
    window_seconds: int = 60


class RateLimited(Exception):
    """A message over one of its `RateLimit`s: not stored; try again in `retry_after` s."""

    def __init__(self, limit: RateLimit, retry_after: float) -> None:
        super().__init__(f"over {limit.limit} per {limit.window_seconds}s ({limit.scope})")
        self.limit = limit
        self.retry_after = retry_after


@dataclass(frozen=True)
class OutboundMessage:
    """A reply for a user. The owning connector renders buttons its own way.

    `purpose` names what the message is for where a channel needs to know it (WhatsApp
    sends a pre-approved template of that purpose outside its 24-hour window; e-mail sends
    a reopen's confirmation over its hourly limit of automatic replies).
    """

    text: str
    buttons: tuple[Button, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    author: str = "bot"  # bot | operator:<login> | system
    author_name: str = ""
    purpose: str = ""  # "" | csat_request | reopen_confirmed

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OutboundMessage:
        return cls(
            text=data.get("text", ""),
            buttons=tuple(Button(**b) for b in data.get("buttons", ())),
            attachments=tuple(Attachment(**a) for a in data.get("attachments", ())),
            author=data.get("author", "bot"),
            author_name=data.get("author_name", ""),
            purpose=data.get("purpose", ""),
        )


@dataclass(frozen=True)
class Delivery:
    """An outbound message addressed to a conversation, as queued for its connector."""

    delivery_id: str
    channel: str
    chat_id: str
    message: OutboundMessage
    attempts: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "delivery_id": self.delivery_id,
            "channel": self.channel,
            "chat_id": self.chat_id,
            "message": self.message.to_dict(),
            "attempts": self.attempts,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Delivery:
        return cls(
            delivery_id=data["delivery_id"],
            channel=data["channel"],
            chat_id=data["chat_id"],
            message=OutboundMessage.from_dict(data["message"]),
            attempts=int(data.get("attempts", 0)),
        )


class SupportGroup(StrEnum):
    """Second-line groups that own tickets."""

    ACCOUNTS = "accounts"
    HARDWARE = "hardware"
    NETWORK = "network"
    SOFTWARE = "software"
    EMAIL = "email"
    SECURITY = "security"


class Priority(StrEnum):
    """P1: work stopped or urgent ... P4: a question with no impact."""

    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"

    @property
    def rank(self) -> int:
        return int(self.value[1])


class Level(StrEnum):
    L1 = "L1"
    L2 = "L2"
    L3 = "L3"


class TicketStatus(StrEnum):
    NEW = "new"
    OPEN = "open"
    WAITING_FOR_USER = "waiting_for_user"
    ESCALATED = "escalated"
    RESOLVED = "resolved"
    CLOSED = "closed"

    @property
    def is_active(self) -> bool:
        return self not in (TicketStatus.RESOLVED, TicketStatus.CLOSED)


IN_QUEUE = "in_queue"  # Ticket.shown_status of an open ticket nobody holds

# Channels nobody answers (monitoring systems): replies stay in the ticket's log.
UNANSWERED_CHANNELS: frozenset[str] = frozenset({Channel.ALERTS.value, Channel.INCIDENTS.value})

# Channels where every reply is a letter (slow to answer): one message per turn, and all
# checklist questions asked together. The engine sees only this capability, not the channel.
LETTER_CHANNELS: frozenset[str] = frozenset({Channel.EMAIL.value})

# Channels that always show buttons as buttons (Telegram's inline keyboard, Viber's keyboard,
# the web chat's): their users never see them numbered, so a typed "1" is what they wrote.
# Elsewhere buttons may be numbered text (a letter, too many or too long for the app).
BUTTON_CHANNELS: frozenset[str] = frozenset(
    {Channel.TELEGRAM.value, Channel.VIBER.value, Channel.WEBCHAT.value}
)

# Channels whose readers follow the transcript itself (the web chat's sockets push every
# committed entry): a reply is delivered by being committed, with no outbound queue.
TRANSCRIPT_CHANNELS: frozenset[str] = frozenset({Channel.WEBCHAT.value})

CHECKLIST_FIELDS: tuple[str, ...] = ("problem", "tried", "error", "product", "os", "since")
# A ticket field the checklist never asks: the number the user asked to be called back on.
CALLBACK_FIELD = "callback"
# A fact the checklist never asks either: the shared folder the user named, which is
# the product of an access problem ("папка passes на сервере", "\\fs02\plan").
FOLDER_FIELD = "folder"
TICKET_FIELDS: tuple[str, ...] = (*CHECKLIST_FIELDS, CALLBACK_FIELD)

BOT_OWNER = "bot"
TICKET_PREFIX = "HD"


def ticket_id_for(number: int) -> str:
    """The readable id of the `number`-th ticket: HD-000123."""
    return f"{TICKET_PREFIX}-{number:06d}"


DUTY_AUTHOR = "system:on_duty"  # SLA notices to the on-duty contact (never rate-limited)
# The purpose of "request HD-… is open again", said to the user whose "still broken" reopened
# it: they must learn it (at most once per resolution, so no robot can ping-pong with it)
REOPEN_CONFIRMED = "reopen_confirmed"


TICKET_TIMES: tuple[str, ...] = (
    "created_at",
    "updated_at",
    "first_response_due",
    "resolution_due",
    "first_response_at",
    "resolved_at",
    "first_response_warn_at",
    "resolution_warn_at",
    "resolution_remind_at",
    "autoclose_notice_at",
    "autoclose_at",
    "sla_paused_at",
    "sla_paused_seconds",
    "promise_due",
)


@dataclass
class Ticket:
    """A request queued for a person, with the first-line checklist answers."""

    id: str
    conversation_key: str
    channel: str
    chat_id: str
    subject: str
    group: SupportGroup
    priority: Priority
    topic: str = ""
    language: str = "en"
    level: Level = Level.L1
    status: TicketStatus = TicketStatus.NEW
    assignee: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    # Where each checklist answer came from: "first message", "answer to tried",
    # "reply to did-it-help", "… (correction)", "reply by mail".
    sources: dict[str, str] = field(default_factory=dict)
    reason: str = ""
    created_at: float = 0.0
    updated_at: float = 0.0
    first_response_due: float = 0.0
    resolution_due: float = 0.0
    first_response_at: float = 0.0
    first_response_delivery: str = ""  # the delivery that counted as the first response
    resolved_at: float = 0.0
    csat: int = 0
    csat_comment: str = ""
    # SLA timers (unix times, 0 = none) and which of them have fired, comma-separated.
    first_response_warn_at: float = 0.0
    resolution_warn_at: float = 0.0
    resolution_remind_at: float = 0.0
    autoclose_notice_at: float = 0.0
    autoclose_at: float = 0.0
    sla_paused_at: float = 0.0  # the clocks stopped then (waiting for the user); 0 = running
    sla_paused_seconds: float = 0.0  # working time spent paused so far
    sla_fired: str = ""
    # The time told to the user when a breach raised the priority or the level (0 = none),
    # and the clock it stands for: watched as its own timer, "promise_breach".
    promise_due: float = 0.0
    promise_clock: str = ""
    # The mass incident an alert ticket is a child of: the incident stands for it in the
    # queue (an alert storm is one incident row, not a row per alert).
    parent: str = ""
    # What the reports counted for the operator resolution standing now, as JSON (level,
    # operator, day, working seconds, ...), so a reopen takes exactly that back; "" when none
    # is counted (open, solved by the user, closed by the timer, or stored before this field).
    resolution_counted: str = ""

    def to_dict(self) -> dict[str, Any]:
        # A plain copy, its two dicts copied (every other field is a scalar): `asdict`
        # deep-copies field by field, and a turn saves its ticket with every note added.
        data = dict(vars(self))
        data["fields"], data["sources"] = dict(self.fields), dict(self.sources)
        return data

    @property
    def shown_status(self) -> str:
        """The state people are shown: an open ticket nobody holds (handed back to the bot,
        put back in the queue, reopened with no one on it) is "in_queue", waiting in its
        group's queue, not "in progress" with nobody working on it. The stored status
        stays `open` (the clocks run as for any open ticket)."""
        if self.status == TicketStatus.OPEN and not self.assignee:
            return IN_QUEUE
        return self.status.value

    @property
    def fired(self) -> frozenset[str]:
        return frozenset(n for n in self.sla_fired.split(",") if n)

    def mark_fired(self, name: str) -> None:
        self.sla_fired = ",".join(sorted(self.fired | {name}))

    def unmark_fired(self, *names: str) -> None:
        self.sla_fired = ",".join(sorted(self.fired - set(names)))

    @property
    def breached(self) -> bool:
        return bool(self.fired & {"first_response_breach", "resolution_breach"})

    def pending_timers(self) -> dict[str, float]:
        """SLA timers still to fire, by name: what the running (or paused) clocks wait for."""
        if not self.status.is_active:
            return {}
        if self.sla_paused_at:
            times = {
                "autoclose_notice": self.autoclose_notice_at,
                "autoclose": self.autoclose_at,
            }
        else:
            times = {
                "resolution_reminder": self.resolution_remind_at,
                "resolution_warning": self.resolution_warn_at,
                "resolution_breach": self.resolution_due,
            }
            if not self.first_response_at:
                times["first_response_warning"] = self.first_response_warn_at
                times["first_response_breach"] = self.first_response_due
            if self.promise_clock == "resolution" or not self.first_response_at:
                times["promise_breach"] = self.promise_due  # an answer keeps a first-answer promise
        fired = self.fired
        return {name: at for name, at in times.items() if at and name not in fired}

    def next_timer_at(self) -> float | None:
        """When the SLA timer service should next look at this ticket; None = never."""
        pending = self.pending_timers()
        return min(pending.values()) if pending else None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Ticket:
        known = field_names(cls)
        values = {k: v for k, v in data.items() if k in known}
        values["group"] = SupportGroup(values["group"])
        values["priority"] = Priority(values["priority"])
        values["level"] = Level(values.get("level", "L1"))
        values["status"] = TicketStatus(values.get("status", "new"))
        return cls(**values)
