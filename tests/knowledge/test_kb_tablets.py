"""A tablet named by its make or its system is a tablet, not the phone whose mail is set up."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import tokens
from gateway.knowledge.tablets import tablet_makes


@pytest.mark.parametrize(
    ("text", "lang", "topic"),
    [
        (
            "Планшет Samsung Galaxy Tab A9 на Android 14 у кав'ярні не підключається до "
            "вайфаю, ноутбуки поруч підключаються",
            "uk",
            "wifi_connect",
        ),
        (
            "на кассе планшет Samsung Galaxy Tab A8 с Android 13, iiko не запускается, сразу "
            "закрывается",
            "ru",
            "app_wont_start",
        ),
        # mail said of a tablet is still the mail set up
        ("хочу настроить рабочую почту на планшете с Android", "ru", "email_setup_phone"),
    ],
)
def test_a_tablets_make_is_no_phone(matcher: Matcher, text: str, lang: str, topic: str) -> None:
    # "Samsung", "Galaxy" and "Android" are each read as "android", the phone mail
    # article's word: three of them answered the phone's mail for a tablet off the Wi-Fi.
    assert answered(matcher, text, lang) == topic, text


@pytest.mark.parametrize(
    ("text", "lang", "found"),
    [
        ("планшет Samsung на Android не включается", "ru", 2),
        ("the Galaxy Tab A8 keeps rebooting", "en", 1),
        ("почта на Samsung не синхронизируется", "ru", 0),
        ("my Android phone won't get the work mail", "en", 0),
    ],
)
def test_the_make_words_of_a_tablet(text: str, lang: str, found: int) -> None:
    assert len(tablet_makes(tuple(tokens(text, lang)))) == found
