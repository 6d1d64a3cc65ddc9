"""Files both ways: a visitor's screenshot reaches the operator, an operator's file reaches
the visitor (web chat) or the user (Telegram), Telegram and Viber files are downloadable in
the console, and the limits hold (size, type, who may download)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import aiohttp
from harness import (
    XSS_IMG,
    XSS_SCRIPT,
    Console,
    Gateway,
    Visitor,
    running_gateway,
    screenshot,
    seed_ticket,
    sign_in,
    taken_over,
)
from playwright.async_api import expect
from pytest import MonkeyPatch

from emulators.harness import every_stored_value, with_telegram, with_viber
from emulators.server import eventually, free_port
from emulators.telegram import TelegramEmulator
from emulators.viber import ViberEmulator
from gateway.app import FILE_LINKS, RUNTIME
from gateway.config import Settings
from gateway.store import Store

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
PDF = b"%PDF-1.4\n% instructions for the VPN client\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(200))
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200


async def test_a_file_goes_each_way_in_the_browser(
    gateway: Gateway, browser: Any, store: Store, tmp_path: Path
) -> None:
    alice_ctx = await browser.new_context(accept_downloads=True)
    visitor_ctx = await browser.new_context(accept_downloads=True)
    alice, visitor = await alice_ctx.new_page(), await visitor_ctx.new_page()
    ticket_id = await taken_over(visitor, alice, gateway, "alice")

    # The visitor attaches a screenshot: it shows as theirs, and the operator gets it.
    shot = tmp_path / "error screen.png"
    shot.write_bytes(PNG)
    await visitor.locator(".fl-file-input").set_input_files(str(shot))
    mine = visitor.locator(".fl-history .fl-msg.fl-in .fl-file")
    await expect(mine).to_contain_text("error screen.png")
    link = alice.locator("#t-transcript .file a", has_text="error screen.png")
    await expect(link).to_be_visible()
    async with alice.expect_download() as got:
        await link.click()
    download = await got.value
    assert download.suggested_filename == "error screen.png"
    assert Path(await download.path()).read_bytes() == PNG
    await screenshot(alice, "console-file-from-visitor")

    # The operator answers with a PDF: the visitor sees it from the operator and saves it.
    guide = tmp_path / "vpn-guide.pdf"
    guide.write_bytes(PDF)
    await alice.get_by_label("Reply to the user").fill("Here is the guide.")
    await alice.get_by_label("Attach files").set_input_files(str(guide))
    await alice.get_by_role("button", name="Send reply").click()
    theirs = visitor.locator(".fl-by-operator .fl-file", has_text="vpn-guide.pdf")
    await expect(theirs).to_be_visible()
    await expect(visitor.locator(".fl-by-operator").last).to_contain_text("Here is the guide.")
    async with visitor.expect_download() as got:
        await theirs.click()
    download = await got.value
    assert download.suggested_filename == "vpn-guide.pdf"
    assert Path(await download.path()).read_bytes() == PDF
    await screenshot(visitor, "webchat-file-from-operator")
    ticket = await store.tickets.get(ticket_id)
    assert ticket is not None and ticket.first_response_at > 0
    for ctx in (alice_ctx, visitor_ctx):
        await ctx.close()


async def test_markup_in_a_file_name_or_a_user_name_is_text_on_both_screens(
    gateway: Gateway, browser: Any, store: Store, tmp_path: Path
) -> None:
    """File names and user names come from users: the console and the widget show them as
    text (no element made of them, no script run)."""
    alice_ctx, visitor_ctx = await browser.new_context(), await browser.new_context()
    alice, visitor = await alice_ctx.new_page(), await visitor_ctx.new_page()
    await taken_over(visitor, alice, gateway, "alice")
    shot = tmp_path / f"{XSS_IMG}.png"
    shot.write_bytes(PNG)
    await visitor.locator(".fl-file-input").set_input_files(str(shot))
    await expect(visitor.locator(".fl-history .fl-msg.fl-in .fl-file")).to_contain_text("onerror")
    await expect(alice.locator("#t-transcript .file a")).to_contain_text("onerror")
    named = await seed_ticket(store, user_name=XSS_SCRIPT + XSS_IMG, subject=XSS_IMG)
    await alice.goto(f"{gateway.url}/console#ticket/{named.id}")
    await expect(alice.locator("#t-meta")).to_contain_text(XSS_SCRIPT)
    await expect(alice.locator("#t-title")).to_contain_text(XSS_IMG)
    for page in (alice, visitor):
        await expect(page.locator("body img")).to_have_count(0)
        assert await page.evaluate("window.__xss") is None
    for ctx in (alice_ctx, visitor_ctx):
        await ctx.close()


async def upload(
    http: aiohttp.ClientSession, gw: Gateway, token: str, body: bytes, name: str, cid: str
) -> tuple[int, dict[str, Any]]:
    headers = {"X-Chat-Token": token, "X-Client-Id": cid, "X-File-Name": name}
    async with http.post(gw.url + "/webchat/files", data=body, headers=headers) as resp:
        return resp.status, await resp.json()


async def test_uploads_are_limited_and_files_go_only_to_their_owner(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    async with http.ws_connect(gateway.ws_url) as ws:
        visitor = Visitor(ws)
        await visitor.hello()
        token = visitor.token
        status, _ = await upload(http, gateway, token, PNG, "..%2F..%2Fetc%2Fpasswd", "file-0001")
        assert status == 200
        entry = await visitor.own_entry("file-0001")
        files = entry["entry"]["files"]
        assert [(f["name"], f["size"], f["mime_type"]) for f in files] == [
            ("passwd.png", len(PNG), "image/png")  # no path; named as what it is
        ]
        # Too large, a program, or no session: refused, nothing kept or posted.
        big = PNG + b"\x00" * gateway.settings.web.upload_max_bytes
        assert (await upload(http, gateway, token, big, "big.png", "file-0002"))[0] == 413
        status, body = await upload(http, gateway, token, EXE, "setup.png", "file-0003")
        assert (status, body["error"]) == (415, "bad_type")
        assert (await upload(http, gateway, "forged", PNG, "a.png", "file-0004"))[0] == 401

        # The owner downloads it as an attachment that is never sniffed.
        url = f"{gateway.url}/webchat/files/{files[0]['id']}"
        async with http.get(url, headers={"X-Chat-Token": token}) as resp:
            assert resp.status == 200 and await resp.read() == PNG
            assert resp.headers["Content-Disposition"].startswith("attachment;")
            assert resp.headers["X-Content-Type-Options"] == "nosniff"
            assert resp.headers["Content-Type"] == "image/png"
        async with http.get(url) as resp:
            assert resp.status == 401
    async with http.ws_connect(gateway.ws_url) as ws:
        stranger = Visitor(ws)
        await stranger.hello()
        async with http.get(url, headers={"X-Chat-Token": stranger.token}) as resp:
            assert resp.status == 404
    transcript = await store.conversations.transcript(f"webchat:{token.split('.')[0]}")
    kept = [e for e in transcript if e.get("attachments")]
    assert len(kept) == 1  # only the accepted file became a message


async def test_a_password_in_an_uploaded_file_s_name_is_never_kept(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    """A visitor's file named "мой пароль Zima_2025.png": the name was kept as written (the
    file's record, the transcript operators read) and the visitor was not told."""
    async with http.ws_connect(gateway.ws_url) as ws:
        visitor = Visitor(ws)
        await visitor.hello(lang="ru")
        name = quote("мой пароль Zima_2025.png")
        status, body = await upload(http, gateway, visitor.token, PNG, name, "file-0201")
        assert (status, body["name"]) == (200, "мой пароль ••••••.png")
        entry = await visitor.own_entry("file-0201")
        assert [f["name"] for f in entry["entry"]["files"]] == ["мой пароль ••••••.png"]
        told = [(await visitor.entry())["entry"]["text"]]
        while "похоже на пароль" not in told[-1] and len(told) < 6:
            told.append((await visitor.entry())["entry"]["text"])
        assert "похоже на пароль" in told[-1], told
    assert "Zima_2025" not in await every_stored_value(store)


async def kept_files(store: Store, conversation: str) -> list[str]:
    """The ids of the files the store keeps for `conversation`."""
    found = []
    async for key in store.redis.scan_iter(match="fl:file:*"):
        meta = await store.files.meta(key.decode().removeprefix("fl:file:"))
        if meta is not None and meta.conversation == conversation:
            found.append(meta.id)
    return found


async def test_a_file_sent_again_after_a_lost_answer_is_kept_once(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    """The visitor's upload was stored and its answer lost; sent again with the same id the
    message was stored once but the file twice (an orphan copy kept for its retention)."""
    async with http.ws_connect(gateway.ws_url) as ws:
        visitor = Visitor(ws)
        await visitor.hello()
        for _ in range(3):
            status, _ = await upload(http, gateway, visitor.token, PNG, "error.png", "file-0101")
            assert status == 200
        entry = await visitor.own_entry("file-0101")
    conversation = f"webchat:{visitor.token.split('.')[0]}"
    assert await kept_files(store, conversation) == [entry["entry"]["files"][0]["id"]]
    transcript = await store.conversations.transcript(conversation)
    assert len([e for e in transcript if e.get("attachments")]) == 1


async def test_an_operator_file_sent_again_with_its_upload_id_is_the_same_file(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    """The console's upload sent again after a lost answer got a new file id, so the reply
    naming it was a new action: Send clicked again sent the reply twice."""
    ticket = await seed_ticket(store)
    bob = Console(http, gateway)
    await bob.sign_in("bob")
    assert (await bob.post(f"/console/api/tickets/{ticket.id}/take"))[0] == 200
    url = f"{gateway.url}/console/api/tickets/{ticket.id}/files"
    headers = {"Origin": gateway.url, "X-CSRF-Token": bob.csrf, "X-File-Name": "fix.pdf"}
    ids = []
    for _ in range(2):
        async with http.post(url, data=PDF, headers=headers | {"X-Upload-Id": "up-0001-x"}) as r:
            assert r.status == 200
            ids.append((await r.json())["id"])
    assert ids[0] == ids[1]
    assert await kept_files(store, ticket.conversation_key) == ids[:1]
    for _ in range(2):  # the reply clicked twice: one action
        status, _ = await bob.post(
            f"/console/api/tickets/{ticket.id}/reply",
            {"text": "Try this", "files": ids[:1], "action_id": "reply-0001-x"},
        )
        assert status == 200
    transcript = await store.conversations.transcript(ticket.conversation_key)
    assert len([e for e in transcript if e.get("attachments")]) == 1
    async with http.post(url, data=PDF, headers=headers | {"X-Upload-Id": "no"}) as resp:
        assert resp.status == 400
    async with http.post(url, data=PDF, headers=headers) as resp:  # no id: a new file
        assert resp.status == 200 and (await resp.json())["id"] != ids[0]


async def test_operators_of_other_groups_cannot_download(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    ticket = await seed_ticket(store)  # hardware
    meta = await store.files.put(ticket.conversation_key, "a.pdf", "application/pdf", PDF, "u", 60)
    from gateway.store import Transaction

    tx = Transaction()
    tx.transcript(ticket.conversation_key, {"direction": "in", "attachments": [
        {"kind": "document", "file_id": meta.id, "name": "a.pdf", "mime_type": "application/pdf",
         "size": len(PDF), "url": ""}]})  # fmt: skip
    await store.commit(tx)
    carol = Console(http, gateway)  # network only
    await carol.sign_in("carol")
    async with http.get(f"{gateway.url}/console/api/tickets/{ticket.id}/files/1/0") as resp:
        assert resp.status == 404
    await carol.post("/console/api/logout")
    root = Console(http, gateway)
    await root.sign_in("root")
    async with http.get(f"{gateway.url}/console/api/tickets/{ticket.id}/files/1/0") as resp:
        assert resp.status == 200 and await resp.read() == PDF


async def attachment_index(store: Store, key: str) -> int:
    async def found() -> int | None:
        entries = await store.conversations.transcript(key)
        hits = [i for i, e in enumerate(entries) if e.get("attachments")]
        return hits[-1] if hits else None

    return int(await eventually(found, what="the user's file in the transcript"))


async def test_telegram_files_both_ways(
    web_settings: Settings, telegram_api: TelegramEmulator, http: aiohttp.ClientSession
) -> None:
    async with running_gateway(with_telegram(web_settings, telegram_api)) as gw:
        store = gw.app[RUNTIME].store
        ticket = await seed_ticket(store, channel="telegram", chat_id="555000111")
        bob = Console(http, gw)
        await bob.sign_in("bob")
        assert (await bob.post(f"/console/api/tickets/{ticket.id}/take"))[0] == 200

        await telegram_api.send_photo(555000111, PNG, caption="this error")
        index = await attachment_index(store, ticket.conversation_key)
        url = f"{gw.url}/console/api/tickets/{ticket.id}/files/{index}/0"
        async with http.get(url) as resp:
            assert resp.status == 200 and await resp.read() == PNG
            assert resp.headers["Content-Type"] == "image/png"
            assert resp.headers["X-Content-Type-Options"] == "nosniff"

        # A document whose name a right-to-left override makes read "invoiceexe.pdf":
        # shown and saved as it really reads.
        await telegram_api.send_document(555000111, PDF, "invoice\u202efdp.exe", "application/pdf")
        await eventually(lambda: _files_named(store, ticket.conversation_key, "invoicefdp.exe"),
                         what="the document's plain name in the transcript")  # fmt: skip

        headers = {"Origin": gw.url, "X-CSRF-Token": bob.csrf, "X-File-Name": "fix.pdf"}
        async with http.post(
            f"{gw.url}/console/api/tickets/{ticket.id}/files", data=PDF, headers=headers
        ) as resp:
            assert resp.status == 200
            file_id = (await resp.json())["id"]
        status, _ = await bob.post(
            f"/console/api/tickets/{ticket.id}/reply", {"text": "Try this", "files": [file_id]}
        )
        assert status == 200
        await eventually(lambda: telegram_api.documents.get(555000111), what="a document")
        sent = telegram_api.documents[555000111][0]
        assert (sent.name, sent.content, sent.caption) == ("fix.pdf", PDF, "Bob Jones")
        assert any("Try this" in t for t in telegram_api.texts(555000111))


async def _files_named(store: Store, conversation: str, name: str) -> bool:
    entries = await store.conversations.transcript(conversation)
    return name in [a.get("name") for e in entries for a in e.get("attachments") or ()]


async def test_viber_files_are_downloadable_by_operators(
    web_settings: Settings, viber_api: ViberEmulator, http: aiohttp.ClientSession
) -> None:
    config = with_viber(web_settings, viber_api)
    config = config.model_copy(
        update={"http": config.http.model_copy(update={"public_url": "http://127.0.0.1:9"})}
    )
    async with running_gateway(config) as gw:
        viber_api.webhook_url = gw.url + "/webhooks/viber"
        store = gw.app[RUNTIME].store
        ticket = await seed_ticket(store, channel="viber", chat_id="vU1x==")
        viber_api.user("vU1x==")
        viber_api.send_file("vU1x==", viber_api.media_url("log.pdf", PDF), "log.pdf", len(PDF))
        index = await attachment_index(store, ticket.conversation_key)
        root = Console(http, gw)
        await root.sign_in("root")
        async with http.get(f"{gw.url}/console/api/tickets/{ticket.id}/files/{index}/0") as r:
            assert r.status == 200 and await r.read() == PDF
            assert "log.pdf" in r.headers["Content-Disposition"]
        viber_api.media.clear()  # Viber's media links expire
        async with http.get(f"{gw.url}/console/api/tickets/{ticket.id}/files/{index}/0") as r:
            assert r.status == 502


async def test_operator_files_reach_viber_users_through_signed_links(
    web_settings: Settings,
    viber_api: ViberEmulator,
    http: aiohttp.ClientSession,
    monkeypatch: MonkeyPatch,
) -> None:
    port = free_port()
    config = with_viber(web_settings, viber_api)
    config = config.model_copy(
        update={"http": config.http.model_copy(update={"public_url": f"http://127.0.0.1:{port}"})}
    )
    async with running_gateway(config, port) as gw:
        viber_api.webhook_url = gw.url + "/webhooks/viber"
        store = gw.app[RUNTIME].store
        ticket = await seed_ticket(store, channel="viber", chat_id="vF2y==")
        viber_api.user("vF2y==").subscribed = True
        bob = Console(http, gw)
        await bob.sign_in("bob")
        assert (await bob.post(f"/console/api/tickets/{ticket.id}/take"))[0] == 200
        ids = []
        for body, name in ((PDF, "vpn guide.pdf"), (JPEG, "where to click.jpg")):
            headers = {"Origin": gw.url, "X-CSRF-Token": bob.csrf, "X-File-Name": name}
            async with http.post(
                f"{gw.url}/console/api/tickets/{ticket.id}/files", data=body, headers=headers
            ) as resp:
                assert resp.status == 200
                ids.append((await resp.json())["id"])
        status, _ = await bob.post(
            f"/console/api/tickets/{ticket.id}/reply", {"text": "Follow the guide", "files": ids}
        )
        assert status == 200

        # The user sees the text, then the PDF as a file and the JPEG as a picture, each
        # downloaded by Viber from the link in the message.
        await eventually(lambda: len(viber_api.files("vF2y==")) == 2, what="two files")
        document, picture = viber_api.files("vF2y==")
        assert (document.type, document.file_name, document.content) == (
            "file",
            "vpn guide.pdf",
            PDF,
        )
        assert (picture.type, picture.content) == ("picture", JPEG)
        assert document.sender["name"] == "Bob Jones"
        assert any("Follow the guide" in t for t in viber_api.texts("vF2y=="))
        assert not any("📎" in t for t in viber_api.texts("vF2y=="))

        # The link names one file: anyone may fetch it, and nothing else.
        links = gw.app[FILE_LINKS]
        url = links.url(ids[0])
        assert url.startswith(f"http://127.0.0.1:{port}/files/public/")
        async with aiohttp.ClientSession() as anyone, anyone.get(url) as resp:
            assert resp.status == 200 and await resp.read() == PDF
            assert resp.headers["Content-Disposition"].startswith("attachment;")
            assert resp.headers["X-Content-Type-Options"] == "nosniff"
        token = url.rsplit("/", 1)[1]
        value, stamp, mac = token.split(".")
        forged = [
            f"{ids[1]}.{stamp}.{mac}",  # another file's id under this signature
            f"{value}.{int(stamp) + 3600}.{mac}",  # a later time under this signature
            f"{value}.{stamp}.{mac[:-2]}AA",
            "",
            value,
        ]
        for bad in forged:
            async with http.get(f"{gw.url}/files/public/{bad}") as resp:
                assert resp.status == 404
                assert await resp.read() not in (PDF, JPEG)
        async with http.get(f"{gw.url}/files/public/") as resp:
            assert resp.status == 404  # no listing

        # A link older than `file_link_hours` is refused; a file no longer kept is too.
        real_time = time.time
        monkeypatch.setattr(time, "time", lambda: real_time() - 25 * 3600)
        expired = links.url(ids[0])
        monkeypatch.undo()
        async with http.get(expired) as resp:
            assert resp.status == 404
        gone = links.url("no-such-file-id")
        async with http.get(gone) as resp:
            assert resp.status == 404


async def test_a_mail_file_past_what_intake_keeps_is_named_without_a_link(
    gateway: Gateway, browser: Any, store: Store
) -> None:
    """A mail of 50 scans keeps the first 20 (DEFAULT_MAX_ATTACHMENTS): the other 30 were
    links that answered "the attachment is no longer kept". They are named, said not kept."""
    from gateway.store import Transaction

    ticket = await seed_ticket(store, channel="email", chat_id="ivan@corp.example.com#4b90d9")
    files = [
        {"kind": "document", "file_id": "kept-1", "name": "scan-01.pdf", "size": 2048},
        {"kind": "document", "file_id": "", "name": "scan-21.pdf", "size": 2048},
    ]
    tx = Transaction()
    entry = {"direction": "in", "author": "user", "text": "scans", "attachments": files}
    tx.transcript(ticket.conversation_key, entry)
    await store.commit(tx)
    page = await browser.new_page()
    await sign_in(page, gateway, "alice")
    await page.locator(f"tr[data-ticket='{ticket.id}']").click()
    shown = page.locator("#t-transcript .file")
    await expect(shown).to_have_count(2)
    await expect(shown.nth(0).locator("a")).to_have_text("scan-01.pdf · 2 KB")
    await expect(shown.nth(1)).to_have_text(
        "scan-21.pdf · 2 KB · not kept: too large, or past the files one mail keeps"
    )
    await expect(shown.nth(1).locator("a")).to_have_count(0)
