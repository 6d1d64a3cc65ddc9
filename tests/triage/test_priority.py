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
