"""A phone sunk, dead, taken or swapped that held the second factor is a phone lost to signing
in."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import tokens
from gateway.knowledge.phones import (
    inboxes_to_phone,
    lost_phone,
    mail_sign_in_on_phone,
    mail_to_phone,
    mail_wanted_on_phone,
    phone_makes,
)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "уронил смартфон с аутентификатором в чан с тестом, он сдох. как теперь входить в 1С?",
            "ru",
        ),
        (
            "уронила телефон в миксер с глазурью, он умер, а на нём стоял Microsoft Authenticator",
            "ru",
        ),
        (
            "впустив телефон з автентифікатором у бетономішалку, він здох, як тепер у пошту?",
            "uk",
        ),
        ("телефон з кодами для входу впав у чан з фарбою і здох, як тепер зайти?", "uk"),
        # "аутентифікатор", the Ukrainian spelling after the Russian word, as often written
        ("телефон з аутентифікатором впустив у чан з фарбою, він здох, як тепер зайти?", "uk"),
        (
            "dropped my phone with the authenticator into the paint tray, it's dead, how do I sign"
            " in now?",
            "en",
        ),
        ("my phone fell in the dough mixer and died, the MFA app was on it", "en"),
    ],
)
def test_a_phone_gone_with_its_second_factor_is_the_lost_phone(
    matcher: Matcher, text: str, lang: str
) -> None:
    # The drop and the death were the damage article's words: the user asking how to sign
    # in without the authenticator was answered "your device is broken" or offered it.
    assert answered(matcher, text, lang) == "mfa_lost_device"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "switched from iPhone to Android and the Okta app didn't come across, can't approve"
            " sign-ins",
            "en",
        ),
        ("changed from an Android to an iPhone, the authenticator didn't move over", "en"),
        ("upgraded my handset over the weekend and the MFA prompts still go to the old one", "en"),
        ("I swapped my handset last week and the two step codes still go to the old one", "en"),
        ("my phone slipped into the canal, it had the codes I sign in with", "en"),
        (
            "зять перепрошив мені телефон, програма з кодами зникла, тепер не можу зайти до"
            " системи",
            "uk",
        ),
        (
            "сын перепрошил мне телефон, приложение с кодами исчезло, теперь не могу зайти в"
            " систему",
            "ru",
        ),
    ],
)
def test_a_phone_swapped_taken_or_reflashed_with_its_second_factor_is_the_lost_phone(
    matcher: Matcher, text: str, lang: str
) -> None:
    # Swapped, switched, upgraded, slipped and reflashed were no way a phone goes: the new
    # phone's mail set up or an outage was answered, or nothing.
    assert answered(matcher, text, lang) == "mfa_lost_device"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("взяла новий айфон, а автентифікатор на ньому порожній, старий вже продала", "uk"),
        ("жена подарила новый самсунг, коды для входа идут в приложение на старый", "ru"),
    ],
)
def test_a_new_phone_beside_its_second_factor_is_the_lost_phone(
    matcher: Matcher, text: str, lang: str
) -> None:
    # The new phone was the phone's mail set up (its samples say "новый телефон").
    assert answered(matcher, text, lang) == "mfa_lost_device"


def test_a_phone_said_new_is_read_as_the_old_one_gone() -> None:
    words = tokens("купив новий смартфон, а коди для входу досі на старому", "uk")
    went, _ = lost_phone(words)
    assert [words[i].word for i in sorted(went)] == ["новий"]
    # No second factor: a new phone is only a phone.
    assert lost_phone(tokens("купив новий смартфон, як туди поставити пошту", "uk")) == (
        frozenset(),
        frozenset(),
    )
    # A new code is no new phone.
    words = tokens("надішліть новий код для входу на телефон", "uk")
    assert lost_phone(words) == (frozenset(), frozenset())


@pytest.mark.parametrize(
    "text",
    [
        "I switched my phone to silent and now I miss the codes from the gate intercom",
        "my phone ran over its data plan, the discount code app won't load",
        "swapped my handset for a newer model, how do I move my photos?",
    ],
)
def test_a_phone_switched_or_swapped_with_no_sign_in_stays_unanswered(
    matcher: Matcher, text: str
) -> None:
    assert matcher.match(text, "en").outcome == "none"


def test_the_ways_a_phone_goes_beside_its_second_factor() -> None:
    words = tokens("the lad ran over his phone with the van, it had his 2 step app", "en")
    went, _ = lost_phone(words)
    assert [words[i].word for i in sorted(went)] == ["ran"]
    words = tokens("switched from Android to iPhone, the authenticator stayed behind", "en")
    went, _ = lost_phone(words)
    assert [words[i].word for i in sorted(went)] == ["switched"]
    assert [words[i].word for i in sorted(phone_makes(words))] == ["android", "iphone"]
    # codes that are no sign-in's: the switch is no phone gone
    words = tokens("switched my phone to silent, I miss the codes from the gate", "en")
    assert lost_phone(words) == (frozenset(), frozenset())


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("уронил телефон на плитку в столовой, экран треснул, сенсор не реагирует", "ru"),
        ("впустив телефон у калюжу біля складу, тепер не вмикається", "uk"),
        ("dropped my work phone on the loading dock and the screen shattered", "en"),
    ],
)
def test_a_phone_dropped_with_no_second_factor_stays_damage(
    matcher: Matcher, text: str, lang: str
) -> None:
    assert answered(matcher, text, lang) == "hardware_broken"


def test_what_is_read_as_the_phone_lost() -> None:
    words = tokens("уронил телефон в бочку, он сдох, а коды были на нём", "ru")
    went, gone = lost_phone(words)
    assert [words[i].word for i in sorted(went)] == ["уронил"]
    assert [words[i].word for i in sorted(gone)] == ["сдох"]
    # A second factor named, but the drop was the laptop's: nothing is read so.
    assert lost_phone(tokens("уронил ноутбук со стола, а коды приходят на телефон", "ru")) == (
        frozenset(),
        frozenset(),
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("можна пошту на мобільний поставити? я муляр", "uk"),
        ("поставил аутлук на смартфон, спрашивает адрес сервера", "ru"),
        ("встановила Outlook на телефон, питає сервер", "uk"),
        ("пошта на айфоні просить сервер вхідної пошти, що вписати?", "uk"),
    ],
)
def test_the_mail_put_on_a_phone_is_the_phones_mail(matcher: Matcher, text: str, lang: str) -> None:
    # Putting the mail on a phone read as a program to install, its server as an outage,
    # and getting it as mail that does not come.
    assert answered(matcher, text, lang) == "email_setup_phone"


@pytest.mark.parametrize(
    ("text", "lang", "topic"),
    [
        ("на телефоне не приходят письма", "ru", "email_not_receiving"),
        ("поставьте мне на телефон Telegram", "ru", "software_install"),
        ("залочился акк после того как несколько раз ошибся паролем в Outlook на телефоне", "ru",
         "account_locked"),
    ],
)
def test_mail_that_fails_on_a_phone_or_a_program_for_it_is_no_set_up(
    matcher: Matcher, text: str, lang: str, topic: str
) -> None:
    assert answered(matcher, text, lang) == topic


def test_the_words_of_setting_the_mail_up_on_a_phone_are_found() -> None:
    text = "поставила Outlook на телефон, а він просить сервер"
    words = tokens(text, "uk")
    assert [words[i].word for i in mail_to_phone(words)] == ["поставила", "сервер"]
    # a phone that is no place the mail goes, or a second factor on it
    lost = "телефон с кодами для входа в почту сломался, поставил новый"
    assert mail_to_phone(tokens(lost, "ru")) == frozenset()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("айфон пишет неверный пароль, когда добавляю рабочую почту", "ru"),
        ("мобильная почта не принимает пароль", "ru"),
        ("андроїд каже що пароль неправильний, коли додаю робочу пошту", "uk"),
        ("the mail app on my phone can't sign in to the work account", "en"),
    ],
)
def test_the_phones_mail_refusing_the_sign_in_is_its_set_up(
    matcher: Matcher, text: str, lang: str
) -> None:
    # The password or the sign-in refused read as an account locked or a password forgotten
    # (or offered beside the lost phone's second factor), not the phone's mail set up.
    assert answered(matcher, text, lang) == "email_setup_phone"


@pytest.mark.parametrize(
    ("text", "lang", "topic"),
    [
        ("залочился акк после ошибок пароля в Outlook на телефоне", "ru", "account_locked"),
        ("забула пароль від пошти, на телефоні не можу увійти", "uk", "password_reset"),
        ("потерял телефон, не могу войти в почту", "ru", "mfa_lost_device"),
        (
            "не можу увійти в пошту, пише неправильний пароль, скидала пароль через телефон, "
            "а смс не приходить",
            "uk",
            "password_reset",
        ),
    ],
)
def test_a_locked_account_a_forgotten_password_or_a_lost_phone_is_no_set_up(
    matcher: Matcher, text: str, lang: str, topic: str
) -> None:
    assert answered(matcher, text, lang) == topic


def test_the_words_of_the_phones_mail_sign_in_are_found() -> None:
    words = tokens("айфон пише неправильний пароль коли додаю робочу скриньку", "uk")
    assert sorted(words[i].word for i in mail_sign_in_on_phone(words)) == [
        "неправильний",
        "пароль",
    ]
    assert mail_sign_in_on_phone(tokens("айфон пише неправильний пароль", "uk")) == frozenset()


@pytest.mark.parametrize(
    "text",
    [
        "would love the bakery mail on my phone so I can reply from the van",
        "need the toy shop mail on my phone so I can see orders on the bus",
        "want the kennel mail on my personal phone so I stop missing the vets",
    ],
)
def test_the_mail_wanted_on_a_phone_is_its_set_up(matcher: Matcher, text: str) -> None:
    # The wanting was no word of the set-up article, and the place the mail is of and what it
    # is wanted for were read as the message: nothing was answered (or the mail not coming).
    assert answered(matcher, text, "en") == "email_setup_phone"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("can I have the shop inbox on my phone?", "email_setup_phone"),
        ("any chance of getting the bakery inbox on my mobile?", "email_setup_phone"),
        # the inbox on the phone that gets nothing
        ("the inbox on my phone isn't getting new mail", "email_not_receiving"),
    ],
)
def test_an_inbox_on_a_phone_is_the_mailbox_set_up(
    matcher: Matcher, text: str, topic: str
) -> None:
    # "inbox" was the article of mail that does not come: "any chance of getting the box
    # office inbox on my mobile?" offered it first (faq_frozen15:252).
    assert answered(matcher, text, "en") == topic


def test_an_inbox_that_goes_on_a_phone_is_found() -> None:
    words = tokens("can I get the crew inbox on my phone somehow?", "en")
    assert [words[i].word for i in inboxes_to_phone(words)] == ["inbox"]
    for text in (
        "the inbox on my phone isn't updating",  # denied
        "moved the invoices from my inbox to my laptop",  # no phone
    ):
        assert inboxes_to_phone(tokens(text, "en")) == frozenset(), text


def test_the_wanting_of_the_mail_on_a_phone_is_found() -> None:
    words = tokens("would love the rattan shop mail on my phone so I can answer", "en")
    assert [words[i].word for i in mail_wanted_on_phone(words)] == ["love"]
    for text in (
        "I do not want the shop mail on my phone",  # taken back
        "want the shop mail sorted, my phone is new",  # the phone is no place it goes
        "need the shop mail on my phone but the authenticator code never comes",  # signing in
        "want a new phone",  # no mail
    ):
        assert mail_wanted_on_phone(tokens(text, "en")) == frozenset(), text
