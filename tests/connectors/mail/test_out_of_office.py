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
# A person's new mail (answering none) whose subject begins as an out-of-office reply's does:
# the topic first, then the trouble.
PEOPLE_NEW = [
    "Автоответ: не отключается в Outlook",
    "Автоматический ответ: не уходит внешним адресатам",
    "Автовідповідь: як увімкнути на час відпустки?",
    "Автоматична відповідь: не працює після оновлення",
    "Out of office: can't turn it on in Outlook",
    "Automatic reply: stopped working after the update",
    "Auto-reply: not sent to external senders",
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


@pytest.mark.parametrize("subject", PEOPLE_NEW)
def test_a_persons_new_mail_with_an_out_of_office_prefix_is_a_request(subject: str) -> None:
    """An out-of-office reply answers a mail; a person's new mail answers none."""
    mail = user_mail("ivan.petrov@corp.example.com", SUPPORT, subject, "Помогите настроить.")
    assert parse_mail(mail.as_bytes()).auto_submitted_reason == ""
    answering = user_mail("ivan.petrov@corp.example.com", SUPPORT, subject, "Я в отпуске.",
                          in_reply_to="<meeting@corp.example.com>")  # fmt: skip
    assert "out of office" in parse_mail(answering.as_bytes()).auto_submitted_reason


async def test_out_of_office_replies_open_no_request_and_get_no_answer(
    gw: MailGateway, sink: MailSink  # noqa: F811
) -> None:
    for n, subject in enumerate(OUT_OF_OFFICE):
        await gw.take_raw(vacation(subject, n), f"away{n}@corp.example.com")
    person, other = "ivan.petrov@corp.example.com", "olga@corp.example.com"
    await gw.send(user_mail(person, SUPPORT, PEOPLE[0], "The auto reply is not sent."), person)
    await mails_to(sink, person, 1)  # the person's mail is a request and is answered
    await gw.send(user_mail(other, SUPPORT, PEOPLE_NEW[0], "Автоответ включён, не выключить."),
                  other)  # fmt: skip
    await mails_to(sink, other, 1)  # so is a new mail whose subject begins as a robot's

    async def recorded() -> bool:
        keys = [k async for k in gw.rt.store.redis.scan_iter(match="*away*")]
        return len(keys) >= len(OUT_OF_OFFICE)

    await eventually(recorded, what="every out-of-office mail recorded")
    tickets = await gw.rt.store.tickets.recent()
    assert sorted(t.chat_id.split("#")[0] for t in tickets) == sorted([person, other])
    assert all(not sink.to(f"away{n}@corp.example.com") for n in range(len(OUT_OF_OFFICE)))
