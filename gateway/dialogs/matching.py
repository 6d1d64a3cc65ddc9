"""Which article a problem is: the matcher's reading of a message, less what misleads it.

The names of things, the facts around the problem and the outage topic's pull are each
weighed here; the flow decides what to do with the result (`flow.SupportFlow._take`).
"""

from __future__ import annotations

from dataclasses import dataclass

from gateway.dialogs.extract import read_head
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
from gateway.models import Priority, SupportGroup
from gateway.triage.given_away import credentials_given_away
from gateway.triage.impact import crowd_at_a_counter, without_crowds, without_events_ahead
from gateway.triage.priority import PriorityAssessment, PriorityRules
from gateway.triage.routing import Routing

MAX_CHOICES = 3
OUTCOME_RANK = {"answer": 2, "choices": 1}
# Two of the problem statement's choices this close in score (0-100) both count as what it
# leans to: about the margin under which the fitted decision calls two articles competing
# (decision.json "compete", 0.045-0.048 of the rank score).
LEAN_BAND = 5.0
# The topic of a password or a login given away on a page a mail or a link led to
PHISHING_TOPIC = "phishing_report"


class Matching:
    """The problem's article, for `SupportFlow` (a part of it: the matcher's side)."""

    knowledge: Knowledge
    routing: Routing
    priorities: PriorityRules
    outage_topic: str

    def _match(self, text: str, lang: str) -> MatchLike:
        """The match of the message (`_match_parts`), unless it is owed to the names of the
        things it speaks of alone: "планшет Samsung Galaxy Tab A8 на Android 13 відвалюється
        від вайфаю" is the Wi-Fi, not mail on a phone that "Samsung" and "Android" suggest.
        The problem without the names decides when it answers one of the articles nearest
        the whole message. A password typed on a page a link led to is the phishing report,
        whatever bait the page used (`_given_away`)."""
        given = self._given_away(text)
        if given is not None:
            return given
        match = self._match_parts(text, lang)
        head = without_instead(without_working(without_tone(read_head(text))))
        free = without_names(head)
        if not free or match.outcome == "none":
            return match
        other = self.knowledge.match(free, lang)
        if other.outcome != "answer" or top_id(other) == top_id(match):
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
        return other if top_id(other) in {c.article.id for c in near[:MAX_CHOICES]} else match

    def _given_away(self, text: str) -> MatchLike | None:
        """The phishing report, answered, for a password or a login typed on a page that is
        fake or that a link led to ("clicked the link and typed my Microsoft 365 password on
        the page", "нажала ссылку и ввела логин и пароль от почты"): the matcher reads such a
        message by its bait as often (a parcel on hold, a password that expires: mail or a
        password reset). None for any other message."""
        if not credentials_given_away(read_head(text)):
            return None
        article = self.knowledge.article(PHISHING_TOPIC)
        return None if article is None else Hint((Chosen(article, 100.0),), "answer")

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
                lean.discard(top_id(match))
                if top_id(match) != statement.candidates[0].article.id:
                    for reading in readings[1:]:
                        other = self.knowledge.match(reading, lang)
                        if other.outcome == "answer" and top_id(other) in lean:
                            return other
        if match.outcome == "answer":
            return match
        # Of the parts that agree with the whole's choices, one that answers the whole's
        # first choice wins over a louder answer for a later choice (a quoted message).
        lean = top_id(match) if match.outcome == "choices" else None
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
        if not near or near[0].article.id == top_id(match):
            return bool(near)
        best = float(near[0].score) - LEAN_BAND
        return any(c.article.id == top_id(match) and float(c.score) >= best for c in near)

    def _outage_read(
        self, match: MatchLike, urgency: PriorityAssessment, text: str, lang: str
    ) -> MatchLike:
        """The outage topic only for a message that reads as urgent: "the printer on floor 2
        has been offline all week" is the printer, whatever words it shares with the outage
        article. A guess of it (choices, a hint) is kept only for work stopped for many: one
        person's deadline is no outage ("The warehouse can't print shipping labels and the
        courier picks up at 3" is the printer's). The other candidates (of the whole
        message, when the answer had none) stay, as a hint."""
        if top_id(match) != self.outage_topic or match.outcome == "none":
            return match
        # a crowd kept waiting at one station is no outage: "программа выдачи светильников
        # перестала работать, смена 120 человек стоит у окна" is that station's program; so
        # is one counted as many beside a fault that, without it, is one user's ("не
        # открывается программа выдачи посылок, курьеры стоят в очереди у стойки"), not
        # beside payments stopped at the tills ("на кассах не проходит оплата картой")
        crowd = self._a_crowd_at_one_station(text, urgency.reason)
        if urgency.priority is Priority.P1 and not crowd and (
            match.outcome == "answer" or urgency.reason == "many_stopped"
        ):
            return match
        rest = without_topic(match, self.outage_topic)
        if not rest:
            rest = without_topic(self.knowledge.match(read_head(text), lang), self.outage_topic)
        return Hint(rest) if rest else Hint((), "none")

    def _a_crowd_at_one_station(self, text: str, why: str) -> bool:
        """Whether the many a message counts are a crowd kept waiting at one station: said
        as a stake, or counted as many beside a fault that, without them, is one user's, also
        beside an event ahead ("каса не друкує квитки, сеанс за десять хвилин, а люди стоять
        у черзі": P1 for the show, and the till's; not "на кассах не проходит оплата картой")."""
        head = read_head(text)
        if not crowd_at_a_counter(head):
            return False
        rest = without_crowds(head)
        if why == "at_stake" or self.priorities.assess(rest).priority.rank > Priority.P1.rank:
            return True
        return self.priorities.assess(without_events_ahead(rest)).priority.rank > Priority.P1.rank

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
        top = top_article(match)
        statement = problem_statement(read_head(text))
        if why == "many_stopped" and self.routing.shared_printer(statement):
            # "nobody in the office can print, the HP says 'Offline'": the printer's topic,
            # not the outage the matcher may lean to; none left, the device's words route
            rest = without_topic(match, self.outage_topic)
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
                for c in without_topic(match, self.outage_topic)
                if str(getattr(c.article, "group", "")) == SupportGroup.HARDWARE.value
            ]
            return devices[0] if devices else None
        if self.priorities.assess(statement).reason != "many_stopped":
            return top  # many named beside the problem ("у нас 10 человек, а у меня …")
        if self._a_crowd_at_one_station(text, why):
            return top  # couriers queuing at the desk whose program will not open
        return self.knowledge.article(self.outage_topic) or top

    def _article(self, topic: str) -> ArticleLike | None:
        return self.knowledge.article(topic) if topic else None


def top_article(match: MatchLike) -> ArticleLike | None:
    """The best candidate's article, unless nothing matched."""
    if match.outcome == "none" or not match.candidates:
        return None
    return match.candidates[0].article


def top_id(match: MatchLike) -> str:
    return match.candidates[0].article.id if match.candidates else ""


def without_topic(match: MatchLike, topic: str) -> tuple[CandidateLike, ...]:
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
class Chosen:
    """An article chosen by a rule rather than scored by the matcher."""

    article: ArticleLike
    score: float


@dataclass(frozen=True)
class Hint:
    """A match taken as a hint only: its candidates are offered, never answered outright."""

    candidates: tuple[CandidateLike, ...]
    outcome: str = "choices"
    elsewhere: str | None = None


def _leaning(match: MatchLike, lean: str | None) -> tuple[int, bool, float]:
    """`_strength`, with an answer for the article the whole message leans to first."""
    rank, score = _strength(match)
    return rank, match.outcome == "answer" and top_id(match) == lean, score


def _strength(match: MatchLike) -> tuple[int, float]:
    """How decisive a match is: answer over choices over none, then the top score."""
    top = float(match.candidates[0].score) if match.candidates else 0.0
    return OUTCOME_RANK.get(match.outcome, 0), top if match.outcome != "none" else 0.0
