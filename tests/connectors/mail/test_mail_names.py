"""A sender's name that decodes to line breaks or other control characters (an encoded
word in From, through our real SMTP listener): the name is read as words, replies still
reach the sender, and no header of ours ever carries what the name smuggled in."""

from __future__ import annotations

import base64

import pytest

from emulators.mail import MailSink
from gateway.connectors.mail.parse import parse_mail

from .test_mail_dialog import MailGateway, gw, mails_to

__all__ = ["gw"]  # the fixture used below

EVE = "eve@corp.example.com"


def encoded(text: str) -> str:
    return "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="


def mail_from(name: str, subject: str = "Не печатает принтер") -> bytes:
    return (
        f"From: {encoded(name)} <{EVE}>\r\nTo: support@helpdesk.example.com\r\n"
        f"Subject: {subject}\r\nMessage-ID: <n-{abs(hash(name))}@corp.example.com>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nПринтер пишет offline.\r\n"
    ).encode()


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("Eve\r\nBcc: mallory@evil.example", "Eve Bcc: mallory@evil.example"),
        ("Олена\nПетрівна", "Олена Петрівна"),
        ("Eve\x00\x07 Smith", "Eve Smith"),
    ],
)
def test_a_name_is_read_as_words_without_control_characters(name: str, read: str) -> None:
    assert parse_mail(mail_from(name)).from_name == read


async def test_a_sender_whose_name_hides_a_line_break_still_gets_answers(
    gw: MailGateway, sink: MailSink
) -> None:
    await gw.take_raw(mail_from("Eve\r\nBcc: mallory@evil.example"), EVE)
    (welcome,) = await mails_to(sink, EVE, 1)
    assert "HD-000001" in welcome["Subject"]
    assert not welcome["Bcc"] and sink.to("mallory@evil.example") == []
    assert "\n" not in welcome["To"] and "Bcc" in welcome["To"]  # the name, quoted whole
    assert await gw.rt.store.mail.dead_letters() == []
