"""The problem statement inside a long message, for the matcher.

"Принтер не печатает. Перезагружал, пишет 0x00000709, с утра. Дайте человека!" is about
the printer; what was tried, the codes, the time, the OS and the request for a person are
kept in their checklist fields or handled elsewhere, and must not dilute the match.
Coverage must not punish context: the matcher is asked about the statement too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gateway.dialogs.extract import errors, since, systems, tried
from gateway.dialogs.extract.words import TEXTS_KEPT, clauses
from gateway.knowledge.morphology import meant_text, readings
from gateway.triage.contact_request import asks_for_contact
from gateway.triage.impact import names_a_deadline, read_impact
from gateway.triage.impatience import LOST_PATIENCE
from gateway.triage.mood import ASKS_FOR_PERSON, UPSET, describes_problem
from gateway.triage.person_request import calls_for_person
from gateway.triage.tone import only_tone

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_CONTENT = re.compile(r"\w{3,}")
_LONG_WORD = re.compile(r"\w{4,}")
_COMMA = re.compile(r"\s*,\s*")
_SHORT = re.compile(r"(?<!\w)\w{2}(?!\w)")
_JOINED = re.compile(r"\s+(?:and|but|while|а|але|но|однак|однако|проте)\s+", re.IGNORECASE)
_QUOTES = re.compile(r"[«»“”„\"]|(?<!\w)'|'(?!\w)")
MIN_CONTENT_WORDS = 2
MIN_REQUEST_LEFT = 3  # what a request for a person must leave to be a problem as well
_SAID_ONLY = re.compile(
    r"^\W*(?:\w+\s+){0,2}?(?:пишет|пише|выдает|выдаёт|видає|показывает|показує|says|shows|"
    r"displays|error|ошибка|помилка)\s*:?\s*[«\"“„'][^»\"”“']+[»\"”“']\W*$",
    re.IGNORECASE,
)


def without_tone(text: str) -> str:
    """`text` without the clauses that only say how the user feels about the bot ("DO NOT
    send me another article. My laptop won't charge."): their words describe nothing broken,
    so they must not pick an article ("send" is no mail problem). All of it if nothing else
    is left."""
    rest = text
    for clause in clauses(text):
        if only_tone(clause):
            rest = re.sub(re.escape(clause) + r"[\s.!?,;:…]*", " ", rest, count=1)
    rest = rest.strip()
    return rest if _CONTENT.search(rest) else text


def problem_statement(text: str) -> str:
    """`text` without the clauses that only give checklist facts or say how the user feels."""
    kept = [clause for clause, _ in _problem_clauses(text)]
    return ". ".join(kept) if kept else text


@lru_cache(maxsize=TEXTS_KEPT)
def _problem_clauses(text: str) -> tuple[tuple[str, str], ...]:
    """Each clause that states the problem, with the same clause stripped of its facts."""
    kept: list[tuple[str, str]] = []
    for clause in clauses(text):
        if tried.extract(clause) and not tried.only_not_tried(clause):
            continue
        if only_tone(clause):
            continue  # "What kind of support is this?!", "Спасибо, очень помогли"
        # read as the words meant when typed in translit: "pozovite admina" asks for a person
        meant = meant_text(clause)
        asking = calls_for_person(meant) or asks_for_contact(meant)
        if asking and not describes_problem(clause):
            continue  # "пусть мне перезвонят", "оформите заявку": whom they want, not what broke
        # "принтер не печатает, дайте номер поддержки": the problem, less the number asked
        rest = ", ".join(p for p in _COMMA.split(clause) if not asks_for_contact(p))
        # "опять не работает" keeps its problem; only the feelings and requests go
        for phrases in (ASKS_FOR_PERSON, UPSET, LOST_PATIENCE):
            rest = phrases.remove(rest) if phrases.search(rest) else rest
        asked = rest != clause and not UPSET.search(clause)
        short = len(_LONG_WORD.findall(rest)) < MIN_REQUEST_LEFT
        if asked and short and not read_impact(rest).stopped:
            continue  # "соедините с нормальным админом": whom they want, not what broke
        # … but "open a ticket: my laptop won't charge" says what broke in a few words
        for value in (_codes(clause), since.extract(clause), systems.extract(clause)):
            for part in filter(None, (v.strip() for v in value.split(";"))):
                rest = re.sub(re.escape(part), " ", rest, flags=re.IGNORECASE)
        if _content_words(rest) >= MIN_CONTENT_WORDS:
            kept.append((clause, " ".join(_QUOTES.sub(" ", rest).split())))
    # "Через час закрывается подача на тендер, а сайт не открывается": what is due is the
    # stake (priority reads it), the fault is the other clause
    faults = [(clause, bare) for clause, bare in kept if not names_a_deadline(clause)]
    return tuple(faults or kept)


def _content_words(rest: str) -> int:
    """The words of `rest` that say something, a two-letter abbreviation or name among them:
    "ПК не включается", "1С висит", "PC won't boot" state a problem as "Outlook висит" does."""
    return len(_CONTENT.findall(rest)) + sum(_abbreviation(w) for w in _SHORT.findall(rest))


def _abbreviation(word: str) -> bool:
    """A two-letter word that names a thing: with a digit ("1С"), a Latin acronym in
    capitals ("PC", "TV"), or a Cyrillic abbreviation to the dictionary ("ПК", "ОС", "БД")."""
    if any(c.isdigit() for c in word):
        return any(c.isalpha() for c in word)
    if word.isascii():
        return word.isupper()
    low = word.lower()
    return any("Abbr" in tags for lang in ("ru", "uk") for _, tags in readings(low, lang))


def problem_readings(text: str) -> list[str]:
    """What to ask the matcher besides the whole message: the statement, then each of its
    sentences (a long message carries the problem in one sentence among others)."""
    statement = problem_statement(text)
    readings = [statement] if statement != text else []
    sentences = [s.strip() for s in _SENTENCE.split(statement.replace(". ", ".\n")) if s.strip()]
    if len(sentences) > 1:
        readings += [s for s in sentences if len(_CONTENT.findall(s)) >= MIN_CONTENT_WORDS]
    # Last, each clause without its facts: "VPN has been broken (for two days)". A clause
    # that only quotes the screen ("пишет «Нет доступных подключений»") is the error, not
    # the problem, when other clauses state the problem.
    found = _problem_clauses(text)
    stated = [(clause, bare) for clause, bare in found if not _SAID_ONLY.match(clause)]
    readings += [bare for clause, bare in (stated or found) if bare != clause]
    return readings


def problem_halves(text: str) -> list[str]:
    """The halves of the problem's clauses joined by "and"/"а"/"але": "the payroll file has
    to reach the bank by 3pm and Excel closes the moment I open it" has it in one half."""
    halves: list[str] = []
    for clause, _ in _problem_clauses(text):
        parts = [h.strip() for h in _JOINED.split(clause) if h.strip()]
        if len(parts) > 1:
            halves += [h for h in parts if len(_CONTENT.findall(h)) > MIN_CONTENT_WORDS]
    return halves


def _codes(clause: str) -> str:
    """Error codes of a clause, but not quoted messages: those describe the problem."""
    quoted = re.findall(r"[«“„\"']([^«»“”„\"\n]{3,160})[»”“\"']", clause)
    return "; ".join(c for c in errors.extract(clause).split("; ") if c not in quoted)
