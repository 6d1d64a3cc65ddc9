"""A desk with several operators in Chromium: escalation that lands, reassignment, a rating
that counts without a comment, and a new problem after the rating.

Four operators (bob and erin at L1, alice at L2, root the admin) and two visitors; every
assertion is about what is on someone's screen, with screenshots for the record.
"""

from __future__ import annotations

from typing import Any

from harness import Gateway, bot_bubbles, open_chat, say, screenshot, sign_in
from playwright.async_api import expect
from test_browser_journey import go_through_checklist

from gateway.store import Store


async def test_escalate_take_reassign_rate_and_a_new_problem(
    gateway: Gateway, browser: Any, store: Store
) -> None:
    contexts = [await browser.new_context() for _ in range(6)]
    bob, erin, alice, root, visitor, other = [await c.new_page() for c in contexts]
    for page, login in ((bob, "bob"), (erin, "erin"), (alice, "alice"), (root, "root")):
        await sign_in(page, gateway, login)

    await open_chat(visitor, gateway)
    ticket_id = await go_through_checklist(visitor)
    await open_chat(other, gateway)  # a second visitor asks something else meanwhile
    await say(other, "I forgot my password")
    await expect(bot_bubbles(other).last).to_contain_text("Did this help?")

    # L1 takes the ticket; the other L1 sees it held, with "Take over" disabled.
    row = bob.locator(f"tr[data-ticket='{ticket_id}']")
    await row.click()
    await expect(bob.locator("#t-title")).to_contain_text(ticket_id)
    await bob.get_by_role("button", name="Take over").click()
    await expect(bob.locator("#t-owner")).to_have_text("You are handling this conversation")
    await erin.locator(f"tr[data-ticket='{ticket_id}']").click()
    await expect(erin.locator("#t-owner")).to_have_text("Taken by bob")
    await expect(erin.get_by_role("button", name="Take over")).to_be_disabled()
    await expect(erin.locator("#t-meta")).to_contain_text("In progress")
    await expect(erin.locator("#t-meta")).not_to_contain_text("open ·")

    # L1 escalates to L2: bob is told where it went, and it leaves both L1 screens.
    await bob.locator("#update-form").get_by_label("Level").select_option("L2")
    await bob.locator("#update-form").get_by_role("button", name="Save").click()
    notice = bob.locator("#notice")
    await expect(notice).to_have_text(
        f"{ticket_id} handed to the hardware · L2 queue; it has left your queue"
    )
    await expect(bob.locator("#queue-view")).to_be_visible()
    await expect(bob.locator(f"tr[data-ticket='{ticket_id}']")).to_have_count(0)
    await expect(erin.locator("#notice")).to_have_text(f"{ticket_id} has left your queue")
    await expect(erin.locator(f"tr[data-ticket='{ticket_id}']")).to_have_count(0)
    await expect(visitor.locator(".fl-history")).to_contain_text("more senior specialist (L2)")
    await screenshot(bob, "desk-l1-escalated")

    # L2 takes it (nobody holds it now) and replies.
    l2_row = alice.locator(f"tr[data-ticket='{ticket_id}']")
    await expect(l2_row).to_contain_text("Escalated")
    await l2_row.click()
    await expect(alice.locator("#t-title")).to_contain_text(ticket_id)
    await expect(alice.locator("#t-owner")).to_have_text("The bot is handling this conversation")
    await alice.get_by_role("button", name="Take over").click()
    await expect(alice.locator("#t-owner")).to_have_text("You are handling this conversation")
    await alice.get_by_label("Reply to the user").fill("I'll bring you a replacement laptop.")
    await alice.get_by_role("button", name="Send reply").click()
    await expect(visitor.locator(".fl-msg.fl-by-operator").last).to_contain_text(
        "replacement laptop"
    )
    await screenshot(alice, "desk-l2-took-and-replied")

    # The admin reassigns it to the hardware lead; the history says who did what.
    await root.locator(f"tr[data-ticket='{ticket_id}']").click()
    await expect(root.locator("#t-owner")).to_have_text("Taken by alice")
    await expect(root.get_by_role("button", name="Force take")).to_be_visible()
    await root.get_by_label("Transfer to").select_option("dave")
    await root.get_by_role("button", name="Transfer").click()
    await expect(root.locator("#notice")).to_have_text(f"{ticket_id} reassigned to Dave Lead")
    await expect(root.locator("#t-owner")).to_have_text("Taken by dave")
    events = root.locator("#t-events")
    await expect(events).to_contain_text("bob: updated — level L1→L2; released by bob")
    await expect(events).to_contain_text("alice: taken")
    await expect(events).to_contain_text("root: assigned — reassigned: alice → dave")
    await expect(visitor.locator(".fl-history")).to_contain_text("passed to a colleague")
    await screenshot(root, "desk-admin-reassigned")

    # Resolve asks for confirmation and takes a note; the visitor rates and does not comment.
    await root.get_by_role("button", name="Resolve").click()
    await expect(root.locator("#resolve-form")).to_be_visible()
    await root.get_by_label("Resolution note (optional)").fill("Laptop replaced")
    await root.get_by_role("button", name="Confirm resolve").click()
    await expect(root.locator("#t-meta")).to_contain_text("Resolved")
    await visitor.get_by_role("button", name="Rate the help: 5 of 5").click()
    await expect(visitor.locator(".fl-history")).to_contain_text("Anything to add?")
    # Answered buttons go away in the widget: only the current question's "Skip" is left.
    await expect(visitor.locator(".fl-star")).to_have_count(0)
    await expect(visitor.locator(".fl-replies button")).to_have_text(["Skip"])
    await expect(root.locator("#t-csat")).to_have_text("Rating: 5/5")
    await expect(events).to_contain_text("user: rated — 5")
    await root.locator("#back").click()
    await root.locator("#filters").get_by_label("Status").select_option("resolved")
    await expect(root.locator(f"tr[data-ticket='{ticket_id}'] .csat-score")).to_have_text("★ 5")
    await screenshot(root, "desk-queue-shows-csat")

    # Instead of a comment, a new problem: the visitor gets the FAQ answer.
    await say(visitor, "My VPN does not connect from home")
    await expect(bot_bubbles(visitor).last).to_contain_text("Did this help?")
    await expect(visitor.locator(".fl-history")).to_contain_text("VPN won't connect from home")
    await expect(visitor.locator(".fl-history")).not_to_contain_text("Thanks for the feedback")
    await screenshot(visitor, "desk-new-problem-after-rating")
    ticket = await store.tickets.get(ticket_id)
    assert ticket is not None
    assert (ticket.csat, ticket.csat_comment, ticket.assignee) == (5, "", "dave")
    assert "replacement laptop" not in await other.locator(".fl-history").inner_text()
    for ctx in contexts:
        await ctx.close()


async def test_a_ticket_handed_back_reads_in_the_queue_on_every_screen(
    gateway: Gateway, browser: Any, store: Store
) -> None:
    """Outside pass: handed back to the bot, the ticket read "In progress" with nobody on
    it, on the console and in the widget. It reads as waiting in its queue."""
    operator, visitor = [await (await browser.new_context()).new_page() for _ in range(2)]
    await sign_in(operator, gateway, "bob")
    await open_chat(visitor, gateway)
    ticket_id = await go_through_checklist(visitor)
    await operator.locator(f"tr[data-ticket='{ticket_id}']").click()
    await operator.get_by_role("button", name="Take over").click()
    await expect(operator.locator("#t-meta")).to_contain_text("In progress")
    await expect(visitor.locator(".fl-ticket")).to_contain_text("in progress")
    await operator.get_by_role("button", name="Hand back to bot").click()
    await expect(operator.locator("#t-owner")).to_have_text("The bot is handling this conversation")
    await expect(operator.locator("#t-meta")).to_contain_text("In the queue")
    await expect(operator.locator("#t-meta")).not_to_contain_text("In progress")
    await expect(visitor.locator(".fl-ticket")).to_have_text(f"Ticket {ticket_id} · in the queue")
    await operator.goto(f"{gateway.url}/console")
    row = operator.locator(f"tr[data-ticket='{ticket_id}']")
    await expect(row).to_contain_text("In the queue")
    await screenshot(operator, "desk-handed-back-in-queue")
