"""An alert ticket in the operator's console (Chromium): marked as an alert in the queue,
with the monitoring system's labels and a link back to the source on its page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import aiohttp
from harness import Gateway, running_gateway, screenshot, sign_in
from playwright.async_api import expect
from pydantic import SecretStr

from gateway.config import AlertRule, AlertSettings, AlertSource, Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "alerts"
TOKEN = "console-alert-token"


async def test_the_console_marks_alert_tickets_with_labels_and_source_link(
    web_settings: Settings, browser: Any
) -> None:
    alerts = AlertSettings(
        alertmanager=AlertSource(enabled=True, token=SecretStr(TOKEN)),
        rules=[AlertRule(match={"severity": "critical"}, priority="P1", group="software")],
    )
    async with running_gateway(web_settings.model_copy(update={"alerts": alerts})) as gw:
        await post_alert(gw)
        page = await (await browser.new_context()).new_page()
        await sign_in(page, gw, "root")
        row = page.locator("#queue tbody tr", has_text="CRMDown")
        await expect(row).to_have_count(2)
        await expect(row.first.locator(".alert-badge")).to_have_text("alert")
        await expect(row.first).to_contain_text("monitoring")
        await row.first.click()
        await expect(page.locator("#t-alert-summary")).to_contain_text(
            "alertmanager alert, firing, fired 1 times"
        )
        await expect(page.locator("#t-alert-labels")).to_contain_text("severity=critical")
        await expect(page.locator("#t-alert-labels")).to_contain_text("service=crm")
        link = page.locator("#t-alert-link")
        await expect(link).to_have_text("open in alertmanager")
        assert (await link.get_attribute("href") or "").startswith(
            "http://prometheus.example.com:9090/graph"
        )
        await screenshot(page, "alert-ticket")


async def post_alert(gw: Gateway) -> None:
    body = (FIXTURES / "alertmanager_grouped.json").read_bytes()
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    async with (
        aiohttp.ClientSession() as http,
        http.post(gw.url + "/alerts/alertmanager", data=body, headers=headers) as resp,
    ):
        assert resp.status == 200
        assert json.loads(await resp.text())["new"] == 2
