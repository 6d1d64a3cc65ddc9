"""A burnt smell said by any verb of a stench is the damage article's smell.

"комп'ютер смердить горілим", "від блоку тхне паленим", "из системника воняет горелым": the
damage article says a machine "пахне горілим", "пахнет гарью", and the everyday verbs of a
stench are no word of it. Before a burnt word they are that smell; alone ("у цеху смердить",
"воняет реактивами") they are left as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from gateway.knowledge.morphology import Token
from gateway.knowledge.vocabulary import BURNT_WORDS, STENCH_VERBS

# How many content words after the verb the burnt word may be ("смердить чимось горілим"
# has "чимось" as a stop word; "тхне дуже паленим").
_REACH = 2


def burnt_stench(words: Sequence[Token]) -> frozenset[int]:
    """Positions of the verbs of a stench with a burnt word right after them."""
    content = [i for i, t in enumerate(words) if not t.stop]
    return frozenset(
        i
        for n, i in enumerate(content)
        if words[i].lemma in STENCH_VERBS
        and any(words[j].lemma in BURNT_WORDS for j in content[n + 1 : n + 1 + _REACH])
    )
