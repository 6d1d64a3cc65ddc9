"""How users name a phishing mail that the phishing article's words lacked (issue 12)."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.matcher import Matcher


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("fake UPS parcel email with a link, is it safe?", "phishing_report"),
        ("a fake Amazon parcel message with a link", "phishing_report"),
        ("the ficus in reception is fake", None),
    ],
)
def test_a_fake_email_or_link_is_phishing(matcher: Matcher, text: str, topic: str | None) -> None:
    # "fake" was the phishing article's only in "fake login": a fake email with a link,
    # said with a parcel, looked like another service's and nothing was said.
    assert answered(matcher, text, "en") == topic
