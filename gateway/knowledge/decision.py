"""Answer, offer choices, or stay quiet: a calibrated decision over the ranker's signals.

Two logistic models read the best article's signals (coverage, BM25, character
similarity, keyword phrase, margin over the runner-up, unknown, explained and unexplained
words, other services' words, and the domain model's "is this IT at all" score):
one gives the probability that the message is about any article at all, the other that
the best article is the right one. Below the `choices` cut on the first, nothing is said;
at or above the `answer` cut on the second, the article is answered directly; in between
the close candidates are offered as choices. Weights and thresholds are fitted on
labelled phrasings (`fit`), never set by hand; `firstline eval faq --fit` refits them and
writes decision.json beside this file. Keywords are one signal among the others, not a gate.

The thresholds are placed on out-of-fold probabilities: each training message is scored by
models fitted without it, so the cuts are set where new messages will fall, not where the
models' own training messages do (those look more certain than new ones).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from gateway.knowledge.ranker import Signals

FEATURES = (
    "coverage",
    "bm25",
    "similarity",
    "keyword",
    "margin",
    "unknown",
    "foreign",
    "specific",
    "unexplained",
    "explained",
    "outside",
    "domain",
    "stranger",
)
DEFAULT_PATH = Path(__file__).with_name("decision.json")
# What the thresholds weigh: a right first candidate is worth 1, a wrong article answered
# costs 1 (worse than none), an off-topic message answered costs OFF_TOPIC_COST. Chosen on
# the curve of top-1 against off-topic answered, each tuning part decided by a decision of
# the other parts only (faq/README.md): 16 answers 2 fewer off-topic lines than 4 for less
# than 0.3 points of top-1 in each language; 32 and above cost points for nothing more.
OFF_TOPIC_COST = 16.0
WRONG_COST = 1.0
# At most this share of off-topic training messages gets anything (the target: <= 2 %).
OFF_TOPIC_SHARE = 0.02
# Two cuts whose values differ by less than half an off-topic line's cost are a near-tie:
# the lower one is taken, so a training line that tips one plateau over the other does not
# jump the cut between them (faq/README.md, session 42).
NEAR_TIE = OFF_TOPIC_COST / 2
# Answered directly only when that many of the training answers were right.
ANSWER_PRECISION = 0.99
# Two articles compete when the runner-up is as close as in the closest COMPETE_SHARE of
# the right answers in training: then the user chooses.
COMPETE_SHARE = 0.03
CHOICE_BAND = 0.1  # choices are the candidates this close to the best in rank score
CUT_FOLDS = 5  # out-of-fold scoring for the thresholds
# The models' penalty on squared weights. Chosen by leaving one writer out (faq/README.md):
# fitted to convergence, 0.001 decides new writers' lines better than 0.01 (which, with 400
# gradient steps that stopped short of the optimum, was used until session 12).
_L2 = 0.001
_MAX_STEPS = 100  # Newton steps; it converges in about ten
_CONVERGED = 1e-13  # a step that lowers the loss less than this ends the fit
_SMALLEST_STEP = 1e-8  # a step is halved until the loss falls, down to this share
_RIDGE = 1e-12  # keeps the curvature solvable with a feature that never varies


@dataclass(frozen=True)
class Example:
    """One labelled message: its ranked signals and whether it has a right article."""

    ranked: tuple[Signals, ...]
    topic: str | None
    reading: tuple[tuple[str, float], ...] = ()  # its words, for the domain model (domain.py)
    # What the line counts for beside a tuning line: a probe's off-topic line a fraction
    # (evaluation.Negatives), in the models' loss and in the "say anything" cut's target.
    weight: float = 1.0
    fitted: bool = True  # counted by the models
    cut: bool = True  # counted by the "say anything" cut (its value and its 2 % target)


@dataclass(frozen=True)
class Logistic:
    """A logistic model over FEATURES: bias first, then weights on standardised values."""

    weights: tuple[float, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]

    def probability(self, values: Sequence[float]) -> float:
        """The modelled probability for one feature vector."""
        x = _standardise(values, self.means, self.scales)
        return _sigmoid(self.weights[0] + _dot(self.weights[1:], x))

    @classmethod
    def fit(
        cls,
        rows: Sequence[tuple[list[float], bool]],
        start: Logistic | None = None,
        shares: Sequence[float] | None = None,
    ) -> Logistic:
        """The weights that minimise the mean log loss plus `_L2` / 2 times the squared
        weights (not the bias), on standardised features: Newton's method, each step halved
        until the loss falls, to convergence (the optimum is unique). From `start`'s weights
        (a model fitted on more of the same rows) it needs fewer steps, to the same optimum.
        With `shares`, each row counts that much, in the loss and in the features'
        standardisation: a row of share 2 is the row twice, of share 0 not there."""
        import numpy as np  # only to fit (eval faq, a sample review): answering never does

        values = np.array([r for r, _ in rows], dtype=float)
        labels = np.array([float(y) for _, y in rows])
        counted = None if shares is None else np.array(shares, dtype=float) / sum(shares)
        if counted is None:
            means = values.mean(axis=0)
            scales = values.std(axis=0)
        else:  # standardised as the rows count: a row of share 2 is two rows, of share 0 none
            means = counted @ values
            scales = np.sqrt(counted @ (values - means) ** 2)
        scales[scales == 0] = 1.0
        # The bias's column of ones first, then the standardised features.
        data = np.hstack([np.ones((len(rows), 1)), (values - means) / scales])
        penalty = np.full(data.shape[1], _L2)
        penalty[0] = 0.0  # the bias is not shrunk

        def mean(values: np.ndarray) -> float:
            return float(np.mean(values) if counted is None else counted @ values)

        def loss(weights: np.ndarray) -> float:
            scores = data @ weights
            return mean(np.logaddexp(0.0, scores) - labels * scores) + 0.5 * float(
                np.sum(penalty * weights * weights)
            )

        weights = np.array(start.weights if start else [0.0] * data.shape[1])
        current = loss(weights)
        for _ in range(_MAX_STEPS):
            probabilities = 0.5 * (1.0 + np.tanh(0.5 * (data @ weights)))  # never overflows
            spread = probabilities * (1.0 - probabilities)
            if counted is None:
                gradient = data.T @ (probabilities - labels) / len(rows) + penalty * weights
                curvature = (data * spread[:, None]).T @ data / len(rows)
            else:
                gradient = data.T @ (counted * (probabilities - labels)) + penalty * weights
                curvature = (data * (counted * spread)[:, None]).T @ data
            # A constant feature's column is all zeros: the bias's own ridge keeps it solvable.
            hessian = curvature + np.diag(penalty + _RIDGE)
            step, size = np.linalg.solve(hessian, gradient), 1.0
            while (after := loss(weights - size * step)) > current and size > _SMALLEST_STEP:
                size /= 2
            if after > current:
                break  # no step lowers the loss: the optimum, to rounding
            weights, gained, current = weights - size * step, current - after, after
            if gained < _CONVERGED:
                break
        return cls(tuple(map(float, weights)), tuple(map(float, means)), tuple(map(float, scales)))


@dataclass(frozen=True)
class Decision:
    """Two fitted models and their thresholds.

    `relevance`: is the message about any article at all (else: say nothing)?
    `right`: is the best candidate the right one (then answer it, else offer choices)?
    """

    relevance: Logistic
    right: Logistic
    choices: float  # relevance at or above which something is offered
    answer: float  # rightness at or above which the best article is answered directly
    compete: float = 0.0  # a runner-up closer than this in rank score competes: choices

    def probability(self, ranked: Sequence[Signals]) -> float:
        """Probability that the first candidate is the right article (0 when none)."""
        if not ranked:
            return 0.0
        return self.right.probability(features(ranked))

    def relevant(self, ranked: Sequence[Signals]) -> float:
        """Probability that the message is about one of the articles (0 when none ranked)."""
        if not ranked:
            return 0.0
        return self.relevance.probability(features(ranked))

    def save(self, path: Path = DEFAULT_PATH) -> None:
        """Write the fitted decision as JSON (reviewed and committed like code)."""
        path.write_text(json.dumps(asdict(self), indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> Decision:
        """The decision fitted last (decision.json beside this module)."""
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            relevance=_logistic(data["relevance"]),
            right=_logistic(data["right"]),
            choices=float(data["choices"]),
            answer=float(data["answer"]),
            compete=float(data.get("compete", 0.0)),
        )


def margin(ranked: Sequence[Signals]) -> float:
    """How far the best candidate's rank score is ahead of the runner-up's."""
    return ranked[0].rank_score - (ranked[1].rank_score if len(ranked) > 1 else 0.0)


def features(ranked: Sequence[Signals]) -> list[float]:
    """The decision's inputs for a ranking, in FEATURES order."""
    best = ranked[0]
    return [
        best.coverage,
        best.bm25,
        best.similarity,
        best.keyword,
        margin(ranked),
        best.unknown,
        best.foreign,
        best.specific,
        best.unexplained,
        best.explained,
        best.outside,
        best.domain,
        best.stranger,
    ]


def fit(examples: Sequence[Example]) -> Decision:
    """Fit both models on all examples, and their thresholds on out-of-fold probabilities.

    Off-topic messages with no ranking at all count too: they are never answered, and the
    off-topic share the "say anything" cut allows is a share of all off-topic messages.
    Each example counts its `weight`, in the models when `fitted` and in the cut when `cut`;
    one not fitted is scored for the cut by the models fitted on all the others.
    """
    ranked = [e for e in examples if e.ranked and e.fitted]
    rows = [features(e.ranked) for e in ranked]  # each ranking's inputs, read once
    relevance, right = _models(ranked, rows)
    by_relevance: list[tuple[float, Example]] = [
        (relevance.probability(features(e.ranked)), e)
        for e in examples
        if e.ranked and e.cut and not e.fitted
    ]
    by_rightness: list[tuple[float, Example]] = []
    for fold in range(CUT_FOLDS):
        training = [i for i in range(len(ranked)) if i % CUT_FOLDS != fold]
        fold_relevance, fold_right = _models(
            [ranked[i] for i in training], [rows[i] for i in training], (relevance, right)
        )
        for i in range(fold, len(ranked), CUT_FOLDS):
            example = ranked[i]
            if example.cut:
                by_relevance.append((fold_relevance.probability(rows[i]), example))
            if example.topic is not None:
                by_rightness.append((fold_right.probability(rows[i]), example))
    by_relevance.sort(key=lambda pair: pair[0], reverse=True)
    by_rightness.sort(key=lambda pair: pair[0], reverse=True)
    off_topic = sum(e.weight for e in examples if e.topic is None and e.cut)
    margins = sorted(margin(e.ranked) for e in ranked if _right(e))
    compete = margins[int(len(margins) * COMPETE_SHARE)] if margins else 0.0
    return Decision(
        relevance,
        right,
        _choice_threshold(by_relevance, off_topic),
        _answer_threshold(by_rightness),
        compete,
    )


def _models(
    ranked: Sequence[Example],
    rows: Sequence[list[float]],
    start: tuple[Logistic, Logistic] | None = None,
) -> tuple[Logistic, Logistic]:
    """The relevance model (about any article?) and the rightness model (best one right?),
    from the examples and their feature rows, each example counted its weight."""
    weighed = any(e.weight != 1.0 for e in ranked)
    relevance = Logistic.fit(
        [(r, e.topic is not None) for e, r in zip(ranked, rows, strict=True)],
        start and start[0],
        [e.weight for e in ranked] if weighed else None,
    )
    about = [(e, r) for e, r in zip(ranked, rows, strict=True) if e.topic is not None]
    right = Logistic.fit(
        [(r, _right(e)) for e, r in about],
        start and start[1],
        [e.weight for e, _ in about] if any(e.weight != 1.0 for e, _ in about) else None,
    )
    return relevance, right


def _logistic(data: dict[str, list[float]]) -> Logistic:
    return Logistic(tuple(data["weights"]), tuple(data["means"]), tuple(data["scales"]))


def _choice_threshold(scored: list[tuple[float, Example]], off_topic: float) -> float:
    """The lowest probability cut whose utility of saying anything at all is within
    NEAR_TIE of the best (and above saying nothing), while answering at most
    OFF_TOPIC_SHARE of the `off_topic` training messages (each example counted its weight)."""
    off_topic = off_topic or 1
    value, answered = 0.0, 0.0
    values: list[tuple[float, float]] = []
    for probability, example in scored:
        if example.topic is None:
            value -= OFF_TOPIC_COST * example.weight
            answered += example.weight
            if answered / off_topic > OFF_TOPIC_SHARE:
                break
        elif _right(example):
            value += example.weight
        else:
            value -= WRONG_COST * example.weight
        values.append((probability, value))
    best = max((v for _, v in values), default=0.0)
    near = [p for p, v in values if v > 0 and v >= best - NEAR_TIE]
    return min(near, default=1.0)


def _answer_threshold(scored: list[tuple[float, Example]]) -> float:
    """The lowest cut at which answers given directly are still ANSWER_PRECISION right."""
    cut, right = 1.0, 0
    for total, (probability, example) in enumerate(scored, 1):
        right += _right(example)
        if right / total >= ANSWER_PRECISION:
            cut = probability
    return cut


def _right(example: Example) -> bool:
    return example.topic is not None and example.ranked[0].article.id == example.topic


def _standardise(
    values: Sequence[float], means: Sequence[float], scales: Sequence[float]
) -> list[float]:
    return [(v - m) / s for v, m, s in zip(values, means, scales, strict=True)]


def _dot(weights: Sequence[float], values: Sequence[float]) -> float:
    return sum(w * v for w, v in zip(weights, values, strict=True))


def _sigmoid(value: float) -> float:
    if value < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-value))
