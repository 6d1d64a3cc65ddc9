"""The console in the operator's language (ru, uk, en, chosen per operator) and the widget in
its conversation's language, whatever the page's `data-lang` says."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from harness import (
    PASSWORD,
    Gateway,
    bot_bubbles,
    open_chat,
    running_gateway,
    say,
    screenshot,
    seed_ticket,
)
from playwright.async_api import Page, expect

from gateway.app import RUNTIME
from gateway.config import OperatorAccount, Settings
from gateway.operations import Actor
from gateway.web.auth import hash_password

OLENA = OperatorAccount(
    login="olena", name="Олена Коваль", password_hash=hash_password(PASSWORD), language="uk"
)

TARAS = OperatorAccount(
    login="taras",
    name="Тарас",
    password_hash=hash_password(PASSWORD),
    language="uk",
    role="admin",
)


@pytest.fixture
async def gateway_uk(web_settings: Settings) -> AsyncIterator[Gateway]:
    operators = [*web_settings.operators, OLENA, TARAS]
    settings = web_settings.model_copy(update={"operators": operators})
    async with running_gateway(settings) as gw:
        yield gw


async def sign_in_as(page: Page, gw: Gateway, login: str, login_label: str) -> None:
    await page.goto(gw.url + "/console")
    await page.get_by_label(login_label).fill(login)
    await page.locator("input[name=password]").fill(PASSWORD)
    await page.locator("#login-form button[type=submit]").click()
    await expect(page.locator("#live")).to_be_visible()


async def test_the_console_works_in_ukrainian(gateway_uk: Gateway, browser: Any) -> None:
    store = gateway_uk.app[RUNTIME].store
    ticket = await seed_ticket(store, subject="Не працює сканер на третьому поверсі")
    context = await browser.new_context(locale="uk-UA")
    page = await context.new_page()
    await page.goto(gateway_uk.url + "/console")
    await expect(page.locator("#login-form h1")).to_have_text("Вхід")  # the browser's language
    await sign_in_as(page, gateway_uk, "olena", "Логін")
    row = page.locator(f"tr[data-ticket='{ticket.id}']")
    await expect(page.locator("#queue thead")).to_contain_text("Пріоритет")
    await expect(row).to_contain_text("обладнання")
    await expect(row).to_contain_text("Нова")
    assert await page.evaluate("document.documentElement.lang") == "uk"
    await screenshot(page, "console-uk-queue")

    await row.click()
    await page.get_by_role("button", name="Взяти в роботу").click()
    await expect(page.locator("#t-owner")).to_have_text("Це листування ведете ви")
    await expect(page.locator("#t-fields")).to_contain_text("проблема")
    await page.get_by_label("Відповідь користувачу").fill("Добрий день, вже дивлюся.")
    await page.get_by_role("button", name="Надіслати відповідь").click()
    await expect(page.locator("#t-transcript")).to_contain_text("Олена Коваль (оператор)")
    await expect(page.locator("#t-meta")).to_contain_text("Чекає на відповідь користувача")
    await screenshot(page, "console-uk-ticket")

    # What the server refuses, it says in the operator's language too.
    held = await seed_ticket(store, subject="Не друкує принтер", chat_id="held-by-bob")
    bob = Actor("bob", "Bob Jones", "operator", ())
    assert (await gateway_uk.app[RUNTIME].desk.take_over(held.id, bob)).won
    await page.goto(f"{gateway_uk.url}/console#ticket/{held.id}")
    await expect(page.locator("#t-owner")).to_contain_text("bob")
    await page.get_by_label("Відповідь користувачу").fill("Я теж тут.")
    await page.get_by_role("button", name="Надіслати відповідь").click()
    await expect(page.locator("#t-alert")).to_have_text(
        "Спочатку візьміть заявку в роботу (її веде bob)"
    )
    await page.goto(f"{gateway_uk.url}/console#ticket/{ticket.id}")

    # The operator switches to English; the choice is kept for the next visit.
    await page.get_by_label("Мова").select_option("en")
    await expect(page.get_by_role("button", name="Take over")).to_be_visible()
    await page.reload()
    await expect(page.locator("#t-owner")).to_have_text("You are handling this conversation")
    await page.get_by_label("Language").select_option("ru")
    await expect(page.locator("#t-owner")).to_have_text("Эту переписку ведёте вы")
    await context.close()


async def test_the_dead_letters_page_in_ukrainian(gateway_uk: Gateway, browser: Any) -> None:
    context = await browser.new_context(locale="uk-UA")
    page = await context.new_page()
    await sign_in_as(page, gateway_uk, "taras", "Логін")
    await page.goto(gateway_uk.url + "/console/dead-letters")
    await expect(page.locator("h1")).to_have_text("Недоставлені відповіді")
    await expect(page.locator("#dl-mail thead")).to_contain_text("Причина")
    await expect(page.locator("#dl-status")).to_have_text("Недоставлених немає.")
    assert await page.title() == "firstline — недоставлені"
    await context.close()


async def test_the_widget_speaks_the_conversation_language(
    gateway: Gateway, browser: Any
) -> None:
    context = await browser.new_context()
    page = await context.new_page()
    await open_chat(page, gateway, "en")  # an English page
    placeholder = page.locator(".fl-input")
    await expect(placeholder).to_have_attribute("placeholder", "Describe your problem…")
    await say(page, "Не печатает принтер, пишет offline")
    await expect(bot_bubbles(page).last).to_contain_text("Это помогло?")
    # The conversation is Russian, so the labels are too.
    await expect(page.locator(".fl-send")).to_have_text("Отправить")
    await expect(page.locator(".fl-input")).to_have_attribute("placeholder", "Опишите проблему…")
    await expect(page.locator(".fl-title")).to_have_text("ИТ-поддержка")
    await expect(page.locator(".fl-history .fl-msg.fl-in .fl-author").first).to_have_text("Вы")

    # A returning visitor on a Ukrainian page keeps the conversation's Russian.
    await page.goto(gateway.url + "/?lang=uk")
    await expect(bot_bubbles(page).last).to_contain_text("Это помогло?")
    await expect(page.locator(".fl-send")).to_have_text("Отправить")
    await expect(page.locator(".fl-chat")).to_have_attribute("lang", "ru")
    await screenshot(page, "webchat-conversation-language")
    await context.close()


@pytest.mark.parametrize(
    ("asked", "lang", "title", "said"),
    [
        ("uk", "uk", "firstline — демо веб-чату", "Перша лінія ІТ-підтримки"),
        ("ru", "ru", "firstline — демо веб-чата", "Первая линия ИТ-поддержки"),
        ("en", "en", "firstline — web chat demo", "IT first-line support"),
        ("de", "en", "firstline — web chat demo", "IT first-line support"),
    ],
)
async def test_the_demo_page_speaks_the_language_asked_for(
    gateway: Gateway, http: aiohttp.ClientSession, asked: str, lang: str, title: str, said: str
) -> None:
    """`/?lang=uk` started the widget in Ukrainian on a page whose every word was English."""
    async with http.get(f"{gateway.url}/?lang={asked}") as resp:
        assert resp.status == 200
        page = await resp.text()
    assert f'<html lang="{lang}">' in page
    assert f"<title>{title}</title>" in page
    assert said in page
    assert f'data-lang="{lang}"' in page  # the widget and the tag to copy
    if lang != "en":
        assert "ask the bot" not in page and "Operators:" not in page
