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


# Each tuning part's 5-fold cross-validated figures as measured (faq/README.md, "Evaluation
# protocol"): right first answers of answerable lines per language (ru, uk, en), and
# off-topic lines answered of all off-topic ones. A change may lose at most SLACK lines in a
# language of a part, and answer at most SLACK more off-topic lines of a part: the noise of
# a refit or of a fix elsewhere, not a fixed old goal. Measured 2026-12-04 with batch 18 in
# the protocol (the sixteenth tuning part; i12-uk18, main 1c2c19a's code; the figures do not
# read the committed decision): pooled 5867 of 6018, 3 of 904 off-topic answered; left out
# 5872, 4 of 904. Then i12-sense18's secrets of what they open (main 423c5d3's code + it):
# pooled 5871, 4 of 904; left out 5869, 4 of 904. Then the problem clause (i12-clause18, main
# 5737ff9's code + it, 13:44-14:05 UTC): pooled 5872, 4 of 904; left out 5877, 4 of 904.
# With batch 19 in (the seventeenth tuning part; the lead, main 7b5e467's code, 15:45 UTC):
# pooled 6192 of 6348, 6 of 949; left out 6195, 5 of 949. Then what works after the problem
# ruled out (i12-uk19, main 4e20449's code + it, 15:54-16:06 UTC): pooled 6196, 6 of 949;
# left out 6198, 5 of 949. With batch 20 in (the eighteenth tuning part; the lead, main
# ad27bee's code = 13f629a's, 22:00-22:08 UTC): pooled 6517 of 6678, 4 of 994; left out 6516,
# 5 of 994. At session 21's end (main 5c174a2's code, the lead, 00:05-00:09 UTC): pooled 6537,
# 6 of 994; left out 6535, 5 of 994; faq_tune18's Ukrainian lost 3 lines (116 -> 113) in its
# folds to the session's Ukrainian readings while the pooled Ukrainian rose 2345 -> 2360: a
# trade the lead kept (every frozen part's sum rose 4069 -> 4080). With batch 21 in (the
# nineteenth tuning part; the lead, main 21097f1's code, 01:16-01:23 UTC on 2026-12-05): pooled
# 6867 of 7008, 5 of 1039; left out 6869, 5 of 1039. At session 22's end (main 8b4b769's code,
# the lead, 03:02-03:07 UTC): pooled 6855, 4 of 1039; left out 6850, 4 of 1039; faq_tune6's
# Ukrainian lost 3 lines (146 -> 143) in its folds, all now decided "none" by the refitted
# fold decisions, after the session's Ukrainian readings (51e5022, e48bb6d, db40861): a trade
# the lead kept while every frozen part's sum rose 4330 -> 4344 and the sealed faq_frozen21
# 250 -> 253. With batch 22 in (the twentieth tuning part; the lead, main 5e08a02's code,
# 04:32-04:42 UTC on 2026-12-05): pooled 7188 of 7338, 5 of 1084; left out 7177, 5 of 1084.
# At session 23's end (main 5591b1f's code, the lead, 06:09-06:18 UTC): pooled 7183, 7 of
# 1084; left out 7186, 5 of 1084. faq_tune18's Ukrainian lost 3 lines (117 -> 114) in its
# folds, all now decided "none" by refitted fold decisions whose "say anything" cut moves
# between two levels (i12-fit23's trace, faq/README.md); the committed decision reads those
# lines as before (none). A trade the lead kept: left out rose 7177 -> 7186, every older
# frozen part's sum 4344 -> 4350. With batch 23 in (the twenty-first tuning part; the lead,
# main 44c3d2a's code, 07:45-08:00 UTC): pooled 7507 of 7668, 6 of 1129; left out 7498, 8 of
# 1129. With batch 24 in (the twenty-second tuning part; the lead, main aa5fd34's code,
# 10:47-11:08 UTC): pooled 7837 of 8028, 6 of 1174; left out 7830, 6 of 1174. With batch 25 in
# (the twenty-third tuning part; the lead, main a4084c5's code, 13:50-14:04 UTC): pooled 8147 of
# 8388, 6 of 1219; left out 8140, 5 of 1219. At session 26's end (main bd0c60ba's code, the
# lead, 15:22-15:27 UTC): pooled 8151, 7 of 1219; left out 8157, 5 of 1219. With batch 26 in
# (the twenty-fourth tuning part; the lead, main e170381d's code, 17:07-17:25 UTC): pooled 8463
# of 8658, 7 of 1264; left out 8457, 6 of 1264. At session 27's end (main c5f99892's code, the
# lead, 18:45-18:50 UTC): pooled 8477, 6 of 1264; left out 8469, 6 of 1264. With batch 27 in
# (the twenty-fifth tuning part; the lead, main 27b8edd5's code, 20:13-20:38 UTC): pooled 8782
# of 8988, 7 of 1309; left out 8785, 6 of 1309. At session 28's end (main 2391a37e's code, the
# lead, 21:57-22:00 UTC): pooled 8798, 5 of 1309; left out 8800, 6 of 1309. With batch 28 in
# (the twenty-sixth tuning part; the lead, main b3fa7a0d's code, 23:23-23:50 UTC): pooled 9119
# of 9318, 5 of 1354; left out 9115, 5 of 1354. At session 29's end (main 9b1d2ba4's code, the
# lead, 01:01-01:05 UTC; d15add35 after it reads no readable line differently): pooled 9140,
# 5 of 1354; left out 9139, 5 of 1354. With batch 29 in (the twenty-seventh tuning part; the
# lead, main 8437bb20's code, 02:52-03:21 UTC): pooled 9453 of 9648, 5 of 1399; left out 9457,
# 5 of 1399. At session 30's end (main b4b5df91's code, the lead, 04:32-04:40
# UTC): pooled 9471, 6 of 1399; left out 9474, 5 of 1399. With batch 30 in (the twenty-eighth
# tuning part; the lead, main aa94b5d2's code, 06:08-06:42 UTC): pooled 9777 of 9978, 6 of 1444;
# left out 9781, 6 of 1444. At session 31's end (main 7b374f93's code, the lead, 07:54-08:03
# UTC): pooled 9810, 5 of 1444; left out 9810, 5 of 1444. With batch 31 in (the twenty-ninth
# tuning part; the lead, main 3fc2cfb1's code, 09:02-09:38 UTC): pooled 10140 of 10308, 6 of
# 1489; left out 10141, 6 of 1489. At session 32's end (main ea97b562's code, the lead,
# 10:42-10:47 UTC): pooled 10143, 6 of 1489; left out 10144, 6 of 1489. With batch 32 in (the
# thirtieth tuning part; the lead, main 4cf6471c's code, 12:19-12:40 UTC): pooled 10469 of
# 10638, 7 of 1534; left out 10468, 7 of 1534. At session 33's end (main 5661ec59's code, the
# lead, 13:41-13:49 UTC): pooled 10480, 8 of 1534; left out 10477, 8 of 1534. With batch 33 in
# (the thirty-first tuning part; the lead, main b1db89ad's code, 15:23-15:48 UTC): pooled 10796
# of 10968, 6 of 1579; left out 10794, 7 of 1579. At session 34's end (main e28a640a's code, the
# lead, 16:55-17:04 UTC): pooled 10802, 6 of 1579; left out 10800, 7 of 1579. With batch 34 in
# (the thirty-second tuning part; the lead, main 338792d7's code, 18:43-19:09 UTC): pooled 11119
# of 11298, 7 of 1624; left out 11119, 8 of 1624. At session 35's end (main 04915c53's code, the
# lead, 20:03-20:12 UTC): pooled 11123, 7 of 1624; left out 11123, 7 of 1624. With batch 35 in
# (the thirty-third tuning part; the lead, main bfc7a520's code, 22:02-22:45 UTC): pooled 11443
# of 11628, 7 of 1669; left out 11442, 7 of 1669. At session 36's end (main adb09d9c's code, the
# lead, 23:46-23:54 UTC): pooled 11449, 7 of 1669; left out 11447, 7 of 1669. With batch 36 in
# (the thirty-fourth tuning part; the lead, main 01338dd0's code, 01:25-01:35 UTC): pooled 11760
# of 11958, 7 of 1714; left out 11762, 7 of 1714. At session 37's end (main 13874215's code, the
# lead, 02:59-03:10 UTC): pooled 11761, 8 of 1714; left out 11762, 8 of 1714. With batch 37 in
# (the thirty-fifth tuning part; the lead, main cc625297's code, 04:30-05:06 UTC): pooled 12081
# of 12288, 8 of 1759; left out 12080, 8 of 1759. At session 38's end (main 7a972b1b's code, the
# lead, 05:58-06:08 UTC): pooled 12103, 7 of 1759; left out 12104, 7 of 1759. With batch 38 in
# (the thirty-sixth tuning part; the lead, main 3b1444df's code, 08:05-08:17 UTC): pooled 12434
# of 12618, 7 of 1804; left out 12434, 7 of 1804. At session 39's end (main 806e88a5's code, the
# lead, 09:31-09:42 UTC): pooled 12437, 7 of 1804; left out 12435, 7 of 1804. With batch 39 in
# (the thirty-seventh tuning part; the lead, main b4b2a00f's code, 11:01-11:15 UTC): pooled 12758
# of 12948, 7 of 1849; left out 12759, 7 of 1849. At session 40's end (main 81179225's code, the
# lead, 12:39-12:50 UTC): pooled 12752, 7 of 1849; left out 12749, 7 of 1849. With batch 40 in
# (the thirty-eighth tuning part; the lead, main 0d3132f9's code, 14:40-15:06 UTC): pooled 13089
# of 13278, 8 of 1894; left out 13086, 8 of 1894. At session 41's end (main 4d78e05e's code, the
# lead, 15:57-16:27 UTC): pooled 13089, 7 of 1894; left out 13088, 7 of 1894. With batch 41 in
# (the thirty-ninth tuning part; the lead, main b1233ddf's code, 18:47-19:20 UTC): pooled 13408
# of 13608, 7 of 1939; left out 13409, 8 of 1939. At session 42's end (main af30a4dc's code, the
# lead, 19:47-20:14 UTC): pooled 13424, 8 of 1939; left out 13423, 8 of 1939.
TUNING_MEASURED = {
    "faq_tune.jsonl": (((138, 139), (105, 107), (109, 110)), (0, 48)),
    "faq_tune2.jsonl": (((189, 194), (177, 181), (186, 187)), (1, 100)),
    "faq_tune3.jsonl": (((175, 180), (177, 180), (175, 180)), (0, 81)),
    "faq_tune4.jsonl": (((119, 120), (148, 150), (119, 120)), (0, 60)),
    "faq_tune5.jsonl": (((119, 120), (149, 150), (118, 120)), (0, 60)),
    "faq_tune6.jsonl": (((120, 120), (147, 150), (119, 120)), (0, 60)),
    "faq_tune7.jsonl": (((118, 120), (147, 150), (119, 120)), (1, 60)),
    "faq_tune8.jsonl": (((119, 120), (147, 150), (120, 120)), (1, 60)),
    "faq_tune9.jsonl": (((120, 120), (150, 150), (120, 120)), (1, 60)),
    "faq_tune11.jsonl": (((60, 60), (89, 90), (90, 90)), (0, 45)),
    "faq_tune12.jsonl": (((90, 90), (118, 120), (120, 120)), (0, 45)),
    "faq_tune14.jsonl": (((90, 90), (120, 120), (120, 120)), (0, 45)),
    "faq_tune15.jsonl": (((90, 90), (116, 120), (119, 120)), (1, 45)),
    "faq_tune16.jsonl": (((89, 90), (118, 120), (119, 120)), (0, 45)),
    "faq_tune17.jsonl": (((90, 90), (119, 120), (117, 120)), (0, 45)),
    "faq_tune18.jsonl": (((90, 90), (117, 120), (120, 120)), (0, 45)),
    "faq_tune19.jsonl": (((90, 90), (119, 120), (119, 120)), (0, 45)),
    "faq_tune20.jsonl": (((89, 90), (118, 120), (117, 120)), (0, 45)),
    "faq_tune21.jsonl": (((87, 90), (118, 120), (119, 120)), (0, 45)),
    "faq_tune22.jsonl": (((90, 90), (120, 120), (118, 120)), (0, 45)),
    "faq_tune23.jsonl": (((88, 90), (118, 120), (120, 120)), (0, 45)),
    "faq_tune24.jsonl": (((90, 90), (118, 120), (120, 120)), (0, 45)),
    "faq_tune25.jsonl": (((90, 90), (118, 120), (120, 120)), (0, 45)),
    "faq_tune26.jsonl": (((89, 90), (119, 120), (117, 120)), (0, 45)),
    "faq_tune27.jsonl": (((90, 90), (117, 120), (119, 120)), (0, 45)),
    "faq_tune28.jsonl": (((90, 90), (119, 120), (118, 120)), (0, 45)),
    "faq_tune29.jsonl": (((89, 90), (119, 120), (118, 120)), (1, 45)),
    "faq_tune30.jsonl": (((90, 90), (117, 120), (119, 120)), (0, 45)),
    "faq_tune31.jsonl": (((90, 90), (120, 120), (119, 120)), (1, 45)),
    "faq_tune32.jsonl": (((90, 90), (118, 120), (118, 120)), (1, 45)),
    "faq_tune33.jsonl": (((88, 90), (116, 120), (114, 120)), (0, 45)),
    "faq_tune34.jsonl": (((90, 90), (115, 120), (118, 120)), (0, 45)),
    "faq_tune35.jsonl": (((88, 90), (117, 120), (119, 120)), (0, 45)),
    "faq_tune36.jsonl": (((88, 90), (117, 120), (117, 120)), (0, 45)),
    "faq_tune37.jsonl": (((88, 90), (120, 120), (118, 120)), (0, 45)),
    "faq_tune38.jsonl": (((90, 90), (117, 120), (119, 120)), (0, 45)),
    "faq_tune39.jsonl": (((88, 90), (118, 120), (117, 120)), (0, 45)),
    "faq_tune40.jsonl": (((88, 90), (119, 120), (116, 120)), (0, 45)),
    "faq_tune41.jsonl": (((88, 90), (113, 120), (117, 120)), (0, 45)),
}
SLACK = 2
# Each part left out (decided by the other parts and dev only), pooled: right first answers
# in ru, uk, en, and off-topic lines answered (of 1939), as measured with TUNING_MEASURED;
# a language may lose SLACK lines for every other part, off-topic SLACK more lines.
LEFT_OUT_MEASURED = ((3864, 4853, 4706), 8)


def lines(figures: dict[str, float], share: str, of: str) -> int:
    """A share back as the number of lines it was counted from."""
    return round(figures[share] * figures[of])


def test_protocol_reports_dev_tuning_by_cross_validation_and_frozen(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The blind set lives only in the repository (tests/fixtures/eval/blind).
    sets = ROOT / "tests" / "fixtures" / "eval"
    assert eval_faq(ROOT / "faq", None, sets) == 0
    out = capsys.readouterr().out
    titles = [line for line in out.splitlines() if line.startswith("== ")]
    tuned = len(TUNING_MEASURED)
    reported = 2 * tuned + 2  # each part 5-fold and left out, then both pooled
    assert [t.split()[1] for t in titles] == ["dev", *["tuning"] * reported, *["frozen"] * 37]
    tuning_titles, frozen_titles = titles[1 : tuned + 1], titles[reported + 1 :]
    left_out_titles, pooled_titles = titles[tuned + 1 : 2 * tuned + 1], titles[2 * tuned + 1 :]
    assert all("5-fold cross-validated" in t for t in tuning_titles)
    assert all("left out (one writer" in t for t in left_out_titles)
    for named_titles in (tuning_titles, left_out_titles):
        named = [t.split()[3].rsplit("/", 1)[1].rstrip(",") for t in named_titles]
        assert named == list(TUNING_MEASURED)
    assert "pooled, 5-fold" in pooled_titles[0] and "pooled, left out" in pooled_titles[1]
    frozen_names = [t.split()[3].rsplit("/", 1)[1].rstrip(",") for t in frozen_titles]
    assert frozen_names == [
        *(f"faq_frozen{n}.jsonl" for n in range(41, 13, -1)),
        *(f"faq_frozen{n}.jsonl" for n in (12, 9, 8, 7, 6, 5, 4, 3)),
        "faq_frozen.jsonl",
    ]
    parts = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    dev, tuning = parts[0], dict(zip(TUNING_MEASURED, parts[1 : tuned + 1], strict=True))
    left_out = dict(zip(TUNING_MEASURED, parts[tuned + 1 : 2 * tuned + 1], strict=True))
    pooled_folds, pooled_left_out = parts[2 * tuned + 1 : reported + 1]
    frozen41, frozen40, frozen39, frozen38 = parts[reported + 1 : -33]
    frozen37, frozen36, frozen35, frozen34, frozen33, frozen32, frozen31, frozen30 = parts[-33:-25]
    frozen29, frozen28, frozen27, frozen26, frozen25 = parts[-25:-20]
    frozen24, frozen23, frozen22, frozen21 = parts[-20:-16]
    frozen20, frozen19, frozen18 = parts[-16:-13]
    frozen17, frozen16, frozen15, frozen14, frozen12 = parts[-13:-8]
    frozen9, frozen8, frozen7, frozen6 = parts[-8:-4]
    frozen5, frozen4, frozen3, frozen = parts[-4:]
    for pooled, each in ((pooled_folds, tuning), (pooled_left_out, left_out)):
        for lang in ("all", "ru", "uk", "en"):
            assert pooled[lang]["answerable"] == sum(p[lang]["answerable"] for p in each.values())
            right = sum(lines(p[lang], "top1_accuracy", "answerable") for p in each.values())
            # The share is printed to 4 decimals: past 10,000 lines it no longer gives the
            # count back, so the count is turned into a share rather than the share into one.
            share = round(right / pooled[lang]["answerable"], 4)
            assert pooled[lang]["top1_accuracy"] == share, (lang, right, pooled)
    # Left out (the part's writer unseen by the decision), pooled, as measured: right first
    # answers per language and off-topic lines answered, with SLACK lines a part.
    (by_lang, off_answered) = LEFT_OUT_MEASURED
    for lang, right in zip(("ru", "uk", "en"), by_lang, strict=True):
        got = lines(pooled_left_out[lang], "top1_accuracy", "answerable")
        assert got >= right - SLACK * tuned // 2, (lang, got, right)
    answered = lines(pooled_left_out["all"], "off_topic_answered", "off_topic")
    assert answered <= off_answered + SLACK, (answered, off_answered)
    for name, (by_lang, (off_answered, off_topic)) in TUNING_MEASURED.items():
        part = tuning[name]
        for lang, (right, answerable) in zip(("ru", "uk", "en"), by_lang, strict=True):
            assert part[lang]["answerable"] == answerable, (name, lang, part[lang])
            got = lines(part[lang], "top1_accuracy", "answerable")
            assert got >= right - SLACK, (name, lang, f"{got} of {answerable}, measured {right}")
        assert part["all"]["off_topic"] == off_topic, (name, part["all"])
        answered = lines(part["all"], "off_topic_answered", "off_topic")
        assert answered <= off_answered + SLACK, (name, f"{answered} of {off_topic} answered")
    for part, answerable, off_topic in (
        (frozen41, 270, 45),
        (frozen40, 270, 45),
        (frozen39, 270, 45),
        (frozen38, 270, 45),
        (frozen37, 270, 45),
        (frozen36, 270, 45),
        (frozen35, 270, 45),
        (frozen34, 270, 45),
        (frozen33, 270, 45),
        (frozen32, 270, 45),
        (frozen31, 270, 45),
        (frozen30, 270, 45),
        (frozen29, 270, 45),
        (frozen28, 270, 45),
        (frozen27, 270, 45),
        (frozen26, 270, 45),
        (frozen25, 270, 45),
        (frozen24, 270, 45),
        (frozen23, 270, 45),
        (frozen22, 270, 45),
        (frozen21, 270, 45),
        (frozen20, 270, 45),
        (frozen19, 270, 45),
        (frozen18, 270, 45),
        (frozen17, 270, 45),
        (frozen16, 270, 45),
        (frozen15, 270, 45),
        (frozen14, 270, 45),
        (frozen12, 270, 45),
        (frozen9, 260, 45),
        (frozen8, 260, 45),
        (frozen7, 260, 45),
        (frozen6, 260, 45),
        (frozen5, 260, 0),
        (frozen4, 260, 0),
        (frozen3, 250, 0),
        (frozen, 200, 30),
    ):
        assert part["all"]["answerable"] >= answerable, part["all"]
        assert part["all"]["off_topic"] >= off_topic, part["all"]
    for lang in ("ru", "uk", "en"):
        assert dev[lang]["top1_accuracy"] >= 0.97, (lang, dev[lang])
        # Regression floors at the level reached (see NOTE / faq/README.md), not the goal.
        assert frozen4[lang]["top1_accuracy"] >= 0.85, (lang, frozen4[lang])
        assert frozen3[lang]["top1_accuracy"] >= 0.85, (lang, frozen3[lang])
        assert frozen[lang]["top1_accuracy"] >= 0.91, (lang, frozen[lang])
    # Frozen part 41, the honest measure, from its first figure (untouched: main b1233ddf's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 95.6, uk 97.8, en 97.8,
    # 0 of 45 off-topic answered), two lines of slack per language (90 lines each) and
    # off-topic at most 3 of 45.
    for lang, floor in (("ru", 0.933), ("uk", 0.955), ("en", 0.955)):
        assert frozen41[lang]["top1_accuracy"] >= floor, (lang, frozen41[lang])
    assert frozen41["all"]["off_topic_answered"] <= 0.067, frozen41["all"]
    # Frozen part 40, now a regression set, from its first figure (untouched: main 0d3132f9's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 94.4, uk 98.9, en 97.8,
    # 0 of 45 off-topic answered), two lines of slack per language (90 lines each) and
    # off-topic at most 3 of 45.
    for lang, floor in (("ru", 0.922), ("uk", 0.966), ("en", 0.955)):
        assert frozen40[lang]["top1_accuracy"] >= floor, (lang, frozen40[lang])
    assert frozen40["all"]["off_topic_answered"] <= 0.067, frozen40["all"]
    # Frozen part 39, now a regression set, from its first figure (untouched: main b4b2a00f's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 100.0, uk 95.6, en 93.3, 0 of 45
    # off-topic answered), two lines of slack per language (90 lines each) and off-topic at
    # most 3 of 45.
    for lang, floor in (("ru", 0.977), ("uk", 0.933), ("en", 0.911)):
        assert frozen39[lang]["top1_accuracy"] >= floor, (lang, frozen39[lang])
    assert frozen39["all"]["off_topic_answered"] <= 0.067, frozen39["all"]
    # Frozen part 38, now a regression set, from its first figure (untouched: main 3b1444df's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 96.7, uk 93.3, en 96.7, 1 of 45
    # off-topic answered), two lines of slack per language (90 lines each) and off-topic at
    # most 3 of 45.
    for lang, floor in (("ru", 0.944), ("uk", 0.911), ("en", 0.944)):
        assert frozen38[lang]["top1_accuracy"] >= floor, (lang, frozen38[lang])
    assert frozen38["all"]["off_topic_answered"] <= 0.067, frozen38["all"]
    # Frozen part 37, now a regression set, from its first figure (untouched: main cc625297's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 100.0, uk 94.4, en 93.3, 1 of 45
    # off-topic answered), two lines of slack per language (90 lines each) and off-topic at
    # most 3 of 45.
    for lang, floor in (("ru", 0.977), ("uk", 0.922), ("en", 0.911)):
        assert frozen37[lang]["top1_accuracy"] >= floor, (lang, frozen37[lang])
    assert frozen37["all"]["off_topic_answered"] <= 0.067, frozen37["all"]
    # Frozen part 36, now a regression set, from its first figure (untouched: main 01338dd0's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 98.9, uk 97.8, en 92.2, 2 of 45
    # off-topic answered), two lines of slack per language (90 lines each) and off-topic at
    # most 3 of 45.
    for lang, floor in (("ru", 0.966), ("uk", 0.955), ("en", 0.899)):
        assert frozen36[lang]["top1_accuracy"] >= floor, (lang, frozen36[lang])
    assert frozen36["all"]["off_topic_answered"] <= 0.067, frozen36["all"]
    # Frozen part 35, now a regression set, from its first figure (untouched: main bfc7a520's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 97.8, uk 95.6, en 94.4, 0 of 45
    # off-topic answered), two lines of slack per language (90 lines each) and off-topic at
    # most 3 of 45.
    for lang, floor in (("ru", 0.955), ("uk", 0.933), ("en", 0.922)):
        assert frozen35[lang]["top1_accuracy"] >= floor, (lang, frozen35[lang])
    assert frozen35["all"]["off_topic_answered"] <= 0.067, frozen35["all"]
    # Frozen part 34, now a regression set, from its first figure (untouched: main 338792d7's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 88.9, uk 93.3, en 93.3, 0 of 45
    # off-topic answered), two lines of slack per language (90 lines each) and off-topic at
    # most 3 of 45.
    for lang, floor in (("ru", 0.866), ("uk", 0.911), ("en", 0.911)):
        assert frozen34[lang]["top1_accuracy"] >= floor, (lang, frozen34[lang])
    assert frozen34["all"]["off_topic_answered"] <= 0.067, frozen34["all"]
    # Frozen part 33, now a regression set, from its first figure (untouched: main 10407f3d's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 94.4, uk 93.3, en 94.4, 0 of 45
    # off-topic answered), two lines of slack per language (90 lines each) and off-topic at
    # most 3 of 45.
    for lang, floor in (("ru", 0.922), ("uk", 0.911), ("en", 0.922)):
        assert frozen33[lang]["top1_accuracy"] >= floor, (lang, frozen33[lang])
    assert frozen33["all"]["off_topic_answered"] <= 0.067, frozen33["all"]
    # Frozen part 32, now a regression set, from its first figure (untouched: main 4cf6471c's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 96.7, uk 91.1, en 90.0, 0 of 45
    # off-topic answered), two lines of slack per language (90 lines each) and off-topic at
    # most 3 of 45.
    for lang, floor in (("ru", 0.944), ("uk", 0.888), ("en", 0.877)):
        assert frozen32[lang]["top1_accuracy"] >= floor, (lang, frozen32[lang])
    assert frozen32["all"]["off_topic_answered"] <= 0.067, frozen32["all"]
    # Frozen part 31, now a regression set, from its first figure (untouched: main 3fc2cfb1's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 96.7, uk 93.3, en 91.1, 0 of 45
    # off-topic answered), two lines of slack per language (90 lines each) and off-topic at
    # most 3 of 45.
    for lang, floor in (("ru", 0.944), ("uk", 0.911), ("en", 0.888)):
        assert frozen31[lang]["top1_accuracy"] >= floor, (lang, frozen31[lang])
    assert frozen31["all"]["off_topic_answered"] <= 0.067, frozen31["all"]
    # Frozen part 30, now a regression set, from its first figure (untouched: main aa94b5d2's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 94.4, uk 95.6, en 95.6, 0 of 45
    # off-topic answered), two lines of slack per language (90 lines each) and off-topic at
    # most 3 of 45.
    for lang, floor in (("ru", 0.922), ("uk", 0.933), ("en", 0.933)):
        assert frozen30[lang]["top1_accuracy"] >= floor, (lang, frozen30[lang])
    assert frozen30["all"]["off_topic_answered"] <= 0.067, frozen30["all"]
    # Frozen part 29, now a regression set, from its first figure (untouched: main 8437bb20's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 98.9, uk 94.4, en 91.1, 0 of 45
    # off-topic answered), two lines of slack per language (90 lines each) and off-topic at
    # most 3 of 45.
    for lang, floor in (("ru", 0.966), ("uk", 0.922), ("en", 0.888)):
        assert frozen29[lang]["top1_accuracy"] >= floor, (lang, frozen29[lang])
    assert frozen29["all"]["off_topic_answered"] <= 0.067, frozen29["all"]
    # Frozen part 28, now a regression set, from its first figure (untouched: main b3fa7a0d's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 90.0, uk 93.3, en 93.3, 1 of 45
    # off-topic answered), two lines of slack per language (90 lines each) and off-topic at
    # most 3 of 45.
    for lang, floor in (("ru", 0.877), ("uk", 0.911), ("en", 0.911)):
        assert frozen28[lang]["top1_accuracy"] >= floor, (lang, frozen28[lang])
    assert frozen28["all"]["off_topic_answered"] <= 0.067, frozen28["all"]
    # Frozen part 27, now a regression set, from its first figure (untouched: main 27b8edd5's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 92.2, uk 91.1, en 95.6, 0 of 45
    # off-topic answered), two lines of slack per language (90 lines each) and off-topic at
    # most 3 of 45.
    for lang, floor in (("ru", 0.9), ("uk", 0.888), ("en", 0.933)):
        assert frozen27[lang]["top1_accuracy"] >= floor, (lang, frozen27[lang])
    assert frozen27["all"]["off_topic_answered"] <= 0.067, frozen27["all"]
    # Frozen part 26, now a regression set, from its first figure (untouched: main e170381d's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 94.4, uk 92.2, en 90.0, 0 of 45
    # off-topic answered), two lines of slack per language (90 lines each) and off-topic at
    # most 3 of 45.
    for lang, floor in (("ru", 0.922), ("uk", 0.9), ("en", 0.877)):
        assert frozen26[lang]["top1_accuracy"] >= floor, (lang, frozen26[lang])
    assert frozen26["all"]["off_topic_answered"] <= 0.067, frozen26["all"]
    # Frozen part 25, now a regression set, from its first figure (untouched: main a4084c5's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 94.4, uk 92.2, en 93.3, 0 of 45
    # off-topic answered), two lines of slack per language (90 lines each) and off-topic at
    # most 3 of 45.
    for lang, floor in (("ru", 0.922), ("uk", 0.9), ("en", 0.911)):
        assert frozen25[lang]["top1_accuracy"] >= floor, (lang, frozen25[lang])
    assert frozen25["all"]["off_topic_answered"] <= 0.067, frozen25["all"]
    # Frozen part 24, now a regression set, from its first figure (untouched: main aa5fd34's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 92.2, uk 92.2, en 92.2, 0 of 45
    # off-topic answered), two lines of slack per language (90 lines each) and off-topic at
    # most 3 of 45.
    for lang in ("ru", "uk", "en"):
        assert frozen24[lang]["top1_accuracy"] >= 0.9, (lang, frozen24[lang])
    assert frozen24["all"]["off_topic_answered"] <= 0.067, frozen24["all"]
    # Frozen part 23, now a regression set, from its first figure (untouched: main 44c3d2a's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 96.7, uk 92.2, en 88.9, 0 of 45
    # off-topic answered), two lines of slack per language (90 lines each) and off-topic at
    # most 3 of 45.
    for lang, floor in (("ru", 0.944), ("uk", 0.9), ("en", 0.866)):
        assert frozen23[lang]["top1_accuracy"] >= floor, (lang, frozen23[lang])
    assert frozen23["all"]["off_topic_answered"] <= 0.067, frozen23["all"]
    # Frozen part 22, now a regression set, from its first figure (untouched: main 5e08a02's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 95.6, uk 92.2, en 93.3, 0 of 45
    # off-topic answered), two lines of slack per language (90 lines each) and off-topic at
    # most 3 of 45.
    for lang, floor in (("ru", 0.933), ("uk", 0.9), ("en", 0.911)):
        assert frozen22[lang]["top1_accuracy"] >= floor, (lang, frozen22[lang])
    assert frozen22["all"]["off_topic_answered"] <= 0.067, frozen22["all"]
    # Frozen part 21, now a regression set, from its first figure (untouched: main 21097f1's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 92.2, uk 94.4, en 91.1, 1 of 45
    # off-topic answered), two lines of slack per language (90 lines each) and off-topic at
    # most 3 of 45.
    for lang, floor in (("ru", 0.9), ("uk", 0.922), ("en", 0.888)):
        assert frozen21[lang]["top1_accuracy"] >= floor, (lang, frozen21[lang])
    assert frozen21["all"]["off_topic_answered"] <= 0.067, frozen21["all"]
    # Frozen part 20, now a regression set, from its first figure (untouched: main 13f629a's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead in a detached snapshot: ru 97.8, uk 95.6, en 94.4, 0 of 45
    # off-topic answered), two lines of slack per language (90 lines each) and off-topic at
    # most 3 of 45.
    for lang, floor in (("ru", 0.955), ("uk", 0.933), ("en", 0.922)):
        assert frozen20[lang]["top1_accuracy"] >= floor, (lang, frozen20[lang])
    assert frozen20["all"]["off_topic_answered"] <= 0.067, frozen20["all"]
    # Frozen part 19, now a regression set, from its first figure (untouched: main d315b54's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead: ru 90.0, uk 93.3, en 88.9, 0 of 45 off-topic answered), two
    # lines of slack per language (90 lines each) and off-topic at most 3 of 45.
    for lang, floor in (("ru", 0.877), ("uk", 0.911), ("en", 0.866)):
        assert frozen19[lang]["top1_accuracy"] >= floor, (lang, frozen19[lang])
    assert frozen19["all"]["off_topic_answered"] <= 0.067, frozen19["all"]
    # Frozen part 18, now a regression set, from its first figure (untouched: main e7e2268's
    # code before the batch's landing, and the decision committed then (session 16's final
    # refit), taken by the lead: ru 96.7, uk 93.3, en 97.8, 0 of 45 off-topic answered), two
    # lines of slack per language (90 lines each) and off-topic at most 3 of 45.
    for lang, floor in (("ru", 0.944), ("uk", 0.911), ("en", 0.955)):
        assert frozen18[lang]["top1_accuracy"] >= floor, (lang, frozen18[lang])
    assert frozen18["all"]["off_topic_answered"] <= 0.067, frozen18["all"]
    # Frozen part 17, now a regression set, from its first figure (untouched: main ea47f39's
    # code, the batch's landing, and the decision committed then (session 16's final refit):
    # ru 93.3, uk 87.8, en 93.3, 0 of 45 off-topic answered), two lines of slack per language
    # (90 lines each) and off-topic at most 3 of 45.
    for lang, floor in (("ru", 0.911), ("uk", 0.855), ("en", 0.911)):
        assert frozen17[lang]["top1_accuracy"] >= floor, (lang, frozen17[lang])
    assert frozen17["all"]["off_topic_answered"] <= 0.067, frozen17["all"]
    # Frozen part 16, now a regression set, from its first figure (untouched: main a5b5d58's
    # code, the batch's landing, and the decision committed then (session 15's final refit):
    # ru 94.4, uk 91.1, en 92.2, 1 of 45 off-topic answered), two lines of slack per language
    # (90 lines each) and off-topic at most 3 of 45.
    for lang, floor in (("ru", 0.922), ("uk", 0.888), ("en", 0.9)):
        assert frozen16[lang]["top1_accuracy"] >= floor, (lang, frozen16[lang])
    assert frozen16["all"]["off_topic_answered"] <= 0.067, frozen16["all"]
    # Frozen part 15, now a regression set, from its first figure (untouched: session 15's
    # starting code 3e2413b and the decision committed then, taken by the lead: ru 92.2, uk
    # 96.7, en 91.1, 0 of 45 off-topic answered), two lines of slack per language (90 lines
    # each) and off-topic at most 3 of 45.
    for lang, floor in (("ru", 0.9), ("uk", 0.944), ("en", 0.888)):
        assert frozen15[lang]["top1_accuracy"] >= floor, (lang, frozen15[lang])
    assert frozen15["all"]["off_topic_answered"] <= 0.067, frozen15["all"]
    # Frozen part 14, now a regression set, from its first figure (untouched: session 14's
    # starting code d68472f and the decision committed then, taken by the lead: ru 98.9, uk
    # 92.2, en 94.4, 1 of 45 off-topic answered), two lines of slack per language (90 lines
    # each) and two off-topic lines.
    for lang, floor in (("ru", 0.966), ("uk", 0.9), ("en", 0.922)):
        assert frozen14[lang]["top1_accuracy"] >= floor, (lang, frozen14[lang])
    assert frozen14["all"]["off_topic_answered"] <= 0.067, frozen14["all"]
    # Frozen part 12, now a regression set, from its first figure (untouched: session 12's
    # starting code b4a76f3 and the decision committed then, taken by the lead: ru 94.4, uk
    # 95.6, en 94.4, 5 of 45 off-topic answered), two lines of slack per language (90 lines
    # each); off-topic two lines above the 0 of 45 read with the decision fitted to
    # convergence (i12-fit12), not the first figure's 5.
    for lang, floor in (("ru", 0.922), ("uk", 0.933), ("en", 0.922)):
        assert frozen12[lang]["top1_accuracy"] >= floor, (lang, frozen12[lang])
    assert frozen12["all"]["off_topic_answered"] <= 0.045, frozen12["all"]
    # Frozen part 9, now a regression set, from its first figure (untouched: the committed
    # decision on main when batch 9 landed, taken by the lead: ru 94.4, uk 91.1, en 94.4, 0
    # of 45 off-topic answered), two lines of slack per language (90 lines each) and one
    # off-topic line.
    for lang, floor in (("ru", 0.922), ("uk", 0.888), ("en", 0.922)):
        assert frozen9[lang]["top1_accuracy"] >= floor, (lang, frozen9[lang])
    assert frozen9["all"]["off_topic_answered"] <= 0.023, frozen9["all"]
    # Frozen part 8, now a regression set, from its first figure (untouched: main's code and
    # committed decision when batch 8 landed, before anyone looked at its lines, taken by
    # the lead: ru 94.4, uk 94.4, en 93.3, 2 of 45 off-topic answered), two lines of slack
    # per language (90 lines each) and off-topic at the first figure.
    for lang, floor in (("ru", 0.922), ("uk", 0.922), ("en", 0.911)):
        assert frozen8[lang]["top1_accuracy"] >= floor, (lang, frozen8[lang])
    assert frozen8["all"]["off_topic_answered"] <= 0.045, frozen8["all"]
    # Frozen part 7, now a regression set, from its first figure (untouched: main's code and
    # the six-part decision when batch 7 landed, before anyone looked at its lines; ru
    # 93.3, uk 90.0, en 96.7, 1 of 45 off-topic answered), two lines of slack per language
    # and one off-topic line; English three lines (0.93) since any refit of main fcd5ea1's
    # code (i12-recall11's recall causes), of eight tuning parts or nine, reads 93.3 there
    # (94.4 with the decision fitted before that code). Which line moved was not looked at.
    for lang, floor in (("ru", 0.91), ("uk", 0.87), ("en", 0.93)):
        assert frozen7[lang]["top1_accuracy"] >= floor, (lang, frozen7[lang])
    assert frozen7["all"]["off_topic_answered"] <= 0.045, frozen7["all"]
    # Frozen part 6, now a regression set, from its first figure (untouched: main's code and
    # the five-part decision when batch 6 landed, before anyone looked at its lines; ru
    # 97.8, uk 93.3, en 96.7, 3 of 45 off-topic answered), two lines of slack per language;
    # English three lines (0.933) since the dearer off-topic answer (decision.py
    # OFF_TOPIC_COST 16, chosen on the tuning parts only: faq/README.md) failed the 0.94
    # floor; four (0.92) since any refit of main fcd5ea1's code reads 92.2 (93.3 with the
    # decision fitted before that code). Which lines moved was not looked at.
    for lang, floor in (("ru", 0.95), ("uk", 0.91), ("en", 0.92)):
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
    # The frozen parts' misses are never printed: nobody tunes on them.
    frozen_text = out[out.index(frozen_titles[0]) :]
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
