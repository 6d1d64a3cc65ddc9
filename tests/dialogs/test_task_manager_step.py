"""A program ended from the Task Manager is a step tried; a quoted message said before it in
the same clause stays the error (probe13b's Sage 50 scenario lost its error to the step)."""

from __future__ import annotations

import pytest

from gateway.dialogs.extract import extract_fields


@pytest.mark.parametrize(
    ("text", "error", "step"),
    [
        (
            "The stock app locks up at every stocktake, shows 'Not Responding' and I had to"
            " kill it in Task Manager. Windows 11.",
            "Not Responding",
            "had to kill it in Task Manager",
        ),
        (
            "Каса зависає на звіті, пише «Програма не відповідає» і доводиться знімати через"
            " диспетчер завдань.",
            "Програма не відповідає",
            "доводиться знімати через диспетчер завдань",
        ),
    ],
)
def test_a_quoted_message_before_the_task_manager_step_stays_the_error(
    text: str, error: str, step: str
) -> None:
    fields = extract_fields(text)
    assert fields.get("error") == error
    assert step in fields.get("tried", "")
    assert error not in fields.get("tried", "")
