"""Russian and Ukrainian typed in Latin letters: "myshka ne rabotaet", "zabula parol".

People transliterate loosely (y for ы, й or и; i for и or і; ch, sh, zh, kh, ts, ya, yu),
so a word gets several Cyrillic readings and the caller keeps the first one a dictionary
knows. Readings are generated longest-letter-group first and capped, so a word costs at
most a few dozen dictionary look-ups (and is cached by the caller).
"""

from __future__ import annotations

from itertools import combinations, product

# Letter groups and the Cyrillic letters each may stand for, most likely first.
_GROUPS: dict[str, tuple[str, ...]] = {
    "shch": ("щ",),
    "sch": ("щ", "ш"),
    "zh": ("ж",),
    "kh": ("х",),
    "ch": ("ч",),
    "sh": ("ш",),
    "ts": ("ц", "тс"),
    "tz": ("ц",),
    "ya": ("я", "ья"),
    "ia": ("я", "ия", "ья"),
    "yu": ("ю", "ью"),
    "iu": ("ю", "ию"),
    "yo": ("е", "йо"),
    "ye": ("е", "є", "ые"),
    "ie": ("є", "ие", "е"),
    "yi": ("ї", "ый", "ий"),
    "ji": ("ї",),
    "ei": ("ей", "еи"),
    "ai": ("ай", "аи"),
    "oi": ("ой", "ои"),
    "ui": ("уй", "уи"),
    "a": ("а",),
    "b": ("б",),
    "c": ("ц", "к", "с"),
    "d": ("д",),
    "e": ("е", "э"),
    "f": ("ф",),
    "g": ("г", "ґ"),
    "h": ("х", "г"),
    "i": ("и", "і", "й"),
    "j": ("й", "ж"),
    "k": ("к",),
    "l": ("л", "ль"),
    "m": ("м",),
    "n": ("н", "нь"),
    "o": ("о",),
    "p": ("п",),
    "q": ("к",),
    "r": ("р",),
    "s": ("с", "сь"),
    "t": ("т", "ть"),
    "u": ("у", "ю"),
    "v": ("в",),
    "w": ("в",),
    "x": ("кс", "х"),
    "y": ("ы", "й", "и"),
    "z": ("з",),
}
# Ukrainian transliteration reads these letters first as Ukrainian ones: "pidozrilym" is
# підозрілим (i → і, y → и), "vidpravliaiutsia" відправляються.
_UKRAINIAN_FIRST: dict[str, tuple[str, ...]] = {
    "i": ("і", "и", "й"),
    "y": ("и", "й", "ы"),
    "yi": ("ї", "ий", "ый"),
    "ye": ("є", "е", "ые"),
    "h": ("г", "х"),
    "tsia": ("ться", "ця"),
}
_GROUPS["tsya"] = ("тся", "ться")
_GROUPS["tsia"] = ("ться", "ця")
_LONGEST = max(len(g) for g in _GROUPS)
_MAX_READINGS = 64


def cyrillic_readings(word: str, lang: str | None = None) -> list[str]:
    """Cyrillic spellings a Latin-letter word may stand for, most likely first (in the
    Ukrainian way first when the message is known to be Ukrainian)."""
    groups = {**_GROUPS, **_UKRAINIAN_FIRST} if lang == "uk" else _GROUPS
    if not word.isascii() or not word.isalpha() or len(word) < 2:
        return []
    parts: list[tuple[str, ...]] = []
    at = 0
    while at < len(word):
        for size in range(min(_LONGEST, len(word) - at), 0, -1):
            options = groups.get(word[at : at + size])
            if options:
                parts.append(options)
                at += size
                break
        else:
            return []
    # The reading with every group's likeliest letter first, then those with one group read
    # otherwise, then two: a loose spelling rarely departs from the usual in more places.
    ambiguous = [i for i, options in enumerate(parts) if len(options) > 1]
    readings: list[str] = []
    for changed in range(3):
        for places in combinations(ambiguous, changed):
            for picks in product(*(parts[i][1:] for i in places)):
                letters = [options[0] for options in parts]
                for place, pick in zip(places, picks, strict=True):
                    letters[place] = pick
                readings.append("".join(letters))
                if len(readings) >= _MAX_READINGS:
                    return readings
    return readings
