"""The evaluation protocol for FAQ matching (see faq/README.md).

- dev set (`faq_dev.jsonl`): the phrasings the base was written with; must stay >= 97%.
- tuning parts (`blind/faq_tune.jsonl` … `faq_tune9.jsonl`, `faq_tune11.jsonl`,
  `faq_tune12.jsonl`, `faq_tune14.jsonl` … `faq_tune41.jsonl`; batch 10 had no FAQ lines,
  session 13 no blind batch): the decision is fitted on them; each one's accuracy is
  reported by k-fold cross-validation, held out twice: each fold is ranked without its own
  phrasings in the articles' samples and decided by a decision fitted on the other folds,
  the other tuning parts and the dev set. Every file is ranked held out once, in its own
  folds, for all the parts' cross-validations.
- leave one writer out: each tuning part (one blind batch, one writer) is also ranked with
  all its phrasings out of the samples and decided by a decision fitted on the other parts
  and the dev set only; pooled, it is set beside the pooled k-fold figure. k-fold mixes a
  writer's lines into training and test; a new user is a new writer.
- frozen parts (`blind/faq_frozen41.jsonl`, the honest measure; `faq_frozen40.jsonl` …
  `faq_frozen3.jsonl` and `faq_frozen.jsonl`, now regression sets): decided by the
  committed decision (fitted on the tuning parts and the dev set); nobody tunes while
  looking at their misses, which are never printed.
"""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import os
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gateway.knowledge.articles import LANGUAGES, Article
from gateway.knowledge.decision import Decision, Example, fit
from gateway.knowledge.domain import Domain, LineCounts
from gateway.knowledge.matcher import Matcher, MatchResult
from gateway.knowledge.ranker import Ranker

FOLDS = 5
DEV_FILE = "faq_dev.jsonl"
TUNE_FILE = "blind/faq_tune.jsonl"
TUNE2_FILE = "blind/faq_tune2.jsonl"  # second blind batch: no article was written from it
TUNE3_FILE = "blind/faq_tune3.jsonl"  # third blind batch (new writers, new trades)
TUNE4_FILE = "blind/faq_tune4.jsonl"  # fourth blind batch (ten more trades)
TUNE5_FILE = "blind/faq_tune5.jsonl"  # fifth blind batch (2026-12-02)
TUNE6_FILE = "blind/faq_tune6.jsonl"  # sixth blind batch (2026-12-02, session 6)
TUNE7_FILE = "blind/faq_tune7.jsonl"  # seventh blind batch (2026-12-02, session 7)
TUNE8_FILE = "blind/faq_tune8.jsonl"  # eighth blind batch (2026-12-02, session 8)
TUNE9_FILE = "blind/faq_tune9.jsonl"  # ninth blind batch (2026-12-03, session 9)
TUNE11_FILE = "blind/faq_tune11.jsonl"  # eleventh blind batch (2026-12-03, session 11)
TUNE12_FILE = "blind/faq_tune12.jsonl"  # twelfth blind batch (2026-12-03, session 12)
TUNE14_FILE = "blind/faq_tune14.jsonl"  # fourteenth blind batch (2026-12-03, session 14)
TUNE15_FILE = "blind/faq_tune15.jsonl"  # fifteenth blind batch (2026-12-03, session 15)
TUNE16_FILE = "blind/faq_tune16.jsonl"  # sixteenth blind batch (2026-12-04, session 16)
TUNE17_FILE = "blind/faq_tune17.jsonl"  # seventeenth blind batch (2026-12-04, session 17)
TUNE18_FILE = "blind/faq_tune18.jsonl"  # eighteenth blind batch (2026-12-04, session 18)
TUNE19_FILE = "blind/faq_tune19.jsonl"  # nineteenth blind batch (2026-12-04, session 19)
TUNE20_FILE = "blind/faq_tune20.jsonl"  # twentieth blind batch (2026-12-04, session 21)
TUNE21_FILE = "blind/faq_tune21.jsonl"  # twenty-first blind batch (2026-12-05, session 22)
TUNE22_FILE = "blind/faq_tune22.jsonl"  # twenty-second blind batch (2026-12-05, session 23)
TUNE23_FILE = "blind/faq_tune23.jsonl"  # twenty-third blind batch (2026-12-05, session 24)
TUNE24_FILE = "blind/faq_tune24.jsonl"  # twenty-fourth blind batch (2026-12-05, session 25)
TUNE25_FILE = "blind/faq_tune25.jsonl"  # twenty-fifth blind batch (2026-12-05, session 26)
TUNE26_FILE = "blind/faq_tune26.jsonl"  # twenty-sixth blind batch (2026-12-05, session 27)
TUNE27_FILE = "blind/faq_tune27.jsonl"  # twenty-seventh blind batch (2026-12-05, session 28)
TUNE28_FILE = "blind/faq_tune28.jsonl"  # twenty-eighth blind batch (2026-12-05, session 29)
TUNE29_FILE = "blind/faq_tune29.jsonl"  # twenty-ninth blind batch (2026-12-06, session 30)
TUNE30_FILE = "blind/faq_tune30.jsonl"  # thirtieth blind batch (2026-12-06, session 31)
TUNE31_FILE = "blind/faq_tune31.jsonl"  # thirty-first blind batch (2026-12-06, session 32)
TUNE32_FILE = "blind/faq_tune32.jsonl"  # thirty-second blind batch (2026-12-06, session 33)
TUNE33_FILE = "blind/faq_tune33.jsonl"  # thirty-third blind batch (2026-12-06, session 34)
TUNE34_FILE = "blind/faq_tune34.jsonl"  # thirty-fourth blind batch (2026-12-06, session 35)
TUNE35_FILE = "blind/faq_tune35.jsonl"  # thirty-fifth blind batch (2026-12-06, session 36)
TUNE36_FILE = "blind/faq_tune36.jsonl"  # thirty-sixth blind batch (2026-12-07, session 37)
TUNE37_FILE = "blind/faq_tune37.jsonl"  # thirty-seventh blind batch (2026-12-07, session 38)
TUNE38_FILE = "blind/faq_tune38.jsonl"  # thirty-eighth blind batch (2026-12-07, session 39)
TUNE39_FILE = "blind/faq_tune39.jsonl"  # thirty-ninth blind batch (2026-12-07, session 40)
TUNE40_FILE = "blind/faq_tune40.jsonl"  # fortieth blind batch (2026-12-07, session 41)
TUNE41_FILE = "blind/faq_tune41.jsonl"  # forty-first blind batch (2026-12-07, session 42)
TUNING_FILES = (
    TUNE_FILE,
    TUNE2_FILE,
    TUNE3_FILE,
    TUNE4_FILE,
    TUNE5_FILE,
    TUNE6_FILE,
    TUNE7_FILE,
    TUNE8_FILE,
    TUNE9_FILE,
    TUNE11_FILE,
    TUNE12_FILE,
    TUNE14_FILE,
    TUNE15_FILE,
    TUNE16_FILE,
    TUNE17_FILE,
    TUNE18_FILE,
    TUNE19_FILE,
    TUNE20_FILE,
    TUNE21_FILE,
    TUNE22_FILE,
    TUNE23_FILE,
    TUNE24_FILE,
    TUNE25_FILE,
    TUNE26_FILE,
    TUNE27_FILE,
    TUNE28_FILE,
    TUNE29_FILE,
    TUNE30_FILE,
    TUNE31_FILE,
    TUNE32_FILE,
    TUNE33_FILE,
    TUNE34_FILE,
    TUNE35_FILE,
    TUNE36_FILE,
    TUNE37_FILE,
    TUNE38_FILE,
    TUNE39_FILE,
    TUNE40_FILE,
    TUNE41_FILE,
)
FROZEN_FILE = "blind/faq_frozen.jsonl"  # the first frozen part, kept as a regression set
FROZEN3_FILE = "blind/faq_frozen3.jsonl"  # the third batch's frozen part, a regression set
FROZEN4_FILE = "blind/faq_frozen4.jsonl"  # the fourth batch's frozen part, a regression set
FROZEN5_FILE = "blind/faq_frozen5.jsonl"  # the fifth batch's frozen part, a regression set
FROZEN6_FILE = "blind/faq_frozen6.jsonl"  # the sixth batch's frozen part, a regression set
FROZEN7_FILE = "blind/faq_frozen7.jsonl"  # the seventh batch's frozen part, a regression set
FROZEN8_FILE = "blind/faq_frozen8.jsonl"  # the eighth batch's frozen part, a regression set
FROZEN9_FILE = "blind/faq_frozen9.jsonl"  # the ninth batch's frozen part, a regression set
FROZEN12_FILE = "blind/faq_frozen12.jsonl"  # the twelfth batch's frozen part, a regression set
FROZEN14_FILE = "blind/faq_frozen14.jsonl"  # the fourteenth batch's frozen part, a regression set
FROZEN15_FILE = "blind/faq_frozen15.jsonl"  # the fifteenth batch's frozen part, a regression set
FROZEN16_FILE = "blind/faq_frozen16.jsonl"  # the sixteenth batch's frozen part, a regression set
FROZEN17_FILE = "blind/faq_frozen17.jsonl"  # seventeenth batch's frozen part, a regression set
FROZEN18_FILE = "blind/faq_frozen18.jsonl"  # eighteenth batch's frozen part, a regression set
FROZEN19_FILE = "blind/faq_frozen19.jsonl"  # nineteenth batch's frozen part, a regression set
FROZEN20_FILE = "blind/faq_frozen20.jsonl"  # twentieth batch's frozen part, a regression set
FROZEN21_FILE = "blind/faq_frozen21.jsonl"  # twenty-first batch's frozen part, a regression set
FROZEN22_FILE = "blind/faq_frozen22.jsonl"  # twenty-second batch's frozen part, a regression set
FROZEN23_FILE = "blind/faq_frozen23.jsonl"  # twenty-third batch's frozen part, a regression set
FROZEN24_FILE = "blind/faq_frozen24.jsonl"  # twenty-fourth batch's frozen part, a regression set
FROZEN25_FILE = "blind/faq_frozen25.jsonl"  # twenty-fifth batch's frozen part, a regression set
FROZEN26_FILE = "blind/faq_frozen26.jsonl"  # twenty-sixth batch's frozen part, a regression set
FROZEN27_FILE = "blind/faq_frozen27.jsonl"  # twenty-seventh batch's frozen part, a regression set
FROZEN28_FILE = "blind/faq_frozen28.jsonl"  # twenty-eighth batch's frozen part, a regression set
FROZEN29_FILE = "blind/faq_frozen29.jsonl"  # twenty-ninth batch's frozen part, a regression set
FROZEN30_FILE = "blind/faq_frozen30.jsonl"  # thirtieth batch's frozen part, a regression set
FROZEN31_FILE = "blind/faq_frozen31.jsonl"  # thirty-first batch's frozen part, a regression set
FROZEN32_FILE = "blind/faq_frozen32.jsonl"  # thirty-second batch's frozen part, a regression set
FROZEN33_FILE = "blind/faq_frozen33.jsonl"  # thirty-third batch's frozen part, a regression set
FROZEN34_FILE = "blind/faq_frozen34.jsonl"  # thirty-fourth batch's frozen part, a regression set
FROZEN35_FILE = "blind/faq_frozen35.jsonl"  # thirty-fifth batch's frozen part, a regression set
FROZEN36_FILE = "blind/faq_frozen36.jsonl"  # thirty-sixth batch's frozen part, a regression set
FROZEN37_FILE = "blind/faq_frozen37.jsonl"  # thirty-seventh batch's frozen part, a regression set
FROZEN38_FILE = "blind/faq_frozen38.jsonl"  # thirty-eighth batch's frozen part, a regression set
FROZEN39_FILE = "blind/faq_frozen39.jsonl"  # thirty-ninth batch's frozen part, a regression set
FROZEN40_FILE = "blind/faq_frozen40.jsonl"  # fortieth batch's frozen part, a regression set
FROZEN41_FILE = "blind/faq_frozen41.jsonl"  # the honest frozen measure (forty-first batch)
FROZEN_FILES = (
    FROZEN41_FILE,
    FROZEN40_FILE,
    FROZEN39_FILE,
    FROZEN38_FILE,
    FROZEN37_FILE,
    FROZEN36_FILE,
    FROZEN35_FILE,
    FROZEN34_FILE,
    FROZEN33_FILE,
    FROZEN32_FILE,
    FROZEN31_FILE,
    FROZEN30_FILE,
    FROZEN29_FILE,
    FROZEN28_FILE,
    FROZEN27_FILE,
    FROZEN26_FILE,
    FROZEN25_FILE,
    FROZEN24_FILE,
    FROZEN23_FILE,
    FROZEN22_FILE,
    FROZEN21_FILE,
    FROZEN20_FILE,
    FROZEN19_FILE,
    FROZEN18_FILE,
    FROZEN17_FILE,
    FROZEN16_FILE,
    FROZEN15_FILE,
    FROZEN14_FILE,
    FROZEN12_FILE,
    FROZEN9_FILE,
    FROZEN8_FILE,
    FROZEN7_FILE,
    FROZEN6_FILE,
    FROZEN5_FILE,
    FROZEN4_FILE,
    FROZEN3_FILE,
    FROZEN_FILE,
)
# The probes' files (our own near-misses and sense probes): their off-topic lines are hard
# negatives of other trades' senses of IT words, weighed into the fit (`Negatives`).
NEGATIVE_FILES = (
    "faq_near_miss.jsonl",
    "faq_near_miss2.jsonl",
    "faq_near_miss3.jsonl",
    "faq_near_miss4.jsonl",
    "faq_near_miss5.jsonl",
    "faq_near_miss6.jsonl",
    "faq_near_miss7.jsonl",
    "faq_near_miss8.jsonl",
    "faq_near_miss9.jsonl",
    "faq_near_miss10.jsonl",
    "faq_near_miss11.jsonl",
    "faq_near_miss12.jsonl",
    "faq_near_miss13.jsonl",
    "faq_near_miss14.jsonl",
    "faq_near_miss15.jsonl",
    "faq_near_miss16.jsonl",
    "faq_near_miss17.jsonl",
    "faq_near_miss18.jsonl",
    "faq_near_miss19.jsonl",
    "faq_near_miss20.jsonl",
    "faq_near_miss21.jsonl",
    "faq_near_miss22.jsonl",
    "faq_near_miss23.jsonl",
    "faq_near_miss24.jsonl",
    "faq_near_miss25.jsonl",
    "faq_near_miss26.jsonl",
    "faq_near_miss27.jsonl",
    "faq_near_miss28.jsonl",
    "faq_near_miss29.jsonl",
    "faq_near_miss30.jsonl",
    "faq_near_miss31.jsonl",
    "faq_near_miss32.jsonl",
    "faq_sense_probe18.jsonl",
    "faq_sense_probe19.jsonl",
)
PLACES = ("fit", "cut", "models", "domain")  # where the negatives may count (`Negatives`)
# Where they count, and as what share of a tuning line: chosen by leaving one probe out
# (bench/weigh_probes.py, faq/README.md "Evaluation protocol"); weight 0: not at all.
NEGATIVE_PLACE = "fit"
NEGATIVE_WEIGHT = 0.0


@dataclass(frozen=True)
class Case:
    """One labelled phrasing; `topic` None means off-topic (the bot must stay quiet)."""

    number: int
    q: str
    lang: str
    topic: str | None


@dataclass
class Tally:
    """Counts for one language (or all) of one evaluated part."""

    answerable: int = 0
    top1: int = 0
    exact: int = 0
    choices: int = 0
    off_topic: int = 0
    wrongly_answered: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, case: Case, result: MatchResult) -> None:
        """Count one decided case."""
        first = result.candidates[0].article.id if result.candidates else None
        if case.topic is None:
            self.off_topic += 1
            if result.outcome != "none":
                self.wrongly_answered += 1
                self.misses.append(f"{case.number}: {case.q!r} -> {result.outcome} {first}")
            return
        self.answerable += 1
        if first == case.topic:
            self.top1 += 1
            self.exact += result.outcome == "answer"
            self.choices += result.outcome == "choices"
        else:
            self.misses.append(
                f"{case.number}: {case.q!r} expected {case.topic}, got {result.outcome} {first}"
            )

    def summary(self) -> dict[str, float | int]:
        """The figures `firstline eval faq` prints and tests read."""
        return {
            "answerable": self.answerable,
            "top1_accuracy": _share(self.top1, self.answerable),
            "answer_exact": _share(self.exact, self.answerable),
            "choices_top1": _share(self.choices, self.answerable),
            "off_topic": self.off_topic,
            "off_topic_answered": _share(self.wrongly_answered, self.off_topic),
        }


def load_cases(path: Path) -> list[Case]:
    """The labelled lines of a JSONL evaluation file."""
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            data = json.loads(line)
            cases.append(Case(number, data["q"], data.get("lang") or "?", data.get("topic")))
    return cases


@dataclass(frozen=True)
class Negatives:
    """The probes' off-topic lines in a fit: each counts `weight` of a tuning line, in
    `place` (PLACES): "fit", the relevance model's loss and the "say anything" cut's 2 %
    target; "cut", that target only; "models", the models only (the cut is placed on the
    tuning and dev lines alone); "domain", the domain model's everyday counts only.
    Their IT lines stay out: the probes test other trades' senses, not IT recall."""

    files: Mapping[str, Sequence[Case]]
    weight: float
    place: str = "fit"

    def ranked(self, articles: Sequence[Article]) -> dict[str, list[Example]]:
        """Each file's off-topic lines ranked held out, in the file's own folds."""
        return {
            name: held_out_examples(articles, [c for c in cases if c.topic is None])
            for name, cases in self.files.items()
        }

    def shares(self) -> dict[str, float]:
        """What each file's lines count for in the domain model's counts (`scored_apart`)."""
        return {name: self.weight if self.place == "domain" else 0.0 for name in self.files}

    def trained(self, scored: Iterable[Example]) -> list[Example]:
        """The scored lines as the decision is fitted on them: none when only the domain
        model counts them."""
        if self.place == "domain":
            return []
        fitted, cut = self.place != "cut", self.place != "models"
        return [dataclasses.replace(e, weight=self.weight, fitted=fitted, cut=cut) for e in scored]


def committed_negatives(eval_dir: Path) -> Negatives | None:
    """The probes' off-topic lines as the committed fit and the protocol weigh them."""
    files = {
        name: load_cases(eval_dir / name) for name in NEGATIVE_FILES if (eval_dir / name).exists()
    }
    return Negatives(files, NEGATIVE_WEIGHT, NEGATIVE_PLACE) if NEGATIVE_WEIGHT else None


def examples(ranker: Ranker, cases: Iterable[Case]) -> list[Example]:
    """Rank every case once; the decision is fitted and applied on these."""
    return [_example(ranker, c) for c in cases]


def evaluate(matcher: Matcher, cases: Sequence[Case]) -> dict[str, Tally]:
    """Tallies per language and "all" with the matcher's own decision."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    for case in cases:
        _count(tallies, case, matcher.match(case.q, _lang(case)))
    return tallies


def held_out_examples(
    articles: Sequence[Article], cases: Sequence[Case], folds: int = FOLDS
) -> list[Example]:
    """Rank every case as a phrasing the articles were not written from.

    Cases are dealt into folds; each fold is ranked by a ranker over the articles with
    that fold's phrasings taken out of their sample questions. Blind lines that became
    sample questions therefore still look new to the decision fitted on them, as real
    users' messages will.
    """
    fold_of = _folds(cases, folds)
    ranked: list[Example | None] = [None] * len(cases)
    for fold in range(folds):
        members = [i for i in range(len(cases)) if fold_of[i] == fold]
        held = {_phrasing(cases[i].q) for i in members}
        ranker = Ranker(_without(articles, held))
        for i in members:
            ranked[i] = _example(ranker, cases[i])
    return [e for e in ranked if e is not None]


def scored_apart(
    articles: Sequence[Article],
    files: Mapping[str, Sequence[Example]],
    shares: Mapping[str, float] | None = None,
) -> dict[str, list[Example]]:
    """Each file's examples with the domain score of a model fitted on the other files' lines
    only: a line's own file never vouches for it (domain.py). A file's lines count its share
    in the other files' models (`Negatives.shares`; 1 unless given, 0: not at all)."""
    shares = shares or {}
    counts = {
        name: line_counts(examples, shares.get(name, 1.0))
        for name, examples in files.items()
        if shares.get(name, 1.0)
    }
    return {
        name: with_domain(
            examples,
            Domain(articles, sum((c for o, c in counts.items() if o != name), LineCounts({}, {}))),
        )
        for name, examples in files.items()
    }


def with_domain(examples: Iterable[Example], domain: Domain) -> list[Example]:
    """The examples with `domain`'s score in their signals."""
    return [
        Example(
            tuple(
                dataclasses.replace(s, domain=score, stranger=domain.stranger(s.subject))
                for s in e.ranked
            ),
            e.topic,
            e.reading,
        )
        for e in examples
        for score in (domain.score(e.reading, _sensed(domain, e), _programs(e)),)
    ]


def _sensed(domain: Domain, example: Example) -> frozenset[str]:
    """The example's words said in another trade's sense (`Domain.sensed`)."""
    return domain.sensed(example.ranked[0].subject) if example.ranked else frozenset()


def _programs(example: Example) -> frozenset[str]:
    """The example's applications named as programs (`Subject.programs`)."""
    return frozenset(example.ranked[0].subject.programs) if example.ranked else frozenset()


def line_counts(examples: Iterable[Example], weight: float = 1.0) -> LineCounts:
    """The lemma counts of labelled lines, IT problems apart from off-topic ones, each line
    counted `weight` times."""
    return LineCounts.of(((e.reading, e.topic is not None) for e in examples), weight)


def fit_committed(
    articles: Sequence[Article],
    files: Mapping[str, Sequence[Case]],
    negatives: Negatives | None = None,
) -> tuple[Decision, LineCounts]:
    """The decision and the domain model's line counts from all of `files`' lines, and the
    `negatives` as they say.

    The lines are ranked held out, dealt into folds together; each file's domain scores come
    from a model of the other files' lines (`scored_apart`), so the decision weighs the
    score as it will be on new wordings; the counts kept are those of every line. The
    negatives' files are ranked held out each in its own folds, so the other lines' folds
    and rankings are the same with them or without.
    """
    held = held_out_examples(articles, [c for cases in files.values() for c in cases])
    by_file: dict[str, Sequence[Example]] = {}
    start = 0
    for name, cases in files.items():
        by_file[name], start = held[start : start + len(cases)], start + len(cases)
    probes = negatives.ranked(articles) if negatives else {}
    return fit_ranked(articles, by_file, probes, negatives)


def fit_ranked(
    articles: Sequence[Article],
    by_file: Mapping[str, Sequence[Example]],
    probes: Mapping[str, Sequence[Example]],
    negatives: Negatives | None,
) -> tuple[Decision, LineCounts]:
    """`fit_committed` from files already ranked held out (the negatives' files in `probes`)."""
    shares = negatives.shares() if negatives else {}
    scored = scored_apart(articles, {**by_file, **probes}, shares)
    training = [e for name in by_file for e in scored[name]]
    if negatives:
        training += [e for name in probes for e in negatives.trained(scored[name])]
    counts = line_counts(e for examples in by_file.values() for e in examples)
    for name, examples in probes.items():
        if shares[name]:
            counts += line_counts(examples, shares[name])
    return fit(training), counts


def cross_validate(
    matcher: Matcher, cases: Sequence[Case], extra: Sequence[Case], folds: int = FOLDS
) -> dict[str, Tally]:
    """k-fold accuracy, held out twice: each fold is ranked without its own phrasings in
    the articles and decided by a decision fitted on the other folds plus `extra`."""
    return cross_validate_parts(matcher, {"part": cases}, extra, folds)["part"]


def cross_validate_parts(
    matcher: Matcher,
    parts: Mapping[str, Sequence[Case]],
    extra: Sequence[Case],
    folds: int = FOLDS,
) -> dict[str, dict[str, Tally]]:
    """Each part's k-fold accuracy, trained with the other parts and `extra` besides."""
    return protocol_figures(matcher, parts, extra, folds).folds


@dataclass(frozen=True)
class PartFigures:
    """Each tuning part's tallies two ways (see `protocol_figures`)."""

    folds: dict[str, dict[str, Tally]]  # k-fold cross-validated within the part
    left_out: dict[str, dict[str, Tally]]  # the whole part (its writer) left out


def protocol_figures(
    matcher: Matcher,
    parts: Mapping[str, Sequence[Case]],
    extra: Sequence[Case],
    folds: int = FOLDS,
    negatives: Negatives | None = None,
) -> PartFigures:
    """Each part's k-fold accuracy, and its accuracy with the whole part left out.

    k-fold: every file (each part, and `extra`) is ranked held out once, dealt into its
    own folds, and those rankings serve every part's cross-validation: as the part tested,
    or as training for the others. A line is never ranked by articles holding its own
    phrasing, in any of them.

    Left out (leave one writer out: a part is one blind batch, one writer): the part is
    ranked by articles holding none of its phrasings and decided by one decision fitted on
    the other parts and `extra` only, so nothing of its writer's style is in what decides
    it, as for a new user. k-fold mixes one writer's lines into training and test alike.
    The `negatives` count in every decision and domain model as in `fit_committed`.
    The decisions are fitted on every core.
    """
    articles = matcher.articles
    ranked = {name: held_out_examples(articles, cases, folds) for name, cases in parts.items()}
    probes = negatives.ranked(articles) if negatives else {}
    shares = negatives.shares() if negatives else {}
    files = {**ranked, _EXTRA: held_out_examples(articles, extra, folds), **probes}
    # The part tested is scored by a domain model without its lines, and so is every line
    # it is decided with: a part's own off-topic words never help it.
    apart = scored_apart(articles, files, shares)
    others = {name: _trained_without(articles, files, name, negatives) for name in parts}
    trainings = {
        name: _fold_trainings(cases, apart[name], others[name], folds)
        for name, cases in parts.items()
    }
    decisions = iter(
        fit_all([t for name in parts for t in trainings[name]] + [others[n] for n in parts])
    )
    cross = {
        name: _decide_folds(matcher, cases, apart[name], [next(decisions) for _ in range(folds)])
        for name, cases in parts.items()
    }
    counts = {name: line_counts(exs, shares.get(name, 1.0)) for name, exs in files.items()}
    left_out = {
        name: _decide_folds(
            matcher, cases, _left_out_scored(articles, name, cases, counts), [next(decisions)]
        )
        for name, cases in parts.items()
    }
    return PartFigures(cross, left_out)


def committed_left_out(
    matcher: Matcher,
    parts: Mapping[str, Sequence[Case]],
    extra: Sequence[Case],
    unseen: Iterable[str],
    folds: int = FOLDS,
    negatives: Negatives | None = None,
    refit: bool = False,
) -> dict[str, dict[str, Tally]]:
    """The `unseen` parts left out as `protocol_figures` leaves them out (ranked by articles
    holding none of their phrasings, scored by the domain model of the other files' lines),
    but decided by the matcher's own decision, the committed one.

    Held out only for parts that decision was never fitted on: set beside their left-out
    figures (a decision fitted on the other parts and `extra`), it says whether refitting
    decides a new writer better than the decision kept (faq/README.md). With `refit`, each
    part is decided by that decision instead, fitted as `protocol_figures` fits it: the
    protocol's left-out figures without its k-fold half, in minutes rather than half an hour.
    """
    articles = matcher.articles
    unseen = list(unseen)
    probes = negatives.ranked(articles) if negatives else {}
    files = {
        **{name: held_out_examples(articles, cases, folds) for name, cases in parts.items()},
        _EXTRA: held_out_examples(articles, extra, folds),
        **probes,
    }
    shares = negatives.shares() if negatives else {}
    counts = {name: line_counts(exs, shares.get(name, 1.0)) for name, exs in files.items()}
    decisions = (
        fit_all([_trained_without(articles, files, name, negatives) for name in unseen])
        if refit
        else [matcher.decision] * len(unseen)
    )
    return {
        name: _decide_folds(
            matcher,
            parts[name],
            _left_out_scored(articles, name, parts[name], counts),
            [decision],
        )
        for name, decision in zip(unseen, decisions, strict=True)
    }


def _trained_without(
    articles: Sequence[Article],
    files: Mapping[str, Sequence[Example]],
    name: str,
    negatives: Negatives | None,
) -> list[Example]:
    """What the decision a part is left out by is fitted on: every other file's lines, each
    scored by the domain model of the files but it and that part (`scored_apart`), the
    probes' off-topic lines as the `negatives` weigh them."""
    shares = negatives.shares() if negatives else {}
    rest = {other: examples for other, examples in files.items() if other != name}
    return [
        e
        for other, examples in scored_apart(articles, rest, shares).items()
        for e in (
            negatives.trained(examples) if negatives and other in negatives.files else examples
        )
    ]


def _left_out_scored(
    articles: Sequence[Article],
    name: str,
    cases: Sequence[Case],
    counts: Mapping[str, LineCounts],
) -> list[Example]:
    """A part ranked with all its phrasings out of the samples, and scored by the domain
    model of the other files' lines (`counts` by file), as in k-fold."""
    alone = examples(Ranker(_without(articles, {_phrasing(c.q) for c in cases})), cases)
    rest = sum((c for o, c in counts.items() if o != name), LineCounts({}, {}))
    return with_domain(alone, Domain(articles, rest))


def _cross_validate_ranked(
    matcher: Matcher,
    cases: Sequence[Case],
    ranked: Sequence[Example],
    extra_ranked: Sequence[Example],
    folds: int,
) -> dict[str, Tally]:
    """Decide each fold of held-out `ranked` by a decision fitted on the other folds and
    `extra_ranked`, their signals as they are (bench/weigh_use.py)."""
    trainings = _fold_trainings(cases, ranked, extra_ranked, folds)
    return _decide_folds(matcher, cases, ranked, fit_all(trainings))


def _fold_trainings(
    cases: Sequence[Case],
    ranked: Sequence[Example],
    extra_ranked: Sequence[Example],
    folds: int,
) -> list[list[Example]]:
    """For each fold, what its decision is fitted on: the other folds and `extra_ranked`."""
    fold_of = _folds(cases, folds)
    return [
        [e for i, e in enumerate(ranked) if fold_of[i] != fold] + list(extra_ranked)
        for fold in range(folds)
    ]


def _decide_folds(
    matcher: Matcher,
    cases: Sequence[Case],
    ranked: Sequence[Example],
    decisions: Sequence[Decision],
) -> dict[str, Tally]:
    """Each fold's cases decided by that fold's decision."""
    fold_of = _folds(cases, len(decisions))
    tallies: dict[str, Tally] = defaultdict(Tally)
    for fold, decision in enumerate(decisions):
        judge = matcher.with_decision(decision)
        for index, case in enumerate(cases):
            if fold_of[index] == fold:
                _count(tallies, case, judge.decide(ranked[index].ranked))
    return tallies


def fit_all(trainings: Sequence[Sequence[Example]]) -> list[Decision]:
    """`fit` each training set, on every core this process may use.

    The fits are pure and independent, so the decisions are the very ones fitted one by
    one. Forked children inherit the training sets (nothing large is pickled); each sends
    back its small decision.
    """
    cores = min(len(os.sched_getaffinity(0)), len(trainings))
    if cores < 2:
        return [fit(training) for training in trainings]
    global _PENDING
    _PENDING = trainings
    try:
        with multiprocessing.get_context("fork").Pool(cores) as pool:
            return pool.map(_fit_pending, range(len(trainings)), chunksize=1)
    finally:
        _PENDING = ()


_EXTRA = "extra"  # the lines every part is trained with besides the others (dev)
_PENDING: Sequence[Sequence[Example]] = ()  # the training sets a forked fit reads


def _fit_pending(index: int) -> Decision:
    return fit(_PENDING[index])


def pooled(parts: Iterable[Mapping[str, Tally]]) -> dict[str, Tally]:
    """Several parts' tallies added up, per language and "all" (misses left out)."""
    total: dict[str, Tally] = defaultdict(Tally)
    for tallies in parts:
        for key, tally in tallies.items():
            into = total[key]
            into.answerable += tally.answerable
            into.top1 += tally.top1
            into.exact += tally.exact
            into.choices += tally.choices
            into.off_topic += tally.off_topic
            into.wrongly_answered += tally.wrongly_answered
    return total


def print_table(title: str, tallies: dict[str, Tally], show_misses: bool = True) -> None:
    """A per-language table, the misses, and the summary as one JSON line."""
    columns = ["all", *(lang for lang in LANGUAGES if lang in tallies)]
    columns += sorted(set(tallies) - set(columns))
    print(f"== {title}")
    print(f"{'':24}" + "".join(f"{c:>9}" for c in columns))
    rows = [
        ("answerable queries", "answerable", "{:>9}"),
        ("top-1 accuracy", "top1_accuracy", "{:>8.1%} "),
        ("  answered exactly", "answer_exact", "{:>8.1%} "),
        ("  first of choices", "choices_top1", "{:>8.1%} "),
        ("off-topic queries", "off_topic", "{:>9}"),
        ("off-topic answered", "off_topic_answered", "{:>8.1%} "),
    ]
    summaries = {c: tallies[c].summary() for c in columns}
    for label, key, fmt in rows:
        print(f"{label:24}" + "".join(fmt.format(summaries[c][key]) for c in columns))
    misses = tallies["all"].misses
    if misses and show_misses:
        print(f"\nmisses ({len(misses)}):")
        for miss in misses:
            print(f"  {miss}")
    print(json.dumps({k: t.summary() for k, t in tallies.items()}, ensure_ascii=False))


def _example(ranker: Ranker, case: Case) -> Example:
    lang = _lang(case)
    return Example(tuple(ranker.rank(case.q, lang, 4)), case.topic, ranker.reading(case.q, lang))


def _count(tallies: dict[str, Tally], case: Case, result: MatchResult) -> None:
    tallies["all"].add(case, result)
    tallies[case.lang].add(case, result)


def _stratified(cases: Sequence[Case]) -> list[int]:
    """Case indexes ordered so that dealing them round-robin spreads every (topic, lang)."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, case in enumerate(cases):
        groups[(case.topic or "", case.lang)].append(index)
    return [i for key in sorted(groups) for i in groups[key]]


def _folds(cases: Sequence[Case], folds: int) -> dict[int, int]:
    """The fold of every case index, stratified by (topic, language)."""
    return {index: position % folds for position, index in enumerate(_stratified(cases))}


def _phrasing(text: str) -> str:
    return " ".join(text.casefold().split())


def _without(articles: Sequence[Article], phrasings: set[str]) -> list[Article]:
    """The articles with these phrasings removed from their sample questions."""
    return [
        dataclasses.replace(
            article,
            questions={
                lang: tuple(q for q in questions if _phrasing(q) not in phrasings)
                for lang, questions in article.questions.items()
            },
        )
        for article in articles
    ]


def _lang(case: Case) -> str | None:
    return case.lang if case.lang in LANGUAGES else None


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0
