"""A reply that goes out as several channel messages (a long text's parts, then its files)
remembers how many of them the channel confirmed, so the sender's retry of the same reply
goes on from the first one not confirmed instead of showing the user the others again.

Kept in the sending process's memory, bounded: a retry comes from the same sender within
seconds. The reply is known by its chat and its whole content.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict

from gateway.models import OutboundMessage

PARTS_REMEMBERED = 1024  # replies whose first messages went out and the rest did not (yet)


def reply_key(chat_id: str, message: OutboundMessage) -> str:
    """One reply to one chat, the same for the sender's every try of it."""
    blob = json.dumps([chat_id, message.to_dict()], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()


class SentParts:
    """How many messages of each unfinished reply the channel confirmed."""

    def __init__(self, limit: int = PARTS_REMEMBERED) -> None:
        self._limit = limit
        self._confirmed: OrderedDict[str, int] = OrderedDict()

    def confirmed(self, key: str) -> int:
        """The messages of this reply already shown: a retry starts after them."""
        return self._confirmed.get(key, 0)

    def confirm(self, key: str, count: int) -> None:
        """The channel answered for the first `count` messages of this reply."""
        self._confirmed[key] = count
        self._confirmed.move_to_end(key)
        while len(self._confirmed) > self._limit:
            self._confirmed.popitem(last=False)

    def finished(self, key: str) -> None:
        """The reply went out whole: the next one of the same content starts afresh."""
        self._confirmed.pop(key, None)
