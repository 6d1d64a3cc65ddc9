"""A cooler said of a computer is its fan, no kitchen's water cooler (issue 12)."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.coolers import computer_coolers
from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import tokens


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # offered nothing before: "кулер" was the kitchen's (faq_frozen40:13, faq_frozen18:111,
        # faq_frozen27:114)
        ("всё зависает, кулер ревёт, процессор загружен на 100%", "ru"),
        ("система тупить і кулер гуде як пилосос", "uk"),
        ("все підвисає, кулер реве, процесор завантажений на 100%", "uk"),
        # and as before
        ("ноут клуба дико тупит, кулер гудит как трактор", "ru"),
    ],
)
def test_a_computers_cooler_is_its_fan(matcher: Matcher, text: str, lang: str) -> None:
    assert answered(matcher, text, lang) == "slow_computer"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("кулер с водой на складе опять протекает", "ru"),
        ("закажите, пожалуйста, воду в кулер, последний бутыль пустой", "ru"),
        ("в кулері на другому поверсі скінчилась вода", "uk"),
    ],
)
def test_a_water_cooler_stays_the_kitchens(matcher: Matcher, text: str, lang: str) -> None:
    assert answered(matcher, text, lang) is None


def test_only_a_cooler_beside_a_computer_and_no_water_is_read() -> None:
    said = tokens("ноут тормозит, а кулер воет", "ru")
    assert [said[i].word for i in sorted(computer_coolers(said))] == ["кулер"]
    for text, lang in (
        ("кулер сломался", "ru"),
        ("в кулере нет воды, а компьютер тормозит", "ru"),
        ("кулер з водою на кухні протікає", "uk"),
    ):
        assert computer_coolers(tokens(text, lang)) == frozenset(), text
