"""A cooler said of a computer is its fan, no water cooler.

"ноут кружка жутко тормозит, а кулер ревёт", "всё висит, кулер воет", "система підвисає і
кулер шумить як фен": the slow computer's article says "вентилятор", and "кулер" alone is the
kitchen's water cooler, another service's word, which made such messages look like a
facilities question. Said beside a computer or its slowness, and no water, the cooler is the
computer's fan; "кулер с водой пустой", "закажите воду в кулер", "кулер сломался" stay the
kitchen's.
"""

from __future__ import annotations

from collections.abc import Sequence

from gateway.knowledge.morphology import Token
from gateway.knowledge.vocabulary import COOLED_MACHINE_WORDS, COOLER_WATER_WORDS, COOLER_WORDS


def computer_coolers(words: Sequence[Token]) -> frozenset[int]:
    """Positions of the coolers of a message that names a computer or its slowness and no
    water; empty otherwise."""
    said = {t.lemma for t in words if not t.stop} | {t.word for t in words if not t.stop}
    if said.isdisjoint(COOLED_MACHINE_WORDS) or not said.isdisjoint(COOLER_WATER_WORDS):
        return frozenset()
    return frozenset(i for i, t in enumerate(words) if t.lemma in COOLER_WORDS)
