"""Which language a user writes in: ru, uk or en."""

from __future__ import annotations

import json

import pytest
from evaldata import EVAL_DIR

from gateway.triage.language import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("не работает принтер", "ru"),
        ("не працює принтер", "uk"),
        ("printer is offline", "en"),
        ("Outlook на Windows 11 не отправляет", "ru"),
        ("Outlook на Windows 11 не надсилає листи", "uk"),
        ("оновлення windows зависло", "uk"),
        ("обновление windows зависло", "ru"),
        ("видалив важливий файл", "uk"),
        ("ёлки, всё сломалось", "ru"),
        ("ґанок", "uk"),
        ("з ноутбука йде дим", "uk"),
    ],
)
def test_detects_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_default_when_nothing_to_go_on() -> None:
    assert detect_language("12345 !!!") == "ru"
    assert detect_language("", default="uk") == "uk"
    assert detect_language("принтер", default="uk") == "uk"


def test_every_dev_phrasing() -> None:
    dev = EVAL_DIR / "faq_dev.jsonl"
    cases = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines()]
    wrong = [c["q"] for c in cases if detect_language(c["q"]) != c["lang"]]
    assert wrong == []
