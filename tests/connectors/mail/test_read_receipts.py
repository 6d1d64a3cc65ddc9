"""Read receipts (MDNs, RFC 8098) through the real gateway.

A receipt is a machine's note that a mail was opened, in reply to it: Outlook sends one
for every mail when a user or their company asks for it, as multipart/report with
report-type=disposition-notification, and without Auto-Submitted. Outside pass (session
22): the receipt was read as the user's words, added to their ticket, and answered.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from emulators.mail import MailSink, Received
from gateway.connectors.mail.parse import parse_mail

from .conftest import SUPPORT
from .test_mail_dialog import ANNA, CORPUS, IVAN, MailGateway, gw, mails_to, user_mail

__all__ = ["gw"]  # the fixture used below


def read_receipt(of: Received, sender: str, words: str, manual: bool = True) -> EmailMessage:
    """Outlook's receipt for a mail we sent: a report with a human part and an MDN part."""
    mdn = EmailMessage()
    mdn["From"] = sender
    mdn["To"] = of["From"]
    mdn["Subject"] = f"{words}: {of['Subject']}"
    mdn["Date"] = formatdate()
    mdn["Message-ID"] = make_msgid(domain="corp.example.com")
    mdn["In-Reply-To"] = of["Message-ID"]
    mdn["References"] = f"{of['References'] or ''} {of['Message-ID']}".strip()
    mdn.set_content(
        f"{words}\n\n  To: {SUPPORT}\n  Subject: {of['Subject']}\n\nwas read on 05.12.2026 01:00."
    )
    mode = (
        "manual-action/MDN-sent-manually" if manual else "automatic-action/MDN-sent-automatically"
    )
    report = (
        "Reporting-UA: corp.example.com; Microsoft Outlook 16.0\r\n"
        f"Final-Recipient: rfc822;{sender}\r\n"
        f"Original-Message-ID: {of['Message-ID']}\r\n"
        f"Disposition: {mode}; displayed\r\n"
    )
    mdn.make_mixed()
    mdn.add_attachment(report.encode(), maintype="message", subtype="disposition-notification")
    mdn.replace_header(
        "Content-Type",
        'multipart/report; report-type=disposition-notification; boundary="'
        + (mdn.get_boundary() or "")
        + '"',
    )
    return mdn


async def test_read_receipts_are_not_answered_nor_added_to_the_ticket(
    gw: MailGateway, sink: MailSink
) -> None:
    first = user_mail(IVAN, SUPPORT, "Не печатает принтер", "Принтер пишет offline.")
    await gw.send(first, IVAN)
    (welcome,) = await mails_to(sink, IVAN, 1)
    ticket = await gw.ticket()
    await gw.rt.desk.take_over(ticket.id, ANNA)
    await gw.rt.desk.reply(ticket.id, ANNA, "Проверьте кабель, пожалуйста.")
    operator = (await mails_to(sink, IVAN, 2))[-1]
    for of, words, manual in ((welcome, "Прочитано", True), (operator, "Read", False)):
        await gw.send(read_receipt(of, IVAN, words, manual), IVAN)
    await gw.rt.desk.resolve(ticket.id, ANNA)
    rating = (await mails_to(sink, IVAN, 3))[-1]
    await gw.send(read_receipt(rating, IVAN, "Прочитано"), IVAN)

    async def receipts_recorded() -> bool:
        lines = await gw.rt.store.conversations.transcript(ticket.conversation_key)
        return sum("was read on" in str(line.get("text", "")) for line in lines) == 3

    await asyncio.wait_for(_until(receipts_recorded), 30)
    await asyncio.sleep(1.0)  # any answer would be out by now
    assert len(sink.to(IVAN)) == 3  # welcome, operator, rating: no answer to a receipt
    done = await gw.ticket()
    assert done.status.value == "resolved"
    assert not any("was read on" in v for v in done.fields.values())
    assert await gw.rt.store.tickets.get("HD-000002") is None
    notes = await gw.rt.store.tickets.notes(ticket.id)
    assert not any("was read on" in str(n.get("text", "")) for n in notes)


async def _until(check: Callable[[], Awaitable[bool]]) -> None:
    while not await check():
        await asyncio.sleep(0.05)


def test_a_receipt_is_automatic_mail_and_a_person_s_report_like_mail_is_not() -> None:
    sent = {"From": SUPPORT, "Subject": "Re: [HD-000007] VPN", "Message-ID": "<a@hd>",
            "References": ""}  # fmt: skip
    for words, manual in (("Прочитано", True), ("Прочитано", False), ("Not read", True)):
        raw = read_receipt(sent, IVAN, words, manual).as_bytes()  # type: ignore[arg-type]
        mail = parse_mail(raw)
        assert (mail.auto_submitted, mail.auto_submitted_reason) == (True, "read receipt")
        assert mail.bounce is None and mail.ticket_ref == "HD-000007"
    person = user_mail(IVAN, SUPPORT, "Re: [HD-000007] VPN", "Прочитал, но не помогло.")
    person.add_attachment(b"log", maintype="text", subtype="plain", filename="vpn.log")
    mail = parse_mail(person.as_bytes())
    assert (mail.auto_submitted, mail.auto_submitted_reason) == (False, "")


async def test_a_delay_warning_reads_as_a_delay_on_the_ticket(
    gw: MailGateway, sink: MailSink
) -> None:
    """A "still being retried" report (Action: delayed, 4.4.1) said "delivery failed" on
    the ticket's transcript: operators read it as a dead address. Nothing failed yet."""
    slow = "slow.server@branch.example.org"
    await gw.send(user_mail(slow, SUPPORT, "VPN", "VPN error 809"), slow)
    (ours,) = await mails_to(sink, slow, 1)
    dsn = (CORPUS / "46-dsn-delayed.eml").read_bytes()
    dsn = dsn.replace(b"<hd-000126.1764584500.6666@helpdesk.example.com>",
                      ours["Message-ID"].encode())  # fmt: skip
    await gw.take_raw(dsn, "")
    ticket = await gw.ticket()

    async def report_on_ticket() -> list[str]:
        lines = await gw.rt.store.conversations.transcript(ticket.conversation_key)
        return [str(line.get("text", "")) for line in lines if "4.4.1" in str(line)]

    await asyncio.wait_for(_until(report_on_ticket), 30)  # type: ignore[arg-type]
    (said,) = await report_on_ticket()
    assert "delayed" in said and "failed" not in said
    assert not await gw.rt.store.mail.undeliverable(slow)
