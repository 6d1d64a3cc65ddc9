"""Requests for a program in the words Ukrainian and Russian users write them (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gateway.knowledge.loader import load_articles
from gateway.knowledge.matcher import Matcher

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_articles(ROOT / "faq"))


def answered(matcher: Matcher, text: str, lang: str) -> str | None:
    result = matcher.match(text, lang)
    return result.candidates[0].article.id if result.outcome == "answer" else None


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
