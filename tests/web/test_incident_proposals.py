"""With `incidents.auto_declare: false` detection proposes: the console API lists the
proposal, and declaring it forms the incident with the reporters subscribed."""

from __future__ import annotations

import aiohttp
from harness import Console, running_gateway

from gateway.app import RUNTIME
from gateway.config import IncidentSettings, Settings
from gateway.models import InboundMessage

REPORTS = ["CRM не открывается", "CRM is down since 9", "не працює CRM"]


async def test_the_console_declares_a_proposed_incident(
    web_settings: Settings, http: aiohttp.ClientSession
) -> None:
    settings = web_settings.model_copy(
        update={"incidents": IncidentSettings(reports=3, auto_declare=False)}
    )
    async with running_gateway(settings) as gw:
        rt = gw.app[RUNTIME]
        for n, text in enumerate(REPORTS):
            msg = InboundMessage(channel="webchat", chat_id=f"u{n}", message_id=f"m{n}", text=text)
            await rt.service.handle(msg)
        alice = Console(http, gw)
        await alice.sign_in("alice")
        status, listed = await alice.get("/console/api/incidents")
        assert status == 200 and listed["incidents"] == []
        (proposal,) = listed["proposals"]
        assert (proposal["title"], proposal["reports"]) == ("CRM", 3)
        assert await rt.store.incidents.open_ids() == []

        declare = {"proposal": "service:crm", "action_id": "c0ffee00d15ea5e1"}
        status, body = await alice.post("/console/api/incidents", declare)
        assert status == 200, body
        incident = body["incident"]
        # The console repeats the click whose answer was lost (the same id): answered the
        # incident it declared, not refused because the proposal is gone.
        status, again = await alice.post("/console/api/incidents", declare)
        assert status == 200 and again["incident"]["id"] == incident["id"], again
        assert incident["affected"] == 3 and incident["services"] == ["crm"]
        assert sorted(await rt.store.incidents.subscribers(incident["id"])) == [
            "webchat:u0", "webchat:u1", "webchat:u2"]  # fmt: skip
        status, listed = await alice.get("/console/api/incidents")
        assert listed["proposals"] == [] and [i["id"] for i in listed["incidents"]] == [
            incident["id"]]  # fmt: skip

        status, body = await alice.post("/console/api/incidents", {"proposal": "service:crm"})
        assert status == 409 and body.get("key") == "no_proposal", body
