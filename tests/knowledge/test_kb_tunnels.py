"""The internet or Wi-Fi a VPN is used over is where it connects from (issue 12)."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import tokens
from gateway.knowledge.tunnels import vpn_routes


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # offered the Wi-Fi's or the internet's first before (faq_tune25:247, faq_tune37:245,
        # faq_tune39:61)
        ("впн не подключается с домашнего вайфая, пишет ошибку 800", "ru"),
        ("впн не підключається з домашнього інтернету, з офісу все було добре", "uk"),
        ("помилка 691 коли підключаюсь до впн через домашній вайфай", "uk"),
        # and as before
        ("AnyConnect не конектиться, вдома інтернет є, сайти відкриваються", "uk"),
        ("VPN fails over my home wifi, error 809", "en"),
    ],
)
def test_the_connection_a_vpn_goes_over_is_no_problem(
    matcher: Matcher, text: str, lang: str
) -> None:
    assert answered(matcher, text, lang) == "vpn_connect"


def test_no_internet_with_the_vpn_down_too_stays_the_internets(matcher: Matcher) -> None:
    assert answered(matcher, "no internet at all on my laptop, so the VPN is down too", "en") == (
        "no_internet"
    )


def test_only_a_route_beside_a_vpn_is_read() -> None:
    said = tokens("впн не работает с домашнего интернета", "ru")
    assert [said[i].lemma for i in sorted(vpn_routes(said, {"vpn"}, {"интернет"}))] == [
        "интернет"
    ]
    for text, lang in (
        ("нет интернета на ноутбуке, впн тоже не работает", "ru"),
        ("с домашнего интернета сайты не открываются", "ru"),
    ):
        assert vpn_routes(tokens(text, lang), {"vpn"}, {"интернет"}) == frozenset(), text
