"""Printers and scanners said in everyday words (see normalize.py).

Scans that go to the mail or a shared folder ("скан на пошту не надходить"), smudges and blank
sheets on a print, paper chewed or stuck ("МФУ жуёт листы"), a scanner named by its series or
described as a sheet put under a lid.
"""

from __future__ import annotations

import re

from gateway.knowledge.vocabulary import (
    COPIER_WORDS,
    FLAT_WORDS,
    GLASS_PART_WORDS,
    GLASS_WORDS,
    LID_WORDS,
    PRINTER_MAKER_WORDS,
    PUT_WORDS,
    SCAN_PART_WORDS,
    SCAN_WORDS,
    SCANNER_SERIES_WORDS,
    SCANNER_WORD,
    SHEET_WORDS,
)
from gateway.triage.language import UKRAINIAN_LETTERS

# "скан на пошту не надходить", "сканы в почту не доходят": the mail is where the scans
# go, and what fails is the scanner's sending (the articles' "scan to email"); the
# destination's word made the message the mail's own ("не надходить" beside "пошту").
# After a scan word in Russian or Ukrainian it is read as the scanner; the English "scan
# to email" is a phrase the scanner article has.
_SCAN_TO_MAIL = re.compile(
    r"\b((?:от|від|ві)?скан[а-яіїє]*)\s+(?:на|в|у)\s+(?:(?:свою|мою|нашу|рабочую|робочу)\s+)?"
    r"(?:почту|пошту|почта|пошта|email|мейл|емейл|имейл|імейл|мыло|ящик|скриньку)\b"
)
# Printing, copying or scanning named: a page then is a printed one, no web page.
PRINTING = re.compile(r"принт|печат|друк|print|мфу|бфп|mfp|copier|ксерокс|scan|скан")
# "перестало сканировать в общую папку", "відскановані файли не зберігаються в мережеву
# папку", "scanning into the network folder fails": the folder scans go to is the scanner's
# destination ("скан в папку", "scan to folder"), its share word no shared drive that fails.
# Read as the plain folder; a share after a "but" or an "а" is a clause of its own.
_SCAN_TO_SHARE = re.compile(
    r"\b((?:от|від|ві)?скан[а-яіїє]*|scan(?:s|ning|ned)?)"
    r"((?:\s+(?!(?:а|но|але|і|и|та|but|and)\b)\w+){0,3}?\s+(?:в|у|до|to|into|in)\s+(?:the\s+)?)"
    r"(?:общ|сетев|спільн|мережев|shared|network|common)\w*\s+(папк\w*|тек[аиуі]\b|folders?)\b"
)
# A print defect said as smudges or a stripe, and blank sheets, are the article's streaks and
# blank pages when a print is spoken of: printing, a printer's maker, pages or sheets coming
# out ("prints coming out with black smudges", "the HP is spitting out completely blank
# sheets"). Elsewhere they say nothing of a print: "where do I get blank sheets of A4", "the
# spreadsheet has a stripe of empty cells", "a smudge on my monitor", Stripe the payments.
_PRINT_MARK = re.compile(r"\b(?:smudg(?:e|es|ed|y|ing)|strip(?:e|es|ed|y))\b")
_BLANK_SHEETS = re.compile(r"\b(blank|empty)\s+sheets?\b")
# "МФУ жуёт листы", "внутри что-то зажевало", "сожрал лист и встал", "в середині застряг
# аркуш", "зажовує зовсім. Canon": paper chewed, or paper stuck, is the printer's jam when no
# other machine that takes paper, or an animal or a child, is named (a shredder, a
# laminator, an ATM, a tape, "собака сжевала лист"). The
# chewing is the article's "зажевало", "зажувало", and the printer it happens in is said
# when the user leaves it out (a jam with no machine named read as everyday life's).
_CHEWED = re.compile(
    r"\b(?:(?:за|с|из)?жу[её]т|жуют|(?:за|с|из)?жевал\w*|заж[её]выва\w*|сожрал\w*|жр[её]т|"
    r"жу[єє]|жують|з[а]?жува\w*|зажову\w*|зжер\w*)\b"
)
# Eating is also using up ("МФУ жрёт тонер", "Chrome жрёт память"): a jam only of a sheet eaten.
_EATEN = re.compile(r"\b(?:сожрал\w*|жр[её]т|жрут|зжер\w*)\b")
_STUCK = re.compile(r"\bзастря\w*")
# Paper, whatever the language; stuck alone is said of mail and web pages too ("лист застряг у
# вихідних"): paper only.
_PAPER = re.compile(r"\b(?:бумаг\w*|аркуш\w*|папір\w*|папер\w*|этикет\w*|етикет\w*)\b")
# A Russian "лист" is a sheet; a Ukrainian one is a letter ("поштовий сервер жує листи").
_RUSSIAN_SHEET = re.compile(r"\b(?:лист(?:ы|ов|ок|ка|ки|а|у|и)?|листочк\w*)\b")
# A program that "eats" a letter, a worksheet or a page ("Outlook зжер лист", "Excel сожрал
# лист", "Chrome жрёт память, страницы грузятся") is no printer.
_PROGRAM = re.compile(
    r"excel|ексел|эксел|outlook|аутлук|\bword\b|\bворд\w*|chrome|браузер|\bпочт(?:а|ы|у|е|ой|ов\w*)\b|"
    r"\bпошт\w*|сервер|памят|пам.ят"
)
_OTHER_FEEDER = re.compile(
    r"шредер|уничтожит|знищувач|ламинат|ламінат|банкомат|купюр|кассет|касет|пл[её]нк|плівк|"
    r"переплет|брошюр|степлер|shredder|laminator|"
    # and who else chews paper: "собака сжевала лист", "коза сжевала накладные"
    r"\b(?:собак\w*|пс[аыу]|п[её]с|кот|кота|коты|кошк\w*|кіт|кішк\w*|щен\w*|цуцен\w*|"
    r"хомяк\w*|попуга\w*|дитин\w*|реб[её]н\w*|дет(?:и|ей|ям)|малыш\w*|малюк\w*|"
    r"коз(?:а|ы|у|ой|е|и|ел|ёл|ла|лы)|кіз|цап\w*|коров\w*|корів\w*|кролик\w*|кріл\w*|крол\w*|"
    r"крыс\w*|щур\w*|овц\w*|вівц\w*|лошад\w*|кон[ья]|кінь|свин\w*|теля\w*|тел[её]н\w*|телят\w*)\b"
)
_PRINTER_SAID = re.compile(r"\b(?:принтер|printer|mfp|мфу)")
_PRINTED_OUT = re.compile(
    r"\b(?:pages?|printouts?|(?:spit|spits|spitting|come|comes|coming|came|feed|feeds|"
    r"feeding|churns?|churning)\s+out)\b"
)


def read_scan_to_mail(text: str) -> str:
    """Scans sent to the mail as the scanner's sending: "скан на пошту не надходить" ->
    "скан scanner не надходить"."""
    return _SCAN_TO_MAIL.sub(rf"\1 {SCANNER_WORD}", text)


def read_scan_to_share(text: str) -> str:
    """The shared folder scans go to as the plain folder: "скан в общую папку" -> "скан в
    папку"."""
    return _SCAN_TO_SHARE.sub(r"\1\2\3", text)


def read_print_marks(text: str) -> str:
    """Smudges and stripes on a print as the article's streaks, blank sheets as blank pages
    (where `print_spoken`)."""
    return _BLANK_SHEETS.sub(r"\1 pages", _PRINT_MARK.sub("streaks", text))


def read_jam(text: str) -> str:
    """Paper chewed as the article's "зажевало", "зажувало", in the printer where none is
    named (where `jammed`)."""
    ukrainian = not UKRAINIAN_LETTERS.isdisjoint(text)
    text = _CHEWED.sub("зажувало" if ukrainian else "зажевало", text)
    if not _PRINTER_SAID.search(text):
        text += " принтері" if ukrainian else " принтер"
    return text


def read_scanner(words: list[str]) -> list[str]:
    """A scanner's series as the scanner, and a sheet put under a lid as the scanner it
    describes."""
    if not SCANNER_SERIES_WORDS.isdisjoint(words):
        words = [f"{w} {SCANNER_WORD}" if w in SCANNER_SERIES_WORDS else w for w in words]
    if not (LID_WORDS.isdisjoint(words) or PUT_WORDS.isdisjoint(words)) and not (
        SHEET_WORDS.isdisjoint(words)
    ):
        # A sheet put under a lid: the scanner, described by one who does not know its name.
        # The description is the scanner, no more: its sheet is no letter ("лист" is one in
        # Ukrainian) and the lid and the putting are nothing broken.
        words = [
            SCANNER_WORD if w in LID_WORDS else w
            for w in words
            if w not in SHEET_WORDS and w not in PUT_WORDS
        ]
    return _scanner_described(words)


_GLASS_OR_PART = GLASS_WORDS | GLASS_PART_WORDS


def _scanner_described(words: list[str]) -> list[str]:
    """The scanner said in English by its part or its glass: "the scanning bit on the big
    machine" -> "the scanner on the big machine", "the flat glass thing on top of the
    copier" -> "the scanner on top of the copier" (a flat thing or a glass plate is the
    scanner's only on a copier, and a glass is no part by itself: "the flat tyre", "the glass
    door of the copier room" are no one's)."""
    found: list[str] = []
    copier = not COPIER_WORDS.isdisjoint(words)
    i = 0
    while i < len(words):
        word = words[i]
        after = words[i + 1] if i + 1 < len(words) else ""
        if word in SCAN_WORDS and after in SCAN_PART_WORDS:
            found.append(SCANNER_WORD)  # "the scanning bit"
            i += 2
            continue
        if copier and (word in FLAT_WORDS or word in GLASS_WORDS):
            end = i + 1
            while end < len(words) and words[end] in _GLASS_OR_PART:
                end += 1
            if end > i + 1 and (word in FLAT_WORDS or words[i + 1] in GLASS_PART_WORDS):
                found.append(SCANNER_WORD)  # "the flat glass thing", "the glass plate"
                i = end
                continue
        found.append(word)
        i += 1
    return found


def jammed(text: str, words: list[str]) -> bool:
    """Paper chewed, or paper stuck, in a message naming no other machine that takes paper,
    no animal or child, and no program."""
    if _OTHER_FEEDER.search(text):
        return False
    printing = print_spoken(text, words) or "прінтер" in text
    if _PROGRAM.search(text) and not printing:
        return False
    sheet = bool(
        _PAPER.search(text) or (UKRAINIAN_LETTERS.isdisjoint(text) and _RUSSIAN_SHEET.search(text))
    )
    if _CHEWED.search(text) and (sheet or (printing and not _EATEN.search(text))):
        return True
    return bool(_STUCK.search(text) and _PAPER.search(text))


def print_spoken(text: str, words: list[str]) -> bool:
    """Whether a print is spoken of: printing or copying named, a printer's maker or series,
    or pages coming out of something (`_PRINT_MARK`)."""
    return bool(
        PRINTING.search(text)
        or _PRINTED_OUT.search(text)
        or not PRINTER_MAKER_WORDS.isdisjoint(words)
    )


# A print queue's pause, shown as the printer's status ("Paused", «Приостановлено»,
# «Призупинено») or what the user asks to undo ("unpause it", «снять паузу», «зняти паузу»):
# the state the printer article calls offline, a queue that holds the jobs. Read so only where
# a print is spoken of and no scan: a sync, an update, a video or a song paused are their own.
_PAUSED = re.compile(
    r"\b(?:un)?paus(?:e|ed|es|ing)\b|\b(?:приостановлен|призупинен|пауз)[а-яіїє]*"
)
_SCANNING = re.compile(r"scan|скан")


def paused_print(text: str, words: list[str]) -> bool:
    """Whether the message says a printer or its queue is paused: a pause word where a print
    is spoken of (`print_spoken`) and no scanning is."""
    return bool(
        _PAUSED.search(text) and not _SCANNING.search(text) and print_spoken(text, words)
    )


def read_paused_print(text: str) -> str:
    """A printer's pause as the article's "offline" (where `paused_print`)."""
    return _PAUSED.sub(r"\g<0> offline", text)
