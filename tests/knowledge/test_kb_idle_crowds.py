"""A crowd nothing is said to fail for is many people, not an outage (issue 12)."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.matcher import Matcher


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a greeting to all on a shift
        ("доброго ранку всім, хто на зміні", "uk"),
        # a queue at every till, nothing failing
        ("на всех кассах очередь до дверей, нужен ещё кассир", "ru"),
        ("на всіх касах великі черги, відкрийте ще одну", "uk"),
        # something sold out in every shop of a chain: "сети" is the chain, no network
        ("во всех аптеках сети закончились маски", "ru"),
        ("у всіх кав'ярнях мережі закінчилося молоко", "uk"),
    ],
)
def test_a_crowd_with_nothing_failing_is_offered_nothing(
    matcher: Matcher, text: str, lang: str
) -> None:
    # "всім", "на всех кассах", "во всех аптеках" were read as everyone's outage, and the
    # chain's "сети" beside a verb as its lost network: the outage was answered.
    result = matcher.match(text, lang)
    assert (result.outcome, result.candidates) == ("none", ())


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("на всех кассах не проходит оплата", "ru"),
        ("у всіх магазинах мережі не працюють каси", "uk"),
        ("во всех аптеках сети легла программа", "ru"),
        ("у всіх кав'ярнях мережі зависли каси", "uk"),
        ("у всех лежит почта", "ru"),
        ("email down for everyone", "en"),
        # a problem said as such, or being thrown out, fails as much as "лежит"
        ("у всех проблемы с почтой", "ru"),
        ("у всіх проблеми з поштою", "uk"),
        ("everyone is having trouble with email", "en"),
        ("у всех выкидывает из 1С", "ru"),
        ("у всіх викидає з програми", "uk"),
    ],
)
def test_a_crowd_something_fails_for_stays_the_outage(
    matcher: Matcher, text: str, lang: str
) -> None:
    assert answered(matcher, text, lang) == "outage_critical"
