"""Lemmas of user messages and article texts in ru, uk and en.

Russian and Ukrainian words go through pymorphy3 and its dictionaries (shipped inside the
pymorphy3-dicts-ru and -uk wheels, so it works offline): "принтера", "принтеру" → принтер,
"общую", "общая" → общий, "сетевые" → сетевой. English words go through the Snowball
stemmer: printing, prints → print. Before that, normalize.normalize_text unifies case, ё/е,
apostrophes, mixed scripts and slang, and a word typed in the wrong keyboard layout
("ghbynth") is read as the Cyrillic word meant (принтер) when that one is a dictionary word.
The ru and uk dictionaries are loaded, once a process, by `dictionaries`.

Public API (other modules call only these):

- `lemmas(text, lang=None, keep_stop_words=False) -> list[str]`: the content lemmas of a
  text, in order. Stop words are function words only; `keep_stop_words=True` keeps every
  word, for keyword phrases that must not shrink.
- `tokens(text, lang=None) -> list[Token]`: every word with its lemma, whether it is a
  stop word and whether a dictionary knows it (what the matcher needs for typo tolerance).
- `lemma(word, lang) -> str`: the lemma of one normalised word.
- `meant_text(text, lang=None) -> str`: a message typed in translit or the wrong keyboard
  layout as the Cyrillic words meant ("u vseh vse upalo" → "у всех все упало"); any other
  text as it is.
- `stem(word) -> str`: the Snowball stem, a key for comparing typos with real words.
- `action_root(word) -> str | None`: the root a Cyrillic verb shares with its action noun
  ("оновлюватися", "оновлення": оновл), which a shared beginning is too short to join.
- `is_dictionary_word(word, lang) -> bool`: whether a word is a real word of ru, uk or en,
  so that typo tolerance never turns one real word into another (lunch is not launch).

Lemmas are cached per (word, language); a word costs about 0.1 ms the first time and
nothing after. Language of a Cyrillic word: the one asked for, then the other when only the
other dictionary knows the word ("працює" in a message detected as Russian).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from functools import cache, lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from gateway.knowledge import dictionaries
from gateway.knowledge.normalize import (
    from_cyrillic_layout,
    from_wrong_layout,
    normalize_text,
    unmarked,
)
from gateway.knowledge.translit import cyrillic_readings, is_latin_word
from gateway.knowledge.vocabulary import (
    GENERIC_WORDS,
    PHRASES,
    PRODUCT_WORDS,
    RUSSIAN_SENSES,
    STOP_WORDS,
    WORDS,
)
from gateway.triage.language import CYRILLIC, RUSSIAN_LETTERS, UKRAINIAN_LETTERS, detect_language

if TYPE_CHECKING:
    from collections.abc import Callable, Container, Iterator

    import pymorphy3
    import Stemmer

_LATIN = re.compile(r"[a-zA-Z]")
# Ukrainian writes an apostrophe after б п в м ф р before я ю є ї (комп'ютер, пам'ять),
# and after a prefix that ends in a consonant (з'явитися, під'єднати, роз'єм, об'єкт);
# normalisation drops apostrophes and many people never type them, so one is put back
# before a dictionary look-up.
_UK_APOSTROPHE = re.compile(r"([бпвмфр])([яюєї])")
_UK_PREFIX_APOSTROPHE = re.compile(r"[бвдзстжк](?=[яюєї])")
_UK_PREFIX_REACH = 6  # a prefix's last consonant is within the first letters: "перед'", "між'"
# A word seen fewer times than this in the English frequency list is too rare to be sure it
# is a real word rather than a frequent misspelling.
_ENGLISH_MIN_COUNT = 100
_MEMO_TEXT_CHARS = 500
# How much is memoised. A word read costs ~0.1 ms the first time; kept, ~300 bytes in each
# of the ten memos below that keep it, and a text ~3 KB. At the former sizes (64-128 Ki
# words, 16 Ki texts) full memos took ~190 MiB of every process that answers, reached by
# a wide enough vocabulary (typos, names, codes, pasted errors) in a long run. 16 Ki words
# hold the knowledge base and every evaluation set together (~6,000 words) twice over.
_WORDS_KEPT = 16384
_TEXTS_KEPT = 2048
_PUNCTUATION = ",.;:!?'\"()"
_PAST_ENDINGS = ("ла", "ло", "ли")
_CANONICAL = frozenset(WORDS.values())  # vpn, wifi, email, ...
# One-letter transliterated words: the prepositions and conjunctions they stand for.
_LETTERS = {"u": "у", "v": "в", "k": "к", "s": "с", "o": "о", "a": "а", "i": "и", "z": "з"}
# Words our lists know even where a dictionary does not (тімс, немає).
_OUR_WORDS = frozenset(WORDS) | STOP_WORDS | GENERIC_WORDS
# Verb prefixes of ru and uk, longest first (only tried on words no dictionary knows).
_PREFIXES = (
    *("перед", "недо", "пере", "пред", "від", "під", "роз", "раз", "при", "про", "над"),
    *("об", "от", "по", "за", "до", "ви", "вы", "на"),
)


# A slang verb no dictionary knows in its "once" form: a borrowed root ending in a consonant,
# then -ну- and a Russian or Ukrainian ending ("крашнулся", "лагнуло", "ребутнул",
# "глюкнула", "крашнувся", "ребутнуть", "крашнется").
_SEMELFACTIVE = re.compile(
    r"^(?P<root>[а-яіїєґ]{2,}?[бвгджзклмпрстфхцчшщ])"
    r"н(?:ул(?:ся|ась|ось|ись|а|о|и)?|ув(?:ся)?|ула(?:ся|сь)|уло(?:ся|сь)|ули(?:ся|сь)"
    r"|уть(?:ся)?|утся|у(?:ся|сь)?|[её]т(?:ся)?|еть(?:ся)?)$"
)


class Token(NamedTuple):
    """One word of a message: as normalised, its lemma, and what kind of word it is."""

    word: str
    lemma: str
    stop: bool  # a function word or a bare number: says nothing about the problem
    known: bool  # a dictionary word, so never read as a typo of another word
    name: bool = False  # capitalised inside a sentence and in no dictionary: a name (Камри)
    quoted: bool = False  # inside quotation marks: words a screen shows ("Preparing Windows")
    # The lemma of the word's other reading when it was typed in Latin letters and "h" reads
    # as г and as х, both words ("vyhidnyh": вигідних, вихідних); the reader keeps the one
    # the articles use.
    other: str = ""
    # A name written in capitals (QGIS, WMS, PPE): a program's or a system's as often as
    # another trade's thing's, so the reader asks more of it than of a capitalised one.
    acronym: bool = False
    # Written as a name (capitalised inside a sentence or in capitals), dictionary word or
    # not: "GIMP", "Audacity" are programs asked for ("need GIMP on this laptop").
    capital: bool = False


def lemmas(text: str, lang: str | None = None, *, keep_stop_words: bool = False) -> list[str]:
    """Lemmas of the words of `text`, in order, stop words and bare numbers dropped.

    `lang` (ru, uk, en) says which dictionary to try first for Cyrillic words; detected
    from the text when None. With `keep_stop_words` every word is kept: a keyword phrase
    such as "мало места" stays two words and never shrinks to "место".
    """
    return [t.lemma for t in tokens(text, lang) if keep_stop_words or not t.stop]


def tokens(text: str, lang: str | None = None) -> list[Token]:
    """Every word of `text` with its lemma, stop-word flag and dictionary flag."""
    # Memoised for chat-sized texts: one turn reads its text several times (status
    # question, knowledge base, incidents), and many users write the same words at once
    # (an outage). Letters are long and rarely repeat: they are not kept.
    if len(text) > _MEMO_TEXT_CHARS:
        return list(_read_tokens(text, lang))
    return list(_memo_tokens(text, lang))


def _read_tokens(text: str, lang: str | None) -> tuple[Token, ...]:
    text = unmarked(text)  # the raw words too: names, quotes and layouts read the same letters
    raw = text.split()
    read = _latin_as_cyrillic(raw, lang)
    normal = normalize_text(" ".join(read))
    if lang not in ("ru", "uk", "en"):
        lang = detect_language(normal)
    words = normal.split()
    meant = [_latin_meant(word) for word in words]
    if sum(m != w for m, w in zip(meant, words, strict=True)) >= 2:
        # A whole English message typed in the Cyrillic layout: its short words too ("тщ").
        meant = [_latin_meant(w, 2) if m == w else m for m, w in zip(meant, words, strict=True)]
        meant = _english_in_layout(meant, words)
    meant = [_reflexive_respelt(word, lang) for word in meant]
    found = tuple(_token(word, lang) for word in meant)
    twins = {**_latin_twins(raw, read), **_h_twins(raw, read, lang)} if read is not raw else {}
    if twins:
        found = tuple(t._replace(other=twins[t.word]) if t.word in twins else t for t in found)
    if lang in ("ru", "uk"):
        found = _other_language_read(found, lang)
    names, models, quoted = _names(text), _models(text), _quoted(text)
    acronyms = _acronyms(text)
    if not names and not models and not quoted and not acronyms:
        return found
    return tuple(
        t._replace(
            name=(t.word in names | acronyms and not t.known) or t.word in models,
            quoted=t.word in quoted,
            acronym=t.word in acronyms and not t.known,
            capital=t.word in names | acronyms,
        )
        for t in found
    )


# Text in quotation marks, straight, curly or angled; a single quote only where it is no
# apostrophe (a space or the start before it, no letter after the closing one). Not triage's
# phrases.SCREEN_QUOTE: this reads the text before any folding (curly ‘…’ as well) and marks
# the words of a quote of one letter or more.
_QUOTED = re.compile(
    r"[\"“«„]([^\"“”«»„\n]{1,120})[\"”»“]|(?<![\w'’])['‘]([^'‘’\n]{1,120})['’](?![\w'’])"
)


def _quoted(text: str) -> frozenset[str]:
    """The words of a message inside quotation marks: what a screen or a program says
    ("stuck on 'Preparing Windows'", «Потенциальная угроза безопасности»)."""
    if not any(mark in text for mark in "\"“«„'‘"):
        return frozenset()
    return frozenset(
        word
        for m in _QUOTED.finditer(text)
        for word in normalize_text(m.group(1) or m.group(2) or "").split()
    )


def _names(text: str) -> frozenset[str]:
    """Words written with a capital inside a sentence ("замена масла на Камри"): names of
    things, which typo tolerance must not read as a word (Камри is not камера)."""
    inside = frozenset(
        _bare(word).replace("ё", "е")
        for line in text.splitlines()
        for before, word in pairwise(line.split())
        if word[:1].isupper() and word[1:2].islower() and not before.endswith((".", "!", "?"))
    )
    return inside | frozenset(_bare(word) for word in text.split() if _CAMEL.search(word))


# A Latin word with a capital after a small letter inside it is a product's name wherever
# it stands, the opening too: "SolidWorks crashes …", "CorelDRAW закривається …",
# "FortiClient stuck at 40%" (one a dictionary knows stays a word: "iPhone" is ours).
_CAMEL = re.compile(r"^[\"'(«]*[A-Za-z]*[a-z][A-Z][A-Za-z]*[,.;:!?'\")»]*$")


def _acronyms(text: str) -> frozenset[str]:
    """Latin words written in capitals anywhere in a message not shouted ("please install
    QGIS", "the WMS client crashes"): names too. One our lists know is a word of ours, not a
    name (VPN, HP, PC, PDF); only one no dictionary knows stays a name (`_read_tokens`)."""
    if not any(c.islower() for c in text):
        return frozenset()
    found = {_bare(word) for word in text.split() if _LATIN_ACRONYM.match(word)}
    return frozenset(found - _KNOWN_ACRONYMS)


# Two to five Latin capitals, maybe with punctuation around: a program's or a system's name.
_LATIN_ACRONYM = re.compile(r"^[\"'(]*[A-Z]{2,5}[,.;:!?'\")]*$")
_KNOWN_ACRONYMS = _OUR_WORDS | PRODUCT_WORDS | _CANONICAL


# A word joined by a hyphen to a code names a product or a model, dictionary word or not:
# "Компас-3D" is the CAD program, not a compass.
# It starts only where a run of letters starts: tried inside the run too, a long word with
# no hyphen cost time quadratic in its length (4,000 letters: 5.5 s), and the leftmost match
# starts at the run's start anyway.
_MODEL = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,})-\w*\d")


# Two capitalised Cyrillic words joined by a hyphen name a program, dictionary words or not:
# "Такси-Мастер", "Гранд-Смета", "Клиент-Банк" are no taxi, estimate or client.
_COMPOUND = re.compile(
    r"(?<![\w'’-])([А-ЯЁІЇЄҐ][а-яёіїєґ'’]+)-([А-ЯЁІЇЄҐ][а-яёіїєґ'’]+)(?![\w'’-])"
)


def _models(text: str) -> frozenset[str]:
    """Words that name a model by the code joined to them ("Компас-3D") and the words of a
    capitalised compound ("Такси-Мастер")."""
    coded = {m.group(1).lower().replace("ё", "е") for m in _MODEL.finditer(text)}
    return frozenset(
        coded
        | {
            word
            for m in _COMPOUND.finditer(text)
            for part in m.groups()
            for word in normalize_text(part).split()
        }
    )


_memo_tokens = lru_cache(maxsize=_TEXTS_KEPT)(_read_tokens)


def forget_texts() -> None:
    """Drop the memoised whole texts (word lemmas stay): benchmarks time a new message."""
    _memo_tokens.cache_clear()
    _memo_meant_text.cache_clear()


@contextmanager
def texts_kept(count: int) -> Iterator[None]:
    """Memoise up to `count` whole texts while inside, then the usual few again. The
    evaluation builds a ranker per fold (~2,100 texts of the knowledge base each) between
    the lines it ranks: more than a process that answers keeps, so each build read every
    text anew."""
    global _memo_tokens
    usual = _memo_tokens
    _memo_tokens = lru_cache(maxsize=count)(_read_tokens)
    try:
        yield
    finally:
        _memo_tokens = usual


def release() -> None:
    """Forget the dictionaries and every word read with them, for a process that takes
    no turns (`serve` beside its worker processes); the next use loads them again."""
    for value in list(globals().values()):
        if callable(getattr(value, "cache_clear", None)):
            value.cache_clear()
    dictionaries.release()


def meant_text(text: str, lang: str | None = None) -> str:
    """`text` with its Latin words read as the Cyrillic ones meant, when the message as a
    whole is translit or typed in the wrong layout; otherwise `text` unchanged. Memoised
    for chat-sized texts: a turn asks it of the same message and clauses many times (its
    language, triage's readings, the extractors)."""
    if not _LATIN.search(text):
        return text
    if len(text) > _MEMO_TEXT_CHARS:
        return _meant_text(text, lang)
    return _memo_meant_text(text, lang)


def _meant_text(text: str, lang: str | None) -> str:
    raw = text.split()
    meant = _latin_as_cyrillic(raw, lang, keep_names=True)
    return text if meant == raw else " ".join(meant)


_memo_meant_text = lru_cache(maxsize=_TEXTS_KEPT)(_meant_text)


def _latin_as_cyrillic(
    raw: list[str], lang: str | None = None, *, keep_names: bool = False
) -> list[str]:
    """Latin tokens read as the Cyrillic words meant, when the message as a whole says so.

    A message typed in the wrong layout ("ghbynth yt gtxfnftn") or transliterated
    ("myshka ne rabotaet") has more such readings than English words; one English message
    with a word that happens to read as Russian ("cert" → "сука") keeps its words.
    Done before punctuation is stripped, since , . ; ' [ ] stand for б ю ж э х ъ.
    """
    typed = raw
    # An apostrophe of any shape inside a Latin word is one mark ("kompʼjuter", "hal’muje");
    # not the backtick, the ё key of the wrong layout ("ex`nrf" учётка).
    raw = [_LATIN_APOSTROPHES.sub("'", t) if _LATIN.search(t) else t for t in raw]
    english = sum(
        len(t) >= 3 and _english_known(_bare(t)) and not _LAYOUT_LEAD.match(t) for t in raw
    )
    # A name written as one ("SumUp", "QuickBooks", "POS") is neither reading's word, for
    # what triage reads (`meant_text`); the matcher's tokens are read as they always were.
    # … not a message typed all in capitals: "GHBYNTH YT GTXFNFTN" is shouted in the layout
    shouted = not any(c.islower() for t in raw if t.isascii() for c in t)
    names = [keep_names and _written_as_a_name(t, acronyms=not shouted) for t in raw]
    # In a message written in Cyrillic, one Latin word spelt as a name ("Canva", "Krita",
    # "Jabra") is the product's own spelling: whoever writes Cyrillic and switches to Latin
    # for one word writes it as its makers do, not a Cyrillic word transliterated ("канва"
    # is a canvas, "крита" covered). Its reading stands only where our lists know it, and
    # Latin words said together are read together ("Aw, Snap"); a slip of the layout
    # ("Ghbdtn, не работает") is still read as the layout's word.
    spelt = names
    if _written_in_cyrillic(raw):
        spelt = [
            name
            or (
                _spelt_as_a_name(t)
                and not any(_LATIN.search(n) for n in raw[max(i - 1, 0) : i] + raw[i + 1 : i + 2])
                and _cyrillic_reading(t, lang) not in _OUR_WORDS
            )
            for i, (t, name) in enumerate(zip(raw, names, strict=True))
        ]
    # Only a Latin token that is no English, product or listed word can have a reading.
    # When those are fewer than the English words (a plain English message with a name in
    # it) neither reading can win, so none is worked out: a new word's readings cost most.
    open_to_reading = sum(
        t.isascii()
        and not name
        and (_may_read_as_cyrillic(_bare(t)) or bool(_LAYOUT_LEAD.match(t)))
        for t, name in zip(raw, names, strict=True)
    )
    if open_to_reading == 0 or open_to_reading < english:
        return typed
    layout = [None if name else _layout_reading(t) for t, name in zip(raw, names, strict=True)]
    translit = [
        None if name else _cyrillic_reading(t, lang) for t, name in zip(raw, spelt, strict=True)
    ]
    in_layout = sum(r is not None for r in layout)
    found = sum(r is not None for r in translit)
    # The reading that explains more words wins: in "zabyla parol ot kompa" only "ot" reads
    # as a layout word (ще), and every word as a transliterated one.
    if in_layout > english and in_layout >= found:
        return _read_as(layout, raw, _layout_in_context, names)
    if found and found >= english:
        # Its short words (ne, na, v) and words no dictionary knows (uchetka) are Cyrillic
        # too, even where they look like English.
        return _read_as(translit, raw, lambda t: _translit_in_context(t, lang), spelt)
    return typed


_LATIN_APOSTROPHES = re.compile(r"(?<=[a-zA-Z])[’ʼ‘´](?=[a-zA-Z])")


def _other_language_read(found: tuple[Token, ...], lang: str) -> tuple[Token, ...]:
    """Words both dictionaries know and read apart, with the other language's lemma for the
    reader to choose by what the articles say: "почту" in a Ukrainian message is почет
    there, the Russian почта people mix in ("не можу зайти в почту")."""
    others = [
        "" if t.other or t.stop else _other_language_lemma(t.word, lang) for t in found
    ]
    if not any(others):
        return found
    # A function or time word of the other language is read as one: surzhyk "с ранку"
    # ("since morning", the Russian dictionary's only reading a small wound's), "годину
    # тому" (the Ukrainian "ago", the Russian "тот").
    return tuple(
        (t._replace(lemma=other, stop=True) if other in STOP_WORDS else t._replace(other=other))
        if other
        else t
        for t, other in zip(found, others, strict=True)
    )


@lru_cache(maxsize=_WORDS_KEPT)
def _other_language_lemma(word: str, lang: str) -> str:
    """The lemma of a Cyrillic word in the other language's dictionary, when both know the
    word and read it as different lemmas; "" otherwise."""
    if not CYRILLIC.search(word) or set(word) & (UKRAINIAN_LETTERS | RUSSIAN_LETTERS):
        return ""
    other = "ru" if lang == "uk" else "uk"
    if not (
        dictionaries.analyser(lang).word_is_known(word)
        and dictionaries.analyser(other).word_is_known(word)
    ):
        return ""
    theirs = _likeliest(_parses(word, other), word).replace("ё", "е").replace("'", "")
    return theirs if theirs != lemma(word, lang) else ""


def _latin_twins(raw: list[str], read: list[str]) -> dict[str, str]:
    """Words of a translit message read into Cyrillic letters that no dictionary knows, with
    the lemma of the Latin word as typed: "authenticator" among "utopil telefon" is no
    "аутхентицатор" but the English word the articles use, too rare for the English list
    to know it; the ranker keeps the reading an article uses."""
    twins: dict[str, str] = {}
    for latin, word in zip(raw, read, strict=True):
        bare = _bare(latin)
        if (
            latin != word
            and len(bare) >= _LATIN_TWIN_SHORTEST
            and bare.isascii()
            and bare.isalpha()
            and CYRILLIC.search(word)
        ):
            cyrillic = normalize_text(word)
            if cyrillic not in _OUR_WORDS and not _cyrillic_known(cyrillic):
                twins[cyrillic] = lemma(bare, "en")
    return twins


# A Latin word shorter than this is too likely a translit one to be read as English.
_LATIN_TWIN_SHORTEST = 6


def _h_twins(raw: list[str], read: list[str], lang: str) -> dict[str, str]:
    """Transliterated words whose "h" reads as г and as х, both words of the message's
    language: the word read, normalised, and the other reading's lemma."""
    twins: dict[str, str] = {}
    for latin, word in zip(raw, read, strict=True):
        if latin != word and "h" in latin.lower():
            twin = _h_twin(_bare(latin), word, lang)
            if twin is not None:
                twins[normalize_text(word)] = lemma(normalize_text(twin), lang)
    return twins


@lru_cache(maxsize=_WORDS_KEPT)
def _h_twin(bare: str, word: str, lang: str) -> str | None:
    """The reading of a Latin word that differs from `word` only where one reads г and the
    other х, when it is a word of the message's language too ("vyhidnyh": вихідних beside
    вигідних; "hrip" хрип beside грип); None when there is none. Ukrainian translit writes
    г as h, Russian writes х as h: neither reading can be trusted alone."""
    if lang not in ("ru", "uk") or not CYRILLIC.search(word):
        return None
    word = word.lower()
    for reading in cyrillic_readings(bare, lang):
        if (
            reading != word
            and len(reading) == len(word)
            and all(a == b or {a, b} == {"г", "х"} for a, b in zip(reading, word, strict=True))
            and known_in(reading, lang)
        ):
            return reading
    return None


def _read_as(
    readings: list[str | None],
    raw: list[str],
    in_context: Callable[[str], str],
    names: list[bool],
) -> list[str]:
    """Each token as the word it reads as, or else as read in the message's context; a
    name stays as written. A one-letter word read as a preposition must have its noun
    after it: a last one is a drive letter or a name ("net diska z", "ytn lbcrf p")."""
    last = len(raw) - 1
    return [
        t if name else r or (t if i == last and len(t) == 1 else in_context(t))
        for i, (r, t, name) in enumerate(zip(readings, raw, names, strict=True))
    ]


def _layout_in_context(token: str) -> str:
    """A word of a wrong-layout message no dictionary knows: the Cyrillic letters meant
    anyway ("ex`nrf" is "учётка", slang), and a one-letter word as the preposition or
    conjunction meant ("e dct[" is "у всех"); English words and product names stay."""
    bare = _bare(token)
    switched = from_wrong_layout(token.lower().rstrip(",.?!"))
    if len(bare) == 1:
        return switched[0] if switched and switched[0] in STOP_WORDS else token
    if not switched or _english_known(bare) or bare in WORDS or bare in PRODUCT_WORDS:
        return token
    return switched[0]


# A reflexive verb's ending as people mistype it, and as it is spelt. Russian: the third
# person written as the infinitive ("запускаеться", "не включаеться") or as heard
# ("запускаетса", "запускаетца", "запускаеца", "запустилса"). Ukrainian: the third person
# written the Russian way ("запускаєтся") or as heard ("запускаєця", "вмикаєцця").
_REFLEXIVE_MISSPELT = {
    "ru": (
        ("ться", "тся"), ("тьса", "ться"), ("тса", "тся"), ("тца", "тся"), ("ца", "тся"),
        ("лса", "лся"), ("лис", "лись"), ("лас", "лась"),
    ),
    "uk": (("тся", "ться"), ("цця", "ться"), ("ця", "ться"), ("тса", "ться"), ("лса", "лася")),
}
_RESPELT_SHORTEST = 6


@lru_cache(maxsize=_WORDS_KEPT)
def _reflexive_respelt(word: str, lang: str | None) -> str:
    """A reflexive verb with its ending misspelt, spelt as the dictionary has it when that
    is a word ("запускаеться" → "запускается", "запускаєтся" → "запускається"); any other
    word as it is. Read as typed, the stemmer's guess ("запускает", "запускаетс") is
    another form, or no form, of the verb the articles use, and the word counts as one no
    article knows."""
    if len(word) < _RESPELT_SHORTEST or not CYRILLIC.search(word) or _cyrillic_known(word):
        return word
    # Only the message's own language: "запустилса" in a Russian message is no Ukrainian
    # "запустилася".
    language, _ = _order(word, lang or "ru")
    for typed, spelt in _REFLEXIVE_MISSPELT[language]:
        if word.endswith(typed):
            candidate = word[: -len(typed)] + spelt
            if known_in(candidate, language) and _is_verb(candidate, language):
                return candidate
    return word


def _is_verb(word: str, lang: str) -> bool:
    return any(p.tag.POS in _VERB_PARTS for p in _parses(word, lang) if p.is_known)


_VERB_PARTS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


@lru_cache(maxsize=_WORDS_KEPT)
def _latin_meant(word: str, shortest: int = 3) -> str:
    """A Cyrillic non-word that is a product or English word typed in the Cyrillic layout
    ("мзт" → vpn, "щгедщщл" → outlook); any other word as it is."""
    if word in WORDS or len(word) < shortest or _cyrillic_known(word):
        return word
    return _latin_word(word) or word


def _latin_word(word: str) -> str | None:
    """The product or English word a Cyrillic word reads as in the Latin layout ("мзт" vpn,
    "еру" the); None when it reads as none."""
    latin = from_cyrillic_layout(word)
    if latin is None:
        return None
    latin = WORDS.get(latin, latin)
    return latin if latin in PRODUCT_WORDS or latin in _CANONICAL or _english_known(latin) else None


def _english_in_layout(meant: list[str], words: list[str]) -> list[str]:
    """An English message typed in the Cyrillic layout as a whole, with its short words that
    a Cyrillic dictionary happens to know read as the English ones too ("еру" the, "ше" it,
    "шт" in, "ща" of, "иге" but): when the words read as English outnumber the Cyrillic ones
    left, those are slips of the same layout, not Russian or Ukrainian. Else as read."""
    left = [i for i, (m, w) in enumerate(zip(meant, words, strict=True)) if m == w]
    cyrillic = [i for i in left if CYRILLIC.search(words[i])]
    if not cyrillic or len(meant) - len(left) <= len(cyrillic):
        return meant
    read = list(meant)
    for i in cyrillic:
        read[i] = _latin_word(words[i]) or read[i]
    return read


# A word typed in the wrong layout that starts with a key standing for a letter: ",elm"
# (будь), ".ecnf" (юста), ";jdnsq" (жовтий), "'nj" (это)
_LAYOUT_LEAD = re.compile(r"^[,.;'\[\]][a-z]{2,}[,.;'\[\]a-z]*$", re.IGNORECASE)


def _written_in_cyrillic(raw: list[str]) -> bool:
    """Whether more of a message's tokens have Cyrillic letters than Latin ones."""
    cyrillic = sum(bool(CYRILLIC.search(t.lower())) for t in raw)
    return cyrillic > sum(bool(_LATIN.search(t)) for t in raw)


def _spelt_as_a_name(token: str) -> bool:
    """A Latin word of three letters or more with a capital first and small letters after
    ("Canva", "Krita"), not one in capitals ("VPN", "USB": read as our lists spell them)."""
    bare = token.strip(_PUNCTUATION)
    return (
        len(bare) >= 3 and bare.isascii() and bare.isalpha() and bare[0].isupper()
        and bare[1:].islower()
    )


def _written_as_a_name(token: str, *, acronyms: bool = True) -> bool:
    """A Latin token written as a name or an acronym, not as a word typed in translit or the
    wrong layout: a capital inside ("SumUp", "iPhone", "QuickBooks") or two to four capitals
    ("POS", "CRM", "HP")."""
    bare = token.strip(_PUNCTUATION)
    if not bare.isascii() or not bare.isalpha():
        return False
    camel = bool(re.search(r"[a-z][A-Z]", bare))
    return camel or (acronyms and bare.isupper() and 2 <= len(bare) <= 4)


def _bare(token: str) -> str:
    return token.lower().strip(_PUNCTUATION)


@lru_cache(maxsize=_WORDS_KEPT)
def _token(word: str, lang: str) -> Token:
    base = lemma(word, lang)
    product = word in PRODUCT_WORDS
    stop = word in STOP_WORDS or word.isdigit() or (base in STOP_WORDS and not product)
    return Token(word, base, stop, is_dictionary_word(word, lang))


@lru_cache(maxsize=_WORDS_KEPT)
def lemmas_of(words: Iterable[str]) -> frozenset[str]:
    """Lemmas of a word list (the lists are written as users write). A Latin word is read as
    English: on its own a short one would be read as wrong layout ("hr" is not "рк", "vet")."""
    found: set[str] = set()
    for word in words:
        if word.isascii():
            found.add(lemma(word, "en"))
        else:
            found.update(lemmas(word, keep_stop_words=True))
    return frozenset(found)


def lemma(word: str, lang: str) -> str:
    """The dictionary form of one normalised word (Snowball stem for English words)."""
    if CYRILLIC.search(word):
        return _cyrillic_lemma(word, lang)
    if word in PRODUCT_WORDS:
        # A name keeps its form: "Windows" is not the word "window", nor "Teams" "team".
        return word
    if word.isascii() and word.isalpha():
        if word in _VERB_ONLY:
            return word
        if _done_wrong(word):
            # "mistyping her password", "mistyped the code": the act done wrongly, which the
            # articles say as "wrong" ("wrong password"); the word itself is in no list.
            return _stemmer("english").stemWord(_WRONG)
        return _stemmer("english").stemWord(_american(word))
    return word


_WRONG = "wrong"
# English forms only a verb has whose stem is an IT thing's noun: "who's driving the route",
# "it's driving me mad" say nothing of a drive (the storage the articles mean is a noun).
_VERB_ONLY = frozenset({"driving"})
_MIS_REST = 4  # "mis" + at least this many letters of a word: mistyped, misclicked


def _done_wrong(word: str) -> bool:
    """An English verb made with "mis-" that the dictionary does not know, from one it
    does: "mistyping", "mistyped", "misclicked", "misentered" (not "mission", "mistake",
    "misspelled", which are words of their own)."""
    if not word.startswith("mis") or len(word) < 3 + _MIS_REST or _english_known(word):
        return False
    rest = word[3:]
    return _english_known(rest) or any(
        _english_known(rest[: -len(ending)] + tail)
        for ending, tail in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("s", ""))
        if rest.endswith(ending)
    )


# British spellings and their American forms, which Snowball stems apart (authoris/author,
# colour/color, centr/center, dialogu/dialog): organise, behaviour, centre, catalogue.
_BRITISH = (
    (re.compile(r"(?<=\w{3})is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"(?<=\w{3})our(s|ed|ing|ite|ites)?$"), r"or\1"),
    (re.compile(r"(?<=\w{2})tre(s|d)?$"), r"ter\1"),
    (re.compile(r"(?<=\w{3})ogue(s)?$"), r"og\1"),
)


def _american(word: str) -> str:
    """The American spelling of a British English word; others unchanged (both the
    articles and the messages are read through it, so a word it changes by mistake still
    meets itself)."""
    if len(word) < 6:
        return word
    for pattern, replacement in _BRITISH:
        word = pattern.sub(replacement, word)
    return word


def _may_read_as_cyrillic(bare: str) -> bool:
    return not _english_known(bare) and bare not in WORDS and bare not in PRODUCT_WORDS


@lru_cache(maxsize=_WORDS_KEPT)
def _layout_reading(token: str) -> str | None:
    """The Cyrillic word a Latin token typed in the wrong layout stands for ("hf,jnftn")."""
    bare = _bare(token)
    # a key that is a letter in the layout may start the word: ",elm" is "будь", not "elm"
    if not token.isascii() or not (_may_read_as_cyrillic(bare) or _LAYOUT_LEAD.match(token)):
        return None
    for candidate in (token.lower(), token.lower().rstrip(",.?!")):
        if len(bare) == 1 and token[0].isupper() and candidate != bare:
            continue  # "диск S, там": a capital letter and its comma, not "іб"
        for switched in from_wrong_layout(candidate):
            if len(switched) >= 2 and _is_cyrillic_word(switched):
                return switched
    return None


@lru_cache(maxsize=_WORDS_KEPT)
def _cyrillic_reading(token: str, lang: str | None = None) -> str | None:
    """The first transliteration reading of a Latin word that is a Russian/Ukrainian word."""
    bare = _bare(token)
    parts = _hyphened(bare)
    if parts:
        # "veb-kamera", "dok-stanciyu", "kto-to": each part read, the hyphen kept (the
        # whole was no reading, and the word stayed in Latin letters no article uses).
        read = [_cyrillic_reading(part, lang) for part in parts]
        return "-".join(r for r in read if r) if all(read) else None
    if len(bare) < 2 or not _may_read_as_cyrillic(bare):
        return None
    return _likeliest_word(cyrillic_readings(bare, lang), lang)


def _hyphened(bare: str) -> list[str]:
    """The parts of a Latin word joined by hyphens ("veb-kamera"); [] for any other, and
    for a word known whole ("wi-fi", "e-mail": read as one later)."""
    parts = bare.split("-")
    if len(parts) < 2 or not all(part.isascii() and part.isalpha() for part in parts):
        return []
    joined = "".join(parts)
    if joined in WORDS or joined in PRODUCT_WORDS or " ".join(parts) in PHRASES:
        return []
    return parts


def _likeliest_word(readings: list[str], lang: str | None) -> str | None:
    """The reading that is a word in the likeliest way: whole in our lists or the message's
    own dictionary, then whole in the other one, then only with a verb prefix taken off;
    in the readings' order inside each. In a Ukrainian message "pryhodiat" is приходять,
    not the Russian приходят, and neither is при + годят; "hotel" is готель there."""
    # One pass, stopping at the first reading of the best kind: a word costs no more
    # look-ups than before when its first reading is a word.
    other: str | None = None
    prefixed: str | None = None
    for reading in readings:
        if reading in _OUR_WORDS or (
            known_in(reading, lang) if lang in ("ru", "uk") else _cyrillic_known(reading)
        ):
            return reading
        if other is None and _cyrillic_known(reading):
            other = reading
        elif other is None and prefixed is None and _without_prefix(reading) is not None:
            prefixed = reading
    return other or prefixed


def _is_cyrillic_word(word: str) -> bool:
    """A word of our lists or the dictionaries, also with a verb prefix the dictionaries do
    not list with it ("заблокировалась" is за + блокировалась)."""
    return word in _OUR_WORDS or _cyrillic_known(word) or _without_prefix(word) is not None


def _translit_in_context(token: str, lang: str | None = None) -> str:
    bare = _bare(token)
    parts = _hyphened(bare)
    if parts:
        return "-".join(_translit_in_context(part, lang) for part in parts)
    if not is_latin_word(bare) or bare in WORDS or bare in PRODUCT_WORDS:
        return token
    if len(bare) == 1:
        # "u vsekh", "v ofise", "k printeru": a one-letter preposition or conjunction.
        letter = _LETTERS.get(bare, bare)
        return letter if letter in STOP_WORDS else token
    english = _english_known(bare)
    readings = cyrillic_readings(bare, lang)
    if len(bare) <= 3 or not english:
        known = _likeliest_word(readings, lang)
        if known or (readings and not english):
            return known or readings[0]
    elif readings and _cyrillic_known(readings[0]):
        # A loanword spelt as in English ("ne rabotaet printer v ofise"): its plainest
        # reading is the Cyrillic word (принтер), read as the rest of the message is.
        return readings[0]
    return token


@lru_cache(maxsize=_WORDS_KEPT)
def stem(word: str) -> str:
    """The Snowball stem of a word (Russian rules for Cyrillic, English for Latin).

    Cruder than a lemma, and so a better key for comparing a typo with real words:
    "печатоет" and "печатать" share "печат".
    """
    return _stemmer("russian" if CYRILLIC.search(word) else "english").stemWord(word)


@lru_cache(maxsize=_WORDS_KEPT)
def is_dictionary_word(word: str, lang: str = "ru") -> bool:
    """True when `word` is a real word of one of the languages (not a typo of another)."""
    if CYRILLIC.search(word):
        return _cyrillic_known(word)
    if word.isascii() and word.isalpha():
        return _english_known(word)
    return False


# What a verb is made again or undone with: "reinstalled", "unmuted", "mistyped".
_EN_VERB_PREFIXES = ("re", "un", "mis")
_ADJECTIVE_STEM = 4  # the shortest adjective an English "-ly" adverb is read from


@lru_cache(maxsize=_WORDS_KEPT)
def english_past(word: str) -> bool:
    """Whether `word` is the "-ed" past of an English verb the dictionary knows ("locked",
    "dropped", "tried", "realised"; not "need", "hundred", "seaweed"): of a hyphened word the
    last part ("re-entered", "power-cycled"), and a verb done again or undone as its verb
    ("reinstalled", "unmuted", "mistyped")."""
    return _english_form(word, "ed", _past_stems)


def english_gerund(word: str) -> bool:
    """Whether `word` is the "-ing" form of an English verb the dictionary knows ("zipping",
    "renaming", "clearing"; not "nothing", "something", "ring", "spring"), read as
    `english_past` reads "-ed"."""
    return _english_form(word, "ing", _gerund_stems)


@lru_cache(maxsize=_WORDS_KEPT)
def english_adverb(word: str) -> bool:
    """Whether `word` is an English adverb of manner, "-ly" on an adjective the dictionary
    knows ("loudly", "slowly", "noisily"; not "family", "supply", "reply": a stem of four
    letters at least, so "rep" and "app" are no adjectives). It says how a thing fails,
    never which thing."""
    last = word.lower()
    if not last.isascii() or not last.isalpha() or not last.endswith("ly"):
        return False
    stems = [last[:-2]] + ([last[:-3] + "y"] if last.endswith("ily") else [])
    return any(len(stem) >= _ADJECTIVE_STEM and _english_known(stem) for stem in stems)


def _english_form(word: str, ending: str, stems: Callable[[str], list[str]]) -> bool:
    """Whether `word` is a verb form with `ending` on a stem the dictionary knows (`stems`
    gives the candidates, empty for none): of a hyphened word the last part, and a verb
    made again or undone as its verb. The stem left is at least three letters."""
    last = _american(word.lower().strip("'’")).rsplit("-", 1)[-1]
    if len(last) < len(ending) + 3 or not last.endswith(ending):
        return False
    if not last.isascii() or not last.isalpha():
        return False
    if any(_english_known(stem) for stem in stems(last)):
        return True
    return any(
        last.startswith(prefix) and _english_form(last[len(prefix) :], ending, stems)
        for prefix in _EN_VERB_PREFIXES
    )


def _past_stems(last: str) -> list[str]:
    stems = [last[:-2], last[:-1]]
    if last.endswith("ied"):
        stems.append(last[:-3] + "y")
    if last[-3] == last[-4]:
        stems.append(last[:-3])  # "dropped", "stopped"
    return stems


def _gerund_stems(last: str) -> list[str]:
    if last.endswith("thing"):
        return []  # "nothing", "something", "everything", "anything"
    stems = [last[:-3], last[:-3] + "e"]
    if last[-4] == last[-5]:
        stems.append(last[:-4])  # "zipping", "stopping"
    return stems


def warm_up() -> None:
    """Load the dictionaries now rather than on the first message."""
    dictionaries.analyser("ru")
    dictionaries.analyser("uk")
    _stemmer("english")
    _stemmer("russian")
    _english_words()


def _cyrillic_lemma(word: str, lang: str) -> str:
    first, second = _order(word, lang)
    analyser = dictionaries.analyser(first)
    if not analyser.word_is_known(word):
        uk = dictionaries.analyser("uk")
        restored = _apostrophe_restored(word)
        if restored is not None:
            analyser, word = uk, restored
        elif dictionaries.analyser(second).word_is_known(word):
            analyser = dictionaries.analyser(second)
        else:
            unprefixed = _without_prefix(word)
            if unprefixed is not None:
                return _cyrillic_lemma(unprefixed, lang)
            once = _SEMELFACTIVE.match(word)
            if once is not None:
                # "крашнулся", "лагнуло", "ребутнул": a slang verb said once (-ну-) shares
                # its root with the verb said of a habit ("крашится"), which the stemmer
                # reads as "краш" and the -ну- form as another word ("крашнул").
                return _stemmer("russian").stemWord(once["root"] + "ит")
            # Slang and typos (залочило, учётку, пороль): the dictionaries' guesses are wild
            # ("учеткать"), a stem is what the same word in another form shares.
            return _stemmer("russian").stemWord(word)
    found = _likeliest(_parses(word, analyser.lang), word).replace("ё", "е").replace("'", "")
    # A word spelt alike in the other language in another sense is read as the word of its
    # sense (a Russian "час" is an hour: година, never the Ukrainian "під час").
    return RUSSIAN_SENSES.get(found, found) if analyser.lang == "ru" else found


# Words whose dictionary readings are kept: enough for the words of the last few messages,
# which the lemma, the triage readings and the verb forms of one turn each ask for.
_PARSED_WORDS = 2048


@lru_cache(maxsize=_PARSED_WORDS)
def _parses(word: str, dictionary: str) -> tuple[pymorphy3.analyzer.Parse, ...]:
    """Every reading of `word` in the ru or uk dictionary, parsed once for the lemma, the
    readings and the verb forms alike (each keeps its own answer for longer)."""
    return tuple(dictionaries.analyser(dictionary).parse(word))


def _likeliest(parses: tuple[pymorphy3.analyzer.Parse, ...], word: str) -> str:
    """The normal form of the likeliest reading of a word.

    The Ukrainian dictionary scores every reading alike, so its first one is arbitrary
    ("рік" → ріка, "впала" → впалий, "пропали" → the imperative of пропалити). Among
    readings that tie with the best: a past-tense verb for a past-tense ending (впала →
    впасти, "файли пропали" → пропасти, "той що видали" → видати), else another verb for
    it, else, a name's or an abbreviation's reading set aside ("мишку" is no Мишко, "касу"
    no КАСУ), the word itself when it is a dictionary form (рік, мишка), else a thing's
    reading over a person's or an animal's ("роботу": робота, not робот), else a masculine
    noun's oblique cases over a feminine one's accusative alone (`_oblique`: "з ранку" is
    the morning's, not a small wound's), else the first.
    """
    best = parses[0].score
    tied = _told(tuple(p for p in parses if p.score >= best))
    if len(tied) > 1:
        if word.endswith(_PAST_ENDINGS):
            verbs = [p for p in tied if p.tag.POS == "VERB"]
            for parse in sorted(verbs, key=lambda p: "past" not in p.tag):
                return str(parse.normal_form)
        # A lemma read only as a name or an abbreviation gives way to a word's.
        words = {p.normal_form for p in tied if not _NAME_MARKS & p.tag.grammemes}
        common = [p for p in tied if p.normal_form in words] or tied
        for parse in common:
            if parse.normal_form == word:
                return str(parse.normal_form)
        # A lemma read only as a person or an animal gives way to one read as a thing.
        animate = {p.normal_form for p in common if p.tag.POS == "NOUN" and "anim" in p.tag}
        animate -= {p.normal_form for p in common if "anim" not in p.tag}
        things = [p for p in common if p.normal_form not in animate] or common
        oblique = _oblique(things)
        return oblique if oblique is not None else str(things[0].normal_form)
    return str(tied[0].normal_form)


def _told(tied: tuple[pymorphy3.analyzer.Parse, ...]) -> tuple[pymorphy3.analyzer.Parse, ...]:
    """The tied readings without those of an address or a command, which a problem is
    seldom told in: a vocative gives way to a verb told ("гуде" is гудіти, no "гуд!"; "тече"
    текти, no "теча!"), an imperative to a verb told or a thing ("перестав" is перестати's,
    not переставити's; "води" вода's, not водити's). A command stays beside a person's
    reading ("зайди": зайти, no зайда), and a function word's readings stay as they were
    ("мене", "коли"): what reads them knows them so."""
    if any(p.tag.POS in _FUNCTION_WORDS for p in tied):
        return tied
    told = tied
    if any("VERB" in p.tag and "impr" not in p.tag for p in tied):
        told = tuple(p for p in tied if "voct" not in p.tag)
    if any("impr" in p.tag for p in told) and any(
        ("VERB" in p.tag and "impr" not in p.tag) or ("NOUN" in p.tag and "inan" in p.tag)
        for p in told
    ):
        return tuple(p for p in told if "impr" not in p.tag)
    return told


# Parts of speech of the words a sentence is built with, not what it is about.
_FUNCTION_WORDS = frozenset({"NPRO", "CONJ", "PREP", "PRCL", "ADVB", "PRED"})


# A surname's, a first name's or an abbreviation's reading ties with a word's in the
# Ukrainian dictionary: "мишку" (Мишко), "касу" (КАСУ).
_NAME_MARKS = frozenset({"Surn", "Name", "Patr", "Abbr"})


# A masculine noun read in this many cases of one form ("ранку": genitive, dative, locative)
# is the likelier reading than a feminine noun's accusative, its only one.
_OBLIQUE_CASES = 3


def _oblique(tied: Sequence[pymorphy3.analyzer.Parse]) -> str | None:
    """The masculine noun of a Ukrainian form in -у the dictionary reads both as its
    genitive (with its dative and locative) and as a feminine noun's accusative, which is
    listed first and scored alike: "ранку" (ранок, not ранка), "банку" (банк); None for
    any other tie ("пару": пара is read twice; "ставку" is no pond's genitive)."""
    first = tied[0]
    if first.tag.POS != "NOUN" or {"femn", "accs"} - set(first.tag.grammemes):
        return None
    if sum(p.normal_form == first.normal_form for p in tied) > 1:
        return None
    masculine = [p for p in tied if p.tag.POS == "NOUN" and "masc" in p.tag]
    for parse in masculine:
        same = [p for p in masculine if p.normal_form == parse.normal_form]
        if len(same) >= _OBLIQUE_CASES and any("gent" in p.tag for p in same):
            return str(parse.normal_form)
    return None


def _without_prefix(word: str) -> str | None:
    """A prefixed verb no dictionary knows, without the prefix, when the rest is a verb:
    "перепідключила" → "підключила" (the prefixes say how or again, not what). Only a
    verb: a typo or a slang noun that happens to begin like a prefix is no prefixed word
    ("пороль" is no по + "роль", "переговорке" no пере + "говорок", "видосах" no ви +
    "досах")."""
    for prefix in _PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 4 and _known_verb(rest):
            return rest
    return None


def _known_verb(word: str) -> bool:
    """A verb form (any person, tense, participle or gerund) one of the dictionaries knows."""
    restored = _apostrophe_restored(word)
    return any(
        _is_verb(form, lang)
        for lang in ("ru", "uk")
        for form in (word, restored)
        if form is not None and known_in(form, lang)
    )


def _order(word: str, lang: str) -> tuple[str, str]:
    letters = set(word)
    if letters & UKRAINIAN_LETTERS:
        return "uk", "ru"
    if letters & RUSSIAN_LETTERS:
        return "ru", "uk"
    return ("uk", "ru") if lang == "uk" else ("ru", "uk")


def _cyrillic_known(word: str) -> bool:
    uk = dictionaries.analyser("uk")
    return bool(
        dictionaries.analyser("ru").word_is_known(word)
        or uk.word_is_known(word)
        or _apostrophe_restored(word) is not None
    )


@lru_cache(maxsize=_WORDS_KEPT)
def _apostrophe_restored(word: str) -> str | None:
    """The Ukrainian word typed without its apostrophe, when the dictionary knows it with
    one: "компютер", "зявляється" (з'являється), "підєднати" (під'єднати); else None."""
    uk = dictionaries.analyser("uk")
    labial = _UK_APOSTROPHE.sub(r"\1'\2", word)
    if labial != word and uk.word_is_known(labial):
        return labial
    for match in _UK_PREFIX_APOSTROPHE.finditer(word, 0, _UK_PREFIX_REACH):
        restored = f"{word[: match.end()]}'{word[match.end() :]}"
        if uk.word_is_known(restored):
            return restored
    return None


@lru_cache(maxsize=_WORDS_KEPT)
def known_in(word: str, lang: str) -> bool:
    """Whether the ru or uk dictionary (`lang`) knows this Cyrillic word form."""
    analyser = dictionaries.analyser(lang)
    if analyser.word_is_known(word):
        return True
    return lang == "uk" and _apostrophe_restored(word) is not None


def _english_known(word: str) -> bool:
    return word in _english_words()


@cache
def _stemmer(language: str) -> Stemmer.Stemmer:
    import Stemmer

    return Stemmer.Stemmer(language)


@cache
def _english_words() -> Container[str]:
    """English words frequent enough to be sure of, as a DAWG: 47,000 words in 0.2 MiB
    of one C buffer, where a frozenset of them took ~5 MiB of Python strings (and the
    pages of the whole frequency list they were interleaved with) in every process that
    answers; a look-up costs the same (~0.1 us). Nothing of the list read stays."""
    import dawg
    from spellchecker import SpellChecker

    counts = SpellChecker(language="en", distance=1).word_frequency.dictionary
    words: Container[str] = dawg.DAWG(w for w, n in counts.items() if n >= _ENGLISH_MIN_COUNT)
    return words


@lru_cache(maxsize=_WORDS_KEPT)
def verb_grammemes(word: str, lang: str) -> frozenset[str]:
    """Grammemes of the likeliest verb reading of a Cyrillic word ("past", "futr", "impr",
    "INFN", "PRTS", ...); empty when the dictionaries read it as no verb form at all.

    The checklist uses it to tell "перезагрузил" (done) from "перезагрузите" (a request)
    and "попробую" (a plan).
    """
    if not CYRILLIC.search(word):
        return frozenset()
    for name in _order(word, lang):
        analyser = dictionaries.analyser(name)
        if not analyser.word_is_known(word):
            continue
        for parse in _parses(word, name):
            if parse.tag.POS in ("VERB", "INFN", "PRTS", "PRTF", "GRND"):
                return frozenset(str(parse.tag).replace(" ", ",").split(","))
        return frozenset()
    return frozenset()


@lru_cache(maxsize=_WORDS_KEPT)
def readings(word: str, lang: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Every dictionary reading of a Cyrillic word as (lemma, grammemes), likeliest first;
    empty for Latin words and words no dictionary knows.

    Triage uses it to see who is affected: "операторы", "касири" (plural, animate) are
    people; "кассы" may be one till's (genitive) or many tills (plural).
    """
    if not CYRILLIC.search(word):
        return ()
    for name in _order(word, lang):
        analyser = dictionaries.analyser(name)
        if analyser.word_is_known(word):
            return tuple(
                (
                    str(p.normal_form).replace("ё", "е").replace("'", ""),
                    frozenset(str(p.tag).replace(" ", ",").split(",")),
                )
                for p in _parses(word, name)
            )
    return ()


# What a diminutive adds to its noun's stem: "полос-ка", "батаре-йка", "екран-чик", "лист-ок".
_DIMINUTIVE = re.compile(r"(?:[йь]?к|[оеє]к|[иі]к|чик|[оеє]чк|[иі]ц|ець|ичк)[аяоеиіьй]?")
_STEM_ENDING = "аяоеєьйиіы"


def other_nouns(word: str, term: str) -> bool:
    """Whether a Cyrillic word and a lemma it begins like are two nouns of one dictionary
    that part before either ends: "камертон" is no "камера", "годинник" no "година",
    "мереживо" no "мережа", "процесор" no "процент". A noun that wholly begins the other is
    what the other is made from ("бухгалтер", "бухгалтерия"; "телефон", "телефония"), a
    diminutive is its noun ("полоска", "полоса"), a reading of the word is the word
    ("гарнітурі" is a гарнітура's), and two people are one job ("директорка", "директор");
    words of two dictionaries are one word in two languages ("програма", "программа")."""
    shared = [lang for lang in ("ru", "uk") if known_in(word, lang) and known_in(term, lang)]
    if not shared:
        return False
    mine, theirs = readings(word, shared[0]), readings(term, shared[0])
    if not mine or not theirs or "NOUN" not in mine[0][1] or "NOUN" not in theirs[0][1]:
        return False
    own = mine[0][0]
    if term in {found for found, _ in mine} or own.startswith(term) or term.startswith(own):
        return False
    if _diminutive(own, term) or _diminutive(term, own):
        return False
    return not ("anim" in mine[0][1] and "anim" in theirs[0][1])


def _diminutive(small: str, noun: str) -> bool:
    """Whether `small` is a diminutive of `noun`: its stem and a diminutive suffix."""
    stem = noun[:-1] if noun[-1] in _STEM_ENDING else noun
    return small.startswith(stem) and bool(_DIMINUTIVE.fullmatch(small[len(stem) :]))


def read_as(
    word: str,
    marks: frozenset[str],
    every: frozenset[str] = frozenset(),
    without: frozenset[str] = frozenset(),
) -> bool:
    """Whether a Russian or Ukrainian reading of `word` carries one of `marks` (any, when
    none are given), all of `every` and none of `without` ("Петрова": a surname, `{"Surn"}`;
    "солеварне": a noun in the locative), whatever its case in the text."""
    return any(
        (not marks or bool(marks & tags)) and every <= tags and not without & tags
        for lang in ("ru", "uk")
        for _, tags in readings(word.lower(), lang)
    )


def in_plural(word: str) -> bool:
    """A Cyrillic word whose likeliest reading is in the plural ("компьютеры", "ноутбуках"),
    a Ukrainian one typed without its apostrophe too ("компютерах")."""
    found = readings(word, "ru") or readings(_apostrophe_restored(word) or "", "uk")
    return bool(found) and "plur" in found[0][1]


def asks_to_do(word: str) -> bool:
    """A Cyrillic verb that may be in the infinitive or the imperative: a thing to be done
    ("обновить", "поставьте", "встановіть", "оновити"), not one that happened."""
    return any({"INFN", "infn", "impr"} & tags for _, tags in readings(word, "ru"))


def is_adjective(word: str) -> bool:
    """A Cyrillic word whose likeliest reading is an adjective ("кассовые", "робочі")."""
    found = readings(word, "ru")
    return bool(found) and bool({"ADJF", "ADJS"} & found[0][1])


# Endings of a Russian or Ukrainian verb's infinitive and of its action noun, longest first:
# what is left is the root they share (обновл-яться, обновл-ение; оновл-юватися, оновл-ення).
_VERB_ENDINGS = (
    "ювати", "увати", "ювать", "овать", "евать", "ивать", "ывать", "ять", "ить", "ать", "еть",
    "яти", "ити", "ати", "іти",
)
_NOUN_ENDINGS = ("ение", "ание", "яние", "ення", "ання", "іння", "яння")
_REFLEXIVE = ("ся", "сь")
_ROOT_LETTERS = 4


# A consonant Russian doubles in a borrowed word and Ukrainian writes once: касса / каса,
# группа / група, класс / клас, сумма / сума, программа / програма. Not a word's first
# letters: there the double is a prefix meeting its root ("ввести" is no "вести").
_DOUBLED_CONSONANT = re.compile(r"(?<=.)([бвгджзклмнпрстфхц])\1")


def single_spelt(word: str) -> str:
    """A Cyrillic word with each doubled consonant written once, as Ukrainian spells the
    words Russian doubles it in ("касса": каса); the word itself when it has none."""
    return _DOUBLED_CONSONANT.sub(r"\1", word)


def action_root(word: str) -> str | None:
    """The root a Cyrillic verb or action noun shares with the other ("оновлюватися" and
    "оновлення": оновл); None for any other word."""
    if word.isascii():
        return None
    if word.endswith(_REFLEXIVE):
        word = word[:-2]
    for ending in (*_NOUN_ENDINGS, *_VERB_ENDINGS):
        if word.endswith(ending) and len(word) - len(ending) >= _ROOT_LETTERS:
            return word[: -len(ending)]
    return None
