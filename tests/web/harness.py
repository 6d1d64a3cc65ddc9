"""What web tests share: the running gateway, a protocol-level visitor, screenshots."""

from __future__ import annotations

import json
import re
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web
from playwright.async_api import Page, expect

from emulators.server import WAIT_SECONDS
from gateway.config import Settings
from gateway.models import Priority, SupportGroup, Ticket
from gateway.store import Conversation, Store, Transaction

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
PASSWORD = "correct horse battery"


@dataclass
class Gateway:
    """The app under test: its base URL and the settings it runs with."""

    url: str
    settings: Settings
    app: web.Application

    @property
    def ws_url(self) -> str:
        return self.url.replace("http://", "ws://") + "/webchat/ws"


@asynccontextmanager
async def running_gateway(settings: Settings, port: int = 0) -> AsyncIterator[Gateway]:
    """The real application on a loopback port (a free one unless told), stopped on exit."""
    from gateway.app import create_app

    app = create_app(settings)
    runner = web.AppRunner(app, shutdown_timeout=5)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    host, port = runner.addresses[0][:2]
    try:
        yield Gateway(f"http://{host}:{port}", settings, app)
    finally:
        await runner.cleanup()


class Visitor:
    """A web-chat client speaking the widget's protocol over a plain WebSocket."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.token = ""
        self.unread: deque[dict[str, Any]] = deque()  # entries of a frame not yet taken

    async def hello(
        self, token: str | None = None, have: int = 0, lang: str = "en"
    ) -> dict[str, Any]:
        await self.ws.send_json({"type": "hello", "token": token, "have": have, "lang": lang})
        welcome = await self.frame("welcome")
        self.token = welcome["token"]
        return welcome

    async def say(self, text: str, client_id: str | None = None, payload: str = "") -> str:
        client_id = client_id or uuid.uuid4().hex
        await self.ws.send_json(
            {"type": "message", "id": client_id, "text": text, "payload": payload}
        )
        return client_id

    async def own_entry(self, client_id: str) -> dict[str, Any]:
        """The transcript entry of the visitor's own message (it was processed)."""
        while True:
            entry = await self.entry()
            if entry["entry"].get("client_id") == client_id:
                return entry

    async def entry(self, timeout: float = WAIT_SECONDS) -> dict[str, Any]:
        """The next transcript entry shown (`{index, entry}`), whichever frame brought it."""
        while not self.unread:
            self.unread.extend((await self.frame("entries", timeout))["entries"])
        return self.unread.popleft()

    async def frame(self, kind: str, timeout: float = WAIT_SECONDS) -> dict[str, Any]:
        """The next frame of a kind, skipping others."""
        while True:
            msg = await self.ws.receive(timeout=timeout)
            if msg.type != aiohttp.WSMsgType.TEXT:
                raise AssertionError(f"socket closed while waiting for {kind}: {msg}")
            data: dict[str, Any] = json.loads(msg.data)
            if data["type"] == kind:
                return data


async def screenshot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


async def seed_ticket(
    store: Store,
    *,
    subject: str = "Scanner on floor 3 does not work",
    group: SupportGroup = SupportGroup.HARDWARE,
    priority: Priority = Priority.P3,
    chat_id: str = "",
    channel: str = "webchat",
    user_name: str = "",
    language: str = "en",
    last_user_at: float = 0.0,
) -> Ticket:
    """A queued ticket behind a conversation (web chat unless told), as the bot opens it."""
    now = time.time()
    chat_id = chat_id or uuid.uuid4().hex
    ticket = Ticket(
        id=await store.tickets.next_id(),
        conversation_key=f"{channel}:{chat_id}",
        channel=channel,
        language=language,
        chat_id=chat_id,
        subject=subject,
        group=group,
        priority=priority,
        topic="scanner_not_working",
        fields={"problem": subject, "os": "Windows 10", "since": "today"},
        created_at=now,
        updated_at=now,
        first_response_due=now + 600,
        resolution_due=now + 3600,
    )
    conv = Conversation(key=ticket.conversation_key, channel=channel, chat_id=chat_id)
    conv.active_ticket, conv.last_user_at = ticket.id, last_user_at or now
    conv.user_name = user_name
    conv.language = language
    tx = Transaction()
    tx.save_ticket(ticket)
    tx.transcript(conv.key, {"direction": "in", "author": "user", "text": subject})
    store.conversations.save(tx, conv, now)
    await store.commit(tx)
    return ticket


class Console:
    """An operator's console session over HTTP (what console.js does)."""

    def __init__(self, http: aiohttp.ClientSession, gw: Gateway) -> None:
        self.http = http
        self.gw = gw
        self.csrf = ""

    async def sign_in(self, login: str, password: str = PASSWORD) -> tuple[int, dict[str, Any]]:
        async with self.http.get(self.gw.url + "/console/api/session") as resp:
            self.csrf = (await resp.json())["csrf"]
        status, body = await self.post("/console/api/login", {"login": login, "password": password})
        self.csrf = body.get("csrf", "")
        return status, body

    async def post(
        self, path: str, body: dict[str, Any] | None = None, csrf: str | None = None
    ) -> tuple[int, dict[str, Any]]:
        headers = {"Origin": self.gw.url}
        token = self.csrf if csrf is None else csrf
        if token:
            headers["X-CSRF-Token"] = token
        async with self.http.post(self.gw.url + path, json=body or {}, headers=headers) as resp:
            return resp.status, await resp.json()

    async def get(self, path: str) -> tuple[int, dict[str, Any]]:
        async with self.http.get(self.gw.url + path) as resp:
            return resp.status, await resp.json()


# What a visitor and an operator do in the browser.


def bot_bubbles(page: Page) -> Any:
    return page.locator(".fl-history .fl-msg.fl-out")


async def open_chat(page: Page, gw: Gateway, lang: str = "en") -> None:
    await page.goto(f"{gw.url}/?lang={lang}")
    await page.locator(".fl-launcher").click()
    await expect(page.locator(".fl-status")).to_be_hidden()  # connected


async def say(page: Page, text: str) -> None:
    """Type and send; wait until the server has it (the bubble leaves the pending list)."""
    count = await page.locator(".fl-history .fl-msg.fl-in").count()
    await page.locator(".fl-input").fill(text)
    await page.locator(".fl-send").click()
    await expect(page.locator(".fl-history .fl-msg.fl-in")).to_have_count(count + 1)


async def next_bot_reply(page: Page, seen: int) -> str:
    """Wait for a bot message after the first `seen` ones; its text."""
    await expect(bot_bubbles(page).nth(seen)).to_be_visible()
    return await bot_bubbles(page).nth(seen).locator(".fl-text").inner_text()


async def sign_in(page: Page, gw: Gateway, login: str) -> None:
    await page.goto(gw.url + "/console")
    await page.get_by_label("Login").fill(login)
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_role("button", name="Sign in").click()
    await expect(page.locator("#live")).to_be_visible()


XSS_IMG = '<img src=x onerror="window.__xss=1">'
XSS_SCRIPT = "<script>window.__xss=2</script>"
CHECKLIST_ANSWERS = {
    "tried": "restarted it twice",
    "error": XSS_SCRIPT,
    "program or device": XSS_IMG,
    "make and model": XSS_IMG,  # the same question, once the bot knows it is a laptop
    "operating system": "Windows 11",
    "since when": "since this morning",
    "describe the problem": "laptop is dead",
}


async def go_through_checklist(page: Page) -> str:
    """Answer the bot's questions until it opens a ticket; the ticket's number."""
    seen = await bot_bubbles(page).count()
    await say(page, "I spilled coffee on my laptop and it switched off")
    for _ in range(10):
        reply = await next_bot_reply(page, seen)
        seen += 1
        opened = re.search(r"request (HD-\d+)", reply)
        if opened:
            return opened.group(1)
        answer = next((a for k, a in CHECKLIST_ANSWERS.items() if k in reply.lower()), None)
        if answer is None and not reply.rstrip().endswith("?"):
            continue  # an intro line; the question follows
        await say(page, answer or "no idea")
    raise AssertionError("the bot never opened a ticket")



async def taken_over(visitor: Page, operator: Page, gw: Gateway, login: str) -> str:
    """The visitor opens a ticket through the checklist and `login` takes it over."""
    await open_chat(visitor, gw)
    ticket_id = await go_through_checklist(visitor)
    await sign_in(operator, gw, login)
    await operator.locator(f"tr[data-ticket='{ticket_id}']").click()
    await operator.get_by_role("button", name="Take over").click()
    await expect(operator.locator("#t-owner")).to_have_text("You are handling this conversation")
    return ticket_id


# Accessibility: axe-core from the axe-playwright-python package (installed by scripts/test.sh).

SERIOUS = ("serious", "critical")


async def axe_violations(page: Page, include: str = "body") -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now (WCAG 2 A/AA rules)."""
    import axe_playwright_python

    source = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8")
    await page.evaluate(source)  # through the debugger protocol: the page's CSP stays on
    result: dict[str, Any] = await page.evaluate(
        """(sel) => axe.run(document.querySelector(sel), {
              runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
              resultTypes: ["violations"]})""",
        include,
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [n["target"] for n in v["nodes"]],
        }
        for v in result["violations"]
    ]


def serious(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [v for v in violations if v["impact"] in SERIOUS]


# Finds and measures the element in one evaluation: the console re-renders its queue
# live, so a row found by one call may be replaced before a second call measures it.
_MEASURE = """(selector) => {
  const element = document.querySelector(selector);
  if (!element) return null;
  const r = element.getBoundingClientRect();
  return r.width > 0 && r.height > 0 ? {x: r.x, y: r.y, width: r.width, height: r.height} : null;
}"""


async def inside_viewport(page: Page, selector: str) -> bool:
    """The element's box lies wholly within the viewport (no scrolling sideways needed)."""
    box = await (await page.wait_for_function(_MEASURE, arg=selector)).json_value()
    size = page.viewport_size
    assert size is not None
    return (
        box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= size["width"]
        and box["y"] + box["height"] <= size["height"]
    )


async def page_width(page: Page) -> int:
    width: int = await page.evaluate("document.documentElement.scrollWidth")
    return width
