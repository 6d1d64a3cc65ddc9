"""The first-line checklist as a slot filler over the whole conversation.

Fields are `CHECKLIST_FIELDS` (problem, tried, error, product, os, since). Every user
message (the first one, each answer, the reply to "did it help?") updates every field it
speaks to; each field remembers where its value came from. A correction ("нет, не 10, а
11", "actually it's Windows 11") replaces the earlier value. Only what is still missing
is asked, and the question is phrased for what is already known. Corrections are read in
`gateway.dialogs.corrections`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from functools import lru_cache

from gateway.dialogs.answers import says_only_no
from gateway.dialogs.corrections import (
    CORRECTION_CUE,
    DONT_KNOW,
    corrections,
    is_unknown,
    named,
    only_corrects,
    repaired_in_message,
)
from gateway.dialogs.extract import errors, extract_fields, read_head, since
from gateway.dialogs.extract.product import extract_all, listed
from gateway.dialogs.extract.words import TEXTS_KEPT, fold, word_at
from gateway.knowledge.vocabulary import PRINTER_SERIES_WORDS
from gateway.models import CHECKLIST_FIELDS, FOLDER_FIELD
from gateway.texts import Texts
from gateway.triage.phrases import SCREEN_QUOTE

_I = re.IGNORECASE

# Fields whose answer names a thing or a time: a bare "no" ("нет", "ні, не допомогло", "nope")
# typed at one is the reply to "did it help?" sent before the question was read, or a refusal,
# never a program, a system or a start (frozen37's ticket named the product 'нет, не помогло').
# A "no" to what was tried or what the screen says is an answer: nothing tried, no message.
_NAMED_FIELDS = frozenset({"product", "os", "since"})
# Fields that gather every new mention; the others keep one value unless corrected.
ACCUMULATING = frozenset({"tried", "error", "product"})
# A product named in a question at most this long ("Outlook 365", "МИС"); a longer answer
# describes the thing rather than naming it.
SUBJECT_WORDS, SUBJECT_CHARS = 3, 30
# What a person needs most when the user has no patience for a full checklist.
IMPATIENT_ORDER: tuple[str, ...] = ("problem", "product", "error", "since", "os", "tried")
# ... and when work has stopped: the specialist must not repeat what was already done, and the
# system of one machine rarely matters when many are stopped, so "what did you try" comes
# before the OS.
URGENT_ORDER: tuple[str, ...] = ("problem", "product", "error", "since", "tried", "os")

# Words around a fact that answer nothing themselves: "а, вспомнил, пишет 0x80070005" answers
# the error, not the OS that was asked; "кстати, с понедельника" answers "since"; "стоит
# Windows 7, и с пятницы так", typed before the question on the error was read, answers none.
_FILLER = re.compile(
    r"(?:^|(?<=\W))(?:а|и|і|й|ой|ага|да|так|ну|вот|ось|кстати|до речі|еще|ещё|ще|также|також|"
    r"тоже|теж|вспомнил\w*|згадал\w*|згадав|забыл\w* сказать|забув\w* сказати|вроде|наче|"
    r"кажется|здається|наверное|мабуть|примерно|приблизно|точнее|вернее|точніше|вірніше|"
    r"это|це|у меня|у мене|в мене|у нас|в нас|там|пишет|пише|стоит|стоят|стоїть|стоять|"
    r"установлен\w*|встановлен\w*|installed|running|runs|we have|"
    r"and|also|oh|ah|well|so|yes|yeah|btw|"
    r"by the way|i think|maybe|probably|actually|i mean|it'?s|it says|says|on|it)(?=\W|$)",
    _I,
)
# "не знаю, с понедельника вроде": the asked field is not known, another one is.
_DONT_KNOW_FIRST = re.compile(rf"^\W*{DONT_KNOW}(?!\w)", _I)
# A whole answer that says there is none: "немає", "нету", "none", "nothing at all".
_NONE_SAID = re.compile(
    r"^\W*(?:нет|нету|ні|нi|немає|немае|нема|ничего|нічого|никак\w*|ніяк\w*|жодн\w*|"
    r"не было|не було|none|nope|no|nothing|nada|n/?a)(?:\s+(?:совсем|вообще|зовсім|взагалі|"
    r"at all|whatsoever))?\W*$",
    _I,
)
# A detail of the product said on its own: "модель M404dn", "версия 2019", "version 16.0".
_PRODUCT_DETAIL = re.compile(
    r"(?<!\w)(?:модель|модели|модел[ьі]|model|версия|версии|версія|версії|version|ver\.?)\s*:?\s*(?P<detail>[\w][\w.-]*\d[\w.-]*|\d[\w.-]*)",
    _I,
)
# An OS named right before "version": "Windows 10 version 22H2", "macOS версия 14".
_OS_BEFORE = re.compile(
    r"(?:win\w*|mac\w*|ios|android|linux|ubuntu|винд\w*|вінд\w*)[^,.;:!?]{0,12}$", _I
)
# A printer's series names a printer ("HP LaserJet M404"): the matcher's words, written
# normalised ("isensys" is "i-SENSYS" as typed).
_PRINTER_SERIES = "|".join(sorted(PRINTER_SERIES_WORDS)).replace("isensys", "i-?sensys")
# Device words that let a question name the thing: "Какая модель у принтера?".
DEVICES: tuple[tuple[str, str], ...] = (
    (rf"принтер\w*|printer\w*|мфу|бфп|{_PRINTER_SERIES}", "принтер|принтер|printer"),
    (r"сканер\w*|scanner\w*", "сканер|сканер|scanner"),
    (r"ноут\w*|laptop\w*|notebook", "ноутбук|ноутбук|laptop"),
    (r"монитор\w*|монітор\w*|monitor\w*|screen", "монитор|монітор|monitor"),
    (
        r"табло|(?:display|departures?|arrivals?|flight|timetable|schedule|queue) boards?",
        "табло|табло|display board",
    ),
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
# Devices with a screen or a panel of their own that shows codes and messages: the error is
# asked of what the device shows ("Что показывает принтер: …"); a computer's, a keyboard's
# or a mouse's is asked as before.
SHOWS_MESSAGES = frozenset(
    {"printer", "scanner", "monitor", "display board", "cash register", "phone", "router",
     "terminal"}
)  # fmt: skip
# Devices with no operating system of their own that the user knows: the OS asked about is
# the computer's they use it from ("На якій ОС працює HP LaserJet?" asks nothing sensible).
PERIPHERALS = frozenset(
    {"printer", "scanner", "monitor", "display board", "headset", "camera", "keyboard", "mouse",
     "router"}
)  # fmt: skip
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

    `answering` is the field just asked: it takes its own part of the answer, or the whole
    answer when that speaks to nothing else; an answer that only gives other fields' facts
    leaves it open. Other fields take what the extractors find: accumulating ones gather new
    parts, the rest fill only when empty or unknown, a correction replaces what it corrects,
    and a model or version said alone completes the product named before.
    """
    changed: list[str] = []

    def put(name: str, value: str, how: str) -> None:
        if value and fields.get(name) != value:
            fields[name] = value
            sources[name] = how
            if name != FOLDER_FIELD:  # kept for an access problem's product, no ticket field
                changed.append(name)

    text = text.strip()
    if not text:
        return changed
    corrected = corrections(fields, text)
    for name, value in corrected.items():
        put(name, value, f"{source} (correction)")
    # a bare repair ("ой, 11", "нет, не 10, а 11") is not the answer to the question asked
    repaired = bool(corrected) and only_corrects(text)
    found = extract_fields(text)
    found.update(repaired_in_message(text, found))
    detail, said = _product_detail(fields, text, found) if answering != "product" else ("", "")
    if detail:
        found["product"] = detail
    if answering and not repaired:
        answer = _own_answer(answering, text, found, said)
        if _says_nothing_new(answer, fields.get(answering, ""), found.get(answering)):
            answer = ""  # "не знаю" to "which version of Chrome?": Chrome stays
        if answering in _NAMED_FIELDS and says_only_no(text):
            answer = ""  # "нет, не помогло" at "which program?": the reply to "did it help?"
        if answer:
            put(answering, answer, source)
    correcting = bool(CORRECTION_CUE.search(text))
    for name, value in found.items():
        if name == answering or name in corrected:
            continue
        old = fields.get(name, "").strip()
        if not old or is_unknown(old) or (correcting and name not in ACCUMULATING):
            put(name, value, f"{source} (correction)" if old and correcting else source)
        elif name == "os" and _refines(old, value):
            put(name, value, source)  # "винда", then "Windows 11 23H2": the same, said fuller
        elif name == "since" and since.exactness(value) > _start_rank(old, fields):
            put(name, _sharper_since(old, value), source)
        elif name == "product":
            # another name said in passing ("tried Edge as well" after "Chrome") joins the
            # product but does not make it one named in passing: where it came from stays
            put(name, _merge(old, value, ", "), sources.get(name) or source)
        elif name in ACCUMULATING:
            put(name, _merge(old, value, ""), source)
    return changed


# Topics whose product is the shared folder named: a request for access to one, or
# access to one denied (the engineer needs which share as they need a program's name).
ACCESS_TOPICS = frozenset({"new_access_request", "shared_drive_access"})


def folder_as_product(
    fields: MutableMapping[str, str], sources: MutableMapping[str, str], topic: str
) -> None:
    """For an access topic with no product given, the folder named is the product: "папка
    passes на сервере", "\\\\fs02\\plan" are not asked again. Elsewhere a folder stays where
    a file was ("файл лежал в папке Загрузки"), no product."""
    old = fields.get("product", "").strip()
    folder = fields.get(FOLDER_FIELD, "")
    if topic in ACCESS_TOPICS and folder and (not old or is_unknown(old)):
        fields["product"] = folder
        sources["product"] = sources.get(FOLDER_FIELD, "")


def missing_fields(fields: Mapping[str, str], skip: Iterable[str] = ()) -> list[str]:
    """Checklist fields still without an answer, in the order they are asked."""
    skipped = set(skip)
    return [f for f in CHECKLIST_FIELDS if not fields.get(f, "").strip() and f not in skipped]


def next_fields(
    fields: Mapping[str, str],
    impatient: bool,
    asked: Iterable[str] = (),
    sources: Mapping[str, str] | None = None,
    *,
    urgent: bool = False,
) -> list[str]:
    """What to ask next, in order: the usual order, or what a person needs most (`urgent`:
    for a stop of work, `URGENT_ORDER`). A product
    named only in passing, in the answer to another question, without a version or model
    ("перезапускала аутлук" to "what did you try?") is still asked: for its version."""
    asked = list(asked)
    missing = missing_fields(fields, skip=asked)
    if "product" not in asked and _named_in_passing(fields, sources or {}):
        missing = [f for f in CHECKLIST_FIELDS if f in missing or f == "product"]
    if impatient:
        order = URGENT_ORDER if urgent else IMPATIENT_ORDER
        return [f for f in order if f in missing]
    return missing


def _named_in_passing(fields: Mapping[str, str], sources: Mapping[str, str]) -> bool:
    """Whether the product is a bare name (no version, no model) the user gave while
    answering another question, said in passing: inside what they tried ("перезапускала
    аутлук" names the program it was tried on, not which version of it runs), or as no
    program the lists know ("кассовая программа пишет «…»": which one is still asked). A
    program the lists know said as what fails or shows the message ("Chrome says
    NET::ERR_CERT…", "пишет …, в Chrome") or as what it is ("sorry, it's actually Excel") is
    the product given."""
    source = sources.get("product", "")
    product = fields.get("product", "")
    return (
        source.startswith("answer to ")
        and source != "answer to product"
        and bool(product)
        and not re.search(r"\d", product)
        and not _given_outside_attempts(product, fields.get("tried", ""))
    )


def _given_outside_attempts(product: str, tried: str) -> bool:
    """Whether each name of `product` ("Chrome, Edge"; "Outlook (аутлук)": the name read and
    the words typed) is a program the lists know, and one of them is said outside what was
    tried."""
    attempts = tried.casefold()
    spellings = [name.split(" (") for name in product.replace(")", "").split(", ")]
    return all(listed(said[0]) for said in spellings) and not all(
        any(word_at(attempts, one.strip().casefold()) >= 0 for one in said) for said in spellings
    )


# The network itself named as what is out: the internet, the (local) network ("the whole
# office has no internet", "в усьому цеху зникла мережа", "нет сети"); not a network drive,
# folder or printer, nor a chain of shops ("во всех аптеках сети", "салони мережі": the
# genitive only after a word of lacking). A Wi-Fi that laptops cannot join has an access
# point to name, and the laptops: it is asked as before.
_NETWORK_NAMED = re.compile(
    r"(?<!\w)(?:интернет\w*|інтернет\w*|инет\w*|інет\w*|internet|"
    r"network(?!\s+(?:drives?|folders?|shares?|printers?|disks?|paths?|cards?))|lan|"
    r"сеть|сетью|мережа|мережу|мережею|"
    r"(?:нет|нету|без|немає|нема|немa|no)\s+(?:сети|мережі))(?!\w)",
    _I,
)
# … and where the Wi-Fi is named, the network is the Wi-Fi's ("can't get on the Wi-Fi …
# forgot the network on two laptops").
_WIFI_NAMED = re.compile(r"(?<!\w)(?:wi-?fi|wlan|вай-?фа\w*|вифи|wireless)(?!\w)", _I)
# Devices that are the thing failing even where the network is named ("the network printer
# is offline for everyone"): its model is still asked.
_NOT_NETWORK_DEVICES = frozenset(
    {"printer", "scanner", "monitor", "display board", "cash register", "headset", "camera",
     "keyboard", "mouse"}
)  # fmt: skip


def network_is_out(problem: str) -> bool:
    """Whether the problem names the network itself as what is out, and no other device: a
    network outage has no program or device for the user to name (its product question,
    "which program or device?", is not asked when many are stopped by it)."""
    # what the screen says, quoted, names none ("laptops say 'Can't connect to this network'")
    said = SCREEN_QUOTE.sub(" ", problem)
    if not _NETWORK_NAMED.search(said) or _WIFI_NAMED.search(said):
        return False
    return device_name(problem, "en") not in _NOT_NETWORK_DEVICES


def question(field: str, fields: Mapping[str, str], texts: Texts, lang: str) -> Question:
    """The question for `field`, naming what the user already said when that helps (the
    device, product and error are read from the fields' text alone: kept per text, as a
    checklist asks one question after another about the same product)."""
    problem = read_head(fields.get("problem", ""))  # a letter's log is no device
    device = device_name(problem, lang)
    subject = _subject(fields.get("product", ""))  # a name reads the same in any case
    error = _screen_says(fields.get("error", ""))
    if field == "product" and subject:
        return Question(field, texts.get(lang, "ask_product_version_for", subject=subject))
    if field == "product" and device:
        return Question(field, texts.get(lang, "ask_product_for_device", device=device))
    if field == "os" and PERIPHERALS & {
        device_name(subject, "en"),
        device_name(problem, "en"),
    }:
        return Question(field, texts.get(lang, "ask_os_computer"))
    if field == "error" and mentions_an_error(problem):
        return Question(field, texts.get(lang, "ask_error_text"))  # its words, not whether
    if field in ("tried", "error", "os") and subject:
        return Question(field, texts.get(lang, f"ask_{field}_for", subject=subject))
    if field == "error" and device_name(problem, "en") in SHOWS_MESSAGES:
        return Question(field, texts.get(lang, "ask_error_for_device", device=device))
    if field == "since" and error:
        return Question(field, texts.get(lang, "ask_since_for_error", error=error))
    if field == "since" and subject:
        return Question(field, texts.get(lang, "ask_since_for", subject=subject))
    return Question(field, texts.get(lang, f"ask_{field}"))


# The user said an error shows without its words ("выскакивает какая-то ошибка", "Outlook
# throws an error when I send"): the question asks what it says, not whether there is one.
# "по ошибке", "помилково", "by mistake" say how a thing happened.
_ERROR_MENTIONED = re.compile(
    r"(?<!\w)(?<!по )(?:ошибк\w*|ошибок|помилк\w*|errors?|error message|warnings?|"
    r"предупреждени\w*|попередженн\w*)(?!\w)",
    _I,
)


def mentions_an_error(text: str) -> bool:
    """Whether `text` says an error shows, with or without its words ("выскакивает какая-то
    ошибка", "та сама помилка", "the same error"; not "по ошибке")."""
    return bool(_ERROR_MENTIONED.search(fold(text)))


@lru_cache(maxsize=TEXTS_KEPT)
def _subject(product: str) -> str:
    """The product a question can name: "Zoom" of "Zoom (зум)", the name the extractors read
    in an answer ("HP LaserJet 1020" of "HP LaserJet 1020 в бухгалтерии"), a short answer as
    written; not a long description ("общий диск P: на сервере fs02" runs on no system)."""
    first = _first(product).split(" (")[0]
    if not first:
        return ""
    names = extract_all(first)
    if names:
        return names[0].split(" (")[0]
    return first if len(first.split()) <= SUBJECT_WORDS and len(first) <= SUBJECT_CHARS else ""


@lru_cache(maxsize=TEXTS_KEPT)
def _screen_says(error: str) -> str:
    """What the screen shows, for "since when has «…» appeared?": the code or message the
    extractors read in the error field, else the short answer as typed; never "ошибок нет"."""
    first = _first(error, sep=";")
    said = (_first(errors.extract(first), sep=";") if first else "") or first
    if (
        not said
        or errors.says_no_error(said)
        or _NONE_SAID.match(said)
        or len(said) > SUBJECT_CHARS * 2
    ):
        return ""
    return said


def open_questions(
    fields: Mapping[str, str], texts: Texts, lang: str, skip: Iterable[str] = ()
) -> list[Question]:
    """Every question still open, phrased for what is known (e.g. for one e-mail reply)."""
    return [question(f, fields, texts, lang) for f in missing_fields(fields, skip)]


@lru_cache(maxsize=TEXTS_KEPT)
def device_name(text: str, lang: str) -> str:
    """The kind of device `text` is about, named in `lang` ("принтер", "cash register").

    A device named after "на", "в", "at", "on" is where the thing that fails stands: in
    "сломалась мышка на кассе" the mouse is asked about, not the till. The first device
    named as a subject wins; with none, the first device word of the list."""
    text = fold(text)
    named: list[tuple[int, dict[str, str]]] = []
    for pattern, names in _DEVICE_PATTERNS:
        for found in pattern.finditer(text):
            if not _WHERE_BEFORE.search(text[: found.start()]):
                named.append((found.start(), names))
    if named:
        names = min(named, key=lambda pair: pair[0])[1]
        return names.get(lang, names["en"])
    for pattern, names in _DEVICE_PATTERNS:
        if pattern.search(text):
            return names.get(lang, names["en"])
    return ""


# A place preposition right before a device word: "на кассе", "у касі", "at the till"
_WHERE_BEFORE = re.compile(
    r"(?<!\w)(?:на|в|во|у|біля|возле|около|at|on|by|in)\s+(?:the\s+|a\s+|our\s+|my\s+|"
    r"\w+\s+)?$",
    _I,
)


def _own_answer(field: str, text: str, found: Mapping[str, str], said: str = "") -> str:
    """What of the answer `text` answers the question asked about `field`.

    "actually it started on Tuesday, I rebooted" answers "tried" with its own part; an answer
    that speaks to nothing else is kept as written. One that only gives other facts
    ("вчора" to "what did you try?", "а, вспомнил, пишет 0x80070005" to the OS) answers
    nothing asked: the field stays open, never filled with another field's fact.
    """
    own, others = found.get(field), [v for n, v in found.items() if n != field]
    if field == "problem" or not (others or said):
        return text
    if own:
        return own
    rest = fold(text.replace(said, " ") if said else text)
    for value in others:
        # "Windows 10 (віндовс 10)": the name read and, in brackets, the words typed
        for part in [*re.split(r"; |, ", value), *re.findall(r"\(([^()]+)\)", value)]:
            rest = re.sub(re.escape(fold(part)), " ", rest, flags=_I)
    if found.get("product"):
        # "ноут асус, винда 11" to "what error?": the device's word goes with its maker's name
        for pattern, _ in _DEVICE_PATTERNS:
            rest = pattern.sub(" ", rest)
    if re.search(r"[^\W\d_]{2,}", _FILLER.sub(" ", rest)):
        unknown = _DONT_KNOW_FIRST.match(text)
        return unknown.group(0).strip(" ,.;") if unknown else text
    return ""


def _says_nothing_new(answer: str, known: str, own: str | None) -> bool:
    """Whether an answer to a field already known only says the user does not know more
    ("не знаю", "не пам'ятаю, він старий", "no idea" to "which version of Chrome?"): what is
    known stays. An answer with a value of its own ("не знаю, вроде 120") still counts."""
    known = known.strip()
    return (
        bool(answer and known)
        and not is_unknown(known)
        and not own
        and bool(_DONT_KNOW_FIRST.match(answer))
        and not re.search(r"\d", answer)
    )


def _product_detail(
    fields: Mapping[str, str], text: str, found: Mapping[str, str]
) -> tuple[str, str]:
    """A model or version said on its own, added to the product already named: "модель
    M404dn" after "HP LaserJet" gives "HP LaserJet M404dn". Also what of `text` said it."""
    said = _PRODUCT_DETAIL.search(fold(text))
    if not said or found.get("product"):
        return "", ""
    if found.get("os") and _OS_BEFORE.search(text[: said.start()]):
        return "", ""  # "Windows 10 version 22H2" is the system's
    spoken = text[said.start() : said.end()]
    known = fields.get("product", "").strip()
    detail = said.group("detail")
    if not known or is_unknown(known):
        return spoken, spoken
    if detail.casefold() in known.casefold():
        return "", spoken
    first, _, others = known.partition(", ")
    return f"{first} {detail}" + (f", {others}" if others else ""), spoken


def _merge(old: str, new: str, sep: str = "") -> str:
    """`old` with the parts of `new` it lacks; a fuller part ("1С 8.3") replaces its stem.

    Parts are joined with `sep`, else the way `old` joins them: products are listed with
    ", " ("Excel, Office"), attempts and messages with "; " (they may hold commas)."""
    parts = [p.strip() for p in re.split(r";|, ", old) if p.strip()]
    for part in (p.strip() for p in re.split(r";|, ", new) if p.strip()):
        if any(named(part) in named(q) for q in parts):
            continue  # "Outlook (аутлук)" after "Outlook": the same name, spelt another way
        shorter = [q for q in parts if named(part).startswith(named(q))]
        parts = [q for q in parts if q not in shorter] + [part]
    sep = sep or (", " if ", " in old and ";" not in old else "; ")
    return sep.join(parts)


def _refines(old: str, new: str) -> bool:
    """Whether `new` names what `old` named, with more of it ("Windows" -> "Windows 11")."""
    was, now = named(old), named(new)
    return now != was and now.startswith(was + " ")


def _start_rank(value: str, fields: Mapping[str, str]) -> int:
    """How exactly a kept start places it; the time of an attempt ("Reinstalled it
    yesterday") only bounds it, as an event does, so a start said later replaces it."""
    attempts = fields.get("tried", "")
    return 1 if value and value in attempts else since.exactness(value)


def _sharper_since(old: str, new: str) -> str:
    """A later, more exact start replaces a vaguer one ("после обновления", then "с
    понедельника"); what the vaguer one said stays beside it: "с понедельника (после
    обновления)"."""
    was = old.split(" (")[0].strip()
    if not since.exactness(was) or named(was) in named(new):
        return new
    return f"{new} ({was})"


def _first(value: str, sep: str = ",") -> str:
    """The first part of an answer a question can name; "" for "не знаю" or a note in
    brackets that stands for an answer ("(см. вложение)": a screenshot was the answer)."""
    first = value.split(sep)[0].strip() if value and not is_unknown(value) else ""
    return "" if first.startswith("(") and first.endswith(")") else first


__all__ = [
    "IMPATIENT_ORDER",
    "URGENT_ORDER",
    "Question",
    "device_name",
    "extract_fields",
    "fill",
    "folder_as_product",
    "is_unknown",
    "missing_fields",
    "network_is_out",
    "next_fields",
    "open_questions",
    "question",
]
