"""A visitor whose connection drops, or who reloads, loses nothing and sees nothing twice.

Playwright sits between the widget and the server (`route_web_socket`), so the test can
lose a frame in either direction and cut the connection, as a flaky network would.
"""

from __future__ import annotations

import json
from typing import Any

from harness import Gateway, bot_bubbles, open_chat, say, screenshot
from playwright.async_api import Page, WebSocketRoute, expect


class FlakyNetwork:
    """Forwards widget traffic, but can swallow frames and cut the connection."""

    def __init__(self) -> None:
        self.routes: list[WebSocketRoute] = []
        self.drop_from_page = False
        self.drop_from_server = False
        self.delivered: list[dict[str, Any]] = []  # frames the server got to the page

    def handle(self, route: WebSocketRoute) -> None:
        server = route.connect_to_server()
        self.routes.append(route)
        route.on_message(lambda m: None if self._lost(m, True) else server.send(m))
        server.on_message(lambda m: None if self._lost(m, False) else self._deliver(route, m))

    def _deliver(self, route: WebSocketRoute, message: str | bytes) -> None:
        self.delivered.append(json.loads(message))
        route.send(message)

    def _lost(self, message: str | bytes, from_page: bool) -> bool:
        if from_page:
            return self.drop_from_page and json.loads(message).get("type") == "message"
        return self.drop_from_server

    async def cut(self) -> None:
        self.drop_from_page = self.drop_from_server = False
        await self.routes[-1].close(code=4000, reason="network cut")


async def texts(page: Page) -> list[str]:
    return await page.locator(".fl-history .fl-msg .fl-text").all_inner_texts()


async def test_messages_survive_drops_and_reloads(gateway: Gateway, browser: Any) -> None:
    page = await browser.new_page()
    network = FlakyNetwork()
    await page.route_web_socket("**/webchat/ws", network.handle)
    await open_chat(page, gateway)
    await expect(bot_bubbles(page)).to_have_count(1)  # the greeting
    await say(page, "My printer shows offline")
    await expect(bot_bubbles(page).nth(1)).to_be_visible()

    # Lost on the way to the server: stays "sending…", is resent after the reconnect.
    network.drop_from_page = True
    await page.get_by_label("Describe your problem…").fill("No")
    await page.get_by_role("button", name="Send", exact=True).click()
    pending = page.locator(".fl-pending .fl-msg")
    await expect(pending).to_contain_text("sending…")
    await network.cut()
    await expect(pending).to_have_count(0)
    await expect(page.locator(".fl-history .fl-msg.fl-in")).to_have_count(2)

    # Stored, but the ack and the replies are lost on the way back: resent, stored once.
    seen = await bot_bubbles(page).count()
    network.drop_from_server = True
    await page.get_by_label("Describe your problem…").fill("I restarted the printer")
    await page.get_by_role("button", name="Send", exact=True).click()
    await expect(pending).to_contain_text("sending…")
    await network.cut()
    await expect(pending).to_have_count(0)
    await expect(bot_bubbles(page).nth(seen)).to_be_visible()
    mine = page.locator(".fl-history .fl-msg.fl-in .fl-text")
    await expect(mine).to_have_text(["My printer shows offline", "No", "I restarted the printer"])
    before = await texts(page)

    # A reload shows the whole conversation again, exactly once: it comes in one frame.
    network.delivered.clear()
    await page.reload()
    await expect(page.locator(".fl-history .fl-msg")).to_have_count(len(before))
    assert await texts(page) == before
    frames = [f for f in network.delivered if f["type"] == "entries"]
    assert [[e["entry"]["text"] for e in f["entries"]] for f in frames] == [before]
    await screenshot(page, "webchat-after-reload")
