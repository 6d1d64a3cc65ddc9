"""The web chat and the console in a real Chromium, the way visitors and operators use them.

Every assertion is about what is on the screen; waiting is done with Playwright's
expectations, never with sleeps.
"""

from __future__ import annotations

import re
from typing import Any

from harness import (
    XSS_IMG,
    XSS_SCRIPT,
    Gateway,
    bot_bubbles,
    go_through_checklist,
    open_chat,
    say,
    screenshot,
    sign_in,
)
from playwright.async_api import Locator, Page, expect

from gateway.store import Store


def source_of(page: Page, name: str) -> Locator:
    """Where the console says the checklist field `name` came from."""
    return page.locator(f"#t-fields dt:text-is('{name}') + dd .source")


async def test_faq_question_is_answered_in_the_widget(gateway: Gateway, browser: Any) -> None:
    page = await browser.new_page()
    await open_chat(page, gateway)
    await expect(bot_bubbles(page).first).to_contain_text("IT support bot")  # greeting
    await say(page, "I forgot my password")
    await expect(bot_bubbles(page).last).to_contain_text("Did this help?")
    await expect(page.locator(".fl-history")).to_contain_text("Forgot password?")
    await page.get_by_role("button", name="Yes, it helped").click()
    await expect(page.locator(".fl-history")).to_contain_text("glad it helped")
    await screenshot(page, "webchat-faq")


async def test_ticket_from_the_widget_to_an_operator_and_back(
    gateway: Gateway, browser: Any, store: Store
) -> None:
    alice_ctx, bob_ctx, visitor_ctx = [await browser.new_context() for _ in range(3)]
    alice, bob, visitor = [await c.new_page() for c in (alice_ctx, bob_ctx, visitor_ctx)]
    await sign_in(alice, gateway, "alice")
    await expect(alice.locator("#queue-empty")).to_be_visible()

    # The visitor goes through the checklist and gets a ticket number.
    await open_chat(visitor, gateway)
    ticket_id = await go_through_checklist(visitor)
    await expect(visitor.locator(".fl-ticket")).to_have_text(f"Ticket {ticket_id} · new")
    await screenshot(visitor, "webchat-ticket-opened")

    # The queue shows it without a reload; the operator takes it over and replies.
    row = alice.locator(f"tr[data-ticket='{ticket_id}']")
    await expect(row).to_contain_text("hardware")
    await screenshot(alice, "console-queue")
    await row.click()
    await expect(alice.locator("#t-title")).to_contain_text(ticket_id)
    await alice.get_by_role("button", name="Take over").click()
    await expect(alice.locator("#t-owner")).to_have_text("You are handling this conversation")
    await expect(visitor.locator(".fl-history")).to_contain_text(f"taken your request {ticket_id}")
    await alice.get_by_label("Reply to the user").fill("Hi, please bring the laptop to room 101.")
    await alice.get_by_role("button", name="Send reply").click()
    reply = visitor.locator(".fl-msg.fl-by-operator").last
    await expect(reply).to_contain_text("bring the laptop to room 101")
    await expect(reply.locator(".fl-author")).to_have_text("Alice Smith")

    # The visitor's messages reach the operator live, including markup, shown as text.
    await say(visitor, "OK, on my way")
    transcript = alice.locator("#t-transcript")
    # the chat's opening is said, not an empty "User" line (outside pass)
    await expect(transcript.locator("li.in .text").first).to_have_text("opened the chat")
    await expect(transcript).to_contain_text("OK, on my way")
    await expect(transcript).to_contain_text(XSS_IMG)
    await expect(alice.locator("#t-fields")).to_contain_text(XSS_IMG)
    await expect(alice.locator("#t-fields")).to_contain_text(XSS_SCRIPT)
    # Beside each answer, where it came from.
    await expect(source_of(alice, "problem")).to_have_text("· first message")
    await expect(source_of(alice, "error")).to_have_text(re.compile(r"· answer to \w+"))
    await expect(alice.locator("#t-transcript img, #t-fields img")).to_have_count(0)
    await expect(visitor.locator(".fl-history")).to_contain_text(XSS_IMG)
    await expect(visitor.locator(".fl-log img")).to_have_count(0)
    for page in (alice, visitor):
        assert await page.evaluate("window.__xss") is None
    await screenshot(alice, "console-ticket")

    # A second operator sees it taken and cannot take it.
    await sign_in(bob, gateway, "bob")
    await bob.locator(f"tr[data-ticket='{ticket_id}']").click()
    await expect(bob.locator("#t-owner")).to_have_text("Taken by alice")
    await expect(bob.get_by_role("button", name="Take over")).to_be_disabled()
    await expect(bob.get_by_role("button", name="Force take")).to_be_hidden()
    await screenshot(bob, "console-taken-by-another")

    # Internal notes stay in the console.
    await alice.get_by_label("Internal note").fill("Liquid damage, order a new keyboard")
    await alice.get_by_role("button", name="Add note").click()
    await expect(alice.locator("#t-notes")).to_contain_text("order a new keyboard")

    # Resolve: the visitor is asked to rate, with stars.
    await alice.get_by_role("button", name="Resolve").click()
    await alice.get_by_label("Resolution note (optional)").fill("Keyboard replaced")
    await alice.get_by_role("button", name="Confirm resolve").click()
    await expect(visitor.locator(".fl-ticket")).to_have_text(f"Ticket {ticket_id} · resolved")
    await expect(visitor.locator(".fl-star")).to_have_count(5)
    await screenshot(visitor, "webchat-rating")
    await visitor.get_by_role("button", name="Rate the help: 5 of 5").click()
    await expect(visitor.locator(".fl-history")).to_contain_text("Anything to add?")
    await visitor.get_by_role("button", name="Skip").click()
    await expect(visitor.locator(".fl-history")).to_contain_text("Thanks for the feedback!")
    await expect(alice.locator("#t-events")).to_contain_text("user: rated — 5")
    await expect(alice.locator("#t-notes")).not_to_contain_text("room 101")
    assert "order a new keyboard" not in await visitor.locator(".fl-log").inner_text()
    ticket = await store.tickets.get(ticket_id)
    assert ticket is not None and ticket.csat == 5
    for ctx in (alice_ctx, bob_ctx, visitor_ctx):
        await ctx.close()
