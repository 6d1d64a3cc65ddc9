"""Checklist extractors: what one user message says about each checklist field.

One module per field (`tried`, `error`, `product`, `systems` for the OS, `since`), each
with `extract(text) -> str` ("" when the text says nothing about it). `extract_fields`
runs them all; the slot filler (`gateway.dialogs.slots`) decides what to keep.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from gateway.dialogs.extract import errors, product, since, systems, tried

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
    """Checklist fields that `text` speaks to (never `problem`), with their values."""
    text = read_head(text)
    products = product.extract_all(text)
    attempts = tried.extract(text)
    said = errors.extract(text, exclude=products, attempts=attempts.split("; "))
    found = {
        "tried": attempts,
        "error": said,
        "product": ", ".join(_named_outside(products, said, text)),
        "os": systems.extract(text),
        "since": since.extract(text),
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
        found["since"] = since.extract(text.replace(attempt, " ")) or attempt
    # "Windows 10, ошибка 0x800CCC0F. Нет, вру, Windows 11": what follows the user's own
    # correction replaces what came before it, for the fields that hold one value
    cue = _SELF_CORRECTION.search(text)
    if cue:
        for name, read in (("os", systems.extract), ("since", since.extract)):
            corrected = read(text[cue.end() :])
            if corrected:
                found[name] = corrected
    return {name: value for name, value in found.items() if value}


def _named_outside(products: list[str], said: str, text: str) -> list[str]:
    """The products not only read as the first word of what the screen or the log says:
    "у лозі Access violation" names no Access, "Access не открывает базу" does."""
    if not said:
        return products
    messages = said.casefold().split("; ")
    rest = text.casefold()
    for message in messages:
        rest = rest.replace(message, " ")

    def only_said(product: str) -> bool:
        names = [n.strip(" )").casefold() for n in product.split(" (")]
        opens = any(m.startswith(n + " ") for n in names for m in messages)
        return opens and not any(n in rest for n in names)

    return [p for p in products if not only_said(p)]


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
    r"actually,? no|correction)(?=[\s,:.!-])",
    re.IGNORECASE,
)


def read_head(text: str) -> str:
    """The part of `text` the dialog reads: its first `READ_CHARS`, cut between words."""
    if len(text) <= READ_CHARS:
        return text
    cut = text.rfind(" ", 0, READ_CHARS)
    return text[: cut if cut > 0 else READ_CHARS]


__all__ = ["EXTRACTORS", "READ_CHARS", "extract_fields", "read_head"]
