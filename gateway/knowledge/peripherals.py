"""The keyboard, mouse, camera and screen said in everyday words (see normalize.py).

A modifier key in a chord ("shift+2") and a symbol named alone ("my @ and \" are swapped"), a
mouse or keyboard that "не відповідає", a black picture instead of the user on a call, a faint
screen, speakers that "мовчать".
"""

from __future__ import annotations

import re

from gateway.knowledge.vocabulary import (
    FAINT_WORDS,
    PRINTED_WORDS,
    SCREEN_FAINT,
    SCREEN_WORDS,
    SENSED_WORDS,
)

# A typed character named by itself, alone between spaces, not inside an address, a tag or a
# quotation: "my @ and " are swapped", "замість @ ставиться лапка", "I get # for £". It is a
# symbol on the keyboard, which the article says ("the wrong symbols", "не ті символи"); the
# punctuation it is would be dropped, and the message about it read as nothing.
_LONE_SYMBOL = re.compile(r"(?<!\S)[@\"“”#£](?=[\s,.;:!?)]|$)")
# Two double quotes are a quotation even with spaces inside them ('outlook says " cannot
# connect to server "', 'пишет " доступ запрещен "', and a quoted code "0x800CCC0F", which
# the code's words follow): of those only @ # £ are symbols.
_LONE_SIGN = re.compile(r"(?<!\S)[@#£](?=[\s,.;:!?)]|$)")
_SYMBOL = " symbol "
# A typed character named by its Russian or Ukrainian nickname, said instead of another:
# "вместо собачки печатаются кавычки" (@, "the dog"), "замість решітки виходить номер" (#,
# "the grille"), "вместо звёздочки"; the same symbol as the sign itself, where typing is said
# ("вместо собаки купили кота" stays a dog).
_SIGN_NAME = re.compile(
    r"\b(вместо|замість|замiсть)\s+(?:собач\w*|собак[аиуе]|решетк\w*|решітк\w*|"
    r"звездочк\w*|зірочк\w*|кавычк\w*|лапк\w*)\b"
)
_TYPING = re.compile(
    r"печата|печатт|друку|выход|вихо|став[ия]т|ставл|набира|набир|клав|shift|раскладк|"
    r"розкладк|символ"
)
# "на созвоне клиент видит чёрный экран вместо меня", "бачать замість мене чорний екран",
# "мене не видно, чорний квадрат замість відео": a black or grey picture where the user or
# their video should be is the camera's, which the user does not name; and "меня не видно",
# "мене не видно" is the article's "меня не видят", "мене не бачать".
# The picture stands where the user is: within two words of "вместо меня" ("замість мене на
# зміну вийшла колега, а в неї на касі чорний екран" is a person standing in); a video played
# ("в плеере вместо видео черный экран", "на ютубе") is no call.
_BLACK_PICTURE = (
    r"(?:черн|чорн|сер(?:ый|ое|ая|ым)|сір)\w*\s+(?:экран|екран|квадрат|прямоугольник|"
    r"прямокутник|картинк|изображени|зображенн|фон|окн|вікн)\w*"
)
_INSTEAD_OF_ME = (
    r"(?:вместо|замість)\s+(?:меня|мене|моего\s+видео|мого\s+відео|видео|відео|лица|обличчя)\b"
)
_BLACK_INSTEAD_OF_ME = re.compile(
    rf"\b{_BLACK_PICTURE}(?:\s+\w+){{0,2}}?\s+{_INSTEAD_OF_ME}"
    rf"|\b{_INSTEAD_OF_ME}(?:\s+\w+){{0,2}}?\s+{_BLACK_PICTURE}"
)
_PLAYBACK = re.compile(
    r"плеер|плеєр|player|ютуб|youtube|браузер|сайт|запис|фильм|фільм|ролик|трансляц|"
    r"телевиз|телевіз|\bкино|\bкіно"
)
_NOT_SEEN = re.compile(r"\b(?:(мене|меня) не видно|не видно (мене|меня))\b")
# "бездротова миша не відповідає", "клавиатура на весовой не отвечает": a mouse or keyboard
# that does not answer does not react (the article's "не реагує", "не реагирует"); "не
# відповідає" is a hung program's words ("програма не відповідає"), so not where one is said.
_INPUT_DEVICE = re.compile(r"\b(?:миш\w*|мыш\w*|клав\w*|тачпад\w*)")
_ANSWERS = {
    "відповідає": "реагує",
    "відповідають": "реагують",
    "відповідати": "реагувати",
    "отвечает": "реагирует",
    "отвечают": "реагируют",
    "отвечать": "реагировать",
}
_DOES_NOT_ANSWER = re.compile(r"\b(" + "|".join(_ANSWERS) + r")\b")
_PROGRAM_SAID = re.compile(
    r"програм|прог[аиуі]\b|прил|додат|app|сайт|site|сервер|server|windows|винд|вінд|систем|"
    r"браузер|chrome|outlook|excel|word|1[сc]\b|teams|zoom|зум|тимс|телефон"
)
# "колонки мовчать", "колонки в классе не играют", "динамики замолчали": speakers said silent
# are without sound, the article's words ("без звука", "без звуку"); its sample "динамики
# молчат" alone says it, and said among a place's words the silence weighed as nothing IT's.
# The verb stands within five words of the speakers in one clause (read before punctuation
# is dropped: "діти мовчать, колонки нові" is two), either side. Speakers are "колонки" in
# the plural: one "колонка" is as often a gas heater's or a fuel pump's.
_SPEAKERS = r"(?:колонки\b|динамик\w*|динамік\w*)"
_SILENT = r"(?:молч|замолч|мовч|замовк|не\s+игра|не\s+гра)\w*"
_SILENT_SPEAKERS = re.compile(
    rf"\b(?P<before>{_SPEAKERS}(?:\s+[\w-]+){{0,5}}?\s+)(?P<verb>{_SILENT})"
    rf"|\b(?P<verb2>{_SILENT})(?P<after>(?:\s+[\w-]+){{0,5}}?\s+{_SPEAKERS})"
)
_UKRAINIAN_SILENCE = ("мовч", "замовк", "не гра")
# "shift+2", "alt+shift", "жму shift и двойку", "тисну shift з двійкою", "when I press shift
# 2": a modifier key pressed with another key is a chord on the keyboard, whatever symbol it
# types. The modifier's name is no article's word (and "shift" is also a work shift), so in a
# chord it reads as the key it is. A modifier before a bare digit or a number is a chord only
# in a message that says a press or a symbol typed instead ("shift 2 starts at six" stays a
# work shift).
_MODIFIER = r"(?:shift|ctrl|alt|altgr|fn|cmd)"
_CHORD = re.compile(rf"\b{_MODIFIER}(?=\s*\+\s*\w)|(?<=\+)\s*{_MODIFIER}\b")
_BARE_CHORD = re.compile(
    rf"\b{_MODIFIER}(?=\s+(?:(?:и|і|й|та|з|с|and|with)\s+)?"
    r"(?:\d\b|двойк|двійк|тройк|трійк|двоечк|one\b|two\b|three\b|shift|ctrl|alt\b))"
)
_CHORD_CUES = re.compile(
    r"press|hold|нажим|нажат|жму|тисн|натиск|натисн|instead|вместо|замість|кавыч|лапк|"
    r"собак|собач|quote|@"
)


def read_chords(text: str) -> str:
    """`_chords`, where a "+" or a cue of a chord (`_CHORD_CUES`) is said."""
    if "+" in text or _CHORD_CUES.search(text):
        text = _chords(text)
    return text


def read_sign_names(text: str) -> str:
    """A character named by its nickname instead of another, where typing is said, as the
    symbol it is: "вместо собачки печатаются кавычки" -> "вместо symbol печатаются
    кавычки"."""
    if ("вместо" in text or "замість" in text) and _TYPING.search(text):
        text = _SIGN_NAME.sub(lambda m: m.group(1) + _SYMBOL, text)
    return text


def read_lone_symbols(text: str) -> str:
    """A typed character named alone as the symbol it is ("my @ is swapped": symbol), not
    inside an address, a tag or a quotation."""
    if any(mark in text for mark in "@\"“”#£"):
        quotation = sum(text.count(mark) for mark in "\"“”") > 1
        text = (_LONE_SIGN if quotation else _LONE_SYMBOL).sub(_SYMBOL, text)
    return text


def read_camera(text: str) -> str:
    """A black picture instead of the user on a call as the camera's, and "меня не видно" as
    "меня не видят"."""
    if (
        ("вместо" in text or "замість" in text)
        and "камер" not in text
        and _BLACK_INSTEAD_OF_ME.search(text)
        and not _PLAYBACK.search(text)
    ):
        text += " камера"
    if "видно" in text:
        text = _NOT_SEEN.sub(_not_seen, text)
    return text


def read_not_answering(text: str) -> str:
    """A mouse or keyboard that does not answer as one that does not react, where no program
    is said: "миша не відповідає" -> "миша не реагує"."""
    if (
        ("відповіда" in text or "отвеча" in text)
        and _INPUT_DEVICE.search(text)
        and not _PROGRAM_SAID.search(text)
    ):
        text = _DOES_NOT_ANSWER.sub(lambda m: _ANSWERS[m.group(1)], text)
    return text


def read_silent_speakers(text: str) -> str:
    """Speakers said silent as without sound: "колонки мовчать" -> "колонки без звуку",
    "колонки в классе не играют" -> "колонки в классе без звука"."""
    if ("колонк" in text or "динам" in text) and (
        "молч" in text or "мовч" in text or "замовк" in text or "гра" in text
    ):
        text = _SILENT_SPEAKERS.sub(_without_sound, text)
    return text


def read_faint(words: list[str]) -> list[str]:
    """Faint said of a screen, with nothing printed, as the dark screen (`SCREEN_FAINT`),
    unless it is heard or smelt."""
    if not (FAINT_WORDS.isdisjoint(words) or SCREEN_WORDS.isdisjoint(words)) and (
        PRINTED_WORDS.isdisjoint(words)
    ):
        words = [
            SCREEN_FAINT if word in FAINT_WORDS and not _sensed(words[i + 1 : i + 4]) else word
            for i, word in enumerate(words)
        ]
    return words


def _chords(text: str) -> str:
    """A modifier key in a chord as the key it is: "shift+2" -> "shift key+2"."""
    text = _CHORD.sub(lambda m: f"{m.group(0)} key ", text)
    if _CHORD_CUES.search(text):
        text = _BARE_CHORD.sub(lambda m: f"{m.group(0)} key", text)
    return text


def _without_sound(found: re.Match[str]) -> str:
    verb = found.group("verb") or found.group("verb2")
    said = "без звуку" if verb.startswith(_UKRAINIAN_SILENCE) else "без звука"
    if found.group("verb"):
        return found.group("before") + said
    return said + found.group("after")


def _not_seen(found: re.Match[str]) -> str:
    """ "меня не видно" as the article's "меня не видят", "мене не видно" as "мене не бачать"."""
    return "мене не бачать" if "мене" in found.group(0) else "меня не видят"


def _sensed(following: list[str]) -> bool:
    """Whether a faint thing just before these words is heard or smelt ("faint buzzing",
    "a faint high-pitched noise", "faint smell"), not seen."""
    return not SENSED_WORDS.isdisjoint(following)
