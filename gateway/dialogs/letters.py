"""The dialog when every reply is a letter (e-mail): slow, so nothing is asked twice.

A new letter becomes a ticket at once; the one reply carries the ticket number, the
knowledge-base answer when the match is confident (with "reply 'solved'"), and every
checklist question still open, together. A later letter on the same ticket fills the
fields it answers, or closes the ticket when it says it is solved; it gets no reply of
its own, so two robots cannot keep a conversation going. Ratings come from the signed
links in the letter (or a number in a reply) and are recorded without a reply.
"""

from __future__ import annotations

import re

from gateway.dialogs.answers import (
    is_small_talk,
    parse_rating,
    says_it_is_solved,
    says_it_works_now,
    skips_rating,
)
from gateway.dialogs.checklist import fill, open_questions
from gateway.dialogs.events import (
    CsatCommented,
    CsatRecorded,
    FaqAnswered,
    SolvedByUser,
    TicketDetailsGiven,
)
from gateway.dialogs.flow import SupportFlow
from gateway.dialogs.follows import carry_facts
from gateway.dialogs.payloads import CSAT_PREFIX, payload_rating
from gateway.dialogs.ports import ArticleLike
from gateway.dialogs.state import Phase
from gateway.dialogs.turn import Turn
from gateway.mail_subjects import clean_subject
from gateway.models import InboundMessage, Priority, Ticket

COMMENT_PAYLOAD = "csat:comment"
SOLVED = re.compile(
    r"^\W*(solved|resolved|fixed|it works|works now|problem solved|all good|"
    r"решено|решён\w*|решилось|помогло|заработал\w*|всё работает|все работает|"
    r"вирішено|вирішен\w*|допомогло|запрацювал\w*|все працює)\b",
    re.IGNORECASE,
)


def says_solved(text: str) -> bool:
    """The first words of the letter, after a greeting, say the problem is solved ("Решено",
    "Managed to fix it myself, thanks", "Добрий день! Вже полагодили, дякую"; not "не
    помогло")."""
    sentences = (
        s.strip() for line in _unquoted(text).splitlines() for s in _SENTENCE.findall(line)
    )
    first = next((s for s in sentences if s and is_small_talk(s) != "greeting"), "")
    return bool(SOLVED.match(first)) or says_it_is_solved(first)


# A sentence of a line: "Починили, спасибо!" of "Добрый день. Починили, спасибо! А ещё …"
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


class LetterFlow:
    """One letter in, at most one letter out."""

    def __init__(self, flow: SupportFlow) -> None:
        self.flow = flow

    def handle(self, turn: Turn, msg: InboundMessage) -> None:
        phase = turn.state.phase
        if msg.payload.startswith(CSAT_PREFIX):
            # A rating link or its page's comment is a rating, never a letter: one of an
            # earlier resolution's letter, confirmed after the rating asked last was given
            # (or while a new request is open), changes nothing. It opened a ticket "5".
            if phase in (Phase.CSAT_SCORE, Phase.CSAT_COMMENT):
                self._rating(turn, msg)
            return
        if phase == Phase.TICKET and self._ticket(turn):
            self._follow_up(turn, msg)
        elif phase in (Phase.CSAT_SCORE, Phase.CSAT_COMMENT) and (
            self._rating(turn, msg)
            or self._still_broken(turn, msg)
            or self._declined(turn, msg)
            or self._thanks(turn, msg)
        ):
            return
        else:
            self.new_request(turn, msg)

    def new_request(self, turn: Turn, msg: InboundMessage) -> None:
        """Every new letter is a ticket; what it already says is not asked again."""
        st = turn.state
        # Another's thread answered ("Re: [HD-000001] Printer not printing" from a colleague,
        # or the user's own closed one) opens a new ticket: its subject names no other one.
        subject = clean_subject(msg.meta.get("subject", ""))
        text = msg.text.strip()
        whole = f"{subject}\n{text}".strip() if subject and subject not in text else text
        self.flow.detect_language(turn, whole, msg.language_hint)
        st.start_flow(whole)
        if whole:
            fill(st.fields, st.sources, whole, "first letter")
        if turn.unread:  # the letter as written is the ticket's problem, its log too
            st.fields["problem"] = whole + turn.unread
        carry_facts(st.fields, st.sources, turn.followed)
        match = self.flow.knowledge.match(whole, turn.lang) if whole else None
        found = match is not None and match.outcome != "none" and bool(match.candidates)
        top = match.candidates[0] if match is not None and found else None
        self._classify(turn, top.article if top is not None else None)
        urgent = self.flow.priorities.assess(whole).priority is Priority.P1
        confident = match is not None and match.outcome == "answer" and top is not None
        if confident and top is not None and not urgent and _answers(top.article, turn.lang):
            st.offered = {top.article.id: float(top.score)}
            turn.emit(FaqAnswered(topic=top.article.id, score=round(float(top.score), 1)))
        st.reason = "faq_offered" if st.offered else ("urgent" if urgent else "no_answer")
        st.problem = subject or text  # the ticket's subject is the letter's
        self.flow.request_ticket(turn)

    def first_reply(self, turn: Turn, ticket: Ticket, when: str) -> str:
        """The one letter for a new ticket: its number, the answer, the open questions."""
        st = turn.state
        parts = [turn.text("mail_ticket_opened", ticket_id=ticket.id, when=when)]
        for topic in st.offered:
            article = self.flow.knowledge.article(topic)
            answer = article.answer_for(turn.lang) if article is not None else None
            if article is None or not answer:
                continue
            title = article.title_for(turn.lang)
            body = turn.text("faq_answer", title=title, answer=answer.strip())
            if article.link:
                body += f"\n{article.link}"
            parts += [turn.text("mail_faq_intro"), body, turn.text("mail_solved_hint")]
        questions = open_questions(st.fields, turn.texts, turn.lang, skip=("problem",))
        if questions:
            lines = [f"{n}. {q.text}" for n, q in enumerate(questions, 1)]
            parts.append("\n".join([turn.text("mail_questions_intro"), *lines]))
        return "\n\n".join(parts)

    def _ticket(self, turn: Turn) -> Ticket | None:
        return next((t for t in turn.ctx.open_tickets if t.id == turn.state.ticket_id), None)

    def _follow_up(self, turn: Turn, msg: InboundMessage) -> None:
        ticket = self._ticket(turn)
        assert ticket is not None
        text = msg.text.strip()
        if says_solved(text):
            turn.emit(SolvedByUser(ticket_id=ticket.id))
            return
        fields, sources = dict(ticket.fields), dict(ticket.sources)
        changed = fill(fields, sources, text, "reply by mail") if text else []
        if changed:
            given = {f: fields[f] for f in changed}
            turn.emit(TicketDetailsGiven(ticket.id, given, {f: sources[f] for f in changed}))

    def _rating(self, turn: Turn, msg: InboundMessage) -> bool:
        """A score from a link or a number; a comment from the rating page. No reply."""
        st = turn.state
        if msg.payload == COMMENT_PAYLOAD:
            if msg.text.strip():
                turn.emit(CsatCommented(comment=msg.text.strip(), ticket_id=st.rating_ticket))
            st.start_flow()
            return True
        text = msg.text.strip()
        score = payload_rating(msg.payload) or (parse_rating(text) if text else None)
        if st.phase == Phase.CSAT_SCORE and score:
            st.csat_score, st.phase = score, Phase.CSAT_COMMENT
            turn.emit(CsatRecorded(score=score, ticket_id=st.rating_ticket))
            return True
        # A second click on another score changes nothing: the first one counts.
        return st.phase == Phase.CSAT_COMMENT and bool(score)

    def _still_broken(self, turn: Turn, msg: InboundMessage) -> bool:
        """A reply on the resolved ticket's thread that says its fault goes on ("Все одно не
        друкує, та сама помилка offline.", "still broken") reopens it, as the rating in a
        chat does, and so does one that tells the ticket's own fault again ("Принтер не
        друкує, помилка offline."): the thread is that ticket's. One that names another
        problem is a new request."""
        said = _unquoted(msg.text)
        if not turn.state.rating_ticket or not said:
            return False
        if not self.flow.fault_back(turn, said):
            return False
        self.flow.still_broken(turn, msg)
        return True

    def _declined(self, turn: Turn, msg: InboundMessage) -> bool:
        """A reply to the rating letter that refuses the rating ("нет, спасибо", "ні, дякую",
        "no thanks", "не надо", "nothing", a bare "нет") ends it with no score and no comment,
        as in a chat: no new request, no letter back (a letter answers no rating)."""
        st, said = turn.state, _unquoted(msg.text)
        if not said or not skips_rating(said):
            return False
        st.start_flow()  # the rating is over; the links say so, as after a new problem
        return True

    def _thanks(self, turn: Turn, msg: InboundMessage) -> bool:
        """A reply to the rating letter that thanks for the fix or says it works ("Дякую ще
        раз, принтер тепер друкує!") is a comment on the help, kept without a reply, not a
        new request; the rating's links still count. Thanks with another problem is one."""
        st, said = turn.state, _unquoted(msg.text)
        if not (st.rating_ticket or st.topic) or not said or not says_it_works_now(said):
            return False
        if self.flow.names_another(turn, said):
            return False
        turn.emit(CsatCommented(comment=said, ticket_id=st.rating_ticket))
        if st.phase == Phase.CSAT_COMMENT:
            st.start_flow()  # scored and commented: the rating is done
        return True

    def _classify(self, turn: Turn, article: ArticleLike | None) -> None:
        st = turn.state
        st.topic = article.id if article is not None else ""
        st.group = self.flow.routing.group_for(article, st.problem).value
        st.priority = self.flow.priorities.assess(st.problem, st.topic).priority.value


def _unquoted(text: str) -> str:
    """The letter's own words: the history quoted under it ("> …") is not what it says."""
    own = (line for line in text.splitlines() if not line.lstrip().startswith(">"))
    return "\n".join(own).strip()


def _answers(article: ArticleLike, lang: str) -> bool:
    return article.kind != "escalate" and bool(article.answer_for(lang))
