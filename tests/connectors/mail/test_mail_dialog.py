"""The dialog by e-mail through the real gateway (`create_app`): our SMTP listener in,
the local sink standing in for the site's mail server out, operators through the desk.

The user's side is what their mailbox shows (the sink); the operator's side is the store.
"""

from __future__ import annotations

import asyncio
import html
import json
import logging
import re
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import aiohttp
import pytest
from aiohttp import web

from emulators.harness import every_stored_value
from emulators.mail import MailSink, Received, reply_to, smtp_send, user_mail
from emulators.server import eventually, free_port, in_one_window
from gateway import app as gateway_app
from gateway.config import OperatorAccount, Settings
from gateway.connectors.mail.connector import EmailConnector
from gateway.connectors.mail.ratings import RATE_PATH
from gateway.models import Ticket, TicketStatus
from gateway.operations import ActionRefused, Actor
from gateway.runtime import Runtime
from gateway.store import Transaction
from gateway.texts import Texts
from gateway.web.auth import hash_password

from .conftest import SUPPORT, with_email

TEXTS = Texts.load()
OPERATOR_PASSWORD = "correct horse battery"
ANNA = Actor("anna", "Анна")
GROUPS = {"oleg": "security", "petro": "accounts"}  # operators of one group each
IVAN = "ivan.petrov@corp.example.com"
CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "email"


@dataclass
class MailGateway:
    app: web.Application
    runner: web.AppRunner
    port: int

    @property
    def rt(self) -> Runtime:
        return self.app[gateway_app.RUNTIME]

    @property
    def email(self) -> EmailConnector:
        return next(c for c in self.app[gateway_app.CONNECTORS] if c.channel == "email")  # type: ignore[return-value]

    async def send(self, msg: EmailMessage, mail_from: str) -> None:
        assert self.email.listener is not None
        await asyncio.to_thread(smtp_send, self.email.listener.port, msg, mail_from, SUPPORT)

    async def take_raw(self, raw: bytes, envelope_from: str) -> None:
        assert self.email.listener is not None
        port = self.email.listener.port

        def send() -> None:
            import smtplib

            with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
                client.sendmail(envelope_from, [SUPPORT], raw)

        await asyncio.to_thread(send)

    async def ticket(self, number: int = 1) -> Ticket:
        ticket = await self.rt.store.tickets.get(f"HD-{number:06d}")
        assert ticket is not None
        return ticket


@pytest.fixture
async def gw(
    request: pytest.FixtureRequest, settings: Settings, sink: MailSink
) -> AsyncIterator[MailGateway]:
    """The gateway; `indirect` parametrisation gives the deployment's `default_language`."""
    port = free_port()
    s = with_email(settings, sink)
    s = s.model_copy(update={
        "default_language": getattr(request, "param", settings.default_language),
        "http": s.http.model_copy(update={"public_url": f"http://127.0.0.1:{port}"}),
        "operators": [OperatorAccount(login=login, name=name, groups=groups,
                                      password_hash=hash_password(OPERATOR_PASSWORD))
                      for login, name, groups in (
                          ("anna", "Анна", []), *((a, a.title(), [g]) for a, g in GROUPS.items())
                      )],
    })  # fmt: skip
    app = gateway_app.create_app(s)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    yield MailGateway(app, runner, port)
    await runner.cleanup()


async def mails_to(sink: MailSink, address: str, n: int) -> list[Received]:
    await eventually(lambda: len(sink.to(address)) >= n, what=f"{n} mail(s) to {address}")
    return sink.to(address)


async def rating_letter(sink: MailSink, address: str, n: int = 1) -> Received:
    """The `n`-th letter mailed to `address` that carries the rating links, once it has come."""

    def found() -> Received | None:
        letters = [m for m in sink.to(address) if re.search(r"^5 - http", m.text, re.M)]
        return letters[n - 1] if len(letters) >= n else None

    return await eventually(found, what=f"rating letter {n}")


async def resolved_printer_ticket(
    gw: MailGateway, sink: MailSink, reply: str = ""
) -> tuple[Ticket, Received]:
    """Ivan's printer letter (in Ukrainian) taken over by Anna, who answers `reply` if any,
    and resolved: the ticket, HD-000001, and the rating letter Ivan got for it."""
    await gw.send(user_mail(IVAN, SUPPORT, "Не друкує принтер", "Принтер пише offline."), IVAN)
    await mails_to(sink, IVAN, 1)
    ticket = await gw.ticket()
    await gw.rt.desk.take_over(ticket.id, ANNA)
    if reply:
        await gw.rt.desk.reply(ticket.id, ANNA, reply)
    await gw.rt.desk.resolve(ticket.id, ANNA)
    return ticket, await rating_letter(sink, IVAN)


async def test_the_whole_journey_by_mail(gw: MailGateway, sink: MailSink) -> None:
    first = user_mail(IVAN, SUPPORT, "Не печатает принтер", "Принтер пишет offline.",
                      name="Иван Петров")  # fmt: skip
    await gw.send(first, IVAN)
    # 1. One reply: the ticket number, the FAQ answer with "reply solved", every question.
    (welcome,) = await mails_to(sink, IVAN, 1)
    assert welcome["Subject"] == "Re: [HD-000001] Не печатает принтер"
    assert welcome["In-Reply-To"] == first["Message-ID"]
    assert welcome["Auto-Submitted"] == "auto-replied"
    # dated in UTC, said so: "-0000" would say the desk's zone is unknown (RFC 5322 3.3)
    assert parsedate_to_datetime(welcome["Date"]).utcoffset() == timedelta(0)
    body = welcome.text
    assert "HD-000001" in body and "решено" in body
    assert TEXTS.get("ru", "mail_faq_intro") in body
    assert TEXTS.get("ru", "mail_questions_intro") in body
    asked = re.findall(r"^\d\. .+$", body, re.M)
    assert len(asked) >= 4  # tried, error/product, os, since: all in one letter
    ticket = await gw.ticket()
    assert ticket.channel == "email" and ticket.topic == "printer_offline"

    # 2. "не помогло" with the missing fields: they fill the ticket, no letter in reply.
    answer = reply_to(welcome, IVAN, "Не помогло. Перезагружал принтер, HP LaserJet 400, "
                                     "Windows 11, со вчера.\n\n> quoted history")  # fmt: skip
    await gw.send(answer, IVAN)

    async def filled() -> bool:
        t = await gw.ticket()
        return all(t.fields.get(f) for f in ("tried", "os", "since"))

    await eventually(filled, what="the reply to fill the ticket's fields")
    ticket = await gw.ticket()
    assert "Windows 11" in ticket.fields["os"] and ticket.status.is_active

    # 3. An operator answers from the console: it goes out by mail, in the same thread.
    await gw.rt.desk.take_over(ticket.id, ANNA)
    await gw.rt.desk.reply(ticket.id, ANNA, "Переустановила драйвер удалённо, проверьте.")
    await eventually(lambda: any("Переустановила" in m.text for m in sink.to(IVAN)),
                     what="the operator's mail")  # fmt: skip
    operator = next(m for m in sink.to(IVAN) if "Переустановила" in m.text)
    assert operator["Subject"] == "Re: [HD-000001] Не печатает принтер"
    assert operator["In-Reply-To"] == answer["Message-ID"]
    refs = operator["References"].split()
    assert first["Message-ID"] in refs and welcome["Message-ID"] in refs
    assert operator["Auto-Submitted"] == "" and "Анна" in operator["From"]
    assert SUPPORT in operator["From"]

    # 4. Resolved: one letter with the resolution and 1-5 signed rating links.
    before = len(sink.to(IVAN))
    await gw.rt.desk.resolve(ticket.id, ANNA)
    mails = await mails_to(sink, IVAN, before + 1)
    rating = mails[-1]
    links = re.findall(r"^(\d) - (http://\S+?)\r?$", rating.text, re.M)
    assert [n for n, _ in links] == ["1", "2", "3", "4", "5"], rating.text
    assert "HD-000001" in rating.text
    # the question is asked once (it was asked twice: the dialog's and the links' heading)
    assert rating.text.count("от 1 (плохо) до 5 (отлично)") == 1, rating.text
    assert (await gw.ticket()).status == TicketStatus.RESOLVED

    # 5. A rating link opened: the page shows the score and records nothing (a mail scanner
    # prefetching the link uses nothing); the POST of its confirm form records it, once.
    async with aiohttp.ClientSession() as http:
        for _ in range(2):
            async with http.get(links[3][1]) as page:
                assert page.status == 200
                shown = await page.text()
                assert TEXTS.get("ru", "rating_page_confirm", score=4) in shown
                assert 'method="post"' in shown and 'name="comment"' in shown
        assert not (await gw.ticket()).csat  # and the POST below is still the first use
        async with http.post(links[3][1], data={"comment": "Быстро, спасибо"}) as done:
            assert done.status == 200
            assert TEXTS.get("ru", "rating_page_thanks") in await done.text()
        await eventually(lambda: _csat(gw, 4), what="the rating on the ticket")
        async with http.post(links[0][1], data={"comment": "ещё раз"}) as again:
            assert again.status == 200
            assert TEXTS.get("ru", "rating_page_used") in await again.text()
        async with http.get(links[0][1]) as opened_again:
            assert TEXTS.get("ru", "rating_page_used") in await opened_again.text()
        async with http.post(links[0][1][:-3] + "xyz") as forged:
            assert forged.status == 404
        async with http.get(links[0][1][:-3] + "xyz") as forged_page:
            assert forged_page.status == 404
    await eventually(lambda: _comment(gw, "Быстро, спасибо"), what="the comment on the ticket")
    assert (await gw.ticket()).csat == 4


async def test_a_rating_form_that_cannot_be_read_uses_nothing(gw: MailGateway) -> None:
    """A confirm whose body is not in the form's charset (raw cp1251 bytes): before, the
    link was marked used and the score stored, then reading the form failed (a 500), and
    the form sent again was told "already rated": the comment was lost. Now the form is
    read first: a 400 that uses nothing, and the form sent again is thanked and stored."""
    tokens = gw.email.signer.tokens(IVAN, "ru", 7)
    url = f"http://127.0.0.1:{gw.port}{RATE_PATH}{tokens[5]}"
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    async with aiohttp.ClientSession() as http:
        raw = "comment=Спасибо".encode("cp1251")
        async with http.post(url, data=raw, headers=form) as unreadable:
            assert unreadable.status == 400
            assert TEXTS.get("ru", "rating_page_unreadable") in await unreadable.text()
        async with http.post(url, data={"comment": "Спасибо, быстро"}) as again:
            assert again.status == 200
            assert TEXTS.get("ru", "rating_page_thanks") in await again.text()
        async with http.post(url, data={"comment": "ещё"}) as third:
            assert TEXTS.get("ru", "rating_page_used") in await third.text()

    async def said() -> list[str]:
        log = await gw.rt.store.conversations.transcript(f"email:{IVAN}")
        return [e.get("text", "") for e in log if e["direction"] == "in"]

    await eventually(lambda: _has(said, "Спасибо, быстро"), what="the comment stored")
    assert (await said()).count("Спасибо, быстро") == 1


async def _has(read: Any, text: str) -> bool:
    return text in await read()


async def _csat(gw: MailGateway, score: int) -> bool:
    return (await gw.ticket()).csat == score


async def _all_turns_taken(gw: MailGateway) -> None:
    """Every message taken in so far has had its turn (what a page accepted is in the
    inbound stream before the page answers): waited for, not slept on."""

    async def none_left() -> bool:
        return await gw.rt.store.inbound.backlog() == 0

    await eventually(none_left, what="every message's turn")


async def _comment(gw: MailGateway, text: str) -> bool:
    return (await gw.ticket()).to_dict().get("csat_comment") == text


async def test_a_password_written_in_a_mail_is_never_kept(gw: MailGateway, sink: MailSink) -> None:
    """The password was kept: in the transcript, the ticket, the mail original operators
    open, and our reply's subject repeated it to the mailbox."""
    subject = "Не пускает в VPN, пароль: Zima_2025"
    mail = user_mail(IVAN, SUPPORT, subject, "Логин ivanov, мой пароль Zima_2025 не подходит.")
    await gw.send(mail, IVAN)
    (reply,) = await mails_to(sink, IVAN, 1)  # one letter: the ticket, and why it is hidden
    assert "Zima_2025" not in reply["Subject"] + reply.text
    assert "HD-000001" in reply.text and "похоже на пароль" in reply.text
    ticket = await gw.ticket()
    assert "Zima_2025" not in json.dumps(ticket.to_dict(), ensure_ascii=False)
    lines = await gw.rt.store.conversations.transcript(ticket.conversation_key)
    assert "Zima_2025" not in json.dumps(lines, ensure_ascii=False)
    assert await gw.rt.store.mail.original(mail["Message-ID"]) is None


async def test_a_password_in_a_file_name_or_below_its_word_is_never_kept(
    gw: MailGateway, sink: MailSink
) -> None:
    """Only the subject, the quote and the new text were read: a password as a file's name
    or on the line under "Пароль:" stayed in the ticket's files, the original and the
    transcript, and the user was not told to change it."""
    mail = user_mail(IVAN, SUPPORT, "Не пускает в VPN", "Логин:\nivanov\nПароль:\nZima_2025")
    mail.add_attachment(b"vpn log", maintype="text", subtype="plain",
                        filename="мой пароль Vesna-2026.txt")  # fmt: skip
    await gw.send(mail, IVAN)
    (reply,) = await mails_to(sink, IVAN, 1)
    assert "похоже на пароль" in reply.text
    assert await gw.rt.store.mail.original(mail["Message-ID"]) is None
    stored = await every_stored_value(gw.rt.store)
    assert "Zima_2025" not in stored and "Vesna-2026" not in stored
    lines = await gw.rt.store.conversations.transcript((await gw.ticket()).conversation_key)
    files = [a["name"] for e in lines for a in e.get("attachments") or ()]
    assert files == ["мой пароль ••••••.txt"]


async def test_a_password_only_in_the_html_rendering_is_never_kept(
    gw: MailGateway, sink: MailSink
) -> None:
    """A mail's plain text is what the dialog reads; the HTML beside it was not read at
    all, so a password only there stayed in the kept original operators open."""
    mail = user_mail(IVAN, SUPPORT, "Не пускает в VPN", "Данные для входа в таблице ниже.")
    mail.add_alternative("<p>Данные для входа:</p><table><tr><td>Логин</td><td>ivanov</td>"
                         "</tr><tr><td>Пароль</td><td>Zima_2025</td></tr></table>",
                         subtype="html")  # fmt: skip
    await gw.send(mail, IVAN)
    (reply,) = await mails_to(sink, IVAN, 1)
    assert "похоже на пароль" in reply.text
    assert await gw.rt.store.mail.original(mail["Message-ID"]) is None
    assert "Zima_2025" not in await every_stored_value(gw.rt.store)


@pytest.mark.parametrize(
    "solved",
    [
        "Решено, спасибо! Заработал.",
        # in the user's own words, after a greeting (was: a note on the open ticket)
        "Добрый день!\n\nНе переживайте, уже починили сами, спасибо.\n\nИван",
    ],
)
async def test_a_reply_without_headers_joins_by_the_subject_token_and_solves(
    gw: MailGateway, sink: MailSink, solved: str
) -> None:
    await gw.send(user_mail(IVAN, SUPPORT, "Не печатает принтер", "Пишет offline"), IVAN)
    await mails_to(sink, IVAN, 1)
    bare = user_mail(IVAN, SUPPORT, "Re: [HD-000001] Не печатает принтер", solved)
    await gw.send(bare, IVAN)
    await eventually(lambda: _status(gw, TicketStatus.RESOLVED), what="the ticket resolved")
    assert await gw.rt.store.tickets.get("HD-000002") is None  # no new ticket


async def test_a_colleague_answering_anothers_thread_gets_a_ticket_not_named_after_it(
    gw: MailGateway, sink: MailSink
) -> None:
    """Desk34: Mike answered Ivan's thread ("Re: [HD-000001] Не печатает принтер") about his
    scanner: his own ticket HD-000002 was titled "[HD-000001] Не печатает принтер" and its
    error was "HD-000001". Its subject now names no other ticket, and an id of ours is no
    error code."""
    await gw.send(user_mail(IVAN, SUPPORT, "Не печатает принтер", "Пишет offline"), IVAN)
    await mails_to(sink, IVAN, 1)
    mike = "mike.sokolov@corp.example.com"
    said = "Сканер на 3 этаже не сканирует в почту с понедельника"
    await gw.send(user_mail(mike, SUPPORT, "Re: [HD-000001] Не печатает принтер", said), mike)
    await mails_to(sink, mike, 1)
    his = await gw.ticket(2)
    assert his.subject == "Не печатает принтер"
    assert "HD-000001" not in his.fields.get("error", ""), his.fields
    assert "HD-000001" not in his.fields.get("problem", ""), his.fields


async def _status(gw: MailGateway, status: TicketStatus) -> bool:
    return (await gw.ticket()).status == status


async def test_an_autoresponder_loop_gets_at_most_one_mail(gw: MailGateway, sink: MailSink) -> None:
    robot = "vacation@partner.example.net"
    await gw.send(user_mail(robot, SUPPORT, "Printer", "The printer says offline"), robot)
    (ours,) = await mails_to(sink, robot, 1)
    # The robot answers our mail in every way robots do, several times.
    answers = [
        reply_to(ours, robot, "I am out of office.", headers={"Auto-Submitted": "auto-replied"}),
        reply_to(ours, robot, "I am out of office.", headers={"X-Autoreply": "yes"}),
        reply_to(ours, robot, "I am out of office.", headers={"Precedence": "bulk"}),
        reply_to(ours, robot, "I am out of office (no headers at all)."),
        user_mail(robot, SUPPORT, f"Auto: {ours['Subject']}", "Out of office, token only."),
    ]
    for answer in answers:
        await gw.send(answer, robot)
    await eventually(lambda: _transcript_len(gw, robot, 7), what="all robot mail recorded")
    assert len(sink.to(robot)) == 1
    assert await gw.rt.store.tickets.get("HD-000002") is None


async def _transcript_len(gw: MailGateway, address: str, n: int) -> bool:
    tickets = await gw.rt.store.tickets.recent()
    if not tickets:
        return False
    lines = await gw.rt.store.conversations.transcript(tickets[0].conversation_key)
    return len(lines) >= n


async def test_a_bounce_is_attached_to_its_ticket_and_stops_mail(
    gw: MailGateway, sink: MailSink
) -> None:
    gone = "left.company@corp.example.com"
    await gw.send(user_mail(gone, SUPPORT, "VPN", "VPN error 809"), gone)
    (ours,) = await mails_to(sink, gone, 1)
    dsn = (CORPUS / "43-dsn-postfix.eml").read_bytes()
    dsn = dsn.replace(b"nobody.here@corp.example.org", gone.encode())
    dsn = dsn.replace(b"<hd-000123.1764583200.a1b2c3@helpdesk.example.com>",
                      ours["Message-ID"].encode())  # fmt: skip
    await gw.take_raw(dsn, "")
    ticket = await gw.ticket()

    async def bounce_on_ticket() -> bool:
        lines = await gw.rt.store.conversations.transcript(ticket.conversation_key)
        return any("delivery failed" in str(line.get("text", "")) for line in lines)

    await eventually(bounce_on_ticket, what="the bounce on the ticket's transcript")
    assert (await gw.rt.store.mail.undeliverable(gone))["status"] == "5.1.1"
    assert await gw.rt.store.tickets.get("HD-000002") is None
    await gw.rt.desk.take_over(ticket.id, ANNA)
    try:
        await gw.rt.desk.reply(ticket.id, ANNA, "Are you still there?")
    except ActionRefused as refused:  # a bot message after the bounce found it out first
        assert refused.key == "blocked"
    conv = await eventually(lambda: _blocked(gw, ticket.conversation_key), what="blocked")
    assert conv
    assert len(sink.to(gone)) == 1  # nothing more went to the address that bounced


async def _blocked(gw: MailGateway, key: str) -> bool:
    conv = await gw.rt.store.conversations.get(key)
    return bool(conv and conv.blocked)


async def test_attachments_and_originals_go_only_to_operators_who_see_the_ticket(
    gw: MailGateway, sink: MailSink
) -> None:
    raw = (CORPUS / "05-outlook-ru-new-screenshot.eml").read_bytes()
    await gw.take_raw(raw, "m.sidorova@corp.example.ru")
    ticket = await eventually(lambda: gw.rt.store.tickets.get("HD-000001"), what="the ticket")
    lines = await gw.rt.store.conversations.transcript(ticket.conversation_key)
    index = next(i for i, line in enumerate(lines) if line.get("attachments"))
    (shot,) = lines[index]["attachments"]
    base = f"http://127.0.0.1:{gw.port}"
    ticket_url = f"{base}/console/api/tickets/{ticket.id}"
    url, original = f"{ticket_url}/files/{index}/0", f"{ticket_url}/original/{index}"
    # The routes that once served these by bare id, to any signed-in operator.
    old = (
        f"{base}/console/mail/attachments/{shot['file_id']}",
        f"{base}/console/mail/original?message_id={quote(lines[index]['message_id'])}",
    )
    stranger = next(a for a in ("oleg", "petro") if GROUPS[a] != ticket.group)
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        for path in (url, original):
            async with http.get(path) as anonymous:
                assert anonymous.status == 401
        await sign_in(http, base, stranger)  # another group's operator
        for path in (url, original, *old):
            async with http.get(path) as refused:
                assert refused.status == 404
                assert b"PNG" not in await refused.read()
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        await sign_in(http, base, "anna")  # every group
        async with http.get(url) as signed_in:
            assert signed_in.status == 200
            assert (await signed_in.read()).startswith(b"\x89PNG")
            assert signed_in.headers["Content-Disposition"].startswith("attachment;")
            assert signed_in.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
            assert signed_in.headers["X-Content-Type-Options"] == "nosniff"
        async with http.get(original) as kept:
            assert kept.status == 200 and await kept.read() == raw
            assert kept.headers["Content-Type"] == "message/rfc822"
            assert kept.headers["Cache-Control"] == "private, no-store"
        for path in old:
            async with http.get(path) as gone:
                assert gone.status == 404


async def sign_in(http: aiohttp.ClientSession, base: str, login: str) -> None:
    async with http.get(base + "/console/api/session") as resp:
        csrf = (await resp.json())["csrf"]
    async with http.post(
        base + "/console/api/login",
        json={"login": login, "password": OPERATOR_PASSWORD},
        headers={"Origin": base, "X-CSRF-Token": csrf},
    ) as resp:
        assert resp.status == 200


async def test_mail_bodies_are_not_logged_at_info(
    gw: MailGateway, sink: MailSink, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    caplog.set_level(logging.INFO, logger="gateway")
    gateway_log = logging.getLogger("gateway")  # earlier tests may have stopped propagation
    gateway_log.addHandler(caplog.handler)
    secret = "мой пароль Zebra-4417 не подходит"
    try:
        await gw.send(user_mail(IVAN, SUPPORT, "Вход", secret), IVAN)
        (reply,) = await mails_to(sink, IVAN, 1)
        await eventually(lambda: any(r.getMessage() == "mail sent" for r in caplog.records),
                         what="the sender to log the mail")  # fmt: skip
    finally:
        gateway_log.removeHandler(caplog.handler)
    logged = "\n".join(
        f"{r.getMessage()} {r.__dict__}" for r in caplog.records if r.levelno >= logging.INFO
    )
    assert "mail taken in" in logged and "mail sent" in logged
    assert "Zebra-4417" not in logged and reply.text[:40] not in logged


async def test_a_rating_link_of_an_earlier_resolution_opens_no_request(
    gw: MailGateway, sink: MailSink
) -> None:
    """Outside pass (hard-out18): resolved, reopened and resolved again, the user rated from
    the second letter; a link of the first letter, confirmed later, reached the dialog as a
    new letter "5" and opened a ticket about nothing, with a mail announcing it."""
    await gw.send(user_mail(IVAN, SUPPORT, "Не печатает принтер", "Принтер пишет offline."), IVAN)
    await mails_to(sink, IVAN, 1)
    ticket = await gw.ticket()
    await gw.rt.desk.take_over(ticket.id, ANNA)
    await gw.rt.desk.reply(ticket.id, ANNA, "Переустановила драйвер, проверьте.")

    await gw.rt.desk.resolve(ticket.id, ANNA)
    first = await rating_letter(sink, IVAN)
    await gw.rt.desk.reply(ticket.id, ANNA, "Ещё один шаг: перезагрузите ПК.", reopen=True)
    await gw.rt.desk.resolve(ticket.id, ANNA)
    second = await rating_letter(sink, IVAN, 2)

    def link(letter: Received, score: int) -> str:
        return re.findall(rf"^{score} - (http://\S+?)\r?$", letter.text, re.M)[0]

    thanks = TEXTS.get("ru", "rating_page_thanks")
    async with aiohttp.ClientSession() as http:
        # The first letter's page says what is true (desk18c): the newer letter's rating counts.
        async with http.get(link(first, 5)) as early:
            page = html.unescape(await early.text())
        assert TEXTS.get("ru", "rating_page_stale") in page and "<form" not in page
        async with http.post(link(second, 4), data={"comment": "Помогло"}) as done:
            assert thanks in await done.text()
        await eventually(lambda: _comment(gw, "Помогло"), what="the comment on the ticket")
        letters = len(sink.to(IVAN))
        async with http.post(link(first, 5), data={"comment": "Спасибо ещё раз"}) as stale:
            assert stale.status == 200
            page = html.unescape(await stale.text())
        # never a thanks for a rating not kept: the page says the newer rating stands
        assert thanks not in page
        assert TEXTS.get("ru", "rating_page_stale_rated") in page
        async with http.get(link(first, 3)) as again:
            assert TEXTS.get("ru", "rating_page_stale_rated") in html.unescape(await again.text())

    await _all_turns_taken(gw)  # a (wrong) turn would have shown up
    assert await gw.rt.store.tickets.get("HD-000002") is None
    assert len(sink.to(IVAN)) == letters
    assert (await gw.ticket()).csat == 4


async def test_a_rating_given_by_reply_makes_the_letters_links_say_so(
    gw: MailGateway, sink: MailSink
) -> None:
    """Outside pass (hard-out19): the user answered the resolution letter with "5"; the
    dialog took it (the ticket's rating is 5). The same letter's link for 2, opened and
    confirmed, still showed the form and said "thanks for your rating" although the
    dialog keeps the first score: the page must say what the store holds."""
    await gw.send(user_mail(IVAN, SUPPORT, "Не печатает принтер", "Принтер пишет offline."), IVAN)
    await mails_to(sink, IVAN, 1)
    ticket = await gw.ticket()
    await gw.rt.desk.take_over(ticket.id, ANNA)
    await gw.rt.desk.reply(ticket.id, ANNA, "Переустановила драйвер, проверьте.")
    await gw.rt.desk.resolve(ticket.id, ANNA)

    letter = await rating_letter(sink, IVAN)
    await gw.send(reply_to(letter, IVAN, "5\n\n> Оцените, пожалуйста"), IVAN)
    await eventually(lambda: _csat(gw, 5), what="the rating by reply on the ticket")
    letters = len(sink.to(IVAN))
    two = re.findall(r"^2 - (http://\S+?)\r?$", letter.text, re.M)[0]
    used = TEXTS.get("ru", "rating_page_used")
    async with aiohttp.ClientSession() as http:
        async with http.get(two) as opened:
            page = html.unescape(await opened.text())
        assert used in page and "<form" not in page
        async with http.post(two, data={"comment": "передумал"}) as confirmed:
            page = html.unescape(await confirmed.text())
        assert used in page and TEXTS.get("ru", "rating_page_thanks") not in page
    await _all_turns_taken(gw)  # a (wrong) turn would have shown up
    assert (await gw.ticket()).csat == 5
    assert not (await gw.ticket()).csat_comment
    assert await gw.rt.store.tickets.get("HD-000002") is None
    assert len(sink.to(IVAN)) == letters


async def test_a_rating_link_after_the_user_moved_on_says_it_no_longer_counts(
    gw: MailGateway, sink: MailSink
) -> None:
    """The resolution letter was answered with a new problem instead of a score: the dialog
    no longer waits for one, so its link's page says the link no longer counts (it showed
    the form and thanked for a score the dialog would not take)."""
    await gw.send(user_mail(IVAN, SUPPORT, "Не печатает принтер", "Принтер пишет offline."), IVAN)
    await mails_to(sink, IVAN, 1)
    ticket = await gw.ticket()
    await gw.rt.desk.take_over(ticket.id, ANNA)
    await gw.rt.desk.resolve(ticket.id, ANNA)

    letter = await rating_letter(sink, IVAN)
    new_problem = "Теперь не работает сканер на третьем этаже, пишет ошибку соединения с ПК"
    await gw.send(reply_to(letter, IVAN, new_problem), IVAN)
    await eventually(lambda: gw.rt.store.tickets.get("HD-000002"), what="the new request")
    five = re.findall(r"^5 - (http://\S+?)\r?$", letter.text, re.M)[0]
    closed = TEXTS.get("ru", "rating_page_closed")
    async with aiohttp.ClientSession() as http:
        async with http.get(five) as opened:
            page = html.unescape(await opened.text())
        assert closed in page and "<form" not in page
        async with http.post(five, data={"comment": ""}) as confirmed:
            page = html.unescape(await confirmed.text())
        assert closed in page and TEXTS.get("ru", "rating_page_thanks") not in page
    assert not (await gw.ticket()).csat


async def test_a_reply_saying_the_fault_goes_on_reopens_the_resolved_ticket(
    gw: MailGateway, sink: MailSink
) -> None:
    """Outside pass (desk27): Anna resolved HD-000001, the printer's; the user answered the
    rating letter "Все одно не друкує, та сама помилка offline." It opened HD-000002 (the
    reply at the rating step was read as a new letter). Now the same fault said to go on
    reopens HD-000001, one letter says so; a new problem written on that thread later is
    still a new request."""
    ticket, rating = await resolved_printer_ticket(gw, sink, "Перевстановила драйвер, перевірте.")
    before = len(sink.to(IVAN))
    said = "Все одно не друкує, та сама помилка offline.\n\n> Заявку HD-000001 вирішено"
    await gw.send(reply_to(rating, IVAN, said), IVAN)
    told = (await mails_to(sink, IVAN, before + 1))[-1]
    assert TEXTS.get("uk", "status_reopened", ticket_id="HD-000001") in told.text, told.text
    assert "HD-000002" not in told.text
    reopened = await gw.ticket()
    assert reopened.status == TicketStatus.OPEN and reopened.resolved_at == 0
    history = [(e.actor, e.action) for e in await gw.rt.store.tickets.events(reopened.id)]
    assert history[-1] == ("user", "reopened")
    assert await gw.rt.store.tickets.get("HD-000002") is None

    # Resolved again; now another thing on the same thread: a new request, as before.
    await gw.rt.desk.take_over(ticket.id, ANNA)
    await gw.rt.desk.resolve(ticket.id, ANNA)  # its letter may be over the hourly limit
    await gw.send(reply_to(told, IVAN, "Тепер не підключається VPN з дому."), IVAN)

    async def new_request() -> bool:
        return await gw.rt.store.tickets.get("HD-000002") is not None

    await eventually(new_request, what="a new request for the VPN")
    assert (await gw.ticket()).status == TicketStatus.RESOLVED


async def resolved_long_ago(gw: MailGateway, ticket_id: str, days: int = 40) -> None:
    """The ticket's resolution moved `days` back: past the window a reopen is allowed in."""
    tx = Transaction()
    tx.update_ticket(ticket_id, {"resolved_at": time.time() - days * 86400})
    await gw.rt.store.commit(tx)


async def test_a_fault_back_on_a_ticket_resolved_too_long_ago_is_the_new_request_at_once(
    gw: MailGateway, sink: MailSink
) -> None:
    """desk36: a reply to the rating letter of a ticket resolved 40 days ago, "Все одно не
    друкує, та сама помилка offline.", was told "resolved too long ago to reopen, describe
    the problem again": the user had just described it. Now what they wrote is the new
    request at once (HD-000002, its letter with the number, the answer and the questions),
    the old ticket named to the user and on both tickets' history for the operator."""
    ticket, rating = await resolved_printer_ticket(gw, sink, "Перевстановила драйвер, перевірте.")
    await resolved_long_ago(gw, ticket.id)
    before = len(sink.to(IVAN))
    said = "Все одно не друкує, та сама помилка offline.\n\n> Заявку HD-000001 вирішено"
    await gw.send(reply_to(rating, IVAN, said), IVAN)
    told = (await mails_to(sink, IVAN, before + 1))[-1]
    late = TEXTS.get("uk", "status_reopen_late", ticket_id="HD-000001")
    assert late not in told.text, told.text
    assert TEXTS.get("uk", "reopen_late_new_request", ticket_id="HD-000001") in told.text
    new = await gw.ticket(2)
    assert "HD-000002" in told.text and new.status.is_active
    assert "offline" in new.fields["problem"]
    assert (await gw.ticket()).status == TicketStatus.RESOLVED
    history = [(e.action, e.detail) for e in await gw.rt.store.tickets.events(new.id)]
    assert ("follows", "HD-000001") in history
    old = [(e.action, e.detail) for e in await gw.rt.store.tickets.events(ticket.id)]
    assert ("followed", "HD-000002") in old


async def test_a_reopen_over_the_hourly_limit_of_automatic_replies_is_still_told(
    gw: MailGateway, sink: MailSink
) -> None:
    """Outside pass (desk28): with the address's automatic replies of the hour used up (a
    busy morning of letters), "Все одно не друкує" reopened HD-000001 and the letter saying
    so was dropped: the user never learnt that their mail was read. The reopen's letter
    goes over the limit (it comes once per resolution: no robot can ping-pong with it)."""
    _, rating = await resolved_printer_ticket(gw, sink, "Перевстановила драйвер, перевірте.")
    await in_one_window(3600, room=60)
    limit = gw.email.email.auto_replies_per_hour

    async def used_up() -> bool:  # by the letters already on their way to Ivan
        return await gw.rt.store.mail.replies_in_window(IVAN, 3600, time.time()) >= limit

    await eventually(used_up, what="the hour's automatic replies used up")
    before = len(sink.to(IVAN))
    await gw.send(reply_to(rating, IVAN, "Все одно не друкує, та сама помилка offline."), IVAN)
    told = (await mails_to(sink, IVAN, before + 1))[-1]
    assert TEXTS.get("uk", "status_reopened", ticket_id="HD-000001") in told.text, told.text
    assert (await gw.ticket()).status == TicketStatus.OPEN


async def test_thanks_in_reply_to_the_rating_letter_is_no_new_request(
    gw: MailGateway, sink: MailSink
) -> None:
    """Outside pass (desk28): "Дякую ще раз, принтер тепер друкує!" in reply to the rating
    letter of the printer's resolved ticket opened HD-000002 and mailed its number. Now it
    is kept as the rating's comment, with no letter; the rating's links still count."""
    _, rating = await resolved_printer_ticket(gw, sink)
    before = len(sink.to(IVAN))
    said = "Дякую ще раз, принтер тепер друкує!"
    await gw.send(reply_to(rating, IVAN, said), IVAN)

    async def commented() -> bool:
        return (await gw.ticket()).csat_comment == said

    await eventually(commented, what="the thanks kept as the rating's comment")
    assert await gw.rt.store.tickets.get("HD-000002") is None
    assert len(sink.to(IVAN)) == before  # no letter for a thanks
    assert (await gw.ticket()).status == TicketStatus.RESOLVED


async def test_a_reply_telling_the_tickets_own_fault_again_reopens_it(
    gw: MailGateway, sink: MailSink
) -> None:
    """Outside pass (desk29): the printer's ticket resolved, the user answered the rating
    letter "Принтер не друкує, помилка offline." with no "still" word: it opened HD-000002
    and mailed its number. On the resolved ticket's own thread the same fault told again is
    that ticket's: HD-000001 reopens. Thanks ("Дякую, принтер друкує") stays a comment."""
    _, rating = await resolved_printer_ticket(gw, sink)
    before = len(sink.to(IVAN))
    said = "Принтер не друкує, помилка offline.\n\n> Заявку HD-000001 вирішено"
    await gw.send(reply_to(rating, IVAN, said), IVAN)
    told = (await mails_to(sink, IVAN, before + 1))[-1]
    assert TEXTS.get("uk", "status_reopened", ticket_id="HD-000001") in told.text, told.text
    assert (await gw.ticket()).status == TicketStatus.OPEN
    assert await gw.rt.store.tickets.get("HD-000002") is None


@pytest.mark.parametrize(
    "said",
    [
        "Нет, спасибо.\n\n--\nИван Петров", "ні, дякую", "no thanks", "не надо", "nothing",
        # desk32: a bare no opened HD-000002 "нет", where a chat asked for the score again
        "Нет\n\n--\nИван Петров", "ні",
    ],
)  # fmt: skip
async def test_a_rating_refused_in_reply_to_the_rating_letter_ends_it_as_in_a_chat(
    gw: MailGateway, sink: MailSink, said: str
) -> None:
    """Outside pass (desk31): "нет, спасибо" in reply to the rating letter opened HD-000002
    ("[HD-000001] Не друкує принтер / нет, спасибо") and mailed its number and the printer
    article again. Refused, the rating ends with no score and no comment, as in a chat, on
    Telegram and Viber: no new request, no letter; the letter's links no longer count."""
    _, rating = await resolved_printer_ticket(gw, sink)
    before = len(sink.to(IVAN))
    await gw.send(reply_to(rating, IVAN, said + "\n\n> Заявку HD-000001 вирішено"), IVAN)

    five = re.findall(r"^5 - (http://\S+?)\r?$", rating.text, re.M)[0]

    async def closed() -> bool:  # the turn has taken the reply: the rating waits no more
        async with aiohttp.ClientSession() as http, http.get(five) as opened:
            page = html.unescape(await opened.text())
        return TEXTS.get("uk", "rating_page_closed") in page and "<form" not in page

    await eventually(closed, what="the refusal taken")
    assert await gw.rt.store.tickets.get("HD-000002") is None
    resolved = await gw.ticket()
    assert resolved.status == TicketStatus.RESOLVED and not resolved.csat
    assert not resolved.to_dict().get("csat_comment")
    await asyncio.sleep(1)  # a letter would be on its way by now
    assert len(sink.to(IVAN)) == before


LEGAL_NOTICE = (
    "\n\nЗ повагою,\nІван Петров\nБухгалтерія\n\nCONFIDENTIALITY NOTICE: This e-mail and any"
    " attachments are confidential and intended solely for the addressee. If you have received"
    " this message in error, please notify the sender immediately and delete it. Any"
    " unauthorised use is strictly prohibited. The company accepts no liability for any damage"
    " caused by any virus transmitted by this email."
)


async def test_a_companys_legal_notice_under_a_letter_is_not_read_as_the_request(
    gw: MailGateway, sink: MailSink
) -> None:
    """Outside pass (desk31): "Дякую, все працює." signed with a closing and the company's
    legal notice, in reply to the rating letter, opened HD-000002, P1, security (the notice's
    "virus", "immediately", "delete"), and a new letter "Принтер пише offline." so signed was
    P1. The notice is the signature now: the thanks is the rating's comment, the printer P3."""
    _, rating = await resolved_printer_ticket(gw, sink)
    await gw.send(reply_to(rating, IVAN, "Дякую, все працює." + LEGAL_NOTICE), IVAN)

    async def commented() -> bool:
        return (await gw.ticket()).csat_comment == "Дякую, все працює."

    await eventually(commented, what="the thanks kept as the rating's comment")
    assert await gw.rt.store.tickets.get("HD-000002") is None

    other = "petro.ivanov@corp.example.com"
    await gw.send(user_mail(other, SUPPORT, "Не друкує принтер", "Принтер пише offline." +
                            LEGAL_NOTICE), other)  # fmt: skip
    await mails_to(sink, other, 1)
    new = await gw.ticket(2)
    assert new.fields["problem"] == "Не друкує принтер\nПринтер пише offline."
    assert new.priority.value == "P3" and new.group.value == "hardware"


async def test_a_mail_with_a_pasted_log_is_a_ticket_with_all_of_it(
    gw: MailGateway, sink: MailSink
) -> None:
    """A log pasted under the problem (90,000 characters, a line per error) made every reader of
    the dialog take seconds; the dialog reads its head now, and keeps it all: the ticket's
    problem and the transcript operators read have its last line, the original is kept."""
    lines = [f"2026-12-05 10:{n % 60:02d}:00 ERROR [smtp] connection lost, retry {n}"
             for n in range(1500)]  # fmt: skip
    body = "Outlook не отправляет письма, лог ниже.\n" + "\n".join([*lines, "--- end ---"])
    mail = user_mail(IVAN, SUPPORT, "", body)
    await gw.send(mail, IVAN)
    (reply,) = await mails_to(sink, IVAN, 1)
    assert "HD-000001" in reply.text
    ticket = await gw.ticket()
    assert ticket.fields["problem"].rstrip().endswith("--- end ---")
    assert ticket.subject == "Outlook не отправляет письма, лог ниже."
    (entry,) = await gw.rt.store.conversations.transcript(ticket.conversation_key, 0, 0)
    assert entry["text"].rstrip().endswith("--- end ---") and len(entry["text"]) > 90_000
    assert await gw.rt.store.mail.original(mail["Message-ID"]) is not None


def screenshot_mail(file_name: str, headers: dict[str, str] | None = None) -> EmailMessage:
    """A mail of a screenshot alone: no subject, no words, from a Latin-named sender."""
    mail = user_mail(IVAN, SUPPORT, "", "", name="Ivan Petrenko")
    mail.clear_content()
    for key, value in (headers or {}).items():
        mail[key] = value
    mail.add_attachment(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, maintype="image", subtype="png",
                        filename=file_name)  # fmt: skip
    return mail


@pytest.mark.parametrize(
    ("gw", "file_name", "headers", "language"),
    [
        # nothing tells: the deployment's own language, not Russian
        ("en", "IMG_0042.png", {}, "en"),
        ("uk", "IMG_0042.png", {}, "uk"),
        # the mailer's languages (Outlook), the first we speak
        ("en", "IMG_0042.png", {"Accept-Language": "de-DE, uk-UA;q=0.9, en-US;q=0.8"}, "uk"),
        ("ru", "IMG_0042.png", {"Content-Language": "en-US"}, "en"),
        # the writer's system named the file: Windows' Snipping Tool in Ukrainian, in Russian
        ("en", "Знімок екрана 2026-12-05 101500.png", {}, "uk"),
        ("en", "Снимок экрана 2026-12-05 101500.png", {}, "ru"),
        # … in capitals too: the letters are compared as lowercase (triage.language's)
        ("en", "ЗНІМОК ЕКРАНА 2026-12-05 101500.png", {}, "uk"),
    ],
    indirect=["gw"],
)
async def test_a_screenshot_mailed_alone_is_answered_in_the_language_that_tells(
    gw: MailGateway, sink: MailSink, file_name: str, headers: dict[str, str], language: str
) -> None:
    """An image-only mail with no subject was answered in Russian whatever its writer spoke:
    nothing in its words told."""
    await gw.send(screenshot_mail(file_name, headers), IVAN)
    (reply,) = await mails_to(sink, IVAN, 1)
    opened = TEXTS.get(language, "mail_ticket_opened", ticket_id="HD-000001", when="")
    assert opened.split("HD-000001")[0] in reply.text, reply.text
    assert (await gw.ticket()).language == language
