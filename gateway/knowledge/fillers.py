"""An English clause closed by "and all", "and everything": how far a failure reaches.

"the whole computer freezes every few minutes, mouse and all", "emails aren't arriving,
checked junk and everything": the words round off what the clause says (as "etc." does);
"everything" there is no crowd the outage stops, and a clause that is only "mouse and all"
names what went along with the failure, not the thing that fails.
"""

from __future__ import annotations

from collections.abc import Sequence

from gateway.knowledge.morphology import Token
from gateway.knowledge.vocabulary import NEGATION_WORDS

_AND = "and"
# What "and" rounds a clause off with ("and all", "and everything", "and stuff").
_FILLERS = frozenset({"all", "everything", "stuff", "whatnot"})


def extent_fillers(
    words: Sequence[Token], spans: Sequence[range], failures: frozenset[str] = frozenset()
) -> frozenset[int]:
    """Positions of "and all", "and everything", "and stuff" where they close a clause of
    several, and of the whole clause when it is only what went along ("…, mouse and all"):
    one content word before them, no denial and no failure (`failures`, lemmas: "wouldn't
    start and all" says what failed). More words say something of their own ("checked junk
    and everything", "scanner crashed and all"): only the filler goes."""
    if len(spans) < 2:
        return frozenset()
    found: set[int] = set()
    for span in spans:
        if len(span) < 2:
            continue
        last, before = span[-1], span[-2]
        if words[before].word != _AND or words[last].word not in _FILLERS:
            continue
        found.update((before, last))
        content = [i for i in span[:-2] if not words[i].stop]
        if len(content) == 1 and not any(
            words[i].lemma in failures or words[i].word in NEGATION_WORDS for i in span
        ):
            found.update(span)
    return frozenset(found)
