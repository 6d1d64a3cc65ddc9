"""The fitted decision: where its "say anything" cut falls, from labelled rankings."""

from __future__ import annotations

from gateway.knowledge.articles import LANGUAGES, Article
from gateway.knowledge.decision import Example, fit
from gateway.knowledge.matcher import Matcher
from gateway.knowledge.ranker import Signals

ARTICLE = Article(
    id="printer_offline",
    group="hardware",
    kind="faq",
    answer_type="steps",
    link=None,
    title={lang: "Printer offline" for lang in LANGUAGES},
    answer={lang: "1. ..." for lang in LANGUAGES},
    questions={lang: ("printer offline",) for lang in LANGUAGES},
    keywords={lang: ("printer",) for lang in LANGUAGES},
)


def ranking(coverage: float) -> tuple[Signals, ...]:
    """One candidate whose signals differ only in how much of the message it explains."""
    return (
        Signals(
            article=ARTICLE,
            coverage=coverage,
            bm25=0.5,
            similarity=0.5,
            keyword=1.0,
            unknown=0.0,
            foreign=0.0,
            specific=coverage,
            unexplained=0.5,
            explained=0.5,
            outside=0.0,
            rank_score=coverage,
        ),
    )


def labelled(unranked_off_topic: int) -> list[Example]:
    right = [Example(ranking(0.5 + i / 120), ARTICLE.id) for i in range(60)]
    # Two off-topic near-misses explained as well as most right messages; ten far off.
    near = [Example(ranking(c), None) for c in (0.9, 0.95)]
    far = [Example(ranking(0.1 + i / 100), None) for i in range(10)]
    # Off-topic messages no article has any evidence for ("спасибо", "what's for lunch").
    silent = [Example((), None) for _ in range(unranked_off_topic)]
    return [*right, *near, *far, *silent]


def test_the_off_topic_share_counts_messages_nothing_ranked() -> None:
    # 2 of 100 off-topic messages answered is the 2 % allowed, so the cut may go below
    # the near-misses and a message explained as well as most right ones gets an offer.
    # Counted among only the 12 ranked ones, 2 would be 17 %: the cut stays above them and
    # the same message gets nothing.
    message = ranking(0.75)
    honest = Matcher([ARTICLE], fit(labelled(unranked_off_topic=88)))
    assert honest.decide(message).outcome != "none"
    assert honest.decide(ranking(0.15)).outcome == "none"
    few = Matcher([ARTICLE], fit(labelled(unranked_off_topic=0)))
    assert few.decide(message).outcome == "none"
