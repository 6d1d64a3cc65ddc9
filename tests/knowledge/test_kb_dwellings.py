"""A flat is a home: "from my flat" is "from home" (issue 12)."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.dwellings import home_flats
from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import tokens


@pytest.mark.parametrize(
    "text",
    [
        # answered keyboard_mouse before (faq_tune24:251): the keyboard's "batteries are flat"
        "GlobalProtect says gateway not responding from my flat",
        # answered shared_drive_access before (faq_frozen34:207)
        "VPN won't connect from my flat and the sculpture design files are only on the "
        "park's server",
    ],
)
def test_a_vpn_from_the_flat_is_the_vpn_from_home(matcher: Matcher, text: str) -> None:
    assert answered(matcher, text, "en") == "vpn_connect"


def test_a_flat_battery_stays_the_keyboards(matcher: Matcher) -> None:
    assert answered(matcher, "keyboard batteries are flat", "en") == "keyboard_mouse"


def test_only_a_flat_after_a_preposition_and_a_determiner_is_a_home() -> None:
    said = tokens("worked fine last week from the same flat", "en")
    assert [said[i].word for i in sorted(home_flats(said))] == ["flat"]
    # the plural too: the printer's "flat" (its glass) once shadowed this set's name
    said = tokens("the VPN drops for everyone working from their flats", "en")
    assert [said[i].word for i in sorted(home_flats(said))] == ["flats"]
    for text in (
        "horse box trailer has a flat tyre",
        "spilled my flat white all over the laptop keyboard",
        "the flat glass thing on top of the copier hums",
        "we are billed at a flat rate",
        "bus 27 won't start, battery flat",
    ):
        assert home_flats(tokens(text, "en")) == frozenset(), text
