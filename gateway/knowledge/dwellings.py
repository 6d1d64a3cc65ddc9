"""A flat is a home: "from my flat" is "from home" in British English.

"VPN error 691 when I try from my flat", "GlobalProtect says gateway not responding from my
flat", "worked fine last week from the same flat": the VPN article says "from home"; the
keyboard article's "batteries are flat" made the bare word a keyboard's. A flat after a
preposition of place or purpose and a determiner ("from my flat", "at the flat", "for my new
flat") is read as home; a flat thing ("a flat tyre", "at a flat rate", "my flat white"), a
battery gone flat and a flat glass are left as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from gateway.knowledge.morphology import Token
from gateway.knowledge.vocabulary import (
    FLAT_KINDS,
    FLAT_PREPOSITIONS,
    FLAT_THINGS,
    HOME_FLAT_WORDS,
    NOUN_DETERMINERS,
)


def home_flats(words: Sequence[Token]) -> frozenset[int]:
    """Positions of "flat" said as a dwelling: after a preposition and a determiner, a word
    of which home ("new", "same") at most between, and before no flat thing."""
    found = []
    for i, token in enumerate(words):
        if token.word not in HOME_FLAT_WORDS:
            continue
        if i + 1 < len(words) and words[i + 1].word in FLAT_THINGS:
            continue
        k = i - 1
        if k >= 0 and words[k].word in FLAT_KINDS:
            k -= 1
        if k >= 1 and words[k].word in NOUN_DETERMINERS and words[k - 1].word in FLAT_PREPOSITIONS:
            found.append(i)
    return frozenset(found)
