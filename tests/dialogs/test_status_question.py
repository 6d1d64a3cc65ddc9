"""Recognising "where is my ticket?" in any wording, and telling it from a new problem."""

from __future__ import annotations

import pytest

from gateway.dialogs.status_question import StatusQuestion, status_question, ticket_numbers

ASKED = [
    ("ru", "Какой статус моей заявки HD-000001?", "HD-000001"),
    ("ru", "Где моя заявка?", ""),
    ("ru", "что с моим обращением", ""),
    ("ru", "Когда решат мою заявку?", ""),
    ("ru", "Подскажите, пожалуйста, статус по обращению", ""),
    ("ru", "Кто-нибудь смотрит мою заявку?", ""),
    ("ru", "Сколько ещё ждать ответа по моему запросу?", ""),
    ("ru", "Ну что там с моим тикетом??", ""),
    ("ru", "Заявку мою уже взяли в работу?", ""),
    ("ru", "HD-000123 — есть движение?", "HD-000123"),
    ("ru", "Как продвигается заявка №7?", "HD-000007"),
    ("ru", "мои заявки", ""),
    ("ru", "есть новости по заявке?", ""),
    ("ru", "НД-15?", "HD-000015"),
    ("uk", "Який статус мого звернення HD-000002?", "HD-000002"),
    ("uk", "як там моя заявка", ""),
    ("uk", "Моє звернення вже хтось розглядає?", ""),
    ("uk", "Підкажіть стан заявки HD-000044", "HD-000044"),
    ("uk", "Коли буде відповідь на мій запит?", ""),
    ("uk", "Що там із заявкою?", ""),
    ("uk", "покажіть мої заявки", ""),
    ("uk", "скільки ще чекати на заявку", ""),
    ("en", "Where is my ticket?", ""),
    ("en", "What's the status of my request?", ""),
    ("en", "Status of HD-000009 please", "HD-000009"),
    ("en", "Has someone looked at my ticket?", ""),
    ("en", "Any progress with my request?", ""),
    ("en", "When will my case be closed?", ""),
    ("en", "Who is working on my ticket?", ""),
    ("en", "check my tickets", ""),
    ("en", "hd-12", "HD-000012"),
    ("en", "any news on HD-000003", "HD-000003"),
]

NOT_ASKED = [
    ("ru", "Как создать заявку?"),
    ("ru", "хочу оставить заявку на ноутбук"),
    ("ru", "Заявка в 1С не проводится, ошибка при проведении"),
    ("ru", "Не могу открыть запрос в Jira, пишет доступ запрещен"),
    ("ru", "1С: не могу сформировать заявку поставщику"),
    ("ru", "HD-000001 принтер снова не печатает, пишет offline"),
    ("ru", "у меня ошибка #5"),
    ("ru", "Outlook пишет статус отключено"),
    ("uk", "Потрібно створити заявку на новий монітор"),
    ("uk", "Не працює інтернет на третьому поверсі"),
    ("en", "How do I open a ticket?"),
    ("en", "I want to raise a ticket about my laptop"),
    ("en", "The status bar in Excel disappeared"),
    ("en", "where is the printer on floor 2"),
    ("en", "ticket printer shows error 0x000"),
    # a venue's ticket: its status and updates are the machine's
    ("en", "the museum ticket pc is stuck on the updates screen"),
    ("en", "the kiosk won't print tickets, status paused"),
    ("en", "scanning tickets at the gate fails, status offline"),  # any form of the verb
    ("en", "Ticket office: 'Working on updates 40%' for an hour"),
    ("en", "the ticketing app crashes with an error when I open it"),
    ("en", "how do I request access to the finance share?"),
]


@pytest.mark.parametrize(("lang", "text", "ticket_id"), ASKED)
def test_a_status_question_is_recognised_in_any_wording(
    lang: str, text: str, ticket_id: str
) -> None:
    assert status_question(text, lang) == StatusQuestion(ticket_id)


@pytest.mark.parametrize(("lang", "text"), NOT_ASKED)
def test_a_problem_or_a_new_request_is_not_a_status_question(lang: str, text: str) -> None:
    assert status_question(text, lang) is None


def test_ticket_numbers_are_read_as_stored() -> None:
    assert ticket_numbers("hd 42, HD-000042 and hd-7") == ["HD-000042", "HD-000007"]
    assert ticket_numbers("№42") == []  # a bare number is a ticket only next to "заявка"
    assert ticket_numbers("№42", numbered=True) == ["HD-000042"]
    assert ticket_numbers("HD-0") == []


# Typed in a hurry: a word no dictionary knows, one letter off a cue word, is that word.
ASKED_WITH_TYPOS = [
    ("ru", "где моя заявкаа", False),
    ("ru", "какой сатус моей заявки?", False),
    ("ru", "что с моей заяфкой", False),
    ("ru", "кагда уже сделают?", True),
    ("ru", "есть навости?", True),
    ("uk", "де моя заявкаа?", False),
    ("uk", "який статсу мого звернення", False),
    ("uk", "коли вже зроблять?", True),
    ("en", "wher is my tiket", False),
    ("en", "where is my tikcet?", False),
    ("en", "any updte on my request?", False),
    ("en", "wehn will my ticket be done", False),
]
# Typos that ask nothing about a ticket, and real words never read as another.
NOT_ASKED_WITH_TYPOS = [
    ("ru", "принтер не пичатает", True),
    ("ru", "мой монитар мигает", True),
    ("uk", "мишка не прцює", True),
    ("en", "wher is the printer", True),
    ("en", "how to create a tiket", True),
    ("en", "my laptp is slow", True),
    ("en", "outlok not working", True),
    ("en", "tiket", True),
]


@pytest.mark.parametrize(("lang", "text", "bare"), ASKED_WITH_TYPOS)
def test_a_status_question_with_typos_is_recognised(lang: str, text: str, bare: bool) -> None:
    assert status_question(text, lang, bare=bare) == StatusQuestion()


@pytest.mark.parametrize(("lang", "text", "bare"), NOT_ASKED_WITH_TYPOS)
def test_a_typo_makes_no_status_question_of_a_problem(lang: str, text: str, bare: bool) -> None:
    assert status_question(text, lang, bare=bare) is None
