"""A fault mailed back on a ticket resolved too long ago to reopen, read over IMAP (real
dovecot, real Redis, the whole gateway): the new request's letter asks only what is still
missing, as the chat's checklist does."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from emulators.dovecot import Dovecot
from emulators.mail import MailSink, reply_to, user_mail
from emulators.server import free_port
from gateway import app as gateway_app
from gateway.config import Settings
from gateway.dialogs.checklist import question
from gateway.dialogs.follows import FOLLOWED_SOURCE
from gateway.models import TicketStatus

from .conftest import SUPPORT
from .test_imap import imap_settings
from .test_mail_dialog import (
    ANNA,
    IVAN,
    TEXTS,
    MailGateway,
    mails_to,
    rating_letter,
    resolved_long_ago,
)


@pytest.fixture
async def gw(settings: Settings, sink: MailSink, dovecot: Dovecot) -> AsyncIterator[MailGateway]:
    """The gateway reading the support mailbox over IMAP (no SMTP listener)."""
    port = free_port()
    s = imap_settings(settings, sink, dovecot, poll_seconds=0.2)
    url = s.http.model_copy(update={"public_url": f"http://127.0.0.1:{port}"})  # rating links
    app = gateway_app.create_app(s.model_copy(update={"http": url}))
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    yield MailGateway(app, runner, port)
    await runner.cleanup()


def numbered(letter: str) -> list[str]:
    """The questions of a letter, as the user reads them under its intro."""
    intro = TEXTS.get("uk", "mail_questions_intro")
    listed = letter.split(intro, 1)[1] if intro in letter else ""
    return [m.group(1) for m in re.finditer(r"^\d+\. (.+)$", listed, re.M)]


async def test_the_letter_of_a_request_going_on_from_an_old_ticket_asks_only_what_is_missing(
    gw: MailGateway, sink: MailSink, dovecot: Dovecot
) -> None:
    """desk37 (CLOSING36 "The desk"): "Все одно не друкує, та сама помилка offline." mailed
    back on a ticket resolved 40 days ago became HD-000002, but its letter asked what the
    error says, which printer and which system: HD-000001, the same fault, had read them
    from Ivan's first mail. They fill the new ticket now (shown as from the ticket it
    follows); only what was tried and since when are asked."""
    first = user_mail(IVAN, SUPPORT, "Не друкує принтер",
                      "Принтер HP LaserJet M404 пише offline. Стоїть Windows 11.")  # fmt: skip
    await asyncio.to_thread(dovecot.deliver, first.as_bytes())
    await mails_to(sink, IVAN, 1)
    old = await gw.ticket()
    await gw.rt.desk.take_over(old.id, ANNA)
    await gw.rt.desk.resolve(old.id, ANNA, "Перевстановила драйвер.")
    rating = await rating_letter(sink, IVAN)
    await resolved_long_ago(gw, old.id)
    before = len(sink.to(IVAN))

    said = "Все одно не друкує, та сама помилка offline.\n\n> Заявку HD-000001 вирішено"
    await asyncio.to_thread(dovecot.deliver, reply_to(rating, IVAN, said).as_bytes())
    letter = (await mails_to(sink, IVAN, before + 1))[-1].text
    assert TEXTS.get("uk", "reopen_late_new_request", ticket_id=old.id) in letter
    new = await gw.ticket(2)
    known = {"error": "offline", "product": "HP LaserJet M404", "os": "Windows 11"}
    fields = {"problem": new.fields["problem"], **known}
    asked = [question(f, fields, TEXTS, "uk").text for f in ("tried", "since")]
    assert numbered(letter) == asked, letter  # on main: tried, error, product, OS, since
    assert "«offline»" in asked[1]  # "since when has «offline» shown?"
    assert new.status.is_active and (await gw.ticket()).status == TicketStatus.RESOLVED
    assert {f: new.fields.get(f) for f in known} == known
    assert {new.sources[f] for f in known} == {FOLLOWED_SOURCE}
