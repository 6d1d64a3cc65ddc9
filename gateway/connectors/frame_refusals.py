"""Web-chat frames the gateway refused, logged and counted.

A frame refused (not JSON, of no known type, binary, over the size a socket takes, sent
before hello or none in time, too long, over the rate limit) was answered with an `error` frame and
logged nowhere: an operator could not tell a broken widget or a probe from silence. Each
socket logs its first `LOGGED_PER_SOCKET` refusals (WARNING `web-chat frame refused`: the
reason, the client address, the conversation, the frame's size, never its text) and at
its close how many it left out; every refusal is counted in
`firstline_webchat_frames_refused_total{reason}`.
"""

from __future__ import annotations

import logging

from gateway import metrics

log = logging.getLogger(__name__)

LOGGED_PER_SOCKET = 5
REASONS = frozenset(
    {"bad_frame", "binary", "too_large", "before_hello", "no_hello", "too_long", "rate_limited"}
)


class FrameRefusals:
    """The refusals of one socket: the first few logged, all counted."""

    __slots__ = ("address", "chat", "count")

    def __init__(self, address: str) -> None:
        self.address = address
        self.chat = ""  # the conversation, once hello named it
        self.count = 0

    def note(self, reason: str, chars: int | None = None) -> None:
        """One frame refused; `chars` its size when it was read (never its text)."""
        reason = reason if reason in REASONS else "other"
        metrics.WEBCHAT_REFUSED.labels(reason).inc()
        self.count += 1
        if self.count > LOGGED_PER_SOCKET:
            return
        log.warning(
            "web-chat frame refused",
            extra={"reason": reason, "client": self.address, "chat": self.chat, "chars": chars},
        )

    def closed(self) -> None:
        """The socket closed: say how many refusals were not logged one by one."""
        if self.count > LOGGED_PER_SOCKET:
            log.warning(
                "web-chat frames refused and not logged",
                extra={"client": self.address, "chat": self.chat,
                       "count": self.count - LOGGED_PER_SOCKET},
            )  # fmt: skip
