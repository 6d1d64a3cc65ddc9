"""Matching a user's message to knowledge-base articles.

The ranker (ranker.py) orders all articles by the evidence for them: lemmas of their
keywords, titles and sample questions in every language, typo- and morphology-tolerant,
and character similarity to the sample questions. The decision (decision.py), fitted on
labelled phrasings, turns the best candidate's signals into a probability that it is right
and says: answer it, offer the close candidates as choices, or say nothing. Keywords are a
signal, not a gate, and off-topic messages stay unanswered because the fitted decision
learned what their signals look like, not because a word list forbids them.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from gateway.knowledge.articles import Article
from gateway.knowledge.decision import CHOICE_BAND, Decision, margin
from gateway.knowledge.ranker import Ranker, Signals

Outcome = Literal["answer", "choices", "none"]
MAX_CHOICES = 3
# A message nothing fits is another service's question when the relevance model finds it
# far from every article and at least ELSEWHERE_SHARE of it is that service's words. Chosen
# on held-out rankings of the tuning parts and dev: it marks 181 of their 304 off-topic
# lines and none of their 1,970 IT lines ("пролила каву на ноутбук" stays IT's).
ELSEWHERE_RELEVANCE = 0.3
ELSEWHERE_SHARE = 0.2
# Decisions memoised per matcher (dropped with it on a reload): a turn during an open
# incident matches its text twice (is it the outage's topic, then the new problem), and
# many users send the same short text at once. A decision kept is its few candidates.
MATCHES_KEPT = 1024
MATCHED_CHARS = 300  # longer texts (letters) are matched every time


@dataclass(frozen=True)
class Candidate:
    """An article with its rank score for one message (0-100)."""

    article: Article
    score: float


@dataclass(frozen=True)
class MatchResult:
    """One confident answer, 2-3 choices to offer, or nothing; `confidence` is 0-1."""

    outcome: Outcome
    candidates: tuple[Candidate, ...]
    confidence: float = 0.0
    # With "none": the other service the message is plainly for (hr, facilities,
    # accounting, legal, procurement, travel; "" when it is no one's), else None.
    elsewhere: str | None = None


class Matcher:
    """Ranks and decides over a fixed list of articles; build once, match many times."""

    def __init__(self, articles: Sequence[Article], decision: Decision | None = None) -> None:
        self.articles = tuple(articles)
        self.ranker = Ranker(self.articles)
        self.decision = decision or Decision.load()
        self._matches: dict[tuple[str, str | None], MatchResult] = {}

    def with_decision(self, decision: Decision) -> Matcher:
        """The same ranking with another decision (cross-validation refits only that)."""
        other = copy.copy(self)
        other.decision = decision
        other._matches = {}
        return other

    def match(self, text: str, lang: str | None = None) -> MatchResult:
        """Decide between one answer, a few choices and nothing for a user's message (the
        same text in the same language is decided once: the result is immutable)."""
        if len(text) > MATCHED_CHARS:
            return self._match(text, lang)
        key = (text, lang)
        found = self._matches.get(key)
        if found is None:
            if len(self._matches) >= MATCHES_KEPT:
                self._matches.pop(next(iter(self._matches)))  # the oldest
            found = self._matches[key] = self._match(text, lang)
        return found

    def forget(self) -> None:
        """Drop the memoised decisions and rankings: benchmarks time a new message."""
        self._matches.clear()
        self.ranker.forget()

    def _match(self, text: str, lang: str | None) -> MatchResult:
        ranked = self.ranker.rank(text, lang, MAX_CHOICES + 1)
        result = self.decide(ranked)
        if result.outcome == "none" and self.decision.relevant(ranked) < ELSEWHERE_RELEVANCE:
            shares = self.ranker.elsewhere(text, lang)
            service = max(shares, key=shares.__getitem__, default=None)
            if service is not None and shares[service] >= ELSEWHERE_SHARE:
                return dataclasses.replace(result, elsewhere=service)
        return result

    def decide(self, ranked: Sequence[Signals]) -> MatchResult:
        """The outcome for an already ranked message (used by evaluation too)."""
        confidence = self.decision.probability(ranked)
        if not ranked or self.decision.relevant(ranked) < self.decision.choices:
            return MatchResult("none", (), round(confidence, 3))
        if confidence >= self.decision.answer and not _compete(ranked, self.decision.compete):
            return MatchResult("answer", (_candidate(ranked[0]),), round(confidence, 3))
        return MatchResult("choices", _choices(ranked), round(confidence, 3))

    def guesses(self, text: str, lang: str | None = None) -> tuple[Candidate, ...]:
        """The choices `decide` would offer had the message cleared the relevance bar: the
        best-ranked articles with any evidence for it, within CHOICE_BAND of the best, at
        least two when there are two. For a message the dialog already knows is an IT
        problem but nothing answers: a guess to show beside "none of these", never an
        answer."""
        ranked = self.ranker.rank(text, lang, MAX_CHOICES + 1)
        return _choices(ranked) if ranked else ()

    def rank(self, text: str, lang: str | None = None, limit: int = 5) -> list[Candidate]:
        """The best articles for a message, best first, with rank scores 0-100."""
        return [_candidate(s) for s in self.ranker.rank(text, lang, limit)]


def _choices(ranked: Sequence[Signals]) -> tuple[Candidate, ...]:
    """The articles within CHOICE_BAND of the best, at most MAX_CHOICES; always at least
    two: a weak best guess comes with its runner-up."""
    floor = ranked[0].rank_score - CHOICE_BAND
    close = [s for s in ranked[:MAX_CHOICES] if s.rank_score >= floor]
    return tuple(_candidate(s) for s in (close if len(close) > 1 else ranked[:2]))


def _candidate(signals: Signals) -> Candidate:
    return Candidate(signals.article, round(100 * signals.rank_score, 1))


def _compete(ranked: Sequence[Signals], closeness: float) -> bool:
    """Two articles really compete: the runner-up explains as much of the message as the
    best one and scores nearly as high ("почта": three mail articles)."""
    return (
        len(ranked) > 1
        and ranked[1].whole >= ranked[0].whole
        and margin(ranked) < closeness
    )
