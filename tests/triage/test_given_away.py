"""A password or a login typed on a page that is fake or that a link led to (issue 19,
session 42): the phishing report, whatever bait the page used."""

from __future__ import annotations

import pytest

from gateway.triage.given_away import credentials_given_away


@pytest.mark.parametrize(
    "text",
    [
        "A mail about an unpaid toll took me to a sign-in page and I entered my work password",
        "I clicked the link in the 'mailbox full' notice and typed my password on the page",
        "opened the link from the courier SMS and put in my Office login and password",
        "there was a fake invoice portal, I gave it my email password before I noticed",
        "перешла по ссылке из письма про штраф и ввела там пароль от почты",
        "нажал на ссылку в письме «обновите данные» и ввёл логин с паролем",
        "натиснула посилання в листі про зарплату і ввела свій логін та пароль",
        "на підробній сторінці банку вписала пароль від клієнт-банку",
    ],
)
def test_a_password_typed_on_a_lure_is_given_away(text: str) -> None:
    assert credentials_given_away(text)


@pytest.mark.parametrize(
    "text",
    [
        # the user's own sign-in, however many times the password was typed
        "typed the password three times and now the account is locked",
        "ввела пароль от вайфая, а ноутбук не подключается",
        "I entered my password in Outlook and it keeps asking again",
        # a new password set from a reset link
        "clicked the link in the reset mail and entered a new password, it says invalid",
        "перейшла за посиланням для скидання і ввела новий пароль, пише помилку",
        # a link clicked, nothing typed: for the matcher to read
        "clicked a link in a strange email, nothing happened",
        "прийшов фішинговий лист, я нічого не вводила",
    ],
)
def test_no_password_given_on_a_lure(text: str) -> None:
    assert not credentials_given_away(text)
