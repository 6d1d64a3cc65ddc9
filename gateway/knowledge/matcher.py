"""Matching a user's message to knowledge-base articles.

A message is reduced to stems (see normalize). Each stem is looked up in the vocabulary of
all articles: exactly, then by a shared beginning (morphology the stemmer missed), then by
edit distance (typos). An article scores by how much of the message its vocabulary explains,
words weighted by how rare they are, blended with a fuzzy comparison against its sample
questions. An article is only offered when the message names one of its keywords or title
words: generic words ("не работает", "ошибка", "broken") never suffice, so off-topic
messages get no answer however similar they look.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from gateway.knowledge.articles import LANGUAGES, Article
from gateway.knowledge.normalize import from_wrong_layout, stem, terms
from gateway.knowledge.vocabulary import GENERIC_WORDS, PRODUCT_WORDS
from gateway.triage.language import detect_language

Outcome = Literal["answer", "choices", "none"]

# Tuned on the dev set and checked on held-out phrasings; see tests/knowledge.
ANSWER_SCORE = 45.0  # a lone candidate at least this good is answered directly
ANSWER_MARGIN = 10.0  # ... when the runner-up is at least this far behind
CHOICE_SCORE = 30.0  # below this nothing is offered
CHOICE_BAND = 18.0  # choices are the candidates this close to the best one
MIN_COVERAGE = 0.4  # an article must explain this share of what the message says
MAX_CHOICES = 3
_KEY_WEIGHT = 1.0  # keywords and titles
_QUESTION_WEIGHT = 0.7  # words that occur only in sample questions
_ANSWER_WEIGHT = 0.35  # words that occur only in the answer
_GENERIC_WEIGHT = 0.25  # query weight of a generic word, known or not
_UNKNOWN_SHARE = 0.55  # query weight of an unknown word, as a share of the rarest weight
_COVERAGE_SHARE = 0.7  # the rest of the score is the fuzzy similarity to sample questions
_SHORTLIST = 12


@dataclass(frozen=True)
class Candidate:
    """An article with its score for one message (0-100)."""

    article: Article
    score: float


@dataclass(frozen=True)
class MatchResult:
    """One confident answer, 2-3 choices to offer, or nothing."""

    outcome: Outcome
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True)
class _Entry:
    weight: float  # _KEY_WEIGHT or _QUESTION_WEIGHT
    key: bool  # counts as evidence that the message is about this article


class Matcher:
    """Scores messages against a fixed list of articles; build once, match many times."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = tuple(articles)
        self._generic = frozenset(stem(w) for w in GENERIC_WORDS | PRODUCT_WORDS)
        self._postings: dict[str, dict[int, _Entry]] = defaultdict(dict)
        self._questions: list[dict[str, tuple[str, ...]]] = []
        self._phrases: list[tuple[frozenset[str], ...]] = []
        for index, article in enumerate(self.articles):
            self._index_article(index, article)
        count = max(len(self.articles), 1)
        # How much a message word weighs: rare words more, and words the articles only
        # mention in passing (sample questions, answers) less than their keywords.
        self._strength = {
            t: math.log(1 + count / len(p)) * max(e.weight for e in p.values())
            for t, p in self._postings.items()
        }
        self._unknown_weight = _UNKNOWN_SHARE * math.log(1 + count)
        self._by_first: dict[str, list[str]] = defaultdict(list)
        self._by_prefix: dict[str, list[str]] = defaultdict(list)
        for term in self._postings:
            self._by_first[term[0]].append(term)
            if len(term) >= 4:
                self._by_prefix[term[:4]].append(term)

    def match(self, text: str, lang: str | None = None) -> MatchResult:
        """Decide between one answer, a few choices and nothing for a user's message."""
        ranked = self.rank(text, lang, MAX_CHOICES + 1)
        if not ranked or ranked[0].score < CHOICE_SCORE:
            return MatchResult("none", ())
        best = ranked[0]
        runner_up = ranked[1].score if len(ranked) > 1 else 0.0
        if best.score >= ANSWER_SCORE and best.score - runner_up >= ANSWER_MARGIN:
            return MatchResult("answer", (best,))
        floor = max(CHOICE_SCORE, best.score - CHOICE_BAND)
        close = tuple(c for c in ranked[:MAX_CHOICES] if c.score >= floor)
        return MatchResult("choices", close)

    def rank(self, text: str, lang: str | None = None, limit: int = 5) -> list[Candidate]:
        """Articles the message names a keyword of, best first, with scores 0-100."""
        query = terms(text)
        if not query:
            return []
        lang = lang if lang in LANGUAGES else detect_language(text)
        coverage, evidence = self._coverage(query)
        shortlist = sorted(
            (i for i, c in coverage.items() if i in evidence and c >= MIN_COVERAGE),
            key=coverage.__getitem__,
            reverse=True,
        )[:_SHORTLIST]
        joined = " ".join(query)
        scored = [
            Candidate(
                self.articles[i],
                round(
                    100 * _COVERAGE_SHARE * coverage[i]
                    + (1 - _COVERAGE_SHARE) * self._similarity(joined, i, lang),
                    1,
                ),
            )
            for i in shortlist
        ]
        scored.sort(key=lambda c: c.score, reverse=True)
        return scored[:limit]

    def _index_article(self, index: int, article: Article) -> None:
        # A one-word keyword is evidence on its own; a phrase ("весь офис", "whole floor") only
        # when all its words are in the message, and a two-word phrase only with a specific
        # word in it. Titles are evidence only when an article has no keywords.
        keywords = [terms(k) for ks in article.keywords.values() for k in ks]
        if not any(keywords):
            keywords = [[t] for t in _terms_of(article.title.values())]
        phrases: list[frozenset[str]] = []
        for words in keywords:
            specific = [t for t in words if t not in self._generic]
            alone = len(words) == 1 and bool(specific)
            for term in words:
                known = self._postings[term].get(index)
                key = alone or (known is not None and known.key)
                self._postings[term][index] = _Entry(_KEY_WEIGHT, key)
            if len(words) > 2 or (len(words) == 2 and specific):
                phrases.append(frozenset(words))
        self._phrases.append(tuple(phrases))
        for term in _terms_of(article.title.values()):
            self._postings[term].setdefault(index, _Entry(_KEY_WEIGHT, False))
        for term in _terms_of(q for qs in article.questions.values() for q in qs):
            self._postings[term].setdefault(index, _Entry(_QUESTION_WEIGHT, False))
        for term in _terms_of((article.answer or {}).values()):
            self._postings[term].setdefault(index, _Entry(_ANSWER_WEIGHT, False))
        self._questions.append(
            {
                lang: tuple(
                    " ".join(terms(q)) for q in (*article.questions[lang], article.title[lang])
                )
                for lang in LANGUAGES
            }
        )

    def _coverage(self, query: list[str]) -> tuple[dict[int, float], set[int]]:
        """Share of the message's weight each article explains, and articles with evidence."""
        explained: dict[int, float] = defaultdict(float)
        evidence: set[int] = set()
        total = 0.0
        found: set[str] = set()
        for word in query:
            generic = word in self._generic
            matches = self._resolve(word)
            if generic:
                weight = _GENERIC_WEIGHT
            elif matches:
                weight = max(self._strength[t] for t, _ in matches)
            else:
                weight = self._unknown_weight
            total += weight
            best: dict[int, float] = {}
            found.update(t for t, similarity in matches if similarity >= 0.8)
            for term, similarity in matches:
                for index, entry in self._postings[term].items():
                    value = similarity * entry.weight
                    if value > best.get(index, 0.0):
                        best[index] = value
                    if entry.key and not generic and similarity >= 0.8:
                        evidence.add(index)
            for index, value in best.items():
                explained[index] += weight * value
        for index in explained.keys() - evidence:
            if any(phrase <= found for phrase in self._phrases[index]):
                evidence.add(index)
        return {i: v / total for i, v in explained.items()}, evidence

    def _resolve(self, word: str) -> list[tuple[str, float]]:
        """Vocabulary terms a message word stands for, with a similarity 0-1.

        The word itself; its wrong-keyboard-layout reading; terms sharing its beginning
        (бухгалтери/бухгалтер: endings the stemmer left); and only when none of these
        exist, terms one or two typos away.
        """
        switched = from_wrong_layout(word)
        if word not in self._postings and switched is not None:
            fixed = stem(switched)
            if fixed in self._postings:
                word = fixed
        found: dict[str, float] = {}
        if word in self._postings:
            found[word] = 1.0
        if len(word) >= 5:
            for term in self._by_prefix.get(word[:4], ()):
                short, long_ = sorted((word, term), key=len)
                if term != word and long_.startswith(short) and len(short) >= 0.6 * len(long_):
                    found[term] = 0.9
        if not found and len(word) >= 5:
            cutoff = 80.0 if len(word) >= 6 else 85.0
            nearby = self._by_first.get(word[0], ())
            for term, score, _ in process.extract(
                word, nearby, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3
            ):
                if len(term) >= 5:
                    found[term] = 0.9 * score / 100
        return sorted(found.items(), key=lambda item: item[1], reverse=True)[:4]

    def _similarity(self, joined: str, index: int, lang: str) -> float:
        best = process.extractOne(joined, self._questions[index][lang], scorer=fuzz.token_set_ratio)
        return best[1] if best else 0.0


def _terms_of(texts: Iterable[str]) -> set[str]:
    return {t for text in texts for t in terms(text)}
