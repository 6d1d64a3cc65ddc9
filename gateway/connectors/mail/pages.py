"""The rating page that mail links open: show the score, record it once on confirm."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from aiohttp import web

from gateway.connectors.mail.intake import CHANNEL
from gateway.connectors.mail.ratings import (
    COMMENT_PAYLOAD,
    CSAT_PREFIX,
    RATE_PATH,
    RatingLink,
    page,
)
from gateway.dialogs.state import DialogState, Phase
from gateway.models import InboundMessage

if TYPE_CHECKING:
    from gateway.connectors.mail.connector import EmailConnector

COMMENT_CHARS = 2000
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def rating_routes(connector: EmailConnector) -> list[web.RouteDef]:
    """GET only shows the chosen score and a confirm form, so that mail scanners that
    prefetch links (Outlook Safe Links and the like) use nothing; POST records it, once."""

    async def show(request: web.Request) -> web.Response:
        token = request.match_info["token"]
        link = connector.signer.check(token)
        texts = connector.texts
        if link is None:
            return _page(texts.get("en", "rating_page_invalid"), "", "en", status=404)
        lang = texts.language(link.language)
        refused = await _refusal(connector, link)
        if refused:
            return _page(texts.get(lang, refused), "", lang)
        form = (
            f'<p>{html.escape(texts.get(lang, "rating_page_confirm", score=link.score))}</p>'
            f'<form method="post" action="{RATE_PATH}{html.escape(token)}">'
            f'<p>{html.escape(texts.get(lang, "rating_page_comment"))}</p>'
            f'<textarea name="comment" maxlength="{COMMENT_CHARS}"></textarea><br>'
            f'<button type="submit">{html.escape(texts.get(lang, "rating_page_confirm_button"))}'
            "</button></form>"
        )
        return _page("\u2605" * link.score + "\u2606" * (5 - link.score), form, lang)

    async def confirm(request: web.Request) -> web.Response:
        link = connector.signer.check(request.match_info["token"])
        texts = connector.texts
        if link is None:
            return _page(texts.get("en", "rating_page_invalid"), "", "en", status=404)
        lang = texts.language(link.language)
        try:
            form = await request.post()  # read before anything is stored or marked
        except ValueError:  # bytes not in the form's charset (UnicodeDecodeError), bad parts
            return _page(texts.get(lang, "rating_page_unreadable"), "", lang, status=400)
        refused = await _refusal(connector, link)
        if refused:
            return _page(texts.get(lang, refused), "", lang)
        # Stored, then the link marked used: a failure between leaves it usable, and the
        # form sent again is stored once (the messages' ids are the link's nonce).
        await _accept(connector, InboundMessage(
            channel=CHANNEL, chat_id=link.chat_id, message_id=f"rating:{link.nonce}",
            payload=f"{CSAT_PREFIX}{link.score}", text=str(link.score),
            meta={"via": "rating link"},
        ))  # fmt: skip
        said = form.get("comment", "")
        comment = said.strip()[:COMMENT_CHARS] if isinstance(said, str) else ""
        if comment:
            await _accept(connector, InboundMessage(
                channel=CHANNEL, chat_id=link.chat_id, message_id=f"rating-comment:{link.nonce}",
                payload=COMMENT_PAYLOAD, text=comment, meta={"via": "rating page"},
            ))  # fmt: skip
        ttl = connector.email.rating_link_days * 86400 + 86400
        await connector.store.mail.use_rating(link.nonce, ttl)
        return _page(texts.get(lang, "rating_page_thanks"), "", lang)

    return [
        web.get(RATE_PATH + "{token}", show),
        web.post(RATE_PATH + "{token}", confirm),
    ]


async def _refusal(connector: EmailConnector, link: RatingLink) -> str:
    """Why the link may not be used, as a text key; "" if it may. A link of an earlier
    letter (the request was resolved again since) would change nothing: the dialog takes
    only the rating asked last. Links sent before the latest letter was known are kept."""
    mail = connector.store.mail
    if await mail.rating_used(link.nonce):
        return "rating_page_used"
    latest = await mail.rating_asked(link.chat_id)
    if latest and latest != link.nonce:
        return "rating_page_stale_rated" if await mail.rating_used(latest) else "rating_page_stale"
    return await _rating_closed(connector, link.chat_id)


async def _rating_closed(connector: EmailConnector, chat_id: str) -> str:
    """Why the dialog would not take a score now ("" if it waits for one): it takes one only
    while it waits for it. Given already another way (a reply "5" to the letter), the page
    says so; left for something else since, it says the link no longer counts. A thanks
    would tell the user a rating the store does not hold."""
    key = f"{CHANNEL}:{chat_id}"
    conv = await connector.store.conversations.get(key)
    if conv is None or not conv.state:
        return ""  # nothing known of the dialog (an older thread): as before
    phase = DialogState.from_dict(conv.state).phase
    if phase == Phase.CSAT_SCORE:
        return ""
    if phase == Phase.CSAT_COMMENT:
        return "rating_page_used"
    tickets = await connector.store.tickets.for_conversation(key, active_only=False)
    latest = max(tickets, key=lambda t: t.created_at) if tickets else None
    return "rating_page_used" if latest is not None and latest.csat else "rating_page_closed"


async def _accept(connector: EmailConnector, message: InboundMessage) -> None:
    if connector.intake is None:
        raise web.HTTPServiceUnavailable(text="not started")
    await connector.intake.on_message(message)


def _page(title: str, body: str, lang: str, status: int = 200) -> web.Response:
    return web.Response(
        text=page(title, body, lang),
        content_type="text/html",
        status=status,
        headers=PAGE_HEADERS,
    )
