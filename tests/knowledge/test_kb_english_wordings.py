"""English wordings of a crash, an install request and an access request the articles
lacked (issue 12): sample questions of the readable misses' shapes, never their lines."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.matcher import Matcher


@pytest.mark.parametrize(
    "text",
    [
        "the label designer freezes halfway through a batch and I have to kill it in task manager",
        "Premiere crashes every time I render the trailer for the choir",
    ],
)
def test_a_program_that_dies_at_its_task_and_is_killed_or_reopened(
    matcher: Matcher, text: str
) -> None:
    # "every time I render", "have to kill it in task manager", "have to reopen it": the
    # crash article had none of these words, so the task and the product left the message
    # looking like nobody's and nothing was answered.
    assert answered(matcher, text, "en") == "app_crash"


@pytest.mark.parametrize(
    "text",
    [
        "the plotter driver needs an administrator to approve it, can someone from IT come do it?",
    ],
)
def test_a_program_or_driver_asked_for_with_what_it_is_for(matcher: Matcher, text: str) -> None:
    # A driver Windows wants an administrator to approve: the
    # install article had no approving, and nothing was answered.
    assert answered(matcher, text, "en") == "software_install"


@pytest.mark.parametrize(
    "text",
    [
        "the new dispatcher needs to be set up on the tracking system",
        "the new dispatcher needs to be set up on the fleet system",
    ],
)
def test_a_newcomer_set_up_on_a_system_is_an_access_request(matcher: Matcher, text: str) -> None:
    # "set up on the … system" for a new person tied with the password reset and the
    # phone's mail set-up: choices, no answer.
    assert answered(matcher, text, "en") == "new_access_request"
