"""Checklist extractors: what one user message says about each checklist field.

One module per field (`tried`, `error`, `product`, `systems` for the OS, `since`), each
with `extract(text) -> str` ("" when the text says nothing about it). `extract_fields`
runs them all; the slot filler (`gateway.dialogs.slots`) decides what to keep.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from gateway.dialogs.extract import callback, errors, folders, product, since, systems, tried
from gateway.dialogs.extract import names as names_module
from gateway.dialogs.extract.after_fix import without_tried_fixes
from gateway.dialogs.extract.words import TEXTS_KEPT, fold, word_at
from gateway.knowledge.morphology import meant_text
from gateway.models import CALLBACK_FIELD, FOLDER_FIELD

Extractor = Callable[[str], str]

EXTRACTORS: dict[str, Extractor] = {
    "tried": tried.extract,
    "error": errors.extract,
    "product": product.extract,
    "os": systems.extract,
    "since": since.extract,
}


# A message is read for its problem and checklist facts this far (a chat message whole:
# the web chat's own limit); all of it is kept in the transcript and the ticket. Both are
# stated at the start, and reading takes longer than the text grows (the matcher reads
# each sentence, the extractors search around each match): a pasted log or a long letter
# read whole would hold a worker for seconds.
READ_CHARS = 4000


def extract_fields(text: str) -> dict[str, str]:
    """Checklist fields that `text` speaks to (never `problem`), with their values, and the
    call-back number the user gives (`CALLBACK_FIELD`), kept beside them on the ticket; and the
    shared folders named (`FOLDER_FIELD`), an access problem's product.

    A message typed in translit or the wrong layout ("zoom ne zapuskaetsya so vchera,
    pereustanavlival") is read as the Cyrillic words meant as well; the attempts, messages
    and start that reading finds are kept in the words the user typed ("so vchera").
    """
    return dict(_fields(read_head(text)))


@lru_cache(maxsize=TEXTS_KEPT)
def _fields(text: str) -> tuple[tuple[str, str], ...]:
    """The fields of `text`, kept per text (as the extractors keep theirs): a turn reads its
    message in several steps (the corrections, the checklist), and users write the same
    short texts again and again."""
    found = _read_fields(text)
    meant = _meant(text)
    if meant != text:
        for name, value in _read_fields(meant).items():
            # names and systems are read in the Latin the user typed; the reading keeps
            # English words as they are, and one capitalised would pass for a name
            if name not in found and name in _READ_AS_MEANT:
                typed = [_as_typed(v, meant, text) for v in value.split("; ")]
                # a model the typed words name is no code: "kolonki Sven SPS-611"
                named = found.get("product", "").casefold()
                typed = [v for v in typed if v.casefold() not in named]
                if typed:
                    found[name] = "; ".join(typed)
    return tuple(found.items())


_READ_AS_MEANT = frozenset({"tried", "error", "since"})


def _meant(text: str) -> str:
    """The Cyrillic words a translit or wrong-layout message means, with the stops the user
    typed after them kept (they cut its clauses): "so vchera, pereustanavlival" is "со
    вчера, переустанавливал". A stop the wrong layout turned into a letter is kept as one."""
    meant = meant_text(text)
    if meant == text:
        return text
    typed, words = text.split(), meant.split(" ")
    if len(words) != len(typed):
        return meant
    kept = []
    for raw, word in zip(typed, words, strict=True):
        stops = raw[len(raw.rstrip(",.;:!?")) :]
        if stops and not word.endswith(stops) and not word.lower().endswith(_LAYOUT_STOPS):
            word += stops
        kept.append(word)
    return " ".join(kept)


# Letters the Russian layout puts on the keys of , . ; ' [ ]: a word ending in one may have
# taken the stop typed after it.
_LAYOUT_STOPS = ("б", "ю", "ж", "э", "х", "ъ", "є", "ї")


def _as_typed(value: str, meant: str, text: str) -> str:
    """`value`, found in the `meant` reading of `text`, in the words the user typed: the
    reading keeps one word for each typed word."""
    typed = text.split()
    start = meant.find(value)
    if start < 0 or len(meant.split(" ")) != len(typed):
        return value
    first = meant[:start].count(" ")
    last = meant[: start + len(value)].count(" ")
    return " ".join(typed[first : last + 1]).strip(" ,.;:!?")


def _read_fields(text: str) -> dict[str, str]:
    products = product.extract_all(text)
    attempts = tried.extract(text)
    said = errors.extract(text, exclude=products, attempts=attempts.split("; "))
    system = _system_outside(systems.extract(text), said, text)
    # "даже после перезагрузки", "after a reboot it's the same": a fix tried, no start
    dated = without_tried_fixes(text) if attempts else text
    found = {
        "tried": attempts,
        "error": said,
        "product": ", ".join(_outside_system(_named_outside(products, said, text), system, text)),
        "os": system,
        "since": since.extract(dated),
        CALLBACK_FIELD: callback.extract(text),
        FOLDER_FIELD: _folders_outside(said, text),
    }
    # "Переустанавливала драйвер вчера", "Reinstalled it yesterday": when a fix was tried, not
    # when it started ("I changed it on Monday" may have started it). Another start said in
    # the message wins; when none is, the time is kept with the attempt's words: the user
    # has said it was broken by then, and is not asked again.
    attempt = next((a for a in attempts.split("; ") if found["since"] and found["since"] in a), "")
    if (
        attempt
        and not _START_WORD.match(found["since"])
        and not _LASTING.search(found["since"])
        and not tried.time_is_start(attempt, text)
    ):
        found["since"] = since.extract(dated.replace(attempt, " ")) or attempt
    elif found["since"]:
        # "после замены тонера печатает бледно уже неделю": an event and how long, both kept
        found["since"] = since.with_other(dated)
    # "Windows 10, ошибка 0x800CCC0F. Нет, вру, Windows 11": what follows the user's own
    # correction replaces what came before it, for the fields that hold one value
    cue = _SELF_CORRECTION.search(text)
    if cue:
        for name, read in (("os", systems.extract), ("since", since.extract)):
            corrected = read(text[cue.end() :])
            if corrected:
                found[name] = corrected
        # "a Dell P2419H, sorry I mean P2422H": a model alone corrects the model said before
        model = _BARE_MODEL.match(text, cue.end())
        named = found.get("product", "")
        old_model = _MODEL_TOKEN.search(named)
        if model and old_model and old_model.group() in text[: cue.start()]:
            found["product"] = named.replace(old_model.group(), model.group(1), 1)
        # "Windows 10, ой нет, 11": the number alone corrects the version of the system said
        # (never after a bare "нет" in a list: "Windows 10, перезагружал, нет, 2 раза")
        number = None if cue.group("bare") else _BARE_VERSION.match(text, cue.end())
        if number and found.get("os") and not systems.extract(text[cue.end() :]):
            found["os"] = _OS_VERSION.sub(number.group(1), found["os"], count=1)
    return {name: value for name, value in found.items() if value}


def _named_outside(products: list[str], said: str, text: str) -> list[str]:
    """The products not only read as the first word of what the screen or the log says:
    "у лозі Access violation" names no Access, "Access не открывает базу" does; a code the
    display shows whole ("горит Err 07") is no model's name."""
    if not said:
        return products
    messages = said.casefold().split("; ")
    rest = text.casefold()
    for message in messages:
        rest = rest.replace(message, " ")

    def only_said(name: str) -> bool:
        names = [n.strip(" )").casefold() for n in name.split(" (")]
        # a crash window's title names the program, unless it was named before ("InDesign
        # 2023 … «Adobe InDesign has stopped working»")
        titled = not any(product.same_program(name, p) for p in products if p != name)
        opens = any(
            m == n
            or (m.startswith(n + " ") and not (titled and _CRASH_WINDOW.match(m, len(n) + 1)))
            for n in names
            for m in messages
        )
        return opens and not any(n in rest for n in names)

    return [p for p in products if not only_said(p)]


# "WeighPro has stopped working": a crash window's title is the program, said only there too
_CRASH_WINDOW = re.compile(names_module.CRASH_WINDOW_AFTER, re.IGNORECASE)


def _folders_outside(said: str, text: str) -> str:
    """The shared folders named outside what the screen says: "It says "Windows cannot access
    \\\\pattern-srv\\T"" quotes the window, the user has not named the share (frozen30)."""
    rest = fold(text)
    for message in filter(None, said.split("; ")):
        rest = rest.replace(fold(message), " ")
    return ", ".join(name for name in folders.extract(text).split(", ") if name and name in rest)


def _outside_system(products: list[str], system: str, text: str) -> list[str]:
    """The products not only read inside what the OS is called: "Windows 11 Pro shows …"
    names no program "Pro"."""
    said = _said_of(system.split(" (")[0].casefold(), text.casefold())
    if not said:
        return products
    rest = text.casefold().replace(said, " ")

    def only_in_system(product: str) -> bool:
        name = product.split(" (")[0].casefold()
        return word_at(said, name) >= 0 and word_at(rest, name) < 0

    return [p for p in products if not only_in_system(p)]


def _system_outside(system: str, said: str, text: str) -> str:
    """The system, unless it is named only inside what the screen says: "«Windows не може
    отримати доступ до S:»", "Windows cannot access the drive", "stuck on 'Getting Windows
    ready'" are the messages' words, not the user saying which system runs (tune38 took
    "Windows" from the error and never asked "which Windows?"). A version is the user's:
    "Offline on my Windows 10 PC", read whole as the message, still says Windows 10."""
    if not system or not said or re.search(r"\d", system):
        return system
    rest = fold(text)
    for message in said.split("; "):
        rest = rest.replace(fold(message), " ")
    return system if systems.extract(rest) else ""


def _said_of(system: str, text: str) -> str:
    """The part of the system's name the text says: all of it ("windows 11 pro"), or its end
    after a family said another way ("на лінуксі Mint 21" says "mint 21" of "linux mint 21")."""
    names = system.split()
    for start in range(len(names)):
        tail = " ".join(names[start:])
        if any(c.isalpha() for c in tail) and word_at(text, tail) >= 0:
            return tail
    return ""


# "Третий день пытаюсь отсканировать": how long it has lasted, whatever the verb beside it
_LASTING = re.compile(
    r"(?<!\w)(?:день|дня|дні|днів|дней|сут|недел|тиж|час|годин|day|week|hour)\w*(?!\s+(?:назад|тому|ago))"
    r"(?:$|\s+(?:подряд|поспіль|in a row|now|уже|вже))",
    re.IGNORECASE,
)
_START_WORD = re.compile(r"(?:с|со|з|із|від|since|from|after|после|після|ever)\s", re.IGNORECASE)
_SELF_CORRECTION = re.compile(
    r"(?:^|(?<=[\s,.;!]))(?:нет,? вру|ні,? брешу|вру|брешу|ой,? нет|ой,? ні|точнее|вернее|"
    r"точніше|вірніше|поправлюсь|поправка|виправлюсь|i mean|sorry,? i mean|no,? wait|wait,? no|"
    r"actually,? no|correction)(?=[\s,:.!-])|"
    # a bare "no" between commas after a word: "З понеділка, ні, з вівторка", "Monday, no,
    # Tuesday" (never the reply's "Нет, не помогло")
    r"(?<=[^\W\d_],\s)(?P<bare>нет|ні|no)(?=\s*,)",
    re.IGNORECASE,
)


_BARE_MODEL = re.compile(r"[\s,:-]*((?-i:[A-Z]{1,4}-?\d{2,}[A-Za-z]{0,3}))(?![\w-])")
_MODEL_TOKEN = re.compile(r"(?<![\w-])[A-Z]{1,4}-?\d{2,}[A-Za-z]{0,3}(?![\w-])")
_BARE_VERSION = re.compile(r"[\s,:.-]*(\d{1,2}(?:\.\d+)?)(?![\w.]*\w)")
_OS_VERSION = re.compile(r"(?<=\s)\d{1,2}(?:\.\d+)?(?![\w.]*\w)")


def read_head(text: str) -> str:
    """The part of `text` the dialog reads: its first `READ_CHARS`, cut between words."""
    if len(text) <= READ_CHARS:
        return text
    cut = text.rfind(" ", 0, READ_CHARS)
    return text[: cut if cut > 0 else READ_CHARS]


__all__ = ["EXTRACTORS", "READ_CHARS", "extract_fields", "read_head"]
