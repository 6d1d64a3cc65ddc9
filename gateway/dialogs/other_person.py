"""Words that put a request on another person, not the writer: a colleague, a boss, a
name's possessive ("Maria's ticket", "Anna's password"). One place for the status question
(whose ticket) and self-service (whose account)."""

from __future__ import annotations

import re
from functools import cache

from gateway.knowledge.morphology import lemma

# Whose ticket or account: someone else's is not the user's to ask about, nor to unlock.
OTHER_PERSON_WORDS = {
    "ru": "коллега сотрудник сотрудница начальник начальница руководитель руководительница "
    "директор",
    "uk": "колега співробітник співробітниця начальник начальниця керівник керівниця директор",
    "en": "colleague coworker boss manager his her their",
}
# "<word>'s" that names nobody: "it's", "that's", "let's", "he's".
_NOT_A_NAME = r"(?:it|that|what|where|how|who|there|here|he|she|let)'s\b"


def possessive(nouns: str) -> re.Pattern[str]:
    """A name's possessive before one of `nouns` (a regex alternation): "Maria's ticket"."""
    return re.compile(rf"\b(?!{_NOT_A_NAME})[a-z]+'s\s+(?:{nouns})", re.I)


@cache
def other_person_lemmas() -> frozenset[str]:
    """`OTHER_PERSON_WORDS` as lemmas, in the language of each."""
    return frozenset(
        lemma(word, lang) for lang, words in OTHER_PERSON_WORDS.items() for word in words.split()
    )


def names_other_person(lemmas: set[str] | frozenset[str]) -> bool:
    """Whether a message's lemmas name another person (a colleague, a boss, "his")."""
    return bool(lemmas & other_person_lemmas())
