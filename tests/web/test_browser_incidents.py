"""The operator declares a mass incident from the console (Chromium), posts an update and
resolves it; a Telegram user (emulated) who wrote meanwhile is told each time, once.
Screenshots of each step."""

from __future__ import annotations

from typing import Any

from harness import running_gateway, screenshot, sign_in
from playwright.async_api import expect

from emulators.harness import with_telegram
from emulators.server import eventually
from emulators.telegram import TelegramEmulator
from gateway.app import RUNTIME
from gateway.config import IncidentSettings, Settings
from gateway.models import InboundMessage, TicketStatus
from gateway.texts import Texts

TEXTS = Texts.load()
CHAT = 720000001


async def test_declare_update_and_resolve_from_the_console(
    web_settings: Settings, telegram_api: TelegramEmulator, browser: Any
) -> None:
    async with running_gateway(with_telegram(web_settings, telegram_api)) as gw:
        rt = gw.app[RUNTIME]
        page = await (await browser.new_context()).new_page()
        await sign_in(page, gw, "alice")
        await page.get_by_text("Declare an incident").click()
        form = page.locator("#declare-form")
        await form.get_by_label("Title").fill("1C accounting")
        await form.get_by_label("Affected services").fill("erp")
        await form.get_by_label("Message to users (Russian)").fill("1С недоступна, чиним.")
        await form.get_by_label("Message to users (Ukrainian)").fill("1С недоступна, лагодимо.")
        await form.get_by_label("Message to users (English)").fill("1C is down, fixing it.")
        await screenshot(page, "incident-declare")
        await form.get_by_role("button", name="Declare").click()
        incident = page.locator("#incident-list .incident")
        await expect(incident).to_have_count(1)
        await expect(incident.locator(".title")).to_have_text("1C accounting")
        await expect(incident.locator(".affected")).to_have_text("0 affected users")
        (incident_id,) = await rt.store.incidents.open_ids()
        parent = await rt.store.tickets.get(incident_id)
        assert parent is not None and parent.priority.value == "P1"

        # A user writes about it: told at once, in Russian, with the operator's message.
        await telegram_api.send_text(CHAT, "не запускается 1С, пишет нет связи с сервером")

        def told(key: str) -> list[str]:
            start = TEXTS.get("ru", key, title="\0", message="\0").split("\0")[0]
            return [t for t in telegram_api.texts(CHAT) if start in t]

        await eventually(lambda: told("incident_known"), what="the known-outage notice")
        assert "1С недоступна, чиним." in told("incident_known")[0]
        await expect(incident.locator(".affected")).to_have_text("1 affected users")  # live

        # One click sends an update to everyone subscribed.
        await incident.get_by_label("Message to users (Russian)").fill("Сервер перезапускается.")
        await incident.get_by_label("Message to users (English)").fill("Restarting the server.")
        await incident.get_by_role("button", name="Send update to all").click()
        await expect(page.locator("#notice")).to_have_text("1 users told")
        await eventually(lambda: told("incident_update"), what="the update")
        assert "Сервер перезапускается." in told("incident_update")[0]
        await incident.locator(".incident-timeline summary").click()
        await expect(incident.locator(".timeline li")).to_have_count(2)
        await screenshot(page, "incident-update")

        await incident.get_by_role("button", name="Resolve and tell everyone").click()
        await expect(incident.locator(".incident-status")).to_have_text("resolved")
        await eventually(lambda: told("incident_resolved"), what="the resolution")
        await screenshot(page, "incident-resolved")
        assert [len(told(k)) for k in ("incident_known", "incident_update")] == [1, 1]
        assert len(told("incident_resolved")) == 1
        stored = await rt.store.tickets.get(incident_id)
        assert stored is not None and stored.status == TicketStatus.RESOLVED


async def test_the_operator_declares_what_detection_proposes(
    web_settings: Settings, browser: Any
) -> None:
    """`auto_declare: false`: three CRM reports show a proposal above the incidents, live
    in a console already open, re-counted as reports come; one click declares it with the
    reporters subscribed."""
    settings = web_settings.model_copy(
        update={"incidents": IncidentSettings(reports=3, auto_declare=False)}
    )
    async with running_gateway(settings) as gw:
        rt = gw.app[RUNTIME]
        page = await (await browser.new_context()).new_page()
        await sign_in(page, gw, "alice")
        proposal = page.locator("#proposal-list .proposal")
        await expect(page.locator("#live")).to_be_visible()  # the console listens
        reports = ["CRM не открывается", "CRM is down", "не працює CRM", "срм висит"]
        for n, text in enumerate(reports[:3]):  # written while the console is open
            msg = InboundMessage(channel="webchat", chat_id=f"u{n}", message_id=f"m{n}", text=text)
            await rt.service.handle(msg)
        await expect(proposal).to_have_count(1)  # live: no reload
        await expect(proposal.locator(".title")).to_have_text("CRM")
        await expect(proposal.locator(".reports")).to_have_text("3 users reported it: an outage?")
        assert await rt.store.incidents.open_ids() == []
        await screenshot(page, "incident-proposal")
        msg = InboundMessage(channel="webchat", chat_id="u3", message_id="m3", text=reports[3])
        await rt.service.handle(msg)
        await expect(proposal.locator(".reports")).to_have_text("4 users reported it: an outage?")

        await proposal.get_by_role("button", name="Declare").click()
        incident = page.locator("#incident-list .incident")
        await expect(incident).to_have_count(1)
        await expect(incident.locator(".title")).to_have_text("CRM")
        await expect(incident.locator(".affected")).to_have_text("4 affected users")
        await expect(proposal).to_have_count(0)
        (incident_id,) = await rt.store.incidents.open_ids()
        assert sorted(await rt.store.incidents.subscribers(incident_id)) == [
            "webchat:u0", "webchat:u1", "webchat:u2", "webchat:u3"]  # fmt: skip
        await screenshot(page, "incident-proposal-declared")
