"""Priority from the user's words, and the topic floor."""

from __future__ import annotations

import pytest

from gateway.models import Priority
from gateway.triage.priority import assess_priority


@pytest.mark.parametrize(
    "text",
    [
        "СРОЧНО! упал сервер 1С, вся бухгалтерия стоит",
        "срочно нужна помощь с принтером",
        "вся бухгалтерия стоит",
        "не работает у всех интернет",
        "urgent: VPN down",
        "everyone in the office lost the network",
        "терміново! не працює пошта",
        "ніхто не може працювати, впав сервер",
        "nobody can log in to CRM",
        "у всього офісу не працює система, робота зупинилась",
        "the whole office is down, nobody can work",
    ],
)
def test_p1_when_many_are_stopped_or_it_is_urgent(text: str) -> None:
    assert assess_priority(text).priority is Priority.P1


@pytest.mark.parametrize(
    "text",
    [
        "не могу войти в систему",
        "не можу працювати, комп не вмикається",
        "I can't log in",
        "my account is locked out",
    ],
)
def test_p2_when_one_person_is_blocked(text: str) -> None:
    assert assess_priority(text).priority is Priority.P2


@pytest.mark.parametrize("text", ["не печатает принтер", "пропал звук", "Outlook won't send mail"])
def test_p3_by_default(text: str) -> None:
    assert assess_priority(text).priority is Priority.P3


@pytest.mark.parametrize(
    "text",
    [
        "как настроить почту на телефоне?",
        "нужен доступ к папке бухгалтерии",
        "як змінити пароль",
        "how do I change my password",
        "please install Visio",
    ],
)
def test_p4_for_questions_and_requests(text: str) -> None:
    assert assess_priority(text).priority is Priority.P4


def test_topic_floor_only_raises() -> None:
    assert assess_priority("упал сервер", topic="outage_critical").priority is Priority.P1
    assert (
        assess_priority("пришло странное письмо", topic="phishing_report").priority is Priority.P2
    )
    assert (
        assess_priority("срочно, странное письмо", topic="phishing_report").priority is Priority.P1
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("the dispatch desk has seen no orders since 9:00", "at_stake"),
        ("касси не пробивають чеки", "at_stake"),
        ("в регистратуре не печатаются талоны, очередь до двери", "at_stake"),
        ("с девяти утра на складе ни один терминал не может провести отгрузку", "many_stopped"),
        ("каси в магазині не пробивають чеки з 10 ранку, люди йдуть без покупок", "many_stopped"),
        ("Nobody in the call centre can log into the phones, 40 calls waiting", "many_stopped"),
        ("customers are leaving, the card terminal won't take payments", "at_stake"),
        ("bank portal down and payroll is due at 3pm", "at_stake"),
    ],
)
def test_p1_without_trigger_words_when_many_stop_or_money_is_at_stake(
    text: str, reason: str
) -> None:
    found = assess_priority(text)
    assert (found.priority, found.reason) == (Priority.P1, reason)


@pytest.mark.parametrize(
    "text",
    [
        "Excel не открывает файл с отчетом для налоговой",
        "no one answered my email yet",
        "the receipt printer is low on paper",
        "how do I pay for a licence?",
    ],
)
def test_money_words_alone_are_not_p1(text: str) -> None:
    assert assess_priority(text).priority is not Priority.P1
