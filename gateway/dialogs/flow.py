"""The support dialog itself: a new problem, self-help, the checklist and the rating.

Each public method handles one phase of `DialogState` for one inbound message and
moves the conversation on. Typed answers work everywhere buttons do. The steps live by
domain: matching.py (which article), selfhelp.py ("did it help?", choices), handover.py
(the checklist and the ticket), rating.py; this module takes a new problem and routes.
"""

from __future__ import annotations

import re

from gateway.dialogs.answers import is_small_talk
from gateway.dialogs.checklist import fill
from gateway.dialogs.extract import read_head
from gateway.dialogs.extract.product import names as product_names
from gateway.dialogs.follows import carry_facts
from gateway.dialogs.handover import Handover
from gateway.dialogs.matching import Hint, Matching, top_article
from gateway.dialogs.payloads import (
    DUNNO,
    FAQ_PREFIX,
    NEW_REQUEST,
    NO,
    NONE_OF_THESE,
    SKIP,
    YES,
    payload_rating,
)
from gateway.dialogs.ports import Knowledge
from gateway.dialogs.problem import without_instead, without_tone, without_working
from gateway.dialogs.rating import Rating
from gateway.dialogs.selfhelp import SelfHelp
from gateway.dialogs.state import DialogState, Phase
from gateway.dialogs.turn import Turn
from gateway.knowledge.morphology import is_dictionary_word
from gateway.models import InboundMessage, Priority
from gateway.texts import LANGUAGES
from gateway.triage.language import detect_language, reply_language
from gateway.triage.mood import HandoffSignal, describes_problem, detect_handoff
from gateway.triage.priority import PriorityRules
from gateway.triage.routing import Routing

REPEATED_FAILURES = 2  # articles that did not help before self-help is skipped
# Phases that wait for the user's answer: an edit of an earlier message answers none of them.
ANSWERED_PHASES = frozenset(
    {Phase.CONFIRM, Phase.CHOOSE, Phase.CHECKLIST, Phase.CSAT_SCORE, Phase.CSAT_COMMENT}
)


class SupportFlow(Matching, SelfHelp, Handover, Rating):
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
            return payload_rating(payload) is not None
        if phase == Phase.CSAT_COMMENT:
            return payload == SKIP
        return False

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
        if turn.unread:  # what was not read is the ticket's all the same
            st.fields["problem"] = text + turn.unread
        carry_facts(st.fields, st.sources, turn.followed)
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
        not_its = None if signal or more else self.routing.not_its(read_head(text))
        if signal:
            self.to_person(turn, signal.reason, top_article(match), confident=confident)
        elif not_its is not None:
            # a coffee machine, a treadmill, a sewing machine, a tram stop's machine that
            # took the writer's coins: whose it is, and no ticket (the user may still insist)
            self._point_elsewhere(turn, text, not_its)
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
        elif (
            unclear
            or len(st.fields) > 1
            or self.routing.recognises(text)
            or self.routing.tells_a_device(text)
        ):
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

    def follow_language(self, turn: Turn, text: str) -> None:
        """Answer in the language of the last message when it clearly shows one."""
        if not turn.state.language_locked and not _courtesy_kept(turn.state.language, text):
            st = turn.state
            pasted = st.phase == Phase.CHECKLIST and st.asking == "error"
            named = st.phase == Phase.CHECKLIST and st.asking == "product"
            st.language = reply_language(text, turn.lang, screen_text=pasted, name_asked=named)

    def detect_language(self, turn: Turn, text: str, hint: str = "") -> None:
        """Follow the language the user writes in, unless they chose one with /lang. A
        Russian or Ukrainian conversation keeps its language for a name, a code or a word
        typed in every language ("Outlook?", "VPN", "Windows 10"): only a message that
        clearly shows another switches it, as in the middle of a flow."""
        st = turn.state
        if st.language_locked or _courtesy_kept(st.language, text):
            return
        if st.language in ("ru", "uk"):
            kept = reply_language(text, st.language)
            if kept == st.language and _more_than_a_name(text):
                kept = reply_language(text, "en")  # "any update?": English, unless translit
            st.language = kept
            return
        default = st.language or _hinted(hint) or self.default_language
        st.language = detect_language(text, default=default)

    @staticmethod
    def take_language_hint(turn: Turn, hint: str) -> None:
        """A conversation with no language yet takes the one the channel says the user's
        app speaks, when the message has no words to read it from (a screenshot, a voice
        message): it is answered in that language, not in the desk's default."""
        st = turn.state
        if not st.language and not st.language_locked and (hinted := _hinted(hint)):
            st.language = hinted

    def abandon(self, turn: Turn) -> bool:
        """Drop the flow in progress (a given rating is already stored); False if none."""
        st = turn.state
        busy = st.phase not in (Phase.IDLE, Phase.TICKET)
        if busy:
            st.start_flow()
        return busy


def _no_problem_said(signal: HandoffSignal, text: str, routing: Routing) -> bool:
    """Whether a request for a person, or anger alone, says nothing of what is broken
    ("pls give me real person. no bot", "людину, не бота", "ДА СКОЛЬКО МОЖНО!!!"); an angry
    word beside a thing named ("задолбали, впн") names the problem."""
    if signal.reason == "asked_for_person":
        return not describes_problem(text)
    return signal.reason == "upset" and not describes_problem(text) and not routing.recognises(text)


def _courtesy_kept(language: str, text: str) -> bool:
    """A courtesy in Latin letters in a Russian or Ukrainian conversation: a message the bot
    reads as small talk, a greeting or a short thanks ("thank you", "ok, thank you", "good
    morning", "thanks a lot"). Its speakers type those in English as they type "ok": no
    switch of language."""
    return language in ("ru", "uk") and not _CYRILLIC.search(text) and bool(is_small_talk(text))


def _more_than_a_name(text: str) -> bool:
    """A message of Latin words, two or more, not all of them names or model codes: "any
    update?", "Zoom crashes", "unlock user7" (not "Outlook?", "Windows 10", "SAP GUI", "VPN
    Cisco", "Kyocera FS-1040": a name the product reader does not know whole is still a name)."""
    words = _LATIN_WORD.findall(text)
    if len(words) < 2 or _CYRILLIC.search(text):
        return False
    named = set(re.split(r"[\s()-]+", " ".join(product_names(text)).lower()))
    return not all(word.lower() in named or _written_as_a_name(word) for word in words)


def _written_as_a_name(word: str) -> bool:
    """A model code ("FS-1040", "M404dn") or a word written as a name that no English
    dictionary knows ("VPN", "CRM", "Kyocera"): a name, whatever the language around it. A
    word of the message ("unlock" of "unlock user7", "Any" of "Any update?") is none."""
    if any(c.isdigit() for c in word):
        return True
    return word[:1].isupper() and not is_dictionary_word(word.lower().strip("'"), "en")


# A word begun with a Latin letter, digits and hyphens in it too ("user7", "FS-1040"):
# "unlock user7" is two words, "Kyocera FS-1040" a name and its model's code
_LATIN_WORD = re.compile(r"(?<![\w-])[A-Za-z](?:[A-Za-z0-9']|-(?=\w))+(?![\w-])")
_CYRILLIC = re.compile(r"[а-яёіїєґА-ЯЁІЇЄҐ]")


def _hinted(hint: str) -> str:
    """The language a channel's hint names ("uk-UA" -> "uk"), if it is one we answer in."""
    lang = hint[:2].lower()
    return lang if lang in LANGUAGES else ""
