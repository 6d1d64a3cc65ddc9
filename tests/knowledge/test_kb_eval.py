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
    assert eval_faq(ROOT / "faq", eval_file) == 0
    out = capsys.readouterr().out
    assert "top-1 accuracy" in out and "off-topic answered" in out
    return json.loads(out.strip().splitlines()[-1])


def test_dev_set_thresholds_per_language(capsys: pytest.CaptureFixture[str]) -> None:
    result = summary(capsys, DEV)
    for lang in ("ru", "uk", "en"):
        assert result[lang]["top1_accuracy"] >= 0.90, (lang, result[lang])
        assert result[lang]["off_topic_answered"] <= 0.05, (lang, result[lang])


def test_heldout_phrasings(capsys: pytest.CaptureFixture[str]) -> None:
    result = summary(capsys, HELDOUT)
    assert result["all"]["answerable"] >= 80 and result["all"]["off_topic"] >= 20
    assert result["all"]["top1_accuracy"] >= 0.90, result["all"]
    assert result["all"]["off_topic_answered"] <= 0.05, result["all"]
    for lang in ("ru", "uk", "en"):
        assert result[lang]["top1_accuracy"] >= 0.85, (lang, result[lang])


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
