"""Mail that did not come in, said in English with a plain "get" or "have" denied."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.inboxes import mail_not_got
from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import tokens


@pytest.mark.parametrize(
    "text",
    [
        "not getting any mail from the suppliers since the weekend",
        "I'm not getting emails from the booking form any more",
        "haven't had one email since lunch and the orders usually flood in",
    ],
)
def test_mail_the_user_is_not_getting_did_not_arrive(matcher: Matcher, text: str) -> None:
    # "getting" was no word of either mail article: the sending and the phone's mail tied
    # with the receiving (choices), or nothing was said.
    assert answered(matcher, text, "en") == "email_not_receiving"


def got(text: str) -> list[str]:
    words = tokens(text, "en")
    return [words[i].word for i in sorted(mail_not_got(words))]


def test_the_denied_getting_of_mail() -> None:
    assert got("we haven't had a single email today") == ["had"]
    assert got("never got any new mail from the shop") == ["get"]
    # Others not getting the user's mail: it did not go out.
    assert got("they're not getting my emails") == []
    assert got("the customers not getting our emails") == []
    # Getting mail said of a phone is its set-up (phones.py).
    assert got("not getting work emails on my new phone") == []
    # Nothing denied, or no mail got.
    assert got("getting lots of spam emails") == []
    assert got("not getting the printer to work, email me back") == []
