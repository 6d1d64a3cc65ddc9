"""A letter's subject: the ticket token our letters carry in it, and the subject cleaned of
reply prefixes and tokens, one reading for the mail connector and the dialog engine."""

from __future__ import annotations

import re

from gateway.models import TICKET_PREFIX

REPLY_PREFIX = re.compile(
    r"^\s*((re|fwd?|aw|wg|sv|vs|ответ|отв|на|пересл|відп|antw)\s*(\[\d+\])?\s*:\s*)+", re.I
)
# "[HD-000123]" with the spaces around it; the ticket's number is group 1.
TICKET_TOKEN = re.compile(rf"\s*\[\s*{TICKET_PREFIX}[-#: ]?(\d{{1,12}})\s*\]\s*", re.I)


def clean_subject(subject: str) -> str:
    """The subject without Re:/Fwd:/Ответ: prefixes and ticket tokens."""
    previous = None
    while previous != subject:
        previous = subject
        subject = TICKET_TOKEN.sub(" ", REPLY_PREFIX.sub("", subject)).strip()
    return subject
