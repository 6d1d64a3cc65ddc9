"""One ranking of all articles over all their evidence, with the signals the decision needs.

Each article is one document made of the lemmas of its keywords, titles and sample
questions in all three languages (a Ukrainian message may use the Russian word, and
product names are the same everywhere). Documents are scored with BM25. A message word the
articles do not use is resolved to their terms by a shared beginning (morphology the
analyser did not join: печать/печатать; never two nouns that part before either ends,
камертон/камера) and, only when no dictionary knows the word, by edit distance (typos:
пороль, dsik); a real word is never read as another (lunch/launch).
The best few are then compared with the article's sample questions by character-level
similarity, which catches what the terms miss (word order, compounds, slang spellings).

`Signals` carries everything the decision (decision.py) weighs: how much of the message
the article explains (coverage), BM25, the character similarity, whether a keyword phrase
is wholly in the message, and what share of the message no article knows.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from rapidfuzz import fuzz, process

from gateway.knowledge.approvals import approvals, not_against
from gateway.knowledge.articles import LANGUAGES, Article
from gateway.knowledge.asides import (
    asides,
    event_object,
    likened,
    of_place,
    sign_off,
    times_of_day,
)
from gateway.knowledge.cameras import photo_cameras
from gateway.knowledge.clauses import (
    after_damage,
    awaited_from_others,
    bounced_to_user,
    circumstance,
    circumstance_opener,
    clause_spans,
    crashed_at_start,
    denied_damage,
    denied_wireless,
    directions,
    ruled_out,
    said_fine,
    sent_by_others,
    undelivered,
    wired_alone,
)
from gateway.knowledge.coolers import computer_coolers
from gateway.knowledge.crowds import (
    ENGLISH_DETERMINERS,
    WHERE_CASES,
    english_span,
    everyone_else,
    inanimate_noun,
    is_verb,
    placed,
    quantifier,
    said_without,
    stop_matters,
)
from gateway.knowledge.domain import Domain, LineCounts, everyday_lemmas
from gateway.knowledge.dwellings import home_flats
from gateway.knowledge.expiry import ended_trial, ran_out
from gateway.knowledge.fillers import extent_fillers
from gateway.knowledge.grants import access_refused, granted
from gateway.knowledge.gratitude import denied_verbs, thanked_working
from gateway.knowledge.holdings import held_on_drive
from gateway.knowledge.inboxes import empty_inbox
from gateway.knowledge.installs import install_asked, install_rights, program_put
from gateway.knowledge.lags import input_lag
from gateway.knowledge.lures import followed_link, gave_sign_in, opened_attachment, threatened
from gateway.knowledge.morphology import (
    Token,
    action_root,
    asks_to_do,
    english_past,
    in_plural,
    is_adjective,
    lemma,
    lemmas_of,
    other_nouns,
    readings,
    single_spelt,
    stem,
    tokens,
)
from gateway.knowledge.openings import died_opening
from gateway.knowledge.outages import DOWN_WORDS, crowd_failures
from gateway.knowledge.passwords import new_password_refused
from gateway.knowledge.phones import (
    inboxes_to_phone,
    lost_phone,
    mail_sign_in_on_phone,
    mail_to_phone,
    mail_wanted_on_phone,
    phone_makes,
)
from gateway.knowledge.presses import pressed_commands, sent_pressed
from gateway.knowledge.rooms import room_windows
from gateway.knowledge.scoreboards import scoreboard_screens
from gateway.knowledge.shields import shield_screens
from gateway.knowledge.smells import burnt_stench
from gateway.knowledge.spills import damage_word, fell_from, spilled_elsewhere, splashed
from gateway.knowledge.stages import instrument_keys, show_sound
from gateway.knowledge.tablets import tablet_makes
from gateway.knowledge.things import Subject, english_failures, failing, shared, subject
from gateway.knowledge.tunnels import vpn_routes
from gateway.knowledge.vocabulary import (
    ACCESS_NOUNS,
    ADD_WORDS,
    ADDED_PLACE_WORDS,
    ADMIN_WORDS,
    APPLICATION_WORDS,
    ARRIVED_WORDS,
    ASKING_VERBS,
    ASPECT_PAIRS,
    ASPECT_WORDS,
    CHAIN_WORDS,
    CHANGES_WORDS,
    COMPUTER_AND_PRINTER_MAKERS,
    CREW_WORDS,
    DENIAL_PASSES,
    DEVICE_WORDS,
    EVERY_SEAT_WORDS,
    EVERY_WORDS,
    FOLLOWED,
    FREEZE_WORDS,
    GENERIC_WORDS,
    HOST_WORDS,
    HUNG_WORDS,
    JOB_VERBS,
    JOINING_WORDS,
    MACHINE_WORDS,
    MAIL_WORDS,
    MAKERS_OTHER_DEVICES,
    MANY_WORDS,
    MIDST_WORDS,
    MIDWAY_WORDS,
    NEGATION_WORDS,
    OFFICE_ROOMS,
    ONLY_WORDS,
    ONSET_WORDS,
    OUTSIDE_SERVICES,
    OWN_DETERMINERS,
    PHONE_WORDS,
    PLACE_WORDS,
    PREPOSITIONS,
    PRINT_DEFECT_WORDS,
    PRINTER_MAKER_WORDS,
    PRINTING_WORDS,
    PROBLEM_WORDS,
    PRODUCT_WORDS,
    PROGRAM_NOUNS,
    REMEDY_WORDS,
    REQUEST_WORDS,
    SEAT_WORDS,
    SHARED_APPLICATION_NAMES,
    SOURCE_WORDS,
    SPOT_WORDS,
    STOPPED_WORDS,
    STORED_WORDS,
    TAG_PLACE_WORDS,
    VANISH_WORDS,
    VPN_ROUTE_WORDS,
    VPN_WORDS,
    WANT_WORDS,
    WENT_OFF_WORDS,
    WHOLE_TIMES,
    WHOLE_TIMES_ENGLISH,
    WIFI_WORDS,
    WIPE_WORDS,
    WITHOUT_WORDS,
)
from gateway.triage.impact import many_stopped
from gateway.triage.language import CYRILLIC

_K1 = 1.2
_B = 0.5
_KEYWORD_WEIGHT = 2.0  # a term in a keyword or a title counts like this many sample mentions
_TITLE_WEIGHT = 2.0
_PREFIX_SIMILARITY = 0.8
_TYPO_SIMILARITY = 0.9  # times the edit-distance ratio
# A word this much more IT's than everyday's in the domain model (log-odds: "ноутбук", "1С",
# "доступ", "пароль"; not "трещина", "камера") names an IT thing the message is about.
_IT_LEANING = 2.5
_SINGLE_SPELT_LETTERS = 4  # "каса" for "касса"; no shorter word is read as another's spelling
_SHORTLIST = 8
_MODIFIER_WEIGHT = 1.0  # a word a preposition governs in a title or keyword phrase
# A word an article only mentions (in a sample question, or governed by a preposition in its
# title) explains a message's word this much compared with a word it is about (a keyword or
# a title's head): "не работает почта" is the mail articles', not the scanner's ("…сканирование
# в почту"). Generic words (не работает, error) are never what an article is about.
_MENTION = 0.8
_CLAUSES = re.compile(r"[,;()—–]")  # a title's parts: "Не приходят письма, ящик переполнен"
# Rankings memoised per matcher (dropped with it on a reload): the same text matched twice
# in a turn, or sent by many users at once. A ranking kept takes ~2.5 KB (its signals).
_RANKED_KEPT = 1024
_RANKED_WORDS = 60  # longer texts (letters) are ranked every time
_NOBODY: frozenset[int] = frozenset()
_TERMS_KEPT = 16384  # message words resolved to article terms, memoised per matcher (as
# many words as the morphology memos keep)
# Articles are ordered by coverage, specific coverage, words explained, BM25 and keyword
# phrase, weighted so. Chosen by a grid search for the top-1 of held-out rankings of both
# tuning parts (faq/README.md); character similarity to a sample question, weighted 0.25
# before, ranked worse on new wording (it rewards a sample's length and word order) and
# is left to the decision as a signal.
_WHEN = frozenset({"после", "після", "перед", "since", "after", "before", "until"})
# "после обновления", "since the last Windows update": the event dates the problem; it is
# looked for this many words after the time word and weighs this much of a word (not specific).
_ONSET_REACH = 4
# "all day", "the whole morning", "all week long": how long a problem lasts (`_dated`).
_ALL_ENGLISH = frozenset({"all", "whole", "entire"})
_LONG = frozenset({"long"})
# "каждые пять минут", "кожні кілька хвилин", "every few minutes": the generic words (a
# time, a few) after a word of frequency say how often, and weigh as a time.
_EVERY = frozenset(
    {"каждые", "каждый", "каждую", "каждое", "кожні", "кожен", "кожну", "кожного", "every", "each"}
)
_ONSET_WEIGHT = 0.5
# "the grain elevator's weighing software": at most this many nouns before a program noun
# say what the program is for.
_USE_REACH = 3
# The English words for a program whose nouns before them say what it is for ("the golf
# club booking software", "the blinds design app"); not "program", "application", "client".
_SOFTWARE_NOUNS = frozenset({"software", "app", "apps"})
# Where files and mail are kept, when the user asks to be let in: "add me to the orchard
# payroll folder", "grant me the payroll mailbox" ("drive", "system" and "list" are also a
# fundraising drive, a watering system and a party list).
_STORE_NOUNS = frozenset({"folder", "mailbox", "inbox", "database"})
# Being let in, besides an access noun or adding: "grant me …", "get into …".
_ENTRY_WORDS = frozenset({"grant", "into"})
# The words for a program besides "program" itself: "медична система зависає при …".
_SYSTEM_WORDS = frozenset({"система", "приложение", "застосунок", "додаток", "прога"})
# Parts of speech that say how, when or where, never what (pymorphy3 tags).
_CIRCUMSTANTIAL = frozenset({"ADVB", "PRCL", "CONJ", "Prnt"})
# "пропала папка с общего диска": the words a source preposition governs, up to this many,
# with a vanishing verb this close, are where from.
_SOURCE_REACH = 3
# The stop words that may open such a phrase, and the one a program asked for is for: the
# writer's own or the one at hand (vocabulary's OWN_DETERMINERS) and the Russian owners.
_ARTICLES = OWN_DETERMINERS | frozenset({"его", "мой", "наш"})
# "пролила каву на ноутбук", "dropped my phone in the sink": content words this close to a
# spill or a drop say how a device was damaged. "шумит словно самолёт", "lagging like
# crazy": the word after a comparison is a likeness. Neither makes the message another
# service's.
_DAMAGE_REACH = 3
# A word this close to a damage word's term explains the damage ("разлил" is "разлить").
_DAMAGE_SIMILARITY = 0.8
_LIKENESS = frozenset({"like", "словно", "будто", "наче", "ніби", "мов"})
_ASIDE_AFTER = _WHEN | _LIKENESS
# An application named ("Outlook подвисает") is a mention of a program, this much of one; one
# asked for ("нужен AutoCAD", "need Slack") is a request to install it.
_APPLICATION_SIMILARITY = 0.5
_ASKED_SIMILARITY = 0.8
# What access is asked to ("add me to the rota calendar") stands for the access this much:
# less than a word said (0.8 and above), so it never makes a keyword phrase on its own.
_GRANTED_SIMILARITY = 0.7
# What a wiping word wipes is this many content words after it at most.
_WIPED_REACH = 4
# A request for a program is this many words after "can", "could", "please", "possible".
_REQUEST_REACH = 3
# What a program asked for is for ("for the lab reports") begins this close after its name.
_PURPOSE_GAP = 3
_NAME_SHORTEST = 3  # "put anki on my tablet"; shorter ones are chat shorthand: "u", "ur"
_PURPOSE_WORDS = frozenset({"for", "для"})
# The machine a program asked for goes on is said this close after it: "put on my machine".
_MACHINE_REACH = 5
_ON_WORDS = frozenset({"on", "onto"})
# "my machine", "this machine" is the user's computer; "the machine in the bakery" is not.
_OWN_MACHINE = frozenset({"my", "this"})
_WISH_WORDS = frozenset({"love", "like"})  # "I'd love to have …", "would like to get …"
_HAVE = frozenset({"have", "get"})
_COMPUTER = "comput"  # "computer" as the English stemmer reads it (the articles' term)
# A printer's maker or series named ("the Kyocera says offline") is a mention of a printer.
_MAKER_SIMILARITY = 0.5
# What "весь склад", "all our shops" is read as: the outage article's word for everyone (its
# English stem, so it is that word and not a prefix of it).
_EVERYONE = lemma("everyone", "en")
# What a bounce of mail others sent to the user is read as: mail the user did not receive.
_RECEIVE = lemma("receive", "en")
# What the user's own mail coming back, or not reaching whom it was to, is read as: the sending
# article's bounce and undelivered mail (clauses.undelivered).
_BOUNCE = lemma("bounce", "en")
_UNDELIVERED = lemma("undelivered", "en")
# What the phone's mail refusing the sign-in is read as in English: its setting up (phones.py).
_SETUP = lemma("setup", "en")
_INSTALL = lemma("install", "en")
_ADMIN = lemma("admin", "en")
# What a new password refused by the rules is read as: its changing (passwords.py).
_CHANGE = lemma("change", "en")
# What a letter's threat to close the mailbox is read as: its lure (lures.py).
_PHISHING = lemma("phishing", "en")
# What a whole machine that freezes or hangs is read as: a slow machine (a program's freeze
# is its crash).
_SLOW = lemma("slow", "en")
_RESPOND = lemma("respond", "en")
_GUARD = lemma("guard", "en")  # a screen that shields (shields.py): an everyday word
_HOME = lemma("home", "en")
_MAILBOX = lemma("mailbox", "en")
# What a file or a folder wiped or erased is read as (file_recovery's word).
_DELETED = lemma("deleted", "en")
# What a liquid splashed onto a device is read as: a spill (spills.splashed).
_SPILL = lemma("spill", "en")
_RANK_WEIGHTS = (0.36, 0.24, 0.16, 0.16, 0.08)
# Rank orders less than this apart (a tenth of a point of the 0-100 score shown) are a tie,
# broken by the similarity to the sample questions: "инет отвалился" is 79.51 for the wired
# article and 79.51 for the Wi-Fi one, whose "отключается" explains it as well. The gap is
# measured, not rounded away: 44.949 and 44.951 are as tied as 44.941 and 44.949.
_TIE = 0.001
# A device or medium named (DEVICE_WORDS) weighs this much more in which article comes first,
# not in the signals the decision reads: how sure a match is stays as the words say it, so an
# animal "mouse" or a cold-room "камера" is no likelier answered than before.
_DEVICE_ORDER = 2.0
# A particle hyphenated into a noun ("check-in tablets") is one of its words.
_COMPOUND_PARTICLES = frozenset({"in", "up", "out", "off"})
# A clause that only names the writer's place ("…, Ferris wheel booth") has at most this many
# content words.
_TAG_WORDS = 4
# A group said with a word that is otherwise a greeting's ("hi team"): "the whole fresco
# team", "whole sales team" name the group "whole" is of.
_CROWD_STOP_WORDS = frozenset({"team"})
# "at every window", "on every till", "across every terminal": where each counter is.
_EVERY_PLACE_PREPOSITIONS = frozenset({"at", "on", "across", "in", "from"})
# English plurals of people by what they do: couriers, cashiers, operators, dentists, agents.
_AGENT_PLURALS = ("ers", "ors", "ists", "ants", "ents", "ians")
_VOWELS = frozenset("aeiouy")
# "no emails received", "received nothing", "ничего не пришло": a denial this close to an
# arrival verb says the mail did not come.
_ARRIVAL_REACH = 3
# What a spill or a drop was on is this many words after it, stop words included ("пролил
# кофе на клаву ноутбука", "spilled soda all over my keyboard").
_SPILL_REACH = 5
# The endings of a Russian or Ukrainian adjective's lemma an adverb in -о is made from.
_ADJECTIVE_ENDINGS = ("ый", "ий", "ой", "ій")
_MANNER_SHORTEST = 4


@dataclass(frozen=True)
class Signals:
    """What is known about one article for one message; all values 0-1."""

    article: Article
    coverage: float  # share of the message's weight this article's terms explain
    bm25: float  # BM25 over the message's maximum possible
    similarity: float  # character similarity to the closest sample question
    keyword: float  # 1 when a whole keyword phrase with a specific word is in the message
    unknown: float  # share of the message's weight no article knows (same for all)
    foreign: float  # share of it in real words no article uses: кавоварка, parking (same)
    specific: float  # share of the message's specific (not generic) words it explains
    unexplained: float  # message words it does not explain, as a share of 4 (capped at 1)
    explained: float  # message words it explains, as a share of 4 (capped at 1): long messages
    outside: float  # share of the message's weight in words of other services: salary, lunch
    rank_score: float  # the score articles are ordered by
    # Log-odds that the message's words are IT's rather than everyday life's (domain.py;
    # same for all articles): "cement mixer … won't start" is low, "принтер не печатает" high.
    domain: float = 0.0
    # What the message names besides the failure (things.py; same for all articles), and
    # 1 when the domain model finds no IT thing in it but an everyday one: "токарный
    # станок не запускается", "the ice machine won't restart".
    subject: Subject = field(default_factory=Subject)
    stranger: float = 0.0
    # The share of the whole message the article explains (coverage may be its best
    # clause's): whether two articles compete is read on the whole message.
    whole: float = 0.0


# A message prepared for ranking (`Ranker._prepared`): its words, the positions said to work,
# each word's clause, the positions ruled out, the articles each position gives no evidence
# for, the positions access is asked into, and whether work stopped for many.
_Prepared = tuple[
    tuple[Token, ...],
    frozenset[int],
    tuple[int, ...],
    frozenset[int],
    tuple[tuple[int, frozenset[int]], ...],
    frozenset[int],
    bool,
]


@dataclass(frozen=True)
class _Message:
    """A message read for ranking: its words, the article terms each stands for, weights."""

    words: tuple[Token, ...]  # every word, stop words too
    resolved: list[tuple[Token, list[tuple[str, float]]]]  # content words and their terms
    weights: list[float]  # one per resolved word: the idf of its best term, or of an unknown
    total: float
    dated: list[bool]  # one per resolved word: an event the problem is dated by (onset)
    asked: list[bool]  # one per resolved word: an application asked for ("нужен AutoCAD")
    beside: frozenset[int]  # positions of words said beside the problem (asides.py)
    at: tuple[int, ...] = ()  # one per resolved word: its position in `words`


class Ranker:
    """BM25 over lemmas fused with character similarity; build once, rank many times."""

    def __init__(self, articles: Sequence[Article], lines: LineCounts | None = None) -> None:
        self.articles = tuple(articles)
        # The labelled lines' counts fitted last (domain.json) unless others are given.
        self.domain = Domain(self.articles, LineCounts.load() if lines is None else lines)
        self._ranked: dict[
            tuple[
                tuple[Token, ...],
                frozenset[int],
                int,
                str | None,
                tuple[int, ...],
                tuple[tuple[int, frozenset[int]], ...],
                frozenset[int],
            ],
            tuple[Signals, ...],
        ] = {}
        self._terms: dict[Token, list[tuple[str, float]]] = {}
        self._postings: dict[str, dict[int, float]] = defaultdict(dict)
        self._keywords: list[list[frozenset[str]]] = []
        self._named: set[str] = set()  # lemmas of every keyword and title
        self._heads: list[set[str]] = []  # per article: what it is about (not what it mentions)
        self._samples: list[list[str]] = []
        # Per verb lemma, per article: who does it in the article's samples and keywords
        # (clauses.directions): "не чую" (the user) in no_sound's, "мене не чують" in mic's.
        self._directions: dict[str, dict[int, set[str]]] = {}
        lengths: list[float] = []
        for index, article in enumerate(self.articles):
            lengths.append(self._index(index, article))
        count = max(len(self.articles), 1)
        self._average = sum(lengths) / count if lengths else 1.0
        self._norm = [_K1 * (1 - _B + _B * length / self._average) for length in lengths]
        self._idf = {
            t: math.log(1 + (count - len(p) + 0.5) / (len(p) + 0.5))
            for t, p in self._postings.items()
        }
        self._unknown_idf = math.log(1 + (count + 0.5) / 0.5)
        # For each term, the articles that are about it (it is in their keywords or title head).
        about: dict[str, set[int]] = defaultdict(set)
        for index, heads in enumerate(self._heads):
            for term in heads:
                about[term].add(index)
        self._about = {term: frozenset(about.get(term, ())) for term in self._postings}
        self._generic = _lemmas_of(GENERIC_WORDS | PRODUCT_WORDS)
        # that something fails or is needed, not what: ні, никак, проблема, надо, need
        self._denials_and_needs = _lemmas_of(
            NEGATION_WORDS | PROBLEM_WORDS | REQUEST_WORDS | WANT_WORDS | {"love"}
        )
        # A verb said in one direction bars the articles that say it only in the other, when
        # some article says it in this one: the direction tells those articles apart.
        self._barred: dict[tuple[str, str], frozenset[int]] = {}
        for term, said in self._directions.items():
            if term in self._generic or term in self._denials_and_needs:
                continue  # "не могу", "можуть": a modal says nothing of the problem
            for direction in {d for ways in said.values() for d in ways}:
                self._barred[term, direction] = frozenset(
                    i for i, ways in said.items() if direction not in ways
                )
        self._everyday = everyday_lemmas()
        self._products = _lemmas_of(PRODUCT_WORDS)
        # What a crash at a program's opening is read as: the failure to start it (read
        # here, not at import: a Russian lemma loads the dictionaries, which the web app
        # does not load when imported).
        self._start = lemma("запуск", "ru")
        self._email = lemma("email", "en")
        # The word of losing a thing as a message's words read (English "lost" is "lose").
        self._losing = {
            lang: tokens(word, lang)[0].lemma
            for lang, word in (("ru", "потерял"), ("uk", "загубив"), ("en", "lost"))
        }
        self._expiring = {
            lang: tokens(word, lang)[0].lemma
            for lang, word in (("ru", "истекла"), ("uk", "закінчилась"), ("en", "expired"))
        }
        self._phones = {
            lang: tokens("телефон" if lang != "en" else "phone", lang)[0].lemma
            for lang in ("ru", "uk", "en")
        }
        self._onsets = _lemmas_of(ONSET_WORDS)
        self._applications = _lemmas_of(APPLICATION_WORDS)
        self._places = _lemmas_of(PLACE_WORDS)
        self._chains = _lemmas_of(CHAIN_WORDS)
        self._networks = frozenset({lemma("сеть", "ru"), lemma("мережа", "uk")})
        self._network_uk = lemma("мережа", "uk")
        self._internet = {"ru": lemma("интернет", "ru"), "uk": lemma("інтернет", "uk")}
        self._seats = _lemmas_of(SEAT_WORDS)
        self._jobs = _lemmas_of(JOB_VERBS)
        self._devices = _lemmas_of(DEVICE_WORDS)
        # The articles about each device a message may name ("сканер": the scanner's;
        # "гарнитура": the microphone's and the sound's), and every such article.
        self._device_owners = {
            d: frozenset(self._postings.get(d, {})) for d in self._devices if d in self._about
        }
        self._device_articles = frozenset().union(*(self._about[d] for d in self._device_owners))
        self._vpns = _lemmas_of(VPN_WORDS)
        self._routes = _lemmas_of(VPN_ROUTE_WORDS)
        vpn_articles = frozenset().union(*(self._about.get(v, _NOBODY) for v in self._vpns))
        self._route_articles = (
            frozenset().union(*(self._about.get(r, _NOBODY) for r in self._routes)) - vpn_articles
        )
        self._wifi_articles = frozenset().union(
            *(self._about.get(w, _NOBODY) for w in _lemmas_of(WIFI_WORDS))
        )
        # "папка на сервері", "the folder on the file server": where the thing is kept.
        self._hosts = _lemmas_of(HOST_WORDS)
        # "в кабинете 305": a room of the office, where the thing is.
        self._rooms = _lemmas_of(OFFICE_ROOMS)
        # The places a writer signs a message with: "…, pelmeni kitchen", "Scenery workshop."
        self._tag_places = self._places | self._rooms | _lemmas_of(TAG_PLACE_WORDS)
        # "customers say they've emailed me, I've got nothing": the mail they say they sent
        # is what did not come, not their side (clauses.said_fine).
        self._mail = _lemmas_of(MAIL_WORDS)
        self._failures = english_failures(self.articles)
        self._program = self._indexed("программа", "програма", "program")
        self._printer = self._indexed("принтер", "printer")
        self._makers = _lemmas_of(PRINTER_MAKER_WORDS)
        # A maker of computers and printers (HP) named alone names the printer ("the HP in
        # the draw room is offline"); beside a device ("HP laptop", "принтер HP M404") it
        # is that device's maker, a product name.
        self._shared_makers = _lemmas_of(COMPUTER_AND_PRINTER_MAKERS)
        self._makers_devices = _lemmas_of(MAKERS_OTHER_DEVICES | DEVICE_WORDS)
        self._scanner = self._indexed("сканер", "scanner")
        # How a print is said to come out spoiled (pale, streaked), and the words of printing
        # and its pages (`_spoiled_print`).
        self._print_defects = self._indexed(*PRINT_DEFECT_WORDS)
        self._printing = self._indexed(*PRINTING_WORDS)
        self._install = self._indexed("установить", "встановити", "install")
        # What a device fails to do, as the articles deny it ("не друкує"): said undenied in
        # a thank-you, it works again (gratitude.py).
        self._denied = denied_verbs(self.articles)
        # The articles about a phone's mail (about a phone and about the mail): what the
        # mail set up on a phone says is evidence for them only (phones.mail_to_phone).
        phone_mail = {
            i
            for t in self._indexed(*PHONE_WORDS)
            for i in self._about[t]
            if any(i in self._about[m] for m in self._indexed(*MAIL_WORDS))
        }
        self._not_phone_mail = frozenset(range(len(self.articles))) - phone_mail
        access = self._indexed("доступ", "access")
        self._access_asked = [(term, _GRANTED_SIMILARITY) for term in sorted(access)]
        # The articles about access or rights that grant none ("access denied", "admin
        # rights"): what a request for access asks to is no evidence for them.
        granting = {i for t in self._indexed("grant", "выдать", "надати") for i in self._about[t]}
        self._granting = frozenset(granting)
        self._mention_access = (
            frozenset(i for term in access for i in self._postings[term]) - self._granting
        )
        self._refusing = frozenset(
            i
            for term in access | self._indexed("permission", "права")
            for i in self._about[term]
            if i not in granting
        )
        # A word an article names in a keyword or title is IT's, whatever the list says.
        self._services = {
            service: _lemmas_of(words) - self._named for service, words in OUTSIDE_SERVICES.items()
        }
        # What a place may not be of and still be only where the user is: an article's word
        # or another service's ("в отделе кадров" is HR's, "в офисе принтера нет" a printer).
        self._kept_of_place = frozenset(self._named).union(*self._services.values())
        # Other services' words, said of where the writer is ("в отделе кадров"), say whose
        # question it is: never a place beside the problem.
        self._outside: frozenset[str] = frozenset().union(*self._services.values())
        self._spots = _lemmas_of(SPOT_WORDS)
        self._by_prefix: dict[str, list[str]] = defaultdict(list)
        # Typos are compared by stem: "печатоет" is closer to печат(ать) than to the lemma.
        self._by_stem: dict[str, list[str]] = defaultdict(list)
        self._stems_by_first: dict[str, list[str]] = defaultdict(list)
        self._terms_by_first: dict[str, list[str]] = defaultdict(list)
        self._as_term = {term: [term] for term in self._postings}
        # A verb and its action noun ("оновлюється" / оновлення, "обновляться" / обновление)
        # share a root a shared beginning is too short a part of to join them.
        self._by_root: dict[str, list[str]] = defaultdict(list)
        for term in self._postings:
            root = action_root(term)
            if root is not None:
                self._by_root[root].append(term)
        # A verb said done meets the same verb said ongoing: "не відкрився" the articles'
        # "не відкривається".
        self._aspects: dict[str, set[str]] = defaultdict(set)
        for done, ongoing in ASPECT_PAIRS:
            for one, other in ((done, ongoing), (ongoing, done)):
                for reflexive in ("", "ся"):
                    if other + reflexive in self._postings:
                        self._aspects[one + reflexive].add(other + reflexive)
        # "каса", "група", "клас": a word Ukrainian spells with one consonant where the
        # Russian the articles use doubles it ("касса") is that word, however short.
        self._single_spelt: dict[str, list[str]] = defaultdict(list)
        for term in self._postings:
            single = single_spelt(term)
            if single != term and len(single) >= _SINGLE_SPELT_LETTERS and not term.isascii():
                self._single_spelt[single].append(term)
        for term in self._postings:
            self._terms_by_first[term[0]].append(term)
            key = stem(term)
            if not self._by_stem[key]:
                self._stems_by_first[key[0]].append(key)
            self._by_stem[key].append(term)
            if len(term) >= 4:
                self._by_prefix[term[:4]].append(term)

    def _indexed(self, *words: str) -> frozenset[str]:
        """The lemmas of `words` that the articles use (the terms they stand for)."""
        return frozenset(t for t in _lemmas_of(frozenset(words)) if t in self._postings)

    def rank(self, text: str, lang: str | None = None, limit: int = _SHORTLIST) -> list[Signals]:
        """Articles with any evidence for the message, best first, with their signals."""
        words, fine, clauses, ruled, barred, asked_into, stopped = self._prepared(text, lang)
        if len(words) > _RANKED_WORDS:
            return self._rank(
                words, limit, fine, lang, clauses, ruled, barred, asked_into, stopped
            )
        key = (words, fine, limit, lang, clauses, ruled, barred, asked_into, stopped)
        ranked = self._ranked.get(key)
        if ranked is None:
            if len(self._ranked) >= _RANKED_KEPT:
                self._ranked.pop(next(iter(self._ranked)))  # the oldest
            ranked = self._ranked[key] = tuple(
                self._rank(words, limit, fine, lang, clauses, ruled, barred, asked_into, stopped)
            )
        return list(ranked)

    def _prepared(self, text: str, lang: str | None) -> _Prepared:
        """The message's words as the ranking reads them (what is said of other things
        stopped, what a phrase means put in its word), with the positions said to work, the
        clauses, what is ruled out, what each word gives no evidence for, what access is
        asked into, and whether work stopped for many."""
        words = self._applications_named(tuple(tokens(text, lang)))
        # "дякую, принтер друкує", "thanks, the scanner's fine now": a thank-you that says the
        # thing works again describes no problem: no word is evidence (gratitude.py).
        if thanked_working(text, lang, words, self._denied):
            unsaid = tuple(t._replace(stop=True) for t in words)
            return unsaid, frozenset(), (), frozenset(), (), frozenset(), False
        # "could you pop Notepad++ on my pc", "wish this laptop had XnView", "request:
        # Inkscape": a program asked for in plain words is one to install (installs.py).
        words = _read_as(words, install_asked(words, self._applications), "install", _INSTALL)
        # "Pangolin Beyond ставлю на новий ноут", "нужна программа …, кто ставит?": a program
        # put on in the imperfective is installed (installs.py).
        words = _read_as(words, program_put(words, self._applications), "install", _INSTALL)
        # "поставьте программу, мне самой Windows не даёт", "просит админа, дайте права или
        # поставьте сами": in a request to install, the rights the user lacks are the
        # administrator's, and who does it ("самой", "сами") no program's "by itself".
        rights, doing = install_rights(words)
        words = _read_as(words, rights, "admin", _ADMIN, dropped=doing)
        # "new password keeps getting rejected, too short": the password's changing refused
        # by its rules (passwords.py), not an account locked.
        refused, rules = new_password_refused(words)
        words = _read_as(words, refused, "change", _CHANGE, dropped=rules)
        # "people say their mails to me bounce back": mail that did not come in.
        bounced, senders = bounced_to_user(text, lang, words)
        words = _read_as(words, bounced, "receive", _RECEIVE, dropped=senders)
        # "замовники кажуть, що надсилали, а в мене в «Вхідних» порожньо": mail others sent
        # that did not come in; the others, what they sent and said are their side.
        missing, theirs = awaited_from_others(text, lang, words)
        words = _read_as(words, missing, "receive", _RECEIVE, dropped=theirs)
        # "вхідні порожні з учора", "пошта порожня з ранку": the inbox said empty is mail that
        # did not come in (inboxes.py), no blank page.
        words = _read_as(words, empty_inbox(text, words), "receive", _RECEIVE)
        # "письмо клиенту вернулось", "повертається 554 коли надсилаю", "мої листи ніхто не
        # отримує, кажуть нічого не прийшло": the user's own mail came back or never reached
        # whom it was sent to, a bounce; who says so is the recipient's side.
        if not (bounced or missing):
            came_back, denied, said = undelivered(text, lang, words)
            words = _read_as(words, came_back, "bounce", _BOUNCE)
            words = _read_as(words, denied, "undelivered", _UNDELIVERED, dropped=said)
        # "пришло письмо что мой ящик удалят, если не войду по ссылке": a letter's threat is
        # its lure, and the mailbox it names is the letter's (lures.py).
        threats, boxes = threatened(words, lang)
        words = _read_as(words, threats, "phishing", _PHISHING, dropped=boxes)
        # "натиснула на посилання в листі": the user followed a letter's link (lures.py).
        words = _read_as(words, followed_link(words, lang), FOLLOWED, FOLLOWED)
        # "я відкрив архів з листа", "opened a zip attachment from someone I don't know": what
        # a letter brought, opened, is the lure followed (lures.py).
        words = _read_as(words, opened_attachment(words, lang), "phishing", _PHISHING)
        # "the 'missed delivery' email got me, I put my work login into the page": the
        # sign-in given to a page a letter led to is the lure followed (lures.py).
        words = _read_as(words, gave_sign_in(words, lang), "phishing", _PHISHING)
        # "someone wiped the Orders folder": a file or folder wiped is deleted (a phone
        # wiped is the MFA article's: "the old one is wiped").
        words = _read_as(words, _wiped_files(words), "deleted", _DELETED)
        # "монітор впав з кронштейна", "ноутбук упал со стола": a device that fell from a
        # place was dropped (spills.py), no service that went down; a phone dropped with its
        # second factor is the lost phone (below).
        words = _read_as(words, fell_from(words), "уронил", _read_lemma("уронил", "ru"))
        # "resin got splashed on the keyboard", "капнула карамель на клавиатуру", "the kettle
        # tipped over onto the laptop": a liquid that reached a device is spilt on it
        # (spills.py), no program's splash screen.
        splashes = splashed(words)
        english = {i for i in splashes if words[i].word.isascii()}
        spilt, spilt_in = ("пролив", "uk") if lang == "uk" else ("пролил", "ru")
        words = _read_as(words, english, "spilled", _SPILL)
        words = _read_as(words, splashes - english, spilt, _read_lemma(spilt, spilt_in))
        # "смердить горілим", "воняет горелым": a stench of burning is the smell (smells.py).
        smell, said_in = ("пахне", "uk") if lang == "uk" else ("пахнет", "ru")
        words = _read_as(words, burnt_stench(words), smell, _read_lemma(smell, said_in))
        # "ноут тормозит, а кулер ревёт", "система підвисає і кулер шумить": a cooler said of
        # a computer is its fan, no kitchen's water cooler (coolers.py).
        fan_in = "uk" if lang == "uk" else "ru"
        words = _read_as(
            words, computer_coolers(words), "вентилятор", _read_lemma("вентилятор", fan_in)
        )
        # "Планшет Samsung Galaxy Tab A8 на Android 13 …": the make and the system of a
        # tablet are its name, no phone whose mail is set up (tablets.py).
        named_tablet = tablet_makes(words)
        if named_tablet:
            words = tuple(
                t._replace(stop=True) if i in named_tablet else t for i, t in enumerate(words)
            )
        # "уронил телефон с аутентификатором в септик, он сдох": a phone gone with its second
        # factor is the phone lost (phones.py), and that it died says nothing more.
        # A phone named by its make or as a handset is the phone that went ("switched from
        # Android to iPhone", "swapped my handset").
        went, gone = lost_phone(words)
        if went:
            makes = phone_makes(words)
            words = tuple(
                self._lost(t, lang)
                if i in went
                else self._phone(t, lang)
                if i in makes
                else t._replace(stop=True)
                if i in gone
                else t
                for i, t in enumerate(words)
            )
        # "пробна версія скінчилась": a trial version that ended is the trial period over.
        periods = ended_trial(words)
        words = tuple(
            t._replace(word=periods[i], lemma=periods[i]) if i in periods else t
            for i, t in enumerate(words)
        )
        # "the antivirus licence ran out", "підписка спливла": a licence run out has expired.
        spent, completing = ran_out(words)
        if spent:
            words = tuple(
                self._expired(t, lang)
                if i in spent
                else t._replace(stop=True)
                if i in completing
                else t
                for i, t in enumerate(words)
            )
        # "айфон пише неправильний пароль коли додаю робочу скриньку": the phone's mail refusing
        # the sign-in as it is added or opened is its setting up, no account locked (phones.py).
        signed = mail_sign_in_on_phone(words)
        # "would love the boomerang shop mail on my phone": the mail wanted on a phone is its
        # setting up asked for (phones.py).
        signed |= mail_wanted_on_phone(words)
        words = tuple(_set_up(t, lang) if i in signed else t for i, t in enumerate(words))
        # "can I get the crew inbox on my phone": an inbox that goes on a phone is the mailbox
        # set up there (phones.py).
        words = _read_as(words, inboxes_to_phone(words), "mailbox", _MAILBOX)
        words = _read_as(words, self._machine_frozen(words), "slow", _SLOW)
        # "my wireless keyboard lags, letters appear a second later": a keyboard or a mouse
        # that lags, no machine named, does not respond in time (lags.py).
        words = _read_as(words, input_lag(words), "respond", _RESPOND)
        # "захисний екран на копрі тріснув", "the spray screen on the ice chainsaw": a screen
        # that shields is a machine's guard, read as one (shields.py).
        words = _read_as(words, shield_screens(words), "guard", _GUARD)
        # "VPN error 691 when I try from my flat": a flat is a home (dwellings.py).
        words = _read_as(words, home_flats(words), "home", _HOME)
        # A program that dies at its opening did not start: "вылетает при открытии". A
        # room's window that won't open or close beside the room's air ("the windows at the
        # incense factory won't open, it's stifling", "окна не закрываются, сквозит") is the
        # building's: no window of a program, and no evidence.
        programs = self._program | self._applications
        windows = room_windows(words, programs)
        # "табло на стадионе не показывает счёт, черный экран", "the stadium scoreboard went
        # to a black screen in the second half": a scoreboard and its screen are the venue's.
        boards = scoreboard_screens(words)
        # "в караоке немає звуку з мікрофонів": a karaoke's or a stage's sound is the show's.
        boards |= show_sound(words)
        # "the harpsichord in the recital hall has two keys that won't come back up": an
        # instrument's keys.
        boards |= instrument_keys(words)
        # "can't copy the party videos off the camera", "the photo studio camera": a camera
        # said with its shots or as a photo camera is no webcam (cameras.py).
        boards |= photo_cameras(text, words)
        # "the Kyocera is offline but everyone else can print to it": the others, for whom it
        # works, are no crowd (crowds.py).
        boards |= everyone_else(words)
        if boards:
            words = tuple(t._replace(stop=True) if i in boards else t for i, t in enumerate(words))
        if windows:
            words = tuple(t._replace(stop=True) if i in windows else t for i, t in enumerate(words))
        else:
            opening = crashed_at_start(text, lang, words, programs)
            # "Teams crashes on startup", "shuts the moment I open it" (openings.py).
            opening |= died_opening(words, programs)
            words = _read_as(words, opening, "запуск", self._start)
        # What a clause says works ("а телефон на Wi-Fi працює") is ruled out, not the problem.
        # What the user was doing when it failed ("crashes when I scan a pallet") says when.
        # What a clause says works after another denies something is ruled out.
        # A spill or a drop the user denies ("nothing was spilled") is no damage either.
        ruled = ruled_out(text, lang, words) | denied_damage(words) | spilled_elsewhere(words)
        ruled |= denied_wireless(words)  # "it's on a cable, not wifi"
        # A sending someone else did ("он говорит, что отправил") is their side, which worked.
        ruled |= sent_by_others(text, lang, words)
        doing, hung = self._circumstance(text, lang, words)
        fine = said_fine(text, lang, words, self._mail) | doing | ruled
        # What the user was doing when a program crashed or hung, in words no article knows
        # ("crashes when I open the assembly", "висне посеред замовлення", "freezes
        # halfway through the stocktake"), says neither which problem nor whether it is
        # IT's: no word at all. (Said of anything else, "монитор свистит, когда подносим
        # гитару", it may be what says whose trade it is.)
        if hung:
            words = tuple(
                t._replace(stop=True) if i in doing and not self._resolve(t) else t
                for i, t in enumerate(words)
            )
        # Which clause each word is in: the problem is often one clause among the user's
        # context ("Fujitsu в архіві не бачить комп, ми оцифровуємо фонди, а все стоїть").
        spans = clause_spans(text, lang, words)
        # "…, hand fan workshop", "Scenery workshop.", "…, Ferris wheel booth": a clause that
        # only names the writer's place says where, not what is wrong.
        tags = self._place_tags(words, spans)
        # "…, mouse and all", "checked junk and everything": what rounds a clause off, and a
        # clause that only names what went along, is no word of the problem (fillers.py).
        tags |= extent_fillers(words, spans, self._failures)
        # "зник диск S, а там всі документи відділу": what a gone drive holds is at stake,
        # no word of the problem (holdings.py).
        tags |= held_on_drive(words, spans)
        # "I press scan, the light moves once": the command pressed fails, no button; "hit
        # send", "the send button" are the mail's Send (presses.py).
        pressed = pressed_commands(words)
        sent = sent_pressed(pressed)
        tags |= frozenset(pressed) - sent
        words = _read_as(words, sent, "email", self._email)
        words = tuple(t._replace(stop=True) if i in tags else t for i, t in enumerate(words))
        # What was tried ("Переустанавливали клиент, не помогло") is never the problem clause.
        tried = {
            c
            for c, span in enumerate(spans)
            for near in (span, spans[c + 1] if c + 1 < len(spans) else range(0))
            if any(words[i].word in REMEDY_WORDS for i in near)
        }
        clauses = (
            tuple(-1 if c in tried else c for c, span in enumerate(spans) for _ in span)
            if len(spans) > 1
            else ()
        )
        # The ranking depends on the normalised words and their clauses only: "Принтер не
        # печатает!!" and "принтер не печатает" are ranked once, and so is the same text
        # matched twice in a turn (incidents, then the knowledge base) or sent by many
        # users at once.
        # The language is part of the key: a Ukrainian message written without і, ї, є or ґ
        # ("принтер не друкує") is read as Ukrainian, not guessed Russian from its letters.
        # "я не слышу" is not the microphone's ("меня не слышат"): a verb said in the
        # direction an article never says it gives that article no evidence.
        bars: dict[int, frozenset[int]] = {
            at: self._barred[words[at].lemma, direction]
            for at, direction in directions(text, lang, words).items()
            if (words[at].lemma, direction) in self._barred
        }
        # "разлил колу на клавиатуру, часть клавиш не печатает": what fails after a spill
        # or a drop is what it did, evidence only for the articles that explain the damage.
        for at, others in self._after_damage(text, lang, words).items():
            bars[at] = bars.get(at, _NOBODY) | others
        # "need read access to the Flights folder on the S drive": what access is asked to
        # is the access asked for, not a drive that fails (grants.py): no evidence for the
        # articles that speak of access only as refused or of rights to install.
        # "approved by Olena", "бос не проти", "ya teper kadrovik": who allowed a request or
        # the user's new job says why it is fair, not what is wrong (approvals.py).
        allowed = {
            i
            for i in approvals(words, spans)
            if not self._resolve(words[i]) or not_against(words, i)
        }
        if allowed:
            words = tuple(
                t._replace(word="", lemma="", stop=True) if i in allowed else t
                for i, t in enumerate(words)
            )
        asked_into = granted(words, spans, self._install)
        named = self._resource_names(words, asked_into)
        # "add me to the rota calendar", "can I be added to the duty calendar", "добавьте
        # меня в рассылку": asks for access as "give me access to the rota calendar" does
        # (who adds whom is no longer the word's direction).
        adding = {at for at in asked_into if words[at].word in ADD_WORDS}
        if any(words[at].word in ADDED_PLACE_WORDS for at in asked_into):
            adding = set()
        words = tuple(
            t._replace(stop=True) if i in named else _access_word(t) if i in adding else t
            for i, t in enumerate(words)
        )
        bars = {at: barred for at, barred in bars.items() if at not in adding}
        asked_into -= named
        for at in asked_into:
            bars[at] = bars.get(at, _NOBODY) | self._refusing
        if all(words[at].word not in ACCESS_NOUNS for at in asked_into):
            # "get into the stock system", "add me to the meeting room booking" name no
            # access: what it is stays what it is (a room's booking is no IT's).
            asked_into = _NOBODY
        for at in asked_into:
            # The access the word stands for is the granting articles' evidence only: an
            # article that mentions access ("нет доступа в интернет") but not the word
            # itself ("систему таможенных деклараций") gets none from it.
            bars[at] = bars.get(at, _NOBODY) | (self._mention_access - self._explaining(words[at]))
        # "no access to the team share", "Getting 'Access is denied'": access said to fail
        # is no request for it.
        for at in access_refused(words, spans):
            bars[at] = bars.get(at, _NOBODY) | self._granting
        # "поставила Outlook на телефон, а він просить сервер": the mail set up on a phone,
        # evidence for the articles about a phone's mail only (phones.py).
        for at in mail_to_phone(words):
            bars[at] = bars.get(at, _NOBODY) | self._not_phone_mail
        # "сканер перестал определяться, пишет устройство не подключено": a device named is
        # what the message is about; an article about another device it does not name
        # ("устройство вывода не найдено" is the sound's) gets no evidence from its words.
        others = self._other_devices(words, fine)
        # "в майстерні комп без інету, по дроту, роутер блимає": a machine on a cable, and no
        # Wi-Fi named, is the wired network's; the Wi-Fi article's "роутер" and "інтернет" are
        # no evidence.
        if wired_alone(words):
            others |= self._wifi_articles
        if others:
            bars = {at: bars.get(at, _NOBODY) | others for at in range(len(words))}
        # "друкує бліді й смугасті сторінки", "принтер печатает полосами, эскизы не
        # распечатаешь": a print that comes out spoiled is printing that happens; what says
        # the printing and its pages is no evidence for printing that does not (the offline
        # printer) nor for a web page.
        for at, others in self._spoiled_print(words, fine).items():
            bars[at] = bars.get(at, _NOBODY) | others
        # "впн не работает с домашнего интернета", "помилка 809 при підключенні до впн з
        # домашнього вайфаю": the internet or Wi-Fi a VPN is used over is where it connects
        # from, no evidence for the internet's or the Wi-Fi's articles (tunnels.py).
        for at in vpn_routes(words, self._vpns, self._routes):
            bars[at] = bars.get(at, _NOBODY) | self._route_articles
        barred = tuple(sorted(bars.items()))
        stopped = self._many_stopped(text, lang, words)
        # "на фабрике ни у кого не запускается 1С", "на всіх касах зависла програма": what
        # fails in the clause that says everyone is the crowd's outage, "down", when the
        # message says work stopped for many (outages.py).
        words = self._crowd_down(text, lang, words, spans, stopped)
        return words, fine, clauses, ruled, barred, asked_into, stopped

    def _place_tags(self, words: tuple[Token, ...], spans: Sequence[range]) -> frozenset[int]:
        """Positions of the clauses that only name the writer's place, one clause of several:
        at most four content words, the last a place in English ("hand fan workshop",
        "Scenery workshop", "Ferris wheel booth", "septic service office"), the first or the
        last in Russian or Ukrainian ("контора углежогов", "юртовий табір"). The words
        before an English place name it, so an article's word among them ("fan", "wheel",
        "service") says nothing; elsewhere any article's word keeps the clause. Never a
        clause with a preposition ("the one by the weighbridge office": said of a place),
        everyone ("whole office", "весь склад": the outage's people), a denial or a failure
        ("printer room down"), nor an English one with a verb's past ("knocked my monitor
        off the desk": what was done)."""
        if len(spans) < 2:
            return frozenset()
        found: set[int] = set()
        for span in spans:
            content = [i for i in span if not words[i].stop and len(words[i].word) > 1]
            if not 1 <= len(content) <= _TAG_WORDS:
                continue
            latin = words[content[-1]].word.isascii()
            ends = {words[content[-1]].lemma}
            if not latin:
                ends.add(words[content[0]].lemma)
            if ends.isdisjoint(self._tag_places):
                continue
            if any(_crowd_or_preposition(words[i]) for i in span) or any(
                words[i].word in NEGATION_WORDS
                or words[i].lemma in self._failures
                or (latin and english_past(words[i].word))
                or (
                    words[i].lemma not in self._tag_places
                    and not (latin and i != content[-1])
                    and self._resolve(words[i])
                )
                for i in content
            ):
                continue
            found.update(span)
        return frozenset(found)

    def _lost(self, token: Token, lang: str | None) -> Token:
        """The word of losing a thing in the message's language ("lost", потерял, загубив)."""
        if token.word.isascii():
            return token._replace(word="lost", lemma=self._losing["en"])
        if lang == "uk":
            return token._replace(word="загубив", lemma=self._losing["uk"])
        return token._replace(word="потерял", lemma=self._losing["ru"])

    def _expired(self, token: Token, lang: str | None) -> Token:
        """The word of a licence's expiry in the message's language (expired, закінчилась,
        истекла)."""
        if token.word.isascii():
            return token._replace(word="expired", lemma=self._expiring["en"])
        if lang == "uk":
            return token._replace(word="закінчилась", lemma=self._expiring["uk"])
        return token._replace(word="истекла", lemma=self._expiring["ru"])

    def _phone(self, token: Token, lang: str | None) -> Token:
        """The word of a phone in the message's language (телефон, phone)."""
        if token.word.isascii():
            return token._replace(word="phone", lemma=self._phones["en"])
        return token._replace(word="телефон", lemma=self._phones["uk" if lang == "uk" else "ru"])

    def _applications_named(self, words: tuple[Token, ...]) -> tuple[Token, ...]:
        """Words that name an application and an everyday thing alike (опера) as the
        application, when the rest of the message leans IT's ("Опера вилітає", "опера
        не відкривається після оновлення"); as they are otherwise ("ходили в оперу")."""
        shared = {
            i for i, t in enumerate(words) if t.lemma in SHARED_APPLICATION_NAMES and not t.stop
        }
        if not shared:
            return words
        rest = [(t.lemma, 1.0) for i, t in enumerate(words) if not t.stop and i not in shared]
        if self.domain.score(rest) <= 0:
            return words
        named = list(words)
        for i in shared:
            program = SHARED_APPLICATION_NAMES[words[i].lemma]
            named[i] = words[i]._replace(word=program, lemma=program, known=True, name=False)
        return tuple(named)

    def _after_damage(
        self, text: str, lang: str | None, words: tuple[Token, ...]
    ) -> dict[int, frozenset[int]]:
        """The articles each word after a clause of damage gets no evidence from: those
        that explain none of the damage words ("разлил", "spilled", "dropped")."""
        after = after_damage(text, lang, words)
        if not after:
            return {}
        cause = frozenset(
            index
            for token in words
            if damage_word(token)
            for term, similarity in self._resolve(token)
            if similarity >= _DAMAGE_SIMILARITY
            for index in self._postings[term]
        )
        if not cause:
            return {}
        others = frozenset(range(len(self.articles))) - cause
        return {at: others for at in after}

    def _machine_frozen(self, words: tuple[Token, ...]) -> frozenset[int]:
        """Positions of the English words of freezing or hanging said of a whole machine
        ("my laptop keeps freezing", "PC hangs every few minutes"), when no program is named
        ("Excel freezes", "the CRM desktop app keeps freezing") and nothing hangs off ("the
        screen is hanging off")."""
        if FREEZE_WORDS.isdisjoint(t.word for t in words) or any(
            t.name or t.lemma in self._applications or t.lemma in self._program
            for t in words
        ):
            return _NOBODY
        found: set[int] = set()
        for index, token in enumerate(words):
            if token.word not in FREEZE_WORDS:
                continue
            if index + 1 < len(words) and words[index + 1].word == "off":
                continue
            before = (t for t in reversed(words[:index]) if not t.stop)
            subject = next((t for t in before if t.word not in ASPECT_WORDS), None)
            if subject is not None and subject.word in MACHINE_WORDS:
                found.add(index)
        return frozenset(found)

    def _circumstance(
        self, text: str, lang: str | None, words: tuple[Token, ...]
    ) -> tuple[frozenset[int], bool]:
        """The words of a "when" part, when the words before it name what fails by a word
        an article is about ("The WMS client crashes when I scan a pallet"); not when they
        are only a name and an error ("Outlook error 0x80042109 when sending": sending is
        the problem) or one word, whom a question is for ("бухгалтерия, когда оплатят
        счёт", "accounts, when will the invoice be paid": the "when" asks). The task a
        program failed halfway through is one too ("the CAD program locks up halfway
        through a render"), a machine's is not ("the nozzle jammed halfway through a doll's
        hand": another trade's printer at work). And whether a program named before it
        crashed or hung ("SolidWorks crashes when I open the assembly", "iiko висне
        посеред замовлення", "Blender крашиться при рендері"): then the part is only what
        the user was doing, and "при", "посеред", "mid" open one too."""
        found = circumstance(text, lang, words)
        if not found:
            return _NOBODY, False
        ahead = words[: min(found)]
        before = [t for t in ahead if not t.stop]
        opener = next(
            (o for i in reversed(range(len(ahead))) if (o := circumstance_opener(words, i))), None
        )
        program = any(self._names_program(t, words) for t in before)
        hung = program and any(t.word in HUNG_WORDS for t in before)
        if opener in MIDWAY_WORDS and not program:
            return _NOBODY, False
        if opener in MIDST_WORDS and not hung:
            return _NOBODY, False
        if len(before) > 1 and (
            hung
            or any(
                not t.stop
                and t.lemma not in self._generic
                and t.lemma not in self._places
                and any(s >= 0.8 and self._about[term] for term, s in self._resolve(t))
                for t in before
            )
        ):
            return found, hung
        return _NOBODY, False

    def _names_program(self, token: Token, words: tuple[Token, ...]) -> bool:
        """Whether a word names a program: a name, an application, a word for a program
        ("app", "програма", "система"), or a Latin word no dictionary knows in a Cyrillic
        message ("iiko висне")."""
        return (
            token.name
            or token.word in PROGRAM_NOUNS
            or token.lemma in self._applications
            or token.lemma in self._program
            or token.lemma in _SYSTEM_WORDS
            or (
                not token.known
                and token.word.isascii()
                and token.word.isalpha()
                and any(CYRILLIC.search(t.word) for t in words)
            )
        )

    def _rank(
        self,
        words: tuple[Token, ...],
        limit: int,
        fine: frozenset[int] = frozenset(),
        lang: str | None = None,
        clauses: tuple[int, ...] = (),
        ruled: frozenset[int] = frozenset(),
        barred: tuple[tuple[int, frozenset[int]], ...] = (),
        asked_into: frozenset[int] = frozenset(),
        stopped: bool = False,
    ) -> list[Signals]:
        message = self._read(words, fine, asked_into, stopped)
        bars = dict(barred)
        # Per article, the lemmas it gets no evidence from (nor its keyword phrases).
        unsaid: dict[int, set[str]] = defaultdict(set)
        for at, articles in barred:
            for index in articles:
                unsaid[index].add(words[at].lemma)
        if message is None:
            return []
        resolved, weights, total = message.resolved, message.weights, message.total
        content = [t for t in words if not t.stop]
        unknown = sum(w for w, (_, m) in zip(weights, resolved, strict=True) if not m) / total
        foreign = (
            sum(w for w, (t, m) in zip(weights, resolved, strict=True) if not m and t.known) / total
        )
        outside = sum(self._elsewhere(message).values())
        said_of = self.subject(message.words, fine | message.beside, lang)
        domain = self.domain.score(
            _reading(message), self.domain.sensed(said_of), frozenset(said_of.programs)
        )
        stranger = self.domain.stranger(said_of)
        bm25: dict[int, float] = defaultdict(float)
        covered: dict[int, float] = defaultdict(float)
        specific: dict[int, float] = defaultdict(float)
        hits: dict[int, int] = defaultdict(int)
        specific_total = 0.0
        # The same shares with a named device weighing _DEVICE_ORDER: they order the articles.
        device_cover: dict[int, float] = defaultdict(float)
        device_specific: dict[int, float] = defaultdict(float)
        device_extra = device_specific_extra = 0.0
        # "пролил кофе на клаву, клавиши не работают": a device something was spilt on or
        # dropped is the damaged thing, and weighs no more than the damage in the order.
        spilt = _spilt_on(words)
        # The same per clause (when there are several): what an article explains of the
        # clause that best tells its problem (`_Parts.best`).
        part = _Parts()
        for weight, (token, matches), dated, asked, at in zip(
            weights, resolved, message.dated, message.asked, message.at, strict=True
        ):
            clause = clauses[at] if clauses else 0
            # "после обновления", "since the update": when it began, not what is wrong.
            is_specific = (asked or token.lemma not in self._generic) and not dated
            # "Outlook подвисает": an application named says the problem is a program's,
            # so it is specific evidence for the articles about programs, and only for them.
            named = not is_specific and not dated and token.lemma in self._applications
            specific_total += weight if is_specific or named else 0.0
            part.add(
                clause,
                weight,
                bool(matches),
                token.known,
                is_specific or named,
                is_specific and token.lemma not in self._generic,
            )
            device = token.lemma in self._devices and not dated and at not in spilt
            extra = weight * (_DEVICE_ORDER - 1) if device else 0.0
            device_extra += extra
            device_specific_extra += extra if is_specific or named else 0.0
            best_bm25: dict[int, float] = {}
            best_cover: dict[int, float] = {}
            best_specific: dict[int, float] = {}
            # What the user says works ("вхідні приходять", "receiving works", "а звук є") is
            # ruled out: the neighbour article it names gains nothing from it, and the
            # message's weight it carries stays unexplained by every article.
            for term, similarity in () if at in ruled else matches:
                scale = similarity * self._idf[term] * (_K1 + 1)
                about = is_specific or (named and term in self._program)
                # A word it only mentions (a sample's or a governed word) explains less than
                # one it is about: "не работает почта" is not the scanner article's.
                heads = self._about[term] if about else _NOBODY
                mention = similarity * _MENTION
                for index, tf in self._postings[term].items():
                    if index in bars.get(at, _NOBODY):
                        continue
                    value = scale * tf / (tf + self._norm[index])
                    if value > best_bm25.get(index, 0.0):
                        best_bm25[index] = value
                    cover = similarity if index in heads else mention
                    if cover > best_cover.get(index, 0.0):
                        best_cover[index] = cover
                    if about and cover > best_specific.get(index, 0.0):
                        best_specific[index] = cover
                    if about and index in heads:
                        part.heads.add((index, clause))
            for index, value in best_bm25.items():
                bm25[index] += value
            for index, similarity in best_cover.items():
                covered[index] += weight * similarity
                device_cover[index] += extra * similarity
                hits[index] += 1
                part.covered[index, clause] += weight * similarity
            for index, similarity in best_specific.items():
                specific[index] += weight * similarity
                device_specific[index] += extra * similarity
                part.specific[index, clause] += weight * similarity
        if not bm25 or not any(
            m and (a or t.lemma not in self._generic)
            for (t, m), a in zip(resolved, message.asked, strict=True)
        ):
            # Generic words alone ("не работает", "ошибка", "broken") never point at an article.
            return []
        ceiling = total * (_K1 + 1)
        shortlist = sorted(bm25, key=bm25.__getitem__, reverse=True)[: max(limit, _SHORTLIST)]
        # A keyword phrase said only as the date ("после обновления") is not present; nor
        # one said only of what works ("входящие приходят": ruled out, and `fine` too, so it
        # is dated and no evidence).
        named = [(m, d) for (_, m), d in zip(resolved, message.dated, strict=True)]
        dated_only = {t.lemma for (t, _), d in zip(resolved, message.dated, strict=True) if d}
        dated_only -= {t.lemma for (t, _), d in zip(resolved, message.dated, strict=True) if not d}
        heard = {term for m, d in named if not d for term, s in m if s >= 0.8}
        present = frozenset({t.lemma for t in words} | heard) - dated_only
        joined = " ".join(t.lemma for t in content)
        denied = _denied(words, resolved, message.at)
        signals = []
        order: dict[int, float] = {}
        resembles: dict[int, float] = {}
        for index in shortlist:
            explained = min(hits[index] / 4, 1.0)
            share = specific[index] / specific_total if specific_total else 0.0
            coverage = covered[index] / total
            # A fuller message never matches worse than its bare problem clause: the
            # clause that best tells this article's problem, when it is explained better
            # than the whole, gives what is explained and unknown (domain, other services'
            # words and the ranking order stay the whole message's).
            shares = (coverage, share, unknown, foreign)
            best = part.best(index, coverage) if clauses else None
            if best is not None:
                # Real words no article uses stay the whole message's: "голова куклы вышла с
                # дырой" beside a printer's clause says whose printer it is.
                shares = (*part.shares(index, best)[:3], foreign)
            similarity = resembles[index] = self._similarity(joined, index)
            keyword = float(
                any(
                    k <= present
                    and not k <= self._generic
                    and not k & unsaid[index]
                    and (_DENIAL not in k or bool(k & denied))
                    for k in self._keywords[index]
                )
            )
            bm25_share = min(bm25[index] / ceiling, 1.0)
            rest = _RANK_WEIGHTS[2] * explained + _RANK_WEIGHTS[3] * bm25_share
            rest += _RANK_WEIGHTS[4] * keyword
            device_share = (
                (specific[index] + device_specific[index])
                / (specific_total + device_specific_extra)
                if specific_total
                else 0.0
            )
            order[index] = (
                _RANK_WEIGHTS[0] * (covered[index] + device_cover[index]) / (total + device_extra)
                + _RANK_WEIGHTS[1] * device_share
                + rest
            )
            signals.append(
                Signals(
                    article=self.articles[index],
                    coverage=shares[0],
                    bm25=min(bm25[index] / ceiling, 1.0),
                    similarity=similarity,
                    keyword=keyword,
                    unknown=shares[2],
                    foreign=shares[3],
                    specific=shares[1],
                    unexplained=min((len(resolved) - hits[index]) / 4, 1.0),
                    explained=explained,
                    outside=outside,
                    domain=domain,
                    subject=said_of,
                    stranger=stranger,
                    rank_score=_RANK_WEIGHTS[0] * coverage + _RANK_WEIGHTS[1] * share + rest,
                    whole=coverage,
                )
            )
        by_index = dict(zip(shortlist, signals, strict=True))
        # Two articles the message's words explain exactly alike ("инет отвалился": the
        # wired article's sample and the Wi-Fi article's "отключается") are ordered by how
        # much the message reads like each one's sample questions, not by chance.
        return [by_index[i] for i in tie_broken(shortlist, order, resembles)][:limit]

    def forget(self) -> None:
        """Drop the memoised rankings: benchmarks time the ranking of a new message."""
        self._ranked.clear()

    def elsewhere(self, text: str, lang: str | None = None) -> dict[str, float]:
        """Other services the message is for ("" when no one's), with the share of its
        weight in their words: {"hr": 0.4} for "нужна справка с места работы"."""
        words = tuple(tokens(text, lang))
        message = self._read(words, stopped=self._many_stopped(text, lang, words))
        return self._elsewhere(message) if message else {}

    def reading(self, text: str, lang: str | None = None) -> tuple[tuple[str, float], ...]:
        """The message's content lemmas with their share of its weight, also when no article
        ranks: what the domain model reads of it when it is matched (`_rank`), so the model's
        counts and the decision are fitted on what live matching reads (words it drops, a
        writer's place tag, who approved a request, a venue's scoreboard, are not there)."""
        words, fine, _, _, _, asked_into, stopped = self._prepared(text, lang)
        message = self._read(words, fine, asked_into, stopped)
        return _reading(message) if message else ()

    def _read(
        self,
        words: tuple[Token, ...],
        fine: frozenset[int] = frozenset(),
        asked_into: frozenset[int] = frozenset(),
        stopped: bool = False,
    ) -> _Message | None:
        """The message's words resolved to article terms and weighed; None when empty.
        Words said to work (`fine`) weigh as the time a problem is dated by; what access is
        asked to (`asked_into`, grants.py) stands for the access too, and is no program
        asked for. `stopped`: the message says work stopped for many (`_many_stopped`)."""
        said = tuple(self._either(t) if t.other else t for t in words)
        words = self._crowd(said, stopped)
        if not _fails(said):
            # A crowd nothing is said to fail for is people, no outage: "добрый вечер всем,
            # кто на смене", "на всех кассах очередь", "во всех магазинах сети закончились
            # пакеты" (a greeting, a queue, bags run out) name nothing the outage stops.
            words = tuple(t._replace(stop=True) if t.lemma == _EVERYONE else t for t in words)
        beside = frozenset(
            asides(
                words,
                self._places | self._hosts | self._rooms,
                self._kept_of_place,
                self._unexplained_place(words),
            )
        )
        asked = self._asked(words) - asked_into
        words = _machine_meant(words, asked)
        scanner = any(t.lemma in self._scanner for t in words)
        makers = self._makers | (
            frozenset()
            if any(t.lemma in self._makers_devices for t in words)
            else self._shared_makers
        )
        onsets = self._dated(words) | beside | fine | _arrived(words) | _purpose(words, asked)
        read = [
            (
                t,
                self._asked_into(
                    self._application(t, True, scanner, makers)
                    if i in asked and t.lemma in self._program
                    else self._resolve(t) + self._application(t, i in asked, scanner, makers),
                    i in asked_into,
                )
                or self._manner(words, i),
                i in onsets,
                i in asked,
                i,
            )
            for i, t in enumerate(words)
            if not t.stop
        ]
        # A product, model or code no article mentions (HP, Figma, M404, 0x800f0922) says the
        # message is about IT but not which problem: it neither counts as an unknown word
        # nor dilutes what the articles explain.
        read = [(t, m, d, a, i) for t, m, d, a, i in read if m or not self._is_name(t)]
        # Words a screen shows, quoted ("stuck on 'Preparing Windows'", "Firefox says
        # 'Potential Security Risk Ahead'"), that no article uses are the program's words,
        # not the user's: they say the message is about IT, not which problem, and are no
        # unknown words either. The quoted words an article uses count as any others.
        read = [(t, m, d, a, i) for t, m, d, a, i in read if m or not t.quoted]
        # A denial, a need or a request no article happens to use ("ні", "никак", "проблема",
        # "надо", "is it possible") says that something fails or is wanted, not what: it is
        # no unknown word making a message less likely IT's (Russian "ни" is an article's
        # word; Ukrainian "ні інтернету, ні пошти" was unknown).
        read = [
            (t, m, d, a, i)
            for t, m, d, a, i in read
            if m or t.lemma not in self._denials_and_needs
        ]
        # How, when or where the problem is ("вдома", "щойно", "особливо", "зранку", "тричі",
        # "посеред"): an adverb or particle no article uses is no unknown word either.
        read = [(t, m, d, a, i) for t, m, d, a, i in read if m or not self._circumstantial(t)]
        # A meal or a break said as a time ("since lunch", "з обіду", "after breakfast") is
        # when, as "зранку" is: no word of the problem, nor of the canteen's. What a state is
        # likened to ("гарячий як праска", "roaring like a hairdryer") is how, not what.
        when = times_of_day(words) | sign_off(words) | likened(words, self._used)
        read = [(t, m, d, a, i) for t, m, d, a, i in read if i not in when]
        if not read:
            return None
        resolved = [(t, m) for t, m, *_ in read]
        dated = [d for _, _, d, *_ in read]
        weights = [
            (max(self._idf[term] for term, _ in matches) if matches else self._unknown_idf)
            * (_ONSET_WEIGHT if onset else 1.0)
            for (_, matches), onset in zip(resolved, dated, strict=True)
        ]
        asked_at = [a for *_, a, _ in read]
        at = tuple(i for *_, i in read)
        # A program asked for by a Latin name a dictionary knows ("GIMP", "Paint.NET") names
        # a product, as one no dictionary knows does: the message names an IT thing.
        words = tuple(
            t._replace(name=True)
            if i in asked and t.word.isascii() and t.known and t.lemma not in self._applications
            else t
            for i, t in enumerate(words)
        )
        return _Message(
            words, resolved, weights, sum(weights) or 1.0, dated, asked_at, beside, at
        )

    def _unexplained_place(self, words: tuple[Token, ...]) -> Callable[[Token], bool]:
        """Which words of a place in the locative say only where the writer is ("в їдальні",
        "на гідропонній фермі", "в мастерской сургуча"): words no article uses and no other
        service's, when the message names an IT thing of its own: a product, or a word that
        leans IT's (`_IT_LEANING`) and everyday life has no twin of. Else none: "вентилятор
        у пташнику", "экран на батарее в мыловарне" are said of the place's own thing."""
        names_it = any(
            not t.stop
            and (
                self._is_name(t)
                or (t.lemma not in shared() and self.domain.odds(t.lemma) >= _IT_LEANING)
            )
            for t in words
        )
        if not names_it:
            return lambda token: False
        return lambda token: (
            not self._resolve(token)
            and token.lemma not in self._outside
            and token.lemma not in self._spots
            # a place the domain model leans IT's on ("пункт", "рецепція") is evidence
            and self.domain.odds(token.lemma) <= 0
        )

    def _other_devices(self, words: tuple[Token, ...], fine: frozenset[int]) -> frozenset[int]:
        """The articles about a device when the message names only other articles' devices
        (not as what works: "принтер друкує") and nothing else they are about."""
        said = [t for i, t in enumerate(words) if i not in fine and not t.stop]
        owners = [self._device_owners[t.lemma] for t in said if t.lemma in self._device_owners]
        if not any(owners):
            return _NOBODY
        about = (
            self._about[term]
            for t in said
            if t.lemma not in self._generic
            for term, similarity in self._resolve(t)
            if similarity >= _PREFIX_SIMILARITY
        )
        return self._device_articles - frozenset().union(*owners, *about)

    def _spoiled_print(
        self, words: tuple[Token, ...], fine: frozenset[int]
    ) -> dict[int, frozenset[int]]:
        """The words of printing in a message saying a print comes out spoiled, each with the
        articles it is no evidence for: every one not about the spoiling said."""
        spoiling = frozenset().union(
            *(
                self._about[t.lemma]
                for at, t in enumerate(words)
                if t.lemma in self._print_defects and not t.stop and at not in fine
            )
        )
        if not spoiling:
            return {}
        return {
            at: self._explaining(t) - spoiling
            for at, t in enumerate(words)
            if t.lemma in self._printing and not t.stop
        }

    def _explaining(self, token: Token) -> frozenset[int]:
        """The articles that use a word's own terms."""
        return frozenset(i for term, _ in self._resolve(token) for i in self._postings[term])

    def _resource_names(
        self, words: tuple[Token, ...], asked_into: frozenset[int]
    ) -> frozenset[int]:
        """The words of what access is asked to that no article knows, said before one it
        knows: "add me to the on-call rota calendar", "the candy factory QA calendar". They
        name which calendar, list or folder (as a product's name says which program), not
        what is wrong: no unknown words making the request less likely IT's. An everyday
        word or another service's ("the five-a-side football group") stays what it is."""
        found: set[int] = set()
        for at in sorted(asked_into):
            token = words[at]
            if not token.word.isascii() or token.lemma in self._everyday or self._resolve(token):
                continue
            if any(later > at and self._resolve(words[later]) for later in asked_into):
                found.add(at)
        return frozenset(found)

    def _asked_into(
        self, found: list[tuple[str, float]], asked_into: bool
    ) -> list[tuple[str, float]]:
        """A word's terms, with the access asked for when it names what access is asked to
        and an article knows it ("the S drive", "Jira", "the team calendar"): a word no
        article knows ("the staff car park", "the gym") stays unknown."""
        return found + self._access_asked if asked_into and found else found

    def _manner(self, words: tuple[Token, ...], index: int) -> list[tuple[str, float]]:
        """The adjective an article uses that an adverb in -о right after a verb stands for:
        "друкує блідо", "печатает бледно" say how it prints, as блідий does, a shared
        beginning too short to read the adverb as its form. An adverb said apart is a
        comment, no problem's word ("тиша у вхідних, дивно")."""
        word = words[index].lemma
        if not word.endswith("о") or len(word) < _MANNER_SHORTEST:
            return []
        before = next((t for t in reversed(words[:index]) if not t.stop), None)
        if before is None or not is_verb(before):
            return []
        return [
            (word[:-1] + ending, _PREFIX_SIMILARITY)
            for ending in _ADJECTIVE_ENDINGS
            if word[:-1] + ending in self._postings and word[:-1] + ending not in self._generic
        ]

    def _circumstantial(self, token: Token) -> bool:
        """An adverb or particle in every dictionary that knows the word, which no everyday
        or other service's list names ("холодно", "жарко" are the facilities' words)."""
        if token.lemma in self._everyday or not CYRILLIC.search(token.word):
            return False
        found = [r[0][1] for r in (readings(token.word, "uk"), readings(token.word, "ru")) if r]
        return bool(found) and all(grammemes & _CIRCUMSTANTIAL for grammemes in found)

    def _either(self, token: Token) -> Token:
        """A transliterated word with two readings (morphology `Token.other`) as the one an
        article uses when only the other does: "vsi lysty zavysly u vyhidnyh" hang in
        the outbox (вихідних), not in something profitable (вигідних); or as the one that
        is an article's word itself when the other is only like one: "authenticator" in a
        translit message, not "аутхентицатор" (a typo's distance from "аутентификатор")."""
        other = token._replace(lemma=token.other, other="")
        mine = max((s for _, s in self._resolve(token)), default=0.0)
        theirs = max((s for _, s in self._resolve(other)), default=0.0)
        return other if theirs > mine else token

    def subject(
        self,
        words: Sequence[Token],
        aside: frozenset[int] = frozenset(),
        lang: str | None = None,
    ) -> Subject:
        """What the message names besides the failure (things.py); words at `aside` (said
        to work, to the desk, beside the problem) never open it. `lang` is the message's
        language when known."""
        found = subject(
            words,
            self._explains,
            lambda token: token.name or token.lemma in self._products,
            self._generic,
            self._failures,
            aside,
            lang,
        )
        programs = self._programs(words)
        return dataclasses.replace(found, programs=programs) if programs else found

    def _programs(self, words: Sequence[Token]) -> tuple[str, ...]:
        """The applications named that can only be the program (`Subject.programs`): a
        name no English dictionary knows ("Firefox", "Slack" is one it knows), any
        application's name in a message with Cyrillic words ("Edge постійно падає"), and
        what a program said to crash or hang is for (`_program_uses`: "the grain
        elevator's weighing software keeps crashing")."""
        cyrillic = any(CYRILLIC.search(t.word) for t in words)
        named = [
            t.lemma for t in words if t.lemma in self._applications and (cyrillic or not t.known)
        ]
        # What a program is for names it when it is said to crash, close or hang ("the golf
        # club booking software froze"); "the parking permit app says my plate is wrong", "the
        # discount code app won't load" on a phone over its data plan are no program's.
        said = {t.word for t in words}
        uses = _program_uses(words, _SOFTWARE_NOUNS) if not said.isdisjoint(HUNG_WORDS) else []
        if not said.isdisjoint(_ENTRY_WORDS | ADD_WORDS | ACCESS_NOUNS):
            # So does what a store the user asks into is of: "the orchard payroll folder" is
            # IT's folder, no question for payroll.
            uses += _program_uses(words, _STORE_NOUNS)
        return tuple(dict.fromkeys(named + uses))

    def _explains(self, token: Token) -> int:
        """2 when an article is about the word (its keyword's or title's head), 1 when one
        only mentions it, 0 when none uses it."""
        found = self._resolve(token)
        if any(self._about.get(term) and similarity >= 1.0 for term, similarity in found):
            return 2
        return int(bool(found))

    def _application(
        self,
        token: Token,
        asked: bool,
        scanner: bool = False,
        makers: frozenset[str] | None = None,
    ) -> list[tuple[str, float]]:
        """The program terms an application's name stands for besides itself: a program
        ("Outlook подвисает" is the program's problem), installing one when asked for; the
        printer a printer's maker or series names ("Kyocera offline on every PC"; `makers`,
        lemmas, the printer's makers for this message), unless the message names a scanner
        (`scanner`): "Canon scanner", "Canon LiDE" are the scanner."""
        if token.lemma in (self._makers if makers is None else makers):
            return [] if scanner else [(term, _MAKER_SIMILARITY) for term in self._printer]
        if token.lemma not in self._applications:
            # A name no list knows asked for ("need Figma", "requesting Adobe …"): a program
            # to install, as a known one is.
            return [(term, _ASKED_SIMILARITY) for term in self._install] if asked else []
        found = [(term, _APPLICATION_SIMILARITY) for term in self._program]
        return found + [(term, _ASKED_SIMILARITY) for term in self._install] if asked else found

    def _crowd(self, words: tuple[Token, ...], stopped: bool = False) -> tuple[Token, ...]:
        """The words with "весь"/"all"/"none" before a place or group read as "everyone":
        "весь склад без сети", "all our shops", "none of the clinic PCs". A crowd no list of
        the ranker's says is one, "ни в одном …", one machine after "not one" ("жоден
        комп'ютер") or a place said by the grammar alone ("на всей солеварне"), is everyone
        only when the message says work stopped for many (`stopped`, `_many_stopped`): "ни
        на одной флешке не видно файлов" is one stick's files."""
        found = list(words)
        for index, token in enumerate(words):
            kind = quantifier(words, index)
            if kind == "none" and not stopped:
                continue
            if kind and not (index and token.word == "all" and words[index - 1].word == "at"):
                # ("not responding at all on the turkey farm office pc" is no crowd)
                ahead = [
                    i
                    for i in range(index + 1, min(index + 5, len(words)))
                    if not words[i].stop or words[i].word in _CROWD_STOP_WORDS
                ][:2]
                if ahead and words[ahead[0]].lemma in self._chains:
                    # "вся мережа аптек", "вся сеть магазинов": a chain of places, not a network.
                    ahead = ahead[1:]
                place = self._english_compound(words, index, ahead)
                if place is not None:
                    for i in range(ahead[0], place):
                        found[i] = words[i]._replace(stop=True)  # "the whole road marking"
                    ahead = [place]
                if (
                    len(ahead) == 2
                    and words[ahead[1]].word.isascii()
                    and (
                        words[ahead[1]].lemma in self._places
                        or self._seats_of(words, ahead[1:]) is not None
                    )
                    and words[ahead[0]].lemma not in self._places
                ):
                    # "whole visa centre", "all florist shops", "none of the card terminals":
                    # an English place or many seats named by the noun before it, which says
                    # which place or machines, not what is wrong.
                    found[ahead[0]] = words[ahead[0]]._replace(stop=True)
                    ahead = ahead[1:]
                seats = self._seats_of(words, ahead, kind == "none") if ahead else None
                if seats is not None and self._names_a_device(words):
                    # "Kyocera на всіх компах пише «не в мережі»": the device named fails for
                    # them all; where it is seen from says nothing of what is wrong.
                    for i in (index, *ahead[: ahead.index(seats) + 1]):
                        found[i] = words[i]._replace(stop=True)
                elif (
                    ahead
                    and words[ahead[0]].word not in CHANGES_WORDS
                    and (
                        words[ahead[0]].lemma in self._places
                        or self._people(words[ahead[0]])
                        or seats is not None
                    )
                    and not self._job_asked(words)
                ):
                    found[index] = token._replace(word="everyone", lemma=_EVERYONE, stop=False)
                elif ahead and (
                    (place := self._whole_place(words, index, ahead, stopped)) is not None
                ):
                    for i in range(ahead[0], place):
                        # "вся макаронна фабрика", "nobody at the bow workshop"
                        found[i] = words[i]._replace(stop=True)
                    found[index] = token._replace(word="everyone", lemma=_EVERYONE, stop=False)
        if any(t.lemma == _EVERYONE for t in found):
            found = self._network_lost(found)
        return tuple(found)

    def _crowd_down(
        self,
        text: str,
        lang: str | None,
        words: tuple[Token, ...],
        spans: Sequence[range],
        stopped: bool,
    ) -> tuple[Token, ...]:
        """The words with what fails in the crowd's clause read as the outage's "down" and
        its negation left out (outages.py), when a crowd is read and work stopped for many
        (impact's reading, asked only then)."""
        crowd = [i for i, t in enumerate(self._crowd(words, stopped)) if t.lemma == _EVERYONE]
        failed, denials = crowd_failures(words, spans, crowd) if crowd else ((), ())
        if not failed or not (stopped or many_stopped(text, lang)):
            return words
        down = DOWN_WORDS["en" if words[min(failed)].word.isascii() else lang or "ru"]
        return _read_as(words, failed, down, down, dropped=denials)

    def _many_stopped(self, text: str, lang: str | None, words: tuple[Token, ...]) -> bool:
        """Whether the message says work stopped for many, as priority reads it (impact.py),
        asked only where the crowd reading depends on it (`stop_matters`): the reading is
        a whole message's, and most quantifiers ("все работают", "all the time") need none."""
        return stop_matters(words) and many_stopped(text, lang)

    def _english_compound(
        self, words: tuple[Token, ...], index: int, ahead: list[int]
    ) -> int | None:
        """The position of an English place or machines named by the nouns right before
        them ("the whole road marking depot", "all yurt camp check-in tablets"): those say
        which place, not what is wrong. None when no place follows within three words, or
        one is named first (the two-word rule's), or "all" is "at all" ("not responding at
        all on the turkey farm office pc")."""
        if not ahead:
            return None
        start = ahead[0]
        if (index and words[index - 1].word == "at") or not words[start].word.isascii():
            return None
        if words[start].lemma in self._places or self._seats_of(words, [start]) is not None:
            return None
        if any(words[i].word not in ENGLISH_DETERMINERS for i in range(index + 1, start)):
            return None  # "all morning at the fig orchard office": a time, then a place
        nouns = 1
        for at in range(start + 1, min(start + 6, len(words))):
            token = words[at]
            if token.stop:
                if token.word in _COMPOUND_PARTICLES and not words[at - 1].stop:
                    continue  # "check-in", "drop-off"
                return None
            if not token.word.isascii():
                return None
            if self._seats_of(words, [at]) is not None:
                return at
            if token.lemma in self._places:
                return at if nouns >= 2 else None
            nouns += 1
            if nouns > 3:
                return None
        return None

    def _network_lost(self, words: list[Token]) -> list[Token]:
        """In a message about everyone, the Russian or Ukrainian word for a network that is
        gone ("вся клініка без мережі", "у цеху впала мережа на всіх компах", "весь цех без
        сети") read as the internet word of its language, the word the outage article
        says it with ("весь офис без интернета"): the site is without it. Not a chain's
        name ("во всех аптеках сети", "в усіх барах мережі"): the word must follow a
        negation or stand beside a verb, and not right after the places in the plural it
        names, when no negation follows ("во всех магазинах сети закончились пакеты": the
        chain's shops; "у всех на компах сети нет" stays the network)."""
        found = list(words)
        for index, token in enumerate(words):
            if token.lemma not in self._networks:
                continue
            before = words[index - 1] if index else None
            after = words[index + 1] if index + 1 < len(words) else None
            if (
                before is not None
                and inanimate_noun(before, True)
                and (after is None or after.word not in NEGATION_WORDS)
            ):
                continue
            if (before is not None and before.word in NEGATION_WORDS) or any(
                t is not None and is_verb(t) for t in (before, after)
            ):
                internet = self._internet["uk" if token.lemma == self._network_uk else "ru"]
                found[index] = token._replace(word=internet, lemma=internet)
        return found

    def _whole_place(
        self, words: tuple[Token, ...], index: int, ahead: list[int], stopped: bool
    ) -> int | None:
        """The position of a place no list names that "весь" (at `index`) spans, said so by
        the grammar: without something ("весь водоканал без інтернету", "вся макаронна
        фабрика без мережі"), or where, when work stopped for many there (`stopped`: "на
        всей солеварне не работает 1С"). A noun in the singular no article uses and that is
        no time ("весь день без интернета"); an adjective before it says which place."""
        if words[index].word.isascii():
            return self._english_place(words, index, stopped)
        at = ahead[1] if len(ahead) > 1 and is_adjective(words[ahead[0]].word) else ahead[0]
        token = words[at]
        # A word the articles use is a thing of theirs ("во всём документе"), not a place.
        if token.lemma in WHOLE_TIMES or token.lemma in self._generic or self._resolve(token):
            return None
        if placed(words, index) and CYRILLIC.search(token.word):
            # Where: "на всей солеварне", "в жодній юрті", "ни на одном катке" (not "на всю
            # громкость": a place is in the locative or dative).
            where = stopped and inanimate_noun(token, False, WHERE_CASES)
            return at if where else None
        noun = readings(token.word, "ru")[:1]
        if not noun and (token.known or not CYRILLIC.search(token.word)):
            return None
        if noun and (not {"NOUN", "inan"} <= noun[0][1] or "plur" in noun[0][1]):
            return None
        # which place, as where a place is says it ("вся контора водостоків без мережі", "вся
        # фабрика сніжних куль без мережі"), then without
        after = at + 1 + len(of_place(words, at + 1, self._kept_of_place))
        return at if after < len(words) and words[after].word in WITHOUT_WORDS else None

    def _english_place(self, words: tuple[Token, ...], index: int, stopped: bool) -> int | None:
        """The position of an English place or group no list names that "whole", "entire",
        "every", "nobody" or "no one" (at `index`) is said of: the last of the nouns after
        it (`english_span`), when work stopped for many (`stopped`: "the bridge control
        system is down for every operator on shift", "nobody at the bow workshop can open
        1C, work has completely stopped") or the place is said to lack something ("the whole
        bureau has no email"). Not a time ("the whole morning"), nor a word an article is
        about ("the whole inbox", "every page"): a thing of theirs."""
        span = english_span(words, index)
        if not span or words[span[-1]].word in WHOLE_TIMES_ENGLISH:
            return None
        if any(self._about_any(words[i]) or words[i].lemma in self._generic for i in span):
            return None
        return span[-1] if stopped or said_without(words, span[-1]) else None

    def _about_any(self, token: Token) -> bool:
        """Whether an article is about this word (its terms, by prefix too)."""
        return any(s >= _PREFIX_SIMILARITY and self._about[t] for t, s in self._resolve(token))

    def _people(self, token: Token) -> bool:
        """A group of people no article is about: "все кассиры", "всі водії", "none of the
        couriers" (not "all the printers", "все файлы": an article's things)."""
        if self._about_any(token):
            return False
        if token.word.isascii():
            return token.word.endswith(_AGENT_PLURALS) or token.word in CREW_WORDS
        likeliest = readings(token.word, "ru")[:1]
        return bool(likeliest) and {"anim", "plur"} <= likeliest[0][1]

    def _seats_of(
        self, words: tuple[Token, ...], ahead: list[int], single: bool = False
    ) -> int | None:
        """The position of many machines people work at, in the plural, an adjective
        before them at most: "все компьютеры", "на всіх ноутбуках", "все кассовые
        терминалы", "all the PCs" (each someone's seat; not "весь компьютер", one
        person's); in the singular too after "not one" (`single`: "жоден комп'ютер", "ни на
        одном компе"). None when "все" is of something else."""
        at = ahead[1] if len(ahead) > 1 and is_adjective(words[ahead[0]].word) else ahead[0]
        token = words[at]
        if at == ahead[0] and self._every_seat(words, at):
            return at
        if token.lemma not in self._seats:
            return None
        if token.word.isascii():
            plural = token.word.endswith("s") and token.lemma != token.word
        else:
            plural = in_plural(token.word)
        return at if plural or single else None

    def _every_seat(self, words: tuple[Token, ...], at: int) -> bool:
        """A counter or machine right after "every", itself after a place's preposition: "down
        at every window", "on every till", "across every terminal" (many seats at once)."""
        return (
            words[at].word in EVERY_SEAT_WORDS
            and at >= 2
            and words[at - 1].word in EVERY_WORDS
            and words[at - 2].word in _EVERY_PLACE_PREPOSITIONS
        )

    def _job_asked(self, words: tuple[Token, ...]) -> bool:
        """A job on the machines asked for, with no denial just before it: "нужно обновить
        все ноутбуки", "встановіть усім Teams", "please upgrade all laptops" (not "не могу
        обновить", "won't update"). An English verb opens the message or follows a request."""
        for index, token in enumerate(words):
            if token.lemma not in self._jobs:
                continue
            before = words[max(index - _REQUEST_REACH, 0) : index]
            if any(t.word in NEGATION_WORDS for t in before):
                continue
            if not token.word.isascii():
                if asks_to_do(token.word):
                    return True
            elif index == 0 or any(t.word in REQUEST_WORDS or t.word in WANT_WORDS for t in before):
                return True
        return False

    def _names_a_device(self, words: tuple[Token, ...]) -> bool:
        """A device or a printer's maker is named ("принтер", "Kyocera", "сканер")."""
        return any(w.lemma in self._devices or w.lemma in self._makers for w in words)

    def _asked(self, words: tuple[Token, ...]) -> set[int]:
        """Positions of applications named right after a word of wanting: "нужен AutoCAD",
        "можно мне Telegram", "need Slack"."""
        found: set[int] = set()
        wanting = installing = False
        for index, token in enumerate(words):
            if token.word in WANT_WORDS or _asking(words, index):
                wanting, installing = True, _asking(words, index)
            elif not token.stop:
                if wanting and (
                    token.lemma in self._applications
                    or (token.name and not token.acronym and not self._attribute(words, index))
                    or (token.acronym and self._goes_on_a_computer(words, index, installing))
                    or self._latin_name(token, words, index, installing)
                    or self._capital_name(token, words, index, installing)
                ):
                    found.add(index)
                    continue  # on through a name of more words: "need Figma Pro"
                if wanting and self._program_asked(words, index):
                    found.add(index)
                    continue  # on to its name: "потрібна програма 7-Zip"
                if wanting and token.lemma in self._products:
                    continue  # a maker before the program: "requesting Adobe Premiere"
                if wanting and token.word in MACHINE_WORDS:
                    continue  # the machine it goes on: "wish this laptop had XnView"
                wanting = False
        return found

    def _program_asked(self, words: tuple[Token, ...], index: int) -> bool:
        """Whether a program noun after a word of wanting asks for a program to install, told
        by what it is for or its name, not by its name alone: "потрібна програма для підбору
        фарб, а права адміна в мене немає", "хочу программу для раскроя плитки на комп",
        "потрібна програма 7-Zip". It is said for ("для", "for") or named right after, and the
        message says it goes on a machine or needs an administrator; a programme of
        training, a trip or a diet ("хочу программу тренировок", "нужна программа для
        похудения") is none."""
        if words[index].lemma not in self._program or index + 1 == len(words):
            return False
        after = words[index + 1]
        if not (
            after.word in _PURPOSE_WORDS
            or after.name
            or after.lemma in self._applications
            or self._latin_name(after, words, index + 1, False)
        ):
            return False
        return any(
            t.word in MACHINE_WORDS
            or t.word in SEAT_WORDS
            or t.word in ADMIN_WORDS
            or t.lemma in self._install
            or t.name
            or t.lemma in self._applications
            for i, t in enumerate(words)
            if i != index
        )

    def _goes_on_a_computer(self, words: tuple[Token, ...], index: int, installing: bool) -> bool:
        """Whether a word in capitals or one no dictionary knows, asked for, is a program: it
        is no noun's attribute ("please install the OSB panels"), and it is asked with a verb
        of putting on ("please install QGIS", "put spotify on") or the message names the
        machine or a program ("wish I had SPSS on the lab pc"; not "we need PPE for the new
        starters")."""
        after = words[index + 1] if index + 1 < len(words) else None
        if after is not None and not after.stop and after.known and not after.name:
            # the machine, a program, or the putting on: "can I get Audacity put on my pc"
            return (
                after.word in MACHINE_WORDS
                or after.lemma in self._program
                or after.word in ASKING_VERBS
                or after.lemma in self._install
            )
        return installing or any(
            t.word in MACHINE_WORDS or t.lemma in self._program or t.lemma in self._install
            for t in words
        )

    def _attribute(self, words: tuple[Token, ...], index: int) -> bool:
        """Whether a name is said of the thing named right after it, a thing of no program's
        kind: "install the Velux window in the loft" (not "need Figma desktop", "Zoom app",
        "put Canva on")."""
        after = words[index + 1] if index + 1 < len(words) else None
        return (
            after is not None
            and not after.stop
            and after.known
            and not after.capital
            and after.word.isascii()
            and after.word not in MACHINE_WORDS
            and after.word not in PROGRAM_NOUNS
            and after.lemma not in self._program
            and after.lemma not in self._install
            and after.word not in ASKING_VERBS
        )

    def _capital_name(
        self, token: Token, words: tuple[Token, ...], index: int, installing: bool
    ) -> bool:
        """A Latin word written as a name that a dictionary knows and no article uses, asked
        with a verb of putting on or beside a computer: a program's name ("could someone
        install GIMP for me", "need GIMP on this laptop", "can I get Audacity put on my
        machine"); one in small letters ("install a new shelf"), before another thing
        ("install Oak shelves") or beside a machine of the shop floor ("need Jasmine on the
        front desk machine") is none."""
        return (
            token.capital
            and token.known
            and token.word.isascii()
            and token.word.isalpha()
            and len(token.word) >= _NAME_SHORTEST
            and token.lemma not in self._postings
            and (
                installing
                or any(
                    t.word in MACHINE_WORDS
                    and (t.word != "machine" or words[i - 1].word in _OWN_MACHINE)
                    for i, t in enumerate(words)
                )
            )
        )

    def _latin_name(
        self, token: Token, words: tuple[Token, ...], index: int, installing: bool
    ) -> bool:
        """A Latin word no article uses in a Cyrillic message: a program's name even when it
        is an English word too ("можна мені GIMP?", "потрібен Blender"); in an English one,
        a word no dictionary knows nor is a typo of an article's, going on a computer
        ("could someone put spotify on the till pc")."""
        if not token.word.isascii() or not token.word.isalpha() or token.lemma in self._postings:
            return False
        if any(not w.word.isascii() for w in words):
            return True
        return (
            not token.known
            and len(token.word) >= _NAME_SHORTEST
            and not self._resolve(token)
            and self._goes_on_a_computer(words, index, installing)
        )

    def _dated(self, words: tuple[Token, ...]) -> set[int]:
        """Positions of the events a problem is dated by: the first update, patch or move
        within a few words after "после", "після", "since", "after"; how often it happens
        ("каждые пять минут", "every few minutes"); and the place
        something vanished from ("пропала папка с общего диска"), which says where as the
        event says when."""
        found = self._vanished_from(words)
        for index, token in enumerate(words):
            if token.word in _ALL_ENGLISH:
                # "all day", "the whole morning", "all week long": how long, not what is wrong.
                ahead = next((i for i in range(index + 1, len(words)) if not words[i].stop), None)
                if ahead is not None and words[ahead].word in WHOLE_TIMES_ENGLISH:
                    found.add(ahead)
                    after = ahead + 1
                    if after < len(words) and words[after].word in _LONG:
                        found.add(after)
            if token.word in _EVERY:
                # "каждые пять минут", "every few minutes": how often, not what is wrong.
                for ahead in range(index + 1, min(index + 1 + _ONSET_REACH, len(words))):
                    if words[ahead].stop:
                        continue
                    if words[ahead].lemma not in self._generic:
                        break
                    found.add(ahead)
            if token.word in _WHEN:
                for ahead in range(index + 1, min(index + 1 + _ONSET_REACH, len(words))):
                    if words[ahead].lemma in self._onsets:
                        # The whole event: "since my password change", "после смены пароля".
                        found.update(range(index + 1, ahead + 1))
                        found.update(event_object(words, ahead))
                        break
        return found

    @staticmethod
    def _vanished_from(words: tuple[Token, ...]) -> set[int]:
        """Positions of the words a source preposition governs ("с общего диска", "from
        the shared drive") when a vanishing verb is near: the place, not what vanished."""
        found: set[int] = set()
        for index, token in enumerate(words):
            if token.word not in SOURCE_WORDS:
                continue
            span = []
            for ahead in range(index + 1, min(index + 1 + _SOURCE_REACH, len(words))):
                if words[ahead].stop:
                    if span or words[ahead].word not in _ARTICLES:
                        break
                    continue
                span.append(ahead)
            near = words[max(index - _SOURCE_REACH, 0) : index]
            after = words[span[-1] + 1 : span[-1] + 1 + _SOURCE_REACH] if span else ()
            if span and any(t.word in VANISH_WORDS for t in (*near, *after)):
                found.update(span)
        return found

    def _elsewhere(self, message: _Message) -> dict[str, float]:
        """Share of the message's weight in each other service's words."""
        aside = self._aside(message)
        shares: dict[str, float] = defaultdict(float)
        for weight, (token, _) in zip(message.weights, message.resolved, strict=True):
            if token.lemma in aside:
                continue
            for service, lemmas_ in self._services.items():
                if token.lemma in lemmas_:
                    shares[service] += weight / message.total
                    break
        return dict(shares)

    def _aside(self, message: _Message) -> set[str]:
        """Lemmas said as a time, a likeness or the cause of damage, not as the subject:
        "после отпуска", "шумит словно самолёт", "пролила каву на ноутбук"."""
        words = message.words
        aside = {t.lemma for before, t in pairwise(words) if before.word in _ASIDE_AFTER}
        aside.update(words[i].lemma for i in message.beside)
        aside.update(self._programs(words))
        content = [t for t in words if not t.stop]
        for index, token in enumerate(content):
            if damage_word(token):
                near = content[max(index - _DAMAGE_REACH, 0) : index + _DAMAGE_REACH + 1]
                aside.update(t.lemma for t in near)
        return aside

    def _index(self, index: int, article: Article) -> float:
        """File the article's terms; returns its document length."""
        counts: dict[str, float] = defaultdict(float)
        phrases: list[frozenset[str]] = []
        heads: set[str] = set()
        for lang in LANGUAGES:
            for keyword in article.keywords[lang]:
                # Every word of a keyword phrase counts: "мало места" never shrinks to "место".
                words = [t for t in tokens(keyword, lang) if not t.word.isdigit()]
                self._learn_directions(index, keyword, lang)
                if words:
                    phrases.append(frozenset(t.lemma for t in words))
                for term, weight in _headed(words, _KEYWORD_WEIGHT):
                    counts[term] += weight
                    self._named.add(term)
                    if weight == _KEYWORD_WEIGHT:
                        heads.add(term)
            for part in _CLAUSES.split(article.title[lang]):
                for term, weight in _headed(tokens(part, lang), _TITLE_WEIGHT):
                    counts[term] += weight
                    self._named.add(term)
                    if weight == _TITLE_WEIGHT:
                        heads.add(term)
        samples = []
        for lang in LANGUAGES:
            for question in (*article.questions[lang], article.title[lang]):
                content = [t.lemma for t in tokens(question, lang) if not t.stop]
                self._learn_directions(index, question, lang)
                samples.append(" ".join(content))
                for term in set(content):
                    counts[term] += 1.0
        for term, tf in counts.items():
            self._postings[term][index] = tf
        self._keywords.append(phrases)
        self._heads.append(heads)
        self._samples.append(samples)
        return sum(counts.values())

    def _learn_directions(self, index: int, text: str, lang: str) -> None:
        words = tokens(text, lang)
        for at, direction in directions(text, lang, words).items():
            self._directions.setdefault(words[at].lemma, {}).setdefault(index, set()).add(
                direction
            )

    def terms(self, token: Token) -> list[tuple[str, float]]:
        """The article terms a message word stands for, with a similarity 0-1."""
        return self._resolve(token)

    def _used(self, token: Token) -> bool:
        """Whether an article uses the word (it stands for some article's term)."""
        return bool(self._resolve(token))

    def _resolve(self, token: Token) -> list[tuple[str, float]]:
        """Article terms a message word stands for, with a similarity 0-1 (kept per word:
        users repeat words far more than whole messages)."""
        found = self._terms.get(token)
        if found is None:
            if len(self._terms) >= _TERMS_KEPT:
                self._terms.pop(next(iter(self._terms)))  # the oldest
            found = self._terms[token] = self._terms_of(token)
        return found

    def _terms_of(self, token: Token) -> list[tuple[str, float]]:
        word = token.lemma
        found: dict[str, float] = {}
        if word in self._postings:
            found[word] = 1.0
        elif word.isascii() and f"un{word}" in self._postings:
            # "not available" is what an article calls "unavailable" (also unresponsive,
            # unreachable, unable): the negation is its own generic word.
            found[f"un{word}"] = _PREFIX_SIMILARITY
        if len(word) >= 5:
            for term in self._by_prefix.get(word[:4], ()):
                # A shared beginning of 5+ letters and most of the longer word: another form
                # of the same word (печать/печатать, подключение/подключить, печатоет).
                shared = _shared_prefix(word, term)
                if (term in self._products and token.known) or (
                    word in self._products and term not in self._products
                ):
                    # A real word is not a name it begins, nor a name a word: window is not
                    # Windows.
                    continue
                if term != word and shared >= 5 and shared >= 0.6 * max(len(word), len(term)):
                    # Issue 12: typo tolerance must not turn one dictionary word into another.
                    # Two nouns that part before either ends are two words, however they
                    # begin: "камертон" is no "камера", "годинник" no "година".
                    if token.known and other_nouns(token.word, term):
                        continue
                    found.setdefault(term, _PREFIX_SIMILARITY)
        root = action_root(word) if word not in self._generic else None
        if root is not None:
            for term in self._by_root.get(root, ()):
                # Never through a generic word: "показания" is not "показывать".
                if term != word and term not in self._generic:
                    found.setdefault(term, _PREFIX_SIMILARITY)
        for term in self._aspects.get(word, ()):
            found.setdefault(term, _PREFIX_SIMILARITY)
        for term in self._single_spelt.get(word, ()):
            found.setdefault(term, _PREFIX_SIMILARITY)
        # A Latin word without a vowel is an acronym (smtp, ldap), not a typo of a word.
        if not found and not token.known and len(word) >= 4 and not _acronym(word):
            if token.word != word and len(token.word) >= 5:
                # An unknown word's lemma is the analyser's guess and may be another word
                # ("пороль" read as по + "роль"): the typed word is compared with the
                # articles' words first.
                self._near(token, token.word, self._terms_by_first, self._as_term, found)
            if not found:
                self._near(token, stem(word), self._stems_by_first, self._by_stem, found)
        return sorted(found.items(), key=lambda item: item[1], reverse=True)[:4]

    def _near(
        self,
        token: Token,
        key: str,
        candidates: dict[str, list[str]],
        terms_of: dict[str, list[str]],
        found: dict[str, float],
    ) -> None:
        """Add the article terms whose key is a typo's distance from `key`."""
        cutoff = 80.0 if len(key) >= 5 else 75.0
        for near, score, _ in process.extract(
            key,
            candidates.get(key[0], ()),
            scorer=fuzz.ratio,
            score_cutoff=cutoff,
            limit=3,
        ):
            if len(near) >= 3:
                for term in terms_of[near]:
                    # A capitalised name is read as a product misspelt (Exel), never as a
                    # word: "масло на Камри" is not about a камера.
                    if not token.name or term in self._products:
                        similarity = _TYPO_SIMILARITY * score / 100
                        if similarity > found.get(term, 0.0):
                            found[term] = similarity

    def _is_name(self, token: Token) -> bool:
        """A product name or a model number / error code rather than a word; a dictionary
        word written as a program's name ("Компас-3D", "Такси-Мастер": morphology)."""
        return (
            token.lemma in self._products
            or any(c.isdigit() for c in token.word)
            or (token.name and token.known)
        )

    def _similarity(self, joined: str, index: int) -> float:
        best = process.extractOne(joined, self._samples[index], scorer=fuzz.token_set_ratio)
        return best[1] / 100 if best else 0.0


@cache
def _read_lemma(word: str, lang: str) -> str:
    """The lemma key of a word others are read as ("уронил": a device that fell, spills.py;
    "пахне", "пахнет": a stench of burning, smells.py), worked out on first use: a Cyrillic
    lemma at import loads the dictionaries `serve` never needs."""
    return lemma(word, lang)


def tie_broken(
    indexes: Collection[int], order: dict[int, float], resembles: dict[int, float]
) -> list[int]:
    """`indexes` best first by `order`; those less than _TIE below the best of their run are
    a tie, ordered by `resembles` (how much the message reads like the article's samples)."""
    ranked = sorted(indexes, key=order.__getitem__, reverse=True)
    broken: list[int] = []
    while ranked:
        head = order[ranked[0]]
        tied = [i for i in ranked if head - order[i] < _TIE]
        broken += sorted(tied, key=resembles.__getitem__, reverse=True)
        ranked = ranked[len(tied) :]
    return broken


def _read_as(
    words: tuple[Token, ...],
    marked: Collection[int],
    word: str,
    lemma_: str,
    dropped: Collection[int] = (),
) -> tuple[Token, ...]:
    """`words` with those at `marked` read as `word` (the article's term `lemma_`, a content
    word even where it was a bare number: "повертається 554") and those at `dropped` left out
    of the evidence (what is said around them is another's side)."""
    if not marked:
        return words
    return tuple(
        t._replace(word=word, lemma=lemma_, stop=False)
        if i in marked
        else t._replace(stop=True)
        if i in dropped
        else t
        for i, t in enumerate(words)
    )


def _set_up(token: Token, lang: str | None) -> Token:
    """The phone's mail article's word for setting it up, in the token's language."""
    if token.word.isascii():
        return token._replace(word="setup", lemma=_SETUP, stop=False)
    word = "налаштувати" if lang == "uk" else "настроить"
    return token._replace(word=word, lemma=word, stop=False)


def _wiped_files(words: tuple[Token, ...]) -> frozenset[int]:
    """Positions of the English words of wiping or erasing whose object, within a few
    content words after them, is a file or a folder ("wiped the Orders folder", "erased
    the price list spreadsheet"); not a phone or a machine wiped."""
    found: set[int] = set()
    for index, token in enumerate(words):
        if token.word not in WIPE_WORDS:
            continue
        ahead: list[Token] = []
        for t in words[index + 1 :]:
            if t.word in JOINING_WORDS or len(ahead) == _WIPED_REACH:
                break  # "wipe the shelves and file the menus": another verb's object
            if not t.stop:
                ahead.append(t)
        if any(t.word in STORED_WORDS for t in ahead):
            found.add(index)
    return frozenset(found)


def _access_word(token: Token) -> Token:
    """The access a word of adding someone asks for, in the message's alphabet."""
    word = "access" if token.word.isascii() else "доступ"
    return token._replace(word=word, lemma=word, known=True)


def _fails(words: Sequence[Token]) -> bool:
    """Something is said to fail: a negation, stopping, going off, breaking down or an
    outage's word (vocabulary.CROWD_FAILING_WORDS: "лежит", "без", "down", "none of")."""
    said = failing()
    return any(
        t.word in NEGATION_WORDS
        or t.word in STOPPED_WORDS
        or t.word in WENT_OFF_WORDS
        or t.word in said
        or t.lemma in said
        for t in words
    )


def _machine_meant(words: tuple[Token, ...], asked: set[int]) -> tuple[Token, ...]:
    """The words with "machine" read as "computer" where it is the machine a program asked
    for goes on ("can I get Audacity put on my machine", "wish I had Inkscape on this
    machine"): a washing machine or a coffee machine is everyday life's, this one is not."""
    found = list(words)
    for index in sorted(asked):
        ahead = range(index + 1, min(index + 1 + _MACHINE_REACH, len(words)))
        on = False
        for at in ahead:
            on = on or words[at].word in _ON_WORDS
            if on and words[at].word == "machine" and words[at - 1].word in _OWN_MACHINE:
                found[at] = words[at]._replace(word="computer", lemma=_COMPUTER)
                break
    return tuple(found)


def _purpose(words: tuple[Token, ...], asked: set[int]) -> set[int]:
    """Positions of what a program asked for is for: the words "for" governs right after it
    ("need Photoshop for the museum exhibition posters", "get Visio for the network
    diagrams", "встановлення CorelDRAW для майстерні"). They say what the work is, not what
    is wrong, and weigh as a time does."""
    found: set[int] = set()
    for index in sorted(asked):
        # The machine it goes on is no gap: "wish I had Inkscape on this machine for the …"
        ahead = [i for i in range(index + 1, len(words)) if words[i].word not in MACHINE_WORDS]
        start = next((i for i in ahead[:_PURPOSE_GAP] if words[i].word in _PURPOSE_WORDS), None)
        if start is None:
            continue
        span: list[int] = []
        for at in range(start + 1, len(words)):
            if not words[at].stop:
                span.append(at)
            elif span or words[at].word not in _ARTICLES:
                break  # the phrase ends at a stop word, but "the", "our" may open it
        found.update(span)
    return found


def _asking(words: tuple[Token, ...], index: int) -> bool:
    """Whether the word at `index` asks for a program to be put on a computer: an English
    verb of getting or installing that opens the message or comes right after a request
    ("could IT put …", "is it possible to get …"), with no denial between ("can't get
    Outlook to open" is a failure)."""
    if words[index].word not in ASKING_VERBS:
        return _wished(words, index)
    before = words[max(index - _REQUEST_REACH, 0) : index]
    if any(t.word in NEGATION_WORDS for t in before):
        return False
    # a request or a need before it: "could IT put …", "request: install QGIS"
    return index == 0 or any(t.word in REQUEST_WORDS or t.word in WANT_WORDS for t in before)


def _wished(words: tuple[Token, ...], index: int) -> bool:
    """Whether the words from `index` wish for a thing to have: "I'd love to have Audacity
    on this laptop", "would like to get 7-Zip"."""
    ahead = [t.word for t in words[index : index + 3]]
    return len(ahead) == 3 and ahead[0] in _WISH_WORDS and ahead[1] == "to" and ahead[2] in _HAVE


def _arrived(words: tuple[Token, ...]) -> set[int]:
    """Positions of mail said to have come ("phishing email received", "пришло письмо"),
    with no denial or "only" within _ARRIVAL_REACH words: the user says it arrived."""
    found: set[int] = set()
    for index, token in enumerate(words):
        if token.word in ARRIVED_WORDS:
            near = words[max(index - _ARRIVAL_REACH, 0) : index + _ARRIVAL_REACH + 1]
            if all(t.word not in NEGATION_WORDS and t.word not in ONLY_WORDS for t in near):
                found.add(index)
    return found


# A clause tells a problem on its own when it has this many words that say what fails (not
# "Z:" alone, nor "пише помилка", whose words are generic).
_CLAUSE_WORDS = 2


class _Parts:
    """A message's weights per clause, and each article's explained weight per clause."""

    def __init__(self) -> None:
        self.total: dict[int, float] = defaultdict(float)
        self.unknown: dict[int, float] = defaultdict(float)
        self.foreign: dict[int, float] = defaultdict(float)
        self.specific_total: dict[int, float] = defaultdict(float)
        self.words: dict[int, int] = defaultdict(int)  # its words that say what
        self.heads: set[tuple[int, int]] = set()  # (article, clause): a word it is about
        self.covered: dict[tuple[int, int], float] = defaultdict(float)
        self.specific: dict[tuple[int, int], float] = defaultdict(float)

    def add(
        self, clause: int, weight: float, known: bool, real: bool, specific: bool, what: bool
    ) -> None:
        """One content word of `clause`: its weight, whether an article uses it (`known`),
        whether it is a dictionary word (`real`), whether it is specific evidence
        (`specific`), whether it says what fails, not only that it does (`what`)."""
        self.total[clause] += weight
        self.words[clause] += what
        if not known:
            self.unknown[clause] += weight
            if real:
                self.foreign[clause] += weight
        if specific:
            self.specific_total[clause] += weight

    def best(self, index: int, coverage: float) -> int | None:
        """The clause with two words or more that say what fails, one of which the article
        is about (not only mentions: "гуде і все" is no problem clause of a monitor's), which
        it explains a larger share of than `coverage` (the whole message's); None."""
        found, most = None, coverage
        for clause, total in self.total.items():
            if clause < 0 or self.words[clause] < _CLAUSE_WORDS:
                continue
            if (index, clause) not in self.heads:
                continue
            share = self.covered.get((index, clause), 0.0) / total
            if share > most:
                found, most = clause, share
        return found

    def shares(self, index: int, clause: int) -> tuple[float, float, float, float]:
        """Coverage, specific share, unknown and foreign share of `clause` for the article."""
        total = self.total[clause]
        specific_total = self.specific_total[clause]
        return (
            self.covered[index, clause] / total,
            self.specific[index, clause] / specific_total if specific_total else 0.0,
            self.unknown[clause] / total,
            self.foreign[clause] / total,
        )


def _spilt_on(words: Sequence[Token]) -> frozenset[int]:
    """Positions of the words a few words after a spill or a drop not denied: what it was
    spilt on or what fell ("пролил кофе на клаву", "spilled soda on my keyboard"; "ничего
    не проливал" is no spill, and "keyboard died after I knocked the cable" names the
    keyboard before it)."""
    found: set[int] = set()
    for index, token in enumerate(words):
        if damage_word(token) and (
            index == 0 or words[index - 1].word not in NEGATION_WORDS
        ):
            found.update(range(index + 1, min(index + 1 + _SPILL_REACH, len(words))))
    return frozenset(found)


def _program_uses(words: Sequence[Token], heads: frozenset[str]) -> list[str]:
    """The lemmas of the nouns an English word of `heads` is compounded with, what the
    program or the store is for: "the golf club booking software", "the grain elevator's
    weighing software", "the blinds design app", "the orchard payroll folder". They name it
    as "Firefox" does, whatever trade they are words of. For software only "software" and
    "app" are that word: a "training program", a "mortgage application" and a "client
    mid-session" are no program."""
    found: list[str] = []
    for index, token in enumerate(words):
        if token.word not in heads:
            continue
        for ahead in range(index - 1, max(index - 1 - _USE_REACH, -1), -1):
            before = words[ahead]
            if before.stop or not before.word.isascii() or before.word in heads:
                break
            found.append(before.lemma)
    return found


def _reading(message: _Message) -> tuple[tuple[str, float], ...]:
    return tuple(
        (token.lemma, weight / message.total)
        for (token, _), weight in zip(message.resolved, message.weights, strict=True)
    )


def _lemmas_of(words: frozenset[str]) -> frozenset[str]:
    """Lemmas of a word list (`morphology.lemmas_of`), each Cyrillic word also as the
    Ukrainian word it may be: "каса" is not the Russian "кас"."""
    ukrainian = (t.lemma for w in words if not w.isascii() for t in tokens(w, "uk") if t.known)
    return lemmas_of(words) | frozenset(ukrainian)


def _headed(words: Sequence[Token], weight: float) -> list[tuple[str, float]]:
    """The content lemmas of a title part or keyword phrase with their weights: the words
    a preposition governs are what the article mentions, not what it is about
    ("сканирование в почту", "scan to email", "VPN from home"), so they weigh like a
    sample mention."""
    found = []
    governed = False
    for token in words:
        if token.stop:
            governed = governed or token.word in PREPOSITIONS
        else:
            found.append((token.lemma, _MODIFIER_WEIGHT if governed else weight))
    return found


def _acronym(word: str) -> bool:
    return word.isascii() and word.isalpha() and not _VOWELS.intersection(word)


def _shared_prefix(first: str, second: str) -> int:
    size = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        size += 1
    return size


def _crowd_or_preposition(token: Token) -> bool:
    """A preposition ("the one by the office": said of a place, not it) or everyone ("whole
    office", "весь склад": the outage's many people, not where the writer sits)."""
    return token.word in PREPOSITIONS or token.word in MANY_WORDS or token.lemma == _EVERYONE


# The Cyrillic denial: it stands right before the word it denies.
_DENIAL = "не"


def _denied(
    words: Sequence[Token],
    resolved: Sequence[tuple[Token, list[tuple[str, float]]]],
    at: Sequence[int],
) -> frozenset[str]:
    """The lemmas a Cyrillic "не" stands right before, with the article terms each is heard
    as ("не приходять" as "не прийти"): "не відповідає" denies answering; "ти не втомився
    відповідати" denies being tired, and the answering is said, not denied. A keyword
    phrase with "не" is said only when one of its words is denied; it passes through a verb
    of being able or wanting ("не хочет открываться") to the verb that verb governs."""
    after = {i + 1 for i, token in enumerate(words) if token.word == _DENIAL}
    after |= {i + 1 for i in after if i < len(words) and words[i].lemma in DENIAL_PASSES}
    heard = {
        term
        for (_, matches), position in zip(resolved, at, strict=True)
        if position in after
        for term, similarity in matches
        if similarity >= 0.8
    }
    return frozenset({words[i].lemma for i in after if i < len(words)} | heard)
