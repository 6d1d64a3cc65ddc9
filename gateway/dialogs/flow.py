"""The support dialog itself: a new problem, self-help, the checklist and the rating.

Each public method handles one phase of `DialogState` for one inbound message and
moves the conversation on. Typed answers work everywhere buttons do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gateway.dialogs.answers import (
    is_bare_score,
    is_new_request,
    is_none_of_these,
    is_skip,
    is_small_talk,
    parse_number,
    parse_rating,
    parse_yes_no,
    sounds_grateful,
)
from gateway.dialogs.checklist import (
    fill,
    missing_fields,
    next_fields,
    question,
)
from gateway.dialogs.events import (
    ArticleNotHelped,
    ChecklistQuestion,
    CsatCommented,
    CsatRecorded,
    CsatRequest,
    FaqAnswered,
    FaqChoices,
    Handoff,
    Resolved,
    TicketRequested,
)
from gateway.dialogs.extract import read_head
from gateway.dialogs.other_problem import other_problem
from gateway.dialogs.ports import ArticleLike, CandidateLike, Knowledge, MatchLike
from gateway.dialogs.problem import (
    problem_halves,
    problem_readings,
    problem_statement,
    without_instead,
    without_names,
    without_tone,
    without_working,
)
from gateway.dialogs.state import DialogState, Phase
from gateway.dialogs.turn import Turn
from gateway.models import TICKET_FIELDS, Button, InboundMessage, Level, Priority, SupportGroup
from gateway.texts import LANGUAGES
from gateway.triage.impact import crowd_at_a_counter, read_impact
from gateway.triage.language import detect_language, reply_language
from gateway.triage.mood import (
    HandoffSignal,
    asks_for_person,
    describes_problem,
    detect_handoff,
)
from gateway.triage.priority import PriorityAssessment, PriorityRules, names_a_stake
from gateway.triage.routing import Routing

# Button payloads: stable strings that come back in `InboundMessage.payload`.
YES, NO, DUNNO, SKIP, NEW_REQUEST = "yes", "no", "dunno", "skip", "new"
FAQ_PREFIX, CSAT_PREFIX = "faq:", "csat:"
CSAT_REQUEST = "csat_request"  # the purpose of the rating question, for template channels
NONE_OF_THESE = FAQ_PREFIX + "none"

MAX_CHOICES = 3
REPEATED_FAILURES = 2  # articles that did not help before self-help is skipped
DETAIL_WORDS = 4  # an unparseable answer this long is treated as more detail
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
OUTCOME_RANK = {"answer": 2, "choices": 1}
# Phases that wait for the user's answer: an edit of an earlier message answers none of them.
ANSWERED_PHASES = frozenset(
    {Phase.CONFIRM, Phase.CHOOSE, Phase.CHECKLIST, Phase.CSAT_SCORE, Phase.CSAT_COMMENT}
)

# Two of the problem statement's choices this close in score (0-100) both count as what it
# leans to: about the margin under which the fitted decision calls two articles competing
# (decision.json "compete", 0.045-0.048 of the rank score).
LEAN_BAND = 5.0


class SupportFlow:
    """Moves one conversation through self-help and the checklist, message by message."""

    def __init__(
        self,
        knowledge: Knowledge,
        routing: Routing,
        priorities: PriorityRules,
        outage_topic: str,
        default_language: str,
    ) -> None:
        self.knowledge = knowledge
        self.routing = routing
        self.priorities = priorities
        self.outage_topic = outage_topic
        self.default_language = default_language

    def handle(self, turn: Turn, msg: InboundMessage) -> None:
        """Route the message to the handler of the phase the conversation is in."""
        if msg.kind == "edited" and turn.state.phase in ANSWERED_PHASES:
            self._edited(turn, msg)
            return
        if turn.state.phase != Phase.IDLE and msg.text.strip():
            self.follow_language(turn, msg.text)
        handlers = {
            Phase.CONFIRM: self._confirm,
            Phase.CHOOSE: self._choose,
            Phase.CHECKLIST: self._checklist,
            Phase.TICKET: self._ticket,
            Phase.CSAT_SCORE: self._csat_score,
            Phase.CSAT_COMMENT: self._csat_comment,
        }
        handlers.get(turn.state.phase, self.new_problem)(turn, msg)

    @staticmethod
    def _edited(turn: Turn, msg: InboundMessage) -> None:
        """A message the user edited while the bot waits for an answer: it is no answer (the
        question stays, unanswered, its buttons on screen), but the facts it adds are kept."""
        text = msg.text.strip()
        if text:
            fill(turn.state.fields, turn.state.sources, text, "edited message")

    @staticmethod
    def expects(state: DialogState, payload: str) -> bool:
        """Whether a pressed button still means something: it is among the buttons shown
        last, or answers what the conversation waits for now. Anything else is stale."""
        if payload in state.buttons:
            return True
        phase = state.phase
        if phase == Phase.CONFIRM:
            return payload in (YES, NO)
        if phase == Phase.CHOOSE:
            return payload == NONE_OF_THESE or payload.removeprefix(FAQ_PREFIX) in state.offered
        if phase == Phase.CHECKLIST:
            return payload == DUNNO
        if phase == Phase.TICKET:
            return payload == NEW_REQUEST
        if phase == Phase.CSAT_SCORE:
            return _payload_rating(payload) is not None
        if phase == Phase.CSAT_COMMENT:
            return payload == SKIP
        return False

    # --- a new problem -------------------------------------------------------------------

    def new_problem(self, turn: Turn, msg: InboundMessage) -> None:
        """Take a fresh problem: self-help when it can work, else straight to a person."""
        st, text = turn.state, msg.text.strip()
        if not text:
            turn.say("text_only" if msg.attachments else "greet_reply")
            return
        self.detect_language(turn, text, msg.language_hint)
        small_talk = is_small_talk(text)
        if small_talk:
            turn.say("greet_reply" if small_talk == "greeting" else "thanks_reply")
            return
        unclear, st.unclear = st.unclear, ""
        st.start_flow(text)
        fill(st.fields, st.sources, text, "first message")
        signal = detect_handoff(turn.reading(text))
        if signal is None and st.failed_answers >= REPEATED_FAILURES:
            signal = HandoffSignal("repeated_failure")
        if signal and _no_problem_said(signal, text, self.routing):
            # "the lift is stuck", then "I need someone from support": the first is the problem;
            # "людину, не бота" or "СКОЛЬКО МОЖНО" alone says nothing broken: it is asked
            st.problem = unclear
            st.fields.pop("problem", None)
            if unclear:
                st.fields["problem"] = unclear
            self.to_person(turn, signal.reason, None)
            return
        if signal and unclear:
            st.problem = st.fields["problem"] = f"{unclear}\n{text}"
        self._take(turn, text, signal, unclear=unclear)

    def _take(
        self,
        turn: Turn,
        text: str,
        signal: HandoffSignal | None,
        *,
        unclear: str = "",
        more: bool = False,
    ) -> None:
        """Decide what to do with the problem `text`: a person, an article, choices, or a
        question. `more` is a problem told again with more detail, after the articles
        offered for it: it is IT's already, and nothing is guessed for it twice."""
        st = turn.state
        urgency = self.priorities.assess(turn.reading(read_head(text)))
        match = self._match(text, turn.lang)
        match = self._outage_read(match, urgency, text, turn.lang)
        top = match.candidates[0] if match.candidates and match.outcome != "none" else None
        confident = match.outcome == "answer"
        if signal:
            self.to_person(turn, signal.reason, _top_article(match), confident=confident)
        elif urgency.priority is Priority.P1 and not self._help_first(match, urgency):
            article = self._urgent_article(match, urgency.reason, text)
            # the outage topic chosen for a mass stop is a decision, not a guess: its group holds
            outage = article is not None and article.id == self.outage_topic
            self.to_person(turn, "urgent", article, confident=confident or outage)
        elif match.outcome == "answer" and top:
            self._offer_article(turn, top.article, top.score)
        elif match.outcome == "choices" and top and not more:
            self._offer_choices(turn, match)
        elif more:
            self.to_person(turn, "no_answer", None)
        elif match.elsewhere is not None and not self.routing.recognises(text):
            self._point_elsewhere(turn, text, match.elsewhere)
        elif unclear or len(st.fields) > 1 or self.routing.recognises(text):
            if unclear:
                st.problem = st.fields["problem"] = f"{unclear}\n{text}"
            # No ready answer: as a first-line engineer would, name the nearest articles
            # and ask to be told more, before any question of the checklist. Not when the
            # nearest is the outage topic: that is taken only for a stop that reads as urgent
            # ("CRM is down" said alone), and what follows it is no nearer.
            guesses = self.knowledge.guesses(
                without_instead(without_working(without_tone(read_head(st.problem)))), turn.lang
            )
            if guesses and guesses[0].article.id != self.outage_topic:
                near = Hint(tuple(c for c in guesses if c.article.id != self.outage_topic))
                self._offer_choices(turn, near, intro="guesses_intro")
            else:
                self.to_person(turn, "no_answer", None)
        else:  # nothing IT-like: ask once for more before making a ticket of it
            st.start_flow()
            st.unclear = text
            turn.say("clarify")

    def _point_elsewhere(self, turn: Turn, text: str, service: str) -> None:
        """Plainly another service's question (pay, the lift, lunch): say whose, and ask
        for the IT problem if there is one. No ticket: one is made only if the user
        insists or goes on with something that is not plainly someone else's."""
        st = turn.state
        st.start_flow()
        st.unclear = text
        if service:
            turn.say("elsewhere", service=turn.text(f"service_{service}"))
        else:
            turn.say("elsewhere_anyone")

    def _match(self, text: str, lang: str) -> MatchLike:
        """The match of the message (`_match_parts`), unless it is owed to the names of the
        things it speaks of alone: "планшет Samsung Galaxy Tab A8 на Android 13 відвалюється
        від вайфаю" is the Wi-Fi, not mail on a phone that "Samsung" and "Android" suggest.
        The problem without the names decides when it answers one of the articles nearest
        the whole message."""
        match = self._match_parts(text, lang)
        head = without_instead(without_working(without_tone(read_head(text))))
        free = without_names(head)
        if not free or match.outcome == "none":
            return match
        other = self.knowledge.match(free, lang)
        if other.outcome != "answer" or _top_id(other) == _top_id(match):
            return match
        # … among the articles nearest the whole message: the names took it elsewhere, they
        # did not hide another problem (a message that matches nothing whole is left as it is,
        # and one answered whole is left to an answer surer than its own)
        whole = self.knowledge.match(head, lang)
        if whole.outcome == "none":
            return match
        near = whole.candidates
        if whole.outcome == "answer" and other.candidates[0].score > whole.candidates[0].score:
            near = self.knowledge.guesses(head, lang)
        return other if _top_id(other) in {c.article.id for c in near[:MAX_CHOICES]} else match

    def _match_parts(self, text: str, lang: str) -> MatchLike:
        """Match the message, or its problem statement when the facts around it get in the way.

        The statement is the problem with what the screen says, less the facts around it
        (what was tried, since when, the system, the codes). It decides when it is answered
        on its own: "… вылетает при отчёте. Началось после обновления" is a crash, whatever
        the update in the context suggests. It does not overrule a whole message that says
        the same problem with more ("Принтер не печатает, пишет замятие бумаги" is the jam,
        though "не печатает" alone is the printer offline): `_said_more`.
        """
        text = without_instead(without_working(without_tone(read_head(text))))
        match = self.knowledge.match(text, lang)
        readings = problem_readings(text)
        # A part of the message may sharpen the whole one's choices, not contradict them:
        # "третий день не работает почта" offers mail topics; its clause alone must not
        # turn it into a scanner answer.
        offered = (
            {c.article.id for c in match.candidates[:MAX_CHOICES]}
            if match.outcome == "choices"
            else None
        )
        if readings and readings[0] == problem_statement(text):
            statement = self.knowledge.match(readings[0], lang)
            if statement.outcome == "answer" and _agrees(statement, offered):
                if self._said_more(match, readings[0], lang):
                    return match
                return statement
            if match.outcome == "answer" and statement.outcome == "choices":
                # The context answered ("перезагружала" → an update topic) while the problem
                # alone leans elsewhere: a sentence of the problem that answers that wins.
                # It leans to its first choice and any as close as two competing articles
                # ("не запускается CorelDRAW …: вылезает ошибка и окно закрывается": crash
                # 29.4 and won't start 29.3), other than the context's answer.
                best = statement.candidates[0].score - LEAN_BAND
                lean = {c.article.id for c in statement.candidates if c.score >= best}
                lean.discard(_top_id(match))
                if _top_id(match) != statement.candidates[0].article.id:
                    for reading in readings[1:]:
                        other = self.knowledge.match(reading, lang)
                        if other.outcome == "answer" and _top_id(other) in lean:
                            return other
        if match.outcome == "answer":
            return match
        # Of the parts that agree with the whole's choices, one that answers the whole's
        # first choice wins over a louder answer for a later choice (a quoted message).
        lean = _top_id(match) if match.outcome == "choices" else None
        for reading in readings:
            other = self.knowledge.match(reading, lang)
            if _agrees(other, offered) and _leaning(other, lean) > _leaning(match, lean):
                match = other
        if match.outcome == "none":  # the problem may be one half of a joined clause
            for half in problem_halves(text):
                other = self.knowledge.match(half, lang)
                # a half is a hint, never a confident answer on its own
                if other.outcome != "none" and _strength(other) > _strength(match):
                    match = Hint(tuple(other.candidates))
        return match

    def _said_more(self, match: MatchLike, statement: str, lang: str) -> bool:
        """Whether the whole message's answer is the statement's own problem with more said:
        the statement alone leans to it as much as to its answer (the facts around it told
        which), so it cannot overrule it. An answer the statement does not lean to came from
        the context ("since the Windows update, Teams crashes" is no update problem)."""
        if match.outcome != "answer" or not match.candidates:
            return False
        near = self.knowledge.guesses(statement, lang)
        if not near or near[0].article.id == _top_id(match):
            return bool(near)
        best = float(near[0].score) - LEAN_BAND
        return any(c.article.id == _top_id(match) and float(c.score) >= best for c in near)

    def follow_language(self, turn: Turn, text: str) -> None:
        """Answer in the language of the last message when it clearly shows one."""
        if not turn.state.language_locked:
            st = turn.state
            pasted = st.phase == Phase.CHECKLIST and st.asking == "error"
            st.language = reply_language(text, turn.lang, screen_text=pasted)

    def detect_language(self, turn: Turn, text: str, hint: str = "") -> None:
        """Follow the language the user writes in, unless they chose one with /lang."""
        st = turn.state
        if st.language_locked:
            return
        hinted = hint[:2].lower() if hint[:2].lower() in LANGUAGES else ""
        st.language = detect_language(text, default=st.language or hinted or self.default_language)

    def _outage_read(
        self, match: MatchLike, urgency: PriorityAssessment, text: str, lang: str
    ) -> MatchLike:
        """The outage topic only for a message that reads as urgent: "the printer on floor 2
        has been offline all week" is the printer, whatever words it shares with the outage
        article. A guess of it (choices, a hint) is kept only for work stopped for many: one
        person's deadline is no outage ("The warehouse can't print shipping labels and the
        courier picks up at 3" is the printer's). The other candidates (of the whole
        message, when the answer had none) stay, as a hint."""
        if _top_id(match) != self.outage_topic or match.outcome == "none":
            return match
        # a crowd kept waiting at one station is no outage: "программа выдачи светильников
        # перестала работать, смена 120 человек стоит у окна" is that station's program
        crowd = urgency.reason == "at_stake" and crowd_at_a_counter(read_head(text))
        if urgency.priority is Priority.P1 and not crowd and (
            match.outcome == "answer" or urgency.reason == "many_stopped"
        ):
            return match
        rest = _without(match, self.outage_topic)
        if not rest:
            rest = _without(self.knowledge.match(read_head(text), lang), self.outage_topic)
        return Hint(rest) if rest else Hint((), "none")

    def _help_first(self, match: MatchLike, urgency: PriorityAssessment) -> bool:
        """Whether an urgent problem still gets its self-help answer first: one station's
        fault with something at stake ("the receipt printer at exchange window 3 won't
        print", "a full book of paid sessions and the till app won't open") when an article
        answers it with steps a user can take. The ticket keeps P1 if they do not help, and
        the reply to "did it help?" is read for every fact. Work stopped for many, or said
        to be urgent, goes to a person at once."""
        top = match.candidates[0] if match.candidates else None
        return (
            urgency.reason == "at_stake"
            and match.outcome == "answer"
            and top is not None
            and top.article.kind != "escalate"
            and top.article.id != self.outage_topic
        )

    def _urgent_article(self, match: MatchLike, why: str, text: str) -> ArticleLike | None:
        """A service stopped for many is the outage topic, whichever article the matcher
        leans to; devices stopped for many ("all the label printers jam") stay their device's
        topic, and so does any other urgency: what is broken is the topic."""
        top = _top_article(match)
        statement = problem_statement(read_head(text))
        if why == "many_stopped" and self.routing.shared_printer(statement):
            # "nobody in the office can print, the HP says 'Offline'": the printer's topic,
            # not the outage the matcher may lean to; none left, the device's words route
            rest = _without(match, self.outage_topic)
            return rest[0].article if rest else None
        if why != "many_stopped":
            return top
        if self.routing.names_a_device(statement):
            if top is None or top.id != self.outage_topic:
                return top
            # "the door panel flashes red for everybody": a device's topic among the others,
            # not the outage the matcher leans to; none, the device's words route
            devices = [
                c.article
                for c in _without(match, self.outage_topic)
                if str(getattr(c.article, "group", "")) == SupportGroup.HARDWARE.value
            ]
            return devices[0] if devices else None
        if self.priorities.assess(statement).reason != "many_stopped":
            return top  # many named beside the problem ("у нас 10 человек, а у меня …")
        return self.knowledge.article(self.outage_topic) or top

    # --- self-help -----------------------------------------------------------------------

    def _offer_article(self, turn: Turn, article: ArticleLike, score: float) -> None:
        st = turn.state
        answer = article.answer_for(turn.lang)
        if article.kind == "escalate" or not answer:
            self.to_person(turn, "escalate_topic", article)
            return
        self._classify(turn, article)
        st.phase, st.offered = Phase.CONFIRM, {article.id: score}
        text = turn.text("faq_answer", title=article.title_for(turn.lang), answer=answer.strip())
        if article.link:
            text += f"\n{article.link}"
        turn.send(f"{text}\n\n{turn.text('did_it_help')}", *self._yes_no(turn))
        turn.emit(FaqAnswered(topic=article.id, score=round(float(score), 1)))

    def _offer_choices(self, turn: Turn, match: MatchLike, intro: str = "choices_intro") -> None:
        st = turn.state
        st.offered = {c.article.id: float(c.score) for c in match.candidates[:MAX_CHOICES]}
        st.phase = Phase.CHOOSE
        lines = [f"{n}. {title}" for n, title in enumerate(self._titles(turn), 1)]
        turn.send(
            "\n".join([turn.text(intro), *lines, turn.text("choices_hint")]),
            *self._choice_buttons(turn),
        )
        turn.emit(FaqChoices(topics=tuple(st.offered)))

    def _confirm(self, turn: Turn, msg: InboundMessage) -> None:
        """The answer to "did this help?"."""
        st, text = turn.state, msg.text.strip()
        helped = {YES: True, NO: False}.get(msg.payload) if msg.payload else parse_yes_no(text)
        signal = detect_handoff(turn.reading(text)) if text else None
        if text and not helped:
            fill(st.fields, st.sources, text, "reply to did-it-help")
        if not helped and (signal or helped is False or len(text.split()) >= DETAIL_WORDS):
            turn.emit(ArticleNotHelped(topic=st.topic))  # every "no", whatever follows
        # who is stopped may come only now: "ні, і в усьому офісі теж немає", "no, and it's
        # the whole company": the reply raises the priority, never lowers it
        urgent = bool(text) and not helped and self._reply_urgent(turn, text)
        if signal:
            self.to_person(turn, signal.reason, self._article(st.topic))
            self._raise_priority(turn, urgent)
        elif urgent:
            self.to_person(turn, "urgent", self._article(st.topic))
            self._raise_priority(turn, urgent)
        elif not helped and text and self._another_article(turn, text):
            pass  # "нет, принтер печатает, это сканер не сканирует": that problem's article
        elif helped:
            st.failed_answers = 0
            turn.emit(Resolved(by="bot"))
            turn.say("resolved_by_bot")
            self.ask_rating(turn)
        elif helped is False or len(text.split()) >= DETAIL_WORDS:
            if helped is None:  # "it still says offline": more detail, not a yes
                st.problem = st.fields["problem"] = f"{st.problem}\n{text}".strip()
            st.failed_answers += 1
            self.to_person(turn, "not_solved", self._article(st.topic))
        else:
            turn.say("ask_yes_no", *self._yes_no(turn))

    def _another_article(self, turn: Turn, text: str) -> bool:
        """Offer the article of the problem a "no" says it is instead ("no, wifi is not the
        problem, the wired desktop has no internet at all"); False when the reply says no other
        problem, or one the knowledge base does not answer apart from the article shown.
        A "no" with facts about the same problem gets the person's questions, not an article."""
        st = turn.state
        other = other_problem(text)
        if not other:
            return False
        match = self._match(other, turn.lang)
        rest = _without(match, st.topic)
        if match.outcome == "answer" and rest and rest[0] is match.candidates[0]:
            st.problem = st.fields["problem"] = f"{other}\n{st.problem}".strip()
            self._offer_article(turn, rest[0].article, rest[0].score)
            return True
        if match.outcome == "choices" and rest:
            st.problem = st.fields["problem"] = f"{other}\n{st.problem}".strip()
            self._offer_choices(turn, Hint(rest))
            return True
        return False

    def _choose(self, turn: Turn, msg: InboundMessage) -> None:
        """The pick among offered articles: a button, a number, or "none of these"."""
        st, text = turn.state, msg.text.strip()
        topics = list(st.offered)
        picked = msg.payload[len(FAQ_PREFIX) :] if msg.payload.startswith(FAQ_PREFIX) else ""
        number = parse_number(text, len(topics)) if text else None
        if number:
            picked = topics[number - 1]
        elif text and is_none_of_these(text):
            picked = "none"
        article = self._article(picked) if picked in st.offered else None
        if picked == "none":
            self.to_person(turn, "no_answer", None)
        elif article is not None:
            self._offer_article(turn, article, st.offered[picked])
        elif text and (detect_handoff(turn.reading(text)) or len(text.split()) >= DETAIL_WORDS):
            self._more_detail(turn, text)
        else:
            turn.say("choices_again", *self._choice_buttons(turn))

    def _more_detail(self, turn: Turn, text: str) -> None:
        """A typed reply to the offered articles instead of a pick: more about the same
        problem ("нет, там пишет «сертификат недействителен», кэш уже чистил"), or a wish
        for a person. The first message stays what is broken; the reply joins it, gives
        every fact it holds, and the whole is matched again."""
        st = turn.state
        signal = detect_handoff(turn.reading(text))
        fill(st.fields, st.sources, text, "more detail")
        if describes_problem(text) or not (signal and signal.reason == "asked_for_person"):
            st.problem = st.fields["problem"] = f"{st.problem}\n{text}".strip()
        self._take(turn, st.problem, signal, more=True)

    # --- the checklist -------------------------------------------------------------------

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
        if reason in IMPATIENT_REASONS:
            st.question_limit = len(st.asked) + IMPATIENT_QUESTIONS
        # "a few quick questions first" only when one follows: a user who already gave every
        # fact is told so, not promised questions that never come
        ready = "" if ask and _next_field(st) else READY
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
        fill(st.fields, st.sources, value, f"answer to {field}", answering=field)
        if field == "problem":
            st.problem = value
            match = self._match(value, turn.lang)
            self._classify(turn, _top_article(match), confident=match.outcome == "answer")
        if field != "problem":  # an answer may say who is stopped: "у всех так"
            self._raise_priority(turn, self._reads_urgent(turn, text))
        signal = detect_handoff(turn.reading(text)) if field != "problem" else None
        if signal and signal.reason in ("asked_for_person", "upset"):
            self.request_ticket(turn)  # the user has had enough questions
        else:
            self._ask_next(turn)

    def _ask_next(self, turn: Turn) -> None:
        """Ask the next missing field, phrased for what is known; or request the ticket."""
        st = turn.state
        field = _next_field(st)
        if not field:
            self.request_ticket(turn)
            return
        st.asking = field
        st.asked.append(field)
        buttons = () if field == "problem" else (turn.button("btn_dont_know", DUNNO),)
        turn.send(question(field, st.fields, turn.texts, turn.lang).text, *buttons)
        turn.emit(ChecklistQuestion(field=field))

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
            )
        )
        st.phase, st.asking = Phase.TICKET, ""

    def _ticket(self, turn: Turn, msg: InboundMessage) -> None:
        """A ticket is open: the message goes to it, unless the user starts a new request."""
        st, text = turn.state, msg.text.strip()
        if msg.payload == NEW_REQUEST or (text and is_new_request(text)):
            st.start_flow()
            turn.say("new_request")
        elif text and asks_for_person(turn.reading(text)):
            turn.say("ticket_already_with_person", ticket_id=st.ticket_id)
        else:
            new = turn.button("btn_new_request", NEW_REQUEST)
            turn.say("ticket_note_added", new, ticket_id=st.ticket_id)

    # --- the rating ----------------------------------------------------------------------

    def ask_rating(self, turn: Turn, ticket_id: str = "") -> None:
        """Ask for a 1-5 rating of the help with `ticket_id` (none when the bot helped)."""
        turn.state.phase, turn.state.rating_ticket = Phase.CSAT_SCORE, ticket_id
        turn.emit(CsatRequest())
        turn.say("csat_ask", *self._rating_buttons(), purpose=CSAT_REQUEST)

    def _csat_score(self, turn: Turn, msg: InboundMessage) -> None:
        """The score counts as soon as it is given; the comment that may follow is optional."""
        st, text = turn.state, msg.text.strip()
        score = _payload_rating(msg.payload) or (parse_rating(text) if text else None)
        if score:
            st.csat_score, st.phase = score, Phase.CSAT_COMMENT
            turn.emit(CsatRecorded(score=score, ticket_id=st.rating_ticket))
            turn.say("csat_comment_ask", turn.button("btn_skip", SKIP))
        elif len(text.split()) >= DETAIL_WORDS - 1 or self.is_new_problem(turn, text):
            st.start_flow()  # the user moved on to something else; no rating then
            self.new_problem(turn, msg)
        else:
            turn.say("csat_again", *self._rating_buttons())

    def _csat_comment(self, turn: Turn, msg: InboundMessage) -> None:
        """A comment to the rating, unless it is a new problem: that starts a new request."""
        st, text = turn.state, msg.text.strip()
        if msg.payload != SKIP and is_bare_score(text):
            # "5" again, or "1" where the only numbers shown were the scale: the score counts
            # once (as with a score button pressed twice); neither a comment nor a skip. Where
            # buttons show as numbered text, a "1" presses "1. Skip" (the payload says so).
            turn.say("csat_already", turn.button("btn_skip", SKIP), score=st.csat_score)
            return
        if msg.payload != SKIP and text and self.is_new_problem(turn, text):
            st.start_flow()
            self.new_problem(turn, msg)
            return
        if msg.payload != SKIP and text and not is_skip(text):
            turn.emit(CsatCommented(comment=text, ticket_id=st.rating_ticket))
        turn.say("csat_thanks")
        st.start_flow()

    def is_new_problem(self, turn: Turn, text: str) -> bool:
        """Whether a message after a rating describes a new problem rather than feedback:
        the knowledge base knows it, or it names something support handles, or it says the
        trouble is back. Thanks and praise stay feedback."""
        if is_small_talk(text) or sounds_grateful(text):
            return False
        signal = detect_handoff(turn.reading(text))
        if signal is not None and signal.reason != "upset":
            return True
        if self.routing.recognises(text):
            return True
        return self.knowledge.match(text, turn.lang).outcome == "answer"

    def abandon(self, turn: Turn) -> bool:
        """Drop the flow in progress (a given rating is already stored); False if none."""
        st = turn.state
        busy = st.phase not in (Phase.IDLE, Phase.TICKET)
        if busy:
            st.start_flow()
        return busy

    # --- helpers -------------------------------------------------------------------------

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

    def _article(self, topic: str) -> ArticleLike | None:
        return self.knowledge.article(topic) if topic else None

    def _titles(self, turn: Turn) -> list[str]:
        titles = []
        for topic in turn.state.offered:
            article = self._article(topic)
            titles.append(article.title_for(turn.lang) if article else topic)
        return titles

    def _choice_buttons(self, turn: Turn) -> list[Button]:
        buttons = [
            Button(label=f"{n}. {title}", payload=FAQ_PREFIX + topic)
            for n, (topic, title) in enumerate(
                zip(turn.state.offered, self._titles(turn), strict=True), 1
            )
        ]
        return [*buttons, turn.button("btn_none", NONE_OF_THESE)]

    @staticmethod
    def _yes_no(turn: Turn) -> tuple[Button, Button]:
        return turn.button("btn_yes", YES), turn.button("btn_no", NO)

    @staticmethod
    def _rating_buttons() -> list[Button]:
        return [Button(label=str(n), payload=f"{CSAT_PREFIX}{n}") for n in range(1, 6)]


def _next_field(st: DialogState) -> str:
    """The checklist field to ask next, or "" when nothing is missing or the user has been
    asked as many questions as their patience allows."""
    limited = st.question_limit > 0
    missing = next_fields(
        st.fields,
        impatient=limited,
        asked=st.asked,
        sources=st.sources,
        urgent=st.reason == "urgent",
    )
    if not missing or (limited and len(st.asked) >= st.question_limit):
        return ""
    return missing[0]


def _top_article(match: MatchLike) -> ArticleLike | None:
    """The best candidate's article, unless nothing matched."""
    if match.outcome == "none" or not match.candidates:
        return None
    return match.candidates[0].article


def _top_id(match: MatchLike) -> str:
    return match.candidates[0].article.id if match.candidates else ""


def _without(match: MatchLike, topic: str) -> tuple[CandidateLike, ...]:
    """The candidates of a match that found something, but `topic`."""
    if match.outcome == "none":
        return ()
    return tuple(c for c in match.candidates if c.article.id != topic)


def _agrees(match: MatchLike, offered: set[str] | None) -> bool:
    """Whether `match` keeps within the topics the whole message offered (if it offered any):
    an answer or choices led by another topic ("все одно пише" → mail) would contradict it."""
    if offered is None or match.outcome == "none" or not match.candidates:
        return True
    return match.candidates[0].article.id in offered


@dataclass(frozen=True)
class Hint:
    """A match taken as a hint only: its candidates are offered, never answered outright."""

    candidates: tuple[CandidateLike, ...]
    outcome: str = "choices"
    elsewhere: str | None = None


def _leaning(match: MatchLike, lean: str | None) -> tuple[int, bool, float]:
    """`_strength`, with an answer for the article the whole message leans to first."""
    rank, score = _strength(match)
    return rank, match.outcome == "answer" and _top_id(match) == lean, score


def _strength(match: MatchLike) -> tuple[int, float]:
    """How decisive a match is: answer over choices over none, then the top score."""
    top = float(match.candidates[0].score) if match.candidates else 0.0
    return OUTCOME_RANK.get(match.outcome, 0), top if match.outcome != "none" else 0.0


def _payload_rating(payload: str) -> int | None:
    found = re.fullmatch(rf"{CSAT_PREFIX}([1-5])", payload)
    return int(found.group(1)) if found else None


def _no_problem_said(signal: HandoffSignal, text: str, routing: Routing) -> bool:
    """Whether a request for a person, or anger alone, says nothing of what is broken
    ("pls give me real person. no bot", "людину, не бота", "ДА СКОЛЬКО МОЖНО!!!"); an angry
    word beside a thing named ("задолбали, впн") names the problem."""
    if signal.reason == "asked_for_person":
        return not describes_problem(text)
    return signal.reason == "upset" and not describes_problem(text) and not routing.recognises(text)
