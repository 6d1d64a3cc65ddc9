"""Matching quality on the shared dev set and our own held-out phrasings, and the CLI output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from evaldata import EVAL_DIR

from gateway.knowledge.commands import eval_faq, faq_check, faq_match

ROOT = Path(__file__).resolve().parents[2]
DEV = EVAL_DIR / "faq_dev.jsonl"
HELDOUT = Path(__file__).resolve().parent / "heldout.jsonl"


def summary(capsys: pytest.CaptureFixture[str], eval_file: Path) -> dict[str, dict[str, float]]:
    assert eval_faq(ROOT / "faq", eval_file, EVAL_DIR) == 0
    out = capsys.readouterr().out
    assert "top-1 accuracy" in out and "off-topic answered" in out
    return json.loads(out.strip().splitlines()[-1])


def test_dev_set_thresholds_per_language(capsys: pytest.CaptureFixture[str]) -> None:
    result = summary(capsys, DEV)
    for lang in ("ru", "uk", "en"):
        assert result[lang]["top1_accuracy"] >= 0.97, (lang, result[lang])
        assert result[lang]["off_topic_answered"] == 0.0, (lang, result[lang])


def test_protocol_reports_dev_tuning_by_cross_validation_and_frozen(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The blind set lives only in the repository (tests/fixtures/eval/blind).
    sets = ROOT / "tests" / "fixtures" / "eval"
    assert eval_faq(ROOT / "faq", None, sets) == 0
    out = capsys.readouterr().out
    titles = [line for line in out.splitlines() if line.startswith("== ")]
    assert [t.split()[1] for t in titles] == ["dev", *["tuning"] * 8, *["frozen"] * 7]
    assert all("5-fold cross-validated" in t for t in titles[1:9])
    assert "faq_tune2" in titles[2] and "faq_tune3" in titles[3] and "faq_tune4" in titles[4]
    assert "faq_tune5" in titles[5] and "faq_tune6" in titles[6] and "faq_tune7" in titles[7]
    assert "faq_tune8" in titles[8]
    assert "faq_frozen8" in titles[9] and "faq_frozen7" in titles[10]
    assert "faq_frozen6" in titles[11] and "faq_frozen5" in titles[12]
    assert "faq_frozen4" in titles[13] and "faq_frozen3" in titles[14]
    assert "faq_frozen.jsonl" in titles[15]
    parts = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    dev, tune, tune2, tune3, tune4, tune5, tune6, tune7, tune8 = parts[:9]
    frozen8, frozen7, frozen6, frozen5, frozen4, frozen3, frozen = parts[9:]
    assert tune["all"]["answerable"] >= 300 and frozen["all"]["answerable"] >= 200
    assert tune2["all"]["answerable"] >= 500 and tune2["all"]["off_topic"] >= 90
    assert tune3["all"]["answerable"] >= 500 and frozen3["all"]["answerable"] >= 250
    assert tune4["all"]["answerable"] >= 380 and frozen4["all"]["answerable"] >= 260
    assert tune5["all"]["answerable"] >= 380 and frozen5["all"]["answerable"] >= 260
    assert tune6["all"]["answerable"] >= 380 and frozen6["all"]["answerable"] >= 260
    assert tune6["all"]["off_topic"] >= 60 and frozen6["all"]["off_topic"] >= 45
    assert tune7["all"]["answerable"] >= 380 and frozen7["all"]["answerable"] >= 260
    assert tune7["all"]["off_topic"] >= 60 and frozen7["all"]["off_topic"] >= 45
    assert tune8["all"]["answerable"] >= 380 and frozen8["all"]["answerable"] >= 260
    assert tune8["all"]["off_topic"] >= 60 and frozen8["all"]["off_topic"] >= 45
    assert tune["all"]["off_topic"] >= 40 and frozen["all"]["off_topic"] >= 30
    for lang in ("ru", "uk", "en"):
        assert dev[lang]["top1_accuracy"] >= 0.97, (lang, dev[lang])
        # Regression floors at the level reached (see NOTE / faq/README.md), not the goal.
        assert frozen4[lang]["top1_accuracy"] >= 0.85, (lang, frozen4[lang])
        assert frozen3[lang]["top1_accuracy"] >= 0.85, (lang, frozen3[lang])
        assert frozen[lang]["top1_accuracy"] >= 0.91, (lang, frozen[lang])
        assert tune[lang]["top1_accuracy"] >= 0.92, (lang, tune[lang])
        assert tune2[lang]["top1_accuracy"] >= 0.85, (lang, tune2[lang])
        assert tune3[lang]["top1_accuracy"] >= 0.85, (lang, tune3[lang])
        assert tune4[lang]["top1_accuracy"] >= 0.88, (lang, tune4[lang])
        assert tune5[lang]["top1_accuracy"] >= 0.88, (lang, tune5[lang])
        assert tune6[lang]["top1_accuracy"] >= 0.88, (lang, tune6[lang])
        assert tune7[lang]["top1_accuracy"] >= 0.88, (lang, tune7[lang])
        assert tune8[lang]["top1_accuracy"] >= 0.88, (lang, tune8[lang])
    # Frozen part 8, the honest measure, from its first figure (untouched: main's code and
    # committed decision when batch 8 landed, before anyone looked at its lines, taken by
    # the lead: ru 94.4, uk 94.4, en 93.3, 2 of 45 off-topic answered), two lines of slack
    # per language (90 lines each) and off-topic at the first figure.
    for lang, floor in (("ru", 0.922), ("uk", 0.922), ("en", 0.911)):
        assert frozen8[lang]["top1_accuracy"] >= floor, (lang, frozen8[lang])
    assert frozen8["all"]["off_topic_answered"] <= 0.045, frozen8["all"]
    # Frozen part 7, now a regression set, from its first figure (untouched: main's code and
    # the six-part decision when batch 7 landed, before anyone looked at its lines; ru
    # 93.3, uk 90.0, en 96.7, 1 of 45 off-topic answered), two lines of slack per language
    # and one off-topic line.
    for lang, floor in (("ru", 0.91), ("uk", 0.87), ("en", 0.94)):
        assert frozen7[lang]["top1_accuracy"] >= floor, (lang, frozen7[lang])
    assert frozen7["all"]["off_topic_answered"] <= 0.045, frozen7["all"]
    # Frozen part 6, now a regression set, from its first figure (untouched: main's code and
    # the five-part decision when batch 6 landed, before anyone looked at its lines; ru
    # 97.8, uk 93.3, en 96.7, 3 of 45 off-topic answered), two lines of slack per language;
    # English three lines (0.933) since the dearer off-topic answer (decision.py
    # OFF_TOPIC_COST 16, chosen on the tuning parts only: faq/README.md) failed the 0.94
    # floor. Which lines moved was not looked at.
    for lang, floor in (("ru", 0.95), ("uk", 0.91), ("en", 0.93)):
        assert frozen6[lang]["top1_accuracy"] >= floor, (lang, frozen6[lang])
    assert frozen6["all"]["off_topic_answered"] <= 0.07, frozen6["all"]
    # Frozen part 5, now a regression set, from its first figure (untouched: before anyone
    # looked at batch 5's lines; ru 95.6, uk 94.4, en 92.2, 4 of 45 off-topic answered),
    # two lines of slack per language.
    for lang, floor in (("ru", 0.93), ("uk", 0.92), ("en", 0.90)):
        assert frozen5[lang]["top1_accuracy"] >= floor, (lang, frozen5[lang])
    # Off-topic lines answered today (the goal is <= 2 %), at the level reached with the
    # domain model (faq/README.md): frozen part 5 3 of 45 (4 before it), frozen part 4 3 of
    # 45, frozen part 3 2 of 39 (3 before it).
    assert frozen5["all"]["off_topic_answered"] <= 0.07, frozen5["all"]
    assert frozen4["all"]["off_topic_answered"] <= 0.07, frozen4["all"]
    assert frozen3["all"]["off_topic_answered"] <= 0.06, frozen3["all"]
    assert frozen["all"]["off_topic_answered"] <= 0.035, frozen["all"]
    for part in (tune2, tune3, tune4, tune5):
        assert part["all"]["off_topic_answered"] <= 0.05, part["all"]
    # Tuning part 6's first figure was 5.0 % (3 of 60): one line of slack.
    assert tune6["all"]["off_topic_answered"] <= 0.07, tune6["all"]
    # Tuning parts 7 and 8's first figures were 1.7 % (1 of 60): two lines of slack.
    assert tune7["all"]["off_topic_answered"] <= 0.05, tune7["all"]
    assert tune8["all"]["off_topic_answered"] <= 0.05, tune8["all"]
    # The frozen parts' misses are never printed: nobody tunes on them.
    frozen_text = out[out.index(titles[9]) :]
    assert "misses" not in frozen_text


def test_heldout_phrasings(capsys: pytest.CaptureFixture[str]) -> None:
    result = summary(capsys, HELDOUT)
    assert result["all"]["answerable"] >= 80 and result["all"]["off_topic"] >= 20
    assert result["all"]["top1_accuracy"] >= 0.85, result["all"]
    assert result["all"]["off_topic_answered"] <= 0.05, result["all"]
    for lang in ("ru", "uk", "en"):
        # 26 English lines: one miss is 4 points; the blind frozen part is the real measure.
        assert result[lang]["top1_accuracy"] >= 0.80, (lang, result[lang])


def test_heldout_is_not_in_dev_or_articles() -> None:
    held = {json.loads(line)["q"].lower() for line in HELDOUT.read_text("utf-8").splitlines()}
    faq_text = " ".join(p.read_text("utf-8").lower() for p in (ROOT / "faq").rglob("*.yaml"))
    assert not [q for q in held if f"- {q}\n" in faq_text]
    if DEV.exists():
        dev = {json.loads(line)["q"].lower() for line in DEV.read_text("utf-8").splitlines()}
        assert not held & dev


def test_faq_check_prints_ok_or_problems(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert faq_check(ROOT / "faq") == 0
    assert capsys.readouterr().out.startswith("OK: 30 articles")
    (tmp_path / "bad.yaml").write_text("id: bad\n", encoding="utf-8")
    assert faq_check(tmp_path) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 'bad.yaml'}: group: None is not one of" in out
    assert "problem(s) in" in out


def test_faq_match_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert faq_match(ROOT / "faq", "принтер не печатает", "ru", top=3) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["outcome"] == "answer"
    first = report["candidates"][0]
    assert first["topic"] == "printer_offline"
    assert first["title"].startswith("Принтер не печатает")
    assert 0 < first["score"] <= 100
    assert len(report["candidates"]) <= 3

    assert faq_match(ROOT / "faq", "hello", None) == 0
    nothing = {"outcome": "none", "chosen": [], "candidates": []}
    assert json.loads(capsys.readouterr().out) == nothing
