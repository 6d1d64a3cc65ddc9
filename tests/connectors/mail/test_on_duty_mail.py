"""SLA warnings and breaches mailed to the on-duty address by the e-mail channel's SMTP client."""

from __future__ import annotations

import asyncio

import pytest
from desk_seed import Clock
from pydantic import ValidationError
from test_sla_timers import START, open_ticket

from emulators.mail import MailSink
from gateway.config import Settings
from gateway.connectors.mail.connector import EmailConnector
from gateway.conversations import ConversationService
from gateway.delivery import ChannelSender
from gateway.dialogs.engine import DialogEngine
from gateway.knowledge.library import KnowledgeLibrary
from gateway.models import Delivery
from gateway.operations import OperatorDesk
from gateway.runtime import escalation_policy, prepare_on_duty_mail
from gateway.sla_timers import SlaTimerService
from gateway.store import Store
from gateway.triage.sla import MINUTE, SlaPolicy

from .conftest import with_email

DUTY = "duty@corp.example.com"


def on_duty(settings: Settings, address: str = DUTY) -> Settings:
    sla = settings.sla.model_copy(update={"on_duty_email": address})
    return settings.model_copy(update={"sla": sla})


async def blocked(delivery: Delivery) -> None:
    raise AssertionError(f"the on-duty address was blocked: {delivery}")


async def test_warning_and_breach_reach_the_on_duty_mailbox_once_each(
    settings: Settings, store: Store, sink: MailSink
) -> None:
    s = on_duty(with_email(settings, sink))
    policy = SlaPolicy.default()
    engine = DialogEngine(KnowledgeLibrary(s.faq_dir), policy)
    await prepare_on_duty_mail(store, s, engine.texts)
    clock = Clock(START)
    desk = OperatorDesk(ConversationService(store, engine, policy, clock=clock), clock=clock)
    timers = SlaTimerService(store, desk, policy, escalation_policy(s), engine.texts, clock=clock)
    sender = ChannelSender(store, EmailConnector(s, store), consumer="t", on_blocked=blocked)
    sending = asyncio.create_task(sender.run())
    try:
        ticket = await open_ticket(store, "601")  # P2: 30 min to the first response
        for minutes in (23, 31, 41, 51):  # warning at 75%, breach at 100%, then nothing new
            clock.now = START + minutes * MINUTE
            await timers.tick()
        deadline = asyncio.get_running_loop().time() + 60
        while len(sink.to(DUTY)) < 2:  # the sender drains the e-mail channel's outbound stream
            assert asyncio.get_running_loop().time() < deadline, "the on-duty mails never came"
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)  # room for a duplicate, if there were one
    finally:
        sender.stop()
        await asyncio.gather(sending, return_exceptions=True)
    mails = sink.to(DUTY)
    assert [m.text.strip().split(":")[0] for m in mails] == ["SLA warning", "SLA breach"]
    assert all(ticket.id in m.text and "SLA notices" in m["Subject"] for m in mails)
    assert all(m.mail_from == s.email.address for m in mails)


def test_no_on_duty_mail_without_the_email_channel(settings: Settings) -> None:
    assert escalation_policy(on_duty(settings)).on_duty_mail_thread == ""  # e-mail is off


def test_a_bad_on_duty_address_is_refused(settings: Settings) -> None:
    with pytest.raises(ValidationError, match="on_duty_email: not an e-mail address"):
        settings.sla.model_validate({**settings.sla.model_dump(), "on_duty_email": "duty desk"})
