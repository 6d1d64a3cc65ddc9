"""Text normalisation for ru, uk and en, before morphology (see morphology.py).

What users type ("Принтер НЕ печатает!!! 😡", "комп’ютер", "вай-фай", "пpинтep" with Latin
letters, "ghbynth" typed in the wrong layout) and what the articles say must land on the
same words: lowercase, ё as е, no apostrophes or punctuation, one script per word, slang
and split spellings unified. What a message says in everyday words of one domain is read
by that domain's module, which normalize_text calls in its order: storage.py (network
drives, full disks and mailboxes, cloud sync, the bin), slowness.py, idioms.py (English
idioms), printing.py, network.py (web pages, the Wi-Fi), peripherals.py (keyboard, mouse,
camera, screen).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from gateway.knowledge.idioms import (
    read_fallen_device,
    read_habit_given_up,
    read_hit_button,
    read_knocked_drink,
    read_runs_like,
    read_stopped_doing,
)
from gateway.knowledge.network import (
    read_crash_page,
    read_web_pages,
    read_wifi_internet,
    read_wifi_key,
)
from gateway.knowledge.peripherals import (
    read_camera,
    read_chords,
    read_faint,
    read_lone_symbols,
    read_not_answering,
    read_sign_names,
    read_silent_speakers,
)
from gateway.knowledge.printing import (
    jammed,
    paused_print,
    print_spoken,
    read_jam,
    read_paused_print,
    read_print_marks,
    read_scan_to_mail,
    read_scan_to_share,
    read_scanner,
)
from gateway.knowledge.slowness import read_load, read_pointer_jerks
from gateway.knowledge.storage import (
    read_bin,
    read_cloud,
    read_drive_paths,
    read_lost_document,
    read_network_drives,
    read_room,
)
from gateway.knowledge.vocabulary import (
    CODE_AFTER_START,
    CODE_AT_START,
    CRASH_CODE_WORD,
    ERROR_CODE_WORDS,
    HTTP_REASONS,
    LAUNCH_CODE_WORD,
    PHRASES,
    WORDS,
)
from gateway.triage.language import CYRILLIC

# "М.Е.Док", "M.E.Doc": a name written with its initials, one word (not "м", "е" and "док",
# a docking station).
_INITIALLED = re.compile(r"\b((?:[A-ZА-ЯЁІЇЄҐ]\.){1,4})([A-ZА-ЯЁІЇЄҐ][^\W\d_]+)")
_APOSTROPHES = re.compile(r"['’ʼ`‘´ʹ′]")
# English clitics after a Latin word: "they've", "it'll", "I'd", "he's", "ok'd", "the
# printer's": the word before is the word ("theyv", "itll" were words no article knows and
# weighed as much as the problem). "n't" is a negation, read elsewhere ("don't" -> not).
_CLITIC = re.compile(r"\b([a-z]+)['’ʼ`‘´ʹ′](?:ve|ll|re|d|m|s)\b")
_NON_WORD = re.compile(r"[^\w]+|_")
_REPEATS = re.compile(r"(\w)\1{2,}")
_LATIN = re.compile(r"[a-z]")
_PHRASE_STARTS = frozenset(p.split()[0] for p in PHRASES)
_ERROR_CODES = [(re.compile(pattern), word) for pattern, word in ERROR_CODE_WORDS]
_CODE_AT_START = re.compile(CODE_AT_START)
_CODE_AFTER_START = re.compile(CODE_AFTER_START)
_CODE_HINTS = ("0x", "err_", "error_", "5.", "50", "40")
# A pause word, in any of the three languages: cheap to look for before `paused_print` reads.
_PAUSE_CUES = ("paus", "пауз", "приостанов", "призупин")
_PHRASE = re.compile(
    r"\b(" + "|".join(re.escape(p) for p in sorted(PHRASES, key=len, reverse=True)) + r")\b"
)

# Latin letters that look like Cyrillic ones, and back: "пpинтep" typed with a Latin p and e,
# "пiсля" with the Latin i that Ukrainian keyboards without і make people type.
_TO_CYRILLIC = str.maketrans("aceopxykmtbhi", "асеорхукмтвні")
_TO_LATIN = str.maketrans("асеорхукмтвні", "aceopxykmtbhi")
# Text typed with the wrong keyboard layout: "ghbynth" is "принтер" on a ЙЦУКЕН keyboard.
_QWERTY = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`"
_JCUKEN = "йцукенгшщзхъфывапролджэячсмитьбюё"
_LAYOUT = str.maketrans(_QWERTY, _JCUKEN)
# The Ukrainian layout differs in three keys (і ї є for ы ъ э); ` is its apostrophe.
_UK_LAYOUT = str.maketrans(
    _QWERTY, _JCUKEN.replace("ы", "і").replace("ъ", "ї").replace("э", "є").replace("ё", "'")
)
# And back: "мзт" is "vpn" typed with the Russian or Ukrainian layout still on.
_BACK_TO_QWERTY = str.maketrans(_JCUKEN + "іїє", _QWERTY + "s]'")


# Marks over letters, typed or pasted: a letter in two code points (и + U+0306 for й, і +
# U+0308 for ї, e + U+0301 for é, from a Mac or a web form) is made one, and a stress mark
# ("при́нтер", "паро́ль", copied from a dictionary or put for a learner) is dropped, with
# the two Cyrillic letters Unicode has with one built in (ѐ, ѝ). A mark left alone is no
# letter and split the word: "при́нтер" was "при" and "нтер".
_STRESS_MARKS = str.maketrans(
    {"\u0301": None, "\u0300": None, "ѐ": "е", "ѝ": "и", "Ѐ": "Е", "Ѝ": "И"}
)


def unmarked(text: str) -> str:
    """`text` in composed letters (NFC), its stress marks dropped."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text).translate(_STRESS_MARKS)


# Readings run only when one of their cues is in the text, in this order (each reads what the
# one before left).
_GUARDED_READINGS: tuple[tuple[tuple[str, ...], Callable[[str], str]], ...] = (
    (("stop", "quit", "ceas"), read_stopped_doing),
    ((" like ",), read_runs_like),
    (("knock", "tip"), read_knocked_drink),
    (("slid", "slip", " in"), read_fallen_device),
    (("hit",), read_hit_button),
    (("скан",), read_scan_to_mail),
    (("скан", "scan"), read_scan_to_share),
)


def normalize_text(text: str) -> str:
    """Lowercase, ё→е, drop apostrophes, punctuation and emoji, fix mixed scripts, unify slang."""
    text = unmarked(text)
    if "." in text:
        text = _INITIALLED.sub(lambda m: m.group(1).replace(".", "") + m.group(2), text)
    text = text.lower().replace("ё", "е")
    text = _CLITIC.sub(r"\1", text)
    text = read_pointer_jerks(text)
    text = _APOSTROPHES.sub("", text)
    if any(hint in text for hint in _CODE_HINTS):
        # "0x800CCC0F", "550 5.7.1", "NET::ERR_CERT_DATE_INVALID": the problem they name.
        for pattern, word in _code_words(text):
            text = pattern.sub(lambda m, word=word: f"{m.group(0)} {word} ", text)
    text = read_chords(text)
    text = read_drive_paths(text)
    text = read_lone_symbols(text)
    text = read_sign_names(text)
    text = read_silent_speakers(text)
    text = _NON_WORD.sub(" ", text)
    text = _REPEATS.sub(r"\1", text)
    words = [_fix_mixed_script(w) for w in text.split()]
    text = " ".join(words)
    text = read_habit_given_up(text)
    # `words` is split again only after the readings guarded here have run (the print
    # readings and the phrases read it), so their cheap tests stay with the split.
    for cues, read in _GUARDED_READINGS:
        if any(cue in text for cue in cues):
            text = read(text)
            words = text.split()
    text = read_web_pages(text)
    if "опаньки" in text or "халеп" in text:
        text = read_crash_page(text)
    if ("smudg" in text or "strip" in text or "sheet" in text) and print_spoken(text, words):
        text = read_print_marks(text)
        words = text.split()
    if any(cue in text for cue in _PAUSE_CUES) and paused_print(text, words):
        text = read_paused_print(text)
        words = text.split()
    if any(cue in text for cue in ("жу", "жов", "жев", "жр", "жер", "застря")) and (
        jammed(text, words)
    ):
        text = read_jam(text)
        words = text.split()
    text = read_network_drives(text)
    if not _PHRASE_STARTS.isdisjoint(words):
        text = _PHRASE.sub(lambda m: PHRASES[m.group(1)], text)
    text = read_wifi_internet(text)
    text = read_camera(text)
    text = read_not_answering(text)
    text = read_wifi_key(text)
    words = text.split()
    words = read_cloud(words)
    words = read_load(words)
    words = read_room(words)
    words = read_bin(words)
    words = read_lost_document(words)
    words = read_scanner(words)
    words = read_faint(words)
    return " ".join(WORDS.get(w, w) for w in words)


def code_readings(text: str) -> list[str]:
    """The words `normalize_text` adds after the error codes of `text` ("ошибка 502" gives
    "website"): a reading of the code, not a word the user wrote."""
    text = text.lower()
    if not any(hint in text for hint in _CODE_HINTS):
        return []
    return [word for pattern, word in _code_words(text) for _ in pattern.finditer(text)]


def _code_words(text: str) -> list[tuple[re.Pattern[str], str]]:
    """The code readings for `text` (lowercased): a crash code said with the program's start
    reads as the launch codes do (CODE_AT_START), unless the start is past or of something
    else (CODE_AFTER_START)."""
    text = _APOSTROPHES.sub("", text)
    if not _CODE_AT_START.search(text) or _CODE_AFTER_START.search(text):
        return _ERROR_CODES
    return [
        (pattern, LAUNCH_CODE_WORD if word == CRASH_CODE_WORD else word)
        for pattern, word in _ERROR_CODES
    ]


def without_code_words(text: str) -> str:
    """`text` (lowercased) with only the codes of what the code readings matched: "shows a
    502 bad gateway", "ошибка 502" keep "502". The words read with a code, and an HTTP
    status's reason phrase after it, say that something is broken, never what."""
    text = text.lower()
    if any(hint in text for hint in _CODE_HINTS):
        for pattern, _ in _ERROR_CODES:
            text = pattern.sub(_codes_only, text)
    return _HTTP_REASON.sub(" ", text)  # one said without its code: "page says bad gateway"


def _codes_only(match: re.Match[str]) -> str:
    return " " + " ".join(_CODE_TOKEN.findall(match.group(0))) + " "


_CODE_TOKEN = re.compile(r"[\w.:-]*[\d_][\w.:-]*")
_HTTP_REASON = re.compile(rf"(?<!\w)(?:{HTTP_REASONS})(?!\w)")


def from_wrong_layout(word: str) -> tuple[str, ...]:
    """The Cyrillic words meant when Latin keys were pressed in the Russian or the Ukrainian
    ЙЦУКЕН layout ("ghbynth": принтер; "ghfw.'": працює), Russian first; () if none."""
    if not word.isascii() or not re.fullmatch(r"[a-z;',.\[\]`]+", word):
        return ()
    russian = word.translate(_LAYOUT)
    ukrainian = word.translate(_UK_LAYOUT).replace("'", "")
    return (russian,) if ukrainian == russian else (russian, ukrainian)


def from_cyrillic_layout(word: str) -> str | None:
    """The Latin word meant when Cyrillic keys were pressed for it ("щгедщщл": outlook). The
    comma or full stop typed after it in the same layout is its punctuation ("цшашб": "wifi,",
    "дщслувб": "locked,")."""
    if not CYRILLIC.search(word):
        return None
    latin = word.translate(_BACK_TO_QWERTY)
    if len(latin) > 2:
        latin = latin.rstrip(",.")
    return latin if latin.isascii() and latin.isalpha() else None


def _fix_mixed_script(word: str) -> str:
    if word.isascii() or not _LATIN.search(word):
        return word
    cyrillic = len(CYRILLIC.findall(word))
    latin = len(_LATIN.findall(word))
    if not cyrillic or not latin:
        return word
    return word.translate(_TO_CYRILLIC) if cyrillic >= latin else word.translate(_TO_LATIN)
