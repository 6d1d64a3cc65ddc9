"""A spill that lands on no device: a drink over the table or a shirt is no IT problem.

"knocked a glass of juice over the kitchen table", "spilled tea all over my shirt",
"пролил кофе на стол в переговорке": the spilling words are the damage article's, and
alone they answered it. Said onto furniture, a floor or clothes, with no device named
anywhere in the message, the spill and its drink are ruled out as a denied spill is.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from gateway.knowledge.morphology import Token, english_past, readings
from gateway.knowledge.vocabulary import (
    AWAITED_TIMES,
    DAMAGE_VERBS,
    DAMAGED_THINGS,
    DROPPED_STEMS,
    FALL_VERBS,
    MEAL_TIMES,
    SOURCE_WORDS,
    SPILL_DEVICES,
    SPILL_SURFACES,
    SPILLING_STEMS,
    SPLASH_WORDS,
    TIPPED_WORDS,
)
from gateway.knowledge.wordlists import said

# Where a spill goes: "on", "onto", "over", "all over", "на", "по".
_ONTO = frozenset({"on", "onto", "over", "into", "across", "на", "по"})
_REACH = 6  # words from the spill to where it went ("spilled a full mug of tea onto ...")
_PLACE_REACH = 4  # and from there to the place ("over the kitchen table")
# The readings of a verb not done: asked for, to come or only named ("заливаем", "залийте",
# "пролью", "надо залить каталог", "почту перекинуть").
_NOT_DONE = frozenset({"pres", "futr", "impr", "INFN", "infn"})


def damage_word(token: Token) -> bool:
    """Whether the word says a thing was spilt on, dropped or knocked over
    (vocabulary.DAMAGE_VERBS): "пролила", "розлив", "залито", "уронили", "spilling",
    "dropped"; not "заливаем", "надо залить каталог", "the call drops"."""
    if token.word.isascii():
        return token.lemma in SPILLING_STEMS or (
            token.lemma in DROPPED_STEMS and english_past(token.word)
        )
    return _done(token.word, DAMAGE_VERBS)


@lru_cache(maxsize=8192)
def _done(word: str, verbs: frozenset[str]) -> bool:
    """A Russian or a Ukrainian word read by either dictionary as one of `verbs` done: the
    past or a participle ("впустили" is the Ukrainian "dropped"; "капнула", "упал")."""
    return any(
        lemma in verbs and tags.isdisjoint(_NOT_DONE)
        for lang in ("ru", "uk")
        for lemma, tags in readings(word, lang)
    )


def splashed(words: Sequence[Token]) -> frozenset[int]:
    """Positions of the words of a liquid that reached a device other than by pouring
    (vocabulary.SPLASH_WORDS: "resin got splashed on the keyboard", "капнула горячая
    карамель прямо на клавиатуру") or of a vessel that tipped over onto one ("the kettle
    tipped over onto our Dell Latitude"): the spill the damage article speaks of. Only with a
    device named in the message, or a name said where the liquid went ("onto our Dell
    Latitude"); "the fountain splashed the visitors" is none."""
    found = frozenset(
        index
        for index, token in enumerate(words)
        if _splash(token)
        or (
            token.word in TIPPED_WORDS
            and index + 1 < len(words)
            and words[index + 1].word == "over"
        )
    )
    if not found or any(said(t, SPILL_DEVICES) for t in words):
        return found
    return frozenset(index for index in found if _onto_a_name(words, index + 1))


def _splash(token: Token) -> bool:
    if token.word.isascii():
        return token.word in SPLASH_WORDS
    return _done(token.word, SPLASH_WORDS)


def _onto_a_name(words: Sequence[Token], start: int) -> bool:
    """A preposition of where a spill went a few words after it, with a name right after
    it or one word later ("onto our Dell Latitude 5420"): a device by its make or model."""
    ahead = words[start : start + _REACH]
    onto = next((i for i, t in enumerate(ahead) if t.word in _ONTO), None)
    if onto is None:
        return False
    landed = [t for t in ahead[onto + 1 :] if t.word not in _ONTO][:2]  # "over onto our Dell"
    return any(t.name or t.capital for t in landed)


def fell_from(words: Sequence[Token]) -> frozenset[int]:
    """Positions of the Russian or Ukrainian words of a fall from a place, a device named in
    the message ("ноутбук упал со стола", "монітор впав з кронштейна", "планшет упав з
    висоти"): the device was dropped. A fall with no place it fell from is a service going
    down ("1С упала у всех"), and so is one from a time ("сервер упал с утра")."""
    if not any(said(t, SPILL_DEVICES) for t in words):
        return frozenset()
    return frozenset(
        index
        for index, token in enumerate(words)
        if not token.word.isascii()
        and _done(token.word, FALL_VERBS)
        and _from_place(words, index + 1)
    )


def _from_place(words: Sequence[Token], start: int) -> bool:
    """A source preposition right after the verb, or one word after it ("упал прямо со
    стола"), governing a word in the genitive that is no time ("с утра", "з 8", "з обіду";
    "с молоком" is what came with it)."""
    for at in range(start, min(start + 2, len(words) - 1)):
        if words[at].word in SOURCE_WORDS:
            after = words[at + 1]
            return _genitive(after.word) and not (
                said(after, AWAITED_TIMES) or said(after, MEAL_TIMES)
            )
    return False


def _genitive(word: str) -> bool:
    return any("gent" in tags for lang in ("ru", "uk") for _, tags in readings(word, lang))



def spilled_elsewhere(words: Sequence[Token]) -> frozenset[int]:
    """Positions of the spilling words and of the drinks spilled when the spill landed on
    furniture, a floor or clothes and no device is named: empty otherwise."""
    spills = [i for i, t in enumerate(words) if damage_word(t)]
    if not spills or any(said(t, SPILL_DEVICES) for t in words):
        return frozenset()
    found: set[int] = set()
    for index in spills:
        ahead = words[index + 1 : index + 1 + _REACH + _PLACE_REACH]
        onto = next((i for i, t in enumerate(ahead[:_REACH]) if t.word in _ONTO), None)
        if onto is None:
            continue
        # The place, a noun before it at most: "the kitchen table", "the café counter".
        landed = [t for t in ahead[onto + 1 :] if not t.stop and t.word != "over"][:2]
        if not any(said(t, SPILL_SURFACES) for t in landed):
            continue
        found.add(index)
        found.update(
            index + 1 + i for i, t in enumerate(ahead[:onto]) if said(t, DAMAGED_THINGS)
        )
    return frozenset(found)
