"""Words and clauses of a user message, the way every checklist extractor reads them.

This is the one place that decides what form a word is in (is "перезапускала" a past form
of an attempt verb?); the extractors only name the stems they care about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gateway.knowledge.morphology import lemma, verb_grammemes

# Each one character for one: `fold` replaces them one after another (str.translate with a
# table of non-ASCII characters looks every character up, ~10 times slower on a message).
_FOLDED = (("’", "'"), ("ʼ", "'"), ("`", "'"), ("‘", "'"), ("ё", "е"), ("Ё", "Е"))
CLAUSE = re.compile(r"[^.;!?\n,()]+(?:\.(?=\d)[^.;!?\n,()]*)*")
_WORD = re.compile(r"[\w'-]+")

# Endings of verb forms that report a done or habitual action, ru and uk: past (перезапускала,
# перевстановлював), present (перезагружаю, вимикаємо), passive participle (переустановлен).
# Infinitives (перезагрузить) and imperatives (перезагрузите) are not among them, so a
# request or a question is not read as an attempt.
_ENDINGS_TEXT = """
    л ла ло ли в ли вши ю ем ет ют ую уем ует уют ує уємо ують єм ємо ють имо аю аем ает
    ают аємо ає ають яю яем яет яют яє яють ен ена ено ены ені ений ено ан ана ано аны ані
    аний
"""
_DONE_ENDINGS = tuple(sorted(set(_ENDINGS_TEXT.split()), key=len, reverse=True))
_REFLEXIVE = ("ся", "сь")
_NOUN_MARKS = ("ени", "енн", "ння", "нн", "к", "ост", "ість", "тел", "ник")
MAX_TAIL = 7
KNOWN_WORDS_KEPT = 16_384  # as many words as the morphology memos keep
# Texts whose extraction is kept: one turn reads the same message (and its clauses) in
# several steps (the checklist, the problem statement, the matcher's readings).
TEXTS_KEPT = 512
# What the dictionary says about the form, when it knows the word.
_DONE = frozenset({"past", "pres", "PRTS", "GRND"})
_NOT_DONE = frozenset({"futr", "impr", "INFN", "infn"})


def fold(text: str) -> str:
    """Unify apostrophes and ё, keep the case: what the patterns are written against."""
    for variant, plain in _FOLDED:
        if variant in text:
            text = text.replace(variant, plain)
    return text


def word_at(text: str, word: str) -> int:
    """Where `word` first stands whole in `text` (no word character either side), or -1:
    what `(?<!\\w)word(?!\\w)` finds, without compiling a pattern for each new word."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = at > 0 and _word_char(text[at - 1])
        if not before and not (end < len(text) and _word_char(text[end])):
            return at
        at = text.find(word, at + 1)
    return -1


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # the regular expressions' \w


def clauses(text: str) -> list[str]:
    """The text cut at sentence and clause punctuation; "14.2" is not a cut."""
    # fold() keeps every character's place, so the clauses are cut from the original text
    return [
        text[m.start() : m.end()].strip() for m in CLAUSE.finditer(fold(text)) if m.group().strip()
    ]


def words(text: str) -> list[str]:
    """Lower-cased words (with inner apostrophes and hyphens)."""
    return _WORD.findall(fold(text).lower())


class DoneForms:
    """Recognises done or habitual verb forms of a set of verb stems (ru, uk).

    Stands in for a morphological analyser: the stem fixes the verb, the ending its
    tense, person and gender, so "перезапускала", "перевстановлював" and "вимикаємо" are
    all found from the stems "перезапуск", "перевстанов", "вимика".
    """

    def __init__(self, stems: Iterable[str], reflexive: Iterable[str] = ()) -> None:
        self.stems = tuple(sorted({s.lower() for s in stems}, key=len, reverse=True))
        # Reflexive forms are mostly what a thing did by itself ("сам перезагрузился");
        # only these stems are attempts when reflexive ("перелогинился", "пытался").
        self.reflexive = tuple(s.lower() for s in reflexive)
        self._known: dict[str, bool] = {}  # words already judged: users repeat themselves

    def is_done(self, word: str) -> bool:
        word = word.lower()
        known = self._known.get(word)
        if known is None:
            if len(self._known) >= KNOWN_WORDS_KEPT:
                self._known.clear()
            known = self._known[word] = self._judge(word)
        return known

    def _judge(self, word: str) -> bool:
        stem = self._stem_of(word)
        if not stem:
            # The dictionary knows forms the stems do not spell: витягла -> витягти.
            base = lemma(word, "ru") if len(word) > 3 else word
            stem = self._stem_of(base)
            if not stem or base == word:
                return False
            common = len(_common_prefix(word, base))
            stem = word[: min(common, len(stem))]
        tail = word[len(stem) :]
        for ending in _REFLEXIVE:
            if tail.endswith(ending) and len(tail) > len(ending):
                if not stem.startswith(self.reflexive) or not self.reflexive:
                    return False
                tail = tail[: -len(ending)]
                break
        if len(tail) > MAX_TAIL or any(mark in tail for mark in _NOUN_MARKS):
            return False
        if tail and word.endswith("ло"):
            return False  # the neuter past, said impersonally: "сбросило", "видалило" by itself
        grammemes = verb_grammemes(word, "ru")
        if grammemes & _NOT_DONE:
            return False  # a plan, a request or an infinitive: "попробую", "перезагрузите"
        if grammemes & _DONE:
            return True
        return tail.endswith(_DONE_ENDINGS) or tail in _DONE_ENDINGS

    def _stem_of(self, word: str) -> str:
        """The longest stem `word` starts with, or "". Most words of a message start with
        none: one test against all the stems at once rules them out."""
        if not word.startswith(self.stems):
            return ""
        return next(s for s in self.stems if word.startswith(s))

    def found(self, text: str) -> list[str]:
        """The words of `text` that are done forms of the stems; each half of a pair said with
        a hyphen too ("выключали-включали", "вимикали-вмикали")."""
        parts = (p for w in words(text) for p in ([w, *w.split("-")] if "-" in w else [w]))
        return [p for p in parts if p and self.is_done(p)]


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
