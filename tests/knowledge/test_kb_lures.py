"""A phishing letter told by what it threatens: the mailbox closed unless the user acts."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.lures import followed_link, gave_sign_in, opened_attachment, threatened
from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import tokens


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("прийшло повідомлення, що скриньку закриють, якщо не підтвердити вхід", "uk"),
        ("лист що мою пошту заблокують якщо не ввести пароль, я ввела", "uk"),
        ("письмо что почтовый ящик удалят, если не войти по ссылке, я вошла", "ru"),
    ],
)
def test_a_mailbox_closed_unless_the_user_acts_is_a_phishing_lure(
    matcher: Matcher, text: str, lang: str
) -> None:
    # The mailbox and its closing were the mailbox's own words: the user who took the bait
    # was answered about mail not arriving, or about a locked account.
    assert answered(matcher, text, lang) == "phishing_report"


@pytest.mark.parametrize(
    ("text", "lang", "topic"),
    [
        # a closing that happened, or a condition of another kind, is no letter's threat
        ("учетку заблокировали, если не разблокируете до обеда, сорвётся отгрузка", "ru",
         "account_locked"),
        ("мой ящик заблокировали, если что пишите в телеграм", "ru", "account_locked"),
    ],
)
def test_a_mailbox_closed_is_no_lure(matcher: Matcher, text: str, lang: str, topic: str) -> None:
    assert answered(matcher, text, lang) == topic


def test_the_threat_and_the_mailbox_it_names_are_found() -> None:
    text = "лист що наша скринька буде закрита через 24 години якщо не ввести пароль"
    words = tokens(text, "uk")
    threats, boxes = threatened(words, "uk")
    assert [words[i].word for i in threats] == ["закрита"]
    assert [words[i].word for i in boxes] == ["скринька"]
    done = "my account was blocked unless I call"
    assert threatened(tokens(done, "en"), "en") == (frozenset(), frozenset())


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("my mailbox will be blocked if I don't clear it, it says 99% full", "en"),
        ("мой ящик заблокируют, если я не почищу его, он переполнен", "ru"),
    ],
)
def test_a_full_mailbox_warned_of_closing_is_no_lure(
    matcher: Matcher, text: str, lang: str
) -> None:
    # The quota's own warning, closing on a condition, read as a phishing letter's threat:
    # answered (or offered) the phishing article for the user's own full mailbox.
    offered = [c.article.id for c in matcher.match(text, lang).candidates]
    assert "phishing_report" not in offered


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("клікнула на посилання в листі про штраф, це вірус?", "uk"),
        ("тицьнув посилання в листі від банку, чи небезпечно", "uk"),
        ("нажала на ссылку в письме про посылку, это опасно?", "ru"),
        ("кликнул по ссылке из письма про выигрыш", "ru"),
    ],
)
def test_a_link_the_user_clicked_in_a_letter_is_phishing(
    matcher: Matcher, text: str, lang: str
) -> None:
    # "Натиснула", "клікнула", "кликнул" were no article's words (only "перешел по ссылке"
    # was): the letter's link alone was too little, and nothing was answered.
    assert answered(matcher, text, lang) == "phishing_report"


def test_only_a_click_done_near_a_link_is_following_it() -> None:
    words = tokens("я натиснув на посилання в листі про посилку", "uk")
    assert [words[i].word for i in followed_link(words, "uk")] == ["натиснув"]
    for text in ("нажмите на ссылку в письме", "я не нажимала на ссылку", "нажал на кнопку"):
        assert followed_link(tokens(text, "ru"), "ru") == frozenset()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("распаковал архив из письма про штраф, а там ничего не открылось", "ru"),
        ("відкрила вкладення з листа про посилку, нічого не сталося", "uk"),
        ("розпакувала архів з листа від «податкової», а там якийсь файл", "uk"),
        ("opened the zip from the courier email and nothing happened", "en"),
        ("opened a rar attachment from an unknown address and now I'm worried", "en"),
    ],
)
def test_an_attachment_the_user_opened_is_phishing(matcher: Matcher, text: str, lang: str) -> None:
    # What the letter brought did nothing or was empty: read as a program that did not
    # start, or as too little of anything, and nothing was answered.
    assert answered(matcher, text, lang) == "phishing_report"


@pytest.mark.parametrize(
    ("text", "lang", "topic"),
    [
        ("Outlook вылетает, когда открываю вложение", "ru", "app_crash"),
        ("Outlook crashed when I opened the attachment", "en", "app_crash"),
    ],
)
def test_a_program_failing_as_an_attachment_opens_is_no_lure(
    matcher: Matcher, text: str, lang: str, topic: str
) -> None:
    assert answered(matcher, text, lang) == topic


def test_only_an_opening_done_near_what_a_letter_brought_is_the_lure() -> None:
    words = tokens("я відкрив архів з листа від постачальника", "uk")
    assert [words[i].word for i in opened_attachment(words, "uk")] == ["відкрив"]
    for text, lang in (
        ("я не открывала вложение", "ru"),
        ("открыл архив с фотографиями на диске", "ru"),  # no letter: the user's own archive
        ("откройте вложение из письма", "ru"),
    ):
        assert opened_attachment(tokens(text, lang), lang) == frozenset()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("an email said my phone contract was ending, I put my work password into the page",
         "en"),
        ("got an email that my storage is full, I typed my password on the page and then saw "
         "the sender", "en"),
    ],
)
def test_a_sign_in_given_to_a_page_a_letter_led_to_is_phishing(
    matcher: Matcher, text: str, lang: str
) -> None:
    # What the letter said (a phone, storage full) was read as the user's own problem.
    assert answered(matcher, text, lang) == "phishing_report"


def test_only_a_sign_in_entered_on_a_page_in_a_message_with_a_letter_is_given() -> None:
    words = tokens("пришло письмо про доставку, на странице я ввела логин и пароль", "ru")
    assert [words[i].word for i in gave_sign_in(words, "ru")] == ["ввела"]
    for text, lang in (
        ("I typed my password on the login page and it keeps saying it's wrong", "en"),  # no letter
        ("I typed my password on the webmail page, it says incorrect", "en"),  # refused after
        ("я не вводила пароль на сайте из письма", "ru"),  # denied
        ("введите пароль на странице из письма", "ru"),  # asked for
    ):
        assert gave_sign_in(tokens(text, lang), lang) == frozenset(), text
