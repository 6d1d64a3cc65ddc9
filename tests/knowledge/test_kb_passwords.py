"""A new password the rules refuse is the password's changing, not a locked account (issue 12)."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.matcher import Matcher


@pytest.mark.parametrize(
    "text",
    [
        "my new password keeps being rejected as too short",
        "the new password I picked gets rejected, what are the rules",
        "changing my password fails with a complexity error",
    ],
)
def test_a_new_password_refused_by_the_rules_is_the_password_change(
    matcher: Matcher, text: str
) -> None:
    # Rejecting, refusing and the rules' words were no word of the password article's: the
    # account article's "lock" or "wrong" won, or nothing was answered.
    assert answered(matcher, text, "en") == "password_reset", text


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("my password is rejected, account locked after 3 tries", "account_locked"),
        ("wrong password three times and now I'm locked out", "account_locked"),
        ("the card reader rejected my new card", None),
    ],
)
def test_a_password_refused_at_sign_in_stays_the_locked_account(
    matcher: Matcher, text: str, topic: str | None
) -> None:
    assert answered(matcher, text, "en") == topic, text
