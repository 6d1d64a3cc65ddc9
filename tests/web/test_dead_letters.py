"""Dead letters in the console: admins see replies that failed and send them again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import aiohttp
from harness import Console, Gateway, screenshot, sign_in
from playwright.async_api import Page, expect

from gateway.config import ImapSettings
from gateway.connectors.mail.imap import ImapMailbox
from gateway.models import OutboundMessage
from gateway.store import Store, Transaction


async def dead_reply(store: Store, text: str) -> str:
    """A reply that went through the real outbox and was given up on."""
    await store.outbox.ensure_group("telegram")
    tx = Transaction()
    delivery = tx.deliver("telegram", "4242", OutboundMessage(text=text))
    await store.commit(tx)
    [entry] = await store.outbox.read("telegram", "sender-test", 10, 100)
    await store.outbox.dead("telegram", entry, "Forbidden: timed out (emulated)", 1.0)
    return delivery.delivery_id


async def test_an_admin_sees_a_dead_letter_and_retries_it_once(
    gateway: Gateway, store: Store, http: aiohttp.ClientSession
) -> None:
    delivery_id = await dead_reply(store, "Your ticket HD-000007 is resolved")
    admin = Console(http, gateway)
    assert (await admin.sign_in("root"))[0] == 200
    status, body = await admin.get("/console/api/dead-letters")
    assert status == 200
    assert [(r["delivery_id"], r["text"], r["error"]) for r in body["replies"]] == [
        (delivery_id, "Your ticket HD-000007 is resolved", "Forbidden: timed out (emulated)")
    ]
    status, _ = await admin.post(f"/console/api/dead-letters/{delivery_id}/retry")
    assert status == 200
    assert (await admin.get("/console/api/dead-letters"))[1]["replies"] == []
    [again] = await store.outbox.read("telegram", "sender-test", 10, 100)
    assert again.delivery.delivery_id == delivery_id and again.delivery.attempts == 0
    status, _ = await admin.post(f"/console/api/dead-letters/{delivery_id}/retry")
    assert status == 404, "retried once, queued once"


async def test_a_retry_resent_with_its_action_id_is_answered_as_the_first(
    gateway: Gateway, store: Store, http: aiohttp.ClientSession
) -> None:
    """The console's retry was applied and its answer lost; the page sends it again with
    the same action id: it is told "queued" as the first time (not 404 "already
    retried?"), and the reply is queued once. Another click (another id) is a 404."""
    delivery_id = await dead_reply(store, "Your VPN access is ready")
    admin = Console(http, gateway)
    assert (await admin.sign_in("root"))[0] == 200
    retry = f"/console/api/dead-letters/{delivery_id}/retry"
    first = await admin.post(retry, {"action_id": "dl-click-0001"})
    again = await admin.post(retry, {"action_id": "dl-click-0001"})
    assert first == again == (200, {"ok": True, "retried": delivery_id})
    [queued] = await store.outbox.read("telegram", "sender-test", 10, 100)
    assert queued.delivery.delivery_id == delivery_id
    assert await store.outbox.pending("telegram") == 1, "queued once"
    assert (await admin.post(retry, {"action_id": "dl-click-0002"}))[0] == 404
    assert (await admin.post(retry, {"action_id": "bad id!"}))[0] == 400


async def test_dead_letters_are_for_admins_only(gateway: Gateway, store: Store) -> None:
    delivery_id = await dead_reply(store, "hello")
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        operator = Console(http, gateway)
        assert (await operator.sign_in("alice"))[0] == 200
        assert (await operator.get("/console/api/dead-letters"))[0] == 403
        status, _ = await operator.post(f"/console/api/dead-letters/{delivery_id}/retry")
        assert status == 403
    assert [r["delivery_id"] for r in await store.outbox.dead_letters()] == [delivery_id]


async def dead_letters_page(browser: Any, gateway: Gateway) -> Page:
    """The dead-letters page, open for the admin."""
    page = await browser.new_page()
    await sign_in(page, gateway, "root")
    await page.goto(gateway.url + "/console/dead-letters")
    return page


async def test_the_dead_letters_page_retries_a_reply(
    gateway: Gateway, store: Store, browser: Any
) -> None:
    await dead_reply(store, "Your password was reset")
    page = await dead_letters_page(browser, gateway)
    row = page.locator("#dl-replies tbody tr")
    await expect(row).to_have_count(1)
    await expect(row).to_contain_text("Your password was reset")
    await screenshot(page, "console-dead-letters")
    await row.get_by_role("button", name="Retry").click()
    await expect(page.locator("#dl-status")).to_contain_text("Queued again")
    await expect(row).to_have_count(0)
    [again] = await store.outbox.read("telegram", "sender-test", 10, 100)
    assert again.delivery.message.text == "Your password was reset"


POISON = b"From: x@example.com\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nbroken"


async def poison_mail(store: Store) -> None:
    """A mail the IMAP intake gave up on, kept aside with its original, as the intake does."""

    async def take(raw: bytes, envelope_from: str) -> None:
        raise AssertionError("not called")

    settings = ImapSettings(username="support", host="imap.example.com")
    mailbox = ImapMailbox(settings, "INBOX", store, take)
    await mailbox._dead(77, 1234, "UnreadableMail: MIME nested too deep", POISON, len(POISON))


async def test_an_admin_sees_mail_dead_letters_with_the_original(
    gateway: Gateway, store: Store, http: aiohttp.ClientSession
) -> None:
    await poison_mail(store)
    admin = Console(http, gateway)
    assert (await admin.sign_in("root"))[0] == 200
    status, body = await admin.get("/console/api/dead-letters")
    assert status == 200
    [row] = body["mail"]
    assert (row["source"], row["where"], row["reason"]) == (
        "imap", "support@imap.example.com:993/INBOX UID 77", "UnreadableMail: MIME nested too deep"
    )
    async with http.get(gateway.url + row["original_url"]) as original:
        assert original.status == 200
        assert await original.read() == POISON
        assert original.headers["Content-Disposition"].startswith("attachment;")
    # Only mail on the list, and only for admins: any other message id is a 404.
    await store.mail.keep_original("<a-ticket-mail@example.com>", b"a ticket's mail", 60)
    mail_original = "/console/api/dead-letters/mail/original?message_id="
    async with http.get(f"{gateway.url}{mail_original}%3Ca-ticket-mail%40example.com%3E") as r:
        assert r.status == 404
    await admin.post("/console/api/logout")
    bob = Console(http, gateway)
    assert (await bob.sign_in("bob"))[0] == 200
    async with http.get(gateway.url + row["original_url"]) as original:
        assert original.status == 403 and await original.read() != POISON


async def test_the_dead_letters_page_lists_mail_with_a_link_to_the_original(
    gateway: Gateway, store: Store, browser: Any
) -> None:
    await poison_mail(store)
    page = await dead_letters_page(browser, gateway)
    row = page.locator("#dl-mail tbody tr")
    await expect(row).to_have_count(1)
    await expect(row).to_contain_text("MIME nested too deep")
    await expect(row).to_contain_text("support@imap.example.com:993/INBOX UID 77")
    await screenshot(page, "console-dead-letters-mail")
    async with page.expect_download() as download_info:
        await row.get_by_role("link", name="original.eml").click()
    download = await download_info.value
    assert Path(await download.path()).read_bytes() == POISON


async def test_only_admins_are_shown_the_links_to_the_admins_pages(
    gateway: Gateway, browser: Any
) -> None:
    """A plain operator was shown "dead letters (admins)" in the header, a page that
    refuses them; now the admins' pages (dead letters, linked accounts) are linked for
    admins only, in the console's language."""
    for login, admin in (("bob", False), ("root", True)):
        context = await browser.new_context()
        page = await context.new_page()
        await sign_in(page, gateway, login)
        header = page.locator("header.top")
        await expect(header).to_contain_text("Reports")
        pages = (("dead letters", "dead-letters"), ("linked accounts", "linked-accounts"))
        for name, path in pages:
            link = header.get_by_role("link", name=name)
            if admin:
                await expect(link).to_be_visible()
                await expect(link).to_have_attribute("href", f"/console/{path}")
            else:
                await expect(link).to_have_count(0)
        await context.close()
    context = await browser.new_context()
    page = await context.new_page()
    await sign_in(page, gateway, "root")
    await page.get_by_label("Language").select_option("uk")
    header = page.locator("header.top")
    await expect(header.get_by_role("link", name="недоставлені")).to_be_visible()
    await context.close()
