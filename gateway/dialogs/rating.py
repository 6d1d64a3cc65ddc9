"""The rating: a 1-5 score of the help, then an optional comment."""

from __future__ import annotations

import dataclasses

from gateway.dialogs.answers import (
    declines,
    is_bare_score,
    is_skip,
    is_small_talk,
    parse_rating,
    parse_yes_no,
    says_it_goes_on,
    says_it_works_now,
    says_still_broken,
    skips_rating,
    sounds_grateful,
    split_addition,
    tells_a_fault,
    without_fault_gone,
)
from gateway.dialogs.events import (
    CsatCommented,
    CsatRecorded,
    CsatRequest,
    ReopenRequested,
    ResolutionUndone,
)
from gateway.dialogs.payloads import CSAT_PREFIX, CSAT_REQUEST, SKIP, payload_rating
from gateway.dialogs.ports import Knowledge
from gateway.dialogs.selfhelp import DETAIL_WORDS
from gateway.dialogs.state import Phase
from gateway.dialogs.turn import Turn
from gateway.models import Button, InboundMessage
from gateway.triage.mood import detect_handoff
from gateway.triage.routing import Routing

SCORE_WORDS = 3  # a score given in words ("ставлю 4", "3 stars") is this short
# `rated_score` of a rating refused: no score, but the next message may still say the fault
# goes on ("нет", then "всё равно не работает")
RATING_REFUSED = -1


class Rating:
    """The rating steps of `SupportFlow`."""

    knowledge: Knowledge
    routing: Routing

    def ask_rating(self, turn: Turn, ticket_id: str = "") -> None:
        """Ask for a 1-5 rating of the help with `ticket_id` (none when the bot helped)."""
        turn.state.phase, turn.state.rating_ticket = Phase.CSAT_SCORE, ticket_id
        turn.emit(CsatRequest())
        turn.say("csat_ask", *self._rating_buttons(), purpose=CSAT_REQUEST)

    def _csat_score(self, turn: Turn, msg: InboundMessage) -> None:
        """The score counts as soon as it is given; the comment that may follow is optional."""
        st, text = turn.state, msg.text.strip()
        if not msg.payload and self._another_matter_beside_rating(turn, msg):
            return
        score = payload_rating(msg.payload) or (parse_rating(text) if text else None)
        if score:
            st.csat_score, st.phase = score, Phase.CSAT_COMMENT
            turn.emit(CsatRecorded(score=score, ticket_id=st.rating_ticket))
            turn.say("csat_comment_ask", turn.button("btn_skip", SKIP))
        elif self.fault_back(turn, text):
            self.still_broken(turn, msg)
        elif says_it_works_now(text) and not self.names_another(turn, text):
            # "thanks again, the printer works now": glad, not a new problem; the scale again
            turn.say("csat_glad", *self._rating_buttons())
        elif skips_rating(text):
            # "нет, спасибо", "спасибо, ничего", "no thanks", "нет": the rating is the user's
            # to give; a bare "нет" is told how to say it still fails
            turn.say("csat_declined" if declines(text) else "csat_declined_no")
            st.rated_score, st.csat_score, st.phase = RATING_REFUSED, 0, Phase.IDLE
        elif len(text.split()) >= DETAIL_WORDS - 1 or self.is_new_problem(turn, text):
            st.start_flow()  # the user moved on to something else; no rating then
            self.new_problem(turn, msg)
        else:
            turn.say("csat_again", *self._rating_buttons())

    def _csat_comment(self, turn: Turn, msg: InboundMessage) -> None:
        """A comment to the rating, unless it is a new problem: that starts a new request."""
        st, text = turn.state, msg.text.strip()
        if msg.payload != SKIP and self._another_matter_beside_rating(turn, msg):
            return
        if msg.payload != SKIP and is_bare_score(text):
            # "5" again, or "1" where the only numbers shown were the scale: the score counts
            # once (as with a score button pressed twice); neither a comment nor a skip. Where
            # buttons show as numbered text, a "1" presses "1. Skip" (the payload says so).
            turn.say("csat_already", turn.button("btn_skip", SKIP), score=st.csat_score)
            return
        if msg.payload != SKIP and self.fault_back(turn, text):
            # "1", then "так и не заработало": the words explain the score, and the fault is
            # still there
            turn.emit(CsatCommented(comment=text, ticket_id=st.rating_ticket))
            self.still_broken(turn, msg)
            return
        if msg.payload != SKIP and text and self.is_new_problem(turn, text):
            st.start_flow()
            self.new_problem(turn, msg)
            return
        if msg.payload != SKIP and text and not is_skip(text) and not declines(text):
            turn.emit(CsatCommented(comment=text, ticket_id=st.rating_ticket))
        turn.say("csat_thanks")
        # The rating is over; what was rated is kept for the next message only, which may
        # say it is still broken (`still_broken_after_rating`). A score typed next is this
        # rating said again.
        st.rated_score, st.csat_score, st.phase = st.csat_score, 0, Phase.IDLE

    def _another_matter_beside_rating(self, turn: Turn, msg: InboundMessage) -> bool:
        """A score or a comment with another problem added ("5, а ещё сканер не сканирует",
        "спасибо, а ещё VPN не подключается"): what comes first counts as it would alone
        (the score, or the comment), and the other problem is taken as a new one."""
        st = turn.state
        said, added = split_addition(msg.text.strip())
        if not added or not self.is_new_problem(turn, added):
            return False
        score = parse_rating(said) if st.phase == Phase.CSAT_SCORE else None
        if score:
            turn.emit(CsatRecorded(score=score, ticket_id=st.rating_ticket))
        elif st.phase == Phase.CSAT_COMMENT and not is_skip(said) and not declines(said):
            turn.emit(CsatCommented(comment=said, ticket_id=st.rating_ticket))
        st.start_flow()
        self.new_problem(turn, dataclasses.replace(msg, text=added))
        return True

    def fault_back(self, turn: Turn, text: str) -> bool:
        """Whether the fault rated is back: said to go on ("всё равно не работает", "still
        broken"), or told again with no such word ("принтер не печатает, ошибка offline" of
        the printer's ticket), in a chat as on the ticket's mail thread."""
        return self.says_still_broken_to_rating(turn, text) or self.tells_the_same_fault(turn, text)

    def says_still_broken_to_rating(self, turn: Turn, text: str) -> bool:
        """Whether the user says the fault rated goes on ("всё равно не работает", "не
        допомогло", "still broken"), an operator's resolution or the bot's answer. Naming a
        thing, it is the same one said to go on ("всё равно не печатает" of a printer's
        ticket); another thing ("опять не работает vpn" of a 1C ticket) is a new request."""
        st = turn.state
        if not (st.rating_ticket or st.topic) or not text:
            return False
        broken = says_still_broken(text)
        goes_on = says_it_goes_on(text) and parse_yes_no(text) is not True
        if not (broken or goes_on) or sounds_grateful(text):
            return False
        match = self.knowledge.match(text, turn.lang)
        named = self.routing.recognises(text) or match.outcome == "answer"
        if not named:
            return broken  # "та же" alone may greet again ("снова здравствуйте")
        same = (match.outcome == "answer" and match.candidates[0].article.id == st.topic) or (
            self.routing.recognises(text) and self.routing.infer(text).value == st.group
        )
        # "та же ошибка offline, ничего не изменилось" of the printer's ticket
        return bool(st.group or st.topic) and same and goes_on

    def still_broken_after_rating(self, turn: Turn, msg: InboundMessage) -> bool:
        """The message right after a rating was thanked for. "Still broken" ("всё равно не
        работает", "не допомогло", "still broken", the same thing said to go on) is said of
        what was rated, as at the rating: an operator's ticket reopens, the bot's answer gets
        its "no". Anything else starts afresh."""
        st, text = turn.state, msg.text.strip()
        if st.phase != Phase.IDLE:
            return False
        if (
            msg.kind in ("message", "edited")
            and text
            and not msg.payload
            and not turn.ctx.letters
            and self.fault_back(turn, text)
        ):
            self.still_broken(turn, msg)
            return True
        st.start_flow()
        return False

    def tells_the_same_fault(self, turn: Turn, text: str) -> bool:
        """Whether `text` names the thing rated and tells a fault of it, with no word that
        it goes on ("Принтер не друкує, помилка offline" of the printer's ticket): said on
        the resolved ticket's own mail thread, it is that fault back."""
        st = turn.state
        if not (st.group or st.topic) or says_it_works_now(text) or not tells_a_fault(text):
            return False
        match = self.knowledge.match(text, turn.lang)
        if match.outcome == "answer":
            return match.candidates[0].article.id == st.topic
        return self.routing.recognises(text) and self.routing.infer(text).value == st.group

    def names_another(self, turn: Turn, text: str) -> bool:
        """Whether `text` names a thing other than the one rated ("thanks, can you also
        install Zoom" after the printer's answer); a fault said gone ("більше не зависає")
        names none."""
        st, text = turn.state, without_fault_gone(text)
        if self.routing.recognises(text) and self.routing.infer(text).value != st.group:
            return True
        match = self.knowledge.match(text, turn.lang)
        return match.outcome == "answer" and match.candidates[0].article.id != st.topic

    def still_broken(self, turn: Turn, msg: InboundMessage) -> None:
        """The solution rated does not hold. An operator's: the ticket reopens, as with the
        "still broken" of its card. The bot's: back to its answer's "no", every fact kept
        (the person's questions, or a ticket)."""
        st = turn.state
        ticket_id = st.rating_ticket
        if ticket_id:
            st.start_flow()  # no rating of a resolution that did not hold
            turn.emit(ReopenRequested(ticket_id=ticket_id))
            return
        if st.bot_resolved_at:  # counted as resolved at first line: no longer
            turn.emit(ResolutionUndone(resolved_at=st.bot_resolved_at, group=st.group))
        st.csat_score, st.phase, st.bot_resolved_at = 0, Phase.CONFIRM, 0.0
        self._confirm(turn, msg)

    def rated_again(self, turn: Turn, msg: InboundMessage, rated: int) -> bool:
        """A score typed right after the rating was thanked for ("4", "3 звезды", "ставлю
        2"): the first one counts (as on the rating page), and the user is told so kindly,
        not "I'm not sure I understood" nor a new problem's questions."""
        text = msg.text.strip()
        if rated <= 0 or msg.payload or turn.state.phase != Phase.IDLE or not text:
            return False
        if not (is_bare_score(text) or (len(text.split()) <= SCORE_WORDS and parse_rating(text))):
            return False
        turn.say("csat_recorded", score=rated)
        turn.state.rated_score = rated  # said once more: the same answer
        return True

    def tells_a_problem(self, turn: Turn, text: str) -> bool:
        """Whether `text` tells a problem to help with: a fault ("не друкує, помилка
        offline"), or a thing support handles; not a bare "нет", "ok" or thanks."""
        if len(text.split()) == 1 and parse_yes_no(text) is not None:
            return False  # "нет", "ні", "no": an answer, no problem told
        return tells_a_fault(text) or self.is_new_problem(turn, text)

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

    @staticmethod
    def _rating_buttons() -> list[Button]:
        return [Button(label=str(n), payload=f"{CSAT_PREFIX}{n}") for n in range(1, 6)]
