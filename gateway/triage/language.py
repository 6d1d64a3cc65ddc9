"""Which of the supported languages (ru, uk, en) a user message is written in.

Letters decide first (і ї є ґ are Ukrainian, ы э ъ ё Russian), then common words; Latin
text is English. Product names in Latin inside Cyrillic text ("Outlook на Windows 11 не
отправляет") do not make a message English.
"""

from __future__ import annotations

import re
from functools import lru_cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[a-zа-яёіїєґ'’ʼ]+")
# The letters only one of the two Cyrillic alphabets writes (lowercase): the one place they
# are spelled; morphology, the knowledge readers and the mail's hints read them from here.
UKRAINIAN_LETTERS = frozenset("іїєґ")
RUSSIAN_LETTERS = frozenset("ыэъё")
# A Cyrillic letter of either language (ё is folded to е before most readers see a word).
CYRILLIC = re.compile(r"[а-яіїєґ]")
_UK_WORDS = _words(
    """
    не працює що як чому де коли мені мене мій моя моє мої вже ще дуже та але або чи
    є немає нема треба потрібно потрібен будь ласка дякую добрий день привіт вітаю
    зробити можна можу не можу хочу його її їх цей ця це щось нічого після через
    від до для про без лист листи пошта пошту комп'ютер комп’ютер скриньку скринька
    з із йде йдуть ось цього цей який яка яке які також тобто щоб коли
    годину години годин хвилину хвилини хвилин тиждень тижні
    """
)
# Endings that only one of the two languages uses: оновлення/обновление, видалив/удалил.
_UK_ENDINGS = ("ння", "ив", "ав", "ється", "ують", "ює", "ує")
# ("-ла" is a past form in both: "перезагружала", "перезавантажувала")
_RU_ENDINGS = ("ние", "ание", "ение", "ие", "ия", "ется", "ает", "ают", "ит", "ил")
_RU_WORDS = _words(
    """
    не работает что как почему где когда мне меня мой моя мое мои уже еще очень
    и но или ли есть нет нужно нужен надо пожалуйста спасибо добрый день привет здравствуйте
    сделать можно могу не могу хочу его ее их этот эта это что-то ничего после через
    от до для про без письмо письма почта почту компьютер ящик помогите
    """
)
# Names of things both languages write alike that only the Ukrainian dictionary knows: the
# IT slang and loanwords a Russian writer uses as they are ("системник Dell", "вебкамера не
# видит", "скинул в вайбер"). Lemmas: every form of them is meant. (The Russian dictionary's
# own words are spelt apart in Ukrainian: монитор/монітор, мышка/мишка, инет/інет.)
_SHARED_LEMMAS = _words(
    """
    системник материнка хард вебкамера тачпад термопринтер юсб вайфай зум скайп вайбер
    телеграм самсунг колцентр ресепшн
    """
)
# A word typed in Cyrillic capitals this short is an acronym: "МИС", "ЗУП", "СЭД", "ЦНАП"
_ACRONYM = re.compile(r"(?<![^\W\d_])[А-ЯЁІЇЄҐ]{2,4}(?![^\W\d_])")
LANGUAGES = ("ru", "uk", "en")
MIN_DICTIONARY_WORD = 3  # shorter forms ("та", "на") are shared or noise


def detect_language(text: str, default: str = "ru") -> str:
    """Return "ru", "uk" or "en" for a message; `default` when there is nothing to go on.
    A short text's answer is kept: a turn asks it of the message and of each clause many
    times over (each rule's reading of them), and Latin text is read as translit each time."""
    if len(text) <= _MEMO_TEXT_CHARS:
        return _memo_language(text, default)
    return _language(text, default)


def _language(text: str, default: str) -> str:
    lowered = text.lower()
    words = _WORD.findall(lowered)
    cyrillic = [w for w in words if not w.isascii()]
    latin = [w for w in words if w.isascii()]
    if not cyrillic:
        meant = _meant(text) if latin else text
        if meant != text:  # translit or the wrong layout: the language of the words meant
            return _translit_language(text) or detect_language(meant, default)
        return "en" if latin else default
    letters = set("".join(cyrillic))
    uk = 2 * len(letters & UKRAINIAN_LETTERS) + sum(w in _UK_WORDS for w in cyrillic)
    ru = 2 * len(letters & RUSSIAN_LETTERS) + sum(w in _RU_WORDS for w in cyrillic)
    uk += sum(len(w) > 4 and w.endswith(_UK_ENDINGS) for w in cyrillic)
    ru += sum(len(w) > 4 and w.endswith(_RU_ENDINGS) for w in cyrillic)
    # A word form one dictionary knows and the other does not: "допомогло", "вчора",
    # "перезавантажувала" are Ukrainian; "помогло", "вчера", "перезагружала" Russian. An
    # acronym is a name, no word of either ("МИС", "1С ЗУП": the Ukrainian dictionary knows
    # "мис", a cape, and "зуп", of a soup).
    acronyms = {w.lower() for w in _ACRONYM.findall(text)}
    for word in cyrillic:
        side = "" if word in acronyms else _one_dictionary(word)
        uk += side == "uk"
        ru += side == "ru"
    # Words both languages use ("не", "до", "для") are in both lists and cancel out.
    if uk > ru:
        return "uk"
    if ru > uk:
        return "ru"
    return default if default in ("ru", "uk") else "ru"


# Everyday English words: a later message written in English has at least two of them;
# a bare "Windows 10" or "HP LaserJet M404" has none and keeps the conversation's language.
_EN_WORDS = _words(
    """
    i i'm i've i'd it it's is was are be been the a an no yes not don't doesn't didn't
    can't won't isn't and or but my we our you have has had did do does still already
    since on in at with to of for this that there just only now again know think help
    helped works work working worked please thanks thank sorry hi hello yesterday today
    morning hours days week nothing anything tried restarted same says shows after before
    when what why how who need want can could would should get got still keeps
    nope yep yeah broken fixed
    cannot open opens print prints connect connects load loads start starts send sends sign
    log see find save
    from last ago about around monday tuesday wednesday thursday friday saturday sunday
    weekend hour minutes minute afternoon evening tonight lunch noon month ok okay idea am pm
    """
)
_MIN_EN_WORDS = 2
# The writer speaking, not the screen: "I get 'Access denied'", "it says nothing", "sorry, no
# idea" (a pasted message is impersonal: "Cannot connect to the server")
_WRITER_WORDS = _words(
    """
    i i'm i've i'd me my we we're our us it's says shows say get got see saw nothing sorry
    thanks please just still only same dunno idea
    """
)
# Latin words typed alike by speakers of ru, uk and en: alone they show no language
_ANY_LANGUAGE = _words("ok okay okey k kk")
_MIN_MEANT_WORDS = 2  # "vpn" alone may be "впн"; two words read as Cyrillic are a language


def reply_language(
    text: str, current: str, screen_text: bool = False, *, name_asked: bool = False
) -> str:
    """The language to answer a later message in: its own, when it clearly shows one.

    Names and codes ("Windows 10", "0x80070005") carry no language; a tie between ru and
    uk (as in "не знаю") keeps `current`; surzhyk goes to whichever language has more
    of its own letters and words. `screen_text`: the message answers "what does the screen
    say?", so English there is most often pasted ("Unable to establish the VPN connection",
    "Cannot connect to the server"): it is the writer's own only when plain everyday words
    or the writer speaking ("I get", "it says nothing"). `name_asked`: the message answers
    "which program or device?", so Latin there is a name, whatever the writer's language ("the
    Deliverect app", "ZooTrack web app", "Genesys softphone"): it is never read as translit,
    and only everyday English words switch to English. A short text's answer is kept: the
    same replies ("да", "не помогло") come from many users.
    """
    if len(text) <= _MEMO_TEXT_CHARS:
        return _memo_reply_language(text, current, screen_text, name_asked)
    return _reply_language(text, current, screen_text, name_asked)


def _reply_language(text: str, current: str, screen_text: bool, name_asked: bool = False) -> str:
    words = _WORD.findall(text.lower())
    if not any(not w.isascii() for w in words):
        meant = text if name_asked else _meant(text)
        if meant != text:  # "ne pomoglo, vse tak zhe": translit of ru or uk
            return _translit_language(text) or reply_language(meant, current, screen_text)
        latin = re.findall(r"[a-z']+", text.lower())
        if latin and set(latin) <= _ANY_LANGUAGE:
            return current  # "ok" alone is typed in every language: it keeps the conversation's
        if len(latin) == 1 and current in ("ru", "uk"):
            # one Latin word ("thanks", "hi", "nope") in a Russian or Ukrainian conversation is
            # typed by its own speakers as "ok" is: no switch of language, not even for a reply
            return current
        english = sum(w in _EN_WORDS for w in latin)
        writer = set(latin) & _WRITER_WORDS or "at all" in " ".join(latin)
        if screen_text and not (_plain_english(latin, english) or writer):
            return current
        return "en" if english >= _MIN_EN_WORDS or _plain_english(latin, english) else current
    return (
        detect_language(text, default=current if current in ("ru", "uk") else "ru")
        if (_has_evidence(text))
        else current
    )


_MEMO_TEXT_CHARS = 200  # as the shared readings (triage/reading.py)
_memo_reply_language = lru_cache(maxsize=4096)(_reply_language)
_memo_language = lru_cache(maxsize=4096)(_language)


def _plain_english(words: list[str], everyday: int) -> bool:
    """An answer of everyday English words only: "since Monday", "thanks", "an hour ago",
    "nope" (not "Windows 10", "HP laptop" or a pasted "Connection attempt has failed": names
    and what the screen says carry no language of the writer)."""
    return everyday >= 1 and all(w in _EN_WORDS for w in words)


def _meant(text: str) -> str:
    """A Latin message as the Cyrillic words meant when it is translit or typed in the wrong
    layout ("v usih ne pratsyuye internet"); `text` itself otherwise."""
    from gateway.knowledge.morphology import meant_text  # morphology reads this module

    meant = meant_text(text)
    pairs = list(zip(text.split(), meant.split(), strict=False))
    changed = sum(a != b for a, b in pairs)
    # English words are evidence of English, even where one reads as Cyrillic: "human pls. no
    # bot" is English ("bot" reads as "бот"), "v usih ne pratsyuye internet" is not
    english = sum(_english(a) for a, _ in pairs)
    read = sum(a != b and not _english(a) for a, b in pairs)
    return meant if changed >= _MIN_MEANT_WORDS and read > english else text


def _translit_language(text: str) -> str:
    """ "ru" or "uk" for a translit message whose words one language's reading knows more of;
    "" when both know as many (then its one reading's letters and words decide).

    Latin letters are read as either language's ("y" is ы or и, "i" и or і), and a Ukrainian
    message read the Russian way gets Russian letters: "dobryi den, mozhna mene peremknuty"
    is "добрый … перемкнуты" that way, "добрий … перемкнути" (all Ukrainian words) the other."""
    from gateway.knowledge.morphology import known_in, meant_text

    known = {}
    for lang in ("ru", "uk"):
        words = _WORD.findall(meant_text(text, lang).lower())
        known[lang] = sum(
            len(w) >= MIN_DICTIONARY_WORD and known_in(w, lang) for w in words if not w.isascii()
        )
    return "uk" if known["uk"] > known["ru"] else "ru" if known["ru"] > known["uk"] else ""


_LATIN_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# What English chat writes to a help desk beside the everyday words: "human pls", "no bot"
# (not names of things: "disk", "monitor", "signal" stand in translit as well)
_CHAT_WORDS = _words("pls plz thx bot bots human humans person")


def _english(token: str) -> bool:
    """Whether a Latin token is an everyday English word or English chat shorthand."""
    bare = _LATIN_WORD.fullmatch(token.lower().strip(".,!?;:()\"'"))
    return bare is not None and (bare.group() in _EN_WORDS or bare.group() in _CHAT_WORDS)


@lru_cache(maxsize=16384)  # as many words as morphology keeps
def _one_dictionary(word: str) -> str:
    """ "uk" or "ru" when only that dictionary knows `word`, else ""."""
    # morphology reads this module (translit and layout need the language): import late
    from gateway.knowledge.morphology import known_in, lemma

    if len(word) < MIN_DICTIONARY_WORD:
        return ""
    in_ru, in_uk = known_in(word, "ru"), known_in(word, "uk")
    if in_uk and not in_ru:
        return "" if lemma(word, "uk") in _SHARED_LEMMAS else "uk"
    return "ru" if in_ru and not in_uk else ""


def _has_evidence(text: str) -> bool:
    """Whether ru/uk scoring can tell anything from a Cyrillic text."""
    lowered = text.lower()
    words = [w for w in _WORD.findall(lowered) if not w.isascii()]
    letters = set("".join(words))
    marked = letters & (UKRAINIAN_LETTERS | RUSSIAN_LETTERS)
    known = sum(w in _UK_WORDS or w in _RU_WORDS or bool(_one_dictionary(w)) for w in words)
    return bool(marked) or known > 0 or len(words) >= 2
