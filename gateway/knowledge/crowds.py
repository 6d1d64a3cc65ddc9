"""A crowd said by a quantifier: which word says "all" or "not one", and the place it spans.

"весь склад без сети", "ни в одном отделении", "на всей солеварне", "жоден комп'ютер":
the ranker reads such a crowd as the outage's everyone (`Ranker._crowd`). These are the
grammar's parts of that reading, which need no article: what a quantifier says, whether a
preposition of place stands before it, and whether a word can be a place (an inanimate
noun in the case a place takes). Whether work stopped for many is priority's reading
(triage/impact.py `many_stopped`); `stop_matters` says when the crowd reading asks it.
"""

from __future__ import annotations

from collections.abc import Sequence

from gateway.knowledge.morphology import Token, read_as, readings
from gateway.knowledge.vocabulary import (
    ELSE_WORDS,
    EVERYONE_WORDS,
    LACKING_VERBS,
    MANY_WORDS,
    NOBODY_WORDS,
    NONE_PARTICLES,
    NONE_WORDS,
    ONE_LEMMAS,
    PREPOSITIONS,
    QUANTIFIED_DETERMINERS,
)
from gateway.triage.language import CYRILLIC

QUANTIFIER_WORDS = MANY_WORDS | NONE_WORDS | NONE_PARTICLES
# "на всей солеварне", "в жодній юрті", "ни на одном катке": a place no list names, said so
# by the preposition before "весь" / "жоден" / "ни один" and the case. Not "по": "по всій
# грядці" is across a surface as often as "по всему городу" is across many sites.
_WHOLE_PLACE_PREPOSITIONS = frozenset({"на", "в", "во", "у"})
WHERE_CASES = frozenset({"loct", "datv"})
_INANIMATE_NOUN = frozenset({"NOUN", "inan"})
_VERBS = frozenset({"VERB", "INFN"})  # pymorphy3's verbs, personal and infinitive
# What an English quantifier is said of before its nouns: "the whole …", "every one of our …",
# "nobody at the …", "no one in my …", "all of the yurt camp tablets" (ranker's compounds):
# vocabulary's QUANTIFIED_DETERMINERS, and "of".
ENGLISH_DETERMINERS = QUANTIFIED_DETERMINERS | {"of"}
_ENGLISH_WHERE = frozenset({"at", "in", "on", "across"})
_ENGLISH_ARTICLES = frozenset({"a", "an"})
_ENGLISH_NOUNS = 3  # "the whole polling station", "nobody at the bow workshop"
# The English quantifiers whose crowd is read only when work stopped for many (`stop_matters`).
_ENGLISH_WHOLE = frozenset({"whole", "entire", "every"})


def quantifier(words: Sequence[Token], index: int) -> str:
    """What the word at `index` says of the words after it: "all" ("весь", "all",
    "every"), "none" ("жоден", "none", "ни" before a form of "один": "ни в одном
    отделении", "ні на одному компі"); "" for any other word."""
    word = words[index].word
    if word in NONE_WORDS or word in NOBODY_WORDS or _no_one(words, index):
        return "none"
    if word in MANY_WORDS:
        return "all"
    if word in NONE_PARTICLES:
        after = words[index + 1 : index + 3]
        if after and after[0].word in PREPOSITIONS:
            after = after[1:]
        if after and after[0].lemma in ONE_LEMMAS:
            return "none"
    return ""


def _no_one(words: Sequence[Token], index: int) -> bool:
    """English "no one" (two words), said of people as "nobody" is."""
    return (
        words[index].word == "no"
        and index + 1 < len(words)
        and words[index + 1].word == "one"
    )


def english_span(words: Sequence[Token], index: int) -> list[int]:
    """Positions of the English nouns a quantifier at `index` is said of, at most three:
    "the whole [polling station]", "down for every [operator]", "nobody at the [bow
    workshop]" (after "nobody" or "no one", where they are). Empty when a word not English
    or a stop word other than a determiner comes first."""
    at = index + (2 if _no_one(words, index) else 1)
    if quantifier(words, index) == "none":
        if at >= len(words) or words[at].word not in _ENGLISH_WHERE:
            return []
        at += 1
    elif index and words[index - 1].word in _ENGLISH_ARTICLES:
        return []  # "lost a whole round", "dropped a whole tray of drinks": how much
    while at < len(words) and words[at].word in ENGLISH_DETERMINERS:
        at += 1
    found: list[int] = []
    while at < len(words) and len(found) < _ENGLISH_NOUNS:
        token = words[at]
        if token.stop or not token.word.isascii() or not token.word.isalpha():
            break
        found.append(at)
        at += 1
    if found and quantifier(words, index) == "all" and _plural(words[found[-1]].word):
        return []  # "whole trays are dying off": every one of the things, no place
    return found


def _plural(word: str) -> bool:
    """An English noun's plural as most are written ("trays", "bureaus"; not "glass",
    "campus", "analysis")."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def said_without(words: Sequence[Token], at: int) -> bool:
    """Whether the words right after position `at` say it lacks something: "has no",
    "have no", "is without", "without" ("the whole bureau has no email")."""
    ahead = [t.word for t in words[at + 1 : at + 3]]
    return ahead[:1] == ["without"] or (
        len(ahead) == 2 and ahead[0] in LACKING_VERBS and ahead[1] in ("no", "without")
    )


def everyone_else(words: Sequence[Token]) -> frozenset[int]:
    """Positions of "everyone" or "everybody" said with "else" ("my PC says the Kyocera is
    offline but everyone else can print to it", "works for everybody else"): the others, set
    against the writer, for whom it works; the problem is the writer's alone, no crowd's."""
    return frozenset(
        i
        for i, t in enumerate(words[:-1])
        if t.word in EVERYONE_WORDS and words[i + 1].word in ELSE_WORDS
    )


def placed(words: Sequence[Token], index: int) -> bool:
    """Whether the quantifier at `index` follows a preposition of place ("на всей", "в
    жодній"), or "ни"/"ні" has one before its "один" ("ни в одном")."""
    before = words[index - 1].word if index else ""
    after = words[index + 1].word if index + 1 < len(words) else ""
    return before in _WHOLE_PLACE_PREPOSITIONS or (
        words[index].word in NONE_PARTICLES and after in _WHOLE_PLACE_PREPOSITIONS
    )


def stop_matters(words: Sequence[Token]) -> bool:
    """Whether the crowd reading of `words` depends on work said to stop for many: only a
    "not one" ("жоден комп'ютер", "ни на одной флешке": many machines, or one stick's
    files) or a "весь" after a preposition of place ("на всей солеварне") is read so. A
    "ни"/"ні" counts whatever follows it: its "один" may be a transliterated word's other
    reading, which the ranker settles later."""
    return any(
        token.word in NONE_WORDS
        or token.word in NONE_PARTICLES
        or token.word in NOBODY_WORDS
        or token.word in _ENGLISH_WHOLE
        or _no_one(words, index)
        or (token.word in MANY_WORDS and placed(words, index))
        for index, token in enumerate(words)
    )


def inanimate_noun(token: Token, plural: bool, cases: frozenset[str] = frozenset()) -> bool:
    """Whether any reading of the word in either language is an inanimate noun in the
    plural (or not), in one of `cases` when any are given (the Ukrainian dictionary
    marks no singular, so the singular is "not plural"; "фермі" is a surname first)."""
    number = frozenset({"plur"})
    return read_as(
        token.word, cases, _INANIMATE_NOUN | number if plural else _INANIMATE_NOUN,
        frozenset() if plural else number,
    )


def is_verb(token: Token) -> bool:
    """A Cyrillic word whose likeliest reading is a verb ("впала", "пропала", "лежит")."""
    if not CYRILLIC.search(token.word):
        return False
    return any(
        found and found[0][1] & _VERBS
        for found in (readings(token.word, "uk"), readings(token.word, "ru"))
    )
