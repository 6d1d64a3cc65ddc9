"""An attempt said as its result: "после перезагрузки то же самое", "even after a restart".

A fix named as a noun after "после / після / after" says when something started ("после
перезагрузки перестал печатать": what set it off); with "даже / навіть / even" before it,
or with the fault going on the same way in its clause ("то же самое", "все одно",
"still", "same"), it says the fix was tried and changed nothing: "Не друкує навіть після
перезавантаження", "After a reboot it's the same". Such a phrase answers "what did you
try", and is no start. So does another of the things swapped to fix it, with the fault the
same: "другой кабель — то же самое", "в іншому порту те саме", "other cable, same".
"""

from __future__ import annotations

from gateway.dialogs.extract.case_blind import case_blind
from gateway.dialogs.extract.words import CLAUSE

# Fixes a user makes, as nouns (any case): a restart, a reinstall, a reset, cleaning the
# cache, rolling back, joining again.
_FIXES = (
    r"перезагруз(?:к\w*|ок)|перезапуск\w*|переустанов(?:к\w*|ок)|переподключени\w*|сброс\w*|"
    r"очист(?:к\w*|ок)|откат\w*|ребут\w*|рестарт\w*|перезавантажен\w*|перевстановлен\w*|"
    r"перепідключен\w*|скидан\w*|очищен\w*|відкат\w*|"
    # cleaning and swapping a part: "после чистки кэша", "після заміни кабелю", "после замены
    # картриджа" (with the fault the same; alone, a swap may be what set it off)
    r"(?:про)?чист(?:к\w*|ок)|чищенн\w*|замен(?:ы|е|у|а)|замін(?:и|і|у|а)|"
    r"(?:(?:a|the|my|another|one more)\s+)?(?:full\s+|hard\s+|complete\s+)?"
    r"(?:restart|reboot|reinstall|reset|power[- ]?cycle|rollback|roll-?back|cache clear)s?|"
    r"(?:re-?start|re-?boot|re-?install|re-?sett|re-?connect|power[- ]?cycl|clear|clean|"
    r"replac|swapp)ing\b"
)
# "после (двух) перезагрузок", "after a full restart", "після чергового перезавантаження"
_AFTER = (
    r"(?:после|після|after|following)\s+(?:(?:двух|трех|трёх|нескольких|кількох|двох|трьох|"
    r"очередной|очередного|чергового|чергової|ещ[её] одной|ще одного|повторной|повторного|"
    r"полной|полного|повного|повної|two|several|multiple|a few|another)\s+)?"
    rf"(?:{_FIXES})"
)
_EVEN_AFTER = case_blind(rf"(?<!\w)(?:даже|навіть|навить|even)\s+{_AFTER}(?!\w)")
_AFTER_FIX = case_blind(rf"(?<!\w){_AFTER}(?!\w)")
_SINCE_FIX = case_blind(rf"(?<!\w)since\s+(?:{_FIXES})(?!\w)")
# The fault goes on as before: the fix changed nothing.
_SAME = case_blind(
    r"(?<!\w)(?:то же самое|тоже самое|то же|те саме|те ж саме|те же|так само|так же|"
    r"вс[её] так же|все так само|вс[её] равно|все одно|опять|снова|знову|обратно|"
    r"не помогл\w*|не допом(?:огл|іг)\w*|ничего не изменил\w*|нічого не змінил\w*|без изменений|"
    r"без змін|still|same|again|no change|nothing changed|no difference|persists)(?!\w)"
)


# Another of the things a user swaps to fix it, with the fault the same: "другой кабель — то же
# самое", "в іншому порту те саме", "other cable, same"; not another room or person ("в другом
# кабинете то же самое" says whom it affects).
_OTHER = (
    r"(?:друг(?:ой|ая|ое|ие|ого|ому|ом|им|ую|ими|их)|інш(?:ий|а|е|і|ого|ому|им|у|ій|ими|их)|"
    r"нов(?:ый|ая|ое|ым|ой|ую|ий|а|е|им|у)|another|other|a different|different|a new|new|"
    r"a spare|spare)"
)
_SWAPPED = (
    r"кабел\w*|шнур\w*|провод\w*|провід\w*|дрот\w*|порт\w*|разъ[её]м\w*|роз'?[єе]м\w*|"
    r"розетк\w*|удлинител\w*|подовжувач\w*|адаптер\w*|зарядк\w*|зарядн\w*|блок\w* питани\w*|"
    r"браузер\w*|мыш\w*|миш\w*|клавиатур\w*|клавіатур\w*|картридж\w*|учетк\w*|учётк\w*|"
    r"профил\w*|профіл\w*|"
    r"(?:usb |hdmi |power |network |ethernet |lan )?(?:cables?|cords?|ports?|sockets?|outlets?)|"
    r"adapters?|chargers?|power strips?|browsers?|mouse|mice|keyboards?|cartridges?|toner|"
    r"profiles?|usb|hdmi"
)
_OTHER_SAME = case_blind(rf"(?<!\w){_OTHER}\s+(?:[\w'-]+\s+)?(?:{_SWAPPED})(?!\w)")


_WISH = case_blind(
    r"\?|(?<!\w)(?:would|could|should|need|needs|want|wants|will|maybe|perhaps|нужен|нужна|нужно|"
    r"нужны|надо|может|можно|хочу|буду|потрібен|потрібна|потрібно|треба|можна|може|хочу|буду)(?!\w)"
)


def said_as_result(clause: str, following: str = "") -> bool:
    """Whether `clause` names a fix as tried by the fault going on after it: "Даже после
    перезагрузки не печатает", "Після перезавантаження те саме", "Still the same after a
    reboot"; "После перезагрузки перестал печатать" (what set it off) is no attempt."""
    if _WISH.search(clause):
        return False  # "a new mouse would help", "нужен другой кабель?": asked for, not tried
    if _EVEN_AFTER.search(clause):
        return True
    named = _OTHER_SAME.search(clause) or _AFTER_FIX.search(clause) or _SINCE_FIX.search(clause)
    return bool(named) and (bool(_SAME.search(clause)) or _judged_next(following))


def _judged_next(following: str) -> bool:
    """Whether the clause after is only the verdict: "other cable, same", "new cartridge,
    still streaks", "після перезавантаження, все одно"."""
    found = CLAUSE.search(following)
    if not found or following[: found.start()].strip(" ,—–-") or "." in following[: found.start()]:
        return False
    words = found.group().split()
    return len(words) <= _VERDICT_WORDS and bool(_SAME.search(found.group()))


_VERDICT_WORDS = 4


def without_tried_fixes(text: str) -> str:
    """`text` with each fix said as tried ("даже после перезагрузки", "after a reboot it's
    the same") blanked: what is left may say when the trouble began."""
    for clause in CLAUSE.finditer(text):
        if not said_as_result(clause.group(), text[clause.end() :]):
            continue
        for found in (*_AFTER_FIX.finditer(clause.group()), *_SINCE_FIX.finditer(clause.group())):
            start, end = clause.start() + found.start(), clause.start() + found.end()
            text = text[:start] + " " * (end - start) + text[end:]
    return text


__all__ = ["said_as_result", "without_tried_fixes"]
