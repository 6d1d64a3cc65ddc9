"""A desk at work in Chromium: four operators (L1 bob, L1 erin in Ukrainian, L2 alice, admin
root) and two users. Files go each way, typing shows on both sides, search finds the
ticket, the queue counts what is unread, and each side reads its own language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from harness import (
    Gateway,
    bot_bubbles,
    open_chat,
    say,
    screenshot,
    sign_in,
    taken_over,
)
from playwright.async_api import expect

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
PDF = b"%PDF-1.4\n% reset steps\n%%EOF\n"


async def test_four_operators_two_users(gateway: Gateway, browser: Any, tmp_path: Path) -> None:
    contexts = [await browser.new_context(accept_downloads=True) for _ in range(6)]
    bob, erin, alice, root, anna, petro = [await c.new_page() for c in contexts]

    # Erin works in Ukrainian (her choice is kept); the queue speaks it.
    await sign_in(erin, gateway, "erin")
    await erin.get_by_label("Language").select_option("uk")
    await expect(erin.locator("#queue thead")).to_contain_text("Пріоритет")

    # Anna (an English page) opens a ticket; bob (L1) takes it over.
    ticket_id = await taken_over(anna, bob, gateway, "bob")
    row = erin.locator(f"tr[data-ticket='{ticket_id}']")
    await expect(row).to_contain_text("В роботі")
    await expect(row).to_have_class("unread")

    # Petro writes Russian on a Ukrainian page: his widget speaks Russian.
    await open_chat(petro, gateway, "uk")
    await say(petro, "не печатает принтер, пишет offline")
    await expect(bot_bubbles(petro).last).to_contain_text("Это помогло?")
    await expect(petro.locator(".fl-send")).to_have_text("Отправить")

    # Typing, both ways.
    await anna.locator(".fl-input").press_sequentially("one more thing")
    await expect(bob.locator("#t-typing")).to_contain_text("is typing")
    await bob.get_by_label("Reply to the user").press_sequentially("Checking")
    await expect(anna.locator(".fl-typing")).to_have_text("Bob Jones is typing…")
    await bob.get_by_label("Reply to the user").fill("")

    # A screenshot from Anna to bob, a PDF from bob to Anna.
    shot = tmp_path / "screen.png"
    shot.write_bytes(PNG)
    await anna.locator(".fl-file-input").set_input_files(str(shot))
    link = bob.locator("#t-transcript .file a", has_text="screen.png")
    async with bob.expect_download() as got:
        await link.click()
    assert Path(await (await got.value).path()).read_bytes() == PNG
    guide = tmp_path / "reset.pdf"
    guide.write_bytes(PDF)
    await bob.get_by_label("Reply to the user").fill("Steps attached.")
    await bob.get_by_label("Attach files").set_input_files(str(guide))
    await bob.get_by_role("button", name="Send reply").click()
    theirs = anna.locator(".fl-by-operator .fl-file", has_text="reset.pdf")
    async with anna.expect_download() as got:
        await theirs.click()
    assert Path(await (await got.value).path()).read_bytes() == PDF
    await screenshot(anna, "scenario-visitor")
    await screenshot(bob, "scenario-operator")

    # Alice (L2) finds it by what Anna wrote; root (admin) by its number and channel.
    await sign_in(alice, gateway, "alice")
    await alice.get_by_label("Search tickets").fill("spilled coffee")
    await alice.get_by_role("button", name="Search", exact=True).click()
    await expect(alice.locator("#results-list li")).to_have_count(1)
    await expect(alice.locator("#results-list li")).to_contain_text(ticket_id)
    await sign_in(root, gateway, "root")
    await root.get_by_label("Search tickets").fill(ticket_id.lower())
    await root.locator("#search select[name=channel]").select_option("webchat")
    await root.get_by_role("button", name="Search", exact=True).click()
    await expect(root.locator("#results-list li").first).to_contain_text(ticket_id)
    await screenshot(root, "scenario-search")

    # Erin's queue counted Anna's messages; opening the ticket in Ukrainian reads them.
    await expect(row.locator(".unread-count")).not_to_have_text("0")
    await screenshot(erin, "scenario-queue-uk")
    await row.click()
    await expect(erin.locator("#t-owner")).to_have_text("Взяв(ла) bob")
    await expect(erin.locator("#t-transcript")).to_contain_text("Bob Jones (оператор)")
    await expect(erin.get_by_role("button", name="Взяти в роботу")).to_be_disabled()
    await screenshot(erin, "scenario-ticket-uk")
    for context in contexts:
        await context.close()
