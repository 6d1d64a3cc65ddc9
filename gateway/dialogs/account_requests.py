"""Recognising self-service requests in ru/uk/en: unlock the account, reset the password,
link this chat to a directory account, forget that link."""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA

from gateway.dialogs.extract.product import extract_all as products_named
from gateway.dialogs.other_person import names_other_person, possessive
from gateway.knowledge.morphology import is_dictionary_word, read_as, tokens
from gateway.knowledge.vocabulary import PLEASE

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

# Words that say a password's time is over: "expired", "истёк", "просрочен", "устарел",
# "застарів", "прострочений", "закінчився", "сплив", "минув".
_EXPIRED = r"expir|ист[её]к|истекл|просроч|устарел|застар|простроч|протермін|закінчи|сплив|минув"
# An expired password is one to set anew, which the reset link does ("my password expired",
# "истёк срок действия пароля", "пароль прострочений", "expired password") ...
EXPIRED_PASSWORD = re.compile(
    _near(r"password|парол", _EXPIRED) + "|" + _near(_EXPIRED, r"password|парол"), re.I
)
# ... unless a letter or a link says so: "an email saying my password expires today, with a
# link" is phishing reported, for a person, never a reset link sent in answer.
_LETTER = re.compile(
    r"\b(e-?mails?|письм\w*|лист(?:а|і|ом|у)?|links?|ссылк\w*|посилан\w*|phish\w*|фишинг\w*|"
    r"фішинг\w*)\b",
    re.I,
)

CODE = re.compile(r"^\s*([0-9A-Za-z][0-9A-Za-z \-]{4,30})\s*$")


# What people sign in to with their directory account. A password or lock of anything else
# they name ("пароль от 1С", "my Zoom password", "заблокировали в Jira") is that program's
# own account: the directory cannot help, so it is a problem for the checklist, not for us.
DIRECTORY_SIGN_IN = ("Windows", "Outlook", "Office", "Microsoft 365", "Teams", "OneDrive",
                     "SharePoint", "Word", "Excel", "PowerPoint", "RDP", "Citrix",
                     "FortiClient", "Cisco AnyConnect", "OpenVPN", "WireGuard",
                     "GlobalProtect")  # fmt: skip


# Someone else's account: a colleague, a boss, a name's possessive (`other_person`, shared with
# the status question), and what only a request for an account says: a third person's
# pronoun, "for user X", a new hire. The bot acts only on the account linked to this chat
# (its owner proved it with a code); another person's lock or password is a specialist's
# job, never a link for the user's own account.
_SOMEONE_ELSE = re.compile(
    r"\b(co-worker|employee|new (hire|starter|joiner)|him|he|she|them|"
    r"(for|of) (the |this |that |a )?(user|employee) (?!(account|profile|name)\b)\w|"
    r"працівни\w*|бухгалтер(у|а|ом|ше|ші)?|ему|ей|у (него|нее|неё|них)|йому|їй|їм|"
    r"у (нього|неї|них)|"
    r"(пользователю|пользователя|юзеру|користувачу|користувача) (?!(мой|моего|мій|мого)\b)\w)",
    re.I,
)
_POSSESSIVE = possessive("password|account|login")


# A login named in a request: the word right after the verb, the account's noun or "for"
# ("unlock jsmith", "reset password for CORP\\jsmith", "разблокируй учетку petrov"), in the
# same sentence. Only Latin logins: the directory's. Words of the request itself, also
# misspelt by a letter, what people sign in to and everyday English in lower case are no
# login ("unlock my account", "unlock acount pls", "reset password for vpn", "password reset
# needed", "reset password. Thank you"): a linked user's own request stays self-service.
_LOGIN = re.compile(
    r"(?<![\w@\\.-])(?:[A-Za-z0-9][\w.-]*\\)?[A-Za-z][A-Za-z0-9._-]*(?:@[A-Za-z0-9.-]+)?"
)
_NAMING_WORDS = (
    r"(?:unlock|unblock|reset|recover|password|passwd|account|user|username|login|for|of|"
    r"разблок\w*|розблок\w*|сбро\w*|скин\w*|парол\w*|уч[её]тк\w*|запис\w*|обліков\w*|"
    r"обліківк\w*|аккаунт\w*|акаунт\w*|логин\w*|логін\w*|пользовател\w*|користувач\w*|"
    r"юзер\w*|для)"
)
# Words said between the request and the login ("разблокируйте, пожалуйста, petrov",
# "розблокуйте терміново ivanenko", "unlock asap jsmith"): the login is still named.
_ASIDE = (
    rf"(?:{PLEASE}|срочно|терміново|негайно|"
    r"urgently|asap|again|снова|опять|знову|ещё|еще|ще|мне|мені|нам)"
)
_NAMING = re.compile(_NAMING_WORDS + r"(?:[^\w.!?]+" + _ASIDE + r")*[^\w.!?]*$", re.I)
_NAMING_RIGHT_BEFORE = re.compile(_NAMING_WORDS + r"\s+$", re.I)
_NOT_LOGINS = (
    "a an the my me mine myself i i'm im it its it's this that these those our us we you your "
    "him her them his their and or but so too also to for of on in at from with by via into "
    "is are was were be been has have had got get gets not no yes out up back again now today "
    "asap urgent urgently quickly immediately please pls plz thanks thx help sorry hi hello "
    "there here can could would will should cannot cant can't do does did done ok okay "
    "account accounts acct password passwords passwd pwd pass login logon username user "
    "users domain ad ldap windows pc computer laptop email e-mail mail vpn wifi wi-fi network "
    "work office system portal site sign signin log locked lock unlock unblock reset change "
    "new forgot forgotten recover expired corporate company temporary temp link code "
    "outlook teams onedrive sharepoint word excel powerpoint rdp citrix o365 m365 office365 "
    "forticlient anyconnect openvpn wireguard globalprotect microsoft"
)
_NO_LOGIN = frozenset(_NOT_LOGINS.split())
_MISSPELT_FROM = 5  # letters of a request word that is also read one edit off ("pasword")
_MISSPELLABLE = tuple(w for w in _NO_LOGIN if len(w) >= _MISSPELT_FROM and w.isalpha())


def _may_be_login(word: str) -> bool:
    folded = word.casefold()
    if folded in _NO_LOGIN or (word.islower() and is_dictionary_word(word, "en")):
        return False
    return (
        len(folded) < _MISSPELT_FROM
        or not folded.isalpha()
        or not any(OSA.distance(folded, w, score_cutoff=1) <= 1 for w in _MISSPELLABLE)
    )


def named_login(text: str) -> str:
    """The login an unlock or reset request names ("" when it names none): the service acts
    only when it is the account linked to the chat, never on another one's."""
    for found in _LOGIN.finditer(text):
        login = found.group().rstrip(".-_")
        if not _may_be_login(login):
            continue
        if _NAMING.search(text[: found.start()]):
            return login
    return ""


def same_login(named: str, login: str) -> bool:
    """Whether a login as typed ("CORP\\jsmith", "jsmith@corp.example") is `login`."""
    bare = named.rsplit("\\", 1)[-1].split("@", 1)[0]
    return bare.casefold() == login.casefold() or named.casefold() == login.casefold()


# A person's name in Cyrillic right after the request's words ("разблокируй учетку Петрова",
# "скиньте пароль для Олени"): the dictionaries know it as a first name, surname or
# patronymic. No directory login is written so (a Latin one is `named_login`'s), and the
# bot cannot tell whose account it is: a person does it, as for "учетку коллеги".
_CYRILLIC_CAPITALISED = re.compile(r"(?<!\w)[А-ЯЁІЇЄҐ][а-яёіїєґ'’]+")
_PERSONS_NAME = frozenset({"Name", "Surn", "Patr"})
_WORDS_BEFORE = 60  # characters read back for the request's word (a letter can be long)


def _person_named(text: str) -> bool:
    for found in _CYRILLIC_CAPITALISED.finditer(text):
        before = text[max(0, found.start() - _WORDS_BEFORE) : found.start()]
        if not _NAMING_RIGHT_BEFORE.search(before):
            continue  # "Забыл пароль, Иван": the writer signing
        if read_as(found.group(), _PERSONS_NAME):
            return True
    return False


def for_someone_else(text: str) -> bool:
    """The unlock or reset asked is for another person's account, not the user's own."""
    if _SOMEONE_ELSE.search(text) or _POSSESSIVE.search(text) or _person_named(text):
        return True
    return names_other_person({t.lemma for lang in ("ru", "uk") for t in tokens(text, lang)})


def account_request(text: str) -> str | None:
    """unlock | reset | link | forget when the message asks for one, else None."""
    for action, pattern in _PATTERNS:
        if pattern.search(text):
            if action in (UNLOCK, RESET) and _names_another_account(text):
                return None
            return action
    if EXPIRED_PASSWORD.search(text) and not _LETTER.search(text):
        return None if _names_another_account(text) else RESET
    return None


def _names_another_account(text: str) -> bool:
    login = named_login(text)
    return any(
        not name.startswith(DIRECTORY_SIGN_IN) and not _only_a_login(name, login)
        for name in products_named(text)
    )


def _only_a_login(name: str, login: str) -> bool:
    """A Latin word among Cyrillic ones reads as a program ("не работает exocad"), but the
    login a request names ("разблокируй petrov") is the account, as "unlock petrov" is: it
    stays a program only when the catalogue knows it alone ("разблокируй jira")."""
    return bool(login) and name == login and not products_named(login)


def typed_code(text: str) -> str:
    """The code as typed, without spaces or dashes ("123 456" -> "123456"); "" if none."""
    found = CODE.match(text)
    return re.sub(r"[\s\-]", "", found.group(1)).upper() if found else ""
