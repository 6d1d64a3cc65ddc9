"""Out-of-office replies that carry no automatic-mail header, only their mailer's subject
(Outlook, Exchange and others in ru, uk and en): recorded, never a request, never answered.
A person's mail about out-of-office settings is a request like any other."""

from __future__ import annotations

import pytest

from emulators.mail import MailSink, user_mail
from emulators.server import eventually
from gateway.connectors.mail.parse import parse_mail

from .conftest import SUPPORT
from .test_mail_dialog import MailGateway, gw, mails_to  # noqa: F401 (the fixture)

OUT_OF_OFFICE = [
    "Автоматический ответ: Совещание в пятницу",
    "Автоматична відповідь: Нарада в п'ятницю",
    "Out of Office: Friday meeting",
    "Automatic reply: Friday meeting",
    "AUTOMATIC REPLY: RE: Friday meeting",
    "Автоответ: Отчёт за ноябрь",
    "Автовідповідь: Звіт за листопад",
    "Auto-reply: November report",
]
PEOPLE = [
    "Out of office not working in Outlook",
    "Не работает автоматический ответ в Outlook",
    "Як налаштувати автоматичну відповідь?",
    "Re: Automatic reply: Friday meeting",  # a person answering a robot's mail
    "Automatic replies: how do I turn them off",
]


def vacation(subject: str, n: int) -> bytes:
    msg = user_mail(f"away{n}@corp.example.com", SUPPORT, subject,
                    "Я в отпуске до 15.12. / I am away until 15.12.",
                    in_reply_to=f"<meeting-{n}@corp.example.com>")  # fmt: skip
    return msg.as_bytes()


@pytest.mark.parametrize("subject", OUT_OF_OFFICE)
def test_an_out_of_office_subject_marks_the_mail_automatic(subject: str) -> None:
    mail = parse_mail(vacation(subject, 1))
    assert mail.auto_submitted and "out of office" in mail.auto_submitted_reason


@pytest.mark.parametrize("subject", PEOPLE)
def test_a_persons_subject_about_out_of_office_is_not_automatic(subject: str) -> None:
    assert parse_mail(vacation(subject, 1)).auto_submitted_reason == ""


async def test_out_of_office_replies_open_no_request_and_get_no_answer(
    gw: MailGateway, sink: MailSink  # noqa: F811
) -> None:
    for n, subject in enumerate(OUT_OF_OFFICE):
        await gw.take_raw(vacation(subject, n), f"away{n}@corp.example.com")
    person = "ivan.petrov@corp.example.com"
    await gw.send(user_mail(person, SUPPORT, PEOPLE[0], "The auto reply is not sent."), person)
    await mails_to(sink, person, 1)  # the person's mail is a request and is answered

    async def recorded() -> bool:
        keys = [k async for k in gw.rt.store.redis.scan_iter(match="*away*")]
        return len(keys) >= len(OUT_OF_OFFICE)

    await eventually(recorded, what="every out-of-office mail recorded")
    tickets = await gw.rt.store.tickets.recent()
    assert [t.chat_id.split("#")[0] for t in tickets] == [person]
    assert all(not sink.to(f"away{n}@corp.example.com") for n in range(len(OUT_OF_OFFICE)))
