"""A vocabulary word list as a message says it: its words as written and their lemmas.

The readers that set another trade's thing aside (rooms, scoreboards, stages, spills) ask
whether a word of the message is one of a list's words, in whatever form it is written:
"окна", "окон" and "вікна" are the list's "окно" and "вікно".
"""

from __future__ import annotations

from gateway.knowledge.morphology import Token, lemma


def with_lemmas(words: frozenset[str]) -> frozenset[str]:
    """The words and their lemmas: English stems for Latin words, Russian and Ukrainian
    lemmas for Cyrillic ones."""
    found = set(words)
    for word in words:
        found.update(lemma(word, lang) for lang in (("en",) if word.isascii() else ("ru", "uk")))
    return frozenset(found)


def said(token: Token, words: frozenset[str]) -> bool:
    """Whether the word, as written or as its lemma, is one of `words`."""
    return token.word in words or token.lemma in words
