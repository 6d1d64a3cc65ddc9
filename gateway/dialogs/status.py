""" "Where is my ticket?": the answer, and what the user can do from it.

The engine recognises the question (status_question.py) and asks the service for the
user's tickets with `StatusAsked`; the service answers with a `StatusReport` holding only
tickets of the user's own identities, so another user's number reads exactly like one
that does not exist. From a ticket's card the user can add a comment, say it works now
(the ticket is resolved and rated), say it is still broken (a recently resolved ticket
reopens) or ask for a person. None of it starts the checklist or opens a ticket.
"""

from __future__ import annotations

from dataclasses import dataclass

from gateway.dialogs.answers import YES, parse_yes_no
from gateway.dialogs.events import (
    PersonRequested,
    ReopenRequested,
    SolvedByUser,
    StatusAsked,
    TicketCommented,
)
from gateway.dialogs.letters import says_solved
from gateway.dialogs.state import Phase
from gateway.dialogs.status_question import StatusQuestion, status_question, ticket_numbers
from gateway.dialogs.turn import Turn
from gateway.models import REOPEN_CONFIRMED, Button, InboundMessage, Ticket, TicketStatus
from gateway.triage import sla_clock
from gateway.triage.impatience import lost_patience
from gateway.triage.language import reply_language
from gateway.triage.sla import SlaPolicy

PREFIX = "status:"  # button payloads: status:<action>:<ticket id>
SHOW, COMMENT, SOLVED, REOPEN, PERSON = "show", "comment", "solved", "reopen", "person"
CANCEL = PREFIX + "cancel"
ACTIONS = frozenset({SHOW, COMMENT, SOLVED, REOPEN, PERSON})
UPDATE_CHARS = 200  # the last public update is quoted up to this length
BARE_ASSENT = frozenset({"да", "ага", "угу", "так", "yes", "yep", "yeah", "y", "sure", "ok"})
BARE_ASSENT |= {"okay", "ок", "👍", "✅"}
# Where a status question may come while the bot waits for something else: anywhere but
# in the middle of the checklist, where a ticket number is needed to be sure.
QUIET_PHASES = frozenset({Phase.CHECKLIST})
# Where a question that names no ticket ("есть новости?", "still waiting...") is one about
# the user's tickets: nothing else is waited for (with no ticket it says there is none).
BARE_PHASES = frozenset({Phase.IDLE, Phase.TICKET})


@dataclass(frozen=True)
class TicketView:
    """A ticket as its user may see it, with what the store adds to it."""

    ticket: Ticket
    handler: str = ""  # the first name of the person who has it; "" while queued
    last_update: str = ""  # the last message a person sent the user about it
    last_update_at: float = 0.0
    reopenable: bool = False  # resolved recently enough for "still broken"
    here: bool = True  # opened in this conversation (not by a linked identity)


@dataclass(frozen=True)
class StatusReport:
    """The service's answer to `StatusAsked` or to an action from a ticket's card.

    `asked` is the ticket named ("" for all); `tickets` the user's own tickets (the one
    asked, or all shown); `done` what was just carried out: commented | reopened | person,
    or why nothing was: not_found | not_active | reopen_late.
    """

    asked: str
    tickets: tuple[TicketView, ...]
    done: str = ""


def payload(action: str, ticket_id: str) -> str:
    return f"{PREFIX}{action}:{ticket_id}"


def parse_payload(value: str) -> tuple[str, str] | None:
    """(action, ticket id) of a status button, or None."""
    if not value.startswith(PREFIX):
        return None
    action, _, ticket_id = value.removeprefix(PREFIX).partition(":")
    return (action, ticket_id) if action in ACTIONS and ticket_id else None


class StatusFlow:
    """Answers status questions and carries out the buttons of a ticket's card."""

    def __init__(self, sla: SlaPolicy) -> None:
        self.sla = sla

    def wants(self, turn: Turn, msg: InboundMessage) -> bool:
        """Whether the message is for this flow: a card's button, the comment asked for,
        or a status question."""
        if msg.payload.startswith(PREFIX):
            return True
        text = msg.text.strip()
        if text and not msg.payload and _typed_press(turn, text):
            return True
        if turn.state.phase == Phase.STATUS_COMMENT:
            return bool(text) and not msg.payload
        if not text or msg.payload:
            return False
        if turn.state.phase in QUIET_PHASES and not ticket_numbers(text, numbered=True):
            return False  # there only a named ticket counts: no number, no question to read
        question = _question(turn, text)
        if question is None:
            return False
        return bool(question.ticket_id) or turn.state.phase not in QUIET_PHASES

    def handle(self, turn: Turn, msg: InboundMessage) -> None:
        st = turn.state
        if msg.payload == CANCEL:
            self._resume(turn)
            turn.say("status_comment_cancelled")
            return
        typed = _typed_press(turn, msg.text.strip()) if not msg.payload else ""
        pressed = parse_payload(msg.payload or typed)
        if pressed is not None:
            self.press(turn, *pressed)
        elif st.phase == Phase.STATUS_COMMENT:
            ticket_id = st.status_ticket
            self._resume(turn)
            turn.emit(TicketCommented(ticket_id=ticket_id, comment=msg.text.strip()))
        else:
            text = msg.text.strip()
            question = _question(turn, text)
            # "уже третий день жду!": answered, with an apology before the card, and the
            # words go to the history of the open tickets, where the operator sees them
            impatient = text if lost_patience(turn.reading(text)) else ""
            if impatient:
                turn.say("status_impatient")
            self.ask(turn, question.ticket_id if question else "", impatient)

    def ask(self, turn: Turn, ticket_id: str = "", impatient: str = "") -> None:
        """Ask the service for the user's tickets (or the one named)."""
        st = turn.state
        if st.phase in (Phase.CSAT_SCORE, Phase.CSAT_COMMENT, Phase.STATUS_COMMENT):
            st.start_flow()  # a rating is optional; the user moved on
        turn.emit(StatusAsked(ticket_id=ticket_id, impatient=impatient))

    def press(self, turn: Turn, action: str, ticket_id: str) -> None:
        st = turn.state
        if action == SHOW:
            self.ask(turn, ticket_id)
        elif action == COMMENT:
            if st.phase != Phase.STATUS_COMMENT:
                st.status_resume = Phase.TICKET.value if st.phase == Phase.TICKET else ""
            st.phase, st.status_ticket = Phase.STATUS_COMMENT, ticket_id
            cancel = turn.button("btn_cancel", CANCEL)
            turn.say("status_comment_ask", cancel, ticket_id=ticket_id)
        elif action == SOLVED:
            st.status_ticket = ""
            if st.phase != Phase.TICKET:
                st.start_flow()  # so that the rating is asked once it is resolved
            turn.emit(SolvedByUser(ticket_id=ticket_id))
        elif action == REOPEN:
            st.status_ticket = ""
            turn.emit(ReopenRequested(ticket_id=ticket_id))
        elif action == PERSON:
            turn.emit(PersonRequested(ticket_id=ticket_id))

    def answer(self, turn: Turn, report: StatusReport) -> None:
        """Tell the user what the report says, in their language."""
        views = report.tickets
        view = next((v for v in views if v.ticket.id == report.asked), None)
        turn.state.status_ticket = ""
        if report.asked and view is None:
            turn.say("status_not_found", ticket_id=report.asked)
        elif report.done == "commented" and view is not None:
            turn.say("status_commented", ticket_id=view.ticket.id)
        elif report.done == "person" and view is not None:
            self._to_ticket(turn, view)
            turn.say("status_person_asked", ticket_id=view.ticket.id)
        elif report.done == "reopened" and view is not None:
            self._to_ticket(turn, view)
            turn.say("status_reopened", ticket_id=view.ticket.id, purpose=REOPEN_CONFIRMED)
            self._show(turn, view)
        elif report.done in ("not_active", "reopen_late") and view is not None:
            turn.say(f"status_{report.done}", ticket_id=view.ticket.id)
            self._show(turn, view)
        elif view is not None or len(views) == 1:
            self._show(turn, view or views[0])
        elif not views:
            turn.say("status_none")
        else:
            cards = [self.card(turn, v) for v in views]
            choose = [Button(v.ticket.id, payload(SHOW, v.ticket.id)) for v in views]
            turn.send("\n\n".join([turn.text("status_header"), *cards]), *choose)

    def _show(self, turn: Turn, view: TicketView) -> None:
        """One ticket's card with its buttons; typed answers then refer to this ticket."""
        turn.state.status_ticket = view.ticket.id
        turn.send(self.card(turn, view), *self.buttons(turn, view))

    def card(self, turn: Turn, view: TicketView) -> str:
        """Status, owning group, who has it, the last public update, the next step."""
        ticket = view.ticket
        status = turn.text(f"status_{ticket.shown_status}")
        lines = [
            turn.text("status_line", ticket_id=ticket.id, status=status, subject=ticket.subject)
        ]
        lines.append(turn.text("status_group", group=turn.text(f"group_{ticket.group.value}")))
        if ticket.status.is_active:
            if view.handler:
                lines.append(turn.text("status_handler", name=view.handler))
            else:
                lines.append(turn.text("status_queued"))
        zone = self.sla.calendar(ticket.group, ticket.priority).timezone
        if view.last_update:
            text = _shortened(view.last_update)
            when = turn.happened(view.last_update_at, zone)
            lines.append(turn.text("status_last_update", when=when, text=text))
        else:
            lines.append(turn.text("status_no_update"))
        lines.append(self._next_step(turn, view, zone))
        return "\n".join(lines)

    def buttons(self, turn: Turn, view: TicketView) -> list[Button]:
        """What the user can do from the card of `view`."""
        ticket = view.ticket
        if ticket.status.is_active:
            return [
                turn.button("btn_status_comment", payload(COMMENT, ticket.id)),
                turn.button("btn_status_solved", payload(SOLVED, ticket.id)),
                turn.button("btn_status_person", payload(PERSON, ticket.id)),
            ]
        if view.reopenable:
            return [turn.button("btn_status_reopen", payload(REOPEN, ticket.id))]
        return []

    def _next_step(self, turn: Turn, view: TicketView, zone: str) -> str:
        ticket = view.ticket
        if ticket.status == TicketStatus.CLOSED or (
            ticket.status == TicketStatus.RESOLVED and not view.reopenable
        ):
            return turn.text("status_next_none")
        if ticket.status == TicketStatus.RESOLVED:
            return turn.text("status_next_reopen", when=turn.happened(ticket.resolved_at, zone))
        due = sla_clock.expected_by(ticket)
        if not due:
            return turn.text("status_next_you")
        key = "status_next_resolution" if ticket.first_response_at else "status_next_answer"
        return turn.text(key, when=turn.when(due, zone))

    @staticmethod
    def _to_ticket(turn: Turn, view: TicketView) -> None:
        """The conversation collects words for the ticket again, when it is this one's."""
        st = turn.state
        if view.here and st.phase in (Phase.IDLE, Phase.TICKET):
            st.start_flow()
            st.phase, st.ticket_id = Phase.TICKET, view.ticket.id

    @staticmethod
    def _resume(turn: Turn) -> None:
        """Back to where the conversation was before the comment was asked for."""
        st = turn.state
        try:
            st.phase = Phase(st.status_resume or Phase.IDLE.value)
        except ValueError:
            st.phase = Phase.IDLE
        st.status_resume = st.status_ticket = ""


def _question(turn: Turn, text: str) -> StatusQuestion | None:
    """The status question in `text`, one naming no ticket too where nothing else is
    waited for (not while a person has the conversation: "any news?" is asked of them);
    read in the message's own language too ("Коли вже зроблять?" in a Russian
    conversation)."""
    bare = turn.state.phase in BARE_PHASES and not turn.ctx.held
    langs = dict.fromkeys((reply_language(text, turn.lang), turn.lang))
    return next((q for lang in langs if (q := status_question(text, lang, bare))), None)


def _typed_press(turn: Turn, text: str) -> str:
    """A card's "it works now" or "still broken" typed instead of pressed ("заработало",
    "все ще не працює"), while that card's buttons are the ones shown."""
    st = turn.state
    if not st.status_ticket or st.phase == Phase.STATUS_COMMENT:
        return ""
    solved, reopen = payload(SOLVED, st.status_ticket), payload(REOPEN, st.status_ticket)
    if solved in st.buttons and _says_it_works(text):
        return solved
    if reopen in st.buttons and parse_yes_no(text) is False:
        return reopen
    return ""


def _says_it_works(text: str) -> bool:
    """ "Заработало", "вже працює", "works now": a yes that says what; a bare "да" is no
    answer to a card that asked nothing."""
    if says_solved(text):
        return True
    found = YES.search(text)
    return bool(found) and found not in BARE_ASSENT and parse_yes_no(text) is True


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= UPDATE_CHARS else text[: UPDATE_CHARS - 1].rstrip() + "…"


__all__ = ["StatusFlow", "StatusReport", "TicketView", "parse_payload", "payload"]
