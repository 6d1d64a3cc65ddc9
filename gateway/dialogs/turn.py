"""One step of a dialog in progress: its context, the replies and events it collects."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from gateway.dialogs.events import Event
from gateway.dialogs.outages import OpenIncident
from gateway.dialogs.state import DialogState
from gateway.models import Button, OutboundMessage, Ticket
from gateway.texts import Texts
from gateway.triage.reading import MessageReading, shared_reading
from gateway.triage.sla import DAY, HOUR, MINUTE


@dataclass(frozen=True)
class StepContext:
    """What the engine may know about the world besides the message."""

    now: float  # unix time
    open_tickets: tuple[Ticket, ...] = ()  # the user's active tickets (for /status)
    letters: bool = False  # the channel answers by letter: one reply, every question at once
    incidents: tuple[OpenIncident, ...] = ()  # outages declared and not yet over
    directory: bool = False  # self-service (unlock, password reset) is configured
    numbered: bool = True  # buttons may be shown as numbered text: a typed "2" presses the 2nd
    held: bool = False  # a person has the conversation (`DialogEngine.self_service`, the desk)


@dataclass
class StepResult:
    """The new state, the replies to send in order, and the events for the service."""

    state: DialogState
    replies: list[OutboundMessage]
    events: list[Event]


@dataclass
class Turn:
    """Collects what one step says and does, in the conversation's language."""

    state: DialogState
    texts: Texts
    ctx: StepContext
    replies: list[OutboundMessage] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # What of the message is past the part the dialog reads (`extract.read_head`): a pasted
    # log's lines, kept on the ticket with the problem told before them.
    unread: str = ""
    # The checklist of the resolved ticket the request started this step goes on from (too
    # old to reopen, `DialogEngine.reopen_refused`): what it read of the same fault is kept.
    followed: Mapping[str, str] = field(default_factory=dict)
    # Each text this step looks at, read once for every rule that reads it.
    _readings: dict[str, MessageReading] = field(default_factory=dict, repr=False)

    @classmethod
    def begin(cls, state: DialogState, texts: Texts, ctx: StepContext) -> Turn:
        """A turn on a private copy of `state`: the caller's object is never changed."""
        return cls(state=state.copy(), texts=texts, ctx=ctx)

    @property
    def lang(self) -> str:
        return self.texts.language(self.state.language)

    def reading(self, text: str) -> MessageReading:
        """`text` read once for this step: the mood, urgency and impact rules share it (and,
        for a short text, every other step of this process that reads it)."""
        found = self._readings.get(text)
        if found is None:
            found = self._readings[text] = shared_reading(text)
        return found

    def text(self, key: str, **fmt: object) -> str:
        return self.texts.get(self.lang, key, **fmt)

    def say(self, key: str, *buttons: Button, purpose: str = "", **fmt: object) -> None:
        """Send the text `key` (with quick-reply buttons, if any)."""
        self.send(self.text(key, **fmt), *buttons, purpose=purpose)

    def send(self, text: str, *buttons: Button, purpose: str = "") -> None:
        self.replies.append(OutboundMessage(text=text, buttons=tuple(buttons), purpose=purpose))

    def emit(self, event: Event) -> None:
        self.events.append(event)

    def button(self, key: str, payload: str) -> Button:
        return Button(label=self.text(key), payload=payload)

    def duration(self, seconds: int) -> str:
        """The wait in the largest whole unit: "30 минут", "4 години", "1 day"."""
        if seconds >= DAY and seconds % DAY == 0:
            return self.texts.plural(self.lang, "unit_day", seconds // DAY)
        if seconds >= HOUR and seconds % HOUR == 0:
            return self.texts.plural(self.lang, "unit_hour", seconds // HOUR)
        return self.texts.plural(self.lang, "unit_minute", max(1, math.ceil(seconds / MINUTE)))

    def when(self, at: float, timezone: str) -> str:
        """A moment something is due by, as the user reads it in `timezone`: "by 14:00
        today", "by 09.11 at 09:25"."""
        return self._moment("when", at, timezone)

    def happened(self, at: float, timezone: str) -> str:
        """A moment something happened, as the user reads it in `timezone`: "today at
        14:00", "on 09.11 at 09:25" (never "by": an update or a resolution is past)."""
        return self._moment("happened", at, timezone)

    def _moment(self, kind: str, at: float, timezone: str) -> str:
        zone = ZoneInfo(timezone)
        moment = datetime.fromtimestamp(at, zone)
        time_text = moment.strftime("%H:%M")
        if moment.date() == datetime.fromtimestamp(self.ctx.now, zone).date():
            return self.text(f"{kind}_today", time=time_text)
        return self.text(f"{kind}_date", date=moment.strftime("%d.%m"), time=time_text)

    def result(self) -> StepResult:
        """The outcome; the state remembers the buttons now on screen for typed numbers."""
        with_buttons = [r for r in self.replies if r.buttons]
        if self.replies:
            shown = with_buttons[-1].buttons if with_buttons else ()
            self.state.buttons = [b.payload for b in shown]
            self.state.button_labels = [b.label for b in shown]
        self.state.updated_at = self.ctx.now
        return StepResult(state=self.state, replies=self.replies, events=self.events)
