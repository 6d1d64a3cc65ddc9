"""What a message says is failing: the things it names, apart from the failure words.

A near-miss often says a failure an article owns of a thing no article names: "токарный
станок не запускается", "the lathe in the workshop won't start", "посудомийна машина не
вмикається". The verb is IT's ("не запускается" is app_wont_start's), the thing is not. A
message about IT names an IT thing (принтер, ноутбук, Outlook, VPN) besides the failure,
or at least no everyday thing the failure could be said of.

`subject` reads a message into its `Subject`: the words an article explains that are not
failure words (the things it names as the articles would), whether it names a product or
an application (always an IT thing), and the candidates for an everyday thing: real words
in no preposition's grip ("в цеху", "at the gate" are places, not what fails) that could
be a thing (a Cyrillic word's likeliest reading is a noun). The domain model (domain.py)
then says whether the things are IT's and the candidates everyday (`Domain.stranger`), so a
refit weighs the lines it was scored on without their own file's words. The result is one
feature of the fitted decision, never a filter.

What a Cyrillic message opens with is what fails: when its first thing is a noun in the
subject's case, no person, and no IT thing, later words an article is about are what it
does or lacks, not another thing ("синтезатор у класі не видає звуку", "табло показує
чорний екран"): `Subject.opening`.

Failure words: a Cyrillic word whose likeliest reading is a verb form ("зависла", "не
вмикається"); an English word the articles write after a negation or "keeps" ("won't
start", "not responding", "keeps freezing"), or one the message writes so; and in any
language a word of breaking down (`breakdown`: "сломанный", "dead", "died", "jammed"),
which says that something fails and never what.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from gateway.knowledge.articles import Article
from gateway.knowledge.everyday import EVERYDAY_WORDS
from gateway.knowledge.morphology import (
    Token,
    english_adverb,
    lemma,
    lemmas,
    lemmas_of,
    readings,
    tokens,
)
from gateway.knowledge.vocabulary import (
    BREAKDOWN_WORDS,
    CROWD_FAILING_WORDS,
    PREPOSITIONS,
    SENSE_BELONGING,
    SENSE_DOORS,
    SENSE_ENTERED,
    SENSE_ENTRIES,
    SENSE_LOCKS,
    SENSE_VENUES,
    SENSE_WORDS,
    SHARED_DEVICES,
    SHARED_THINGS,
    STANDALONE_THINGS,
    THREE_D_PRINTING,
    WORN_PARTS,
)
from gateway.triage.language import UKRAINIAN_LETTERS

_VERB_FORMS = frozenset({"VERB", "INFN", "PRTS", "GRND"})
# The articles' English failure words follow one of these: "won't start", "keeps freezing"
# ("no" and "without" precede things: "no internet").
_ARTICLE_LEADS = frozenset({"not", "keep", "keeps", "kept", "still"})
# In a message a failure word also follows a copula or "stopped": "is stuck", "stopped working".
_LEADS = _ARTICLE_LEADS | frozenset(
    {"is", "are", "was", "were", "got", "gets", "stop", "stops", "stopped"}
)
# English words of degree between a copula and the state it says ("is very loud").
_DEGREES = frozenset(
    {"very", "really", "so", "too", "super", "extremely", "quite", "pretty", "totally"}
)
# The English words that say at once that what comes before them fails.
_OPENING_FAILS = _ARTICLE_LEADS | frozenset({"stop", "stops", "stopped"})
# "The scoreboard is blank": a copula then a thing's state says at once that it fails.
_COPULAS = frozenset({"is", "are", "was", "were"})
# What a person's account is said to be ("the recruiter is locked out"): a person's state;
# and what a system is ("our online store is down"): a service's, whatever its name.
_OTHERS_STATES = frozenset(
    {"lock", "locked", "log", "logged", "sign", "signed", "block", "blocked"}
    | {"down", "offline", "unavailable", "unreachable", "up"}
)
# Words that govern a place: what they govern is where, not what fails ("біля входу").
_GOVERNING = PREPOSITIONS | frozenset(
    {"біля", "возле", "около", "коло", "поруч", "рядом", "між", "между", "near", "beside", "behind"}
)
# Codes of a technique joined to a shared thing, its kind, not a model's number: "3D-принтер".
_TECHNIQUES = frozenset({"3d", "3д"})
# A greeting's noun opens no thing: "Доброго ранку", "Добрий вечір, комп'ютер …".
_GREETINGS = frozenset({"добрий", "доброго", "добре", "добра", "добрый", "доброе", "добрая"})
# The cases a noun the failure is said of stands in ("синтезатор не видає звуку").
_SUBJECT_CASES = frozenset({"nomn", "accs"})
# A dictionary's marks of a name: an organisation's, a trademark, a surname, a first name.
_NAME_TAGS = frozenset({"Orgn", "Trad", "Surn", "Name"})
_CYRILLIC = re.compile(r"[а-яёіїєґ]")


@dataclass(frozen=True)
class Subject:
    """A message's things, read without the domain model (domain.py weighs them)."""

    things: tuple[str, ...] = ()  # lemmas an article explains that are not failure words
    # A product or an application is named, or a thing an article is about (a keyword's
    # or a title's head: принтер, mouse): the message names an IT thing.
    named: bool = False
    # Ungoverned real words that may be an everyday thing, each with the words before it
    # that qualify it ("кассовый аппарат", "ice machine"), the thing last.
    candidates: tuple[tuple[str, ...], ...] = ()
    # A Cyrillic message's opening thing, when it is a candidate and not an IT thing: what
    # the failure is said of ("синтезатор у класі не видає звуку": the sound is what it
    # does not give, not the thing), with the words before it.
    opening: tuple[str, ...] = ()
    product: bool = False  # a product or an application is named
    # An English message's opening words when no article uses any of them and the failure
    # comes right after them, a place phrase at most between: "the pinsetter on lane 7
    # keeps jamming", "golf cart won't start". English shows no case: word order says it.
    first: tuple[str, ...] = ()
    # Things everyday life has too (vocabulary.SHARED_THINGS) said with words of their kind
    # no article uses, each as those words: "газовая колонка" (газовый), "клавиатура
    # органа" (орган), "the church organ keyboard" (church, organ). The domain model says whether
    # the kind is IT's; the thing itself is not counted as named, nor as what fails.
    senses: tuple[tuple[str, ...], ...] = ()
    # `first` is read in a weaker form: said to be in a failed state by a copula ("stadium
    # scoreboard is blank", the form a person's state has too), or past a shared thing
    # ("the till display keeps freezing"): the domain model must lean everyday on it.
    unsure: bool = False
    # The IT things named are only things everyday life has too, said with no word of their
    # kind ("вентилятор", "монитор", "the keyboard"): the shared word is all the evidence.
    bare: bool = False
    # The nouns a preposition governs: where it is ("у пташнику", "в хосписе", "at the mill").
    places: tuple[str, ...] = ()
    # The failure words said ("не реагирует", "гудит", "doesn't respond"): the domain model
    # reads whether they are said of IT things more than of anything.
    said: tuple[str, ...] = ()
    # Words whose sense what they belong to sets, each as its lemma and the owner's words,
    # no article's: a secret with what it opens (vocabulary.SENSE_WORDS: "пароль от
    # калитки" (калитка), "код від хвіртки", "the gate code" (gate), "пароль на вход в
    # клуб" (клуб)) and a shared thing with its kind (`senses`: "nail printer" (nail),
    # "3D-принтер" (3d), "the keyboard of the harpsichord" (harpsichord)). The domain model
    # says whether the owner is IT's; an everyday owner makes the word another trade's
    # (`Domain.sensed`).
    sensed: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Applications named where the name can only be the program: a word no English
    # dictionary has ("Firefox", "Photoshop"), or any application's name in a Cyrillic
    # message ("Edge постійно падає"). The domain model reads each as at least as IT's as
    # the word "program" (`Domain.score`), however seldom the labelled lines name it.
    programs: tuple[str, ...] = ()
    # The owners in `sensed` that a secret is a way into, a place one goes in ("пароль на
    # вход в клуб", "для входа в бар", "на вході в мотель"): what it opens is that
    # place's door unless a word of it leans IT's ("для входа в систему" names no such
    # owner: an article mentions the system).
    entered: tuple[tuple[str, ...], ...] = ()


def _lemmas(words: frozenset[str]) -> frozenset[str]:
    """The lemmas of vocabulary words: English for a Latin word, Russian and Ukrainian for a
    Cyrillic one."""
    found: set[str] = set()
    for word in words:
        langs = ("en",) if word.isascii() else ("ru", "uk")
        found.update(lemma(word, lang) for lang in langs)
    return frozenset(found)


@cache
def breakdown() -> frozenset[str]:
    """Lemmas of the words of breaking down (vocabulary.BREAKDOWN_WORDS), as Russian and as
    Ukrainian for a Cyrillic word: said of any machine, they tell that it fails, not what
    it is. Read on first use (serve loads no dictionaries)."""
    return _lemmas(BREAKDOWN_WORDS)


@cache
def failing() -> frozenset[str]:
    """Lemmas of what says that something fails for a crowd (vocabulary.CROWD_FAILING_WORDS)
    and of breaking down, as Russian and as Ukrainian for a Cyrillic word; the words as
    written too (a dictionary may read "ліг" as another word). Read on first use."""
    return _lemmas(CROWD_FAILING_WORDS) | CROWD_FAILING_WORDS | breakdown()


@cache
def secrets() -> frozenset[str]:
    """Lemmas of the secrets whose sense what they open sets (vocabulary.SENSE_WORDS), as
    Russian and as Ukrainian for a Cyrillic word. Read on first use."""
    return _lemmas(SENSE_WORDS)


@cache
def entries() -> frozenset[str]:
    """Lemmas of the ways in (vocabulary.SENSE_ENTRIES): a secret for one opens what it
    leads into. Read on first use."""
    return _lemmas(SENSE_ENTRIES)


@cache
def doors() -> frozenset[str]:
    """Lemmas of the ways in one walks through (vocabulary.SENSE_DOORS), a subset of
    `entries`. Read on first use."""
    return _lemmas(SENSE_DOORS)


@cache
def devices() -> frozenset[str]:
    """Lemmas of the shared things an office has far more often (vocabulary.SHARED_DEVICES):
    only a kind of another trade's machine (`trade_kinds`) makes them another trade's."""
    return _lemmas(SHARED_DEVICES)


@cache
def trade_kinds() -> frozenset[str]:
    """Lemmas of the kinds of other trades' machines (everyday.py's "kinds")."""
    return _lemmas(EVERYDAY_WORDS["kinds"])


@cache
def shared() -> frozenset[str]:
    """Lemmas of the things IT shares with everyday life (vocabulary.SHARED_THINGS), as
    Russian and as Ukrainian for a Cyrillic word. Read on first use."""
    return _lemmas(SHARED_THINGS)


@cache
def standalone() -> frozenset[str]:
    """Lemmas of the shared things a room or another machine has on its own as often as a
    computer does (vocabulary.STANDALONE_THINGS: a fan). Read on first use."""
    return _lemmas(STANDALONE_THINGS)


@cache
def worn_parts() -> dict[str, frozenset[str]]:
    """The shared things everyday life has as a part of something else (vocabulary.WORN_PARTS:
    a fireplace's screen, a grinder's disc), as lemmas, each with the lemmas of what befalls
    that part and not IT's thing. Read on first use."""
    found: dict[str, frozenset[str]] = {}
    for word, damage in WORN_PARTS.items():
        for part in _lemmas(frozenset({word})):
            found[part] = found.get(part, frozenset()) | _lemmas(damage)
    return found


@cache
def venues() -> frozenset[str]:
    """Lemmas of the places one walks into that are no IT's (vocabulary.SENSE_VENUES)."""
    found: set[str] = set()
    for word in SENSE_VENUES:
        found.update(lemmas(word, keep_stop_words=True))
    return frozenset(found)


def venue(word: str) -> bool:
    """Whether the lemma `word`, or a part of it ("бар-спикизи"), is a venue's."""
    return any(part in venues() for part in (word, *word.split("-")))


@cache
def physical() -> frozenset[str]:
    """Lemmas of the building's things (everyday.py's facilities) and of locks (`locks`):
    what a secret opens."""
    return lemmas_of(EVERYDAY_WORDS["facilities"]) | locks()


@cache
def locks() -> frozenset[str]:
    """Lemmas of locks and what holds them (vocabulary.SENSE_LOCKS): a secret said of one
    is that lock's, whatever else the words before it name."""
    return lemmas_of(SENSE_LOCKS)


def _lock_of(owner: Sequence[Token]) -> bool:
    """A secret's owner is a lock (`locks`) or a venue, said last, whatever words of it an
    article mentions: "the password for the lock" ("lock" is an account's word too), "the
    copper store keypad" ("store" an app's), "пароль на вход в кальянную"."""
    return bool(owner) and (owner[-1].lemma in locks() or venue(owner[-1].lemma))


def english_failures(articles: Sequence[Article]) -> frozenset[str]:
    """Lemmas the articles' English texts write after a negation or "keeps": "start",
    "respond", "connect", "print" ..., the failures the articles own."""
    found: set[str] = set()
    for article in articles:
        texts = (
            *article.questions.get("en", ()),
            *article.keywords.get("en", ()),
            article.title.get("en", ""),
        )
        for text in texts:
            words = tokens(text, "en")
            for before, token in pairwise(words):
                if before.word in _ARTICLE_LEADS and not token.stop:
                    found.add(token.lemma)
    return frozenset(found)


def subject(
    words: Sequence[Token],
    explains: Callable[[Token], int],
    named: Callable[[Token], bool],
    generic: frozenset[str],
    failures: frozenset[str],
    aside: frozenset[int] = frozenset(),
    lang: str | None = None,
) -> Subject:
    """The message's things: `explains` says whether an article mentions a word (1) or
    is about it (2), `named` whether it names a product or an application; `generic`
    words, codes and failure words (`failures`: English ones) are never things; a word at
    `aside` (a clause said to work or to the desk: "Відкрийте заявку: …") never opens it.
    Cyrillic words are read in the message's language (`lang`, ru or uk) when it is known:
    "принтер не друкує" has no letter only Ukrainian writes; guessed from those letters
    only when it is not."""
    if lang not in ("ru", "uk"):
        lang = "uk" if any(not UKRAINIAN_LETTERS.isdisjoint(t.word) for t in words) else "ru"
    things: list[str] = []
    candidates: list[tuple[str, ...]] = []
    before_it: list[str] = []  # the ungoverned words of the phrase so far
    is_named = product = False
    opening: tuple[str, ...] = ()
    opening_it = seen = done = False  # the opening phrase: an IT thing, begun, ended
    governed = False  # inside a phrase a preposition governs: "в столярном цеху", "at the bar"
    # English shows no case: what fails is the words it opens with when the failure comes
    # next, a place phrase at most between ("the pinsetter on lane 7 keeps jamming").
    english = not any(_CYRILLIC.search(t.word) for t in words)
    first: list[str] = []  # the English words it opens with
    first_it = first_ended = first_read = False  # an article's word; a place began; read
    opened: tuple[str, ...] = ()
    unsure = False
    senses: list[tuple[str, ...]] = []
    places: list[str] = []
    said: list[str] = []
    # What names an IT thing: only bare shared things so far (`Subject.bare`).
    bare, other_it = False, False
    sensed: list[tuple[str, tuple[str, ...]]] = []
    entered: list[tuple[str, ...]] = []
    for index, token in enumerate(words):
        if token.stop:
            if (
                english
                and first
                and not first_read
                and not first_it
                and token.word in _COPULAS
                and _state(words, index, explains, failures)
            ):
                # "stadium scoreboard is blank", "the walk-in freezer was frozen": what the
                # opening is said to be is its failure (not "is locked out": a person's).
                opened, first_read, unsure = tuple(first), True, True
            governed = governed or token.word in _GOVERNING
            done = done or (seen and token.word in _GOVERNING)
            before_it = [] if token.word in _GOVERNING else before_it
            first_ended = first_ended or (bool(first) and token.word in _GOVERNING)
            continue
        if token.word in _GOVERNING:
            governed, before_it = True, []
            done = done or seen
            first_ended = first_ended or bool(first)
            continue
        before = words[index - 1] if index else None
        lead = _lead(words, index)
        if token.word in _TECHNIQUES and before is not None and before.word in _GOVERNING:
            continue  # "для 3D-принтера": a kind inside the phrase, read with its thing
        owner = _owner(words, index, lang) if not governed else None
        if owner is not None and (
            _lock_of(owner)
            or all(
                # an adjective an article only mentions says no IT thing ("в закрытый клуб")
                explains(word) < (2 if _adjective(word, lang) else 1)
                and not named(word)
                and not _coded(word)
                for word in owner
            )
        ):
            # "пароль от калитки", "the gate code": a secret of what it opens; whether that
            # is IT's is the domain model's to say, the secret itself names nothing.
            sensed.append((token.lemma, tuple(word.lemma for word in owner)))
            senses.append(sensed[-1][1])
            if _entered(words, owner[0]):
                entered.append(senses[-1])
            if not done and index not in aside and _may_open(token, lang):
                opening, seen = senses[-1], True
            if _CYRILLIC.search(token.word):
                done, before_it = done or seen, []
            continue
        if (
            named(token)
            or token.lemma in generic
            or token.word in _LEADS
            or _coded(token)
            or _failure(token, lead, lang, failures)
        ):
            # A product is an IT thing wherever it stands; "не работает", "error",
            # "keeps", a code (which error, not of what) and a failure are no things.
            is_named = is_named or named(token)
            product = product or named(token)
            other_it = other_it or named(token)
            if not named(token) and _failure(token, lead, lang, failures):
                said.append(token.lemma)
            # Said to fail at once: "won't", "keeps", "stopped", "died", "jammed" (not "is
            # sick", "says", "is locked out": a person's state, a word said).
            fails = token.word in _OPENING_FAILS or token.lemma in breakdown()
            if english and not first_read and first and fails and not first_it:
                opened = tuple(first)
            first_read = True
            done = done or seen
            governed, before_it = False, []
            continue
        if english and english_adverb(token.word):
            continue  # "rattling really loudly": how it fails, not which thing
        explained = explains(token)
        kind = _kind(words, index, lang) if explained > 1 and not governed else None
        # What "of" gives an English thing to is its owner, read whole: a word an article
        # only mentions there ("the screen of the coffee machine": coffee, machine) is the
        # owner's, not an IT thing's; one an article is about ("of my laptop") is IT's.
        owned = frozenset(range(index + 2, len(words))) if _of_owner(words, index) else None
        if kind is not None and all(
            explains(word) < (2 if owned is not None and _at(words, word) in owned else 1)
            and not named(word)
            and (not _coded(word) or word.word in _TECHNIQUES)
            # A fan's kind no dictionary knows is a computer part's name ("the CPU fan"):
            # a fan of a known kind may be the room's (`Domain._everyday_sense`).
            and (word.known or token.lemma not in standalone())
            for word in kind
        ):
            # "газовая колонка", "the church organ keyboard": the thing may be another
            # trade's; its kind, not the thing, is what the domain model weighs.
            senses.append(tuple(word.lemma for word in kind))
            # Its own IT log-odds say nothing of the message when the kind is another
            # trade's ("nail printer", "сценический монитор"): `Domain.sensed`.
            sensed.append((token.lemma, senses[-1]))
            if not done and index not in aside and _may_open(token, lang):
                opening, seen = senses[-1], True
            unsure = unsure or (english and not first_read)
            if _CYRILLIC.search(token.word):
                done, governed, before_it = done or seen, False, []
            continue
        if english and not first_read:
            if _acronym(token.word) or token.name:
                first_read = True  # a system's name ("the PMS won't launch")
            elif not first_ended and index not in aside:
                first.append(token.lemma)
                # A word an article is about, or a typo of one ("prnter"), is IT's; a real
                # word an article only mentions ("machine") is weighed by the domain model.
                first_it = first_it or explained > 1 or (explained > 0 and not token.known)
            elif explained > 1:
                first_read = True  # an IT thing before the failure: not a place
        if explained > 1 and not governed:
            is_named = True
            if token.lemma in shared() and _kind(words, index, lang) is None:
                bare = True
            else:
                other_it = True
        elif explained:
            things.append(token.lemma)
        # "Яндекс браузер", "Касперський антивірус": a maker's name before the IT thing it
        # makes says which one; it is no thing of its own the failure is said of.
        thing = _may_be_thing(token, lang) and not _brand_of_next(words, index, explains, lang)
        if governed and token.known and not token.name and thing:
            places.append(token.lemma)
        if not governed and token.known and not token.name and thing:
            candidates.append((*before_it, token.lemma))
            greeted = before is not None and before.word in _GREETINGS
            if not done and index not in aside and not greeted and _may_open(token, lang):
                opening, seen = candidates[-1], True
        if explained > 1 and not governed and not done:
            opening_it = seen = True
        if not governed:
            before_it.append(token.lemma)
        # A Cyrillic phrase ends with its noun (adjectives agree before it); an English
        # one runs on to the failure ("in the diagnostics room won't ..."). A word no
        # dictionary knows right after the preposition is the noun it governs, a trade's
        # own place ("в аэротрубе вентилятор гудит"), not an adjective of the next word.
        if _CYRILLIC.search(token.word) and (thing or _unknown_after(words, index)):
            done = done or seen
            governed, before_it = False, []
    return Subject(
        tuple(things),
        is_named,
        tuple(candidates),
        () if opening_it else opening,
        product,
        opened,
        tuple(senses),
        unsure,
        bare and not other_it,
        tuple(places),
        tuple(said),
        tuple(sensed),
        entered=tuple(entered),
    )


def _owner(words: Sequence[Token], index: int, lang: str) -> tuple[Token, ...] | None:
    """What the secret at `index` (`secrets`) opens: the noun a preposition of belonging
    governs right after it, with its adjectives ("пароль от садовой калитки", "код від
    хвіртки", "password for the gym locker"), or an English secret's words right before it
    ("the gate code"), past a way in what it leads into ("пароль на вход в клуб": клуб);
    None for no secret, nothing said, or a person, whose secret an account's is ("пароль
    для нового сотрудника", "код для бухгалтера")."""
    token = words[index]
    if token.lemma not in secrets():
        return None
    cyrillic = bool(_CYRILLIC.search(token.word))
    if not cyrillic:
        # "the door password for the sweets store": the words joined before it say what
        # it opens; what follows is that thing's owner.
        found: list[Token] = []
        for before in reversed(words[:index]):
            if _ends_phrase(before):
                break
            found.insert(0, before)
        if found:
            return tuple(found)
    if index + 1 < len(words) and words[index + 1].word in SENSE_BELONGING:
        return _owned(words, index + 2, lang, cyrillic)
    return _owned_before(words, index, lang) if cyrillic else None


def _entered(words: Sequence[Token], first: Token) -> bool:
    """The owner that begins with `first` is what a way in leads into: "вход в клуб",
    "на вході в мотель", "входу до бару" (not "доступ до складу": access is a right, not
    a door)."""
    at = _at(words, first)
    return at >= 2 and words[at - 1].word in SENSE_ENTERED and words[at - 2].lemma in doors()


def _ends_phrase(token: Token) -> bool:
    """Whether `token` ends the words joined to a thing: a stop word, a preposition that
    governs, a way in ("вход", "into"), or a word of breaking down."""
    return (
        token.stop or token.word in _GOVERNING or token.word in _LEADS or token.lemma in breakdown()
    )


# How far before a Cyrillic secret its owner may be said ("на калитке склада конфет
# поменяли пароль": the preposition four words before it).
_OWNER_BEFORE = 5


def _owned_before(words: Sequence[Token], index: int, lang: str) -> tuple[Token, ...] | None:
    """A Cyrillic secret's owner said before it with a preposition of belonging, with only
    its words and a verb between: "на калитке склада поменяли пароль", "на хвіртці
    змінили пароль" (the gate's), "на сейфе в кассе сменили код" (past where it is), "на почте
    сменили пароль" (mail's: the domain model says whose); None when none is that near."""
    for at in range(index - 1, max(index - 1 - _OWNER_BEFORE, -1), -1):
        word = words[at]
        if word.word in SENSE_BELONGING:
            return _owned(words, at + 1, lang, True)
    return None


def _owned(
    words: Sequence[Token], start: int, lang: str, cyrillic: bool
) -> tuple[Token, ...] | None:
    """The owner a preposition of belonging gives a secret, from `start`: the noun with its
    adjectives ("от садовой калитки"); past a way in, what it leads into ("на вход в
    закрытый клуб", "для входу до бару": клуб, бар); None for a person or no noun."""
    found: list[Token] = []
    for at in range(start, min(start + 4, len(words))):
        after = words[at]
        if after.stop and not found:
            continue  # "the", "our"
        if after.stop or after.word in _GOVERNING or after.lemma in breakdown():
            break
        if cyrillic:
            if venue(after.lemma):
                # "в кальянную", "до більярдної": a venue, though named as an adjective or
                # by a word no dictionary knows
                found.append(after)
                break
            if _adjective(after, lang):
                found.append(after)
                continue
            if not _may_be_thing(after, lang) or _person(after, lang):
                return None
            if (
                after.lemma in entries()
                and at + 1 < len(words)
                and words[at + 1].word in SENSE_ENTERED
            ):
                return _owned(words, at + 2, lang, cyrillic) or (*found, after)
            found.append(after)
            break
        found.append(after)
    return tuple(found) or None


def _person(token: Token, lang: str) -> bool:
    found = readings(token.word, lang)
    return bool(found) and "anim" in found[0][1]


def _lead(words: Sequence[Token], index: int) -> Token | None:
    """The word before `index` past the English words of degree: "is very loud", "is
    really slow" say the state after the copula as "is loud" does."""
    at = index - 1
    while at > 0 and words[at].word in _DEGREES:
        at -= 1
    return words[at] if at >= 0 else None


def _failure(token: Token, before: Token | None, lang: str, failures: frozenset[str]) -> bool:
    if token.lemma in breakdown():
        return True
    if _CYRILLIC.search(token.word):
        found = readings(token.word, lang)
        return bool(found) and bool(_VERB_FORMS & found[0][1])
    return token.lemma in failures or (before is not None and before.word in _LEADS)


def _kind(words: Sequence[Token], index: int, lang: str) -> tuple[Token, ...] | None:
    """The words that say which kind of a shared thing (`shared`) the word at `index` is:
    for a Cyrillic noun the adjectives right before it, a technique's code joined to it
    ("3D-принтер") and a noun in the genitive right after it ("газовая колонка", "камера
    колеса"), for an English one the words right before it ("piano keyboard", "3D
    printer") and what "of" gives it to after it ("the keyboard of the harpsichord"); None
    when it is no shared thing or nothing qualifies it ("мышка не работает", "the monitor
    is black", "the screen of my laptop" names an IT thing: the caller weighs that)."""
    token = words[index]
    if token.lemma not in shared():
        return None
    cyrillic = bool(_CYRILLIC.search(token.word))
    found: list[Token] = []
    for before in reversed(words[:index]):
        if _ends_phrase(before):
            break
        if cyrillic and not _adjective(before, lang):
            if not found and (before.word in _TECHNIQUES or _fixed(before, lang)):
                # "3D-принтер", "караоке-мікрофон": a technique's code or an indeclinable
                # noun joined to it says its kind as an adjective does; nothing before it
                found.insert(0, before)
            break
        found.insert(0, before)
    if cyrillic and index + 1 < len(words) and _genitive(words[index + 1], lang):
        found.append(words[index + 1])
    if not cyrillic and index + 1 < len(words) and words[index + 1].word == "of":
        owner: list[Token] = []
        for after in words[index + 2 : index + 6]:
            if after.stop and not owner:
                continue  # "the", "our"
            if _ends_phrase(after):
                break
            owner.append(after)
        found.extend(owner)
    if not found:
        found.extend(_mounted_on(words) or _three_d(words, token))
    if token.lemma in devices() and not any(word.lemma in trade_kinds() for word in found):
        return None  # "label printer", "warehouse scanner": an office's, said bare
    return tuple(found) or None


_ON = frozenset({"на", "on"})
_PRINTERS = frozenset({"принтер", "printer"})


def _mounted_on(words: Sequence[Token]) -> list[Token]:
    """Another trade's machine a bare shared thing is said to be on: "на органе западает
    клавиатура", "the keys on the piano" (everyday.py's kinds), as its kind."""
    for before, after in pairwise(words):
        if before.word in _ON and after.lemma in trade_kinds():
            return [after]
    return []


def _three_d(words: Sequence[Token], thing: Token) -> list[Token]:
    """A printer said with what only a 3D printer has (vocabulary.THREE_D_PRINTING: one
    nozzle, filament) is a 3D printer: its kind is the code "3D" ("принтер друкує формочки,
    а сопло забилося пластиком" as "3D-принтер …")."""
    if thing.lemma not in _PRINTERS or not any(w.word in THREE_D_PRINTING for w in words):
        return []
    return [thing._replace(word="3d", lemma="3d", stop=False, known=True, name=False)]


def _of_owner(words: Sequence[Token], index: int) -> bool:
    """The English word at `index` is followed by "of", which gives it to its owner."""
    return (
        index + 1 < len(words)
        and words[index + 1].word == "of"
        and not _CYRILLIC.search(words[index].word)
    )


def _at(words: Sequence[Token], token: Token) -> int:
    """The position of `token` itself (not an equal word elsewhere) in `words`."""
    return next(i for i, word in enumerate(words) if word is token)


def _genitive(token: Token, lang: str) -> bool:
    """A thing's noun only a genitive can be: "органа", "квітів" (not "лампочки" or
    "колеса", which may be the next clause's subject, nor a verb's form, nor a person,
    whose thing it is: "монитор кассира")."""
    found = readings(token.word, lang) if not token.stop else ()
    return (
        bool(found)
        and {"NOUN", "gent"} <= found[0][1]
        and "anim" not in found[0][1]
        and not any("nomn" in tags or _VERB_FORMS & tags for _, tags in found)
    )


def _fixed(token: Token, lang: str) -> bool:
    """An indeclinable Cyrillic noun ("караоке", "кафе", "пианино")."""
    if not _CYRILLIC.search(token.word):
        return False
    found = readings(token.word, lang)
    return bool(found) and {"NOUN", "Fixd"} <= found[0][1]


def _adjective(token: Token, lang: str) -> bool:
    if not _CYRILLIC.search(token.word):
        return False
    found = readings(token.word, lang)
    return bool(found) and "ADJF" in found[0][1]


def _state(
    words: Sequence[Token], index: int, explains: Callable[[Token], int], failures: frozenset[str]
) -> bool:
    """The word after a copula at `index` is a thing's failure: a failure the articles
    own or a state an article is about ("blank", "stuck",
    "frozen"), not a person's ("locked", "logged") nor a system's ("down", "offline")."""
    if index + 1 >= len(words):
        return False
    said = words[index + 1]
    if said.stop or said.word in _OTHERS_STATES or said.lemma in _OTHERS_STATES:
        return False
    # "is not", "is jammed": said at once, as after no copula.
    if said.word in _OPENING_FAILS or said.lemma in breakdown():
        return False
    return said.lemma in failures or explains(said) > 1


def _acronym(word: str) -> bool:
    return word.isascii() and word.isalpha() and not set("aeiouy").intersection(word)


def _coded(token: Token) -> bool:
    return any(c.isdigit() for c in token.word)


def _unknown_after(words: Sequence[Token], index: int) -> bool:
    """The word at `index` is one no dictionary knows, right after a preposition that
    governs a place."""
    return not words[index].known and index > 0 and words[index - 1].word in _GOVERNING


def _may_be_thing(token: Token, lang: str) -> bool:
    if not _CYRILLIC.search(token.word):
        return True
    found = readings(token.word, lang)
    return bool(found) and "NOUN" in found[0][1]


def _brand_of_next(
    words: Sequence[Token], index: int, explains: Callable[[Token], int], lang: str
) -> bool:
    """The Cyrillic word at `index` is a name (an organisation's, a trademark, a surname,
    or a word no dictionary knows) right before a word an article is about: "Яндекс
    браузер", "Касперский антивирус", "Сбер приложение"."""
    token = words[index]
    if not _CYRILLIC.search(token.word) or index + 1 >= len(words):
        return False
    after = words[index + 1]
    if after.stop or explains(after) < 2 or not _may_be_thing(after, lang):
        return False
    if not token.known:
        return True
    # Each dictionary's likeliest reading: "бане" may be a name in one of its rarer ones.
    found = readings(token.word, "ru")[:1] + readings(token.word, "uk")[:1]
    return any(_NAME_TAGS & tags for _, tags in found)


def _may_open(token: Token, lang: str) -> bool:
    """A Cyrillic noun in a subject's case that is no person or animal ("колеги кажуть",
    "лікарні" after "у реєстратурі" are not what fails); English shows no case."""
    if not _CYRILLIC.search(token.word):
        return False
    found = readings(token.word, lang)
    return bool(found) and bool(_SUBJECT_CASES & found[0][1]) and "anim" not in found[0][1]
