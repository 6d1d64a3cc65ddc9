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


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("my printer shows offline and nothing prints", "en"),
        ("v usih ne pratsyuye internet", "uk"),
        ("myshka ne rabotaet sovsem", "ru"),
        ("human pls, no bot", "en"),
    ],
)
def test_a_short_latin_text_is_read_as_translit_for_its_first_asking_only(
    text: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A turn asks the language of its message and of each of its clauses many times over
    (each rule's reading of them): a chat-sized text in Latin letters is read as translit
    once, and every asking gets that answer; a letter-sized one is read each time (letters
    rarely repeat, and they are not kept)."""
    from gateway.knowledge import morphology

    calls: list[list[str]] = []
    real = morphology._latin_as_cyrillic

    def counted(raw: list[str], *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(raw)
        return real(raw, *args, **kwargs)

    monkeypatch.setattr(morphology, "_latin_as_cyrillic", counted)
    assert detect_language(text) == lang
    first = len(calls)
    assert [detect_language(text) for _ in range(3)] == [lang] * 3
    assert len(calls) == first
    letter = " ".join([text] * 40)
    detect_language(letter)
    read = len(calls)
    detect_language(letter)
    assert len(calls) > read
