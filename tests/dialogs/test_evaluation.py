"""`eval dialogs`: the shared development scenarios all pass; failures are reported."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from evaldata import EVAL_DIR

from gateway.config import Settings
from gateway.dialogs.evaluation import ScenarioError, eval_dialogs, load_scenarios

SCENARIOS = EVAL_DIR / "dialogs_dev.yaml"


async def test_dev_scenarios_all_pass(settings: Settings) -> None:
    out = io.StringIO()
    status = await eval_dialogs(settings, SCENARIOS, out)
    report = out.getvalue()
    assert status == 0, report
    assert report.count("PASS  ") == len(load_scenarios(SCENARIOS))
    assert "FAIL" not in report


async def run_failing(settings: Settings, path: Path, scenario: str) -> str:
    """Play a one-scenario file that must fail; the report."""
    path.write_text("scenarios:\n" + scenario, encoding="utf-8")
    out = io.StringIO()
    assert await eval_dialogs(settings, path, out) == 1
    return out.getvalue()


async def test_a_failing_scenario_is_reported(settings: Settings, tmp_path: Path) -> None:
    report = await run_failing(
        settings,
        tmp_path / "wrong.yaml",
        "  - name: printer goes to the wrong group\n"
        '    say: "не печатает принтер, пишет что offline"\n'
        "    expect: {outcome: ticket, group: email, max_questions: 0}\n",
    )
    assert "FAIL  printer goes to the wrong group:" in report
    assert "group hardware, expected email" in report
    assert "questions asked" in report
    assert "0/1 scenarios passed" in report


def test_bad_scenario_files_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("scenarios:\n  - name: x\n    expect: {outcome: ticket}\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match="scenario 1: needs a 'say' text"):
        load_scenarios(bad)
    bad.write_text("scenarios:\n  - say: hi\n    expect: {outcome: maybe}\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"expect\.outcome"):
        load_scenarios(bad)


def _blind(name: str) -> Path:
    # The blind sets live only in the repository (tests/fixtures/eval/blind).
    return Path(__file__).resolve().parents[1] / "fixtures" / "eval" / "blind" / name


@pytest.mark.parametrize(
    ("name", "floor"), [("dialogs_tune.yaml", 42), ("dialogs_frozen.yaml", 30)]
)
async def test_blind_scenarios_never_ask_for_what_was_given(
    settings: Settings, name: str, floor: int
) -> None:
    out = io.StringIO()
    await eval_dialogs(settings, _blind(name), out)
    report = out.getvalue()
    assert "questions asked that were already answered: 0\n" in report, report
    passed = int(report.split("\n\n")[-1].split("/")[0])
    # A regression floor at the level reached (see the NOTE), not the goal of 100%.
    assert passed >= floor, report


async def test_the_new_expectations_are_checked(settings: Settings, tmp_path: Path) -> None:
    report = await run_failing(
        settings,
        tmp_path / "wrong.yaml",
        "  - name: rich first message, exact count\n"
        "    kind: rich_first\n"
        '    say: "при проведении накладной ошибка ZX-417"\n'
        "    expect: {outcome: ticket, max_questions: 2, not_asked: [error, tried],"
        " reply_lang: en}\n",
    )
    assert "exactly 2 expected" in report  # tried, product, os, since were asked: 4
    assert "asked again for what was already given: ['tried']" in report
    assert "last reply in ru, expected en" in report
    assert "questions asked that were already answered: 1" in report
