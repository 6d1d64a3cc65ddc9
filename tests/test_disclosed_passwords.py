"""Passwords users write into a chat are found where the writer says it is one, and only
there (error codes, versions and ticket numbers next to the word are left alone)."""

from __future__ import annotations

import dataclasses

import pytest

from gateway.connectors.mail.html_text import html_to_text
from gateway.disclosed_passwords import (
    HIDDEN,
    PASSWORD_HIDDEN,
    hidden_in_message,
    hide_in_file_name,
    hide_passwords,
)
from gateway.models import Attachment, InboundMessage


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


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # The password alone on the next line (a mail's "Password:" line, its paragraphs).
        ("Логин:\nivanov\nПароль:\nZima_2025\nне пускает",
         f"Логин:\nivanov\nПароль:\n{HIDDEN}\nне пускает"),
        ("Password:\r\n\r\n482910", f"Password:\r\n\r\n{HIDDEN}"),
        (html_to_text("<p>Пароль:</p><p>Zima_2025</p>"), f"Пароль:\n\n{HIDDEN}"),
        # A table's cells read as one word ("ПарольZima_2025") before.
        (html_to_text("<table><tr><td>Логин</td><td>ivanov</td></tr>"
                      "<tr><td>Пароль</td><td>Zima_2025</td></tr></table>"),
         f"Логин\tivanov\nПароль\t{HIDDEN}"),
    ],
)  # fmt: skip
def test_a_password_below_its_word_or_in_a_table_is_hidden(text: str, kept: str) -> None:
    assert hide_passwords(text) == (kept, 1)


@pytest.mark.parametrize(
    "text",
    ["забыл пароль:\nпомогите", "сменил пароль:\nтеперь не пускает", "password:\nError 0x1",
     "пароль:\nWindows10 не принимает", "пароль:\n\n\nZima_2025"],
)  # fmt: skip
def test_the_line_after_a_password_word_is_kept_unless_it_is_one(text: str) -> None:
    assert hide_passwords(text) == (text, 0)


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("пароль Zima_2025.png", f"пароль {HIDDEN}.png"),
        ("password: Zima_2025.txt", f"password: {HIDDEN}.txt"),
        ("мой пароль Zima_2025", f"мой пароль {HIDDEN}"),
        ("Скриншот ошибки пароля.png", "Скриншот ошибки пароля.png"),
        ("password_reset_error.png", "password_reset_error.png"),
        # Words joined by underscores (the name as written gave none: not found before).
        ("пароль_Zima2025.png", f"пароль_{HIDDEN}.png"),
        ("мой_пароль_Zima2025.png", f"мой_пароль_{HIDDEN}.png"),
        ("my_password_is_S3cret!x.txt", f"my_password_is_{HIDDEN}.txt"),
        ("pwd_482910.txt", f"pwd_{HIDDEN}.txt"),
        ("password_reset_guide.pdf", "password_reset_guide.pdf"),
        ("password_reset_2024.pdf", "password_reset_2024.pdf"),
        ("скрин_ошибки_пароль_неверный.png", "скрин_ошибки_пароль_неверный.png"),
        ("passport_scan_2024.pdf", "passport_scan_2024.pdf"),
        # A password with underscores of its own in an underscore-joined name (read up to
        # its first underscore before: "Zima" gave none, "S3cret" left "_x" shown).
        ("пароль_Zima_2025.png", f"пароль_{HIDDEN}.png"),
        ("мой_пароль_Qwerty_123.txt", f"мой_пароль_{HIDDEN}.txt"),
        ("password_S3cret_x.txt", f"password_{HIDDEN}.txt"),
        ("pass_Summer_2024!.txt", f"pass_{HIDDEN}.txt"),
        ("Password_Reset_2024.pdf", "Password_Reset_2024.pdf"),
        ("Password_Policy_v2.pdf", "Password_Policy_v2.pdf"),
        ("скрин_ошибки_пароль_неверный_2.png", "скрин_ошибки_пароль_неверный_2.png"),
        ("IMG_2024_01_15.jpg", "IMG_2024_01_15.jpg"),
    ],
)
def test_a_password_in_a_file_name_is_hidden_and_its_ending_kept(name: str, kept: str) -> None:
    assert hide_in_file_name(name) == (kept, int(name != kept))


def test_every_channel_s_file_names_are_hidden_at_the_one_accept() -> None:
    """A Telegram or Viber document named with a password reached the transcript as
    named: the one accept every channel uses read the text only."""
    message = InboundMessage(
        "telegram", "42", "42:7", text="вот лог, пароль: Zima_2025",
        attachments=(Attachment("document", "f1", "мой пароль Vesna-2026.pdf"),
                     Attachment("photo", "f2", "screen.png")),
        meta={PASSWORD_HIDDEN: "1"},  # one the channel hid before (a web-chat file's name)
    )  # fmt: skip
    hidden = hidden_in_message(message)
    assert hidden.text == f"вот лог, пароль: {HIDDEN}"
    assert [a.name for a in hidden.attachments] == [f"мой пароль {HIDDEN}.pdf", "screen.png"]
    assert hidden.meta[PASSWORD_HIDDEN] == "3"
    plain = dataclasses.replace(message, text="лог", meta={}, attachments=message.attachments[1:])
    assert hidden_in_message(plain) is plain


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
