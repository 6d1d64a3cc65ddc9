"""Text normalisation and a light stemmer for ru, uk and en.

What users type ("Принтер НЕ печатает!!! 😡", "комп’ютер", "вай-фай", "пpинтep" with Latin
letters, "ghbynth" typed in the wrong layout) and what the articles say must land on the
same terms. The stemmer strips endings only; it does not need to be linguistically exact,
just the same for the query and for the articles.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gateway.knowledge.vocabulary import PHRASES, STOP_WORDS, WORDS

_APOSTROPHES = re.compile(r"['’ʼ`‘´ʹ′]")
_NON_WORD = re.compile(r"[^\w]+|_")
_REPEATS = re.compile(r"(\w)\1{2,}")
_CYRILLIC = re.compile(r"[а-яіїєґ]")
_LATIN = re.compile(r"[a-z]")
# Drive letters past C and D are network drives in an office: "диск S", "the H drive".
_MAPPED_DRIVE = re.compile(r"\b(?:(?:диск[аеуі]?|drive) ([e-z])|([e-z]) drive)\b")
_PHRASE_STARTS = frozenset(p.split()[0] for p in PHRASES)
_PHRASE = re.compile(
    r"\b(" + "|".join(re.escape(p) for p in sorted(PHRASES, key=len, reverse=True)) + r")\b"
)

# Latin letters that look like Cyrillic ones, and back: "пpинтep" typed with a Latin p and e.
_TO_CYRILLIC = str.maketrans("aceopxykmtbh", "асеорхукмтвн")
_TO_LATIN = str.maketrans("асеорхукмтвні", "aceopxykmtbhi")
# Text typed with the wrong keyboard layout: "ghbynth" is "принтер" on a ЙЦУКЕН keyboard.
_QWERTY = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`"
_JCUKEN = "йцукенгшщзхъфывапролджэячсмитьбюё"
_LAYOUT = str.maketrans(_QWERTY, _JCUKEN)

# Endings, longest first within each group. Russian and Ukrainian share one list: a word is
# stemmed the same way whichever language it came in, which is all the matcher needs.
_REFLEXIVE = ("ться", "тися", "тись", "ся", "сь")
_ENDINGS_TEXT = """
        ування ювання ання ення іння ість ость ості ости
        ировать ировал ировала ировали ованный ований ованная ована овані ованн овано ован
        увати ювати ати яти ити іти ать ять ить еть уть ыть
        ает яет ует ует ють ують ює ує ешь ишь ете ите ает ает ают яют ит ет ют ут ят ат ім
        ала ало али ела ели ила или ило ал ел ил ав ив ла ли ло
        ами ями ого его ому ему ыми ими ых их ой ей ий ый ая яя ое ее ую юю ою ею ові еві
        ом ем ам ям ах ях ов ев ів ью ия ія ию ій ие ии иях иям ией
        а я о е ы и і ї у ю ь й є
"""
_CYRILLIC_ENDINGS = tuple(sorted(set(_ENDINGS_TEXT.split()), key=len, reverse=True))
_VERB_STEM_TAILS = ("ов", "ув", "юв", "ир")
_ENGLISH_RULES = (
    ("ational", "ate"),
    ("ization", "ize"),
    ("ingly", ""),
    ("ement", ""),
    ("ments", ""),
    ("ment", ""),
    ("ness", ""),
    ("ings", ""),
    ("tion", "t"),
    ("sion", "s"),
    ("ing", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ers", ""),
    ("er", ""),
    ("ed", ""),
    ("ly", ""),
    ("es", ""),
    ("s", ""),
)


def normalize_text(text: str) -> str:
    """Lowercase, ё→е, drop apostrophes, punctuation and emoji, fix mixed scripts, unify slang."""
    text = text.lower().replace("ё", "е")
    text = _APOSTROPHES.sub("", text)
    text = _NON_WORD.sub(" ", text)
    text = _REPEATS.sub(r"\1", text)
    words = [_fix_mixed_script(w) for w in text.split()]
    text = " ".join(words)
    # The cheap membership tests skip two regular expressions for most texts.
    if "диск" in text or "drive" in text:
        text = _MAPPED_DRIVE.sub("netdrive", text)
    if not _PHRASE_STARTS.isdisjoint(words):
        text = _PHRASE.sub(lambda m: PHRASES[m.group(1)], text)
    return " ".join(WORDS.get(w, w) for w in text.split())


def content_words(text: str) -> list[str]:
    """Normalised words of a message without stop words and bare numbers."""
    return [
        w
        for w in normalize_text(text).split()
        if w not in STOP_WORDS and not w.isdigit() and (len(w) > 1 or w.isalpha())
    ]


def terms(text: str) -> list[str]:
    """Stems of the content words, in order, duplicates removed."""
    seen: dict[str, None] = {}
    for word in content_words(text):
        seen.setdefault(stem(word), None)
    return list(seen)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Strip an inflectional ending: принтера/принтеру → принтер, printing/printed → print."""
    if _CYRILLIC.search(word):
        return _stem_cyrillic(word)
    if word.isascii() and word.isalpha():
        return _stem_english(word)
    return word


def from_wrong_layout(word: str) -> str | None:
    """The Cyrillic word meant when Latin keys were pressed in the ЙЦУКЕН layout, if any."""
    if not word.isascii() or not re.fullmatch(r"[a-z;',.\[\]`]+", word):
        return None
    return word.translate(_LAYOUT)


def _fix_mixed_script(word: str) -> str:
    if word.isascii() or not _LATIN.search(word):
        return word
    cyrillic = len(_CYRILLIC.findall(word))
    latin = len(_LATIN.findall(word))
    if not cyrillic or not latin:
        return word
    return word.translate(_TO_CYRILLIC) if cyrillic >= latin else word.translate(_TO_LATIN)


def _stem_cyrillic(word: str) -> str:
    for ending in _REFLEXIVE:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[: -len(ending)]
            break
    for ending in _CYRILLIC_ENDINGS:
        # Short stems keep more of the word: "печать" is печат-ь, not печ-ать.
        if word.endswith(ending) and len(word) - len(ending) >= (3 if len(ending) == 1 else 4):
            word = word[: -len(ending)]
            break
    for tail in _VERB_STEM_TAILS:
        if word.endswith(tail) and len(word) - len(tail) >= 5:
            return word[: -len(tail)]
    return word


def _stem_english(word: str) -> str:
    if len(word) <= 3:
        return word
    for suffix, replacement in _ENGLISH_RULES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                break
            word = word[: -len(suffix)] + replacement
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word
