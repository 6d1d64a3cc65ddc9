"""A tablet named by its make or its system is a tablet, not the phone whose mail is set up.

"Планшет Samsung Galaxy Tab S6 Lite на Android 13 не чіпляється до вайфаю", "касса: Poster
не запускается … Планшет Samsung Galaxy Tab A8, Android 13": the normaliser reads "Samsung"
and "Galaxy" as "android" (a phone called by its make), and "android" is a word of the phone
mail article's; three of them outweighed the Wi-Fi or the program that fails. Said in a
message that names a tablet, the make and the system are the tablet's name (the product
field), no evidence of any problem. Mail said of the tablet still reads as mail.
"""

from __future__ import annotations

from collections.abc import Sequence

from gateway.knowledge.morphology import Token
from gateway.knowledge.vocabulary import ANDROID_WORDS, TABLET_WORDS


def tablet_makes(words: Sequence[Token]) -> frozenset[int]:
    """Positions of the make and system words ("android", as "Samsung", "Galaxy" and
    "Android" are read) in a message that names a tablet: "планшет", "tablet", or a "Tab"
    right after a make ("Galaxy Tab A8"); empty otherwise."""
    makes = [i for i, t in enumerate(words) if _either(t, ANDROID_WORDS)]
    if not makes:
        return frozenset()
    tablet = any(
        _either(t, TABLET_WORDS) or (t.word == "tab" and i - 1 in makes)
        for i, t in enumerate(words)
    )
    return frozenset(makes) if tablet else frozenset()


def _either(token: Token, words: frozenset[str]) -> bool:
    return token.word in words or token.lemma in words
