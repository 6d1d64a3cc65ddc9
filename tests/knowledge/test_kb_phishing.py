"""How users name a phishing mail that the phishing article's words lacked (issue 12)."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.matcher import Matcher


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("fake UPS parcel email with a link, is it safe?", "phishing_report"),
        ("a fake Amazon parcel message with a link", "phishing_report"),
        ("the ficus in reception is fake", None),
    ],
)
def test_a_fake_email_or_link_is_phishing(matcher: Matcher, text: str, topic: str | None) -> None:
    # "fake" was the phishing article's only in "fake login": a fake email with a link,
    # said with a parcel, looked like another service's and nothing was said.
    assert answered(matcher, text, "en") == topic


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("got an email from our timber supplier saying their bank account changed", "en"),
        ("an email from the glass supplier asks us to pay into a new bank account", "en"),
        ("пришло письмо от поставщика воска, мол платите на новый счёт, что-то тут нечисто", "ru"),
        ("поставщик бумаги пишет, чтобы оплату переводили на новый счёт", "ru"),
        (
            "прийшов лист від постачальника воску, мовляв платіть на новий рахунок, щось нечисто",
            "uk",
        ),
    ],
)
def test_money_asked_to_a_new_or_changed_account_is_phishing(
    matcher: Matcher, text: str, lang: str
) -> None:
    # Only "bank details" and "реквизиты" said the payment fraud: a bank account said
    # changed, or a new account to pay to, was a bank's word no article knows and the
    # phishing article stayed below the cut.
    assert answered(matcher, text, lang) == "phishing_report"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("поставщик песка прислал письмо, что у них сменился счёт, просят платить туда", "ru"),
        ("пишет якобы поставщик плитки: счёт в банке поменялся, оплату теперь на другой", "ru"),
        ("лист від постачальника фарби: у них змінився рахунок, просять платити туди", "uk"),
        (
            "the sawdust supplier emailed that their IBAN has changed, pay the next invoice there",
            "en",
        ),
        ("an email asks us to settle the invoice to a different IBAN this month", "en"),
    ],
)
def test_the_account_itself_said_changed_is_phishing(
    matcher: Matcher, text: str, lang: str
) -> None:
    # Only a new account to pay to was the fraud's "реквизиты": the account said changed
    # ("сменился счёт", "рахунок змінився") or an IBAN said changed or different was a
    # bank's word no article knows and nothing was said.
    assert answered(matcher, text, lang) == "phishing_report"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I opened a new bank account for the business", "en"),
        ("у меня сменился счёт в банке, куда сообщить для зарплаты", "ru"),
        ("my IBAN changed, who updates it for my wages", "en"),
        ("how do I get my salary paid into a new bank account", "en"),
        ("хочу получать зарплату на новый счёт", "ru"),
    ],
)
def test_ones_own_new_bank_account_is_no_phishing(matcher: Matcher, text: str, lang: str) -> None:
    assert matcher.match(text, lang).outcome == "none"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("how do I enter a new IBAN in the accounting software", "en"),
        ("where do I type a new IBAN for a supplier in our ERP", "en"),
    ],
)
def test_a_new_iban_typed_into_a_program_is_no_phishing(
    matcher: Matcher, text: str, lang: str
) -> None:
    # A new IBAN is also one being entered: only one said changed or different is the fraud's.
    assert answered(matcher, text, lang) != "phishing_report"
