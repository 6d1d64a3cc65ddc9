"""Knowledge-base articles: one self-help answer (or an escalation) per support topic."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

LANGUAGES = ("ru", "uk", "en")
GROUPS = ("accounts", "hardware", "network", "software", "email", "security")
KINDS = ("faq", "escalate")
ANSWER_TYPES = ("steps", "workaround", "link", "diagnostics")
FALLBACK_LANGUAGE = "en"

Kind = Literal["faq", "escalate"]


@dataclass(frozen=True)
class Article:
    """One topic: titles, answer and sample phrasings in every supported language.

    `kind` "escalate" articles have no answer: the bot collects a checklist and opens a
    ticket for `group` instead.
    """

    id: str
    group: str
    kind: Kind
    answer_type: str | None
    link: str | None
    title: dict[str, str]
    answer: dict[str, str] | None
    questions: dict[str, tuple[str, ...]]
    keywords: dict[str, tuple[str, ...]]

    @property
    def escalates(self) -> bool:
        """True when no self-help answer exists and a ticket must be opened."""
        return self.kind == "escalate"

    def title_for(self, lang: str) -> str:
        """The title in `lang`, or in English when that language is missing."""
        return self.title.get(lang) or self.title[FALLBACK_LANGUAGE]

    def answer_for(self, lang: str) -> str | None:
        """The answer in `lang` (English when missing); None for escalation articles."""
        if self.answer is None:
            return None
        return self.answer.get(lang) or self.answer.get(FALLBACK_LANGUAGE)
