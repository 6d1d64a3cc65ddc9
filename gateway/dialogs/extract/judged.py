"""Steps judged by their result: whatever the verb, what "did not help" judges was tried.

"Перегенерировала конфиг, не помогло", "Перезагрузка ПК и переподключение кабеля — без
изменений", "Перезавантаження і вимкнення режиму польоту не допомогли", "Regenerated the
profile, no luck": no list of attempt verbs needs to know the verb. A clause that starts
with a done verb or a verbal noun of the user's own (no subject of its own before it) and
is judged by a verdict, in it or in the clause right after it, says what was tried.
"Монитор погас, ничего не помогает" starts with its subject: what broke, not a step.
"""

from __future__ import annotations

import re

from gateway.dialogs.extract.case_blind import case_blind
from gateway.knowledge.morphology import english_gerund, english_past, readings

# A step judged in slang or as a complaint: "толку ноль", "ноль реакции", "марно", "no dice",
# "zero difference", "waste of time".
SLANG_VERDICT = (
    r"толку (?:ноль|нуль|никакого|ніякого|нет|нема|немає|мало)|"
    r"(?:ноль|нуль|zero)\s+(?:эффекта|реакции|результата|толку|ефекту|реакції|результату|"
    r"effect|change|difference)|(?:эффекта|результата|ефекту|результату) (?:ноль|нуль)|"
    r"(?:никакого|ніякого) (?:эффекта|толку|результата|ефекту|результату)|"
    # "результат нулевой", "нульовий ефект": the nought said as an adjective
    r"(?:результат|эффект|ефект)\s+(?:нулевой|нульовий)|(?:нулевой|нульовий)\s+(?:результат|"
    r"эффект|ефект)|"
    r"бесполезно|безполезно|марно|даремно|впустую|не сработало|не спрацювало|не прокатило|"
    r"no joy|no dice|no use|no good|waste of time|nothing doing|made zero difference|"
    r"useless|pointless"
)
VERDICT = case_blind(
    rf"(?<!\w)(?:{SLANG_VERDICT}|"
    r"не помог\w*|не допом[оі]г\w*|не помога\w*|не допомага\w*|без изменений|без змін|"
    r"без толку|безрезультатно|ничего не (?:дал\w*|изменил\w*|поменял\w*)|"
    r"нічого не (?:дал\w*|змінил\w*|змінило)|то же самое|те саме|те ж саме|"
    r"didn'?t help|did not help|didn'?t work|did not work|no luck|no change|no difference|"
    r"did nothing|does nothing|didn'?t do anything|did not do anything|"
    r"nothing changed|same (?:thing|result|error)|to no avail|doesn'?t help|not helping|"
    r"still the same|"
    # "Скидання мережі — нуль", "network reset - nothing": a bare nought after a dash
    r"(?<=[—–:-] )(?:ноль|нуль|zero|nada|nothing|ничего|нічого))(?!\w)"
)
# Words that may come before the step itself: "я", "уже", "also", "then".
LEAD_WORDS_TEXT = """я мы ми i we уже вже ещё еще ще тоже теж также також и і й та потом потім
    already also then and so"""
LEAD_WORDS = frozenset(LEAD_WORDS_TEXT.split())
WORD = re.compile(r"[\w'’-]+")
_EN_STEPS_TEXT = """reboot restart reinstall reset rollback roll-back power-cycle powercycle
    rebooted restarted reinstalled"""
_EN_STEPS = frozenset(_EN_STEPS_TEXT.split())
_PLACE_PREPOSITIONS_TEXT = "из із з с со в во у на от від"
_PLACE_PREPOSITIONS = frozenset(_PLACE_PREPOSITIONS_TEXT.split())
_PAST_ENDING = re.compile(r"(?:ла|ли|ло|ал|ил|ял|ув|ив|ав)$")


def judged_steps(
    clauses: list[str], stems: tuple[str, ...], seeds: frozenset[str] = frozenset()
) -> set[str]:
    """The clauses (as given) that are steps judged by a verdict. `stems` are the attempt
    verbs' stems: a verbal noun of one ("перезагрузка", "вимкнення") is a step too. `seeds`
    are clauses the caller already knows for judged steps ("network reset - nothing")."""
    found: set[str] = set(seeds)
    for at, clause in enumerate(clauses):
        verdict = VERDICT.search(clause)
        following = clauses[at + 1] if at + 1 < len(clauses) else ""
        judged_next = bool(VERDICT.search(following)) and _only_verdict(following)
        if verdict and verdict.start() > 0:
            head = clause[: verdict.start()]
        elif judged_next and not verdict:
            head = clause
        else:
            continue
        # the doing said as a gerund is the subject of a verdict in its own clause only
        # ("zipping it did nothing"; never "switching to English for my manager: no, didn't
        # help")
        if _starts_with_step(head, stems, gerund=bool(verdict)):
            found.add(clause)
    # "Перезагрузка, обновление драйвера, сброс сети — результат нулевой", "Reboot, driver
    # update, network reset - nothing": the short steps listed before a judged one share
    # its verdict
    for at in range(len(clauses) - 2, -1, -1):
        if (
            clauses[at + 1] in found
            and clauses[at] not in found
            and _listed_step(clauses[at], stems)
        ):
            found.add(clauses[at])
    return found


_LIST_ITEM_WORDS = 3
_EN_LISTED = _EN_STEPS | {"update", "updates", "cache", "repair", "reseat", "replug"}


def _listed_step(clause: str, stems: tuple[str, ...]) -> bool:
    """Whether `clause` is a short item of a list of steps ("переустановка драйвера")."""
    words = [w.lower() for w in WORD.findall(clause)]
    if not words or len(words) > _LIST_ITEM_WORDS:
        return False
    return any(w in _EN_LISTED or (len(w) >= 6 and w.startswith(stems)) for w in words)


def _only_verdict(clause: str) -> bool:
    rest = VERDICT.sub(" ", clause)
    return len(WORD.findall(rest)) <= 2  # "не помогло", "but no luck", "і теж без змін"


def _starts_with_step(head: str, stems: tuple[str, ...], *, gerund: bool = False) -> bool:
    words = [w.lower() for w in WORD.findall(head)]
    while words and words[0] in LEAD_WORDS:
        words = words[1:]
    if len(words) > 2 and words[0] in _PLACE_PREPOSITIONS:
        # where the thing was handled, first: "Із розетки висмикували", "В соседний порт
        # втыкала": a done verb after it is the user's step
        for at in range(2, min(len(words), 4)):
            found = _reading(words[at])
            if found and {"VERB", "past"} <= found and "intr" not in found:
                after = _reading(words[at + 1]) if at + 1 < len(words) else frozenset()
                return not {"NOUN", "nomn"} <= after  # "погас свет", "зник звук": the thing's
    if not words:
        return False
    first = words[0].replace("’", "'")
    if len(words) < 2:
        # "не помогло" after a bare word says nothing of a step, unless the word is a step of
        # its own: "Перезагрузка, не помогло", "перевстановлювала — марно", "reboot, no dice"
        return first in _EN_STEPS or (len(first) >= 6 and first.startswith(stems))
    if first.isascii():
        # "Regenerated the profile, no luck", "zipping it did nothing": a done verb, or (with
        # `gerund`) the doing itself as the subject of the verdict
        return english_past(first) or (gerund and _gerund_subject(words))
    if first.startswith(stems):
        return True  # "перезагрузка", "вимкнення", "переподключала"
    found = readings(first, "ru") or readings(first, "uk")
    if found and {"NOUN", "inan"} <= found[0][1]:
        return _object_first(found[0][1], words[1:3])
    if found:
        return "VERB" in found[0][1] and "past" in found[0][1]
    return bool(_PAST_ENDING.search(first))  # "перегенерировала": no dictionary knows it


# Nouns in "-ing" a room, a time or an event is named by: "Meeting room PC: no luck".
_ING_NOUNS_TEXT = """meeting morning evening building wedding ceiling training booking parking
    landing housing heading setting settings briefing"""
_ING_NOUNS = frozenset(_ING_NOUNS_TEXT.split())
# Words that give the head a verb of its own, so the "-ing" word is not the verdict's subject:
# "Printing is slow and nothing changed", "Scanning takes forever".
_EN_FINITE_TEXT = """is are was were be been isn't aren't wasn't takes took keeps kept fails
    failed stays stopped does doesn't won't can't still and but has have"""
_EN_FINITE = frozenset(_EN_FINITE_TEXT.split())
_GERUND_OBJECT_WORDS = 4


def _gerund_subject(words: list[str]) -> bool:
    """Whether `words`, the head before a verdict, are a gerund with its object and nothing
    else: "zipping it", "renaming the file", "printing from another pc"."""
    first, rest = words[0], words[1:]
    return (
        first not in _ING_NOUNS
        and english_gerund(first)
        and len(rest) <= _GERUND_OBJECT_WORDS
        and not _EN_FINITE & set(rest)
    )


def _reading(word: str) -> frozenset[str]:
    """The first dictionary reading's grammemes of `word` (ru, else uk); empty if none."""
    found = readings(word, "ru") or readings(word, "uk")
    return found[0][1] if found else frozenset()


_GENDERS = ("masc", "femn", "neut")


def _object_first(noun: frozenset[str], following: list[str]) -> bool:
    """Whether a thing, then a done verb that cannot have it for its subject, is a step said
    object first: "Драйвер ставила с сайта" (a feminine verb, a masculine thing), "Кабель
    другой ставили"; "Монитор погас" (the thing did it) is no step."""
    for word in following:
        found = readings(word, "ru") or readings(word, "uk")
        tags = found[0][1] if found else frozenset()
        if "ADJF" in tags:
            continue  # "Кабель другой ставили"
        if "VERB" not in tags or "past" not in tags or word.endswith(("ся", "сь")):
            return False
        if "plur" in tags:
            return "plur" not in noun
        return "plur" in noun or not any(g in noun and g in tags for g in _GENDERS)
    return False
