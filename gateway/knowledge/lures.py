"""A phishing letter told by what it threatens, without the word "phishing".

"пришло письмо что мой ящик удалят, если не войду по ссылке, я вошла", "лист що наша
скринька буде закрита через 24 години якщо не ввести пароль", "your mailbox will be closed
unless you confirm": the mailbox closed or deleted on a condition is what the letter says
to make the user act, its lure; the user's mailbox is not closed. Read as the mailbox's own
words it answered mail not arriving. The threat's word reads as phishing, and the mailbox
it names is the letter's (no mailbox article's evidence).
"""

from __future__ import annotations

from collections.abc import Sequence

from gateway.knowledge.morphology import Token, verb_grammemes
from gateway.knowledge.vocabulary import (
    ARCHIVE_LEMMAS,
    ATTACHMENT_LEMMAS,
    CIRCUMSTANCE_WORDS,
    CLICK_LEMMAS,
    CONDITION_WORDS,
    CREDENTIAL_PAGES,
    CREDENTIAL_REACH,
    CREDENTIAL_WORDS,
    ENTERED_WORDS,
    ENTERING_LEMMAS,
    FULL_WORDS,
    LINK_LEMMAS,
    LINK_REACH,
    MAIL_WORDS,
    NEGATION_WORDS,
    OPENED_WORDS,
    OPENING_LEMMAS,
    PAGE_REACH,
    THREAT_LEMMAS,
    THREAT_REACH,
    THREATENED_WORDS,
    UNLESS_WORDS,
    WRONG_WORDS,
)
from gateway.knowledge.wordlists import said

_NOT_REACH = 3  # "якщо не", "if you don't", "if I do not"
_DONE_AUXILIARIES = frozenset({"was", "were", "been", "got", "has", "have", "had", "is"})


def threatened(
    words: Sequence[Token], lang: str | None
) -> tuple[frozenset[int], frozenset[int]]:
    """Positions of the words of a threat to close or delete the mailbox or account unless
    the user acts ("…, если не войду", "якщо не підтверджу", "unless I confirm"), and of the
    mailbox words it is said of; empty when none. Not a condition of another kind ("ящик
    заблокировали, если что пишите в телеграм"), nor a closing that happened ("учетку
    заблокировали, если не разблокируете …", "my account was blocked unless …")."""
    if any(said_full(t) for t in words):
        return frozenset(), frozenset()  # a quota's warning (below), no lure
    threats: list[int] = []
    boxes: set[int] = set()
    for i, t in enumerate(words):
        if t.lemma not in THREAT_LEMMAS or _done(words, i, lang) or not _unless(words, i + 1):
            continue
        near = [
            k
            for k in range(max(i - THREAT_REACH, 0), min(i + THREAT_REACH + 1, len(words)))
            if words[k].word in THREATENED_WORDS or words[k].lemma in THREATENED_WORDS
        ]
        if near:
            threats.append(i)
            boxes.update(near)
    return frozenset(threats), frozenset(boxes)


# A mailbox said full or over its quota: the closing on a condition is the quota's warning,
# the user's own mailbox ("ящик заблокируют, если не почищу, он переполнен", "my mailbox will
# be blocked if I don't clear it, it says 99% full"), no letter's lure.
_FULL_STEMS = ("переполн", "переповн", "заполнен", "заповнен", "quota", "квот", "лимит", "ліміт")


def said_full(token: Token) -> bool:
    """A word that says a mailbox is full or over its quota ("переполнен", "повна", "quota")."""
    return token.word in FULL_WORDS or token.word.startswith(_FULL_STEMS)


def _unless(words: Sequence[Token], start: int) -> bool:
    """An "unless" (or "если не", "якщо не", "if … not") soon after `start`."""
    ahead = words[start : start + THREAT_REACH + 2]
    for k, w in enumerate(ahead):
        if w.word in UNLESS_WORDS:
            return True
        if w.word in CONDITION_WORDS and any(
            n.word in NEGATION_WORDS for n in ahead[k + 1 : k + 1 + _NOT_REACH]
        ):
            return True
    return False


def _done(words: Sequence[Token], index: int, lang: str | None) -> bool:
    """The closing said as done: a past verb, or an English one after "was", "has"."""
    token = words[index]
    if token.word.isascii():
        return index > 0 and words[index - 1].word in _DONE_AUXILIARIES
    return "past" in verb_grammemes(token.word, lang or "ru")


def followed_link(words: Sequence[Token], lang: str | None) -> frozenset[int]:
    """Positions of the Russian or Ukrainian verbs of clicking said as done, with a link a
    few words from them ("натиснула на посилання в листі", "прислала штраф со ссылкой, я
    кликнула"): the user followed the letter's link, which the phishing article says as
    "перешел по ссылке". A click asked for or not done ("нажмите на ссылку", "не нажимала")
    is none."""
    links = [i for i, t in enumerate(words) if t.lemma in LINK_LEMMAS]
    if not links:
        return frozenset()
    return frozenset(
        i
        for i, t in enumerate(words)
        if t.lemma in CLICK_LEMMAS
        and any(abs(i - k) <= LINK_REACH for k in links)
        and "past" in verb_grammemes(t.word, lang or "ru")
        and not (i > 0 and words[i - 1].word in NEGATION_WORDS)
    )


def opened_attachment(words: Sequence[Token], lang: str | None) -> frozenset[int]:
    """Positions of the verbs of opening or unpacking said as done, with a letter's
    attachment a few words from them, or an archive in a message that names the letter
    ("відкрив архів з листа", "opened a zip attachment from someone I don't know", "открыла
    вложение из письма про штраф"): the user opened what a letter brought, which the phishing
    article says as "открыл вложение". Not an opening denied, asked for, or said as when a
    program fails ("Outlook вылетает, когда открываю вложение", "crashed when I opened the
    attachment")."""
    letter = any(t.word in MAIL_WORDS for t in words)
    brought = [
        i
        for i, t in enumerate(words)
        if t.lemma in ATTACHMENT_LEMMAS or (letter and t.lemma in ARCHIVE_LEMMAS)
    ]
    if not brought:
        return frozenset()
    return frozenset(
        i
        for i, t in enumerate(words)
        if _opened(t, lang)
        and any(abs(i - k) <= LINK_REACH for k in brought)
        and not any(
            w.word in NEGATION_WORDS or w.word in CIRCUMSTANCE_WORDS
            for w in words[max(i - _NOT_REACH, 0) : i]
        )
    )


def gave_sign_in(words: Sequence[Token], lang: str | None) -> frozenset[int]:
    """Positions of the verbs of entering said as done, with a login or a password and a
    page or a form a few words from them, in a message that names a letter or a link ("the
    'missed delivery' email got me, I put my work login into the page", "I clicked and typed
    my login on the page it opened", "перейшла за посиланням з листа, ввела пароль на
    сторінці"): the user gave the sign-in to the page a letter led to, which the phishing
    article says as "entered my password on a fake login page". Not an entering denied or
    refused after ("typed my password on the webmail page, it says incorrect": the sign-in's),
    nor one in a message with no letter."""
    if not any(t.word in MAIL_WORDS or t.lemma in LINK_LEMMAS for t in words):
        return frozenset()
    signs = [i for i, t in enumerate(words) if said(t, CREDENTIAL_WORDS)]
    pages = [i for i, t in enumerate(words) if said(t, CREDENTIAL_PAGES)]
    if not signs or not pages:
        return frozenset()
    return frozenset(
        i
        for i, t in enumerate(words)
        if _entered(t, lang)
        and any(abs(i - k) <= CREDENTIAL_REACH for k in signs)
        and any(abs(i - k) <= PAGE_REACH for k in pages)
        and not any(w.word in NEGATION_WORDS for w in words[max(i - _NOT_REACH, 0) : i])
        and not any(w.word in NEGATION_WORDS or said(w, WRONG_WORDS) for w in words[i + 1 :])
    )


def _entered(token: Token, lang: str | None) -> bool:
    """A verb of entering said as done ("typed", "put", "ввела", "заповнив")."""
    if token.word.isascii():
        return token.word in ENTERED_WORDS
    return token.lemma in ENTERING_LEMMAS and "past" in verb_grammemes(token.word, lang or "ru")


def _opened(token: Token, lang: str | None) -> bool:
    """A verb of opening or unpacking said as done ("відкрила", "распаковал", "opened")."""
    if token.word.isascii():
        return token.word in OPENED_WORDS
    return token.lemma in OPENING_LEMMAS and "past" in verb_grammemes(token.word, lang or "ru")
