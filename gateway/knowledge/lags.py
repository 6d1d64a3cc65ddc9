"""A keyboard or a mouse that lags, with no machine named, is the device's own fault.

"Logitech keyboard lags like crazy, letters show up seconds later", "my wireless keyboard
lags, letters appear a second later": the device does not keep up with the hand, which the
keyboard article calls "not responding"; the slow computer's "lagging" is the whole machine
("fan is very loud and pc is lagging"). A machine said beside it ("everything on this machine
is dead laggy, the mouse moves but clicks take 30 sec", "the on-screen keyboard on my tablet
lags") leaves the lag as it is. English only: no readable Russian or Ukrainian line says so.
"""

from __future__ import annotations

from collections.abc import Sequence

from gateway.knowledge.morphology import Token
from gateway.knowledge.vocabulary import (
    INPUT_DEVICE_WORDS,
    INPUT_LAG_WORDS,
    LAGGING_MACHINE_WORDS,
)


def input_lag(words: Sequence[Token]) -> frozenset[int]:
    """Positions of the lag words of a message that names a keyboard or a mouse and no
    machine; empty otherwise."""
    said = {t.word for t in words}
    if said.isdisjoint(INPUT_DEVICE_WORDS) or not said.isdisjoint(LAGGING_MACHINE_WORDS):
        return frozenset()
    return frozenset(i for i, t in enumerate(words) if t.word in INPUT_LAG_WORDS)
