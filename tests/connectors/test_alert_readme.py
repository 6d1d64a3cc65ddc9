"""The README's monitoring set-up, run as written against the real gateway: the Zabbix
webhook media type's script (under Node, with Zabbix's `HttpRequest` played by a real
HTTP POST), the generic curl example (bash, openssl, curl) and the Alertmanager
receiver. A README that drifts from the endpoints fails here."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import yaml
from pydantic import SecretStr
from test_channel_conversations import Gateway, run_gateway

from emulators.server import eventually
from gateway.config import AlertSettings, AlertSource, Settings
from gateway.models import Ticket, TicketStatus

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "alerts"
ZABBIX_TOKEN = "zbx-readme-token-0123456789"
AM_TOKEN = "am-readme-token-0123456789"
SECRET = "generic-readme-secret-42"
EXAMPLE = "https://support.example.com"

# What Zabbix would put in each macro of the README's media-type parameters.
ZABBIX_VALUES = {
    "event_id": "5501", "trigger_id": "23811", "event_value": "1",
    "event_update_status": "0", "event_date": "2026.12.02", "event_time": "04:10:00",
    "event_tags": '[{"tag":"service","value":"crm"},{"tag":"team","value":"software"}]',
    "host": "crm1.example.com", "severity": "Disaster",
    "subject": "Problem: CRM web is down on crm1.example.com",
    "message": "Problem started at 04:10:00 on 2026.12.02\nHost: crm1.example.com",
    "url": "https://zabbix.example.com/tr_events.php?triggerid=23811&eventid=5501",
}  # fmt: skip

# Zabbix's HttpRequest, as the script uses it, made of a child Node doing a real POST.
HTTP_REQUEST = (FIXTURES / "zabbix_http_request.js").read_text()


def section(start: str, end: str) -> str:
    return README[README.index(start) : README.index(end, README.index(start))]


def code_block(text: str, language: str) -> str:
    match = re.search(rf"```{language}\n(.*?)```", text, re.DOTALL)
    assert match, f"no {language} block"
    return match.group(1)


@pytest.fixture
async def gateway(settings: Settings) -> AsyncIterator[Gateway]:
    alerts = AlertSettings(
        alertmanager=AlertSource(enabled=True, token=SecretStr(AM_TOKEN)),
        zabbix=AlertSource(enabled=True, token=SecretStr(ZABBIX_TOKEN)),
        generic=AlertSource(enabled=True, hmac_secret=SecretStr(SECRET)),
    )
    gw = await run_gateway(settings.model_copy(update={"alerts": alerts}))
    yield gw
    await gw.runner.cleanup()


def base_url(gw: Gateway) -> str:
    host, port = gw.runner.addresses[0][:2]
    return f"http://{host}:{port}"


async def run(*command: str, env: dict[str, str] | None = None) -> str:
    """A program run without blocking the gateway serving it in this event loop."""
    proc = await asyncio.create_subprocess_exec(
        *command,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )
    out, err = await proc.communicate()
    assert proc.returncode == 0, err.decode()
    return out.decode()


async def the_ticket(gw: Gateway, chat_id: str, status: TicketStatus) -> Ticket:
    async def found() -> Ticket | None:
        for ticket in await gw.rt.store.tickets.recent():
            if ticket.chat_id == chat_id and ticket.status == status:
                return ticket
        return None

    ticket: Ticket = await eventually(found, what=f"{chat_id} {status.value}")
    return ticket


@pytest.mark.skipif(shutil.which("node") is None, reason="Node runs the Zabbix script")
async def test_the_zabbix_media_type_of_the_readme_opens_and_closes_a_ticket(
    gateway: Gateway,
) -> None:
    gw = gateway
    zabbix = section("**Zabbix** (6.0+)", "**Generic JSON**")
    names = re.findall(r"`(\w+)`", "\n".join(re.findall(r"^\| (.*?) \|", zabbix, re.M)))
    params = [n for n in names if n not in ("parameter",)]
    assert {"endpoint", "token", "event_id", "event_value", "trigger_id"} <= set(params)
    script = code_block(zabbix, "javascript")

    async def media_type(event_value: str) -> str:
        values = {**ZABBIX_VALUES, "event_value": event_value}
        given = {n: values[n] for n in params if n not in ("endpoint", "token")}
        given["endpoint"] = base_url(gw) + "/alerts/zabbix"
        given["token"] = ZABBIX_TOKEN
        program = (
            HTTP_REQUEST
            + f"var value = {json.dumps(json.dumps(given))};\n"
            + f"console.log((function (value) {{\n{script}\n}})(value));\n"
        )
        return await run("node", "-e", program)

    assert (await media_type("1")).strip() == "OK"
    ticket = await the_ticket(gw, "zabbix:5501", TicketStatus.NEW)
    assert ticket.subject == ZABBIX_VALUES["subject"]
    details = await gw.rt.store.alerts.details(ticket.id)
    assert details is not None and details.labels["service"] == "crm"
    assert details.link == ZABBIX_VALUES["url"]
    assert (await media_type("0")).strip() == "OK"
    closed = await the_ticket(gw, "zabbix:5501", TicketStatus.CLOSED)
    assert closed.id == ticket.id


@pytest.mark.skipif(
    shutil.which("curl") is None or shutil.which("openssl") is None,
    reason="the example uses curl and openssl",
)
async def test_the_generic_curl_example_of_the_readme_fires_and_resolves(gateway: Gateway) -> None:
    gw = gateway
    example = code_block(section("**Generic JSON**", "## Operator console"), "sh")
    assert EXAMPLE in example
    example = example.replace(EXAMPLE, base_url(gw))
    env = {"FIRSTLINE_ALERT_SECRET": SECRET}
    answer = json.loads(await run("bash", "-euo", "pipefail", "-c", example, env=env))
    assert answer == {"alerts": 1, "new": 1}
    ticket = await the_ticket(gw, "generic:vpn-gw", TicketStatus.NEW)
    assert (ticket.subject, ticket.fields["product"]) == ("VPN gateway down", "vpn")
    resolved = example.replace('"status":"firing"', '"status":"resolved"')  # as it says
    assert resolved != example
    answer = json.loads(await run("bash", "-euo", "pipefail", "-c", resolved, env=env))
    assert answer == {"alerts": 1, "new": 1}
    assert (await the_ticket(gw, "generic:vpn-gw", TicketStatus.RESOLVED)).id == ticket.id
    forged = example.replace("$FIRSTLINE_ALERT_SECRET", "not-the-secret")
    assert json.loads(await run("bash", "-c", forged, env=env)).get("alerts") is None


async def test_the_alertmanager_receiver_of_the_readme_is_what_the_endpoint_takes(
    gateway: Gateway, tmp_path: Path
) -> None:
    gw = gateway
    snippet = code_block(section("**Alertmanager** (webhook", "**Zabbix**"), "yaml")
    config: dict[str, Any] = yaml.safe_load(snippet)
    (receiver,) = config["receivers"]
    assert config["route"]["receiver"] == receiver["name"]
    (hook,) = receiver["webhook_configs"]
    assert hook["send_resolved"] is True
    assert hook["http_config"]["authorization"]["type"] == "Bearer"
    # What Alertmanager does with it: POST the v4 payload to the url, with the token read
    # from the credentials file.
    credentials = tmp_path / "firstline-token"
    credentials.write_text(AM_TOKEN + "\n")
    url = hook["url"].replace(EXAMPLE, base_url(gw))
    payload = json.loads((FIXTURES / "alertmanager_grouped.json").read_text())
    headers = {"Authorization": f"Bearer {credentials.read_text().strip()}"}
    async with aiohttp.ClientSession() as http, http.post(url, json=payload, headers=headers) as r:
        assert (r.status, await r.json()) == (200, {"alerts": 2, "new": 2})
