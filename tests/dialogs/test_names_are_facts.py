"""The names of the things a message speaks of are facts, not its problem (issue 19, i19-route20).

A model's or a maker's name ("Samsung Galaxy Tab A8") and the system it runs ("Android 13")
are the product and the OS of the checklist. Alone they took the match to another article:
"Samsung" and "Android" are the words of mail on a phone, so a tablet that drops the Wi-Fi or
whose screen cracked was offered the phone mail article, and its ticket went to the mail group.
The problem said without the names decides when it answers one of the articles nearest the
whole message; where the names are all the problem has ("set up mail on my Samsung Galaxy"),
nothing changes. What the screen says stays: it tells the problem.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogs.driver import topic_of
from gateway.dialogs.problem import without_names
from gateway.knowledge.library import KnowledgeLibrary

FAQ = Path(__file__).resolve().parents[2] / "faq"


@pytest.fixture(scope="module")
def library() -> KnowledgeLibrary:
    return KnowledgeLibrary(FAQ)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "На складі планшет Samsung Galaxy Tab S6 Lite на Android 12 весь час відвалюється "
            "від вайфаю",
            "wifi_connect",
        ),
        (
            "The waiter's Samsung Galaxy Tab A8 on Android 13 keeps dropping off the Wi-Fi",
            "wifi_connect",
        ),
        (
            "У курьера планшет Samsung Galaxy Tab A7 на Android 11 упал, экран разбит и не "
            "реагирует на касания",
            "hardware_broken",
        ),
        # guards: the names are the problem's own words, or nothing was taken out
        ("настроить рабочую почту на Samsung Galaxy S21", "email_setup_phone"),
        ("не можу налаштувати робочу пошту на телефоні Samsung Galaxy A52", "email_setup_phone"),
        ("how do I set up work email on my Samsung Galaxy", "email_setup_phone"),
        ("Outlook 2019 не отправляет письма, висят в исходящих", "email_not_sending"),
        ("Zoom на ноутбуке Lenovo не видит камеру", "mic_camera"),
    ],
)
def test_the_names_of_a_device_do_not_take_the_match(
    library: KnowledgeLibrary, text: str, topic: str
) -> None:
    assert topic_of(library, text) == topic


def test_the_problem_without_names_keeps_what_the_screen_says() -> None:
    text = "Планшет Samsung Galaxy Tab A8 пишет «Не удается подключиться к этой сети»"
    assert without_names(text) == "Планшет пишет Не удается подключиться к этой сети"


@pytest.mark.parametrize(
    "text",
    [
        "ноутбук не подключается к вайфаю",
        # what a program, a system or a service is called is the problem's subject
        "the VPN died in the middle of a call, GlobalProtect says 'gateway not responding'",
        "1С 8.3 вылетает при проведении накладной",
        "Excel 2016 crashes when I open the rota",
    ],
)
def test_nothing_is_taken_out_but_a_devices_model(text: str) -> None:
    assert without_names(text) == ""
