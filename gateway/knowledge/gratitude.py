"""A thank-you that says the thing works now describes no problem.

"дякую, принтер друкує, побігла пакувати коробки!", "thanks, the scanner's fine now, you
saved my afternoon", "спасибо, сканер снова сканирует", "ура, касса ожила, спасибо": the user
thanks the desk and says what works again. Its device ("принтер", "scanner") and what the
device does ("друкує", "scans") are an article's words, and a message made of them would be
answered with that article. A thank-you with no denial, failure, question, request or turn
("thanks, but it still crashes", "дякую наперед, …", "прошу установить …, спасибо") that says
something works ("все працює", "sorted now", "ноут ожив") or that a device does what the
articles say it fails to do when denied ("не друкує" → "друкує") is read as no word at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from gateway.knowledge.articles import LANGUAGES, Article
from gateway.knowledge.clauses import clause_spans
from gateway.knowledge.morphology import Token, english_past, tokens, verb_grammemes
from gateway.knowledge.things import failing
from gateway.knowledge.vocabulary import (
    ASKED_WITH_THANKS,
    CRASH_WORDS,
    ERROR_LEMMAS,
    GOES_ON_WORDS,
    IN_ADVANCE_WORDS,
    NEGATION_WORDS,
    STOPPED_WORDS,
    THANKS_WORDS,
    UNDONE_BEFORE,
    VANISH_WORDS,
    WENT_OFF_WORDS,
    WORKING_AGAIN_WORDS,
    WORKS_NOW_LEMMAS,
    WORKS_NOW_WORDS,
)

# What says that something is still wrong, by word or lemma.
_WRONG = NEGATION_WORDS | STOPPED_WORDS | VANISH_WORDS | WENT_OFF_WORDS | CRASH_WORDS
_DONE = frozenset({"pres", "past"})  # a verb's tenses that report, not ask or wish


def denied_verbs(articles: Iterable[Article]) -> frozenset[str]:
    """The lemmas the articles say right after a denial, in their sample questions, keywords
    and titles ("не друкує", "won't print", "не сканирует"): what a device fails to do. English
    "no" is left out: it goes before a noun ("no signal")."""
    found: set[str] = set()
    for article in articles:
        for lang in LANGUAGES:
            texts = (*article.questions[lang], *article.keywords[lang], article.title[lang])
            for text in texts:
                words = tokens(text, lang)
                for at, token in enumerate(words):
                    if token.word == "no" or token.lemma not in NEGATION_WORDS:
                        continue
                    following = next((t for t in words[at + 1 :] if not t.stop), None)
                    if following is not None:
                        found.add(following.lemma)
    return frozenset(found)


def thanked_working(
    text: str, lang: str | None, words: Sequence[Token], denied: frozenset[str]
) -> bool:
    """Whether the message thanks and says something works, and nothing else: no denial,
    failure or breakdown (things.failing), error, question, request, "in advance" or turn
    ("but", "still"); and what works is not said with how it works ("prints blank pages":
    `_told_how`)."""
    said = {t.word for t in words} | {t.lemma for t in words}
    if said.isdisjoint(THANKS_WORDS) or "?" in text:
        return False
    if not said.isdisjoint(
        _WRONG | ERROR_LEMMAS | GOES_ON_WORDS | IN_ADVANCE_WORDS | ASKED_WITH_THANKS
    ) or not said.isdisjoint(failing()):
        return False
    spans = clause_spans(text, lang, words)
    return any(
        _works(words, at, lang, denied) and not _told_how(words, at, lang, spans)
        for at in range(len(words))
    )


def _works(words: Sequence[Token], at: int, lang: str | None, denied: frozenset[str]) -> bool:
    """The word says something works: a word of working, or a verb of what a device does,
    said as done ("друкує", "печатает", "printing"), not wished ("установить", "to print")."""
    token = words[at]
    if token.word in WORKS_NOW_WORDS or token.lemma in WORKS_NOW_LEMMAS:
        return True
    if token.stop or token.lemma not in denied:
        return False
    if token.word.isascii():
        return at == 0 or words[at - 1].word not in UNDONE_BEFORE
    grammemes = verb_grammemes(token.word, lang or "ru")
    return not grammemes.isdisjoint(_DONE)


def _told_how(words: Sequence[Token], at: int, lang: str | None, spans: Sequence[range]) -> bool:
    """Whether the working word at `at`, said in the present, goes on in its clause with
    what or how it works: "Printer prints blank pages. Thanks", "монитор показывает черный
    экран, спасибо", "интернет работает медленно, спасибо" tell the problem and thank in
    advance. Not "printing again", "fine now", "друкує, побігла пакувати", nor a change said
    as done ("that fixed the till", "нашла в корзине", "заработало само")."""
    token = words[at]
    if token.word.isascii():
        present = token.word.endswith(("s", "ing")) or (
            token.word in WORKS_NOW_WORDS and not english_past(token.word)
        )
    else:
        grammemes = verb_grammemes(token.word, lang or "ru")
        present = "pres" in grammemes or not grammemes  # "працює", "нормально"
    if not present:
        return False
    end = next((span.stop for span in spans if at in span), len(words))
    return any(
        not (t.stop or t.word in WORKING_AGAIN_WORDS or t.word in WORKS_NOW_WORDS)
        for t in words[at + 1 : end]
    )
