"""Recognising self-service requests in ru/uk/en: unlock the account, reset the password,
link this chat to a directory account, forget that link."""

from __future__ import annotations

import re

from gateway.dialogs.extract.product import extract_all as products_named

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


# What people sign in to with their directory account. A password or lock of anything else
# they name ("пароль от 1С", "my Zoom password", "заблокировали в Jira") is that program's
# own account: the directory cannot help, so it is a problem for the checklist, not for us.
DIRECTORY_SIGN_IN = ("Windows", "Outlook", "Office", "Microsoft 365", "Teams", "OneDrive",
                     "SharePoint", "Word", "Excel", "PowerPoint", "RDP", "Citrix",
                     "FortiClient", "Cisco AnyConnect", "OpenVPN", "WireGuard",
                     "GlobalProtect")  # fmt: skip


# Someone else's account: a colleague, a third person's pronoun, "X's", "for user X". The bot
# acts only on the account linked to this chat (its owner proved it with a code); another
# person's lock or password is a specialist's job, never a link for the user's own account.
_SOMEONE_ELSE = re.compile(
    r"\b(colleague|co-?worker|boss|employee|new (hire|starter|joiner)|his|her|him|"
    r"he|she|their|them|(?!(it|that|what|let|there|here|who)'s)\w+'s (password|account|login)|"
    r"(for|of) (the |this |that |a )?(user|employee) (?!(account|profile|name)\b)\w|"
    r"колег\w*|колез\w*|коллег\w*|сотрудни\w*|співробітни\w*|працівни\w*|начальни\w*|"
    r"директор(у|а|ом)?|бухгалтер(у|а|ом|ше|ші)?|ему|ей|у (него|нее|неё|них)|йому|їй|їм|"
    r"у (нього|неї|них)|"
    r"(пользователю|пользователя|юзеру|користувачу|користувача) (?!(мой|моего|мій|мого)\b)\w)",
    re.I,
)


def for_someone_else(text: str) -> bool:
    """The unlock or reset asked is for another person's account, not the user's own."""
    return bool(_SOMEONE_ELSE.search(text))


def account_request(text: str) -> str | None:
    """unlock | reset | link | forget when the message asks for one, else None."""
    for action, pattern in _PATTERNS:
        if pattern.search(text):
            if action in (UNLOCK, RESET) and _names_another_account(text):
                return None
            return action
    return None


def _names_another_account(text: str) -> bool:
    return any(not name.startswith(DIRECTORY_SIGN_IN) for name in products_named(text))


def typed_code(text: str) -> str:
    """The code as typed, without spaces or dashes ("123 456" -> "123456"); "" if none."""
    found = CODE.match(text)
    return re.sub(r"[\s\-]", "", found.group(1)).upper() if found else ""
