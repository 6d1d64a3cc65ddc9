"""Recognising self-service requests in ru/uk/en: unlock the account, reset the password,
link this chat to a directory account, forget that link."""

from __future__ import annotations

import re

UNLOCK, RESET, LINK, FORGET = "unlock", "reset", "link", "forget"
COMMANDS = {"unlock": UNLOCK, "reset": RESET, "password": RESET, "link": LINK,
            "forget": FORGET, "forgetme": FORGET, "unlink": FORGET}  # fmt: skip

def _near(verbs: str, nouns: str) -> str:
    """A verb and a noun at most three words apart, in that order."""
    return rf"\b({verbs})\w*(?:\W+\w+){{0,3}}?\W+({nouns})"


_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        FORGET,
        re.compile(r"\b(forget me|unlink (my|this)|забудь(те)? (меня|мене)|отвяж|відв.яж)", re.I),
    ),
    (
        UNLOCK,
        re.compile(
            r"(unlock|locked out|account (is |was |got )?locked|"
            r"разблокир|учетн\w* запис\w* заблок|учётн\w* запис\w* заблок|"
            r"(аккаунт|логин|учетк\w*|учётк\w*) заблок|заблокир\w* (аккаунт|учетк|учётк|логин)|"
            r"розблок|обліков\w* запис\w* заблок|(акаунт|обліківк\w*) заблок|"
            r"заблок\w* (акаунт|обліков))",
            re.I,
        ),
    ),
    (
        RESET,
        re.compile(
            _near(
                r"forg[eo]t|reset|change|new|recover|забыл|забув|забул|сброс|сбрось|скин|"
                r"восстанов|віднов|смен|поменя|змін|нов",
                r"password|парол",
            )
            + r"|password reset|парол\w* (сброс|скин)",
            re.I,
        ),
    ),
    (
        LINK,
        re.compile(
            r"(link my account|привяз\w* (учет|учёт|аккаунт)|прив.яз\w* (обліков|акаунт))", re.I
        ),
    ),
)

CODE = re.compile(r"^\s*([0-9A-Za-z][0-9A-Za-z \-]{4,30})\s*$")


def account_request(text: str) -> str | None:
    """unlock | reset | link | forget when the message asks for one, else None."""
    for action, pattern in _PATTERNS:
        if pattern.search(text):
            return action
    return None


def typed_code(text: str) -> str:
    """The code as typed, without spaces or dashes ("123 456" -> "123456"); "" if none."""
    found = CODE.match(text)
    return re.sub(r"[\s\-]", "", found.group(1)).upper() if found else ""
