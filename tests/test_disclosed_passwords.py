"""Passwords users write into a chat are found where the writer says it is one, and only
there (error codes, versions and ticket numbers next to the word are left alone)."""

from __future__ import annotations

import pytest

from gateway.disclosed_passwords import HIDDEN, hide_passwords


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("мой пароль Qwerty123, не пускает", f"мой пароль {HIDDEN}, не пускает"),
        ("пароль: zima2024", f"пароль: {HIDDEN}"),
        ("пароль от почты = Kotik_88!", f"пароль от почты = {HIDDEN}"),
        ("мій пароль Sonechko2024 не приймає", f"мій пароль {HIDDEN} не приймає"),
        ("my password is S3cret!x.", f"my password is {HIDDEN}."),
        ("password for VPN: hunter22", f"password for VPN: {HIDDEN}"),
        ("пароль - 482910", f"пароль - {HIDDEN}"),
        ("мой пароль Zima_2025 не подходит", f"мой пароль {HIDDEN} не подходит"),
        ("password abcd1234", f"password {HIDDEN}"),
        ("пароль от wi-fi: guest", f"пароль от wi-fi: {HIDDEN}"),
        ("Login: ivanova\nPassword: Vesna-2025\nне входит",
         f"Login: ivanova\nPassword: {HIDDEN}\nне входит"),
    ],
)  # fmt: skip
def test_a_password_the_writer_gives_is_hidden(text: str, kept: str) -> None:
    assert hide_passwords(text) == (kept, 1)


def test_two_passwords_in_one_text_are_both_hidden() -> None:
    text = "мой пароль Qwerty123, а PASSWORD for VPN: Zz9zz9"
    assert hide_passwords(text) == (f"мой пароль {HIDDEN}, а PASSWORD for VPN: {HIDDEN}", 2)


def test_a_huge_text_is_read_in_linear_time() -> None:
    """A mail body is up to 25 MB of anything: every password word is read with a window
    after it, and only the first 200 (a flood of them costs no more)."""
    for unit in ("пароль ", "password: ", "x" * 99 + " ", "compass ", "\u0130"):
        text = unit * (5_000_000 // len(unit))
        assert hide_passwords(text)[0] == text
    many = "password Ab1Ab1Ab1 " * 100_000
    assert hide_passwords(many)[1] == 200


@pytest.mark.parametrize(
    "text",
    [
        "пароль не подходит", "ошибка смены пароля 0x80070005", "пароль 0x80070005",
        "password expired", "сменил пароль вчера", "пароль 8 символов", "пароль HD-000123",
        "пароль ERR_1234", "пароль 8007000D", "password KB5034441",
        "забыл пароль от 1С", "пароль от wifi на ресепшн", "pass the test", "пароль abc12",
        "Ошибка: неверный пароль: Error 0x1", "password: https://intranet/reset",
        "the password has expired and must be changed", "пароль истёк, просит сменить",
    ],
)  # fmt: skip
def test_what_is_said_of_a_password_is_kept(text: str) -> None:
    assert hide_passwords(text) == (text, 0)
