"""Mass incident detection through the real services and a real redis-server: reports of
one service within the window form one incident, a firing alert counts as evidence, and
reports of different problems never share one."""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest

from gateway import incidents as incidents_module
from gateway.config import IncidentSettings, Settings
from gateway.connectors.alert_payloads import AlertNotice
from gateway.models import InboundMessage
from gateway.operations import ActionRefused, Actor
from gateway.runtime import Runtime, open_runtime
from gateway.store import keys

IDS = itertools.count(1)


def with_incidents(settings: Settings, **values: object) -> Settings:
    return settings.model_copy(update={"incidents": IncidentSettings(**values)})  # type: ignore[arg-type]


async def write(rt: Runtime, user: str, text: str, channel: str = "webchat") -> None:
    msg = InboundMessage(channel=channel, chat_id=user, message_id=f"m{next(IDS)}", text=text)
    await rt.service.handle(msg)


async def test_a_firing_alert_counts_as_one_report(settings: Settings) -> None:
    async with open_runtime(with_incidents(settings, reports=3)) as rt:
        await write(rt, "u1", "CRM не открывается")
        await write(rt, "u2", "CRM is down")
        assert await rt.store.incidents.open_ids() == []
        alert = AlertNotice(source="alertmanager", key="fp1", status="firing",
                            title="CRMDown", service="crm")  # fmt: skip
        await rt.alerts.handle(alert.to_message({"fingerprint": "fp1"}))
        await write(rt, "u3", "Outlook не отправляет письма")  # another service: no
        assert await rt.store.incidents.open_ids() == []
        await write(rt, "u4", "срм висит")  # 3 users + the alert
        (incident_id,) = await rt.store.incidents.open_ids()
        subscribers = await rt.store.incidents.subscribers(incident_id)
        assert subscribers == ["webchat:u1", "webchat:u2", "webchat:u4"]
        timeline = await rt.store.incidents.timeline(incident_id)
        assert timeline[0]["detail"] == "3 users reported it, 1 alerts firing"


async def test_different_problems_are_different_incidents(settings: Settings) -> None:
    async with open_runtime(with_incidents(settings, reports=3)) as rt:
        for n, text in enumerate(["CRM не открывается", "CRM is down", "не працює CRM"]):
            await write(rt, f"crm{n}", text)
            await write(rt, f"printer{n}", "не печатает принтер, пишет offline")
        ids = await rt.store.incidents.open_ids()
        assert len(ids) == 2
        by_title = {}
        for incident_id in ids:
            incident = await rt.store.incidents.get(incident_id)
            assert incident is not None
            by_title[incident.title] = set(await rt.store.incidents.subscribers(incident_id))
        assert by_title == {
            "CRM": {"webchat:crm0", "webchat:crm1", "webchat:crm2"},
            "printer offline": {"webchat:printer0", "webchat:printer1", "webchat:printer2"},
        }


async def test_personal_matters_about_one_service_are_no_outage(settings: Settings) -> None:
    """Many people asking about their own mail account at once is a busy morning, not a
    mail outage: a forgotten password, a phone to set up, access or a program to install."""
    async with open_runtime(with_incidents(settings, reports=3)) as rt:
        for n, text in enumerate([
            "Забыла пароль от почты, не могу войти",
            "How do I set up my work email on my new iPhone?",
            "Нужен доступ к общему почтовому ящику бухгалтерии",
            "Забув пароль від пошти",
            "please install Outlook on my new laptop",
        ]):  # fmt: skip
            await write(rt, f"u{n}", text)
        assert await rt.store.incidents.open_ids() == []
        for n, text in enumerate(["Почта не работает у всего отдела", "Outlook is down",
                                  "пошта не відкривається з ранку"]):  # fmt: skip
            await write(rt, f"down{n}", text)
        (incident_id,) = await rt.store.incidents.open_ids()
        assert await rt.store.incidents.subscribers(incident_id) == [
            "webchat:down0", "webchat:down1", "webchat:down2"]  # fmt: skip


async def test_reports_outside_the_window_do_not_add_up(settings: Settings) -> None:
    async with open_runtime(with_incidents(settings, reports=2, window_minutes=1)) as rt:
        clock = [1_800_000_000.0]
        rt.incidents.clock = lambda: clock[0]
        await write(rt, "a", "CRM не открывается")
        clock[0] += 120  # two minutes later: the first report has left the window
        await write(rt, "b", "CRM не открывается")
        assert await rt.store.incidents.open_ids() == []
        await write(rt, "c", "CRM опять не открывается")
        assert len(await rt.store.incidents.open_ids()) == 1


async def test_without_auto_declare_reports_make_a_proposal_and_no_incident(
    settings: Settings,
) -> None:
    async with open_runtime(with_incidents(settings, reports=3, auto_declare=False)) as rt:
        await write(rt, "u1", "CRM не открывается")
        await write(rt, "p1", "не печатает принтер, пишет offline")
        await write(rt, "u2", "CRM is down")
        assert await rt.incidents.proposals() == []  # two reports: not yet
        await write(rt, "u3", "не працює CRM")
        assert await rt.store.incidents.open_ids() == []  # proposed, not declared
        (proposal,) = await rt.incidents.proposals()
        assert (proposal["signature"], proposal["title"], proposal["reports"]) == (
            "service:crm", "CRM", 3)  # fmt: skip
        assert proposal["services"] == ["crm"]
        assert set(proposal["samples"]) == {"CRM не открывается", "CRM is down", "не працює CRM"}

        incident = await rt.incidents.declare_proposed("service:crm", Actor("anna"), {})
        assert await rt.store.incidents.open_ids() == [incident.id]
        assert (incident.title, incident.services) == ("CRM", ["crm"])
        assert sorted(await rt.store.incidents.subscribers(incident.id)) == [
            "webchat:u1", "webchat:u2", "webchat:u3"]  # fmt: skip
        assert await rt.incidents.proposals() == []  # declared: no longer proposed
        with pytest.raises(ActionRefused):
            await rt.incidents.declare_proposed("service:crm", Actor("anna"), {})


async def test_a_proposal_expires_with_the_window(settings: Settings) -> None:
    values = {"reports": 2, "window_minutes": 1, "auto_declare": False}
    async with open_runtime(with_incidents(settings, **values)) as rt:
        clock = [1_800_000_000.0]
        rt.incidents.clock = lambda: clock[0]
        await write(rt, "a", "CRM не открывается")
        clock[0] += 30
        await write(rt, "b", "CRM is down")
        assert [p["reports"] for p in await rt.incidents.proposals()] == [2]
        assert await rt.store.redis.hlen(keys.INCIDENTS_PROPOSED) == 1
        clock[0] += 40  # the first report has left the window: one is not enough
        assert await rt.incidents.proposals() == []
        assert await rt.store.redis.hlen(keys.INCIDENTS_PROPOSED) == 0  # dropped, not hidden
        with pytest.raises(ActionRefused):
            await rt.incidents.declare_proposed("service:crm", Actor("anna"), {})
        assert await rt.store.incidents.open_ids() == []


async def test_declared_twice_for_one_service_is_one_incident(settings: Settings) -> None:
    async with open_runtime(settings) as rt:
        first = await rt.incidents.declare(
            title="CRM", services=["crm"], messages={}, by=Actor("a")
        )
        again = await rt.incidents.declare(
            title="CRM!", services=["CRM"], messages={}, by=Actor("b")
        )
        assert again.id == first.id
        assert await rt.store.incidents.open_ids() == [first.id]


async def test_a_broadcast_in_several_commits_retried_after_a_failure_tells_each_once(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(incidents_module, "BROADCAST_CHUNK", 2)
    async with open_runtime(settings) as rt:
        incident = await rt.incidents.declare(
            title="CRM", services=["crm"], messages={"ru": "Чиним."}, by=Actor("anna")
        )
        users = [f"u{n}" for n in range(7)]
        for user in users:
            await write(rt, user, "CRM не открывается", channel="telegram")
        assert len(await rt.store.incidents.subscribers(incident.id)) == 7

        commit, calls = rt.store.commit, 0

        async def failing_second(tx: Any, *args: Any) -> None:
            nonlocal calls
            calls += 1
            if calls == 2:
                raise ConnectionError("redis went away")
            await commit(tx, *args)

        monkeypatch.setattr(rt.store, "commit", failing_second)
        with pytest.raises(ConnectionError):
            await rt.incidents.resolve(incident.id, Actor("anna"))
        monkeypatch.setattr(rt.store, "commit", commit)
        assert await rt.store.incidents.open_ids() == [incident.id]  # not over yet
        assert await rt.incidents.resolve(incident.id, Actor("anna")) == 5  # the rest
        resolved = [
            chat
            for chat, text in await outbound(rt)
            if text.startswith(rt.engine.texts.get("ru", "incident_resolved", title="CRM"))
        ]
        assert sorted(resolved) == sorted(users)  # each once
        assert await rt.store.incidents.open_ids() == []


async def outbound(rt: Runtime) -> list[tuple[str, str]]:
    """(chat, text) of every reply queued for Telegram."""
    rows = await rt.store.redis.xrange("fl:out:{telegram}")
    out = []
    for _, fields in rows:
        delivery = json.loads(fields[b"d"])
        out.append((delivery["chat_id"], delivery["message"]["text"]))
    return out
