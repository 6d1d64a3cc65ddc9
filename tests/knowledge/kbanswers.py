"""What the matcher answers directly, for the knowledge base's tests."""

from __future__ import annotations

from gateway.knowledge.matcher import Matcher


def answered(matcher: Matcher, text: str, lang: str | None = None) -> str | None:
    """The article answered directly, or None (choices or nothing)."""
    result = matcher.match(text, lang)
    return result.candidates[0].article.id if result.outcome == "answer" else None
