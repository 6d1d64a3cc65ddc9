"""What the dialog engine needs from the knowledge base, as structural types.

`gateway.knowledge.library.KnowledgeLibrary` satisfies `Knowledge`; tests may pass any
object with the same three methods.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class ArticleLike(Protocol):
    """A knowledge-base article: a self-help answer (`faq`) or a topic for a person."""

    @property
    def id(self) -> str: ...
    @property
    def group(self) -> str: ...
    @property
    def kind(self) -> str: ...  # faq | escalate
    @property
    def link(self) -> str | None: ...
    def title_for(self, lang: str) -> str: ...
    def answer_for(self, lang: str) -> str | None: ...


class CandidateLike(Protocol):
    """An article with how well it matched (0-100)."""

    @property
    def article(self) -> ArticleLike: ...
    @property
    def score(self) -> float: ...


class MatchLike(Protocol):
    """The matcher's verdict: one confident answer, a few close choices, or none."""

    @property
    def outcome(self) -> str: ...  # answer | choices | none
    @property
    def candidates(self) -> Sequence[CandidateLike]: ...
    @property
    def elsewhere(self) -> str | None: ...  # with "none": the other service it is plainly for


class Knowledge(Protocol):
    """The knowledge base as the engine uses it."""

    def match(self, text: str, lang: str | None) -> MatchLike: ...
    def article(self, article_id: str) -> ArticleLike | None: ...
    # the nearest articles to a message nothing answers: a guess, never an answer
    def guesses(self, text: str, lang: str | None) -> Sequence[CandidateLike]: ...
