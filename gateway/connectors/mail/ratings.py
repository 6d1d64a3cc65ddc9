"""Signed, single-use rating links for mail, and the small page they open.

A link carries the conversation, the score, a nonce and an expiry, signed with HMAC;
opening it only shows the chosen score with a confirm button and an optional comment
(so that mail scanners prefetching links use nothing); the confirming POST records the
score (through the inbound stream, like any user answer) once, and later ones only say
"already rated". Texts come from the catalogs in the user's language.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import json
import secrets
import time
from dataclasses import dataclass

RATE_PATH = "/email/rate/"
CSAT_PREFIX = "csat:"
COMMENT_PAYLOAD = "csat:comment"


@dataclass(frozen=True)
class RatingLink:
    chat_id: str
    score: int
    nonce: str
    expires: float
    language: str = ""


class RatingSigner:
    """Makes and checks rating tokens."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def tokens(self, chat_id: str, language: str, days: int) -> dict[int, str]:
        """One token per score 1-5, sharing a nonce: any one of them can be used, once."""
        nonce = secrets.token_urlsafe(12)
        expires = time.time() + days * 86400
        return {
            score: self._sign(RatingLink(chat_id, score, nonce, expires, language))
            for score in range(1, 6)
        }

    def nonce(self, token: str) -> str:
        """The nonce of one of our own tokens."""
        link = self.check(token)
        return link.nonce if link else ""

    def check(self, token: str, now: float | None = None) -> RatingLink | None:
        """The link, if the token is ours, intact and not expired."""
        body, _, mac = token.partition(".")
        if not body or not mac:
            return None
        expected = self._mac(body)
        if not hmac.compare_digest(mac.encode(), expected.encode()):
            return None
        try:
            data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
            link = RatingLink(
                str(data["c"]), int(data["s"]), str(data["n"]), float(data["e"]), str(data["l"])
            )
        except (ValueError, KeyError, TypeError):
            return None
        if not 1 <= link.score <= 5 or link.expires < (now or time.time()):
            return None
        return link

    def _sign(self, link: RatingLink) -> str:
        raw = json.dumps(
            {"c": link.chat_id, "s": link.score, "n": link.nonce, "e": int(link.expires),
             "l": link.language},
            separators=(",", ":"),
        )  # fmt: skip
        body = base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")
        return f"{body}.{self._mac(body)}"

    def _mac(self, body: str) -> str:
        digest = hmac.new(self._secret, body.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def page(title: str, body_html: str, language: str) -> str:
    """A minimal, self-contained HTML page."""
    return (
        f'<!doctype html><html lang="{html.escape(language)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>body{{font-family:sans-serif;max-width:32em;"
        "margin:3em auto;padding:0 1em;color:#222}textarea{width:100%;min-height:6em}"
        "button{margin-top:.5em;padding:.4em 1.2em}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{body_html}</body></html>"
    )
