"""Where files and mail are kept, read as the articles say it (see normalize.py).

Network drives and shares ("диск S исчез", "shared folder vanished", "Z: отключен"), disks
and mailboxes said full or out of room, cloud drives that sync, documents in the recycle bin.
"""

from __future__ import annotations

import re
from itertools import pairwise

from gateway.knowledge.vocabulary import (
    BIN_ELSEWHERE,
    BIN_READ,
    BIN_WORDS,
    BINNED_WORDS,
    CLEAN_ASK_REACH,
    CLEAN_ASK_WORDS,
    CLEAN_ASKED,
    CLOUD_DRIVE,
    CLOUD_DRIVES,
    CLOUD_MAKERS,
    CLOUD_STORAGE,
    CLOUD_SYNC,
    CLOUD_SYNC_STARTS,
    CLOUD_WORDS,
    DEVICE_WORDS,
    DOCUMENT_WORDS,
    DRIVE_LETTER_AFTER,
    DRIVE_LETTERS,
    EMPTIED_WORDS,
    FILE_WORD,
    FULL_ADVERBS,
    FULL_MAILBOX_WORDS,
    FULL_REACH,
    FULL_STORAGE_WORDS,
    FULL_WORDS,
    LOSING_WORDS,
    LOST_DOCUMENT_STEMS,
    MAIL_NAMES,
    MAIL_STORAGE,
    MAIL_WORDS,
    MAILBOX_FULL,
    MAILBOX_ROOM,
    MAILBOX_WORDS,
    MAPPED_DRIVE,
    OVER_WORDS,
    ROOM_AMOUNTS,
    ROOM_CONTEXT,
    ROOM_SAID,
    ROOM_WORDS,
    SAVING_OVER_WORDS,
    SAVING_WORDS,
    SHARE_LEAD_WORDS,
    SHARE_PLACE_WORDS,
    SPACE_KEYS,
    STORAGE_FULL,
    STORAGE_WORDS,
    STUFFED_WORDS,
    UTTER_WORDS,
    WHEREABOUTS_WORDS,
)

# Drive letters past C and D are network drives in an office: "диск S", "the H drive".
# A drive letter typed in Cyrillic is the Latin one it looks like ("диск Р", "диск Х", "Н:"):
# not "с", "в", "к", "у", "а", "о", which are also words ("диск с фото"); nor an "i" with a
# word after it, the pronoun or "and" ("the disk I use is full", "dysk i papka znykly"), but
# for the verbs only the letter takes ("drive I is gone").
_DRIVE_LETTER = (
    r"(?:[e-hj-zермнтх]|i(?! +(?!(?:is|has|disappeared|vanished)\b)[a-zа-яіїєґ]))"
)
_MAPPED_DRIVE = re.compile(
    rf"\b(?:(?:диск[аеуі]?|drive|disk|dysk) ({_DRIVE_LETTER})|([e-z]) drive)\b"
)
# A drive said gone in a word the shared drive article does not use ("диск Р исчез", "куди
# подівся диск P"): gone as its "пропал", "зник" are.
_DRIVE_GONE = re.compile(
    r"\b(?:исчез\w*|подевал\w*|дел(?:ся|ась)|щез\w*|(?:по)?(?:дівс[яь]|діл(?:ася|ося|ися)))\b"
)
# An English drive said to vanish, a word of the file recovery article's ("file vanished",
# "files vanished from the network share"): "the shared drive vanished from my laptop", "the
# network drive with the Ferris wheel rota has vanished from my PC", "the Q: drive vanished".
# The drive is what is gone, said right before the verb (with what it holds at most): as the
# shared drive article says it, "disappeared". Not "folder vanished from the shared drive".
_DRIVE_VANISHED = re.compile(
    rf"\b(?P<drive>{MAPPED_DRIVE}(?:\s+drive)?|(?:shared|network|mapped)\s+drive)"
    r"(?P<held>\s+with\s+[^,.;:!?]{1,60}?)?"
    r"(?:\s+(?:has|had|is|was|just|suddenly|completely))*\s+(?P<verb>vanish(?:ed|es)?)\b"
)
# A share that vanished: "shared folder vanished from This PC", "the topiary share
# disappeared", "Зникла спільна папка бухгалтерії", "мережевий диск пропав, не бачу папку".
# The share itself is gone from the machine, a mapped drive (the shared drive article's):
# read as one ("netdrive"), its "folder" is no lost folder of the file recovery article.
# Not a folder or a file gone from a share: a share said after "from", "on", "з", "на"
# ("folder vanished from the shared drive", "зі спільної папки зникла папка") stays as said.
# The English drives the article names ("mapped drive", "network drive") are its keywords
# already and stay.
_VANISH = r"(?:vanish(?:ed|es)?|disappear(?:ed|s)?|gone|missing|зник\w*|пропа\w*|исчез\w*|щез\w*)"
_SHARE = (
    r"(?:(?:shared|network|team|common) folders?|team drives?|share|"
    r"(?:спільн|мережев|підключен|общ|сетев|подключен)\w* "
    r"(?:папк\w*|тек(?:а|и|у|ою|ці)|диск(?:а|у|е|і|ом|и)?))"
)
_SHARE_VANISHED = re.compile(
    rf"\b(?:{_VANISH} (?:\w+ )?)?(?P<share>{_SHARE})(?: (?!{_VANISH}\b)\w+)?"
    rf"(?: (?:has|is|was|just|have))?(?: {_VANISH})?\b"
)
_VANISHED = re.compile(rf"\b{_VANISH}\b")
# A drive or a share said gone from the file manager ("диск з проєктами фітостін зник з
# провідника", "сетевая папка мастерской ротанга пропала из проводника", "the projects drive
# disappeared from Explorer"): what leaves Explorer's list is the mapped drive, whatever it
# holds or whose it is (four words between at most). A file or a folder gone stays as said,
# and so does a drive something else was gone from ("файл з диска зник з провідника").
_EXPLORER = r"(?:провідник\w*|проводник\w*|(?:file |windows )?explorer)"
_LEFT_EXPLORER = re.compile(
    rf"\b(?P<drive>диск(?:а|у|е|і|ом|и)?|drive|disk|{_SHARE})(?: \w+){{0,4}}? {_VANISH}"
    rf"(?: \w+)? (?:з|із|зі|из|с|со|from)(?: the)? {_EXPLORER}"
)
# What may follow a bare "share" that vanished: "the topiary share has disappeared".
_SHARE_VANISHING = re.compile(rf"has|is|was|just|have|{_VANISH}")
# "Z: отключен", "\\\\fileserver\\projects": a mapped drive or a network path.
_DRIVE_PATH = re.compile(rf"(?<![\w:]){_DRIVE_LETTER}:(?=[\s\\/]|$)|\\\\[\w.$-]+")
_MAILBOXES = MAILBOX_WORDS | MAIL_NAMES
# a disk, memory, machine or cloud storage: its room is its own
_STORED = STORAGE_WORDS - {MAIL_STORAGE} | CLOUD_STORAGE
# Mail named by its stem in any form ("почты", "пошті", "письмах", "аутлуке").
_MAIL_STEMS = ("почт", "пошт", "письм", "outlook", "аутлук")


def read_drive_paths(text: str) -> str:
    """A mapped drive's letter or a network path as the mapped drive ("z: отключен",
    "\\\\fileserver\\projects": netdrive)."""
    if ":" in text or "\\\\" in text:
        text = _DRIVE_PATH.sub(f" {MAPPED_DRIVE} ", text)
    return text


def read_network_drives(text: str) -> str:
    """A network drive's letter, its going and a share that vanished as the mapped drive:
    "диск s исчез" -> "netdrive пропал", "shared folder vanished" -> "netdrive vanished"."""
    # The cheap membership tests skip two regular expressions for most texts.
    if "диск" in text or "drive" in text or "disk" in text or "dysk" in text:
        text = _MAPPED_DRIVE.sub(MAPPED_DRIVE, text)
    if MAPPED_DRIVE in text:
        text = _DRIVE_GONE.sub(_drive_gone, text)
    if _VANISHED.search(text):
        text = _SHARE_VANISHED.sub(_share_vanished, text)
    if "vanish" in text:
        text = _DRIVE_VANISHED.sub(_drive_disappeared, text)
    if "провідник" in text or "проводник" in text or "explorer" in text:
        text = _LEFT_EXPLORER.sub(_left_explorer, text)
    return text


def read_cloud(words: list[str]) -> list[str]:
    """A cloud drive's syncing as the drive's where a cloud drive and no mail is named
    (`_cloud_named`, `_cloud_read`)."""
    if any(word.startswith(CLOUD_SYNC_STARTS) for word in words) and _cloud_named(words):
        words = _cloud_read(words)
    return words


def read_room(words: list[str]) -> list[str]:
    """Room said of a mailbox as its quota (`_mailbox_read`), or else a disk or machine
    said full as full in the article's words (`_storage_read`); a place in the locative
    ("на месте", "на місці") is where a thing is, no room, and is left out."""
    if not WHEREABOUTS_WORDS.isdisjoint(words):
        words = [w for w in words if w not in WHEREABOUTS_WORDS]
    if not (_MAILBOXES.isdisjoint(words) or _STORED.intersection(words)) and (
        not MAILBOX_WORDS.isdisjoint(words) or SAVING_WORDS.isdisjoint(words)
    ):
        words = _mailbox_read(words)
    elif not ROOM_CONTEXT.isdisjoint(words) and MAIL_WORDS.isdisjoint(words):
        words = _storage_read(words)
    return words


def read_bin(words: list[str]) -> list[str]:
    """A document in an emptied bin, or binned, as the deleted file it is (`_bin_read`),
    where the bin is no other bin (`BIN_ELSEWHERE`)."""
    if (
        not DOCUMENT_WORDS.isdisjoint(words)
        and (
            not BINNED_WORDS.isdisjoint(words)
            or not (BIN_WORDS.isdisjoint(words) or EMPTIED_WORDS.isdisjoint(words))
        )
        and not BIN_ELSEWHERE.search(" ".join(words))
    ):
        words = _bin_read(words)
    return words


# "записала новий прайс поверх старого": "поверх" is said this close after saving or writing.
_OVER_REACH = 3


def read_lost_document(words: list[str]) -> list[str]:
    """A document the user deleted, overwrote or saved over as the file it is: "видалила
    таблицю замовлень" -> "видалила файл замовлень", "зберегла поверх договору оренди" ->
    "зберегла поверх файл оренди" (a table, a contract or a price list lost is no word of
    accounting's or a lawyer's: the file is)."""
    if not (_lost_by_hand(words) and any(w.startswith(LOST_DOCUMENT_STEMS) for w in words)):
        return words
    return [FILE_WORD["uk"] if w.startswith(LOST_DOCUMENT_STEMS) else w for w in words]


def _lost_by_hand(words: list[str]) -> bool:
    """Whether the message says the user deleted or overwrote something ("видалила",
    "перезаписала") or saved or wrote over it ("зберегла поверх", not "на третьому поверсі")."""
    if not LOSING_WORDS.isdisjoint(words):
        return True
    return any(
        word in OVER_WORDS
        and not SAVING_OVER_WORDS.isdisjoint(words[max(index - _OVER_REACH, 0) : index])
        for index, word in enumerate(words)
    )


def _drive_gone(found: re.Match[str]) -> str:
    """A drive's "исчез", "подівся" as the article's "пропал", "зник"."""
    word = found.group(0)
    return "зник" if word.startswith(("щез", "поді", "діл", "дів")) else "пропал"


def _drive_disappeared(found: re.Match[str]) -> str:
    """A drive's "vanished" as the shared drive article's "disappeared"."""
    said = found.group(0)
    return said[: found.start("verb") - found.start()] + "disappeared"


def _left_explorer(found: re.Match[str]) -> str:
    """A drive or a share gone from Explorer as the mapped drive: "диск з проєктами зник з
    провідника" -> "netdrive з проєктами зник з провідника"; one said after "from", "з"
    ("файл з диска зник") is where something else was."""
    said = found.group(0)
    before = found.string[: found.start("drive")].split()[-1:]
    if not SHARE_PLACE_WORDS.isdisjoint(before):
        return said
    return MAPPED_DRIVE + said[found.end("drive") - found.start() :]


def _share_vanished(found: re.Match[str]) -> str:
    """A share said with a word of vanishing as the mapped drive that vanished: "shared
    folder vanished" -> "netdrive vanished"; one said after "from", "on", "з", "на" (two
    words back at most: "from the shared drive") is the place something else vanished from."""
    said = found.group(0)
    if not _VANISHED.search(said.replace(found.group("share"), " ")):
        return said
    before = found.string[: found.start("share")].split()[-2:]
    if not SHARE_PLACE_WORDS.isdisjoint(before):
        return said
    # "пропали файлы общей папки": a word between the vanishing and the share is what
    # vanished from it, unless it only points at the share ("пропала наша общая папка").
    between = found.string[found.start() : found.start("share")].split()[1:]
    if between and between[0] not in SHARE_LEAD_WORDS:
        return said
    # A bare "share" with a noun after it is a button or an option ("the share button is
    # gone", "the Share option disappeared in Word"), and a screen share is a meeting's.
    after = found.string[found.end("share") : found.end()].split()[:1]
    if found.group("share") == "share" and (
        before[-1:] == ["screen"] or (after and not _SHARE_VANISHING.fullmatch(after[0]))
    ):
        return said
    return said.replace(found.group("share"), MAPPED_DRIVE, 1)


def _cloud_named(words: list[str]) -> bool:
    """A cloud drive is named ("Яндекс диск", "Google Drive", "OneDrive", "облако") and
    no mail is: what syncs then is the drive ("Яндекс диск не синхронизируется"), while
    "почта в облаке не синхронизируется" stays the mail's."""
    cloud = not CLOUD_WORDS.isdisjoint(words) or any(
        maker in CLOUD_MAKERS and drive in CLOUD_DRIVES for maker, drive in pairwise(words)
    )
    return cloud and not any(
        word in MAIL_WORDS or word in _MAILBOXES or word.startswith(_MAIL_STEMS)
        for word in words
    )


def _cloud_read(words: list[str]) -> list[str]:
    """A cloud drive's syncing as the drive's ("cloudsync"), and a drive named by its
    maker as the cloud drive it is ("яндекс диск" -> "gdrive"): no mail, no local disk."""
    read: list[str] = []
    for word in words:
        if word.startswith(CLOUD_SYNC_STARTS):
            read.append(CLOUD_SYNC)
        elif word in CLOUD_DRIVES and read and read[-1] in CLOUD_MAKERS:
            read[-1] = CLOUD_DRIVE
        else:
            read.append(word)
    return read


def _mailbox_read(words: list[str]) -> list[str]:
    """Room or storage said of a mailbox or the mail is its quota ("no space left in my
    outlook" -> "no quota left", "ящик, нет места" -> "места quota"); a mailbox stuffed or
    crammed is full ("stuffed" -> "full")."""
    jams = not DEVICE_WORDS.isdisjoint(words)
    read = []
    for index, word in enumerate(words):
        after = words[index + 1] if index + 1 < len(words) else ""
        before = words[index - 1] if index else ""
        if word == "room" and before not in ROOM_AMOUNTS:
            read.append(word)
        elif (word in ROOM_WORDS or word == MAIL_STORAGE) and after not in SPACE_KEYS:
            # An English room is the quota alone: "out of space", "storage full" are the
            # disk's phrases ("немає місця" beside a mailbox stays an article's word).
            read.append(MAILBOX_ROOM if word.isascii() else f"{word} {MAILBOX_ROOM}")
        elif word in STUFFED_WORDS and not jams:
            read.append(MAILBOX_FULL)
        elif word in FULL_WORDS and not FULL_MAILBOX_WORDS.isdisjoint(
            words[max(index - FULL_REACH, 0) : index + FULL_REACH + 1]
        ):
            read.append(f"{word} {MAILBOX_ROOM}")
        else:
            read.append(word)
    return read


def _storage_read(words: list[str]) -> list[str]:
    """A disk or machine said full in everyday words is full in the article's ("диск полный"
    -> "диск заполнен"), and what to delete asked where its room, its size or its being full
    is said is what frees room ("что удалить" -> "что освободить место"); beside a machine
    named alone it is not ("комп тормозит, что удалить из автозагрузки" is a slow one)."""
    read = [
        STORAGE_FULL[word]
        if word in STORAGE_FULL
        and any(_storage_named(words, at, index) for at in range(max(index - FULL_REACH, 0), index))
        and (words[index + 1] if index + 1 < len(words) else "") not in UTTER_WORDS
        else word
        for index, word in enumerate(words)
    ]
    full = any(
        word in STORAGE_FULL and any(_storage_named(words, at, index) for at in range(index))
        for index, word in enumerate(words)
    )
    if not full and ROOM_SAID.isdisjoint(words) and ROOM_WORDS.isdisjoint(words):
        return read
    return [
        CLEAN_ASKED[word]
        if word in CLEAN_ASKED
        and not CLEAN_ASK_WORDS.isdisjoint(words[max(index - CLEAN_ASK_REACH, 0) : index])
        else word
        for index, word in enumerate(read)
    ]


def _storage_named(words: list[str], at: int, full: int) -> bool:
    """Whether the word at `at` names the storage said full at `full`: a disk, memory or
    machine, or the drive's letter where it is no preposition (`DRIVE_LETTERS`)."""
    word = words[at]
    if word not in DRIVE_LETTERS:
        return word in FULL_STORAGE_WORDS
    between = words[at + 1 : full]
    return (
        at == 0
        or words[at - 1] in DRIVE_LETTER_AFTER
        or all(w in FULL_ADVERBS for w in between)
    )


def _bin_read(words: list[str]) -> list[str]:
    """A document in the computer's emptied bin, or binned, as the deleted file it is:
    "emptied the bin and the list was in it" -> "emptied the recycle bin and the file was
    in it"; "binned the booking sheet" -> "deleted the booking file"; "почистила кошик, а
    там був договір" -> "… а там був файл" (a contract is no lawyer's question then)."""
    read = []
    for word in words:
        if word in BINNED_WORDS:
            read.append("deleted")
        elif word in BIN_READ:
            read.append(BIN_READ[word])
        elif word in DOCUMENT_WORDS:
            read.append(FILE_WORD["en" if word.isascii() else "uk"])
        else:
            read.append(word)
    return read
