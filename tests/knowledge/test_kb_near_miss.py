"""Our own near-miss probes (tests/fixtures/eval/faq_near_miss.jsonl, written for issue 12,
in no blind set): 64 messages about other trades' equipment that shows an error, hangs or
will not start ("токарный станок в цеху не запускается", "the piano keyboard has a dead
key"), and 60 IT messages with the same verbs and a place or a trade in front of the IT
thing ("складской принтер пишет ошибку", "the lab keyboard doesn't respond"), ru / uk / en
alike. They guard the quietness work against losing ground on either side."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gateway.knowledge.evaluation import evaluate, load_cases
from gateway.knowledge.loader import load_articles
from gateway.knowledge.matcher import Matcher

ROOT = Path(__file__).resolve().parents[2]
NEAR_MISSES = ROOT / "tests" / "fixtures" / "eval" / "faq_near_miss.jsonl"
# A second, held-out probe (2026-12-03, i12-quiet9), written before any change was measured
# on it and never tuned on: 45 near-misses of trades in neither the first probe nor the blind
# README's workplaces of that day (a sawmill, a loom, a kiln, a hearing aid, a ski lift ...),
# 45 IT lines of the same trades with the same failure verbs, 15 of each per language.
NEAR_MISSES2 = ROOT / "tests" / "fixtures" / "eval" / "faq_near_miss2.jsonl"
# A third (2026-12-03, session 12, i12-quiet12), written the same way before any change of
# that session was measured on it: 61 near-misses of trades in no earlier probe, tuning part
# or blind workplace list (a banknote counter, a solarium, a karaoke bar, a golf cart, a
# sauna heater, a stadium scoreboard ...), 45 IT lines of the same trades, 15 per language.
NEAR_MISSES3 = ROOT / "tests" / "fixtures" / "eval" / "faq_near_miss3.jsonl"
# A fourth (2026-12-03, session 13, i12-quiet13), written the same way: 61 near-misses of
# trades in no earlier probe (a juicer, a combine, an infusion pump, a snow cannon, a
# jukebox ...), 45 IT lines naming those workplaces or an everyday failure verb ("зламалась
# мишка", "клава сдохла", "the scanner at the till broke"), 15 per language.
NEAR_MISSES4 = ROOT / "tests" / "fixtures" / "eval" / "faq_near_miss4.jsonl"
# A fifth (2026-12-03, session 14, i12-quiet14), committed before any change of that session
# was measured on it: 44 near-misses of word senses (an article's word of another trade's
# thing: a patient monitor, a gas water heater's колонка, an organ's keyboard, a wheelie
# bin ...) and 30 IT lines with the same words of IT things, 10 per language.
NEAR_MISSES5 = ROOT / "tests" / "fixtures" / "eval" / "faq_near_miss5.jsonl"


@pytest.mark.parametrize(
    ("path", "least_off", "on_each"),
    [
        (NEAR_MISSES, 20, 20),
        (NEAR_MISSES2, 15, 15),
        (NEAR_MISSES3, 20, 15),
        (NEAR_MISSES4, 20, 15),
        (NEAR_MISSES5, 14, 10),
    ],
)
def test_the_probe_sets_are_balanced_over_languages_and_sides(
    path: Path, least_off: int, on_each: int
) -> None:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert all(set(line) == {"q", "lang", "topic"} for line in lines)
    for lang in ("ru", "uk", "en"):
        off = sum(line["lang"] == lang and line["topic"] is None for line in lines)
        on = sum(line["lang"] == lang and line["topic"] is not None for line in lines)
        assert off >= least_off and on == on_each, (lang, off, on)


def test_near_misses_answered_and_their_it_twins_at_the_level_reached() -> None:
    # The committed decision on 2026-12-02 (session 8): 11 of 64 near-misses answered
    # (ru 2 of 22, uk 3 of 20, en 6 of 22), 57 of 60 IT lines right first. The goal is
    # <= 2 % off-topic answered; these are floors, not the goal.
    tallies = evaluate(Matcher(load_articles(ROOT / "faq")), load_cases(NEAR_MISSES))
    assert tallies["all"].off_topic == 64 and tallies["all"].answerable == 60
    assert tallies["all"].wrongly_answered <= 11, tallies["all"].misses
    assert tallies["all"].top1 >= 57, tallies["all"].misses


def test_the_held_out_probe_at_its_first_figure() -> None:
    # Its first figure, main's code and committed decision of 2026-12-03 (0e336f3): 6 of 45
    # near-misses answered (ru 1, uk 1, en 4), 40 of 45 IT lines right first.
    tallies = evaluate(Matcher(load_articles(ROOT / "faq")), load_cases(NEAR_MISSES2))
    assert tallies["all"].off_topic == 45 and tallies["all"].answerable == 45
    assert tallies["all"].wrongly_answered <= 6, tallies["all"].misses
    assert tallies["all"].top1 >= 40, tallies["all"].misses


def test_the_third_probe_at_its_first_figure() -> None:
    # Its first figure, main's code and committed decision of 2026-12-03 (08f9ca7): 12 of 61
    # near-misses answered (ru 2, uk 4, en 6; 2 of them as choices), 42 of 45 IT lines
    # right first.
    tallies = evaluate(Matcher(load_articles(ROOT / "faq")), load_cases(NEAR_MISSES3))
    assert tallies["all"].off_topic == 61 and tallies["all"].answerable == 45
    assert tallies["all"].wrongly_answered <= 12, tallies["all"].misses
    assert tallies["all"].top1 >= 42, tallies["all"].misses


def test_the_fourth_probe_at_its_first_figure() -> None:
    # Its first figure, main's code and committed decision of 2026-12-03 (dadebed, decision
    # 8b0b0ba), before any change of session 13: 2 of 61 near-misses answered (ru 1, en 1),
    # 44 of 45 IT lines right first. Session 13's final refit (i12-quiet13, main 24d2579)
    # reads 3 of 61: one line more (a refit of the same tree without i12-quiet13's stranger
    # changes reads 2; they answer one fewer line of faq_near_miss3 and of the tuning parts).
    tallies = evaluate(Matcher(load_articles(ROOT / "faq")), load_cases(NEAR_MISSES4))
    assert tallies["all"].off_topic == 61 and tallies["all"].answerable == 45
    assert tallies["all"].wrongly_answered <= 3, len(tallies["all"].misses)
    assert tallies["all"].top1 >= 44, tallies["all"].misses


def test_the_fifth_probe_at_its_first_figure() -> None:
    # Its first figure, main's code and committed decision of 2026-12-03 (d68472f), before
    # any change of session 14: 12 of 44 near-misses answered (ru 5, uk 3, en 4), 29 of 30
    # IT lines right first. Only counts are printed: the probe stays held out.
    tallies = evaluate(Matcher(load_articles(ROOT / "faq")), load_cases(NEAR_MISSES5))
    assert tallies["all"].off_topic == 44 and tallies["all"].answerable == 30
    assert tallies["all"].wrongly_answered <= 12, tallies["all"].wrongly_answered
    assert tallies["all"].top1 >= 29, tallies["all"].top1
