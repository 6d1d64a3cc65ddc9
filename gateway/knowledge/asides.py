"""Words said beside the problem, which weigh as a time does ("после обновления").

A time of day ("с обеда", "з обіду", "after lunch"), whom mail is from or to ("письма от
поставщиков", "emails from our suppliers", "листи клієнтам"), what the user already checked
or tried ("даже в спаме", "even with the right password", "tried my wifi and my phone
hotspot"), what the user asks whether to do ("что можно удалить?"), where the user is
("принтер в офисе", "у рецепції", "in the lens lab", "on floor 2") and what an event a
problem is dated by is of ("после смены пароля", "since changing my password"): none of
them is what is wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence

from gateway.knowledge.morphology import Token, read_as, readings
from gateway.knowledge.vocabulary import (
    EVEN_WORDS,
    FLOOR_WORDS,
    JOINING_WORDS,
    LOCATIVE_WORDS,
    MAIL_FATE_WORDS,
    MAIL_WORDS,
    MAY_WORDS,
    MEAL_TIMES,
    NEAR_DETERMINERS,
    NEGATION_WORDS,
    PREPOSITIONS,
    RECIPIENT_WORDS,
    SENDER_WORDS,
    TIME_PREPOSITIONS,
    TRIED_WORDS,
    USER_WORDS,
    WHAT_WORDS,
)

_LOCATIVE = frozenset({"loct", "loc2"})
_GENITIVE = frozenset({"gent"})
_NOUN = frozenset({"NOUN"})
_REACH = 3  # content words a preposition governs, and how far before it a mail word is


def asides(
    words: Sequence[Token],
    places: Container[str] = (),
    named: Container[str] = (),
    unexplained: Callable[[Token], bool] = lambda token: False,
) -> set[int]:
    """Positions of words said beside the problem: a time of day ("с обеда", "з обіду",
    "after lunch"), whom mail is from or to ("письма от поставщиков", "листи клієнтам"),
    what was already checked or tried ("даже в спаме", "even with the right password",
    "tried my wifi and my phone hotspot"), what the user asks whether to do ("что можно
    удалить?", "what can I delete") and where the user is: a place (`places`, lemmas) in
    the locative ("в офисе", "у рецепції", "in the lens lab"), with what it is of ("на
    складе ванили", "в магазині камінів": no word `named`, an article's or another
    service's lemma); or in Russian or Ukrainian any noun in the locative no article
    explains (`unexplained`: "в їдальні", "на гідропонній фермі")."""
    found = times_of_day(words)
    for index, token in enumerate(words):
        if token.word in LOCATIVE_WORDS:
            found.update(_where(words, index + 1, places, named, unexplained))
        elif token.word == "on":
            # "on floor 2"; and where a thing is kept, as "на сервері" says it: "the folder
            # on the file server", "on the reception PC".
            found.update(
                _on_floor(words, index + 1)
                or _where(words, index + 1, places, named, unexplained)
            )
        elif token.word in TRIED_WORDS:
            found.update(_tried(words, index + 1))
        if token.word in MAIL_WORDS:
            found.update(_recipient(words, index + 1))
        if token.word in SENDER_WORDS and any(
            t.word in MAIL_WORDS for t in words[max(index - _REACH, 0) : index]
        ):
            found.update(_governed(words, index + 1))
        elif (
            token.word in EVEN_WORDS
            and index + 1 < len(words)
            and words[index + 1].word in PREPOSITIONS
        ):
            found.update(_governed(words, index + 2))
        elif token.word in WHAT_WORDS:
            found.update(_asked_to_do(words, index + 1))
    return found


def times_of_day(words: Sequence[Token]) -> set[int]:
    """Positions of a meal or a break a time preposition governs ("с обеда", "з обіду",
    "since lunch", "since before lunch", "after breakfast"): when, as "зранку" says it."""
    found: set[int] = set()
    for index, token in enumerate(words):
        if token.word in TIME_PREPOSITIONS:
            ahead = _governed(words, index + 1)
            if ahead and words[ahead[0]].word in MEAL_TIMES:
                found.add(ahead[0])
    return found


# A likeness: what a state is compared with ("гарячий як праска", "кулер шумить як фен",
# "гарячий, як піч", "fan roaring like a hairdryer", "I sound like a robot"). "як" and "как"
# also ask how ("як зняти паузу", "как дела"): a likeness only after a word of a state (an
# adjective, a verb, an adverb) and before a noun. English "like" also wishes ("I'd like"):
# never after a pronoun or a modal, which are stop words.
_LIKENESS_WORDS = frozenset(
    {"like", "як", "как", "словно", "будто", "наче", "ніби", "мов", "немов", "неначе"}
)
_STATE_PARTS = frozenset({"ADJF", "ADJS", "COMP", "VERB", "PRTF", "PRTS", "GRND", "ADVB"})
# "lags like crazy", "works like new", "slow like always": how much or as when, no thing.
_LIKE_MANNER = frozenset({"crazy", "mad", "hell", "nuts", "new", "normal", "usual", "always"})
_LIKENED_WORDS = 2  # "like an old tractor", "як стара праска": the noun and one word before


def likened(words: Sequence[Token], used: Callable[[Token], bool]) -> set[int]:
    """Positions of what a state is likened to, when no article uses the words ("гарячий як
    праска", "шумить як фен", "roaring like a hairdryer"): how hot, how loud, how it sounds,
    not what fails nor whose trade it is. A word an article uses stays ("looks like the VPN
    dropped", "sounds like the printer"), and so does a name ("apps like Procreate")."""
    found: set[int] = set()
    for index, token in enumerate(words[1:], 1):
        before = words[index - 1]
        if token.word not in _LIKENESS_WORDS or before.stop:
            continue
        cyrillic = not token.word.isascii()
        if cyrillic and not read_as(before.word, _STATE_PARTS):
            continue
        ahead = [i for i in range(index + 1, len(words)) if not words[i].stop][:_LIKENED_WORDS]
        likened_words = []
        for at in ahead:
            word = words[at]
            if not word.known or word.name or word.capital or used(word):
                break
            if word.word in _LIKE_MANNER:
                break
            likened_words.append(at)
            if not cyrillic or read_as(word.word, _NOUN):
                break
        if likened_words and (not cyrillic or read_as(words[likened_words[-1]].word, _NOUN)):
            found.update(likened_words)
    return found


# How an English letter closes ("Kind regards, Peter", "Cheers, Gareth", "Yours sincerely,
# Pat (gardeners)"): the closing word, the words that may come before it, and how many words
# the name and the writer's tag after it may have. ("Thanks" closes too, but is as often
# said before the problem: "thanks in advance, printer jammed".)
_CLOSINGS = frozenset({"regards", "rgds", "sincerely", "cheers"})
_CLOSING_LEADS = frozenset({"kind", "best", "warm", "warmest", "many", "with", "yours"})
_SIGNATURE_WORDS = 5


def sign_off(words: Sequence[Token]) -> set[int]:
    """Positions of the closing of a letter, at its end: "Kind regards, Doreen (hand
    fans)", "Best regards, Marta (front desk, ice arena)". The name and the trade it is
    signed with say who writes, not what is wrong; a closing followed by more than a
    signature or by a denial ("cheers, the printer is still not printing") is none."""
    last = next(
        (i for i in range(len(words) - 1, -1, -1) if words[i].word in _CLOSINGS), None
    )
    if last is None or not last or len(words) - last - 1 > _SIGNATURE_WORDS:
        return set()
    after = words[last + 1 :]
    if any(t.word in NEGATION_WORDS for t in after):
        return set()
    start = last
    while start > 0 and words[start - 1].word in _CLOSING_LEADS:
        start -= 1
    return set(range(start, len(words)))


def _where(
    words: Sequence[Token],
    start: int,
    places: Container[str],
    named: Container[str] = (),
    unexplained: Callable[[Token], bool] = lambda token: False,
) -> list[int]:
    """Positions of a place a locative preposition before `start` governs ("в офисе",
    "у рецепції", "in the dispatch office": the nouns naming it too, and in Russian or
    Ukrainian the genitive after it, what the place is of: "на складе ванили", "у
    майстерні судномоделей", "на фабриці сніжних куль"); empty when the governed words
    name no place or a Cyrillic one is not in the locative ("в бухгалтерию": where to, a
    destination)."""
    span = _governed(words, start)
    at = next((i for i in span if words[i].lemma in places), None)
    if at is None:
        return _unlisted_place(words, span, named, unexplained)
    place = words[at]
    if place.word.isascii():
        return span[: span.index(at) + 1]
    if any(_LOCATIVE & grammemes for _, grammemes in readings(place.word, "ru")):
        return [at, *of_place(words, at + 1, named)]
    return []


def _unlisted_place(
    words: Sequence[Token],
    span: list[int],
    named: Container[str],
    unexplained: Callable[[Token], bool],
) -> list[int]:
    """Positions of a Cyrillic noun in the locative no list names, its adjectives before it,
    none of them a word `unexplained` rejects ("в їдальні", "на гідропонній фермі", "в
    каменоломне"; not "на ноуті"), with what it is of (`of_place`)."""
    at = next((i for i in span if _locative(words[i], noun=True)), None)
    if at is None or words[at].word.isascii():
        return []
    before = span[: span.index(at)]
    if not all(_locative(words[i], noun=False) for i in before) or not all(
        unexplained(words[i]) for i in (*before, at)
    ):
        return []
    return [*before, at, *of_place(words, at + 1, named)]


def _locative(token: Token, noun: bool) -> bool:
    """A Cyrillic noun (or adjective) with a reading in the locative, in either language."""
    return read_as(token.word, _LOCATIVE, frozenset({"NOUN" if noun else "ADJF"}))


def of_place(words: Sequence[Token], start: int, named: Container[str]) -> list[int]:
    """Positions of the genitive that says what a place is of, right after it: its
    adjectives and its noun ("складе ванили", "фабриці сніжних куль"), none of them a word
    `named` (an article's or another service's: "в офисе принтера нет" keeps the printer,
    "в отделе кадров" is HR's)."""
    span: list[int] = []
    for ahead in range(start, min(start + _REACH, len(words))):
        token = words[ahead]
        if token.stop or token.lemma in named:
            break
        if not read_as(token.word, _GENITIVE):
            break
        span.append(ahead)
        if read_as(token.word, _GENITIVE, _NOUN):
            break  # the noun ends it: "складе ванили грузится"
    return span


def _on_floor(words: Sequence[Token], start: int) -> list[int]:
    """Positions of the floor "on" before `start` governs ("on floor 2", "on the third
    floor": the words naming it too); empty for anything else "on" governs."""
    span = _governed(words, start)
    at = next((i for i in span if words[i].word in FLOOR_WORDS), None)
    return [] if at is None else span[: span.index(at) + 1]


def _recipient(words: Sequence[Token], start: int) -> list[int]:
    """Positions of whom mail is to, right after the mail word: a Cyrillic noun in the
    dative ("листи клієнтам", "письма клиентам") or the words "to"/"до"/"для" govern
    ("emails to our clients", "листи до постачальників"): who, not what is wrong."""
    if start >= len(words):
        return []
    following = words[start]
    if following.word in RECIPIENT_WORDS:
        if start + 1 < len(words) and words[start + 1].word in USER_WORDS:
            return []  # "mails to me bounce": the user, and nothing after it
        span = _governed(words, start + 1)
        fate = next((i for i, at in enumerate(span) if words[at].word in MAIL_FATE_WORDS), None)
        return span if fate is None else span[:fate]
    if following.stop or following.word.isascii():
        return []
    likeliest = readings(following.word, "ru")[:1]
    return [start] if likeliest and "datv" in likeliest[0][1] else []


def _tried(words: Sequence[Token], start: int) -> list[int]:
    """Positions of what a word of trying before `start` names: its content words, joined
    by "and"/"і" and past determiners (vocabulary's NEAR_DETERMINERS: "the office one") and
    prepositions ("tried my wifi and my phone hotspot", "пробувала з телефона і з
    ноутбука"), to a denial or another function word."""
    span: list[int] = []
    for ahead in range(start, min(start + 2 * _REACH + 3, len(words))):
        token = words[ahead]
        if token.word in NEGATION_WORDS or len(span) == 2 * _REACH:
            break
        if not token.stop:
            span.append(ahead)
        elif span and not (
            token.word in JOINING_WORDS
            or token.word in PREPOSITIONS
            or token.word in NEAR_DETERMINERS
        ):
            break
    return span


def _asked_to_do(words: Sequence[Token], start: int) -> list[int]:
    """Positions of "можно удалить", "can I delete" after a "what": the modal and the first
    content word after it (what the user asks whether to do)."""
    for index in range(start, min(start + 2, len(words))):
        if words[index].word in MAY_WORDS:
            after = [i for i in range(index + 1, min(index + 3, len(words))) if not words[i].stop]
            return [index, *after[:1]]
    return []


def _governed(words: Sequence[Token], start: int) -> list[int]:
    """Positions of the content words a preposition before `start` governs: up to
    _REACH of them, past determiners ("the", "наших"), to the next function word."""
    span: list[int] = []
    for ahead in range(start, min(start + _REACH + 1, len(words))):
        if words[ahead].stop:
            if span or words[ahead].word in PREPOSITIONS:
                break
            continue
        span.append(ahead)
        if len(span) == _REACH:
            break
    return span


def event_object(words: Sequence[Token], onset: int) -> list[int]:
    """What an event is of, said after it: "после смены пароля" (a genitive noun), "since
    changing my password" (the object of a verb form); empty when the next word is the
    subject again ("после обновления принтер не печатает")."""
    rest = [i for i in range(onset + 1, min(onset + 3, len(words))) if not words[i].stop]
    if not rest:
        return []
    event, following = words[onset], words[rest[0]]
    if following.word.isascii():
        return rest[:1] if event.word.endswith(("ing", "ed")) else []
    likeliest = readings(following.word, "ru")[:1]
    return rest[:1] if likeliest and "gent" in likeliest[0][1] else []
