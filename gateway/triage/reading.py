"""The words of a message as triage reads them: each with its lemma and its grammemes.

Triage rules that must hold in any wording (who is stopped, what is at stake, whether
the user has lost patience) look words up by lemma, so "касири", "кассиров" and
"cashiers" are each one word of the dictionary, in any case, tense or person.

A message is read once for all of them (`MessageReading`): the dialog step makes one
reading of each text it looks at and hands it to every rule, which takes its normal form,
its language and its words from there instead of finding them again. A rule that depends
on the text alone (`read_once`) keeps its verdict on the reading, so a step that asks it
again gets the same answer without reading again; and a short text is read once per process
(`shared_reading`): users write the same short texts again and again ("да", "не помогло",
a button's label, one outage in many users' words), and each is read, and judged by each
rule, once while it is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache, wraps
from typing import Concatenate, ParamSpec, TypeVar, cast

from gateway.knowledge.morphology import lemma, meant_text, readings
from gateway.triage.language import CYRILLIC, detect_language
from gateway.triage.phrases import normalise

_WORD = re.compile(r"[\w'-]+|\d+")
WORDS_KEPT = 16384  # words read (users write much the same words): ~5 MiB at most
# Short texts read once per process: a reading of one is a few KiB with its verdicts, so
# at most a few MiB; a longer message is rarely written twice word for word.
SHARED_READINGS = 1024
SHARED_UP_TO = 200  # characters
# A full stop ends a clause, a dot inside a version or a time ("Zoom 5.17") does not; so
# does a contrast ("…, а у коллег работает").
CLAUSE = re.compile(r"(?:[;!?\n]|\.(?!\d))+|,\s+(?:а|але|но|but|and|і|и)\s+")


@dataclass(frozen=True)
class Word:
    """One word of a message: as typed (normalised), its lemma, its readings' grammemes."""

    text: str
    lemma: str
    tags: tuple[frozenset[str], ...]
    lemmas: frozenset[str] = frozenset()  # of every reading: "впала" is впасти and впалий

    def among(self, keys: frozenset[str]) -> bool:
        """Whether the word, or the lemma of any of its readings, is one of `keys`."""
        return self.text in keys or self.lemma in keys or not keys.isdisjoint(self.lemmas)

    def has(self, *grammemes: str) -> bool:
        return any(all(g in tags for g in grammemes) for tags in self.tags)

    @property
    def is_verb(self) -> bool:
        return any(t & {"VERB", "INFN", "PRTS", "GRND"} for t in self.tags)

    @property
    def is_noun(self) -> bool:
        return any("NOUN" in t for t in self.tags)


def read_words(text: str, lang: str) -> list[Word]:
    """The words of normalised `text`, each with its lemma and readings."""
    stripped = (raw.strip("'-") for raw in _WORD.findall(text))
    return [_word(word, lang) for word in stripped if word]


@lru_cache(maxsize=WORDS_KEPT)
def _word(word: str, lang: str) -> Word:
    """One word as triage reads it; a word is read once, whichever message it is in."""
    found = readings(word, lang) if CYRILLIC.search(word) else ()
    base = found[0][0] if found else lemma(word, lang)
    tags = tuple(tags for _, tags in found)
    return Word(word, base, tags, frozenset(name for name, _ in found))


def lemma_keys(words: str, lang: str) -> frozenset[str]:
    """Lemma keys of words written in their dictionary form (stems for English words)."""
    return frozenset(lemma(w, lang) for w in normalise(words).split())


class MessageReading:
    """One message as every triage rule reads it, each part worked out once, when first
    asked for: its normal form, its language, its words, its clauses and their words."""

    def __init__(self, text: str) -> None:
        self.text = text
        # each `read_once` rule's verdict on this text, by rule and arguments
        self.verdicts: dict[tuple[object, ...], object] = {}

    @cached_property
    def norm(self) -> str:
        """Lower-cased, `ё` and apostrophes folded, whitespace collapsed."""
        return normalise(self.text)

    @cached_property
    def lang(self) -> str:
        return detect_language(self.norm)

    @cached_property
    def words(self) -> list[Word]:
        return read_words(self.norm, self.lang)

    @cached_property
    def meant(self) -> MessageReading | None:
        """The message read as the Cyrillic words meant, when it is typed in translit or the
        wrong keyboard layout ("u vseh vse upalo" → "у всех все упало"); else None."""
        meant = meant_text(self.text)
        return None if meant == self.text else MessageReading(meant)

    @cached_property
    def clauses(self) -> list[tuple[str, list[Word]]]:
        """Each clause of the normal form (`CLAUSE`) with its words."""
        return [(clause, read_words(clause, self.lang)) for clause in CLAUSE.split(self.norm)]


def read_message(message: str | MessageReading) -> MessageReading:
    """`message` as a reading: the one given, or a new one of the text."""
    return message if isinstance(message, MessageReading) else MessageReading(message)


def shared_reading(text: str) -> MessageReading:
    """The reading of `text` this process keeps for every message that says it, when the
    text is short (a new one for a longer text)."""
    return _shared(text) if len(text) <= SHARED_UP_TO else MessageReading(text)


@lru_cache(maxsize=SHARED_READINGS)
def _shared(text: str) -> MessageReading:
    return MessageReading(text)


P = ParamSpec("P")
R = TypeVar("R")


def read_once(
    rule: Callable[Concatenate[MessageReading, P], R],
) -> Callable[Concatenate[str | MessageReading, P], R]:
    """`rule`, a judgement of a message's text alone (and of its other arguments), made
    once for each reading and kept on it: asked again of the same reading, the verdict is
    the one given before. A rule that reads anything besides its arguments (the clock, a
    setting) must not be kept so; verdicts are shared, so they are immutable values."""

    @wraps(rule)
    def once(message: str | MessageReading, *args: P.args, **kwargs: P.kwargs) -> R:
        reading = read_message(message)
        key = (rule, args, tuple(sorted(kwargs.items())))
        if key in reading.verdicts:
            return cast(R, reading.verdicts[key])
        verdict = reading.verdicts[key] = rule(reading, *args, **kwargs)
        return verdict

    return once
