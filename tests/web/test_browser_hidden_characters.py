"""Texts as sent, shown to operators: characters that cannot be seen but change how a text
reads are shown as marks on the console, never acted on; what is stored stays as sent."""

from __future__ import annotations

from typing import Any

from harness import Gateway, screenshot, seed_ticket, sign_in
from playwright.async_api import expect

from gateway.store import Store

# A right-to-left override makes the link read ".../exe.pdf", a zero-width space hides in
# a ticket number, a left-to-right isolate; the coder emoji keeps its joiner.
SUBJECT = (
    "Invoice for HD-\u200b1042 at https://pay.example.com/\u202efdp.exe "
    "\u2066ok\u2069 from 👩\u200d💻"
)
SHOWN = (
    "Invoice for HD-[U+200B]1042 at https://pay.example.com/[U+202E]fdp.exe "
    "[U+2066]ok[U+2069] from 👩\u200d💻"
)


async def test_bidi_and_zero_width_characters_are_shown_not_obeyed(
    gateway: Gateway, browser: Any, store: Store
) -> None:
    ticket = await seed_ticket(store, subject=SUBJECT)
    page = await browser.new_page()
    await sign_in(page, gateway, "bob")
    row = page.locator(f"tr[data-ticket='{ticket.id}']")
    await expect(row).to_contain_text(SHOWN)
    await row.click()
    await expect(page.locator("#t-title")).to_have_text(f"{ticket.id} — {SHOWN}")
    await expect(page.locator("#t-transcript li .text").first).to_have_text(SHOWN)
    await screenshot(page, "console-hidden-characters-shown")
    stored = await store.tickets.get(ticket.id)
    assert stored is not None and stored.subject == SUBJECT
