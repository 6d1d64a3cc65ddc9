"""The internet or Wi-Fi a VPN is used over is where it connects from, not the problem.

"не могу подключиться к впн с домашнего интернета", "впн не работает с домашнего интернета,
с телефона раздаю - тоже нет", "GlobalProtect крутиться «Connecting», вдома інтернет
нормальний", "помилка 809 при підключенні до впн з домашнього вайфаю": the VPN fails, and
the connection it runs over is named beside it. The internet's and the Wi-Fi's articles
took those words as their own and outranked the VPN's. With a VPN named, a connection said
as the one it goes over (from, through, at home) is no evidence for them; "нет интернета,
впн тоже не работает", "no internet at all, so the VPN is down too" stay the internet's.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from gateway.knowledge.morphology import Token
from gateway.knowledge.vocabulary import VPN_ROUTE_LEADS, VPN_ROUTE_TAILS

# How many words before the connection may say it is the route: "с домашнего интернета",
# "over my home wifi".
_LEAD_REACH = 2


def vpn_routes(
    words: Sequence[Token], vpns: Container[str], routes: Container[str]
) -> frozenset[int]:
    """Positions of the internet, Wi-Fi and network words (lemmas in `routes`) said as the
    connection a VPN named in the message (a lemma in `vpns`) is used over; empty when it
    names no VPN."""
    if not any(t.lemma in vpns and not t.stop for t in words):
        return frozenset()
    return frozenset(
        i
        for i, t in enumerate(words)
        if t.lemma in routes and not t.stop and _route(words, i)
    )


def _route(words: Sequence[Token], i: int) -> bool:
    before = words[max(i - _LEAD_REACH, 0) : i]
    after = words[i + 1] if i + 1 < len(words) else None
    return any(t.word in VPN_ROUTE_LEADS or t.lemma in VPN_ROUTE_LEADS for t in before) or (
        after is not None and after.word in VPN_ROUTE_TAILS
    )
