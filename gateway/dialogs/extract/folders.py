"""Shared folders the user names: what an access problem is about.

"папка passes на сервере", "общая папка Сценарии", "доступ к папке \\\\fs02\\plan", "the
Regatta 2027 folder". For a request for access, or access denied, the engineer needs to know
which share as they need a program's name: the checklist takes the folder as the product
there (`gateway.dialogs.checklist.folder_as_product`), and nowhere else ("файл лежал в папке
Загрузки" says where a file was, not what is broken). A drive's letter is no share's name
("диск S:", "the S: drive", "папка Верстка на диску V:"): which share it maps is still asked.
"""

from __future__ import annotations

import re

from gateway.dialogs.extract.words import fold
from gateway.knowledge.morphology import is_dictionary_word, readings

_I = re.IGNORECASE

# A network path: "\\prl-fs\tech", "\\srv01\buh\2024".
_PATH = r"\\\\[\w$.-]+(?:\\[\w$.-]+)*"
_FOLDER_WORD = r"(?:папк[аиуеі]|папц[іе]|тек[аиуі]|теці|folder)"
# The folder's name after its word: a path, a quoted name, a Latin word, a capitalised word,
# or (checked below) a Cyrillic noun in the nominative ("папка рецепты").
_NAME = (
    r"(?P<name>«[^»\n]{1,40}»|\"[^\"\n]{1,40}\"|" + _PATH + r"|"
    r"(?-i:[A-Za-z][\w.-]*(?:\s+\d{2,4}(?![\w.]))?)|[^\W\d_][\w-]*)"
)
_NAMED_FOLDER = re.compile(
    rf"(?<![\w-])(?P<folder>{_FOLDER_WORD})[^\S\n]+(?:(?:на|в|у|on|at)[^\S\n]+(?=\\\\))?{_NAME}",
    _I,
)
# English names it before the word: "the Regatta 2027 folder", "the shared Proofs folder".
_NAME_BEFORE_FOLDER = re.compile(
    r"(?<![\w-])the\s+(?:(?:shared|network|team)\s+)?"
    r"(?P<name>(?-i:[A-Z][\w.-]*(?:\s+(?:[A-Z][\w.-]*|\d{2,4}))*))\s+(?:folder|share)(?![\w-])",
    _I,
)
_PATH_ALONE = re.compile(rf"(?<![\w\\]){_PATH}")
# A mapped drive's letter: "на диску V:", "диск P:", "the S: drive", "drive S:".
_DRIVE_LETTER = re.compile(
    r"(?<![\w-])(?:диск\w*[^\S\n]+(?-i:[A-Z]):|(?-i:[A-Z]):[^\S\n]+drive|drive[^\S\n]+(?-i:[A-Z]):)",
    _I,
)
# Words after the folder word that are no name: what it does, where it is, whose it is.
_NOT_NAME = re.compile(
    r"(?:не|ні|на|в|во|у|з|із|с|со|до|по|для|от|від|из|за|и|і|та|або|или|что|що|which|"
    r"and|or|on|in|is|was|with|of|for|to|from|at|that|where|access|permissions?|has|had|"
    r"won't|can't|isn't|doesn't|opens?|keeps?|shows?|says?|gives?|stopped|disappeared|"
    r"went|the|my|our|your|a|an|it|this|its|there|here|"
    r"сервер\w*|server|диск\w*|drive|общ\w*|спільн\w*|сетев\w*|мережев\w*|shared|network|"
    r"открыва\w*|відкрива\w*|пропал\w*|зник\w*|исчез\w*|стал\w*|стала|перестал\w*|"
    r"перестав\w*|нужн\w*|потрібн\w*|есть|є|нет|немає)$",
    _I,
)


def extract(text: str) -> str:
    """The shared folders named in `text`, as typed, joined with ", "."""
    return ", ".join(name for _, name in extract_all(text))


def extract_all(text: str) -> list[tuple[int, str]]:
    """Each shared folder named in `text`: where it starts, and as typed."""
    text = fold(text)
    found: list[tuple[int, str]] = []
    for match in _NAMED_FOLDER.finditer(text):
        name, word = match.group("name"), match.group("folder")
        if word.isascii() and name.islower() and is_dictionary_word(name.lower(), "en"):
            continue  # "the folder too", "a folder somewhere": English words, no name
        if _a_name(name):
            said = name if name.startswith("\\\\") else f"{match.group('folder')} {name}"
            found.append((match.start(), said))
    for match in _NAME_BEFORE_FOLDER.finditer(text):
        found.append((match.start("name"), text[match.start("name") : match.end()]))
    for match in _PATH_ALONE.finditer(text):
        found.append((match.start(), match.group()))
    kept: list[tuple[int, str]] = []
    for start, name in sorted(found):
        if not name.startswith("\\") and _on_a_drive_letter(text, start):
            continue  # the share is a path's; a folder on a letter is on an unnamed one
        if not any(name in other or start < s + len(other) for s, other in kept):
            kept.append((start, name))
    return kept


def _on_a_drive_letter(text: str, start: int) -> bool:
    """Whether the sentence of the folder at `start` places it on a drive's letter."""
    begin = max(text.rfind(stop, 0, start) for stop in ".;!?\n") + 1
    ends = [at for stop in ".;!?\n" if (at := text.find(stop, start)) >= 0]
    return bool(_DRIVE_LETTER.search(text, begin, min(ends, default=len(text))))


def _a_name(name: str) -> bool:
    """Whether the word after the folder word names it: a path, a quote, a Latin or a
    capitalised word; a lower-case Cyrillic one only as a noun in the nominative ("папка
    рецепты", not "папка открывается")."""
    if name[:1] in '«"\\':
        return True
    if _NOT_NAME.match(name):
        return False
    if name[:1].isupper() or name.isascii():
        return True
    found = (tags for lang in ("ru", "uk") for _, tags in readings(name.lower(), lang))
    return any({"NOUN", "nomn"} <= tags for tags in found)
