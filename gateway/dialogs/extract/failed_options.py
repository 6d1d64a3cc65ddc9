"""Steps named as the options that all failed: "не помогло ни X, ни Y", "ні X, ні Y не
допомогли", "neither X nor Y helped".

Whatever X and Y are (a noun, "вход с другого компьютера", "swapping the cable"), the verdict
on the list says each was tried. The verdict must hold the list: it comes right before the
first "ни" ("Не помогли ни перезагрузка, ни …"), or the list opens its sentence and the
verdict ends it ("Ни перезапуск, ни чистка кэша не помогли"). "Нет ни звука, ни картинки"
(no verdict on it) and "нет ни звука, ни картинки, перезагрузка не помогла" (the list is what
is missing, the verdict another clause's) name no step by their "ни".
"""

from __future__ import annotations

from gateway.dialogs.extract.case_blind import case_blind

# "не помогло", "ничего не дали", "не спрацювала": said of the options, in any gender or number
_FAILED = (
    r"(?:не|ні|ничуть не|нисколько не)\s+(?:помог\w*|допом[оі]г\w*|сработал\w*|спрацювал\w*|"
    r"выручил\w*|вирішил\w*|решил\w*)|(?:ничего|нічого)\s+не\s+(?:да\w*|измени\w*|змін\w*|"
    r"поменял\w*)"
)
# an option: "ни"/"ні"/"ані" and a word; "ни разу", "ни за что" are no options
_OPTION = r"(?:ни|ні|ані)\s+(?!разу(?!\w)|за что|за що|в коем)[\w'«\"]"
_OPTIONS_TAIL = r"[^.;!?\n]*"
# "Не помогло ни …, ни …" / "Мне не помогла ни перезагрузка": the verdict, then the options
_VERDICT_FIRST = case_blind(
    rf"(?<!\w)(?:{_FAILED})\s+(?:(?:мне|мені|нам|вообще|взагалі|уже|вже|совсем|зовсім|"
    rf"тоже|теж)\s+){{0,2}}{_OPTION}{_OPTIONS_TAIL}"
)
# "Ни перезапуск, ни чистка кэша не помогли": the options open the sentence, the verdict ends
_VERDICT_LAST = case_blind(
    rf"(?:^|(?<=[.!?\n:—–]))\s*(?:(?:и|і|й|а|но|але|так|уже|вже|я|мы|ми)\s+)?"
    rf"{_OPTION}[^.;!?\n]*?,\s*(?:и\s+|і\s+|й\s+)?{_OPTION}[^.;!?\n]*?(?<!\w)(?:{_FAILED})(?!\w)"
)
# "Neither a reboot nor a reinstall helped", "didn't help: neither the reboot nor the cable"
_EN_NEITHER = case_blind(
    r"\bneither\b[^.;!?\n]*?\bnor\b[^.;!?\n]*?\b(?:helped|worked|fixed|solved|did anything|"
    r"did a thing|did the trick|made (?:a|any) difference|changed anything)\b|"
    r"\b(?:didn'?t|did not|doesn'?t|does not)\s+(?:help|work|fix it|change anything)\s*"
    r"[:,—–-]?\s*neither\b[^.;!?\n]*?\bnor\b[^.;!?\n]*"
)
# what in a clause names an option
OPTION_WORD = case_blind(r"(?<!\w)(?:ни|ні|ані|neither|nor)\s+(?!разу(?!\w))")


def failed_options(text: str) -> list[range]:
    """The spans of `text` that list options judged as all failed (see the module)."""
    spans = []
    for pattern in (_VERDICT_FIRST, _VERDICT_LAST, _EN_NEITHER):
        spans += [range(m.start(), m.end()) for m in pattern.finditer(text)]
    return spans


__all__ = ["OPTION_WORD", "failed_options"]
