"""Where a conversation stands between two messages; stored as JSON by the service.

Everything the engine needs to continue lives here, so a conversation survives a
restart in the middle of the checklist. Unknown or missing keys are tolerated: `{}` is
a new conversation, and state written by an older version still loads.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from enum import StrEnum
from typing import Any


class Phase(StrEnum):
    """What the bot is waiting for."""

    IDLE = "idle"  # a new problem
    CONFIRM = "confirm"  # "did this help?" after an article
    CHOOSE = "choose"  # one of several offered articles
    CHECKLIST = "checklist"  # the answer to `DialogState.asking`
    TICKET = "ticket"  # a ticket is open; messages are added to it
    CSAT_SCORE = "csat_score"  # a 1-5 rating
    CSAT_COMMENT = "csat_comment"  # an optional comment to the rating
    LINK_LOGIN = "link_login"  # the directory login to link this identity to
    LINK_CODE = "link_code"  # the one-time code sent to that account's recovery contact
    ACCOUNT_NAME = "account_name"  # whose account a specialist is to unlock or reset
    STATUS_COMMENT = "status_comment"  # a comment to `DialogState.status_ticket`


@dataclass
class DialogState:
    """One conversation's dialog: language, phase, the problem and its checklist."""

    language: str = ""
    language_locked: bool = False  # set by /lang: stop guessing from the text
    phase: Phase = Phase.IDLE
    problem: str = ""
    topic: str = ""
    group: str = ""
    priority: str = ""
    reason: str = ""
    offered: dict[str, float] = field(default_factory=dict)  # topic -> score, as shown
    fields: dict[str, str] = field(default_factory=dict)  # checklist answers so far
    sources: dict[str, str] = field(default_factory=dict)  # field -> the message it came from
    question_limit: int = 0  # when > 0, `asked` may grow to this many (an impatient user)
    asking: str = ""  # the checklist field last asked
    asked: list[str] = field(default_factory=list)  # fields asked in this flow
    unclear: str = ""  # a message no support topic fitted, kept to join the next one
    failed_answers: int = 0  # articles that did not help, in this conversation
    ticket_id: str = ""
    csat_score: int = 0
    rating_ticket: str = ""  # the ticket a rating being collected is for
    rated_score: int = 0  # the rating just thanked for (-1: refused), until the next message
    bot_resolved_at: float = 0.0  # when the bot's answer was said to help, until rated
    account_next: str = ""  # unlock | reset: what to do once linked (or once named)
    code_tries: int = 0  # codes entered since the last one was sent
    status_ticket: str = ""  # the ticket whose status card was shown last
    status_resume: str = ""  # the phase to go back to after a comment to it
    # The resolved ticket, too old to reopen, that the request now collected goes on from:
    # named on its ticket; kept across `start_flow` (the request starts with one), dropped
    # once that ticket is opened.
    follows: str = ""
    buttons: list[str] = field(default_factory=list)  # payloads last shown, by number
    button_labels: list[str] = field(default_factory=list)  # their labels, in that order
    incident: str = ""  # the open outage the user is subscribed to
    incidents_declined: list[str] = field(default_factory=list)  # "it's something else"
    album: str = ""  # the album (photos sent together) whose first part was read last
    updated_at: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        # Every field is a scalar or a flat dict or list of scalars (the fields made by a
        # factory), so copying those one level deep is a deep copy (`dataclasses.asdict`
        # recursing was ~10 % of a turn; a helper called for each of the 29 fields, twice
        # a turn, 6 % under cProfile: 175,000 calls in 3,000 turns).
        values = vars(self)
        data = {name: values[name] for name in _FIELD_NAMES}
        for name in _CONTAINERS:
            data[name] = _copied(data[name])
        return data

    def stored(self) -> dict[str, Any]:
        """What the store keeps, written every turn: the fields that differ from a new
        conversation's (`from_dict` gives the rest their defaults), about half the JSON of
        `to_dict` for a conversation with a ticket."""
        values = vars(self)
        return {
            name: _copied(values[name]) for name, default in _DEFAULTS if values[name] != default
        }

    def copy(self) -> DialogState:
        """An independent copy (the engine steps on a copy, never on the caller's state)."""
        return DialogState(**self.to_dict())

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DialogState:
        """Load stored state; `{}` or junk values give a fresh conversation's defaults."""
        state = cls(**{k: v for k, v in (data or {}).items() if k in _KNOWN})
        try:
            state.phase = Phase(state.phase)
        except ValueError:
            state.phase = Phase.IDLE
        state.fields = {str(k): str(v) for k, v in dict(state.fields or {}).items()}
        sources = state.sources if isinstance(state.sources, dict) else {}
        state.sources = {str(k): str(v) for k, v in sources.items()}
        state.question_limit = int(state.question_limit or 0)
        offered = state.offered if isinstance(state.offered, dict) else {}
        state.offered = {str(k): float(v) for k, v in offered.items()}
        state.asked = [str(f) for f in state.asked or ()]
        state.code_tries = int(state.code_tries) if str(state.code_tries).isdecimal() else 0
        state.account_next = str(state.account_next or "")
        state.buttons = [str(b) for b in state.buttons or ()]
        state.button_labels = [str(b) for b in state.button_labels or ()]
        state.incident = str(state.incident or "")
        state.incidents_declined = [str(i) for i in state.incidents_declined or ()]
        state.album = str(state.album or "")
        resolved_at = state.bot_resolved_at
        ok = isinstance(resolved_at, int | float) and not isinstance(resolved_at, bool)
        state.bot_resolved_at = float(resolved_at) if ok and resolved_at > 0 else 0.0
        return state

    def start_flow(self, problem: str = "") -> None:
        """Forget the previous problem; keep language, open ticket and counters."""
        self.phase = Phase.IDLE
        self.problem = problem
        self.topic = self.group = self.priority = self.reason = self.asking = ""
        self.offered = {}
        self.fields = {"problem": problem} if problem else {}
        self.sources = {"problem": "first message"} if problem else {}
        self.asked = []
        self.question_limit = 0
        self.csat_score = 0
        self.rating_ticket = ""
        self.bot_resolved_at = 0.0
        self.account_next = ""
        self.code_tries = 0


_FIELD_NAMES = tuple(f.name for f in fields(DialogState))
_KNOWN = frozenset(_FIELD_NAMES)
_CONTAINERS = tuple(f.name for f in fields(DialogState) if f.default_factory is not MISSING)
_DEFAULTS = tuple(
    (f.name, f.default if f.default_factory is MISSING else f.default_factory())
    for f in fields(DialogState)
)


def _copied(value: Any) -> Any:
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, list):
        return list(value)
    return value
