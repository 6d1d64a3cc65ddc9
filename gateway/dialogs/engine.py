"""The dialog engine: a pure step from (state, message) to (state, replies, events).

It knows no channel and no storage. The conversation service loads the state, calls
`step`, carries out the events (opening a ticket, storing a rating) and saves the state;
ticket news from operators comes back through `ticket_opened` and `ticket_changed`.
"""

from __future__ import annotations

import dataclasses
import re

from gateway.dialogs.accounts import AccountFlow, AccountResult
from gateway.dialogs.commands import Commands, parse_command
from gateway.dialogs.contact import ContactFlow, SupportContact
from gateway.dialogs.extract import read_head
from gateway.dialogs.flow import SupportFlow
from gateway.dialogs.incidents import SOMETHING_ELSE, IncidentFlow
from gateway.dialogs.letters import LetterFlow
from gateway.dialogs.outages import OpenIncident
from gateway.dialogs.ports import Knowledge
from gateway.dialogs.state import DialogState, Phase
from gateway.dialogs.status import StatusFlow, StatusReport
from gateway.dialogs.turn import StepContext, StepResult, Turn
from gateway.disclosed_passwords import PASSWORD_HIDDEN
from gateway.models import ALBUM, Button, InboundMessage, Ticket
from gateway.texts import DEFAULT_LANGUAGE, Texts
from gateway.triage import sla_clock
from gateway.triage.priority import PriorityRules
from gateway.triage.routing import Routing
from gateway.triage.services import ServiceCatalog
from gateway.triage.sla import SlaPolicy

# Format characters that show nothing; a zero-width joiner only inside a word (between emoji
# it builds one picture, and the transcript keeps it).
_INVISIBLE = re.compile(
    r"[\u00ad\u061c\u180e\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064"
    r"\u2066-\u2069\ufeff]|(?<=\w)\u200d(?=\w)"
)

OUTAGE_TOPIC = "outage_critical"
SLA_NEWS = frozenset({"sla_late_escalated", "sla_late_priority", "sla_late_lead"})
TICKET_CHANGES = frozenset(
    {
        "taken",
        "transferred",
        "escalated",
        "requeued",
        "returned",
        "resolved",
        "reopened",
        "handed_back",
        "priority",
        "autoclose_notice",
        "autoclosed",
    }
    | SLA_NEWS
)


class DialogEngine:
    """First-line support dialog: self-help from the knowledge base, then a ticket."""

    def __init__(
        self,
        knowledge: Knowledge,
        sla: SlaPolicy,
        texts: Texts | None = None,
        *,
        routing: Routing | None = None,
        priorities: PriorityRules | None = None,
        outage_topic: str = OUTAGE_TOPIC,
        default_language: str = DEFAULT_LANGUAGE,
        services: ServiceCatalog | None = None,
        incident_similarity: int = 85,
        contact: SupportContact | None = None,
    ) -> None:
        self.sla = sla
        self.texts = texts or Texts.load()
        self.flow = SupportFlow(
            knowledge,
            routing or Routing(),
            priorities or PriorityRules(),
            outage_topic,
            default_language,
        )
        self.status = StatusFlow(sla)
        self.commands = Commands(self.flow, self.status)
        self.letters = LetterFlow(self.flow)
        self.incidents = IncidentFlow(self.flow, services or ServiceCatalog(), incident_similarity)
        self.accounts = AccountFlow(self.flow)
        self.contact = ContactFlow(self.flow, contact or SupportContact())

    def step(self, state: DialogState, msg: InboundMessage, ctx: StepContext) -> StepResult:
        """Handle one inbound message. Pure: `state` is not modified."""
        turn = Turn.begin(state, self.texts, ctx)
        self._forget_closed_ticket(turn)
        rated, turn.state.rated_score = turn.state.rated_score, 0
        msg, turn.unread = _read_part(_visible(msg))
        if not msg.text.strip():
            self.flow.take_language_hint(turn, msg.language_hint)
        if ctx.numbered:
            msg = _pressed_by_number(msg, turn.state.buttons)
        if rated and self.flow.still_broken_after_rating(turn, msg):
            return turn.result()  # "still broken" said of what was just rated
        if msg.kind == "message" and _rest_of_album(turn, msg):
            # photos sent together arrive one by one, the caption on the first: the album
            # was answered as one message, its other parts answer nothing (the transcript and
            # the ticket keep them) and are not "didn't understand" or the next question's answer
            return turn.result()
        if msg.kind == "start":
            self.commands.start(turn, "", msg)
        elif msg.kind in ("message", "edited") and _unreadable(msg) and not ctx.letters:
            # a reel, a poll, a type the channel itself calls unsupported: it came empty, so
            # it answers no question and adds nothing to a ticket
            return self._stale_press(turn, "unreadable")
        elif msg.kind in ("message", "edited"):
            command = parse_command(msg)
            account = self.accounts.wants(turn.state, msg, command, ctx.directory)
            if account:
                self.accounts.handle(turn, account, msg)
            elif command:
                self.commands.run(turn, *command, msg)
            elif self.status.wants(turn, msg):
                self._status(turn, msg)
            elif not ctx.letters and self.contact.wants(turn, msg):
                self.contact.handle(turn, msg)  # "дайте номер телефона поддержки"
            elif self.incidents.handle(turn, msg):
                pass  # a report of an outage already declared: told, not asked
            elif ctx.letters:
                self.letters.handle(turn, msg)
            elif msg.payload and not self.flow.expects(turn.state, msg.payload):
                return self._stale_press(turn)
            elif self.flow.rated_again(turn, msg, rated):
                pass  # the rating said again just after it was thanked for
            else:
                self.flow.handle(turn, msg)
            if msg.meta.get(PASSWORD_HIDDEN):  # hidden at intake: the user is told why
                turn.say("password_hidden_reset" if ctx.directory else "password_hidden")
        return turn.result()

    def self_service(
        self, state: DialogState, msg: InboundMessage, ctx: StepContext
    ) -> StepResult | None:
        """A message while a person has the conversation: the bot answers a status question
        or a ticket card's button (and /status), and a stale button that carries no words;
        anything else is the person's (None)."""
        turn = Turn.begin(state, self.texts, dataclasses.replace(ctx, held=True))
        msg, turn.unread = _read_part(msg)
        command = parse_command(msg) if msg.kind in ("message", "edited") else None
        if command is not None and command[0] == "status":
            self.commands.status(turn, command[1], msg)
        elif command is None and msg.kind in ("message", "edited") and self.status.wants(turn, msg):
            self._status(turn, msg)
        elif msg.payload and not msg.text.strip() and not self.flow.expects(state, msg.payload):
            # a button of an earlier keyboard (Viber) says nothing a person could read or
            # answer: the user is told it no longer works, the person's ticket is untouched
            return self._stale_press(turn)
        else:
            return None
        return turn.result()

    def _status(self, turn: Turn, msg: InboundMessage) -> None:
        """A status question or a card's button, answered in the language it is asked in."""
        text = msg.text.strip()
        if text and not msg.payload:
            if turn.state.phase == Phase.IDLE:
                self.flow.detect_language(turn, text, msg.language_hint)
            else:
                self.flow.follow_language(turn, text)
        self.status.handle(turn, msg)

    def ticket_opened(self, state: DialogState, ticket: Ticket, ctx: StepContext) -> StepResult:
        """The requested ticket is stored: tell the user its id and when a person answers."""
        turn = self._news_turn(state, ticket, ctx)
        when = self.promise(turn, ticket)
        letter = self.letters.first_reply(turn, ticket, when) if ctx.letters else ""
        turn.state.start_flow()
        turn.state.phase, turn.state.ticket_id = Phase.TICKET, ticket.id
        if letter:
            turn.send(letter)
        else:
            turn.say("ticket_opened", ticket_id=ticket.id, when=when)
        return turn.result()

    def incident_declared(
        self, state: DialogState, incident: OpenIncident, ctx: StepContext
    ) -> StepResult:
        """The user's report is part of an outage just declared: tell them, stop asking."""
        turn = Turn.begin(state, self.texts, ctx)
        st = turn.state
        st.incident = incident.id
        if st.phase not in (Phase.TICKET, Phase.CSAT_SCORE, Phase.CSAT_COMMENT):
            st.phase, st.asking = Phase.IDLE, ""
        title = incident.title_for(turn.lang) or turn.text("incident_reported")
        lines = [turn.text("incident_known", title=title)]
        if incident.notice(turn.lang):
            lines.append(incident.notice(turn.lang))
        turn.send("\n\n".join(lines), turn.button("btn_something_else", SOMETHING_ELSE))
        return turn.result()

    def account_result(
        self, state: DialogState, result: AccountResult, ctx: StepContext
    ) -> StepResult:
        """What the directory service did with the user's self-service request."""
        turn = Turn.begin(state, self.texts, ctx)
        self.accounts.result(turn, result)
        return turn.result()

    def ticket_status(
        self, state: DialogState, report: StatusReport, ctx: StepContext
    ) -> StepResult:
        """The user's tickets as the service found them (after `StatusAsked` or an action
        from a ticket's card): status, group, who has it, the last update, the next step."""
        turn = Turn.begin(state, self.texts, ctx)
        self.status.answer(turn, report)
        return turn.result()

    def reopen_refused(
        self, state: DialogState, report: StatusReport, msg: InboundMessage, ctx: StepContext
    ) -> StepResult:
        """ "Still broken" of a ticket resolved too long ago to reopen. Words that tell a
        problem ("Все одно не друкує, та сама помилка offline.") are the new request at
        once, as a first message would be (its answer, questions or ticket), the old
        ticket named on it; with none (a card's button, a bare "нет") the user is told to
        describe the problem."""
        turn = Turn.begin(state, self.texts, ctx)
        msg, turn.unread = _read_part(_visible(msg))
        said = "" if msg.payload else msg.text.strip()
        if not report.tickets or not said or not self.flow.tells_a_problem(turn, said):
            self.status.answer(turn, report)
            return turn.result()
        old = report.tickets[0].ticket.id
        turn.state.start_flow()
        turn.state.follows = old
        turn.followed = report.tickets[0].ticket.fields  # the same fault: not asked again
        self.flow.detect_language(turn, said, msg.language_hint)  # told in the words' own
        turn.say("reopen_late_new_request", ticket_id=old)
        if ctx.letters:
            self.letters.new_request(turn, msg)
        else:
            self.flow.handle(turn, msg)
        return turn.result()

    def promise(self, turn: Turn, ticket: Ticket) -> str:
        """When the user can expect the next answer, in the zone of the ticket's calendar."""
        zone = self.sla.calendar(ticket.group, ticket.priority).timezone
        return turn.when(sla_clock.expected_by(ticket) or ticket.first_response_due, zone)

    def ticket_changed(
        self, state: DialogState, ticket: Ticket, change: str, ctx: StepContext
    ) -> StepResult:
        """Keep the user informed of what operators did; ask for a rating on resolution."""
        turn = self._news_turn(state, ticket, ctx)
        st = turn.state
        if change == "taken":
            turn.say("ticket_taken", ticket_id=ticket.id)
        elif change == "transferred":
            turn.say("ticket_transferred", ticket_id=ticket.id)
        elif change in ("escalated", "requeued", "returned"):
            self._back_to_ticket(turn, ticket)
            if change == "escalated":
                turn.say("ticket_escalated", ticket_id=ticket.id, level=ticket.level.value)
            elif change == "returned":
                line = turn.text(f"line_{ticket.level.value}")
                turn.say("ticket_returned", ticket_id=ticket.id, line=line)
            else:
                turn.say("ticket_requeued", ticket_id=ticket.id)
        elif change == "priority" and not sla_clock.expected_by(ticket):
            # waiting on the user: no answer is due from us ("ответ до" a past time, before)
            turn.say("ticket_priority_waiting", ticket_id=ticket.id, priority=ticket.priority.value)
        elif change == "priority":
            when = self.promise(turn, ticket)
            turn.say(
                "ticket_priority", ticket_id=ticket.id, priority=ticket.priority.value, when=when
            )
        elif change in SLA_NEWS:
            line = turn.text(f"line_{ticket.level.value}")
            turn.say(change, ticket_id=ticket.id, line=line, when=self.promise(turn, ticket))
        elif change == "autoclose_notice":
            zone = self.sla.calendar(ticket.group, ticket.priority).timezone
            turn.say(change, ticket_id=ticket.id, when=turn.when(ticket.autoclose_at, zone))
        elif change == "autoclosed":
            turn.say(change, ticket_id=ticket.id)
            if st.ticket_id == ticket.id:
                st.phase, st.ticket_id = Phase.IDLE, ""
        elif change == "resolved":
            turn.say("ticket_resolved", ticket_id=ticket.id)
            if st.ticket_id == ticket.id:
                st.ticket_id = ""
            if st.phase in (Phase.IDLE, Phase.TICKET):
                st.start_flow()
                # what the ticket was about, so "всё равно не печатает" said to the rating
                # is read as that fault going on, not a new request
                st.topic, st.group = ticket.topic, ticket.group.value
                self.flow.ask_rating(turn, ticket.id)
        elif change == "reopened":
            if st.phase in (Phase.CSAT_SCORE, Phase.CSAT_COMMENT):
                st.start_flow()  # the rating was for a resolution that no longer stands
            self._back_to_ticket(turn, ticket)
            turn.say("ticket_reopened", ticket_id=ticket.id)
        elif change == "handed_back":
            self._back_to_ticket(turn, ticket)
            self._handed_back(turn, ticket)
        if not turn.ctx.held:
            # news of one ticket told while the bot collects another request (an operator
            # handed it back, resolved or re-queued it): the question waited on comes after
            # it again, so the next words are not read as its answer unasked
            self.flow.ask_again(turn)
        return turn.result()

    def _handed_back(self, turn: Turn, ticket: Ticket) -> None:
        """Nobody holds the ticket now: the user is told when a person answers next (the
        desk's promise), or, past it, that one will as soon as possible."""
        due = sla_clock.expected_by(ticket)
        if due > turn.ctx.now:
            turn.say("ticket_handed_back", ticket_id=ticket.id, when=self.promise(turn, ticket))
        else:
            turn.say("ticket_handed_back_late", ticket_id=ticket.id)

    @staticmethod
    def _stale_press(turn: Turn, key: str = "stale_button") -> StepResult:
        """A button from an older message (or a message with nothing to read): say so
        politely, and keep waiting for the answer to the current question, offering its
        buttons again."""
        st = turn.state
        current: tuple[Button, ...] = ()
        if len(st.button_labels) == len(st.buttons):
            pairs = zip(st.button_labels, st.buttons, strict=True)
            current = tuple(Button(label, payload) for label, payload in pairs)
        turn.say(key, *current)
        return turn.result()

    @staticmethod
    def _back_to_ticket(turn: Turn, ticket: Ticket) -> None:
        """The bot keeps the conversation again: the user's words go to the open ticket."""
        st = turn.state
        if st.phase in (Phase.IDLE, Phase.TICKET):
            st.start_flow()
            st.phase, st.ticket_id = Phase.TICKET, ticket.id

    def _news_turn(self, state: DialogState, ticket: Ticket, ctx: StepContext) -> Turn:
        turn = Turn.begin(state, self.texts, ctx)
        if not turn.state.language:
            turn.state.language = ticket.language
        return turn

    @staticmethod
    def _forget_closed_ticket(turn: Turn) -> None:
        """A ticket closed since the last message no longer collects the user's words."""
        st = turn.state
        if st.phase == Phase.TICKET and st.ticket_id not in {t.id for t in turn.ctx.open_tickets}:
            st.phase, st.ticket_id = Phase.IDLE, ""


def _visible(msg: InboundMessage) -> InboundMessage:
    """What the user wrote as it reads: format characters that show nothing (a zero-width
    space or joiner, a soft hyphen, a direction mark, a BOM) split no word ("прин\u200bтер")."""
    if not _INVISIBLE.search(msg.text):
        return msg
    return dataclasses.replace(msg, text=_INVISIBLE.sub("", msg.text))


def _read_part(msg: InboundMessage) -> tuple[InboundMessage, str]:
    """The message as the dialog reads it, and the rest: a mail of 100,000 characters (a
    pasted log) read whole took every reader seconds and held the conversations behind it.
    The transcript keeps the message whole, and the ticket its problem."""
    head = read_head(msg.text)
    if len(head) == len(msg.text):
        return msg, ""
    return dataclasses.replace(msg, text=head), msg.text[len(head) :]


def _rest_of_album(turn: Turn, msg: InboundMessage) -> bool:
    """Whether `msg` is a later part, with nothing written on it, of the album whose first
    part was read last; the album becomes the one read last either way."""
    album = msg.meta.get(ALBUM, "")
    rest = bool(album) and album == turn.state.album and not msg.text.strip() and not msg.payload
    turn.state.album = album
    return rest


def _unreadable(msg: InboundMessage) -> bool:
    """Nothing the user sent can be read: no words, no button, no file."""
    return not msg.text.strip() and not msg.payload and not msg.attachments


def _pressed_by_number(msg: InboundMessage, buttons: list[str]) -> InboundMessage:
    """Channels without buttons show them numbered; a typed "2" presses the second one.
    Where buttons are buttons, a typed number is the user's words ("1" after a rating,
    a note to a ticket): a choice's number is read by the choice itself."""
    typed = msg.text.strip().rstrip(".)")
    if msg.payload or not typed.isdecimal() or not 1 <= int(typed) <= len(buttons):
        return msg
    return dataclasses.replace(msg, payload=buttons[int(typed) - 1])


__all__ = ["DialogEngine", "StepContext", "StepResult"]
