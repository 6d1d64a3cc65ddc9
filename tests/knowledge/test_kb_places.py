"""Where the writer is, said in the locative, is beside the problem (issue 12)."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.asides import asides
from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import Token, tokens


def _unexplained(token: Token) -> bool:
    return token.lemma not in {"ноутбук", "телефон", "интернет"}


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        # a noun in the locative no list names, with whose place it is
        ("ноутбук в прачечной общежития не видит интернет", "ru", ["прачечной", "общежития"]),
        ("на гідропонній фермі ноутбук не вмикається", "uk", ["гідропонній", "фермі"]),
        # a listed place with whose it is
        ("в мастерской сургуча ноутбук не видит интернет", "ru", ["мастерской", "сургуча"]),
        # a device an article explains is no place; nor where to
        ("на ноутбуке не видно интернет", "ru", []),
        ("иду в прачечную, ноутбук не видит интернет", "ru", []),
    ],
)
def test_a_place_in_the_locative_no_article_explains_is_an_aside(
    text: str, lang: str, place: list[str]
) -> None:
    words = tuple(tokens(text, lang))
    found = asides(words, {"мастерская"}, unexplained=_unexplained)
    assert [words[i].word for i in sorted(found)] == place


@pytest.mark.parametrize(
    ("text", "lang", "topic"),
    [
        ("ноутбук в прачечной общежития не видит интернет", "ru", "wifi_connect"),
        # the place's own thing: the place says whose it is
        ("вентилятор у пташнику не вмикається", "uk", None),
        ("экран на батарее в мыловарне отвалился, кто прикрутит?", "ru", None),
        ("на кухне кофемашина не включается", "ru", None),
        ("в столовой закончился кофе, кто закажет?", "ru", None),
    ],
)
def test_the_writers_place_weighs_as_an_aside_when_an_it_thing_is_named(
    matcher: Matcher, text: str, lang: str, topic: str | None
) -> None:
    # "в прачечной общежития", "на стоянці прокату", "в мастерской сургуча": a place no list
    # named, or whose a listed one is, weighed as much as the problem and, everyday words,
    # left nothing answered.
    assert answered(matcher, text, lang) == topic
