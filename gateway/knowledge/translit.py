"""Russian and Ukrainian typed in Latin letters: "myshka ne rabotaet", "zabula parol".

People transliterate loosely (y for ы, й or и; i for и or і; ch, sh, zh, kh, ts, ya, yu),
some the Polish or Czech way (j for й: "pracuje", "kompjuter", "ljudyna", "vmykajetsja"),
and mark a soft sign or the Ukrainian apostrophe with one ("hal'muje", "pam'jat"), so a
word gets several Cyrillic readings and the caller keeps the first one a dictionary
knows. Readings are generated longest-letter-group first and capped, so a word costs at
most a few dozen dictionary look-ups (and is cached by the caller).
"""

from __future__ import annotations

from itertools import combinations, product

# Letter groups and the Cyrillic letters each may stand for, most likely first.
_GROUPS: dict[str, tuple[str, ...]] = {
    "shch": ("щ",),
    "shh": ("щ",),
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
    "ji": ("ї", "йі"),
    # j for й, the Polish and Czech way: "pracuje" працює, "ljudynu" людину, "jak" як.
    "ja": ("я", "ья", "йа", "жа"),
    "je": ("є", "е", "ье", "йе", "же"),
    "ju": ("ю", "ью", "йу", "жу"),
    "jo": ("йо", "ьо", "жо"),
    "ei": ("ей", "еи"),
    "ai": ("ай", "аи"),
    "oi": ("ой", "ои"),
    "ui": ("уй", "уи"),
    # the root of people, "люд-", typed with a bare u ("ludynu" людину, "ludy" люди), not
    # the rare "луд-" (to tin) a dictionary also knows
    "lud": ("люд", "луд"),
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
    # An apostrophe inside a word: a soft sign ("hal'muje" гальмує) or the Ukrainian
    # apostrophe, which the dictionary look-up puts back ("pam'jat" пам'ять).
    "'": ("ь", ""),
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
    "tsja": ("ться", "ця", "тся"),
}
_GROUPS["tsya"] = ("тся", "ться")
_GROUPS["tsia"] = ("ться", "ця")
_GROUPS["tsja"] = ("тся", "ться", "ця")
_LONGEST = max(len(g) for g in _GROUPS)
_MAX_READINGS = 64
_SPLIT_READINGS = 16  # readings of each cut with one letter group split
_SPLITS = 4  # how many of a word's letter groups are tried split


def cyrillic_readings(word: str, lang: str | None = None) -> list[str]:
    """Cyrillic spellings a Latin-letter word may stand for, most likely first (in the
    Ukrainian way first when the message is known to be Ukrainian)."""
    groups = {**_GROUPS, **_UKRAINIAN_FIRST} if lang == "uk" else _GROUPS
    if not is_latin_word(word) or len(word) < 2:
        return []
    segmentations = _segmentations(word, groups)
    if not segmentations:
        return []
    readings = _readings(segmentations[0], _MAX_READINGS)
    # "drukuie" is друк-у-є, not друк-уй-е; "klaviatura" клав-і-а-тура: the same letters read
    # with one letter group split where the longest match took it (fewer readings each).
    for parts in segmentations[1:]:
        readings += [r for r in _readings(parts, _SPLIT_READINGS) if r not in readings]
    return readings


def is_latin_word(word: str) -> bool:
    """Latin letters only, an apostrophe between two of them allowed ("hal'muje")."""
    return (
        word.isascii()
        and word.replace("'", "").isalpha()
        and not word.startswith("'")
        and not word.endswith("'")
    )


def _segmentations(word: str, groups: dict[str, tuple[str, ...]]) -> list[list[tuple[str, ...]]]:
    """The word cut into letter groups longest match first; then, for each of its first
    multi-letter groups, the same cut with that group's first letter taken alone."""
    greedy = _cut(word, groups, 0, -1)
    if greedy is None:
        return []
    found = [greedy[0]]
    for start in greedy[1][:_SPLITS]:
        other = _cut(word, groups, 0, start)
        if other is not None:
            found.append(other[0])
    return found


def _cut(
    word: str, groups: dict[str, tuple[str, ...]], at: int, single: int
) -> tuple[list[tuple[str, ...]], list[int]] | None:
    """Letter groups from `at`, longest match first except a single letter at `single`;
    with the places where a multi-letter group was taken. None if a letter is unknown."""
    parts: list[tuple[str, ...]] = []
    multi: list[int] = []
    while at < len(word):
        longest = 1 if at == single else min(_LONGEST, len(word) - at)
        for size in range(longest, 0, -1):
            options = groups.get(word[at : at + size])
            if options:
                parts.append(options)
                if size > 1:
                    multi.append(at)
                at += size
                break
        else:
            return None
    return parts, multi


def _readings(parts: list[tuple[str, ...]], most: int) -> list[str]:
    """Readings of one cut: every group's likeliest letter first, then those with one
    group read otherwise, then two; among those, the likelier letters first ("pracuje" is
    працює, u read as ю, before прасує, c read as its third letter с)."""
    # A loose spelling rarely departs from the usual in more places.
    ambiguous = [i for i, options in enumerate(parts) if len(options) > 1]
    readings: list[str] = []
    for changed in range(3):
        found: list[tuple[int, str]] = []
        for places in combinations(ambiguous, changed):
            for picks in product(*(range(1, len(parts[i])) for i in places)):
                letters = [options[0] for options in parts]
                for place, pick in zip(places, picks, strict=True):
                    letters[place] = parts[place][pick]
                found.append((sum(picks), "".join(letters)))
        found.sort(key=lambda cost_reading: cost_reading[0])  # stable: by place within a cost
        for _, reading in found:
            readings.append(reading)
            if len(readings) >= most:
                return readings
    return readings
