"""The clauses of a message that say what is fine rather than what is wrong.

"комп'ютер не бачить мережу, а телефон на Wi-Fi працює", "the wiki doesn't open in Edge but
opens on my phone": the words of the clause that says something works (a working word, no
negation) are the user ruling things out, not the problem. "Клиент говорит, что отправил, а
мне ничего не пришло", "no new mail, customers say they sent it": what others say they did
is their side, when another clause says what did not happen. Who allowed it ("прошу
установить Audacity, руководитель согласовал", "потрібна програма AutoCAD, керівник погодив",
"…, approved by the manager") is a request's paperwork, not what is asked for; "Open a
ticket: …", "Создайте заявку: …" is said to the desk. The ranker weighs such words as it
weighs a time ("после обновления").
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from functools import lru_cache
from itertools import pairwise, takewhile

from gateway.knowledge.lures import said_full
from gateway.knowledge.morphology import Token, readings, tokens, verb_grammemes
from gateway.knowledge.spills import damage_word
from gateway.knowledge.vocabulary import (
    ABSENT_WORDS,
    ACTION_NOUN_ENDINGS,
    ACTION_NOUNS,
    APPROVAL_WORDS,
    ARRIVING_LEMMAS,
    AT_ONCE_WORDS,
    AUXILIARY_WORDS,
    AWAITED_TIMES,
    BACK_WORDS,
    BEING_WORDS,
    BOUNCE_WORDS,
    CABLE_WORDS,
    CABLED_DEVICES,
    CHECKED_PAIRS,
    CIRCUMSTANCE_WORDS,
    COMPLAINT_WORDS,
    CONNECTED_WORDS,
    CRASH_WORDS,
    DAMAGED_THINGS,
    DESK_REQUEST_WORDS,
    DURING_PAIRS,
    EMPTY_WORDS,
    ERROR_LEMMAS,
    FLASH_LEMMAS,
    FLOWING_MAIL_WORDS,
    FLOWING_PAIRS,
    FLOWING_WORDS,
    HAD_THINGS,
    HE_SHE_WORDS,
    INBOX_WORDS,
    LOCATIVE_WORDS,
    MAIL_WAY_ENGLISH,
    MAIL_WAY_LEMMAS,
    MAIL_WAY_WORDS,
    MAIL_WORDS,
    MAILED_PAPERS,
    MEMBERSHIP_LEMMAS,
    NEGATION_WORDS,
    NOT_DAMAGE_WORDS,
    NOTHING_WORDS,
    NOUN_DETERMINERS,
    ONLY_WORDS,
    ORDER_LEMMAS,
    OTHER_SUBJECT_WORDS,
    OTHERS_WORDS,
    OWN_MAIL_WORDS,
    OWN_WORDS,
    PERSON_SPEECH_WORDS,
    PERSON_WORDS,
    PHONE_WORDS,
    POSTAL_SERVICES,
    POSTED_LEMMAS,
    PROGRAM_SIGHTS,
    RECIPIENT_WORDS,
    REMEDY_WORDS,
    REPLY_LEMMAS,
    REPLY_WORDS,
    RETURNED_LEMMAS,
    SELF_OBJECT_WORDS,
    SELF_SUBJECT_WORDS,
    SENDER_WORDS,
    SENDING_LEMMAS,
    SENDING_PERSON_WORDS,
    SENT_BACK_LEMMAS,
    SPEECH_WORDS,
    START_NOUNS,
    START_PREPOSITIONS,
    START_STEMS,
    STOPPED_WORDS,
    SUPPLY_MEASURE_LEMMAS,
    SUPPLY_WORDS,
    THAT_WORDS,
    THEY_WORDS,
    TICKET_WORDS,
    USER_WORDS,
    VANISH_WORDS,
    VERY_WORDS,
    WAY_WORKS_WORDS,
    WENT_OFF_WORDS,
    WIFI_WORDS,
    WINDOW_WORDS,
    WIRED_LEMMAS,
    WIRED_WORDS,
    WORKING_TIME_WORDS,
    WORKING_WORDS,
)

# Clauses end at punctuation (not a dot inside a number: "5.7.1") and before a contrast.
_CUT = re.compile(
    r"[,;:!?()\n—–]+|\.(?!\d)"
    r"|(?=\s(?:а|но|але|хотя|хоча|зато|однако|проте|but|though|although|while|whereas)\s)",
    re.IGNORECASE,
)


def said_fine(
    text: str, lang: str | None, words: Sequence[Token], kept: Container[str] = frozenset()
) -> frozenset[int]:
    """Positions in `words` (the tokens of `text`) of the content words of clauses that
    say something works, when another clause says what is wrong, and of what others say
    they did, when another clause says what did not happen; empty when none. Words whose
    lemma is in `kept` (the mail others say they sent) are never their side: "customers
    say they've emailed me, I've got nothing" is about the mail."""
    parts = _clauses(text, lang, words, quotes_joined=True)
    if parts is None or len(parts) < 2:
        return frozenset()
    fine: list[int] = []
    reported: list[int] = []
    other = negated = False
    start = 0
    for part in parts:
        content = [start + i for i, t in enumerate(part) if not t.stop]
        said = _reported(part, kept)
        way = _only_way(part)
        if _fine(part) or _approval(part) or _to_desk(part):
            fine.extend(content)
        elif way:
            fine.extend(start + i for i in way)
        elif said is not None:
            reported.extend(start + i for i in said)
        else:
            other = other or bool(content)
            said_words = {t.word for t in part}
            negated = negated or not (
                said_words.isdisjoint(NEGATION_WORDS) and said_words.isdisjoint(STOPPED_WORDS)
            )
        start += len(part)
    return frozenset((fine if other else []) + (reported if negated else []))


def ruled_out(text: str, lang: str | None, words: Sequence[Token]) -> frozenset[int]:
    """Positions in `words` of the content words of clauses that say something works
    ("вхідні приходять", "а видео идёт", "а звук є") after a clause that denies something
    ("пошта не надсилає", "комп не выдаёт звук"): the user, having said what is wrong, rules
    the neighbour out, so it is no evidence for any article. A clause that works before any
    denial is the subject the denial goes on about ("вайфай ловит, но не подключается",
    "горит Paper Jam, хотя бумаги нет"); with no denial, "комп дуже повільно працює,
    особливо після обіду" says how it works."""
    parts = _clauses(text, lang, words, quotes_joined=True)
    if parts is None or len(parts) < 2:
        return frozenset()
    fine: list[int] = []
    denied = False
    start = 0
    # A cable said plugged in is the named device's connection checked (vocabulary.CABLE_WORDS).
    device = any(t.word in CABLED_DEVICES or t.lemma in CABLED_DEVICES for t in words)
    for part in parts:
        said = {t.word for t in part}
        plain = said.isdisjoint(NEGATION_WORDS) and said.isdisjoint(ONLY_WORDS)
        works = (_fine(part) or (device and _plugged_in(part))) and said.isdisjoint(
            REMEDY_WORDS
        )
        # "у всіх інших є": being there, said last; "хоча вони надіслали": others did it.
        there = plain and bool(part) and (
            _there(part, lang) or they_are_people(words[: start + len(part)], start, lang)
        )
        way = _only_way(part)
        if denied and (works or there):
            fine.extend(start + i for i, t in enumerate(part) if not t.stop)
        elif denied and way:
            fine.extend(start + i for i in way)
        elif not (
            said.isdisjoint(NEGATION_WORDS)
            and said.isdisjoint(STOPPED_WORDS)
            and said.isdisjoint(VANISH_WORDS)
            and said.isdisjoint(WENT_OFF_WORDS)
        ):
            denied = True
        elif _way_works(part) and any(not t.stop for p in parts if p is not part for t in p):
            # "error 0x800CCC0E when I hit Send, receiving is fine": the way named works,
            # whatever the other clause says and wherever it is: no denial needs to come first.
            fine.extend(start + i for i, t in enumerate(part) if not t.stop)
        start += len(part)
    return frozenset(fine)


def _way_works(part: Sequence[Token]) -> bool:
    """The clause says one way of the mail works and nothing else ("а отправить могу",
    "отправлять может", "receiving is fine", "receiving ok", "получать получаю"): each of its
    content words is that way's verb, the mail, or a word of working or being able, with no
    negation; a way said twice needs no such word."""
    said = {t.word for t in part}
    if not (
        said.isdisjoint(NEGATION_WORDS)
        and said.isdisjoint(STOPPED_WORDS)
        and said.isdisjoint(ONLY_WORDS)
    ):
        return False
    ways = [t for t in part if t.lemma in MAIL_WAY_LEMMAS or t.word in MAIL_WAY_ENGLISH]
    works = not said.isdisjoint(WAY_WORKS_WORDS)
    rest = [
        t
        for t in part
        if not t.stop
        and t not in ways
        and t.word not in WAY_WORKS_WORDS
        and t.word not in MAIL_WORDS
    ]
    return bool(ways) and (works or len(ways) > 1) and not rest


def _neighbours(words: Sequence[Token], index: int) -> tuple[int, int]:
    """Positions of the nearest words before and after `index` that are not stop words, a
    negation counting as a word (-1 and len(words) where there is none)."""
    before = index - 1
    while before >= 0 and words[before].stop and words[before].word not in NEGATION_WORDS:
        before -= 1
    after = index + 1
    while after < len(words) and words[after].stop and words[after].word not in NEGATION_WORDS:
        after += 1
    return before, after


def denied_damage(words: Sequence[Token]) -> frozenset[int]:
    """Positions of the words of spilling or dropping the user denies: a negation right
    before them, with only stop words between ("nothing was spilled", "I didn't drop it",
    "ничего не проливал", "нічого не розливав"). The user rules the damage out; a
    negation of another verb ("не включается, залил чаем") denies that verb, not the spill."""
    found: set[int] = set()
    for index, token in enumerate(words):
        if not damage_word(token):
            continue
        before, after = _neighbours(words, index)
        if (before >= 0 and words[before].word in NEGATION_WORDS) or (
            after < len(words)
            and words[after].word in {"ничего", "нічого", "nothing"}
            # "залил, ничего не включается": a clause of its own, not the spill denied
            and (after + 1 == len(words) or words[after + 1].word not in NEGATION_WORDS)
        ):
            found.add(index)
    return frozenset(found)


def denied_wireless(words: Sequence[Token]) -> frozenset[int]:
    """Positions of the Wi-Fi word the user denies beside a wired machine: "it's on a
    cable, not wifi", "wired, not on the wifi", "on a cable, Wi-Fi isn't even on". The
    cable is how it connects; the Wi-Fi is ruled out, not the problem. A Wi-Fi that does
    not work ("the wifi is not working, I'm on a cable") is no such denial. A Wi-Fi said
    absent from a place, with nothing after it, is one ("по кабелю, вайфая там нет", "вайфаю
    в нас немає"): it is not how the machine connects. Said missing right after its name
    ("роутер по кабелю подключен, а вайфая нет"), the Wi-Fi is the problem, and "вайфай нет
    доступа" says what the Wi-Fi lacks."""
    if all(token.word not in WIRED_WORDS and token.lemma not in WIRED_LEMMAS for token in words):
        return frozenset()
    found: set[int] = set()
    for index, token in enumerate(words):
        if token.word not in WIFI_WORDS:
            continue
        before, after = _neighbours(words, index)
        state = [t.word for t in words[after + 1 : after + 3] if t.word != "even"][:1]
        absent = (
            after > index + 1
            and after < len(words)
            and words[after].word in ABSENT_WORDS
            and all(t.stop for t in words[after + 1 :])
        )
        if (
            (before >= 0 and words[before].word in NEGATION_WORDS)
            or (after < len(words) and words[after].word in NEGATION_WORDS and state == ["on"])
            or absent
        ):
            found.add(index)
    return frozenset(found)


def wired_alone(words: Sequence[Token]) -> bool:
    """Whether the message says the machine is on a cable and names no Wi-Fi at all ("комп
    без інету, по дроту", "pc on a cable has no internet"): its network is the wired one."""
    return any(t.word in WIRED_WORDS or t.lemma in WIRED_LEMMAS for t in words) and all(
        t.word not in WIFI_WORDS for t in words
    )


def _there(part: Sequence[Token], lang: str | None) -> bool:
    """The clause ends in being there ("є", "есть") and says of whom ("у всіх інших є",
    "у колег есть") or of what one has ("по вайфаю есть", "інтернет є", "бумага в лотке
    есть": a supply, named first outside a place), not of a fault ("замятие бумаги есть",
    "синий экран есть", "шум є")."""
    if part[-1].word not in BEING_WORDS:
        return False
    named = [t for t in part[:-1] if not t.stop]
    first = next(
        (
            t
            for i, t in enumerate(part[:-1])
            if not t.stop and not (i and part[i - 1].word in LOCATIVE_WORDS)
        ),
        None,
    )
    return (
        not named
        or any(HAD_THINGS.match(t.word) for t in named)
        or any(_person(t, lang) for t in named)
        or (first is not None and first.word in SUPPLY_WORDS)
    )


_MEMBER_OF = LOCATIVE_WORDS | {"on"}


def they_are_people(words: Sequence[Token], start: int, lang: str | None) -> bool:
    """Whether the plural pronoun of the clause that begins at `start` and ends the `words`
    ("они", "вони", "they") stands for people: the clause says it is done to the user
    ("они мне пишут", "they sent me"), names people ("у всех", "колеги") or a sending
    ("письма не приходят, хотя они отправили": the senders did), or the nearest
    plural noun before the pronoun is a person ("листи від клієнтів …, хоча вони
    надіслали") or there is none ("пошта не приходить, хоча вони надіслали"). The devices
    just named ("принтеры в бухгалтерии не печатают, они показывают Paper Jam") are what
    fails, the problem; a place or an owner ("в бухгалтерии", "у бухгалтеров") is no
    referent."""
    clause = words[start:]
    at = next((i for i, t in enumerate(clause) if t.word in THEY_WORDS), None)
    if at is None:
        return False
    if any(
        t.word in SELF_OBJECT_WORDS
        or t.lemma in SENDING_LEMMAS
        or (t.word not in THEY_WORDS and _person(t, lang))
        for t in clause
    ):
        return True
    if any(
        i and t.lemma in MEMBERSHIP_LEMMAS and clause[i - 1].word in _MEMBER_OF
        for i, t in enumerate(clause)
    ):
        return True  # "хотя они в рассылке": members of a list are people
    before = words[: start + at]
    for index in range(len(before) - 1, -1, -1):
        token = before[index]
        if token.stop or (index and before[index - 1].word in LOCATIVE_WORDS):
            continue
        if _person(token, lang):
            return True
        if _plural_thing(token, lang):
            return False
    return True


def sent_by_others(text: str, lang: str | None, words: Sequence[Token]) -> frozenset[int]:
    """Positions in `words` of the sending verbs whose doer is someone else, said to have
    sent or to be sending ("а он уверяет, что отправил", "хоча вона каже що відправляла",
    "заказчик говорит, что выслал", "мені мають надіслати накладні"): the other side of
    the mail, which worked; what the user lacks is what did not come. Not the user's own
    sending ("отправляю смету заказчику"), nor a sending denied ("коллега не может
    отправить"), nor a request ("пришлите")."""
    if SENDING_LEMMAS.isdisjoint(t.lemma for t in words):
        return frozenset()
    parts = _clauses(text, lang, words, quotes_joined=True)
    if not parts:
        return frozenset()
    found: list[int] = []
    start = 0
    for part in parts:
        said = {t.word for t in part}
        if said.isdisjoint(NEGATION_WORDS) and said.isdisjoint(SELF_SUBJECT_WORDS):
            others = not (
                said.isdisjoint(OTHER_SUBJECT_WORDS)
                and said.isdisjoint(HE_SHE_WORDS)
                and said.isdisjoint(SELF_OBJECT_WORDS)
            ) or any(_subject_person(t, lang) for t in part)
            for k, token in enumerate(part):
                if token.lemma not in SENDING_LEMMAS or token.word.isascii():
                    continue
                grammemes = verb_grammemes(token.word, lang or "ru")
                if others and grammemes and not {"1per", "impr"} & grammemes:
                    found.append(start + k)
        start += len(part)
    return frozenset(found)


def _subject_person(token: Token, lang: str | None) -> bool:
    """A word for a person in the nominative: the doer ("поставщик", "замовник",
    "бухгалтерка"), not one sent to ("заказчику")."""
    found = readings(token.word, lang or "ru")
    return bool(found) and {"NOUN", "anim", "nomn"} <= found[0][1] and not token.stop


def _person(token: Token, lang: str | None) -> bool:
    """A word for people ("клиенты", "колеги", "everyone", "customers"): an animate noun's
    reading first, or one of the others' words."""
    if token.word in OTHERS_WORDS:
        return True
    found = readings(token.word, lang or "ru")
    return bool(found) and {"NOUN", "anim"} <= found[0][1]


def _plural_thing(token: Token, lang: str | None) -> bool:
    """A thing named in the plural ("принтеры", "ноутбуки", "printers"): a Cyrillic word
    read as an inanimate noun with a plural reading; an English word whose stem drops -s."""
    if token.word.isascii():
        return token.word.endswith("s") and token.lemma != token.word
    found = readings(token.word, lang or "ru")
    return any({"NOUN", "inan", "plur"} <= tags for _, tags in found) and "NOUN" in found[0][1]


def after_damage(text: str, lang: str | None, words: Sequence[Token]) -> frozenset[int]:
    """Positions in `words` of the content words of the clauses after one that says how a
    device was damaged ("разлил колу на клавиатуру, часть клавиш не печатает", "spilled tea
    on the keyboard, now the keys stick"), a clause that names a drink or a device beside
    the spill or the drop: what fails then is what the damage did. Not of a phone: what
    its authenticator no longer does is a problem of its own."""
    said = {t.word for t in words} | {t.lemma for t in words}
    if not any(damage_word(t) for t in words) or not PHONE_WORDS.isdisjoint(said):
        return frozenset()
    parts = _clauses(text, lang, words)
    if parts is None or len(parts) < 2:
        return frozenset()
    found: list[int] = []
    damaged = False
    start = 0
    for part in parts:
        if damaged and any(t.word in NOT_DAMAGE_WORDS or t.lemma in NOT_DAMAGE_WORDS for t in part):
            break  # a problem of its own: a secret, an account, mail
        if damaged:
            found.extend(start + i for i, t in enumerate(part) if not t.stop)
        # the damage as `words` read it ("splashed" is a spill, spills.splashed)
        elif any(damage_word(words[start + i]) for i in range(len(part))) and any(
            t.word in DAMAGED_THINGS or t.lemma in DAMAGED_THINGS for t in part
        ):
            damaged = True
        start += len(part)
    return frozenset(found)


MINE = "mine"  # the user does it: "не слышу", "не можу надіслати", "I can't hear"
THEIRS = "theirs"  # others do it, to the user: "меня не слышат", "мені не приходять"


def directions(text: str, lang: str | None, words: Sequence[Token]) -> dict[int, str]:
    """Who does what each verb of `words` says, by its position: MINE when the user does it
    (a verb in the first person, "не слышу", "не чую"; an infinitive after one, "не можу
    надіслати"; English with "I" or "we" as its subject), THEIRS when others do it, to the
    user (a verb in the third person plural, "не слышат", "не чують"; one with nobody or the
    user as its object in the clause, "мене не чути", "мені не приходять", "никто не
    получает"; English "they can't hear me", "nobody receives"). Verbs that say neither are
    left out. The ranker learns from the articles' samples which direction each article
    says a verb in."""
    parts = _clauses(text, lang, words, quotes_joined=True)
    if not parts:
        return {}
    found: dict[int, str] = {}
    start = 0
    for part in parts:
        said = {t.word for t in part}
        me = not said.isdisjoint(SELF_OBJECT_WORDS)
        others = not said.isdisjoint(OTHER_SUBJECT_WORDS)
        self_said = not said.isdisjoint(SELF_SUBJECT_WORDS)
        last: str | None = None  # the direction of the clause's last finite verb
        modal = -1  # and its position
        for k, token in enumerate(part):
            if token.word.isascii():
                direction = _english_direction(part, k)
            else:
                grammemes = verb_grammemes(token.word, lang or "ru")
                if not grammemes:
                    continue
                if "1per" in grammemes:
                    direction = MINE
                elif "3per" in grammemes:
                    plural = "plur" in grammemes
                    direction = THEIRS if plural or me or others else None
                elif "INFN" in grammemes and last is not None:
                    # "не могу отправить": the modal's person is the action's, not its own.
                    direction = last
                    found.pop(modal, None)
                elif self_said:
                    direction = MINE
                elif me or others:
                    direction = THEIRS
                else:
                    direction = None
                if "INFN" not in grammemes:
                    last, modal = direction, start + k
            if direction is not None and not token.stop:
                found[start + k] = direction
        start += len(part)
    return found


def _english_direction(part: Sequence[Token], index: int) -> str | None:
    """MINE or THEIRS for an English word by its subject ("I can't hear", "nobody
    receives") or, with none, by "me" or "us" just after it ("can't hear me")."""
    token = part[index]
    if token.stop or token.word in AUXILIARY_WORDS or not token.word.isalpha():
        return None
    before = index - 1
    while before >= 0 and part[before].word in AUXILIARY_WORDS:
        before -= 1
    if before >= 0 and part[before].word in SELF_SUBJECT_WORDS:
        return MINE
    if before >= 0 and part[before].word in OTHER_SUBJECT_WORDS:
        return THEIRS
    if any(t.word in SELF_OBJECT_WORDS for t in part[index + 1 : index + 4]):
        return THEIRS
    return None


def clause_spans(text: str, lang: str | None, words: Sequence[Token]) -> list[range]:
    """The positions in `words` (the tokens of `text`) of each clause, in order; empty when
    the clauses' tokens are not the message's (a text normalised otherwise)."""
    parts = _clauses(text, lang, words, quotes_joined=True)
    return [] if parts is None else _spans(parts)


def _spans(parts: Clauses) -> list[range]:
    """The positions each clause of `parts` holds in the message's words, in order."""
    spans = []
    start = 0
    for part in parts:
        spans.append(range(start, start + len(part)))
        start += len(part)
    return spans


Clauses = tuple[tuple[Token, ...], ...]
# A ranking asks for a text's clauses four times or more (what is said to work, what is
# ruled out, who does what, where each clause is): a chat-sized text's clauses are kept
# (their tokens are the ones morphology keeps, so each costs a few pointers).
CLAUSES_MEMO_CHARS = 500
CLAUSES_KEPT = 512


def _clauses(
    text: str, lang: str | None, words: Sequence[Token], *, quotes_joined: bool = False
) -> Clauses | None:
    """The message's clauses as its words, cut at `_CUT` (with what is said joined to its
    verb of saying when `quotes_joined`); None when they are not `words` (a text normalised
    otherwise), whose positions the callers answer in."""
    if len(text) > CLAUSES_MEMO_CHARS:
        parts = _clause_tokens(text, lang, quotes_joined)
    else:
        parts = _memo_clause_tokens(text, lang, quotes_joined)
    return parts if sum(len(p) for p in parts) == len(words) else None


def _clause_tokens(text: str, lang: str | None, quotes_joined: bool) -> Clauses:
    parts = [tuple(tokens(part, lang)) for part in _CUT.split(text) if part and part.strip()]
    return tuple(_quotes_joined(parts) if quotes_joined else parts)


_memo_clause_tokens = lru_cache(maxsize=CLAUSES_KEPT)(_clause_tokens)


def _quotes_joined(parts: list[tuple[Token, ...]]) -> list[tuple[Token, ...]]:
    """The clauses with what is said joined to the verb of saying across the comma before
    "что", "що", "that" ("клиенты говорят, что отправили", "кажуть, що надіслали"):
    the comma is the rule of the language, not the end of the speech."""
    joined: list[tuple[Token, ...]] = []
    for part in parts:
        said = joined[-1] if joined else ()
        if said and part and said[-1].word in SPEECH_WORDS and part[0].word in THAT_WORDS:
            joined[-1] = (*joined[-1], *part)
        else:
            joined.append(part)
    return joined


def _fine(part: Sequence[Token]) -> bool:
    said = {t.word for t in part}
    checked = (
        not said.isdisjoint(WORKING_WORDS)
        or any(
            (first.word, second.word) in CHECKED_PAIRS and not _governed(part, k)
            for k, (first, second) in enumerate(pairwise(part))
        )
        or _flowing(part)
    )
    helps = not said.isdisjoint(REMEDY_WORDS)
    return (
        (checked or helps)
        and said.isdisjoint(NEGATION_WORDS)
        and (helps or said.isdisjoint(ONLY_WORDS))
    )


def _plugged_in(part: Sequence[Token]) -> bool:
    """The clause says a cable is plugged in ("хотя кабель подключен", "the cable is plugged
    in"), with no negation."""
    said = {t.word for t in part}
    return (
        any(t.word in CABLE_WORDS or t.lemma in CABLE_WORDS for t in part)
        and not said.isdisjoint(CONNECTED_WORDS)
        and said.isdisjoint(NEGATION_WORDS)
    )


def _only_way(part: Sequence[Token]) -> list[int]:
    """Positions in the clause of its words but the mail's, when it says one way of the
    mail is all one can do ("могу только отправлять", "виходить тільки надсилати", "I can
    only receive"): that way works; the mail named beside it is still the subject ("могу
    только получать письма, отправить не выходит"). Empty for any other clause, and for a
    denied one."""
    said = {t.word for t in part}
    if not said.isdisjoint(NEGATION_WORDS) or not any(
        first.word in ONLY_WORDS and second.word in MAIL_WAY_WORDS
        for first, second in pairwise(part)
    ):
        return []
    return [i for i, t in enumerate(part) if not t.stop and t.word not in MAIL_WORDS]


def _governed(part: Sequence[Token], index: int) -> bool:
    """Whether the word at `index` depends on the noun just before it: "замятие бумаги есть"
    says a jam is there, not paper ("в лотке бумага есть" says where the paper is, "запас
    бумаги есть" how much of it there is)."""
    if index < 1 or part[index - 1].stop:
        return False
    if index > 1 and part[index - 2].word in LOCATIVE_WORDS:
        return False
    before = part[index - 1]
    if before.lemma in SUPPLY_MEASURE_LEMMAS:  # "уровень тонера полный": the supply's own
        return False
    found = readings(before.word, "ru")
    if not found:  # a word no dictionary knows ("замʼяття"): a noun's likeliest
        return not before.known and not before.word.isascii()
    return {"NOUN", "nomn"} <= found[0][1]


def _flowing(part: Sequence[Token]) -> bool:
    """The clause ends in mail that comes or goes ("хотя входящие приходят", "входящие при
    этом приходят": function words between) or in a verb said again as the user's own
    ("получать получаю")."""
    said = [t for t in part if not t.stop]
    if len(said) < 2:
        return False
    last = (said[-2].word, said[-1].word)
    return last in FLOWING_PAIRS or (last[0] in FLOWING_MAIL_WORDS and last[1] in FLOWING_WORDS)


def _approval(part: Sequence[Token]) -> bool:
    """The clause says who allowed it ("руководитель согласовал"), and asks nothing."""
    said = {t.word for t in part}
    return not said.isdisjoint(APPROVAL_WORDS) and said.isdisjoint(NEGATION_WORDS)


def _to_desk(part: Sequence[Token]) -> bool:
    """The clause only asks the desk for a ticket ("Open a ticket", "создайте заявку")."""
    said = {t.word for t in part if not t.stop}
    return not said.isdisjoint(TICKET_WORDS) and said <= DESK_REQUEST_WORDS


def _reported(part: Sequence[Token], kept: Container[str]) -> list[int] | None:
    """The places of the speech verb and the content words said after it, when they deny
    nothing ("говорит, что отправил"; not "говорит, что не пришло"); None when no one is
    quoted. The verb of saying is no part of the problem either ("кажуть" read as the
    Russian "кажется" of a phishing sample)."""
    for index, token in enumerate(part):
        if token.word in SPEECH_WORDS or (
            token.word in PERSON_SPEECH_WORDS
            and index + 1 < len(part)
            and part[index + 1].word in PERSON_WORDS
        ):
            after = part[index + 1 :]
            if not after or not {t.word for t in after}.isdisjoint(NEGATION_WORDS):
                return None
            said = [i for i, t in enumerate(after, index + 1) if not t.stop and t.lemma not in kept]
            return [index, *said]
    return None


def circumstance(text: str, lang: str | None, words: Sequence[Token]) -> frozenset[int]:
    """Positions in `words` of the content words of a "when" part ("when I scan a
    pallet") that follows the content words of what fails; empty when none."""
    if not any(circumstance_opener(words, i) for i in range(len(words))):
        return frozenset()
    parts = _clauses(text, lang, words)
    if parts is None:
        return frozenset()
    found: list[int] = []
    before = False
    start = 0
    for part in parts:
        after = False
        for i, t in enumerate(part):
            if before and circumstance_opener(words, start + i):
                after = True
            elif not t.stop:
                if after:
                    found.append(start + i)
                else:
                    before = True
        start += len(part)
    return frozenset(found)


def circumstance_opener(words: Sequence[Token], at: int) -> str | None:
    """The word that opens a "when" part at `at`, as CIRCUMSTANCE_WORDS spell it: the word
    itself ("when", "коли", "при"); "при" for the two words of "while" ("во время", "під
    час") and for "на" right after a program's crashing before a noun of doing ("падає на
    друку", "вылетает на сохранении"); None for any other word."""
    token = words[at]
    if token.word in CIRCUMSTANCE_WORDS:
        return token.word
    if at > 0 and (words[at - 1].word, token.word) in DURING_PAIRS:
        return _WHILE
    if token.word == "на" and 0 < at < len(words) - 1 and words[at - 1].word in CRASH_WORDS:
        done = words[at + 1].lemma
        if done in ACTION_NOUNS or (done.endswith(ACTION_NOUN_ENDINGS) and not done.isascii()):
            return _WHILE
    return None


_WHILE = "при"


def bounced_to_user(
    text: str, lang: str | None, words: Sequence[Token]
) -> tuple[frozenset[int], frozenset[int]]:
    """Positions in `words` of the bounces of mail others sent to the user, and of the
    others named as its senders. A bounce word counts in a clause that names others before
    it ("people say their mails bounce", "clients get a bounce") or the user as whom the
    mail is to ("mails to me bounce back"), and in which the user sends no mail of their
    own ("every email I send bounces", "my emails to customers bounce"): such mail did not
    come in, and who sent it is not what is wrong."""
    none: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())
    if BOUNCE_WORDS.isdisjoint(t.word for t in words):
        return none
    parts = _clauses(text, lang, words)
    if parts is None:
        return none
    bounces: list[int] = []
    senders: list[int] = []
    start = 0
    for part in parts:
        said = [t.word for t in part]
        pairs = list(pairwise(said))
        # "my emails", "my sent mail", "my sent invoices", "our quotes": the user's own.
        own = not SENDING_PERSON_WORDS.isdisjoint(said) or any(
            word in OWN_WORDS
            and not (MAIL_WORDS | SENDING_LEMMAS | REPLY_WORDS | MAILED_PAPERS).isdisjoint(
                said[k + 1 : k + 3]
            )
            for k, word in enumerate(said)
        )
        to_user = any(
            first in RECIPIENT_WORDS and second in USER_WORDS for first, second in pairs
        )
        for index, word in enumerate(said):
            others = [i for i, w in enumerate(said[:index]) if w in OTHERS_WORDS]
            if word not in BOUNCE_WORDS or own:
                continue
            others += _bounced_back_to(said, index)
            if to_user or others:
                bounces.append(start + index)
                senders.extend(start + i for i in others if not part[i].stop)
        start += len(part)
    return frozenset(bounces), frozenset(senders)


def _bounced_back_to(said: Sequence[str], index: int) -> list[int]:
    """The position of the others a bounce at `index` goes back to ("emails bounce back to
    the senders", "bookings are bouncing back to customers"): mail that returns to others
    was theirs, sent to the user. Empty when the bounce goes back to no one named so."""
    ahead = index + 1
    if said[ahead : ahead + 2] != ["back", "to"]:
        return []
    ahead += 2
    while ahead < len(said) and said[ahead] in NOUN_DETERMINERS:
        ahead += 1
    return [ahead] if ahead < len(said) and said[ahead] in OTHERS_WORDS else []


def awaited_from_others(
    text: str, lang: str | None, words: Sequence[Token]
) -> tuple[frozenset[int], frozenset[int]]:
    """Positions in `words` of what the user says is not there, and of the other side's
    words, when others say they sent mail the user never got ("замовники кажуть, що
    надсилали, а в мене в «Вхідних» порожньо", "customer says he sent the order, nothing in
    my inbox", "haven't had a single email since this morning, suppliers swear they sent
    stuff"). Every clause but the others' sending says only what is missing: mail, where it
    is looked for, a paper that goes by mail, its arriving denied, when ("з самого ранку"),
    from whom; and the mail or such a paper is named (orders only when nothing at all is
    there: `ORDER_LEMMAS`). A clause that says nothing of the mail or of anything missing is
    the writer's own ("Добрий день, це Ганна Петрівна з ліпного цеху", "подивіться будь
    ласка") and says nothing either way. Not the user's own sending ("отправляю смету, а он
    говорит что ничего не получил"), nor a thing shipped ("отправил доски, а машины всё
    нет")."""
    none: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())
    if SENDING_LEMMAS.isdisjoint(t.lemma for t in words) or not any(_missing(t) for t in words):
        return none
    if posted(words):
        return none  # "нова пошта каже, що відправили посилку": the post, not the mail
    parts = _clauses(text, lang, words, quotes_joined=True)
    if parts is None:
        return none
    theirs = sent_by_others(text, lang, words) | _sent_by_others_said(parts)
    if not theirs:
        return none
    framing = _framing(parts, theirs)
    empty: list[int] = []
    others: list[int] = []
    mailed = False
    ordered = False
    start = 0
    for part in parts:
        span = range(start, start + len(part))
        start += len(part)
        if span and span.start in framing:
            continue  # "Добрий день, це Ганна Петрівна з ліпного цеху", "подивіться будь ласка"
        mailed = mailed or any(_mailed(t) for t in part)
        ordered = ordered or any(t.lemma in ORDER_LEMMAS for t in part)
        if any(i in theirs for i in span):
            # Their sending, saying and names are their side; the mail named stays the mail.
            others.extend(
                i
                for i, t in zip(span, part, strict=True)
                if not t.stop and {t.word, t.lemma}.isdisjoint(INBOX_WORDS)
            )
            continue
        if any(t.lemma in SENDING_LEMMAS for t in part):
            if any(t.word in SELF_SUBJECT_WORDS for t in part):
                return none  # the user sent it too: "я отправила, а он говорит …"
            continue  # "мука должна была прислать счёт": what was awaited
        if any(
            t.lemma in MAILED_PAPERS and part[k].word in LOCATIVE_WORDS
            for k, t in enumerate(part[1:])
        ):
            return none  # "а на счёт ничего не пришло": an account, not a paper
        after_from = False
        for k, (i, t) in enumerate(zip(span, part, strict=True)):
            if t.word in SENDER_WORDS:
                after_from = True  # "счёт от поставщика досок": from whom, their side
                continue
            if t.stop:
                continue
            missing, arriving = _missing(t), _arriving(t)
            after_from = after_from and not (missing or arriving or _mailed(t))
            if after_from:
                others.append(i)
            elif t.word in EMPTY_WORDS:
                empty.append(i)
            elif not (missing or arriving or _mailed(t) or _awaited_time(t) or _stressed(part, k)):
                return none
    # Orders are mail when nothing at all is said to be there ("а в мене нічого нема"), not
    # when the order is ("а його досі нема").
    mailed = mailed or (ordered and any(words[i].word in NOTHING_WORDS for i in empty))
    if not (others and mailed):
        return none
    if not empty:
        # "а до мене не дійшла", "I never got it": the arriving denied is what did not come;
        # "haven't had a single email": the denial itself.
        mine = [(i, t) for i, t in enumerate(words) if i not in others and not t.stop]
        empty = [i for i, t in mine if _arriving(t)]
        empty = empty or [i for i, t in mine if t.word in NEGATION_WORDS]
    return frozenset(empty), frozenset(others) | framing


# A mail server's refusal said by its bare code ("повертається 554", "с ошибкой 550"): the
# codes of a refused recipient or message (a version or a room is rarely 550-554).
_REFUSAL_CODE = re.compile(r"55[0-4]")
_RECEIVES = frozenset({"receives", "gets"})  # English arriving said of another (by word)


def undelivered(
    text: str, lang: str | None, words: Sequence[Token]
) -> tuple[frozenset[int], frozenset[int], frozenset[int]]:
    """Positions in `words` of the user's own mail coming back ("письмо клиенту вернулось",
    "повертається 554 коли надсилаю", "прилетает отбойник"), of its arriving denied by whom
    it was sent to ("мои письма никто не получает", "а он говорит что ничего не получил",
    "клієнтка не отримала рахунок"), and of the recipient's saying so; empty when the mail
    is not the user's. The user's is mail the user sends ("отправляю", "надіслала"), calls
    their own ("мій лист", "my emails"), sends to someone ("письмо клиенту") or holds the
    bounce of ("550 5.1.1"). Not mail others say bounced or that a full mailbox returns
    ("люди жалуются что им возвращается", "скринька переповнена, листи повертаються"), and
    not a parcel or money: nothing named goes by mail."""
    none: tuple[frozenset[int], frozenset[int], frozenset[int]] = (
        frozenset(),
        frozenset(),
        frozenset(),
    )
    if posted(words) or any(said_full(t) for t in words):
        return none
    mail = any(t.word in MAIL_WORDS or t.lemma in MAIL_WORDS for t in words)
    bounce = any(t.word in BOUNCE_WORDS for t in words)
    codes = _refusal_codes(words)
    if not (mail or bounce or codes or any(t.lemma in MAILED_PAPERS for t in words)):
        return none
    if not _own_mail(text, lang, words, bounce):
        return none
    parts = _clauses(text, lang, words, quotes_joined=True)
    if parts is None:
        return none
    # Others' saying or complaining about mail coming back is mail they sent ("клиенты
    # говорят что их письма возвращаются"): only the user's own coming back is read here.
    theirs = any(
        t.word in SPEECH_WORDS or t.word in COMPLAINT_WORDS or _subject_person(t, lang)
        for t in words
    ) or any(
        t.word in SENDER_WORDS and any(w.word in MAIL_WORDS for w in words[max(i - 2, 0) : i])
        for i, t in enumerate(words)
    )
    returned = [
        i
        for i, t in enumerate(words)
        if t.lemma in RETURNED_LEMMAS and (mail or bounce or codes)
    ] + _sent_back(words, bounce or bool(codes))
    came_back = frozenset(returned) | codes if returned and not theirs else frozenset()
    denied: list[int] = []
    said: list[int] = []
    start = 0
    for part in parts:
        span = range(start, start + len(part))
        start += len(part)
        plain = {t.word for t in part}
        if not _recipient_denies(part, lang) or not plain.isdisjoint(
            SELF_SUBJECT_WORDS | SELF_OBJECT_WORDS | (INBOX_WORDS - MAIL_WORDS)
        ):
            continue
        for i, t in zip(span, part, strict=True):
            if _arriving(t) or t.word in _RECEIVES:
                denied.append(i)
            elif t.word in SPEECH_WORDS or t.word in HE_SHE_WORDS or t.word in THEY_WORDS:
                said.append(i)
    return came_back, frozenset(denied), frozenset(said)


def _sent_back(words: Sequence[Token], refused: bool) -> list[int]:
    """Positions of mail said sent or come back in other words than "вернулось", in a
    message with a refusal's code or word: a verb of sending or coming with "обратно"/"назад"
    right after it ("прислало обратно «550 5.1.1»", "пришло назад"), and a reply that is the
    code, with the verb of its coming before it ("приходит ответ 550 5.1.1")."""
    if not refused:
        return []
    found: list[int] = []
    for i, t in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else None
        if t.lemma in SENT_BACK_LEMMAS and after is not None and after.word in BACK_WORDS:
            found.extend((i, i + 1))
        elif t.lemma in REPLY_LEMMAS and after is not None and (
            _REFUSAL_CODE.fullmatch(after.word) or after.word in BOUNCE_WORDS
        ):
            found.append(i)
            if i and words[i - 1].lemma in SENT_BACK_LEMMAS:
                found.append(i - 1)
    return found


def _refusal_codes(words: Sequence[Token]) -> frozenset[int]:
    """Positions of a mail server's refusal said by its bare code: right after mail coming
    back or an error's word ("повертається 554 коли надсилаю", "с ошибкой 550"), and not
    followed by what it counts ("вернулись 550 рублей")."""
    found = []
    for i, t in enumerate(words):
        if i == 0 or not _REFUSAL_CODE.fullmatch(t.word):
            continue
        before = words[i - 1]
        after = words[i + 1] if i + 1 < len(words) else None
        if (before.lemma in RETURNED_LEMMAS or before.lemma in ERROR_LEMMAS) and (
            after is None or after.stop or after.word.isascii()
        ):
            found.append(i)
    return frozenset(found)


def _own_mail(text: str, lang: str | None, words: Sequence[Token], bounce: bool) -> bool:
    """The user sent the mail: a sending of the user's ("отправляю", "надіслала", "I sent"),
    the mail called the user's ("мои письма", "my sent mail"), mail to someone in the dative
    ("письмо клиенту", "лист постачальнику"), or the bounce's own code in the user's hands."""
    if bounce:
        return True
    others = sent_by_others(text, lang, words)
    for i, t in enumerate(words):
        before = [w.word for w in words[max(i - 2, 0) : i]]
        if t.lemma in SENDING_LEMMAS and i not in others:
            if t.word.isascii():
                if not SENDING_PERSON_WORDS.isdisjoint(before) or not OWN_WORDS.isdisjoint(before):
                    return True
            elif not {"impr", "INFN"} & verb_grammemes(t.word, lang or "ru"):
                return True
        if t.word in MAIL_WORDS and not OWN_MAIL_WORDS.isdisjoint(before):
            return True
        if (t.word in MAIL_WORDS or t.lemma in MAIL_WORDS) and i + 1 < len(words):
            following = words[i + 1]
            if not (following.stop or following.word.isascii()):
                likeliest = readings(following.word, lang or "ru")[:1]
                if likeliest and "datv" in likeliest[0][1]:
                    return True
    return False


def _recipient_denies(part: Sequence[Token], lang: str | None) -> bool:
    """The clause denies that someone else got it: a denial and another as the subject
    ("никто не получает", "он говорит что ничего не получил", "клієнтка не отримала",
    "nobody receives", "they say nothing arrived")."""
    said = {t.word for t in part}
    if said.isdisjoint(NEGATION_WORDS) and said.isdisjoint(EMPTY_WORDS) and said.isdisjoint(
        OTHER_SUBJECT_WORDS
    ):
        return False
    return not (
        said.isdisjoint(OTHER_SUBJECT_WORDS)
        and said.isdisjoint(HE_SHE_WORDS)
        and said.isdisjoint(SPEECH_WORDS)
    ) or any(_subject_person(t, lang) for t in part)


_MAILED = INBOX_WORDS | MAILED_PAPERS


def _awaited_time(token: Token) -> bool:
    return not {token.word, token.lemma}.isdisjoint(AWAITED_TIMES)


def _framing(parts: Clauses, theirs: Container[int]) -> frozenset[int]:
    """Positions of the clauses that open or close the message and say nothing of the mail,
    its sending or anything missing: a greeting, who writes, a request to look ("Добрий
    день, це Ганна Петрівна з ліпного цеху. …. Подивіться будь ласка."). One in the middle
    ("а йому прилітає відмова 554") is part of what is told."""
    spans = _spans(parts)
    plain = [
        not any(i in theirs for i in span)
        and not any(
            _missing(t) or _arriving(t) or _mailed(t) or t.lemma in SENDING_LEMMAS for t in part
        )
        for span, part in zip(spans, parts, strict=True)
    ]
    ends = [*takewhile(bool, plain)], [*takewhile(bool, reversed(plain))]
    if len(ends[0]) == len(plain):
        return frozenset()
    chosen = spans[: len(ends[0])] + spans[len(spans) - len(ends[1]) :]
    return frozenset(i for span in chosen for i in span)


def _stressed(part: Sequence[Token], k: int) -> bool:
    """Whether the word at `k` only stresses the time after it: "з самого ранку"."""
    return part[k].word in VERY_WORDS and any(_awaited_time(t) for t in part[k + 1 : k + 2])


def _missing(token: Token) -> bool:
    """A word that says something is not there ("нічого", "порожньо", "не", "nothing")."""
    return token.word in EMPTY_WORDS or token.word in NEGATION_WORDS


def _arriving(token: Token) -> bool:
    """Arriving, said of the mail ("приходять", "дійшла", "arrived")."""
    return token.lemma in ARRIVING_LEMMAS or token.word in ARRIVING_LEMMAS


def posted(words: Sequence[Token]) -> bool:
    """A parcel, a courier or a postal service named ("Нова пошта", "Укрпошта")."""
    said = [t.lemma for t in words]
    return not POSTED_LEMMAS.isdisjoint(said) or not POSTAL_SERVICES.isdisjoint(pairwise(said))


def _mailed(token: Token) -> bool:
    """The mail, where it is looked for, or a paper that goes by mail (word or lemma)."""
    return not {token.word, token.lemma}.isdisjoint(_MAILED)


def _sent_by_others_said(parts: Clauses) -> frozenset[int]:
    """Positions of the sending said of others in English ("he sent", "they sent stuff"),
    or after a verb of saying ("говорят отправили", "кажуть надіслали")."""
    found: list[int] = []
    start = 0
    for part in parts:
        said = [t.word for t in part]
        if NEGATION_WORDS.isdisjoint(said) and SELF_SUBJECT_WORDS.isdisjoint(said):
            for k, token in enumerate(part):
                if token.lemma not in SENDING_LEMMAS:
                    continue
                before = said[:k]
                english = token.word.isascii() and not OTHERS_WORDS.isdisjoint(before)
                if english or not SPEECH_WORDS.isdisjoint(before):
                    found.append(start + k)
        start += len(part)
    return frozenset(found)


def crashed_at_start(
    text: str, lang: str | None, words: Sequence[Token], programs: Container[str] = frozenset()
) -> frozenset[int]:
    """Positions in `words` of the crash words of a message that says the program died at
    its opening ("тимс вылетает при открытии", "эксель крашнулся сразу как запустил",
    "вилітає ще до того, як відкриється вікно"): it did not start. Empty when nothing
    crashed, when nothing says the opening, or when the crash comes while working
    ("посреди работы", "через 10 минут", "при открытии вложения"). `programs` holds the
    lemmas that name a program ("при запуске программы" is still its opening)."""
    crashes = [i for i, t in enumerate(words) if t.word in CRASH_WORDS]
    if not crashes or not WORKING_TIME_WORDS.isdisjoint(t.word for t in words):
        return frozenset()
    parts = _clauses(text, lang, words)
    if parts is None:
        return frozenset()
    said = {t.word for t in words}
    at_start = not WINDOW_WORDS.isdisjoint(said) and ("до", "того") in pairwise(
        t.word for t in words
    )
    # "мелькнёт и закрывается": a flash before the first crash is all the opening it got.
    at_start = at_start or _flashed_open(words, crashes[0], lang, programs)
    for part in parts:
        clause = {t.word for t in part}
        at_start = at_start or not (
            WINDOW_WORDS.isdisjoint(clause) or NEGATION_WORDS.isdisjoint(clause)
        )
        for index, token in enumerate(part):
            if token.word in START_NOUNS and index and part[index - 1].word in START_PREPOSITIONS:
                after = [t for t in part[index + 1 :] if not t.stop]
                at_start = at_start or not after or after[0].name or after[0].lemma in programs
            elif token.word in AT_ONCE_WORDS:
                ahead = [t for t in part[index + 1 :] if not t.stop][:1]
                at_start = at_start or any(t.word.startswith(START_STEMS) for t in ahead)
    return frozenset(crashes) if at_start else frozenset()


def _flashed_open(
    words: Sequence[Token], crash: int, lang: str | None, programs: Container[str]
) -> bool:
    """Whether the program flashed before the crash at `crash`, all the opening it got:
    "окошко мелькнёт и закрывается", "Excel мигнул и закрылся", "мигне віконце і
    закривається". A flash with a new subject named between it and the crash is another
    thing's: "связь мигнула и скайп вылетел", "світло блимнуло і ворд закрився" tell what
    the program was doing when it died, not its opening."""
    flashes = [i for i in range(crash) if words[i].lemma in FLASH_LEMMAS]
    return any(
        not any(_new_subject(t, lang, programs) for t in words[i + 1 : crash]) for i in flashes
    )


def _new_subject(token: Token, lang: str | None, programs: Container[str]) -> bool:
    """A program named ("скайп", "ворд") or a noun in the nominative other than the program's
    window and what it shows as it opens ("віконце", "заставка"): a subject of its own."""
    if token.stop or token.lemma in PROGRAM_SIGHTS:
        return False
    if token.lemma in programs or token.name:
        return True
    found = readings(token.word, lang or "ru")
    return bool(found) and {"NOUN", "nomn"} <= found[0][1]
