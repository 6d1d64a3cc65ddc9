"""Button payloads: stable strings that come back in `InboundMessage.payload`."""

from __future__ import annotations

import re

YES, NO, DUNNO, SKIP, NEW_REQUEST = "yes", "no", "dunno", "skip", "new"
FAQ_PREFIX, CSAT_PREFIX = "faq:", "csat:"
CSAT_REQUEST = "csat_request"  # the purpose of the rating question, for template channels
NONE_OF_THESE = FAQ_PREFIX + "none"


def payload_rating(payload: str) -> int | None:
    found = re.fullmatch(rf"{CSAT_PREFIX}([1-5])", payload)
    return int(found.group(1)) if found else None
