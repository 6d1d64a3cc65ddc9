"""The password-reset journey in a real browser: the web-chat widget links the visitor to
their directory account by a one-time code, hands out a reset link, and the page sets the
new password on a real slapd, with the policy's refusals in the user's language.
Screenshots, desktop and phone-sized, go to artifacts/screenshots."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from directory.slapd import Person, Slapd
from harness import (
    Gateway,
    bot_bubbles,
    open_chat,
    running_gateway,
    say,
    screenshot,
    seed_ticket,
    sign_in,
)
from playwright.async_api import expect

from emulators.mail import MailSink
from emulators.server import eventually
from gateway.app import RUNTIME
from gateway.config import DirectorySettings, Settings, SmtpSettings
from gateway.store import Transaction

PHONE = {"width": 390, "height": 844}


@pytest.fixture
async def directory_gateway(
    web_settings: Settings, directory_settings: DirectorySettings, sink: MailSink
) -> AsyncIterator[Gateway]:
    email = web_settings.email.model_copy(
        update={
            "address": "support@example.org",
            "smtp": SmtpSettings(host="127.0.0.1", port=sink.port),
        }
    )
    configured = web_settings.model_copy(update={"directory": directory_settings, "email": email})
    async with running_gateway(configured) as gw:
        yield gw


async def _code(sink: MailSink, person: Person, letters_before: int) -> str:
    letters = await eventually(
        lambda: sink.to(person.mail)[letters_before:], what="the code letter"
    )
    found = re.search(r"\b(\d{6,12})\b", letters[-1].text)
    assert found
    return found.group(1)


async def _reset_link(page: Any, gw: Gateway, sink: MailSink, person: Person, lang: str) -> str:
    """Link the visitor in the widget, ask for a reset, return the link the bot gave."""
    await open_chat(page, gw, lang)
    letters = len(sink.to(person.mail))
    await say(page, "/link")
    await _bot_said(page, r"\?")  # asks for the login
    await say(page, person.login)
    await say(page, await _code(sink, person, letters))
    await _bot_said(page, "/forget")  # linked: "/forget undoes it"
    await say(page, "/reset")
    reply = await _bot_said(page, "/account/password/")
    found = re.search(r"(/account/password/\S+)", reply)
    assert found, reply
    return gw.url + found.group(1)


async def _bot_said(page: Any, pattern: str) -> str:
    """Wait for the bot's message matching `pattern`; its text."""
    bubble = bot_bubbles(page).filter(has_text=re.compile(pattern)).last
    await expect(bubble).to_be_visible()
    return str(await bubble.locator(".fl-text").inner_text())


async def test_reset_page_in_the_browser(
    directory_gateway: Gateway,
    browser: Any,
    sink: MailSink,
    slapd: Slapd,
    make_person: Callable[[], Person],
) -> None:
    gw, person = directory_gateway, make_person()
    context = await browser.new_context(viewport={"width": 1100, "height": 800})
    page = await context.new_page()
    link = await _reset_link(page, gw, sink, person, "en")
    await page.goto(link)
    await expect(page.get_by_role("heading", name="Set a new password")).to_be_visible()
    await expect(page.get_by_text(f"Account: {person.login}")).to_be_visible()
    await expect(page.locator("#rule")).to_have_text(
        "The password needs at least 8 characters."  # the directory's pwdMinLength
    )
    await screenshot(page, "reset-page-desktop")
    await page.get_by_label("New password", exact=True).fill("short")
    await page.get_by_label("Repeat the new password").fill("short")
    await page.get_by_role("button", name="Set the password").click()
    await expect(page.get_by_role("alert")).to_have_text(
        "The password is too short: it needs at least 8 characters. Choose a longer one."
    )
    assert await page.get_by_label("New password", exact=True).input_value() == ""
    await screenshot(page, "reset-page-refused")
    await page.get_by_label("New password", exact=True).fill("Garden-Lamp-2026")
    await page.get_by_label("Repeat the new password").fill("Garden-Lamp-2026")
    await page.get_by_role("button", name="Set the password").click()
    await expect(page.get_by_role("status")).to_contain_text("Your password has been changed")
    await screenshot(page, "reset-page-done")
    assert slapd.can_bind(person.dn, "Garden-Lamp-2026")
    assert not slapd.can_bind(person.dn, person.password)
    await page.goto(link)  # used: the link shows nothing to fill any more
    await expect(page.get_by_role("alert")).to_contain_text("This link is not valid")
    await context.close()


async def test_reset_page_on_a_phone_in_russian(
    directory_gateway: Gateway,
    browser: Any,
    sink: MailSink,
    slapd: Slapd,
    make_person: Callable[[], Person],
) -> None:
    gw, person = directory_gateway, make_person()
    context = await browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, locale="en-US"
    )  # the phone's browser is in English; the conversation is in Russian
    page = await context.new_page()
    link = await _reset_link(page, gw, sink, person, "ru")
    await page.goto(link)
    await expect(page.get_by_role("heading", name="Новый пароль")).to_be_visible()
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]  # nothing to scroll sideways on a phone
    await page.get_by_label("Новый пароль", exact=True).fill(person.password)
    await page.get_by_label("Повторите новый пароль").fill(person.password)
    await page.get_by_role("button", name="Задать пароль").click()
    await expect(page.get_by_role("alert")).to_have_text(
        "Этот пароль уже использовался. Выберите новый."
    )
    await screenshot(page, "reset-page-phone-ru-refused")
    await page.get_by_label("Новый пароль", exact=True).fill("Sad-Ogorod-2026")
    await page.get_by_label("Повторите новый пароль").fill("Sad-Ogorod-2026")
    await page.get_by_role("button", name="Задать пароль").click()
    await expect(page.get_by_role("status")).to_contain_text("Пароль изменён")
    await screenshot(page, "reset-page-phone-ru-done")
    assert slapd.can_bind(person.dn, "Sad-Ogorod-2026")
    # Used, the link still names the Russian conversation: its page says so in Russian,
    # not in the browser's English; a link that names nothing falls back to the browser's.
    await page.goto(link)
    await expect(page.get_by_role("alert")).to_contain_text("Ссылка недействительна")
    assert await page.locator("html").get_attribute("lang") == "ru"
    await page.goto(gw.url + "/account/password/not-a-link")
    await expect(page.get_by_role("alert")).to_contain_text("This link is not valid")
    await context.close()


async def test_a_configured_minimum_is_said_and_held_in_ukrainian(
    web_settings: Settings,
    directory_settings: DirectorySettings,
    sink: MailSink,
    browser: Any,
    slapd: Slapd,
    make_person: Callable[[], Person],
) -> None:
    """A deployment's own minimum longer than the directory's (12 against 8): the page says
    12 in the conversation's language and refuses 11 characters without asking the
    directory, which would have taken them."""
    email = web_settings.email.model_copy(
        update={"address": "support@example.org",
                "smtp": SmtpSettings(host="127.0.0.1", port=sink.port)}
    )  # fmt: skip
    directory = directory_settings.model_copy(update={"password_min_length": 12})
    configured = web_settings.model_copy(update={"directory": directory, "email": email})
    person = make_person()
    async with running_gateway(configured) as gw:
        context = await browser.new_context()
        page = await context.new_page()
        link = await _reset_link(page, gw, sink, person, "uk")
        await page.goto(link)
        await expect(page.locator("#rule")).to_have_text(
            "Мінімальна довжина пароля: 12 (літер, цифр і знаків)."
        )
        await page.get_by_label("Новий пароль", exact=True).fill("Sad-Vyshnya")
        await page.get_by_label("Повторіть новий пароль").fill("Sad-Vyshnya")
        await page.get_by_role("button", name="Задати пароль").click()
        await expect(page.get_by_role("alert")).to_have_text(
            "Пароль закороткий: мінімальна довжина — 12 (літер, цифр і знаків). Оберіть довший."
        )
        assert slapd.can_bind(person.dn, person.password)  # the directory was not asked
        await page.get_by_label("Новий пароль", exact=True).fill("Sad-Vyshnya-26")
        await page.get_by_label("Повторіть новий пароль").fill("Sad-Vyshnya-26")
        await page.get_by_role("button", name="Задати пароль").click()
        await expect(page.get_by_role("status")).to_contain_text("Пароль змінено")
        assert slapd.can_bind(person.dn, "Sad-Vyshnya-26")
        await context.close()


async def test_admin_sees_and_revokes_a_link_in_the_console(
    directory_gateway: Gateway,
    browser: Any,
    sink: MailSink,
    make_person: Callable[[], Person],
) -> None:
    gw, person = directory_gateway, make_person()
    visitor = await (await browser.new_context()).new_page()
    await _reset_link(visitor, gw, sink, person, "en")
    accounts = gw.app[RUNTIME].accounts
    assert accounts is not None
    [link] = await accounts.records.links(accounts.clock())
    assert link["login"] == person.login

    operator = await (await browser.new_context()).new_page()
    await sign_in(operator, gw, "bob")  # not an admin
    refused = await operator.request.get(gw.url + "/console/api/linked-accounts")
    assert refused.status == 403

    admin = await (await browser.new_context()).new_page()
    await sign_in(admin, gw, "root")
    await admin.goto(gw.url + "/console/linked-accounts")
    row = admin.locator("#la-links tbody tr").filter(has_text=link["identity"])
    await expect(row).to_contain_text(person.login)
    # The audit reads in the admin's language, not in codes.
    await expect(admin.locator("#la-audit tbody")).to_contain_text("link sent")
    await expect(admin.locator("#la-audit tbody")).not_to_contain_text("link_sent")
    # The code was asked for from the widget: the audit has the visitor's address.
    request = admin.locator("#la-audit tbody tr").filter(has_text="code requested")
    await expect(request).to_contain_text("127.0.0.1")
    await screenshot(admin, "console-linked-accounts")
    await row.get_by_role("button", name="Revoke").click()
    await expect(admin.locator("#la-status")).to_contain_text("revoked")
    await expect(admin.locator("#la-links tbody tr")).to_have_count(0)
    await expect(admin.locator("#la-audit tbody")).to_contain_text("by root")
    assert await accounts.linked_login(link["identity"]) == ""
    audit = await accounts.records.audit_entries()
    assert audit[0]["action"] == "revoke" and audit[0]["result"] == "by root"
    # The visitor's next self-service request starts with "who are you?" again.
    await say(visitor, "/unlock")
    await _bot_said(visitor, "What is your login")


async def test_a_reset_link_is_the_users_alone_not_the_consoles(
    directory_gateway: Gateway,
    browser: Any,
    sink: MailSink,
    make_person: Callable[[], Person],
) -> None:
    """The bot's reply with the link was shown to operators in the conversation (and found
    by the console's search): any operator could set the user's password with it while it
    lasted. The console shows the reply without it; the visitor still has it."""
    gw, person = directory_gateway, make_person()
    visitor = await (await browser.new_context()).new_page()
    link = await _reset_link(visitor, gw, sink, person, "en")
    token = link.rsplit("/", 1)[1]
    rt = gw.app[RUNTIME]
    assert rt.accounts is not None
    [linked] = await rt.accounts.records.links(rt.accounts.clock())
    channel, chat_id = linked["identity"].split(":", 1)
    seeded = await seed_ticket(rt.store)  # a ticket of the visitor's conversation:
    ticket = dataclasses.replace(seeded, channel=channel, chat_id=chat_id,
                                 conversation_key=f"{channel}:{chat_id}")  # fmt: skip
    tx = Transaction()
    tx.save_ticket(ticket)
    await rt.store.commit(tx)

    operator = await (await browser.new_context()).new_page()
    await sign_in(operator, gw, "bob")
    await operator.goto(f"{gw.url}/console#ticket/{ticket.id}")
    transcript = operator.locator("#t-transcript")
    await expect(transcript).to_contain_text("/account/password/…")
    await expect(transcript).not_to_contain_text(token)
    page = await operator.request.get(f"{gw.url}/console/api/tickets/{ticket.id}")
    assert token not in await page.text()
    found = await operator.request.get(f"{gw.url}/console/api/search?q={token[:12]}")
    assert found.ok and (await found.json())["tickets"] == []
    await visitor.goto(link)  # the user's link still works
    await expect(visitor.get_by_role("heading", name="Set a new password")).to_be_visible()
