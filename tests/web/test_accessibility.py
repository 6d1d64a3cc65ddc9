"""Accessibility and phones: an axe-core scan of the widget and the console, keyboard use
of the widget, and phone-sized (390x844) pages with the chat button and queue on screen."""

from __future__ import annotations

from typing import Any

from harness import (
    Gateway,
    axe_violations,
    bot_bubbles,
    inside_viewport,
    open_chat,
    page_width,
    say,
    screenshot,
    seed_ticket,
    serious,
    sign_in,
)
from playwright.async_api import expect

from gateway.store import Store

PHONE = {"width": 390, "height": 844}


async def test_widget_has_no_serious_accessibility_violations(
    gateway: Gateway, browser: Any
) -> None:
    page = await browser.new_page()
    await open_chat(page, gateway, "ru")
    await expect(bot_bubbles(page).first).to_be_visible()
    await say(page, "I forgot my password")
    await expect(page.locator(".fl-reply").first).to_be_visible()
    found = await axe_violations(page)
    assert serious(found) == [], found
    # The rating stars too (the empty ones used to be 1.45:1).
    await page.locator(".fl-reply").first.click()
    await expect(page.locator(".fl-star")).to_have_count(5)
    found = await axe_violations(page)
    assert serious(found) == [], found
    await screenshot(page, "a11y-widget")


async def test_console_has_no_serious_accessibility_violations(
    gateway: Gateway, browser: Any, store: Store
) -> None:
    ticket = await seed_ticket(store)
    page = await browser.new_page()
    await page.goto(gateway.url + "/console")
    await expect(page.get_by_label("Login")).to_be_visible()
    assert serious(await axe_violations(page)) == []
    await sign_in(page, gateway, "alice")
    await expect(page.locator(f"tr[data-ticket='{ticket.id}']")).to_be_visible()
    found = await axe_violations(page)
    assert serious(found) == [], found
    await page.locator(f"tr[data-ticket='{ticket.id}']").click()
    await expect(page.locator("#t-title")).to_contain_text(ticket.id)
    found = await axe_violations(page)
    assert serious(found) == [], found
    await screenshot(page, "a11y-console-ticket")


async def test_escape_closes_the_widget_and_focus_returns_to_the_button(
    gateway: Gateway, browser: Any
) -> None:
    page = await browser.new_page()
    await open_chat(page, gateway)
    launcher = page.locator(".fl-launcher")
    await expect(page.locator(".fl-panel")).to_be_visible()
    await page.keyboard.press("Escape")
    await expect(page.locator(".fl-panel")).to_be_hidden()
    await expect(launcher).to_be_focused()
    # The button is a drawing with a name, not an emoji character.
    assert (await launcher.inner_text()).strip() == ""
    await expect(launcher.locator("svg")).to_have_count(1)
    await expect(launcher).to_have_accessible_name("Chat with IT support")
    await page.keyboard.press("Enter")  # the keyboard opens it again
    await expect(page.locator(".fl-panel")).to_be_visible()
    await expect(page.locator(".fl-input")).to_be_focused()


async def test_phone_sized_widget_keeps_the_chat_button_on_screen(
    gateway: Gateway, browser: Any
) -> None:
    context = await browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = await context.new_page()
    for lang in ("en", "uk", "ru"):
        await page.goto(f"{gateway.url}/?lang={lang}")
        await expect(page.locator(".fl-launcher")).to_be_visible()
        assert await page_width(page) <= PHONE["width"]
        assert await inside_viewport(page, ".fl-launcher")
    await screenshot(page, "phone-demo-page")
    await page.locator(".fl-launcher").click()
    await expect(page.locator(".fl-status")).to_be_hidden()
    await say(page, "Не работает принтер")
    assert await inside_viewport(page, ".fl-panel")
    assert await inside_viewport(page, ".fl-send")
    assert await page_width(page) <= PHONE["width"]
    await screenshot(page, "phone-widget-open")
    await context.close()


async def test_phone_sized_console_shows_the_queue_on_screen(
    gateway: Gateway, browser: Any, store: Store
) -> None:
    tickets = [
        await seed_ticket(store, subject="VPN drops every ten minutes at the branch office"),
        await seed_ticket(store, subject="Outlook asks for the password again and again"),
    ]
    context = await browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = await context.new_page()
    await sign_in(page, gateway, "root")
    for ticket in tickets:
        row = f"tr[data-ticket='{ticket.id}']"
        await expect(page.locator(row)).to_be_visible()
        assert await inside_viewport(page, row)
    assert await inside_viewport(page, "#queue")
    assert await page_width(page) <= PHONE["width"]
    await screenshot(page, "phone-console-queue")
    await page.locator(f"tr[data-ticket='{tickets[0].id}']").click()
    await expect(page.locator("#t-title")).to_contain_text(tickets[0].id)
    assert await page_width(page) <= PHONE["width"]
    assert await inside_viewport(page, "#take")
    await screenshot(page, "phone-console-ticket")
    await context.close()
