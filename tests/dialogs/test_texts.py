"""The user-facing catalogs: complete in ru, uk and en, with matching placeholders."""

from __future__ import annotations

import pytest

from gateway.dialogs.engine import StepContext
from gateway.dialogs.state import DialogState
from gateway.dialogs.turn import Turn
from gateway.texts import LANGUAGES, Texts


@pytest.fixture(scope="module")
def texts() -> Texts:
    return Texts.load()


def test_every_key_exists_in_every_language_with_the_same_placeholders(texts: Texts) -> None:
    reference = texts.keys("en")
    for lang in LANGUAGES:
        assert texts.keys(lang) == reference, f"{lang}: {texts.keys(lang) ^ reference}"
        for key in reference:
            assert texts.placeholders(lang, key) == texts.placeholders("en", key), (lang, key)
            if not key.startswith("unit_"):
                assert texts.get(lang, key, **dict.fromkeys(texts.placeholders(lang, key), "x"))


def test_get_formats_and_falls_back_to_the_default_language(texts: Texts) -> None:
    assert texts.get("uk", "ticket_taken", ticket_id="T-7").startswith(
        "Фахівець узяв вашу заявку T-7"
    )
    assert texts.get("de", "did_it_help") == texts.get("ru", "did_it_help")
    with pytest.raises(KeyError):
        texts.get("en", "no_such_text")


@pytest.mark.parametrize(
    ("lang", "seconds", "expected"),
    [
        ("ru", 600, "10 минут"),
        ("ru", 1800, "30 минут"),
        ("ru", 4 * 3600, "4 часов"),
        ("ru", 3600, "1 часа"),
        ("ru", 86400, "1 дня"),
        ("ru", 3 * 86400, "3 дней"),
        ("ru", 21 * 60, "21 минуты"),
        ("uk", 600, "10 хвилин"),
        ("uk", 2 * 3600, "2 годин"),
        ("uk", 86400, "1 дня"),
        ("en", 600, "10 minutes"),
        ("en", 3600, "1 hour"),
        ("en", 5 * 86400, "5 days"),
        ("en", 90 * 60, "90 minutes"),
    ],
)
def test_waits_read_naturally(texts: Texts, lang: str, seconds: int, expected: str) -> None:
    turn = Turn.begin(DialogState(language=lang), texts, StepContext(now=0))
    assert turn.duration(seconds) == expected


def test_the_console_speaks_every_language_with_the_same_labels(texts: Texts) -> None:
    reference = texts.section_keys("console", "en")
    assert {"take", "send_reply", "typing", "status_waiting_for_user"} <= reference
    for lang in LANGUAGES:
        assert texts.section_keys("console", lang) == reference, lang
        section = texts.section("console", lang)
        for key in reference:
            assert section[key].strip(), (lang, key)
            assert _names(section[key]) == _names(texts.section("console", "en")[key]), key
    assert texts.section("console", "uk")["take"] == "Взяти в роботу"
    assert "take" not in texts.keys("en")  # sections stay out of the bot's catalog


def _names(text: str) -> set[str]:
    import string

    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
