"""A Viber button of an earlier keyboard, pressed while the bot holds the conversation, as an
operator reads it in the console (real gateway, real Redis, Chromium; outside pass, session
25)."""

from __future__ import annotations

from typing import Any

from harness import Gateway, seed_ticket, sign_in
from playwright.async_api import expect

from gateway.store import Store, Transaction


async def test_an_earlier_keyboards_press_reads_as_what_happened_not_a_marker(
    gateway: Gateway, browser: Any, store: Store
) -> None:
    """Before, the transcript showed the connector's marker 'earlier:yes' as the user's
    message: the stored press has no words, and the console fell back to the payload."""
    ticket = await seed_ticket(store, subject="printer jams", channel="viber")
    tx = Transaction()
    press = {"direction": "in", "author": "user", "text": "", "payload": "earlier:yes",
             "kind": "message", "message_id": "m2"}  # fmt: skip
    tx.transcript(ticket.conversation_key, press)
    tx.transcript(ticket.conversation_key, {"direction": "out", "author": "bot",
                                            "text": "This button no longer works."})  # fmt: skip
    await store.commit(tx)
    page = await browser.new_page()
    await sign_in(page, gateway, "bob")
    await page.locator(f"tr[data-ticket='{ticket.id}']").click()
    texts = page.locator("#t-transcript li .text")
    await expect(texts).to_have_count(3)
    await expect(texts.nth(1)).to_have_text(
        "pressed a button of an earlier message (it no longer works)"
    )
    await expect(page.locator("#t-transcript")).not_to_contain_text("earlier:")
