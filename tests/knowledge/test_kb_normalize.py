"""Normalisation makes different spellings of one word agree (lemmas: test_kb_morphology)."""

from __future__ import annotations

from gateway.knowledge.normalize import from_wrong_layout, normalize_text


def test_case_yo_apostrophes_punctuation_and_emoji() -> None:
    assert normalize_text("Пароль ИСТЁК!!! 😡") == "пароль истек"
    assert normalize_text("комп’ютер") == normalize_text("комп'ютер") == "компютер"
    assert normalize_text("  не   работает\t\nпочта ") == "не работает почта"


def test_slang_and_split_spellings_are_unified() -> None:
    assert normalize_text("вай-фай") == normalize_text("Wi-Fi") == "wifi"
    assert normalize_text("e-mail") == "email"
    assert normalize_text("впн") == "vpn"
    assert normalize_text("диск S пропал") == "netdrive пропал"


def test_repeated_letters_and_mixed_scripts() -> None:
    assert normalize_text("принтерррр") == "принтер"
    assert normalize_text("пpинтep") == "принтер"  # Latin p and e inside a Cyrillic word


def test_wrong_layout() -> None:
    assert from_wrong_layout("ghbynth") == "принтер"
    assert from_wrong_layout("принтер") is None
