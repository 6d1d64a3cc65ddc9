""" "Есть новости?", "коли вже буде", "still waiting...": a question after the user's own
ticket that names none is read by its class where nothing else is waited for (issue 18),
and a new problem that mentions waiting, a fact added to the ticket, or someone else's
ticket is not one."""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from dialogs.test_commands import open_ticket
from gateway.dialogs.events import StatusAsked
from gateway.dialogs.state import Phase
from gateway.dialogs.status_question import StatusQuestion, status_question
from gateway.texts import Texts

TEXTS = Texts.load()

ASKED = {
    "ru": [
        "ну что там с моей заявкой",
        "когда уже сделают",
        "Когда уже сделают?",
        "долго ещё ждать?",
        "есть новости?",
        "Добрый день, есть новости?",
        "новости есть?",
        "когда починят?",
        "когда будет готово?",
        "когда ответят?",
        "сколько ещё ждать",
        "долго ещё?",
        "кто-нибудь этим занимается?",
        "кто-то смотрит?",
        "ну что там?",
        "уже третий день жду!",
        "я всё ещё жду ответа",
        "жду уже неделю",
        "есть движение?",
        "какие новости?",
        "HD-000123 есть новости?",
        "Здравствуйте! Когда уже сделают?",
        "kogda uzhe sdelayut",
    ],
    "uk": [
        "хтось займається моєю заявкою?",
        "коли вже буде",
        "Коли вже зроблять?",
        "скільки ще чекати",
        "є новини?",
        "Привіт! Є новини?",
        "коли полагодять?",
        "коли буде готово?",
        "коли відповідять?",
        "довго ще чекати?",
        "хтось цим займається?",
        "ну що там?",
        "як там?",
        "третій день чекаю!",
        "досі чекаю відповіді",
        "є якийсь рух?",
        "HD-000123 є новини?",
        "Добрий день, коли вже зроблять?",
        "скільки ще?",
        "коли вирішать?",
        "чекаю вже тиждень",
    ],
    "en": [
        "any update?",
        "any news on my ticket",
        "is someone looking at this",
        "is anyone working on my request",
        "how long will it take",
        "eta?",
        "still waiting...",
        "any news?",
        "any updates?",
        "hi, any update?",
        "when will it be fixed?",
        "when will it be done?",
        "when will it be ready?",
        "how much longer?",
        "how long do I have to wait?",
        "is anybody working on this?",
        "I'm still waiting for an answer",
        "been waiting three days!",
        "any progress?",
        "hello! any news?",
        "HD-000123 any update?",
    ],
}

NOT_ASKED = {
    "ru": [
        "жду загрузки, а Excel висит",
        "кстати, ошибка теперь другая: 0x80070005",
        "когда сделают обновление Windows, у меня всё сломалось",
        "когда сделают заявку Петрова?",
        "где заявка от Марии?",
        "что с заявкой коллеги?",
        "подождите",
        "жду",
        "когда?",
        "принтер ждёт бумагу, а её нет",
        "когда открываю Outlook, он зависает",
        "сколько стоит новая мышка?",
        "кто может помочь?",
        "кто-нибудь тут есть?",
        "новый сотрудник, нужен доступ к 1С",
        "ещё ошибка выскакивает при печати",
        "я жду звонка от провайдера, а интернета всё нет",
    ],
    "uk": [
        "чекаю завантаження, а Excel висить",
        "до речі, помилка тепер інша: 0x80070005",
        "коли зроблять оновлення Windows, у мене все зламалося",
        "що із зверненням Коваленка?",
        "коли буде готова заявка колеги?",
        "зачекайте",
        "коли?",
        "коли відкриваю Outlook, він зависає",
        "скільки коштує нова мишка?",
        "хто може допомогти?",
        "принтер чекає на папір",
        "ще помилка вискакує при друку",
    ],
    "en": [
        "the page keeps waiting for the server",
        "by the way, the error is different now: 0x80070005",
        "when Windows updates, everything breaks",
        "What's the status of Anna's request?",
        "any news on my colleague's ticket?",
        "where is my boss's ticket?",
        "wait",
        "when?",
        "waiting for the VPN to connect forever",
        "Windows update failed again",
        "who can help me?",
        "when I open Outlook it freezes",
        "how long does it take to install Office?",
        "what's up",
    ],
}


def _rows(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(lang, text) for lang, texts in table.items() for text in texts]


@pytest.mark.parametrize(("lang", "text"), _rows(ASKED))
def test_a_question_after_ones_ticket_is_read_without_the_ticket_named(
    lang: str, text: str
) -> None:
    ticket_id = "HD-000123" if "HD-000123" in text else ""
    assert status_question(text, lang, bare=True) == StatusQuestion(ticket_id)


@pytest.mark.parametrize(("lang", "text"), _rows(NOT_ASKED))
def test_a_problem_a_fact_or_someone_elses_ticket_is_no_status_question(
    lang: str, text: str
) -> None:
    assert status_question(text, lang, bare=True) is None


def test_each_language_has_thirty_lines() -> None:
    for lang in ("ru", "uk", "en"):
        assert len(ASKED[lang]) + len(NOT_ASKED[lang]) >= 30


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Коли вже зроблять?", "uk"), ("is anyone working on my request", "en"),
     ("есть новости?", "ru")],
)  # fmt: skip
def test_a_ticket_open_gets_its_card_not_a_note(chat: Chat, text: str, lang: str) -> None:
    ticket_id = open_ticket(chat)
    chat.send(text)
    assert chat.named("status_asked") and not chat.questions and len(chat.tickets) == 1
    assert f"\n{ticket_id} — " in f"\n{chat.text}"  # its card, not "added to the ticket"
    assert chat.payloads[0] == f"status:comment:{ticket_id}"
    assert chat.state.language == lang and chat.state.phase == Phase.TICKET


def test_with_no_ticket_it_says_there_is_none_and_opens_nothing(chat: Chat) -> None:
    chat.send("есть новости?")
    assert chat.text == TEXTS.get("ru", "status_none")
    assert not chat.tickets and not chat.questions and chat.state.phase == Phase.IDLE
    chat.send("any update?")
    assert chat.text == TEXTS.get("en", "status_none") and not chat.tickets


def test_impatience_is_answered_with_an_apology_and_kept_for_the_operator(chat: Chat) -> None:
    ticket_id = open_ticket(chat)
    chat.send("уже третий день жду!")
    said = "уже третий день жду!"
    assert chat.named("status_asked") == [StatusAsked(impatient=said)]
    assert chat.replies[0].text == TEXTS.get("ru", "status_impatient")
    assert chat.replies[1].text.startswith(f"{ticket_id} — ")
    chat.send("есть новости?")  # asked calmly: no apology
    assert chat.named("status_asked") == [StatusAsked()]
    assert chat.text.startswith(f"{ticket_id} — ")


@pytest.mark.parametrize(
    "text",
    ["жду загрузки, а Excel висит", "кстати, ошибка теперь другая: 0x80070005",
     "когда сделают заявку Петрова?"],
)  # fmt: skip
def test_a_fact_or_a_problem_still_goes_to_the_open_ticket(chat: Chat, text: str) -> None:
    ticket_id = open_ticket(chat)
    chat.send(text)
    assert not chat.named("status_asked")
    assert TEXTS.get("ru", "ticket_note_added", ticket_id=ticket_id) in chat.text


def test_in_the_middle_of_the_checklist_a_bare_question_is_an_answer(chat: Chat) -> None:
    chat.send("при проведении накладной ошибка ZX-417")
    assert chat.state.phase == Phase.CHECKLIST
    chat.send("есть новости?")
    assert not chat.named("status_asked") and chat.state.phase == Phase.CHECKLIST
