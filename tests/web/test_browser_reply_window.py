"""The console in a real Chromium tells the operator how a reply will reach the user."""

from __future__ import annotations

import time
from typing import Any

from harness import Gateway, screenshot, seed_ticket, sign_in
from playwright.async_api import expect

from gateway.store import Store


async def test_the_reply_box_warns_when_a_whatsapp_reply_goes_out_as_a_template(
    gateway: Gateway, browser: Any, store: Store
) -> None:
    now = time.time()
    late = await seed_ticket(
        store, subject="VPN drops", channel="whatsapp", last_user_at=now - 26 * 3600
    )
    fresh = await seed_ticket(store, subject="Mouse", channel="whatsapp", last_user_at=now - 60)
    page = await browser.new_page()
    await sign_in(page, gateway, "alice")

    await page.locator(f"tr[data-ticket='{late.id}']").click()
    await expect(page.locator("#t-title")).to_contain_text(late.id)
    notice = page.locator("#reply-window")
    await expect(notice).to_be_visible()
    await expect(notice).to_contain_text("26 h ago")
    await expect(notice).to_contain_text("ticket_update template")
    await screenshot(page, "console-whatsapp-template-notice")

    await page.locator("#back").click()
    await page.locator(f"tr[data-ticket='{fresh.id}']").click()
    await expect(page.locator("#t-title")).to_contain_text(fresh.id)
    await expect(notice).to_be_hidden()
