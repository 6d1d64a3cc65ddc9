"""Is a message about IT at all? A naive-Bayes model of IT words against everyday words.

A near-miss shares one word with an article ("the cement mixer on site won't start",
"мышь бегает по складу"): the keyword signals say "printer", "start", "mouse", and the
rest of the message is the only evidence that it is not IT. This model weighs that rest.
Each lemma gets the log-odds of coming from an IT message rather than from everyday life:

- the IT side: the lemmas of the articles' keywords and titles (what IT covers), and of
  the labelled phrasings that have a topic;
- the everyday side: the everyday and other-service word lists (everyday.py,
  vocabulary.OUTSIDE_SERVICES; a word an article names is never counted there), and the
  labelled off-topic phrasings.

A message's `score` is those log-odds averaged over its words by their weight in the
message (words neither side knows say nothing, nor do words of breaking down: they say
that something fails, not what). It is one feature of the fitted decision,
not a filter. The labelled phrasings' lemma counts are fitted data, like decision.json:
`firstline eval faq --fit` writes them to domain.json beside this module (the word lists and
the articles are read when a matcher is built: after editing everyday.py, refit). The decision is
fitted on scores each line got from a model without its own file's lines, so the decision
learns how far to trust the score on wordings the model has not seen.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gateway.knowledge.articles import LANGUAGES, Article
from gateway.knowledge.everyday import EVERYDAY_WORDS
from gateway.knowledge.morphology import lemma, lemmas_of, tokens
from gateway.knowledge.things import (
    Subject,
    breakdown,
    locks,
    physical,
    secrets,
    shared,
    standalone,
    venue,
    worn_parts,
)
from gateway.knowledge.vocabulary import OUTSIDE_WORDS

DEFAULT_PATH = Path(__file__).with_name("domain.json")
_NEGATIONS = ("не", "not")  # in nearly every failure, IT's or not
SMOOTHING = 0.5  # added to every count (Laplace): a word seen once is not a certainty
# A word the everyday side has seen this often is weighed by the sides' rates, not counts:
# everyday when said this many times as often there as in IT lines, for the sides' sizes.
EVERYDAY_SEEN = 2
EVERYDAY_LEAN = 3.0

Reading = Sequence[tuple[str, float]]  # a message's content lemmas with their weight shares


@dataclass(frozen=True)
class LineCounts:
    """Lemma counts of labelled phrasings: of IT problems and of off-topic messages."""

    it: Mapping[str, float]
    other: Mapping[str, float]

    @classmethod
    def of(cls, lines: Iterable[tuple[Reading, bool]], weight: float = 1.0) -> LineCounts:
        """Count the lemmas of (reading, is it an IT problem) pairs, each line counted
        `weight` times (a probe's off-topic line a fraction of a tuning line's one)."""
        it: Counter[str] = Counter()
        other: Counter[str] = Counter()
        for reading, is_it in lines:
            (it if is_it else other).update(word for word, _ in reading)
        if weight == 1.0:
            return cls(dict(it), dict(other))
        return cls(
            {w: n * weight for w, n in it.items()}, {w: n * weight for w, n in other.items()}
        )

    def __add__(self, more: LineCounts) -> LineCounts:
        return LineCounts(
            dict(Counter(self.it) + Counter(more.it)),
            dict(Counter(self.other) + Counter(more.other)),
        )

    def save(self, path: Path = DEFAULT_PATH) -> None:
        """Write the counts as JSON, sorted (reviewed and committed like decision.json)."""
        data = {"it": dict(sorted(self.it.items())), "other": dict(sorted(self.other.items()))}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> LineCounts:
        """The counts fitted last; none when the file is missing (a fresh fit)."""
        if not path.exists():
            return cls({}, {})
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(dict(data["it"]), dict(data["other"]))


class Domain:
    """Per-lemma log-odds of IT against everyday life; build once per set of articles."""

    def __init__(self, articles: Sequence[Article], lines: LineCounts) -> None:
        it = Counter(_named(articles))
        other = Counter(everyday_lemmas() - it.keys())
        it.update(lines.it)
        other.update(lines.other)
        # Breaking down is said of any machine ("зламалась мишка", "the juicer jammed"):
        # neither side's evidence, the thing it is said of decides. Labelled lines use
        # such words mostly of everyday things, which would count them against IT.
        self._breakdown = breakdown()
        for word in self._breakdown:
            it.pop(word, None)
            other.pop(word, None)
        self._counts = (it, other)
        words = it.keys() | other.keys()
        it_total = sum(it.values()) + SMOOTHING * len(words)
        other_total = sum(other.values()) + SMOOTHING * len(words)
        self._totals = (it_total, other_total)
        self._odds = {
            word: math.log((it[word] + SMOOTHING) / it_total)
            - math.log((other[word] + SMOOTHING) / other_total)
            for word in words
        }
        # What the word "program" weighs, in the language it says least (an application's
        # name is a program's, in whichever language the message is written).
        self._program = min(
            self._odds.get(lemma(word, lang), 0.0)
            for word, lang in (("программа", "ru"), ("програма", "uk"), ("program", "en"))
        )

    def score(
        self,
        reading: Reading,
        elsewhere: frozenset[str] = frozenset(),
        programs: frozenset[str] = frozenset(),
    ) -> float:
        """The weighted log-odds that the message is IT's (0 when no word is known). Words
        of breaking down weigh nothing: the rest of the message, what fails, is read whole
        ("зламалась мишка" as "мишка"); nor do the words `elsewhere`, said in another
        trade's sense (`sensed`: the password of a gate is no account's). The words in
        `programs` name an application (`Subject.programs`): each is at least as IT's as
        the word "program" ("Firefox падає" as "програма падає", as "Chrome падає" is read:
        the labelled lines name Chrome often, Firefox seldom)."""
        said = [
            (word, share)
            for word, share in reading
            if word not in self._breakdown and word not in elsewhere
        ]
        whole = sum(share for _, share in said)
        if not whole:
            return 0.0
        return sum(share * self._odds_of(word, programs) for word, share in said) / whole

    def odds(self, word: str) -> float:
        """The log-odds that `word` (a lemma) is said of IT rather than everyday life."""
        return self._odds.get(word, 0.0)

    def _odds_of(self, word: str, programs: frozenset[str]) -> float:
        odds = self._odds.get(word, 0.0)
        return max(odds, self._program) if word in programs else odds

    def sensed(self, subject: Subject) -> frozenset[str]:
        """The words the message says of an everyday owner (things.py: `Subject.sensed`):
        secrets of what they open ("пароль от калитки", "код від хвіртки", "the gate code",
        "пароль на вход в подсобку") and shared devices of their kind ("nail printer",
        "3D-принтер", "сценический монитор", "karaoke mics"): another trade's, their IT
        log-odds say nothing of it. An owner IT's or nobody's ("пароль от почты", "код от
        1С", "сетевой принтер") leaves the word IT's."""
        return frozenset(
            w
            for w, owner in subject.sensed
            if self._everyday_sense(w, owner, owner in subject.entered)
        )

    def _everyday_sense(self, word: str, owner: Sequence[str], entered: bool = False) -> bool:
        """The owner makes `word` another trade's (`sensed`). A secret's owner is a physical
        thing when a word of it is one the building has (everyday.py's facilities: дверь,
        калитка, сейф, locker) and no word leans IT's: "the door password" is the door's,
        however often labelled IT lines name a door ("door access card system"). So is a
        place the secret is a way into (`entered`: "пароль на вход в закрытый клуб", "для
        входа в бар") when it is a place one walks into (vocabulary.SENSE_VENUES): a way
        into anything else is a login's ("для входа в личный кабинет", "в домен", "в облако"),
        whatever few labelled lines name it. A fan's kind makes it another's when no word
        of the kind leans IT's, known to the domain model or not ("the darkroom extractor
        fan", "вытяжной вентилятор"): a room has fans of its own (vocabulary.STANDALONE_THINGS),
        a computer's fan is told by the computer ("laptop fan", "CPU fan": things.py)."""
        return (
            self._kept_secret(word, owner, entered)
            or self._everyday_kind(owner)
            or (word in standalone() and all(self._odds.get(w, 0.0) <= 0 for w in owner))
        )

    def _kept_secret(self, word: str, owner: Sequence[str], entered: bool = False) -> bool:
        """`word` is a secret of a thing the building has, or of a venue it is a way into,
        and no word of the owner leans IT's (`_everyday_sense`); or of a lock, a keypad, a
        safe or a venue itself, said last, whatever the words before it (things.py:
        `locks`): "the password for the lock on the gravel bay" ("lock" is an account's
        word too), "the password on the copper store keypad" ("store" leans IT's),
        "пароль для входа в кальянную"."""
        if word not in secrets() or not owner:
            return False
        if owner[-1] in locks() or venue(owner[-1]):
            # What the words before it say is which one: "the copper store keypad".
            return True
        return all(self._odds.get(w, 0.0) <= 0 for w in owner) and any(
            w in physical() or (entered and venue(w)) for w in owner
        )

    def stranger(self, subject: Subject) -> float:
        """1 when the message names no IT thing and a thing nobody knows as IT's; else 0
        (things.py). No product is named, every word an article explains besides the
        failure is an everyday word no more IT's than everyday ("the ice machine", "карта"),
        and some thing it may be said of, with the words before it, leans everyday or is
        unknown to both sides ("токарный станок", "lathe"; not "кассовый аппарат"). A
        word an article is about names an IT thing unless the message opens with a thing
        that leans everyday or nobody knows, said to fail (things.py: `Subject.opening`),
        or names only a shared thing, bare, where nothing else is IT's (`_elsewhere`)."""
        # A shared thing of a kind the domain model leans IT's on ("игровая мышь") names an
        # IT thing; of another kind ("газовая колонка", "piano keyboard") it does not.
        named = subject.named or not all(
            self._everyday_kind(kind)
            or any(
                o == kind and self._everyday_sense(w, o, o in subject.entered)
                for w, o in subject.sensed
            )
            for kind in subject.senses
        )
        if not subject.product and any(
            self._kept_secret(word, owner, owner in subject.entered)
            for word, owner in subject.sensed
        ):
            # A code or a password of what a building has, wherever the message says it
            # ("the door code for meeting room 4 still isn't working", "forgot the padlock
            # code on the tool locker", "замок с кодом на двери склада не принимает код"):
            # the door is what fails, whatever else it names; no account's secret is a
            # door's. As the opening it was so already; elsewhere the words around it
            # ("meeting room", "the sweets store") leaned IT's.
            return 1.0
        if subject.first and not subject.product:
            # An English message that opens with words no article uses, said to fail at
            # once ("the pinsetter on lane 7 keeps jamming", "golf cart won't start,
            # battery light blinking"): what it says later is the symptom.
            if subject.unsure:  # "is blank" is said of people too: evidence must lean
                return float(self._everyday_kind(subject.first))
            return float(all(self._odds.get(w, 0.0) <= 0 for w in subject.first))
        if subject.bare and self._elsewhere(subject):
            # A thing everyday life has too, said with no word of its kind, in a place and
            # beside another thing, none of them IT's ("в детском саду … монитор не
            # показывает малышей", "у свинарнику вентилятор витяжки став, свиням душно",
            # "the camera on the jib is drifting during the live show"): the shared word
            # is all the evidence and the rest leans elsewhere, whatever else an article
            # mentions ("during", "размазал рисунок на ногте клиентки").
            return 1.0
        if subject.bare and self._worn_part(subject):
            # A screen or a disc alone, torn or worn as another thing's part is, in a place
            # nothing IT's is in ("екран біля буржуйки в юрті погнувся", "у жестянщиков на
            # болгарке треснул диск"): a fireplace's screen, a grinder's disc.
            return 1.0
        opening = subject.opening
        if not subject.product and any(
            owner == opening and self._everyday_sense(word, owner, owner in subject.entered)
            for word, owner in subject.sensed
        ):
            return 1.0
        if not all(self._everyday_word(word) for word in subject.things):
            return 0.0
        if opening in subject.senses and not self._everyday_kind(opening):
            opening = ()  # a shared thing of a kind nobody knows ("сенсорный экран")
        if opening and not subject.product and all(self._odds.get(w, 0.0) <= 0 for w in opening):
            # The thing it opens with is what fails: a symptom an article is about later
            # ("не видає звуку", "чорний екран") does not make it an IT thing.
            return 1.0
        if named:
            return 0.0
        return float(
            any(
                all(self._odds.get(word, 0.0) <= 0 for word in phrase)
                for phrase in (*subject.candidates, *subject.senses)
            )
        )

    def _elsewhere(self, subject: Subject) -> bool:
        """The message names a place and another thing besides the shared one, and nothing
        leans IT's: no place, no other thing, no failure said more of IT things than
        failures are said at all (the negation's log-odds: "не реагирует", "doesn't
        respond" are IT's; "гудит", "не показывает", "не вмикається" are anything's). With
        only a place ("монитор в актовом зале не включается", "вентилятор у пташнику не
        вмикається") IT's twin has the same shape: left to the other signals."""
        others = [c[-1] for c in subject.candidates if c[-1] not in shared()]
        failing = min(self._odds.get(word, 0.0) for word in _NEGATIONS)
        # A fan said with only a place or only another thing is already that place's or
        # that thing's: a room has fans of its own, where a monitor in a hall is IT's.
        alone = {c[-1] for c in subject.candidates} <= standalone() | set(others)
        return (
            ((bool(subject.places) and bool(others)) or (alone and bool(subject.places or others)))
            and all(self._odds.get(word, 0.0) <= 0 for word in (*subject.places, *others))
            and all(self._odds.get(word, 0.0) <= failing for word in subject.said)
        )

    def _worn_part(self, subject: Subject) -> bool:
        """The only thing named is a part everyday life has (things.py: `worn_parts`: a
        screen, a disc), said in a place no word of which leans IT's and said to suffer what
        befalls that part and not IT's thing (a screen torn, bent or burnt through; a disc
        cracked or worn). A display cracks or goes dark, a disk fills up; a part named with
        its device ("погнулся экран ноутбука") or in no place ("экран порвался") is left to
        the other signals."""
        parts = worn_parts()
        named = {phrase[-1] for phrase in subject.candidates}
        if len(named) != 1 or not subject.places:
            return False
        damage = parts.get(next(iter(named)), frozenset())
        return all(self._odds.get(word, 0.0) <= 0 for word in subject.places) and any(
            word in damage for word in subject.said
        )

    def _everyday_kind(self, words: Sequence[str]) -> bool:
        """No word leans IT's and one is an everyday word ("газовый", "piano", "brake";
        not one nobody knows, nor one seen once in an IT line: "сенсорный", "складской",
        "lab" are as likely an IT thing's kind or place)."""
        return all(self._odds.get(word, 0.0) <= 0 for word in words) and any(
            self._everyday_word(word) for word in words
        )

    def _everyday_word(self, word: str) -> bool:
        """The everyday side counts the word more often than the IT side; or, seen there
        EVERYDAY_SEEN times at least, says it EVERYDAY_LEAN times as often for its size. IT's
        labelled lines outnumber everyday ones five or six to one and grow with every batch,
        so a word both sides say ("банк" 32 IT lines to 21, "выходной" 7 to 4 at a refit)
        came out IT's by count alone, and "банк заблокировал зарплатную карту" named no
        stranger. One everyday sighting is no rate; a word said nearly as often in IT lines
        for their size ("кабинет" 13 to 6: "личный кабинет") stays no everyday word."""
        it, other = self._counts
        it_total, other_total = self._totals
        return other[word] > it[word] or (
            other[word] >= EVERYDAY_SEEN
            and other[word] * it_total > EVERYDAY_LEAN * it[word] * other_total
        )


def _named(articles: Sequence[Article]) -> list[str]:
    """The content lemmas of every keyword and title, once per mention."""
    return [
        token.lemma
        for article in articles
        for lang in LANGUAGES
        for text in (*article.keywords[lang], article.title[lang])
        for token in tokens(text, lang)
        if not token.stop
    ]


@cache
def everyday_lemmas() -> frozenset[str]:
    """Lemmas of the everyday and other-service word lists (everyday.py, vocabulary)."""
    return lemmas_of(OUTSIDE_WORDS.union(*EVERYDAY_WORDS.values()))
