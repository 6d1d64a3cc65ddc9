"""The web chat's launcher, as a visitor first sees it: the chat drawing inside its button.

The drawing's path was declared below the code that builds the widget, so it was still
undefined when the button was drawn: an empty blue circle, and Chromium's console said
`<path> attribute d: Expected moveto path command, "undefined"`."""

from __future__ import annotations

from typing import Any

from harness import Gateway
from playwright.async_api import expect


async def test_the_launcher_shows_the_chat_drawing_and_the_page_logs_no_error(
    gateway: Gateway, browser: Any
) -> None:
    page = await browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    await page.goto(gateway.url + "/?lang=en")
    launcher = page.locator(".fl-launcher")
    await expect(launcher).to_be_visible()
    drawing = launcher.locator("svg path")
    assert (await drawing.get_attribute("d") or "").startswith("M4 3h16")
    box = await launcher.locator("svg").bounding_box()
    assert box is not None and box["width"] > 20 and box["height"] > 20
    assert [e for e in errors if "path" in e or "undefined" in e] == []
    await page.close()
