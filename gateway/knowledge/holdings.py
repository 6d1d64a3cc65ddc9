"""What a mapped drive holds, said after it is gone, is what is at stake, not what is wrong.

"зник диск S з «Цей ПК», а там всі документи відділу", "диск Z пропал из «Этот компьютер», а
там вся бухгалтерия кабинета", "пропав диск Z з мого компа, там всі накладні на шкурки": the
clause that opens with "там" and "all" says what is on the drive. Its words are the
documents, the department or the accounting ("вся бухгалтерия" reads as a crowd, the
outage's), while the problem is the drive that went (the shared drive article's). Read only
where the message names the mapped drive (storage.py's "netdrive"): on a phone "а там все
коды для входа" is the second factor that was lost with it.
"""

from __future__ import annotations

from collections.abc import Sequence

from gateway.knowledge.morphology import Token
from gateway.knowledge.vocabulary import ALL_HELD_WORDS, MAPPED_DRIVE, NEGATION_WORDS, THERE_WORDS


def held_on_drive(words: Sequence[Token], spans: Sequence[range]) -> frozenset[int]:
    """Positions of the rest of a clause from "там" + "all" ("там всі документи відділу"),
    one clause of several, when the message names the mapped drive; none in a clause that
    denies ("а там ничего нет" says what is wrong)."""
    if len(spans) < 2 or not any(t.word == MAPPED_DRIVE for t in words):
        return frozenset()
    found: set[int] = set()
    for span in spans:
        start = next(
            (
                i
                for i in span
                if words[i].word in THERE_WORDS
                and i + 1 in span
                and words[i + 1].word in ALL_HELD_WORDS
            ),
            None,
        )
        if start is None or any(words[i].word in NEGATION_WORDS for i in span):
            continue
        if any(words[i].word == MAPPED_DRIVE for i in range(start, span[-1] + 1)):
            continue
        found.update(range(start, span[-1] + 1))
    return frozenset(found)
