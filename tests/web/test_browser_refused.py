"""A message the server refuses is not resent forever: the widget gives up and says so."""

from __future__ import annotations

import json
from typing import Any

from harness import Gateway, screenshot
from playwright.async_api import expect

from gateway.store import Store, keys

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


async def test_a_pasted_message_past_the_limit_is_kept_whole_and_refused_with_the_reason(
    gateway: Gateway, browser: Any, store: Store
) -> None:
    """desk38's probe: a log of 100 KB pasted into the chat was cut by the input's
    maxLength to the server's limit (4,000 characters) without a word, and that part sent as if it
    were all (the rest lost). Now the paste stays whole in the box and sending it says the
    limit; nothing is sent until it fits."""
    page = await browser.new_page()
    frames: list[dict[str, Any]] = []
    page.on(
        "websocket",
        lambda ws: ws.on("framesent", lambda payload: frames.append(json.loads(payload))),
    )
    await page.goto(f"{gateway.url}/?lang=en")
    await page.get_by_role("button", name="Chat with IT support").click()
    await expect(page.locator(".fl-status")).to_be_hidden()  # connected
    line = "2026-12-07 04:12:33 ERROR [spooler] job 1842 failed: 0x8007007e\n"
    pasted = line * (100_000 // len(line))
    box = page.locator(".fl-input")
    await box.focus()
    await page.keyboard.insert_text(pasted)  # as a paste is typed in
    await page.locator(".fl-send").click()
    await expect(page.locator(".fl-status")).to_contain_text("The message is too long (at most")
    assert (await box.input_value()).strip() == pasted.strip()  # all of it, to shorten
    assert [f for f in frames if f.get("type") == "message"] == []
    await expect(page.locator(".fl-history .fl-msg.fl-in")).to_have_count(0)


async def test_a_frame_over_the_socket_s_limit_is_refused_in_words_and_the_rest_sent(
    gateway: Gateway, browser: Any, store: Store
) -> None:
    """A frame past the socket's limit (95 KiB; the widget refuses such a text before
    sending, but one saved by an older widget, or an edited page, can be sent) was closed
    with a bare 1009: the widget went offline, reconnected and sent it again, three times,
    then said only "not sent". Now the server says why before the close, the widget gives
    that message up at once and keeps saying why after the reconnect, and the message
    sent after it on the same socket is sent again and kept."""
    big = {"id": "toolarge000000001", "text": "x" * 100_000, "payload": ""}
    after = {"id": "afterbig000000001", "text": "the printer is offline", "payload": ""}
    page = await browser.new_page()
    frames: list[dict[str, Any]] = []
    page.on(
        "websocket",
        lambda ws: ws.on("framesent", lambda payload: frames.append(json.loads(payload))),
    )
    saved = json.dumps({"token": None, "pending": [big, after]})
    await page.add_init_script(
        "if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); "
        f"localStorage.setItem('firstline.webchat:' + location.origin, {json.dumps(saved)}); }}"
    )
    await page.goto(f"{gateway.url}/?lang=en")
    await page.get_by_role("button", name="Chat with IT support").click()
    failed = page.locator(".fl-pending .fl-msg.fl-failed")
    await expect(failed).to_have_count(1)
    await expect(failed.locator(".fl-meta")).to_have_text(["not sent"])
    history = page.locator(".fl-history .fl-msg.fl-in")
    await expect(history).to_have_count(1)  # resent after the reconnect, and acknowledged
    await expect(history.locator(".fl-text")).to_have_text([after["text"]])
    await expect(page.locator(".fl-status")).to_contain_text("The message is too long (at most")
    await screenshot(page, "webchat-frame-too-large")
    sent = [f.get("id") for f in frames if f.get("type") == "message"]
    assert sent.count(big["id"]) == 1, "the refused one was sent once"
    assert sent.count(after["id"]) == 2, "the one after it: once on each socket"
    texts = [
        e["text"]
        for key in await store.redis.zrange(keys.CONVERSATIONS, 0, -1)
        for e in await store.conversations.transcript(key.decode())
        if e["direction"] == "in" and e.get("kind") == "message"
    ]
    assert texts == [after["text"]]
