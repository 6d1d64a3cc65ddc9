"""Live signals between a visitor and operators: typing shown on both sides, and Telegram's
"typing…" (sendChatAction) when an operator writes to a Telegram user."""

from __future__ import annotations

from typing import Any

from harness import (
    Gateway,
    running_gateway,
    screenshot,
    seed_ticket,
    sign_in,
    taken_over,
)
from playwright.async_api import expect

from emulators.harness import with_telegram
from emulators.server import eventually
from emulators.telegram import TelegramEmulator
from gateway.app import RUNTIME
from gateway.config import Settings

LIVE_WAIT_MS = 15_000  # a loaded CI machine can be slow; the indicator itself lasts 6 s


async def test_typing_shows_on_both_sides(gateway: Gateway, browser: Any) -> None:
    alice_ctx, visitor_ctx = await browser.new_context(), await browser.new_context()
    alice, visitor = await alice_ctx.new_page(), await visitor_ctx.new_page()
    await taken_over(visitor, alice, gateway, "alice")

    # The visitor types (nothing sent yet): the operator sees it under the conversation.
    typing = alice.locator("#t-typing")
    await expect(typing).to_be_empty()
    await visitor.locator(".fl-input").press_sequentially("the screen is still bl")
    await expect(typing).to_contain_text("is typing", timeout=LIVE_WAIT_MS)
    await screenshot(alice, "console-user-typing")

    # The operator types a reply: the visitor sees the operator's name typing.
    await expect(visitor.locator(".fl-typing")).to_be_empty()
    await alice.get_by_label("Reply to the user").press_sequentially("Let me check")
    await expect(visitor.locator(".fl-typing")).to_have_text(
        "Alice Smith is typing…", timeout=LIVE_WAIT_MS
    )
    await screenshot(visitor, "webchat-operator-typing")
    await alice.get_by_role("button", name="Send reply").click()
    await expect(visitor.locator(".fl-by-operator").last).to_contain_text("Let me check")
    await expect(visitor.locator(".fl-typing")).to_be_empty()  # the message replaced it
    for ctx in (alice_ctx, visitor_ctx):
        await ctx.close()




async def test_operator_typing_reaches_telegram_as_a_chat_action(
    web_settings: Settings, telegram_api: TelegramEmulator, browser: Any
) -> None:
    async with running_gateway(with_telegram(web_settings, telegram_api)) as gw:
        store = gw.app[RUNTIME].store
        ticket = await seed_ticket(store, channel="telegram", chat_id="222333444")
        page = await browser.new_page()
        await sign_in(page, gw, "bob")
        await page.locator(f"tr[data-ticket='{ticket.id}']").click()
        await expect(page.locator("#t-title")).to_contain_text(ticket.id)
        assert telegram_api.chat_actions.get(222333444) is None
        await page.get_by_label("Reply to the user").press_sequentially("Checking the VPN")
        await eventually(
            lambda: telegram_api.chat_actions.get(222333444), what="sendChatAction typing"
        )
        assert set(telegram_api.chat_actions[222333444]) == {"typing"}
        await page.close()
