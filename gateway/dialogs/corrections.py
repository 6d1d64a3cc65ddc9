"""Corrections: a later message that replaces a checklist value instead of adding one.

"нет, не 10, а 11", "11, а не 10", "It's Windows 10, not 11", "ой, 11-я винда", "ні, в мене
одинадцята вінда", "sorry, since Tuesday": the value the user gave before is replaced, and a
message that only corrects answers no question.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from gateway.dialogs.extract import extract_fields
from gateway.dialogs.extract.words import TEXTS_KEPT, fold

_I = re.IGNORECASE

# Fields a correction is looked for in, most specific first; what was tried is the user's
# own words and is never rewritten.
CORRECTABLE: tuple[str, ...] = ("os", "product", "since", "error")

# "I don't know" in its common wordings: a whole answer, or the start of one.
DONT_KNOW = (
    r"(?:не знаю|не помню|без понятия|хз|не пам'ятаю|не в курсі|гадки не маю|"
    r"don'?t know|no idea|not sure|dunno|idk)"
)
_DONT_KNOW = re.compile(rf"^\W*{DONT_KNOW}\W*$", _I)
_VALUE = r"(?:[^,;.!?]|(?<=\d)\.(?=\d)){1,40}"
# "нет, не 10, а 11", "не Outlook, а Thunderbird", "not 10 but 11", "ні, не вчора, а позавчора"
_NOT_X_BUT_Y = re.compile(
    rf"(?:^|[\s,.;])(?:не|not)\s+(?P<old>{_VALUE}?)\s*,?\s*(?:а|but|але)\s+(?P<new>{_VALUE})",
    _I,
)
# The same said the other way round: "11, а не 10", "Windows 11, не 10", "It's 10, not 11",
# "since Monday rather than Tuesday".
_Y_NOT_X = re.compile(
    rf"(?P<new>(?<![^\s,.;])[^,;.!?\s]{_VALUE}?)\s*,?\s*(?:а не|але не|а вовсе не|,\s*не|,\s*not|"
    rf"and not|rather than|not)\s+(?P<old>{_VALUE})",
    _I,
)
# ... with a comma alone between: "sorry, not yesterday, since Monday", "not 11, 10". Read
# strictly (as "Y, а не X") and only for the one-value fields (the system, the start): the new
# part must read as such a value or its number, so "не работает, пишет ошибку" corrects nothing.
_NOT_X_COMMA_Y = re.compile(
    rf"(?:^|[\s,.;])(?:не|not)\s+(?P<old>{_VALUE}?)\s*,\s*(?!(?:а|but|але)\s)(?P<new>{_VALUE})",
    _I,
)
# A start said with its preposition ("не со вчера, а с понедельника") corrects the one kept
# without it ("вчера").
_START_PREPOSITION = re.compile(r"^(?:с|со|з|із|зі|від|since|from)\s+(?=\w)", _I)
CORRECTION_CUE = re.compile(
    r"(?:^|\W)(?:точнее|вернее|поправка|я ошиб\w+|ошибся|ошиблась|не так|исправлю|"
    r"точніше|вірніше|я помилив\w*|помилилась|виправлю|"
    # the user stops themselves: "Windows 10, хотя стоп, … Windows 11 уже", "wait, no"
    r"хотя (?:стоп|нет|погодите|подождите|постойте)|хоча (?:стоп|ні|зачекайте)|"
    r"ой,? (?:нет|ні|не так)|"
    r"(?:wait|hold on),? (?:no|sorry|actually)|no,? wait|"
    r"actually|i mean|correction|sorry,? (?:it'?s|i meant)|i was wrong|my mistake|"
    # what the user meant: "ні. тобто з позавчора", "нет. то есть с позавчера", "no. I meant
    # since Monday", "meant to say Tuesday"
    r"тобто|то есть|i meant|meant to say)(?:\W|$)",
    _I,
)
# Fields that hold one value: said twice in one message across a cue, the later one stands.
_ONE_VALUE = ("os", "since")
# A repair said as a bare value with an apology or "no": "11, sorry", "ой, 11-я винда",
# "ні, 11", "oops, Outlook 2019". What is left after these words is the new value.
_REPAIR_WORDS = re.compile(
    r"(?:^|(?<=\W))(?:ой|ой-ой|упс|ой,? извините|извините|извиняюсь|прошу прощения|пардон|"
    r"простите|сорри|сорян|нет|ні|вибачте|вибачаюсь|перепрошую|пробачте|"
    r"sorry|oops|whoops|my bad|no|nope|pardon|excuse me)(?=\W|$)",
    _I,
)
# Words around a repaired value that add nothing to it: "ні, в мене одинадцята вінда",
# "нет, у меня 11-я", "no, it's Windows 11", "no, I'm on 14".
_HOLDER_WORDS = re.compile(
    r"(?:^|(?<=\W))(?:у меня|у мене|в мене|в меня|у нас|в нас|это|це|там|стоит|стоїть|"
    r"it'?s|it is|i have|i've got|we have|i'?m on|we'?re on|on)(?=\W|$)",
    _I,
)
_REPAIR_MAX_WORDS = 4  # "ой, 11-я винда" is a repair; a longer message is a new message
# A bare number or version: "11", "11-я", "8.3.24", "2019".
_BARE_NUMBER = re.compile(r"^(?P<num>\d+(?:\.\d+)*)(?:-?[а-яіїєґ]{1,3})?$", _I)
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)*(?![\w]|\.\d)")
_WORDS_LEFT = re.compile(r"[^\W\d_]{3,}")


def is_unknown(value: str) -> bool:
    """An answer that gives nothing: "не знаю", "don't know"."""
    return bool(_DONT_KNOW.match(value))


def corrections(fields: Mapping[str, str], text: str) -> dict[str, str]:
    """Fields whose earlier value `text` corrects, with their new values."""
    return _not_x_but_y(fields, text) or _repair(fields, text)


def repaired_in_message(text: str, found: Mapping[str, str]) -> dict[str, str]:
    """Values a message gives and then repairs itself, after a correction cue: "Outlook 2019
    на Windows 10, хотя стоп, комп же меняли — Windows 11 уже", "Windows 10 - sorry, it's
    Windows 11" (the extractors read the first, `found`): the field with its later value."""
    # "ні, не десятка, а одинадцята", "Стоит не Windows 10, а Windows 11": the value the
    # message gives is the one it says instead
    instead = _not_x_but_y({name: found[name] for name in _ONE_VALUE if found.get(name)}, text)
    cues = list(CORRECTION_CUE.finditer(text))
    if not cues:
        return instead
    said = extract_fields(text[cues[-1].start() :])
    out = {
        name: said[name]
        for name in _ONE_VALUE
        if said.get(name) and found.get(name) and said[name] != found[name]
    } | instead
    # a bare number right after the cue repairs the product's: "Latitude 5410, ой ні, 5420"
    head = re.split(r"[.;!?\n]", text[cues[-1].end() :], maxsplit=1)[0].strip(" ,–—-")
    bare = _BARE_NUMBER.match(head)
    product = found.get("product", "")
    numbers = list(_NUMBER.finditer(product))
    if bare and numbers and numbers[-1].group() != bare.group("num"):
        hit = numbers[-1]
        out["product"] = product[: hit.start()] + bare.group("num") + product[hit.end() :]
    return out


def only_corrects(text: str) -> bool:
    """Whether `text` says nothing besides a correction ("ой, не 10, а 11", "11, sorry")."""
    folded = fold(text)
    if not (_NOT_X_BUT_Y.search(folded) or _Y_NOT_X.search(folded)):
        return True  # a bare repair is all its message says
    rest = _Y_NOT_X.sub(" ", _NOT_X_COMMA_Y.sub(" ", _NOT_X_BUT_Y.sub(" ", folded)))
    return not _WORDS_LEFT.search(_HOLDER_WORDS.sub(" ", _REPAIR_WORDS.sub(" ", rest)))


def _not_x_but_y(fields: Mapping[str, str], text: str) -> dict[str, str]:
    """ "не X, а Y" and "Y, а не X": the field holding X, with X replaced by Y."""
    out: dict[str, str] = {}
    said = [(old, new, reversed_, CORRECTABLE) for old, new, reversed_ in _said_instead(text)]
    said += [
        (m.group("old").strip(), m.group("new").strip(), True, _ONE_VALUE)
        for m in _NOT_X_COMMA_Y.finditer(fold(text))
    ]
    for old, new, reversed_, names in said:
        # "не десятка, а Windows 11": a version said as a word is its number
        number = _VERSION_WORDS.get(old.casefold())
        wanted = rf"(?<![\w.]){number}(?![\w]|\.\d)" if number else re.escape(old)
        word = new if new.casefold() in _VERSION_WORDS else ""
        new = _VERSION_WORDS.get(new.casefold(), new)
        bare = _START_PREPOSITION.sub("", old) if not number else ""
        for name in names:
            value = fields.get(name, "")
            hit = re.search(rf"(?<!\w){wanted}(?!\w)", value, _I) if value else None
            if not hit and value and bare and bare != old and name == "since":
                hit = re.search(rf"(?<!\w){re.escape(bare)}(?!\w)", value, _I)
            if not hit and value and name == "since":
                hit = _same_day(old, new, value)  # "не в среду, а во вторник" of "со среды"
            if hit and name not in out:
                fixed = _replaced(name, value, hit, new, strict=reversed_)
                if fixed and name == "os":
                    fixed = _respelt(value, fixed, word)
                if fixed:
                    out[name] = fixed
                break
    return out


def _respelt(old: str, fixed: str, word: str) -> str:
    """The corrected system `fixed` without the user's spelling of the old one ("Windows 10
    (вінда 10)" corrected is not "Windows 11 (вінда 10)"); a version said as a `word` is the
    spelling of the new one ("Windows 11 (одинадцята)")."""
    spelling = " (" + old.partition(" (")[2] if " (" in old else ""
    if spelling and fixed.endswith(spelling):
        fixed = fixed[: -len(spelling)]
    return f"{fixed} ({word})" if word and " (" not in fixed else fixed


# Versions said as words, in the forms "не X" takes: "не десятка", "не десятку", "not ten".
_VERSION_WORDS: dict[str, str] = {
    **dict.fromkeys(("семерка", "семёрка", "семерку", "семёрку", "сімка", "сімку", "seven"), "7"),
    **dict.fromkeys(("восьмерка", "восьмерку", "вісімка", "вісімку", "eight"), "8"),
    **dict.fromkeys(("десятка", "десятку", "десятая", "десятой", "десятую", "десятий",
                     "десята", "десяту", "ten"), "10"),
    **dict.fromkeys(("одиннадцатая", "одиннадцатую", "одиннадцатой", "одинадцята",
                     "одинадцяту", "одинадцятий", "eleven"), "11"),
}  # fmt: skip


@lru_cache(maxsize=TEXTS_KEPT)
def _said_instead(text: str) -> tuple[tuple[str, str, bool], ...]:
    """Each "не X, а Y" (False) and "Y, а не X" (True) of `text`: (X, Y, which). Read from
    the text alone, so kept per text: every answer in a checklist is read for them."""
    folded = fold(text)
    said = [(m.group("old"), m.group("new"), False) for m in _NOT_X_BUT_Y.finditer(folded)]
    said += [(m.group("old"), m.group("new"), True) for m in _Y_NOT_X.finditer(folded)]
    return tuple((old.strip(), new.strip(), reversed_) for old, new, reversed_ in said)


def _replaced(name: str, value: str, hit: re.Match[str], new: str, *, strict: bool) -> str:
    """`value` with the part `hit` corrected to what `new` says, or "" when `new` does not
    read as such a value.

    `new` may carry more than the value ("It's Windows 10"): the field's own reading of it
    replaces the corrected part, else its last number replaces a number. Said the other way
    round ("Y, а не X", `strict`), nothing else counts: "пишет ошибку, не удается
    подключиться" repeats an error, it does not correct one.
    """
    own = extract_fields(new).get(name)
    day = _WEEKDAY.search(new) if name == "since" and not own else None
    if day and _WEEKDAY.fullmatch(hit.group()):
        # "I meant Monday, not Tuesday", "not Thursday, it was Wednesday": a weekday said bare
        # (no start alone) in place of the one kept: "since Tuesday" becomes "since Monday"
        return value[: hit.start()] + day.group() + value[hit.end() :]
    if day:
        return new[day.start() :] if _DAY_PREPOSITION.search(new[: day.start()]) else ""
    if own:
        if name not in _MANY_VALUES:
            return own
        parts = re.split(r"(; |, )", value)
        at = 0
        for n, part in enumerate(parts):
            if at <= hit.start() < at + len(part):
                parts[n] = own
                break
            at += len(part)
        return "".join(parts)
    numbers = _NUMBER.findall(new)
    inner = list(_NUMBER.finditer(hit.group()))
    if _NUMBER.fullmatch(hit.group()) and numbers:
        new = numbers[-1]
    elif inner and numbers and not _WORDS_LEFT.search(new):
        # "not Windows 10 but 11": the number said instead replaces the held one's
        last = inner[-1]
        new = hit.group()[: last.start()] + numbers[-1] + hit.group()[last.end() :]
    elif strict:
        return ""
    return value[: hit.start()] + new + value[hit.end() :]


# Weekdays, by their stems in Russian and Ukrainian ("среды", "в среду", "з середи"): a
# correction names the day in any case, the kept start in its own.
_WEEKDAY = re.compile(
    r"(?<![\w'])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"понедельник\w*|вторник\w*|сред[аыуе]|четверг\w*|пятниц\w*|суббот\w*|воскресень\w*|"
    r"понеділ\w*|вівтор\w*|серед[аиуі]|четвер\w*|п'ятниц\w*|субот\w*|неділ\w*)(?![\w'])",
    _I,
)
_DAY_STEMS = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "понедельник",
    "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень", "понеділ", "вівтор",
    "серед", "четвер", "п'ятниц", "субот", "неділ",
)  # fmt: skip
_BEFORE_A_DAY = r"(?:в|во|у|с|со|з|із|зі|від|since|from|on)\s+"
# A preposition before the new day makes it a start of its own: "во вторник", "з вівторка".
_DAY_PREPOSITION = re.compile(rf"(?<![\w']){_BEFORE_A_DAY}$", _I)
# A day said alone, with or without its preposition: "в среду", "з середи", "Tuesday".
_DAY_ALONE = re.compile(rf"(?:{_BEFORE_A_DAY})?(?P<day>{_WEEKDAY.pattern})", _I)


def _stem(day: str) -> str:
    return next((s for s in _DAY_STEMS if fold(day).lower().startswith(s)), "")


def _same_day(old: str, new: str, value: str) -> re.Match[str] | None:
    """The weekday of `value` that the corrected `old` names in another case ("в среду" is
    the day of "со среды"), when `old` is a day alone and `new` names one: "не отримує листів
    з понеділка, а мої листи йдуть нормально" corrects no day."""
    said = _DAY_ALONE.fullmatch(old)
    stem = _stem(said.group("day")) if said and _WEEKDAY.search(new) else ""
    if not stem:
        return None
    return next((m for m in _WEEKDAY.finditer(value) if _stem(m.group()) == stem), None)


# Fields that may hold several values ("Outlook, Excel"): a correction replaces its part.
_MANY_VALUES = frozenset({"product", "error"})


def _repair(fields: Mapping[str, str], text: str) -> dict[str, str]:
    """Fields a bare repair ("11, sorry", "ой, 11-я винда") corrects, with their new value.

    The message is an apology or "no" around a value and nothing else. A value an extractor
    reads replaces the field it belongs to when that field already holds something else; a
    bare number replaces the number in the first field (os, product, since, error) that has one.
    """
    value = _REPAIR_WORDS.sub(" ", text)
    if value == text:
        return {}
    value = _HOLDER_WORDS.sub(" ", value)
    value = re.sub(r"[\s,.;!?()…-]+$|^[\s,.;!?()…-]+", "", re.sub(r"\s+", " ", value))
    if not value or len(value.split()) > _REPAIR_MAX_WORDS:
        return {}
    out = {
        name: new
        for name, new in extract_fields(value).items()
        if name in CORRECTABLE
        and fields.get(name, "").strip()
        and not is_unknown(fields[name])
        # "Outlook" (or "аутлук") does not undo "Outlook 16"
        and named(new) not in fields[name].casefold()
        and len(value.split()) <= len(new.split()) + 1  # the value and little else
    }
    bare = _BARE_NUMBER.match(value)
    if out or not bare:
        return out
    for name in CORRECTABLE:
        old = fields.get(name, "")
        numbers = list(_NUMBER.finditer(old)) if not is_unknown(old) else []
        if numbers:
            hit = numbers[-1]
            if hit.group() != bare.group("num"):
                return {name: old[: hit.start()] + bare.group("num") + old[hit.end() :]}
            return {}
    return {}


def named(value: str) -> str:
    """What a value names, without the user's own spelling in brackets ("Outlook (аутлук)")."""
    return value.split(" (")[0].lower()


__all__ = [
    "CORRECTABLE",
    "CORRECTION_CUE",
    "corrections",
    "is_unknown",
    "named",
    "only_corrects",
    "repaired_in_message",
]
