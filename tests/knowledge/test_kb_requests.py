"""Requests for a program in the words Ukrainian and Russian users write them (issue 12)."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.matcher import Matcher


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("встановіть будь ласка 7-Zip, не розпаковуються архіви з пошти", "uk"),
        ("установите пожалуйста 7-Zip, не распаковываются архивы из почты", "ru"),
        ("встановіть Inkscape, малюю макети вивісок", "uk"),
        ("поставте Paint.NET будь ласка", "uk"),
        ("поставь Paint.NET пожалуйста", "ru"),
        ("можна мені Audacity? записую голосові для магазину", "uk"),
        ("можно мне GIMP? обрабатываю фото для каталога", "ru"),
        ("як замовити встановлення Blender для студії?", "uk"),
    ],
)
def test_a_program_asked_to_be_installed_is_an_install(
    matcher: Matcher, text: str, lang: str
) -> None:
    # An imperative or noun of installing ("встановіть", "встановлення") did not mark the
    # program named after it as asked for, "7-Zip" was a number and an archive (the
    # phishing article's attachments answered), and a program's name that is also an
    # English word (GIMP, Audacity) was no name: the user was answered nothing or phishing.
    assert answered(matcher, text, lang) == "software_install"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("встановіть будь ласка кондиціонер у переговорній", "uk"),
        ("можна мені Бориса Петровича до телефону?", "uk"),
        ("поставьте Марину старшей смены", "ru"),
    ],
)
def test_a_thing_or_a_person_asked_for_is_no_program(
    matcher: Matcher, text: str, lang: str
) -> None:
    assert matcher.match(text, lang).outcome == "none"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("please add me to the accounts team calendar, my manager agreed", "en"),
        ("how do I get added to the shared calendar of the sales team?", "en"),
        ("добавьте меня в календарь бухгалтерии, руководитель согласовал", "ru"),
    ],
)
def test_being_added_to_a_calendar_is_an_access_request(
    matcher: Matcher, text: str, lang: str
) -> None:
    # The access article spoke of folders, mailboxes and groups only: a calendar asked
    # to be added to was answered nothing, or the phone mail set-up's calendar.
    assert answered(matcher, text, lang) == "new_access_request"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("can you add me to the meeting room booking for friday?", "en"),
        ("who do I ask for a parking pass for the staff car park", "en"),
    ],
)
def test_a_room_or_a_parking_pass_asked_for_is_no_access_request(
    matcher: Matcher, text: str, lang: str
) -> None:
    assert matcher.match(text, lang).outcome == "none"
