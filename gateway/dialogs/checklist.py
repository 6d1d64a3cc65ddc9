"""The first-line checklist as a slot filler over the whole conversation.

Fields are `CHECKLIST_FIELDS` (problem, tried, error, product, os, since). Every user
message (the first one, each answer, the reply to "did it help?") updates every field it
speaks to; each field remembers where its value came from. A correction ("нет, не 10, а
11", "actually it's Windows 11") replaces the earlier value. Only what is still missing
is asked, and the question is phrased for what is already known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass

from gateway.dialogs.extract import extract_fields
from gateway.dialogs.extract.words import fold
from gateway.models import CHECKLIST_FIELDS
from gateway.texts import Texts

_I = re.IGNORECASE

# Fields that gather every new mention; the others keep one value unless corrected.
ACCUMULATING = frozenset({"tried", "error", "product"})
# Fields a "не X, а Y" correction is looked for in, most specific first; what was tried is
# the user's own words and is never rewritten.
CORRECTABLE: tuple[str, ...] = ("os", "product", "since", "error")
# What a person needs most when the user has no patience for a full checklist.
IMPATIENT_ORDER: tuple[str, ...] = ("problem", "product", "error", "since", "os", "tried")

_DONT_KNOW = re.compile(
    r"^\W*(?:не знаю|не помню|без понятия|хз|не пам'ятаю|не в курсі|гадки не маю|"
    r"don'?t know|no idea|not sure|dunno|idk)\W*$",
    _I,
)
# "нет, не 10, а 11", "не Outlook, а Thunderbird", "not 10 but 11", "ні, не вчора, а позавчора"
_NOT_X_BUT_Y = re.compile(
    r"(?:^|[\s,.;])(?:не|not)\s+(?P<old>[^,;.!?]{1,40}?)\s*,?\s*(?:а|but|але)\s+(?P<new>[^,;.!?]{1,40})",
    _I,
)
_CORRECTION_CUE = re.compile(
    r"(?:^|\W)(?:точнее|вернее|поправка|я ошиб\w+|ошибся|ошиблась|не так|исправлю|"
    r"точніше|вірніше|я помилив\w*|помилилась|виправлю|"
    r"actually|i mean|correction|sorry,? (?:it'?s|i meant)|i was wrong|my mistake)(?:\W|$)",
    _I,
)
# A repair said as a bare value with an apology or "no": "11, sorry", "ой, 11-я винда",
# "ні, 11", "oops, Outlook 2019". What is left after these words is the new value.
_REPAIR_WORDS = re.compile(
    r"(?:^|(?<=\W))(?:ой|ой-ой|упс|ой,? извините|извините|извиняюсь|прошу прощения|пардон|"
    r"простите|сорри|сорян|нет|ні|вибачте|вибачаюсь|перепрошую|пробачте|"
    r"sorry|oops|whoops|my bad|no|nope|pardon|excuse me)(?=\W|$)",
    _I,
)
_REPAIR_MAX_WORDS = 4  # "ой, 11-я винда" is a repair; a longer message is a new message
# A bare number or version: "11", "11-я", "8.3.24", "2019".
_BARE_NUMBER = re.compile(r"^(?P<num>\d+(?:\.\d+)*)(?:-?[а-яіїєґ]{1,3})?$", _I)
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)*(?![\w]|\.\d)")
# Device words that let a question name the thing: "Какая модель у принтера?".
DEVICES: tuple[tuple[str, str], ...] = (
    (r"принтер\w*|printer\w*|мфу|бфп", "принтер|принтер|printer"),
    (r"сканер\w*|scanner\w*", "сканер|сканер|scanner"),
    (r"ноут\w*|laptop\w*|notebook", "ноутбук|ноутбук|laptop"),
    (r"монитор\w*|монітор\w*|monitor\w*|screen", "монитор|монітор|monitor"),
    (r"табло|display board|departure board", "табло|табло|display board"),
    (
        r"касс\w*|кас[аиіу]|касов\w+ апарат\w*|cash register\w*|till|pos terminal|рро|прро",
        "касса|каса|cash register",
    ),
    (r"телефон\w*|смартфон\w*|phone|iphone|айфон\w*", "телефон|телефон|phone"),
    (r"роутер\w*|маршрутизатор\w*|router", "роутер|роутер|router"),
    (r"наушник\w*|навушник\w*|headset|headphones", "гарнитура|гарнітура|headset"),
    (r"камер\w*|webcam|camera", "камера|камера|camera"),
    (r"клавиатур\w*|клавіатур\w*|keyboard", "клавиатура|клавіатура|keyboard"),
    (r"мыш\w*|миш\w*|mouse", "мышь|миша|mouse"),
    (
        r"компьютер\w*|комп'ютер\w*|комп\b|пк\b|computer|\bpc\b|desktop",
        "компьютер|комп'ютер|computer",
    ),
    (r"терминал\w*|термінал\w*|terminal", "терминал|термінал|terminal"),
)  # fmt: skip  (pattern, "ru|uk|en" name)
_DEVICE_PATTERNS = tuple(
    (
        re.compile(rf"(?<!\w)(?:{p})", _I),
        dict(zip(("ru", "uk", "en"), names.split("|"), strict=True)),
    )
    for p, names in DEVICES
)


@dataclass(frozen=True)
class Question:
    """One checklist question, phrased for what is already known."""

    field: str
    text: str


def fill(
    fields: MutableMapping[str, str],
    sources: MutableMapping[str, str],
    text: str,
    source: str,
    *,
    answering: str = "",
) -> list[str]:
    """Update every field `text` speaks to; the names of the fields that changed.

    `answering` is the field just asked: it takes the whole answer as written. Other
    fields take what the extractors find: accumulating ones gather new parts, the rest
    fill only when empty or unknown, and a correction replaces what it corrects.
    """
    changed: list[str] = []

    def put(name: str, value: str, how: str) -> None:
        if value and fields.get(name) != value:
            fields[name] = value
            sources[name] = how
            changed.append(name)

    text = text.strip()
    if not text:
        return changed
    corrected = _apply_correction(fields, text) or _apply_repair(fields, text)
    for name, value in corrected.items():
        put(name, value, f"{source} (correction)")
    # a bare repair ("ой, 11", "нет, не 10, а 11") is not the answer to the question asked
    repaired = bool(corrected) and (
        not _NOT_X_BUT_Y.search(fold(text)) or not _WORDS_LEFT.search(_without_correction(text))
    )
    found = extract_fields(text)
    if answering and not repaired:
        # "sorry, I meant Windows 11, and I restarted Outlook" answers "tried" with its own
        # part; an answer that speaks to nothing else is kept as written
        own, others = found.get(answering), [n for n in found if n != answering]
        put(answering, own if own and others else text, source)
    correcting = bool(_CORRECTION_CUE.search(text))
    for name, value in found.items():
        if name == answering or name in corrected:
            continue
        old = fields.get(name, "").strip()
        if not old or is_unknown(old) or (correcting and name not in ACCUMULATING):
            put(name, value, f"{source} (correction)" if old and correcting else source)
        elif name in ACCUMULATING:
            put(name, _merge(old, value), source)
    return changed


def is_unknown(value: str) -> bool:
    """An answer that gives nothing: "не знаю", "don't know"."""
    return bool(_DONT_KNOW.match(value))


def missing_fields(fields: Mapping[str, str], skip: Iterable[str] = ()) -> list[str]:
    """Checklist fields still without an answer, in the order they are asked."""
    skipped = set(skip)
    return [f for f in CHECKLIST_FIELDS if not fields.get(f, "").strip() and f not in skipped]


def next_fields(fields: Mapping[str, str], impatient: bool, asked: Iterable[str] = ()) -> list[str]:
    """What to ask next, in order: the usual order, or what a person needs most."""
    missing = missing_fields(fields, skip=asked)
    if impatient:
        return [f for f in IMPATIENT_ORDER if f in missing]
    return missing


def question(field: str, fields: Mapping[str, str], texts: Texts, lang: str) -> Question:
    """The question for `field`, naming what the user already said when that helps."""
    product = _first(fields.get("product", "")).split(" (")[0]  # "Zoom (зум)" asks of Zoom
    device = device_name(fields.get("problem", ""), lang)
    subject = product  # names read the same in any case; "с принтер" would not
    error = _first(fields.get("error", ""), sep=";")
    if field == "product" and device:
        return Question(field, texts.get(lang, "ask_product_for_device", device=device))
    if field in ("tried", "error", "os") and subject:
        return Question(field, texts.get(lang, f"ask_{field}_for", subject=subject))
    if field == "since" and error and len(error) <= 60:
        return Question(field, texts.get(lang, "ask_since_for_error", error=error))
    if field == "since" and subject:
        return Question(field, texts.get(lang, "ask_since_for", subject=subject))
    return Question(field, texts.get(lang, f"ask_{field}"))


def open_questions(
    fields: Mapping[str, str], texts: Texts, lang: str, skip: Iterable[str] = ()
) -> list[Question]:
    """Every question still open, phrased for what is known (e.g. for one e-mail reply)."""
    return [question(f, fields, texts, lang) for f in missing_fields(fields, skip)]


def device_name(text: str, lang: str) -> str:
    """The kind of device `text` is about, named in `lang` ("принтер", "cash register")."""
    text = fold(text)
    for pattern, names in _DEVICE_PATTERNS:
        if pattern.search(text):
            return names.get(lang, names["en"])
    return ""


def _apply_correction(fields: Mapping[str, str], text: str) -> dict[str, str]:
    """Fields whose value held what "не X, а Y" corrects, with X replaced by Y."""
    out: dict[str, str] = {}
    for found in _NOT_X_BUT_Y.finditer(fold(text)):
        old, new = found.group("old").strip(), found.group("new").strip()
        for name in CORRECTABLE:
            value = fields.get(name, "")
            hit = re.search(rf"(?<!\w){re.escape(old)}(?!\w)", value, _I) if value else None
            if hit:
                out[name] = value[: hit.start()] + new + value[hit.end() :]
                break
    return out


_WORDS_LEFT = re.compile(r"[^\W\d_]{3,}")


def _without_correction(text: str) -> str:
    """What a message says besides its "не X, а Y" and the "no"/"sorry" around it."""
    return _REPAIR_WORDS.sub(" ", _NOT_X_BUT_Y.sub(" ", fold(text)))


def _apply_repair(fields: Mapping[str, str], text: str) -> dict[str, str]:
    """Fields a bare repair ("11, sorry", "ой, 11-я винда") corrects, with their new value.

    The message is an apology or "no" around a value and nothing else. A value an extractor
    reads replaces the field it belongs to when that field already holds something else; a
    bare number replaces the number in the first field (os, product, since, error) that has one.
    """
    value = _REPAIR_WORDS.sub(" ", text)
    if value == text:
        return {}
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
        and _named(new) not in fields[name].casefold()
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


def _merge(old: str, new: str) -> str:
    """`old` with the parts of `new` it lacks; a fuller part ("1С 8.3") replaces its stem."""
    parts = [p.strip() for p in re.split(r";|, ", old) if p.strip()]
    for part in (p.strip() for p in re.split(r";|, ", new) if p.strip()):
        if any(_named(part) in _named(q) for q in parts):
            continue  # "Outlook (аутлук)" after "Outlook": the same name, spelt another way
        shorter = [q for q in parts if _named(part).startswith(_named(q))]
        parts = [q for q in parts if q not in shorter] + [part]
    sep = ", " if ", " in old and ";" not in old else "; "
    return sep.join(parts)


def _named(part: str) -> str:
    """What a value names, without the user's own spelling in brackets."""
    return part.split(" (")[0].lower()


def _first(value: str, sep: str = ",") -> str:
    return value.split(sep)[0].strip() if value and not is_unknown(value) else ""


__all__ = [
    "IMPATIENT_ORDER",
    "Question",
    "device_name",
    "extract_fields",
    "fill",
    "is_unknown",
    "missing_fields",
    "next_fields",
    "open_questions",
    "question",
]
