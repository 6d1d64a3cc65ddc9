"""Hand-over to a person: why, the checklist's questions, and the ticket requested."""

from __future__ import annotations

from gateway.dialogs.answers import is_new_request, says_it_is_solved
from gateway.dialogs.checklist import (
    fill,
    folder_as_product,
    missing_fields,
    network_is_out,
    next_fields,
    question,
)
from gateway.dialogs.events import (
    ChecklistQuestion,
    Handoff,
    Resolved,
    SolvedByUser,
    TicketRequested,
)
from gateway.dialogs.extract import read_head
from gateway.dialogs.matching import top_article
from gateway.dialogs.payloads import DUNNO, NEW_REQUEST
from gateway.dialogs.ports import ArticleLike, Knowledge
from gateway.dialogs.problem import problem_statement
from gateway.dialogs.state import Phase
from gateway.dialogs.turn import Turn
from gateway.models import TICKET_FIELDS, InboundMessage, Level, Priority
from gateway.triage.impact import read_impact
from gateway.triage.mood import asks_for_person, detect_handoff
from gateway.triage.priority import PriorityRules, names_a_stake
from gateway.triage.routing import Routing

SUBJECT_CHARS = 80

INTAKE_TEXT = {
    "asked_for_person": "intake_person",
    "upset": "intake_upset",
    "repeated_failure": "intake_repeated",
    "urgent": "intake_urgent",
    "not_solved": "intake_not_solved",
    "no_answer": "intake_no_answer",
}
# The intake text's variant for a user who already gave every fact: no questions follow.
READY = "_ready"
# Reasons that mean self-help was skipped on purpose (reported as a Handoff event).
HANDOFF_REASONS = frozenset(
    {"asked_for_person", "upset", "repeated_failure", "urgent", "escalate_topic"}
)
# Users who want a person now get at most this many questions, chosen by what is missing.
IMPATIENT_REASONS = frozenset({"asked_for_person", "upset", "urgent", "repeated_failure"})
IMPATIENT_QUESTIONS = 2


class Handover:
    """The hand-over steps of `SupportFlow`: the checklist, then the ticket."""

    knowledge: Knowledge
    routing: Routing
    priorities: PriorityRules

    def to_person(
        self,
        turn: Turn,
        reason: str,
        article: ArticleLike | None,
        *,
        confident: bool = True,
        ask: bool = True,
    ) -> None:
        """Stop self-help: say why, then collect the checklist for a ticket.

        `confident` is False when `article` is only the matcher's best guess: its group is
        then one signal among the words of the problem. `ask` False: the request already
        says all a person needs (an account's), the ticket is opened at once.
        """
        st = turn.state
        st.reason = reason
        self._classify(turn, article, confident=confident)
        if reason in IMPATIENT_REASONS or self._pressing(turn):
            st.question_limit = len(st.asked) + IMPATIENT_QUESTIONS
        # "a few quick questions first" only when one follows: a user who already gave every
        # fact is told so, not promised questions that never come
        ready = "" if ask and _next_field(turn) else READY
        if reason == "escalate_topic" and article is not None:
            turn.say("intake_escalate" + ready, title=article.title_for(turn.lang))
        else:
            turn.say(INTAKE_TEXT.get(reason, "intake_no_answer") + ready)
        if reason in HANDOFF_REASONS:
            turn.emit(Handoff(reason=reason))
        st.phase = Phase.CHECKLIST
        if ask:
            self._ask_next(turn)
        else:
            self.request_ticket(turn)

    def _checklist(self, turn: Turn, msg: InboundMessage) -> None:
        """Store the answer to the question asked; ask the next one or request the ticket."""
        st, text = turn.state, msg.text.strip()
        field = st.asking or next(iter(missing_fields(st.fields)), "")
        value = turn.text("btn_dont_know") if msg.payload == DUNNO else text
        if not value and msg.attachments:
            value = turn.text("attachment_noted")
        if not field or not value:
            self._ask_next(turn)
            return
        if msg.payload != DUNNO and says_it_is_solved(text):
            # "managed to fix it now, thanks", "не переживайте, починили", "вже не треба":
            # solved meanwhile, no ticket; rated as any resolution
            st.asking = ""
            turn.emit(Resolved(by="user"))
            turn.say("resolved_by_user")
            self.ask_rating(turn)
            return
        fill(st.fields, st.sources, value, f"answer to {field}", answering=field)
        folder_as_product(st.fields, st.sources, st.topic)
        if field == "problem":
            st.problem = value
            match = self._match(value, turn.lang)
            self._classify(turn, top_article(match), confident=match.outcome == "answer")
        if field != "problem" and st.priority != Priority.P1.value:
            # an answer may say who is stopped ("у всех так", "вся смена стоит"): urgent from
            # now on, the one or two questions a person needs at most, then the hand-over
            self._raise_priority(turn, self._reads_urgent(turn, text))
            if st.priority == Priority.P1.value and not st.question_limit:
                st.question_limit = max(len(st.asked), IMPATIENT_QUESTIONS)
        signal = detect_handoff(turn.reading(text)) if field != "problem" else None
        if signal and signal.reason in ("asked_for_person", "upset"):
            self.request_ticket(turn)  # the user has had enough questions
        else:
            self._ask_next(turn)

    def _ask_next(self, turn: Turn) -> None:
        """Ask the next missing field, phrased for what is known; or request the ticket."""
        st = turn.state
        field = _next_field(turn)
        if not field:
            self.request_ticket(turn)
            return
        st.asking = field
        st.asked.append(field)
        self._send_question(turn, field)
        turn.emit(ChecklistQuestion(field=field))

    def ask_again(self, turn: Turn) -> None:
        """The question the checklist waits on, sent again (after news of a ticket, or a
        person holding the conversation, so the user knows what the bot still waits for);
        none outside it."""
        st = turn.state
        if st.phase == Phase.CHECKLIST and st.asking:
            self._send_question(turn, st.asking)

    @staticmethod
    def _send_question(turn: Turn, field: str) -> None:
        buttons = () if field == "problem" else (turn.button("btn_dont_know", DUNNO),)
        turn.send(question(field, turn.state.fields, turn.texts, turn.lang).text, *buttons)

    def request_ticket(self, turn: Turn) -> None:
        """Ask the service to open the ticket; `ticket_opened` tells the user its id."""
        st = turn.state
        problem = st.problem or st.fields.get("problem", "")
        subject = problem.splitlines()[0] if problem else ""
        if len(subject) > SUBJECT_CHARS:
            subject = subject[: SUBJECT_CHARS - 1].rstrip() + "…"
        if not subject and st.topic:
            article = self._article(st.topic)
            subject = article.title_for(turn.lang) if article else st.topic
        given = [f for f in TICKET_FIELDS if st.fields.get(f)]  # the call-back number too
        turn.emit(
            TicketRequested(
                topic=st.topic,
                group=st.group or self.routing.default.value,
                priority=st.priority or Priority.P3.value,
                level=Level.L1.value,
                fields={f: st.fields[f] for f in given},
                sources={f: st.sources[f] for f in given if st.sources.get(f)},
                subject=subject,
                reason=st.reason or "no_answer",
                language=turn.lang,
                follows=st.follows,
            )
        )
        st.phase, st.asking, st.follows = Phase.TICKET, "", ""

    def _ticket(self, turn: Turn, msg: InboundMessage) -> None:
        """A ticket is open: the message goes to it, unless the user starts a new request."""
        st, text = turn.state, msg.text.strip()
        if msg.payload == NEW_REQUEST or (text and is_new_request(text)):
            st.start_flow()
            turn.say("new_request")
        elif text and asks_for_person(turn.reading(text)):
            turn.say("ticket_already_with_person", ticket_id=st.ticket_id)
        elif text and st.ticket_id and says_it_is_solved(text):
            # "fixed it myself, thanks": the open ticket is resolved, as its card's "solved"
            # button does; the service tells the user and asks the rating
            turn.emit(SolvedByUser(ticket_id=st.ticket_id))
        else:
            new = turn.button("btn_new_request", NEW_REQUEST)
            turn.say("ticket_note_added", new, ticket_id=st.ticket_id)

    def _classify(self, turn: Turn, article: ArticleLike | None, *, confident: bool = True) -> None:
        """Topic, group and priority of the ticket this conversation may become."""
        st = turn.state
        st.topic = article.id if article is not None else ""
        problem = read_head(st.problem)
        statement = problem_statement(problem)
        if not self.routing.votes(statement):
            # "…пишу про один и тот же ноутбук. Он выключается сам": the statement names what
            # broke by a pronoun; the thing is in a clause it leaves out, not the default group
            statement = problem
        st.group = self.routing.group_for(
            article, statement, confident=confident, whole=problem
        ).value
        st.priority = self.priorities.assess(turn.reading(problem), st.topic).priority.value
        folder_as_product(st.fields, st.sources, st.topic)

    @staticmethod
    def _pressing(turn: Turn) -> bool:
        """A P1 with someone kept waiting on it or its time close ahead ("машины стоят в
        очереди", "the show starts in ten minutes"): after self-help failed it gets the urgent
        checklist, as when self-help was skipped. Money or goods named alone ("the receipt
        printer at exchange window 3") keep every open field asked."""
        st = turn.state
        if st.priority != Priority.P1.value:
            return False
        return read_impact(turn.reading(read_head(st.problem))).pressing

    def _reads_urgent(self, turn: Turn, text: str) -> bool:
        """Whether a later message alone reads as P1 (many stopped, something at stake)."""
        return self.priorities.assess(turn.reading(text)).priority is Priority.P1

    def _reply_urgent(self, turn: Turn, text: str) -> bool:
        """A reply that is P1 alone, or that adds who is stopped or what is at stake to the
        problem's stop ("нет, а у нас очередь покупателей" after "не печатает касса")."""
        if self.priorities.assess(turn.reading(text)).reason in ("many_stopped", "urgent"):
            return True
        # what is at stake said alone, beside the stop already told; a reply with a stop of
        # its own is read for many only ("Вилітає при відкритті графіку водіїв" names whose
        # rota, not drivers kept waiting)
        reading = turn.reading(text)
        adds = names_a_stake(reading) and not read_impact(reading).stopped
        return adds and self._reads_urgent(turn, f"{turn.state.problem}\n{text}")

    @staticmethod
    def _raise_priority(turn: Turn, urgent: bool) -> None:
        if urgent:
            turn.state.priority = Priority.P1.value


def _next_field(turn: Turn) -> str:
    """The checklist field to ask next, or "" when nothing is missing or the user has been
    asked as many questions as their patience allows. The network out for many, work stopped
    ("the whole office has no internet, nobody can work"), is asked no program or device
    (a Wi-Fi that "our teams can't get on" is still asked its access point)."""
    st = turn.state
    limited = st.question_limit > 0
    problem = st.problem or st.fields.get("problem", "")
    outage = (
        st.priority == Priority.P1.value
        and network_is_out(problem)
        and read_impact(turn.reading(problem)).many
    )
    missing = next_fields(
        st.fields,
        impatient=limited,
        asked=[*st.asked, "product"] if outage else st.asked,
        sources=st.sources,
        urgent=st.reason == "urgent",
    )
    if not missing or (limited and len(st.asked) >= st.question_limit):
        return ""
    return missing[0]
