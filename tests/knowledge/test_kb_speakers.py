"""Speakers said silent, in Russian and Ukrainian, are without sound (issue 12)."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.matcher import Matcher


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("колонки мовчать у бухгалтерії, треба вебінар слухати", "uk"),
        ("колонки в актовом зале не играют, а через час собрание", "ru"),
        ("динаміки на ноуті замовкли після оновлення", "uk"),
        ("молчат колонки в переговорке, а нам презентацию показывать", "ru"),
        ("колонки на ресепшені пекарні не грають, а відео для клієнтів треба", "uk"),
    ],
)
def test_silent_speakers_are_no_sound(matcher: Matcher, text: str, lang: str) -> None:
    # "мовчать", "не играют" said of speakers no article says: among a place's words the
    # message ranked no_sound first but was read as no IT's and got nothing.
    assert answered(matcher, text, lang) == "no_sound"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("газовая колонка молчит и не зажигается", "ru"),
        ("газова колонка мовчить, гарячої води нема", "uk"),
        ("діти в класі мовчать, колонки нові", "uk"),
    ],
)
def test_a_gas_heater_or_silent_people_are_no_speakers(
    matcher: Matcher, text: str, lang: str
) -> None:
    # one "колонка" is a gas heater as often as a speaker; people silent are no speakers
    assert answered(matcher, text, lang) is None
