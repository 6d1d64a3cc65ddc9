"""What fails for a crowd: the outage's "down", whatever program or till it is said of.

"на фабрике домино ни у кого не запускается 1С", "на всіх касах супермаркету зависла
програма", "ВСЕ КАССЫ В САЛОНЕ ВСТАЛИ": a failure said in the clause that names everyone
(the ranker's crowd, `Ranker._crowd`) is the many people's outage, as "1С лежит у всех" says
it, not one user's program that will not start or hangs. Said in another clause it keeps
its own sense: "ноутбук не видит вайфай, у всех есть" (the crowd is fine).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from gateway.knowledge.crowds import is_verb
from gateway.knowledge.morphology import Token
from gateway.knowledge.things import failing
from gateway.knowledge.vocabulary import (
    ABSENT_WORDS,
    MODAL_LEMMAS,
    NEGATION_WORDS,
    NOBODY_WORDS,
    STOPPED_WORDS,
    WENT_OFF_WORDS,
    WITHOUT_WORDS,
)

# The outage article's word for a service down, by the language it is said in.
DOWN_WORDS = {"ru": "лежать", "uk": "лежати", "en": "down"}


def crowd_failures(
    words: Sequence[Token], spans: Sequence[range], crowd: Collection[int]
) -> tuple[frozenset[int], frozenset[int]]:
    """The positions of what is said to fail in the clauses of the crowd's words (`crowd`),
    and of the negations that say it ("не запускается", "зависла", "встали", "лежит"):
    a word of failing (things.failing) or a verb right after a negation. Both empty when
    no clause of the crowd says anything fails."""
    failed: set[int] = set()
    denials: set[int] = set()
    for span in spans or (range(len(words)),):
        if not any(at in span for at in crowd):
            continue
        nobody = min((at for at in crowd if at in span and _nobody(words[at])), default=None)
        for at in span:
            token = words[at]
            if at in crowd or (token.stop and token.word not in STOPPED_WORDS):
                continue
            before = words[at - 1] if at > span.start else None
            if token.lemma in failing() or token.word in failing() or token.word in (
                STOPPED_WORDS | WENT_OFF_WORDS
            ):
                failed.add(at)
            elif before is not None and _denies_a_verb(before) and _verb(token):
                failed.add(at)
                denials.add(at - 1)
            elif (
                nobody is not None
                and nobody < at
                and before is not None
                and before.lemma in MODAL_LEMMAS
                and token.word.isascii()
            ):
                # "nobody at the bow workshop can open 1C": what nobody can do fails for all.
                failed.add(at)
    return frozenset(failed), frozenset(denials)


def _nobody(token: Token) -> bool:
    """The crowd said as English "nobody" or "no one" ("no" is where the crowd is read)."""
    return token.word in NOBODY_WORDS or token.word == "no"


def _denies_a_verb(token: Token) -> bool:
    """A negation that may deny the verb after it: "не", "not", "can't" (not "нет", "немає",
    "без": what they deny is a thing, "немає води", whatever the dictionary makes of it)."""
    return token.word in NEGATION_WORDS and token.word not in ABSENT_WORDS | WITHOUT_WORDS


def _verb(token: Token) -> bool:
    """A verb said denied: a Cyrillic word whose likeliest reading is a verb ("не
    запускается", "не продають"; not "немає води"), an English word after a negation
    ("can't open"). Not being able: "не может пробить чек" fails to do what follows, which
    is no word of the outage's own."""
    if token.lemma in MODAL_LEMMAS:
        return False
    return token.word.isascii() or is_verb(token)
