"""The answer to a mail over the size limit (read over IMAP, never read itself): it goes to
the sender's Reply-To, so one sender must not make us mail address after address."""

from __future__ import annotations

from emulators.mail import MailSink, user_mail
from emulators.server import eventually
from gateway.config import Settings
from gateway.store import Store

from .conftest import SUPPORT, started, with_email

MALLORY = "mallory@corp.example.com"


def head(reply_to: str, n: int) -> bytes:
    msg = user_mail(MALLORY, SUPPORT, f"Отчёт {n}", "x", headers={"Reply-To": reply_to})
    return msg.as_bytes().split(b"\n\n", 1)[0] + b"\n"


async def test_one_sender_cannot_make_us_mail_one_reply_to_after_another(
    settings: Settings, store: Store, sink: MailSink
) -> None:
    limit = 3
    s = with_email(settings, sink, mails_per_hour_per_sender=limit)
    victims = [f"victim{n}@corp.example.com" for n in range(limit + 3)]
    async with started(s, store) as conn:
        told = [await conn.answer_too_large(head(v, n), 60 * 2**20) for n, v in enumerate(victims)]
        await eventually(lambda: sum(len(sink.to(v)) for v in victims) >= limit, what="letters")
    # the sender's hourly limit of mails holds for these letters as for any answer of ours
    assert told == [True] * limit + [False] * 3
    assert [len(sink.to(v)) for v in victims] == [1] * limit + [0] * 3
    assert "Отчёт 0" in sink.to(victims[0])[0].text
