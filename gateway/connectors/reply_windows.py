"""Messaging windows: how a reply may reach a user, given when they last wrote.

Meta's channels only take free-form messages within 24 hours of the user's last
message. After that, WhatsApp takes only an approved template, and Messenger and
Instagram take a message tagged HUMAN_AGENT for 7 days (where the app has that
feature); then nothing until the user writes again. The connectors follow this when
sending, and the console shows it to the operator before they reply.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from gateway.config import Settings

CUSTOMER_SERVICE_WINDOW = 24 * 3600
HUMAN_AGENT_WINDOW = 7 * 24 * 3600


class ReplyMode(StrEnum):
    FREE = "free"  # any message
    TEMPLATE = "template"  # WhatsApp: an approved template only
    HUMAN_AGENT = "human_agent"  # Messenger/Instagram: tagged as a person's reply
    CLOSED = "closed"  # nothing reaches the user until they write


@dataclass(frozen=True)
class ReplyRoute:
    """The mode, and a sentence for the operator when it is not FREE."""

    mode: ReplyMode
    note: str = ""


def reply_route(settings: Settings, channel: str, last_user_at: float, now: float) -> ReplyRoute:
    """How a reply sent `now` reaches a user of `channel` who last wrote at `last_user_at`."""
    silent_for = now - last_user_at
    if channel not in ("whatsapp", "messenger", "instagram") or (
        silent_for < CUSTOMER_SERVICE_WINDOW
    ):
        return ReplyRoute(ReplyMode.FREE)
    ago = f"last wrote {int(silent_for // 3600)} h ago" if last_user_at > 0 else "never wrote"
    if channel == "whatsapp":
        return ReplyRoute(
            ReplyMode.TEMPLATE,
            f"The user {ago}, outside WhatsApp's 24-hour window: your reply "
            "will go out as the approved ticket_update template (its text as the parameter).",
        )
    section = settings.messenger if channel == "messenger" else settings.instagram
    if section.human_agent and silent_for < HUMAN_AGENT_WINDOW:
        return ReplyRoute(
            ReplyMode.HUMAN_AGENT,
            f"The user {ago}, outside the 24-hour window: your reply will "
            "be sent with the HUMAN_AGENT tag (allowed for 7 days).",
        )
    return ReplyRoute(
        ReplyMode.CLOSED,
        f"The user {ago}: {channel.capitalize()} will not deliver a reply until they write again.",
    )
