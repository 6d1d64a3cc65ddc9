"""A message the server refuses is not resent forever: the widget gives up and says so."""

from __future__ import annotations

import json
from typing import Any

from harness import Gateway, screenshot
from playwright.async_api import expect

from gateway.store import Store

REFUSED = {"id": "refused0000000001", "text": "press", "payload": "x" * 300}  # payload too long
STUCK = {"id": "stuck00000000000001", "text": "never acknowledged", "payload": "", "tries": 3}


async def test_the_widget_gives_up_on_refused_and_unacknowledged_messages(
    gateway: Gateway, browser: Any, store: Store
) -> None:
    page = await browser.new_page()
    frames: list[dict[str, Any]] = []
    page.on(
        "websocket",
        lambda ws: ws.on("framesent", lambda payload: frames.append(json.loads(payload))),
    )
    saved = json.dumps({"token": None, "pending": [REFUSED, STUCK]})
    await page.add_init_script(  # once per tab: a reload must see what the widget saved
        "if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); "
        f"localStorage.setItem('firstline.webchat:' + location.origin, {json.dumps(saved)}); }}"
    )
    await page.goto(f"{gateway.url}/?lang=en")
    await page.get_by_role("button", name="Chat with IT support").click()
    failed = page.locator(".fl-pending .fl-msg.fl-failed")
    await expect(failed).to_have_count(2)
    await expect(failed.locator(".fl-text")).to_have_text(["press", "never acknowledged"])
    await expect(failed.locator(".fl-meta")).to_have_text(["not sent", "not sent"])
    await expect(page.locator(".fl-status")).to_contain_text("could not be")
    await screenshot(page, "webchat-gave-up")

    await page.reload()  # nothing is pending any more: nothing is sent again
    await expect(page.locator(".fl-history .fl-msg.fl-out")).to_have_count(1)  # reconnected
    await expect(page.locator(".fl-status")).to_be_hidden()
    sent = [f.get("id") for f in frames if f.get("type") == "message"]
    assert sent == [REFUSED["id"]], "the refused one was sent once, the stuck one not again"
    stored = [k async for k in store.redis.scan_iter(match="fl:in:*:seen:webchat:*")]
    assert [k for k in stored if not k.endswith(b":start")] == [], "refused: nothing stored"
