"""Matching a user's message to knowledge-base articles.

A message is reduced to stems (see normalize). Each stem is looked up in the vocabulary of
all articles: exactly, then by a shared beginning (morphology the stemmer missed), then by
edit distance (typos). An article scores by how much of the message its vocabulary explains,
words weighted by how rare they are, blended with a fuzzy comparison against its sample
questions. An article is only offered when the message names one of its keywords (a word,
or every word of a keyword phrase) and the article explains at least MIN_COVERAGE of the
message: generic words ("не работает", "ошибка", "broken") never suffice, so off-topic
messages get no answer however similar they look.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from gateway.knowledge.articles import LANGUAGES, Article
from gateway.knowledge.normalize import from_wrong_layout, stem, terms
from gateway.knowledge.vocabulary import GENERIC_WORDS, PRODUCT_WORDS
from gateway.triage.language import detect_language

Outcome = Literal["answer", "choices", "none"]

# Tuned on the dev set and checked on held-out phrasings; see tests/knowledge.
ANSWER_SCORE = 45.0  # the best candidate at least this good is answered directly
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


_KEYWORD_EVIDENCE = _Entry(_KEY_WEIGHT, key=True)
_KEYWORD = _Entry(_KEY_WEIGHT, key=False)
_QUESTION = _Entry(_QUESTION_WEIGHT, key=False)
_ANSWER = _Entry(_ANSWER_WEIGHT, key=False)


class Matcher:
    """Scores messages against a fixed list of articles; build once, match many times."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = tuple(articles)
        self._generic = frozenset(stem(w) for w in GENERIC_WORDS | PRODUCT_WORDS)
        self._postings: dict[str, dict[int, _Entry]] = defaultdict(dict)
        self._questions: list[dict[str, tuple[str, ...]]] = []
        # Articles a term alone is evidence for, and keyword phrases filed under one of
        # their words: (phrase, article index).
        self._evidence: dict[str, set[int]] = defaultdict(set)
        self._phrases: dict[str, list[tuple[frozenset[str], int]]] = defaultdict(list)
        # Keyword lists and phrasings repeat across articles; normalise each text once.
        self._terms_cache: dict[str, list[str]] = {}
        for index, article in enumerate(self.articles):
            self._index_article(index, article)
        del self._terms_cache
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
        if len(ranked) == 1:
            # The only article the message names a keyword of and is mostly about.
            return MatchResult("answer", (best,))
        if best.score >= ANSWER_SCORE and best.score - ranked[1].score >= ANSWER_MARGIN:
            return MatchResult("answer", (best,))
        floor = max(CHOICE_SCORE, best.score - CHOICE_BAND)
        close = [c for c in ranked[:MAX_CHOICES] if c.score >= floor]
        # Choices are always at least two: a weak best guess comes with its runner-up.
        return MatchResult("choices", tuple(close if len(close) > 1 else ranked[:2]))

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
        keywords = [self._terms(k) for ks in article.keywords.values() for k in ks]
        if not any(keywords):
            keywords = [[t] for title in article.title.values() for t in self._terms(title)]
        for words in keywords:
            specific = [t for t in words if t not in self._generic]
            alone = len(words) == 1 and bool(specific)
            for term in words:
                known = self._postings[term].get(index)
                key = alone or (known is not None and known.key)
                self._postings[term][index] = _KEYWORD_EVIDENCE if key else _KEYWORD
                if key:
                    self._evidence[term].add(index)
            if len(words) > 2 or (len(words) == 2 and specific):
                self._phrases[words[0]].append((frozenset(words), index))
        samples = {
            lang: [self._terms(q) for q in (*article.questions[lang], article.title[lang])]
            for lang in LANGUAGES
        }
        for term in (t for lang_samples in samples.values() for t in lang_samples[-1]):
            self._postings[term].setdefault(index, _KEYWORD)
        for lang_samples in samples.values():
            for term in (t for sample in lang_samples for t in sample):
                self._postings[term].setdefault(index, _QUESTION)
        for term in {t for answer in (article.answer or {}).values() for t in self._terms(answer)}:
            self._postings[term].setdefault(index, _ANSWER)
        self._questions.append(
            {lang: tuple(" ".join(s) for s in texts) for lang, texts in samples.items()}
        )

    def _terms(self, text: str) -> list[str]:
        found = self._terms_cache.get(text)
        if found is None:
            found = self._terms_cache[text] = terms(text)
        return found

    def _coverage(self, query: list[str]) -> tuple[dict[int, float], set[int]]:
        """Share of the message's weight each article with evidence explains.

        Evidence comes first, so that only articles that can be offered are scored.
        """
        resolved = [(word, self._resolve(word)) for word in query]
        found = {t for _, matches in resolved for t, similarity in matches if similarity >= 0.8}
        evidence: set[int] = set()
        for word, matches in resolved:
            if word not in self._generic:
                for term, similarity in matches:
                    if similarity >= 0.8:
                        evidence.update(self._evidence.get(term, ()))
        for term in found:
            for phrase, index in self._phrases.get(term, ()):
                if index not in evidence and phrase <= found:
                    evidence.add(index)
        explained = dict.fromkeys(evidence, 0.0)
        total = 0.0
        for word, matches in resolved:
            if word in self._generic:
                weight = _GENERIC_WEIGHT
            elif matches:
                weight = max(self._strength[t] for t, _ in matches)
            else:
                weight = self._unknown_weight
            total += weight
            for index in evidence:
                best = 0.0
                for term, similarity in matches:
                    entry = self._postings[term].get(index)
                    if entry is not None and similarity * entry.weight > best:
                        best = similarity * entry.weight
                explained[index] += weight * best
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
