"""`eval dialogs`: the shared development scenarios all pass; failures are reported."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from evaldata import EVAL_DIR

from gateway.config import Settings
from gateway.dialogs.evaluation import (
    Scenario,
    ScenarioError,
    Transcript,
    eval_dialogs,
    load_scenarios,
    read_questions,
    reasked_questions,
)

SCENARIOS = EVAL_DIR / "dialogs_dev.yaml"


async def test_dev_scenarios_all_pass(settings: Settings) -> None:
    out = io.StringIO()
    status = await eval_dialogs(settings, SCENARIOS, out)
    report = out.getvalue()
    assert status == 0, report
    assert report.count("PASS  ") == len(load_scenarios(SCENARIOS))
    assert "FAIL" not in report


async def test_own_scenarios_all_pass(settings: Settings) -> None:
    # Written while fixing the classes (not blind): a regression set of causes.
    own = Path(__file__).resolve().parents[1] / "fixtures" / "eval" / "dialogs_own.yaml"
    out = io.StringIO()
    status = await eval_dialogs(settings, own, out)
    report = out.getvalue()
    assert status == 0, report
    assert "questions asked that were already answered: 0" in report


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


# (set, pass floor, re-asked ceiling). dialogs_frozen5 … 8 are the honest measures (8 the
# newest): they are run for these two numbers only, never read or tuned on; dialogs_frozen (seen)
# stays as a regression set. dialogs_tune2 and dialogs_tune4b were the second and fourth
# batches' frozen parts (dialogs_frozen2, dialogs_frozen4) until session 8, which retired
# them to tuning (the blind README says why); their floors are their last frozen figures.
BLIND_SETS = [
    # 43 after the refit after i12-recall ("1C crashes … after Friday's update" and "SAP GUI
    # closes after the splash since the patch" fell to the lower cut); 44 again in session 5.
    ("dialogs_tune.yaml", 45, 0),  # 45 on main after session 11's matcher landings (SAP GUI)
    ("dialogs_tune3.yaml", 45, 0),
    ("dialogs_frozen.yaml", 31, 0),
    # 41 with the operator as staff and a program that closes at a deadline (i19-rich3);
    # dialogs_frozen2.yaml until session 8; 42 as a tuning part (i19-facts5: a start takes the
    # week it fell in, "после обновления на прошлой неделе"), 43 and 0 asked again with an
    # irregular English past read as the user's step ("I already rebuilt my Outlook profile")
    ("dialogs_tune2.yaml", 43, 0),
    ("dialogs_tune4.yaml", 40, 0),
    # the fourth batch's frozen part (dialogs_frozen4.yaml until session 8, then retired to
    # tuning), run for its summary only until then.
    # 32 before the FAQ decision was refitted with faq_tune4's off-topic near-misses
    # (issue 12, NOTE-12-i12-ranking): its stricter cuts cost two scenarios; 31 with the
    # structural reading of who is stopped, 32 with the mass stop decided without the
    # matcher and the next refit (NOTE-19-i19-urgency); 33 with the operator as staff and a
    # program that closes at a deadline (NOTE-19-i19-rich3). As a tuning part: 36 with
    # i19-facts5 (a start takes the day or hour it fell on and the noun its adjective agrees
    # with: "с обновления в понедельник", "сегодня в 10 утра", "від учорашньої пари"); 37 and
    # 0 asked again with "no error" read in either word order ("Помилок ніяких"); 39 with
    # i19-stakes5 (a verdict on the bot read as tone, a two-letter name, "1С висит", kept as
    # the problem; "unable" and "all four sales reps" read as many stopped); 40 with readers
    # and encoders at a door as devices ("Кодувальник ключ-карток", i19-stakes5).
    ("dialogs_tune4b.yaml", 40, 0),
    # the fifth batch (session 5): its tuning part as first measured, untouched (32/40,
    # 5 asked again on main and on i19-rich alike), raised as it is tuned on: 37 (3) with
    # brand series, mail server replies, "до пятницы открывался" and "все нормально"; 39
    # with the upset and urgency readings of i19-stakes and the later-facts slot filling
    # (NOTE-19-i19-later; the last miss is "ноут еле шевелится", matched by no article) ...
    # 40 (0 asked again) since session 6's later-facts and rich-first work (measured again by
    # i19-stakes4 in session 7)
    ("dialogs_tune5.yaml", 40, 0),
    # ... and its frozen part, an honest measure, first untouched at 30/40 (3 asked again),
    # 31 since session 5's last merges; run for its summary only.
    # 33/40, 2 with since read from any wording (i19-since19, summary only)
    # 34/40, 2 at session 27's end (main c5f99892: the checklist, routing and priority
    # readings of i19-ask27, i19-route27 and review27; summary only).
    # 36/40, 1 at session 28's end (main 2391a37e; summary only).
    # 37/40, 0 at session 35's end (main 04915c53; summary only).
    # 38/40, 0 at session 37's end (main 13874215; summary only).
    ("dialogs_frozen5.yaml", 38, 0),
    # the sixth batch (session 6): its tuning part as first measured, untouched (33/40, 1
    # asked again, main at ec99682, before any change made with it in view); 36 with
    # i19-rich3's first landing (8de61fc: "кличте людину", a stolen phone no upset user,
    # "ни в одной аптеке сети", "Microsoft Authenticator"), 38 with i19-facts3 ("laptop stuck
    # updating" is no attempt, "forced a restart once" is; "листи висять у вихідних" is the
    # outbox, not the weekend; "at 4pm yesterday"); 39 in session 7 ("перезапускала аутлук"
    # in another answer names Outlook in passing and its version is asked, i19-names4) ...
    # 40 with "instead of the welcome screen" read as what should be shown (i19-route19)
    ("dialogs_tune6.yaml", 40, 0),
    # ... and its frozen part, the newest honest measure, at its first untouched figure
    # (31/40, 1 asked again, main at 8de61fc), run for its summary only; 32 with the FAQ
    # decision refit of i12-quiet2 (a5cb5c7), 31 again since the FAQ decision is fitted on
    # six tuning parts (i12-recall3: the frozen FAQ parts gained, one scenario here lost).
    # 33/40, 1 at session 27's end (main c5f99892: the checklist, routing and priority
    # readings of i19-ask27, i19-route27 and review27; summary only).
    # 34/40, 1 at session 28's end (main 2391a37e; summary only).
    # 35/40, 1 at session 29's end (main d15add35; summary only).
    # 36/40, 1 at session 37's end (main 13874215; summary only).
    # 37/40, 0 at session 38's end (main 7a972b1b; summary only).
    ("dialogs_frozen6.yaml", 37, 0),
    # the seventh batch (session 7): its tuning part as first measured, untouched (36/40, 1
    # asked again, main at b4d7daa, before any change made with it in view); 39 with
    # i19-names4 (the head nurse's laptop and "the copier in our office" stop nobody else;
    # "у лозі Access violation" is the error); 40 with i19-stakes4 ("оператора мені" asks
    # for a person with the verb left out) ...
    ("dialogs_tune7.yaml", 40, 0),
    # ... and its frozen part at its first untouched figure (31/40, 2 asked again, main at
    # b4d7daa), run for its summary only; 32/40, 0 on main fdbf81e; 33/40, 0 with i19-ask22's
    # attempts, products and screen words (summary only).
    # 36/40, 0 at session 27's end (main c5f99892: the checklist, routing and priority
    # readings of i19-ask27, i19-route27 and review27; summary only).
    # 37/40, 0 at session 29's end (main d15add35; summary only).
    # 38/40, 0 at session 31's end (main 7b374f93; summary only).
    # 39/40, 0 at session 34's end (main e28a640a; summary only).
    ("dialogs_frozen7.yaml", 39, 0),
    # the eighth batch (session 8): its tuning part as first measured, untouched (33/40, 2
    # asked again, main at c0de702, before any change made with it in view), raised as it is
    # tuned on: 39 with i19-stakes5 and i19-facts5 (a reply whose verdict comes last, a
    # passive participle no step, an apostrophe inside a quoted name, …); the miss left is
    # "my invoicing app won't open" taken as urgent, so the reply's facts are never asked for;
    # 40 with i19-stakes9 (a stake word naming what a program is for is no money at stake).
    ("dialogs_tune8.yaml", 40, 0),
    # ... and its frozen part, the newest honest measure, exactly at its first untouched
    # figure (35/40, 2 asked again, main at 2341283), run for its summary only; frozen7 and
    # the older frozen parts stay as regression sets. 35/40, 1 asked again with a reply left
    # when the checklist starts typed at its question (i19-flow22, summary only).
    # 35/40 (0) with a question a scripted reply was typed at counted as unread (i19-ask25).
    # 36/40, 0 at session 27's end (main c5f99892: the checklist, routing and priority
    # readings of i19-ask27, i19-route27 and review27; summary only).
    # 37/40, 0 at session 28's end (main 2391a37e; summary only).
    # 38/40, 0 at session 32's end (main ea97b562; summary only).
    # 39/40, 0 at session 35's end (main 04915c53; summary only).
    # 40/40, 0 at session 38's end (main 7a972b1b; summary only).
    ("dialogs_frozen8.yaml", 40, 0),
    # the ninth batch (session 9): its tuning part as first measured, untouched (38/40, 2
    # asked again, main at 24172a6), 39 with i19-stakes9 (a vehicle held up is at stake), 40
    # and 0 asked again with i19-listen10 (a genitive of a genitive after a program is what it
    # does: "програма запису клієнтів" is no client at stake, so its facts come in the reply) ...
    ("dialogs_tune9.yaml", 40, 0),
    # ... and its frozen part, the newest honest measure, exactly at its first untouched
    # figure (33/40, 4 asked again, main at a6ef8be), run for its summary only.
    # 34/40 with 3 asked again from i19-listen11's gauge reading (704b605: "диск 100%",
    # "0 bytes free" are what the screen says), found with exploration lines, not this part.
    # 36/40, 0 at session 28's end (main 2391a37e; summary only).
    # 37/40, 0 at session 29's end (main d15add35; summary only).
    # 39/40, 0 at session 31's end (main 7b374f93; summary only).
    ("dialogs_frozen9.yaml", 39, 0),
    # the tenth batch (session 10), tuning only (no frozen part): first figure, untouched,
    # 48/60 with 10 asked again (main at bdddcc4, the lead); 56/60 (7) with i19-listen10
    # (people at ease are no stake, a count of the public queuing is a stake, not a crowd
    # of ours, "every handheld ticket scanner", "all 9 of our bookshops", "мені потрібен
    # оператор", "it's a Boca Lemur"); the three misses left spread facts over two replies,
    # which the scripted user types only after a second self-help answer; 57 with an old
    # version said as a word corrected ("не десятка, а Windows 11"); 57/60, 6 asked again with
    # "no, still access denied" read as the error (i19-error20); 57/60, 3 asked again with the
    # second reply typed at the first question it has no scripted answer for (i19-flow22): the
    # three left ask that question before the message that answers it comes. 59/60, 1 with the
    # second message sent at the first question after the reply to "did it help?" (i19-flow23,
    # a change of the measure: a user who typed two messages does not hold the second back);
    # the one left is asked the error before the message that gives it arrives.
    # 60/60 (0) with a question a scripted reply was typed at counted as unread (i19-ask25).
    ("dialogs_tune10.yaml", 60, 0),
    # the held-out probe of session 10 (i19-listen10), written before its changes: 28/32 on
    # main 53e404f, 32/32 after.
    ("../dialogs_probe10.yaml", 32, 0),
    # the held-out probe of session 11 (i19-listen11), written before its changes: 27/32 with
    # 7 asked again on main 983de3e; 31/32 (5) after. The one left is the matcher's: "the
    # dispatch laptop at our bike courier co-op is painfully slow" finds no article (a courier
    # is a facilities word), so the reply with every fact is never typed; 32/32 (0) in
    # session 14 (i19-facts14: an IT problem nothing answers gets its nearest articles first).
    ("../dialogs_probe11.yaml", 32, 0),
    # the held-out probe of session 12 (i19-listen12), written before its changes: 26/30 with
    # 0 asked again on main b4a76f3 (pasted English screen text switched a Ukrainian upset
    # user to English; "the whole morning" counted as many; a hearse waiting at the door no
    # stake; a count after "At the car park office" not the subject); 30/30 after.
    ("../dialogs_probe12.yaml", 30, 0),
    # the held-out probe of session 13 (i19-rich13: long first messages and routing), written
    # before its changes: 20/26 with 0 asked again on main dadebed; 24/26 after (a start in
    # the past no event ahead, a ceremony soon one; "Началось около полуночи", "десь тиждень
    # тому"; "Sage 50"). The two left are the matcher's: a barcode scanner's message answered
    # as a stuck update by its context, a lamp room's program answered as an outage; 25/26 in
    # session 14 (i19-route14: a shift waiting at one station's window is no outage); 26/26 in
    # session 25 (i19-route25: a reader that fails to read is hardware's, whatever program
    # article was sure).
    ("../dialogs_probe13b.yaml", 26, 0),
    # the held-out probe of session 13 (i19-ask13: upset users and facts in later replies),
    # written before its changes: 20/27 with 0 asked again on main dadebed (a yes said in
    # irony closed three as resolved; a quoted screen's "please contact your administrator"
    # read as a request for the desk; an OS repaired in the same message kept the first);
    # 25/27 after; 26/27 in session 14 (i19-route14: translit routed by the words meant);
    # 27/27 (i19-facts14: "we got a new PC last month" dates the PC, not the problem).
    ("../dialogs_probe13a.yaml", 27, 0),
    # the twelfth batch (session 12): its tuning part as first measured, untouched (33/40, 4
    # asked again, main at b4a76f3, the lead); 36/40 (3) with i19-listen12 ("None of the 40 …
    # PCs … can log in", "легла система … на всех кассах", "emptied the recycle bin and it's
    # still full"); the four left are the matcher's (an esports keyboard, a parking portal, a
    # bidding platform read as a program, a farewell hall read as broken hardware) ...
    # 38/40 (3) in session 13 (the farewell hall by the matcher's work; the bidding platform's
    # ERR_CONNECTION_RESET is the network's whatever the article, i19-rich13); 39/40 (0) in
    # session 14 (the parking portal: the nearest articles offered when nothing answers) ...
    # 40/40, 0 at session 28's end (main 2391a37e; summary only).
    ("dialogs_tune12.yaml", 40, 0),
    # ... and its frozen part, the honest measure from session 12, exactly at its first
    # untouched figure (34/40, 3 asked again, main at b4a76f3), run for its summary only;
    # 35/40, 2 with a system named by its acronym or role read as the product (i19-product18).
    # 37/40, 1 at session 27's end (main c5f99892: the checklist, routing and priority
    # readings of i19-ask27, i19-route27 and review27; summary only).
    # 38/40, 1 at session 28's end (main 2391a37e; summary only).
    # 39/40, 1 at session 30's end (main b4b5df91; summary only).
    # 40/40, 0 at session 32's end (main ea97b562; summary only).
    ("dialogs_frozen12.yaml", 40, 0),
    # the fourteenth batch (session 14), as first measured on session 14's starting code (main
    # d68472f, the lead, before any change made with it in view): its tuning part 37/40, 0 asked
    # again; 40/40 (0) with i19-route14 (",elm" of a wrong-layout "operator please" is "будь";
    # "SumUp POS" is no translit; a barcode gun is a device) ...
    ("dialogs_tune14.yaml", 40, 0),
    # ... and its frozen part, the honest dialog measure of session 14, first read 31/40, 2 asked
    # again; 33/40, 1 at session 15's end (summary only; now a regression set); 33/40, 0 with a
    # system named by its acronym or role read as the product (i19-product18).
    # 36/40, 0 at session 27's end (main c5f99892: the checklist, routing and priority
    # readings of i19-ask27, i19-route27 and review27; summary only).
    # 37/40, 0 at session 31's end (main 7b374f93; summary only).
    # 38/40, 0 at session 37's end (main 13874215; summary only).
    ("dialogs_frozen14.yaml", 38, 0),
    # the fifteenth batch (session 15), as first measured on session 15's starting code (main
    # 3e2413b, the lead, before any change made with it in view): its tuning part 33/40, 1 asked
    # again; 37/40 (0) at the session's end (i19-facts15: one station's fault with only a stake
    # gets its article first, screen text without a verb of saying; i19-route15: priority) ...
    # 39/40 (0) with i19-route20 (a tablet's maker and Android no phone mail; "закінчився
    # пароль" an expired password, not a lock-out); 40/40 (0) with i19-urg24 (a model's number,
    # "Jabra Evolve2 40 headset", no count of 40 headsets: not many stopped, not P1)
    ("dialogs_tune15.yaml", 40, 0),
    # ... and its frozen part, the honest dialog measure from session 15, exactly at its first
    # untouched figure (27/40, 4 asked again), run for its summary only; 27/40, 3 at the
    # session's end; 28/40, 3 with an event named right after a time ahead (i19-route18, summary
    # only); 29/40, 3 with what works and what should have been shown left out of the match
    # (i19-route19, summary only: topic 4 -> 3).
    # 30/40 (1) with a question a scripted reply was typed at counted as unread (i19-ask25).
    # 31/40, 1 at session 27's end (main c5f99892: the checklist, routing and priority
    # readings of i19-ask27, i19-route27 and review27; summary only).
    # 34/40, 1 at session 28's end (main 2391a37e; summary only).
    # 35/40, 0 at session 29's end (main d15add35; summary only).
    # 36/40, 0 at session 30's end (main b4b5df91; summary only).
    # 37/40, 0 at session 39's end (main 806e88a5; summary only).
    ("dialogs_frozen15.yaml", 37, 0),
    # the sixteenth batch (session 16), as first measured on session 16's starting code (main
    # 2f8d324, the lead, before any change made with it in view): its tuning part 37/40, 1
    # asked again; 38/40 (0) with i19-facts16 (an exception's name is what the program says,
    # no program); 39/40 (0) with i19-route16 (a program that "злетіла" for every dispatcher
    # stops many); 40/40 (0) with people who cannot pay read as the public, at stake ...
    ("dialogs_tune16.yaml", 40, 0),
    # ... and its frozen part, the honest dialog measure from session 16, exactly at its first
    # untouched figure (36/40, 6 asked again), run for its summary only; 37/40, 2 at session
    # 16's end (the lead, summary only, main bb8e004); 38/40, 1 with since read from any
    # wording (i19-since19: spans said inverted, events as grammar, summary only); 39/40, 0
    # with i19-ask22's attempts, products and screen words (summary only).
    # 40/40, 0 at session 27's end (main c5f99892: the checklist, routing and priority
    # readings of i19-ask27, i19-route27 and review27; summary only).
    ("dialogs_frozen16.yaml", 40, 0),
    # the seventeenth batch (session 17), as first measured on session 17's starting code (main
    # 91ea034, the lead, before any change made with it in view): its tuning part 36/40, 1 asked
    # again; 40/40 (0) at the session's end (i19-facts17: a quoted message's full stop ends its
    # sentence; i19-route17: a client collecting soon is at stake, a system out of reach is the
    # outage) ...
    ("dialogs_tune17.yaml", 40, 0),
    # ... and its frozen part, the honest dialog measure from session 17, exactly at its first
    # untouched figure (33/40, 4 asked again), run for its summary only; the same at session 17's
    # end (the lead, summary only, main 4db5fbc); 33/40, 3 with since read from any wording
    # (i19-since19, summary only).
    # 34/40, 3 with i19-route20 (summary only); 35/40, 2 with i19-ask23 (summary only)
    # 36/40, 1 at session 27's end (main c5f99892: the checklist, routing and priority
    # readings of i19-ask27, i19-route27 and review27; summary only).
    # 37/40, 1 at session 28's end (main 2391a37e; summary only).
    # 38/40, 0 at session 31's end (main 7b374f93; summary only).
    # 39/40, 0 at session 36's end (main b3517bda; summary only).
    ("dialogs_frozen17.yaml", 39, 0),
    # the eighteenth batch (session 18), as first measured on session 18's starting code (main
    # e7e2268, the lead, before any change made with it in view): its tuning part 28/40, 6 asked
    # again; 32/40, 3 with a Windows edition kept whole, a system named by its acronym or role
    # read as the product and 1С's configuration kept (i19-product18); 33/40, 3 on main 5737ff9
    # with them (29/40, 6 without); 36/40, 1 with i19-facts18's machine state, business run and
    # fed up read as no attempt, "Ничего с ним не делали" as nothing tried and a status named
    # without a colon as the error (main c2671d1: 33/40, 3); 37/40, 1 with since read from any
    # wording ("since this afternoon's rehearsal" over a "tonight" ahead, i19-since19) ...
    # 38/40, 1 with i19-route20 (a tablet on Android that drops the Wi-Fi is the Wi-Fi's);
    # 39/40, 1 with an admin password prompt read as no error (i19-ask23)
    # 40/40, 0 at session 32's end (main ea97b562; summary only).
    ("dialogs_tune18.yaml", 40, 0),
    # ... and its frozen part, the honest dialog measure from session 18, at its first untouched
    # figure (25/40, 7 asked again), run for its summary only; 26/40, 6 with since read from any
    # wording (i19-since19: field since 5 -> 3, asked again since 3 -> 2, summary only).
    # 28/40, 6 at session 27's end (main c5f99892: the checklist, routing and priority
    # readings of i19-ask27, i19-route27 and review27; summary only).
    # 29/40, 6 at session 28's end (main 2391a37e; summary only).
    # 30/40, 5 at session 29's end (main d15add35; summary only).
    # 31/40, 4 at session 30's end (main b4b5df91; summary only).
    # 32/40, 3 at session 31's end (main 7b374f93; summary only).
    # 33/40, 2 at session 32's end (main ea97b562; summary only).
    # 35/40, 0 at session 33's end (main 5661ec59; summary only).
    # 36/40, 0 at session 35's end (main 04915c53; summary only).
    # 37/40, 0 with a venue's ticket no status question (the lead, session 35; summary only).
    # 38/40, 0 at session 36's end (main b3517bda; summary only).
    ("dialogs_frozen18.yaml", 38, 0),
    # the nineteenth batch (session 19), as first measured on session 19's starting code (main
    # d315b54, the lead, in a detached snapshot, before any change made with it in view): its
    # tuning part 32/40, 3 asked again; 33/40, 3 with "already looked in the recycle bin" read
    # as tried and "deleted it yesterday afternoon" as how the file was lost (i19-tried19);
    # 35/40, 2 with a bare day's preposition kept, "із самого відкриття" and "Started right at
    # opening" read as the start (i19-since19); a desktop in our office read as one machine,
    # not the office stopped, was 32 -> 33 on main ccfa270 (i19-route19); 36/40, 2 with it on
    # top of both (main 32abb81) ...
    # 37/40, 2 with i19-route20 (a black camera picture before a lesson at 10:00 is P1); 38/40, 2
    # with an unknown maker and its model read ("our Shure MV7", i19-ask23)
    # 39/40, 1 at session 35's end (main 04915c53; summary only).
    ("dialogs_tune19.yaml", 39, 1),
    # ... and its frozen part, the honest dialog measure from session 19, at its first untouched
    # figure (31/40, 8 asked again), run for its summary only; 31/40, 7 with since read from any
    # wording (i19-since19: field since 3 -> 1, asked again since 2 -> 1, summary only); 32/40, 6
    # with a bare day's preposition kept and a start verb's moment (field since 0, asked again
    # since 0, summary only).
    # 33/40, 6 with i19-route20 (summary only); 33/40, 4 with a reply left when the checklist
    # starts typed at its question (i19-flow22, summary only)
    # 33/40 (3) with a question a scripted reply was typed at counted as unread (i19-ask25).
    # 35/40, 3 at session 28's end (main 2391a37e; summary only).
    # 35/40, 2 at session 30's end (main b4b5df91; summary only).
    # 36/40, 2 at session 31's end (main 7b374f93; summary only).
    # 37/40, 2 at session 42's end (main af30a4dc; summary only).
    ("dialogs_frozen19.yaml", 37, 2),
    # the twentieth batch (session 21), as first measured on session 21's starting code (main
    # 13f629a, the lead, in a detached snapshot, before any change made with it in view): its
    # tuning part 34/40, 1 asked again ...
    # 36/40, 0 with "пароль два раза перенабирала" and "тричі перезавантажувалась" read as
    # tried (i19-ask21); 37/40, 0 with "1.2 GB free" read as no error (i19-ask23); 38/40, 0 with
    # "on Friday" kept with its preposition (i19-ask26)
    ("dialogs_tune20.yaml", 38, 0),
    # ... and its frozen part, the honest dialog measure from session 21, at its first untouched
    # figure (31/40, 3 asked again), run for its summary only; 31/40, 2 with i19-ask23 (summary
    # only).
    # 35/40, 1 at session 27's end (main c5f99892: the checklist, routing and priority
    # readings of i19-ask27, i19-route27 and review27; summary only).
    # 37/40, 1 at session 28's end (main 2391a37e; summary only).
    # 38/40, 0 at session 29's end (main d15add35; summary only).
    # 39/40, 0 at session 35's end (main 04915c53; summary only).
    ("dialogs_frozen20.yaml", 39, 0),
    # the twenty-first batch (session 22), as first measured on session 22's starting code (main
    # 21097f1, the lead, in a detached snapshot, before any change made with it in view): its
    # tuning part 35/40, 5 asked again ...
    # 35/40, 3 on main fdbf81e (a reply never typed is typed at the first question); 38/40, 2 with
    # i19-ask22 ("КОМПАС-3D" read as the product, "показывает полосами" no message, a message's
    # own closing bracket kept); 39/40, 1 on main 5e08a02; 40/40, 0 with "during the trial round"
    # read as the start (i19-ask23).
    ("dialogs_tune21.yaml", 40, 0),
    # ... and its frozen part, the honest dialog measure from session 22, at its first untouched
    # figure (35/40, 2 asked again), run for its summary only; 36/40, 2 with i19-prio23 (the time
    # left before a deadline, a crowd at one counter, screens that lost a system; summary only).
    # 39/40, 1 at session 27's end (main c5f99892: the checklist, routing and priority
    # readings of i19-ask27, i19-route27 and review27; summary only).
    # 40/40, 0 at session 29's end (main d15add35; summary only).
    ("dialogs_frozen21.yaml", 40, 0),
    # the twenty-second batch (session 23), as first measured on session 23's starting code (main
    # 5e08a02, the lead, in a detached snapshot, before any change made with it in view): its
    # tuning part 32/40, 4 asked again ...
    # 34/40, 3 with i19-prio23 (nobody hearing one speaker is no outage; screens that lost a
    # system are the outage, not the monitor); 37/40, 1 with i19-ask23 alone on main 7167a83 (a
    # monitor's and a hung window's title-case words read unquoted, "HDMI 2 No Signal", "goes Not
    # Responding"; a quote after "по центру"; a greeting no start; a prompt no error) ...
    # 39/40, 0 on main a832b89 with both and i19-flow23
    # 40/40, 0 at session 28's end (main 2391a37e; summary only).
    ("dialogs_tune22.yaml", 40, 0),
    # ... and its frozen part, the honest dialog measure from session 23, at its first untouched
    # figure (32/40, 2 asked again), run for its summary only.
    # 34/40, 2 at session 27's end (main c5f99892: the checklist, routing and priority
    # readings of i19-ask27, i19-route27 and review27; summary only).
    # 35/40, 1 at session 28's end (main 2391a37e; summary only).
    # 36/40, 1 at session 29's end (main d15add35; summary only).
    # 37/40, 1 at session 39's end (main 806e88a5; summary only).
    ("dialogs_frozen22.yaml", 37, 1),
    # the twenty-third batch's frozen part (session 24; its tuning part is below), the honest
    # dialog measure during session 24 (sealed: measured by the lead only), at its first
    # untouched figure on session 24's starting code (main 44c3d2a, in a detached snapshot):
    # 34/40, 2 asked again; 35/40, 2 at session 24's end (main aa5fd34); now a regression set,
    # run for its summary only; 36/40, 2 with a start's preposition kept and a weekday said
    # bare correcting the start (i19-ask26, summary only).
    # 38/40, 1 at session 27's end (main c5f99892: the checklist, routing and priority
    # readings of i19-ask27, i19-route27 and review27; summary only).
    # 39/40, 0 at session 28's end (main 2391a37e; summary only).
    ("dialogs_frozen23.yaml", 39, 0),
    # the twenty-fourth batch (session 25), as first measured on session 25's starting code (main
    # aa5fd34, the lead, in a detached snapshot, before any change made with it in view): its
    # tuning part 35/40, 0 asked again; 36/40 (0) with i19-route25 (a screen that says it could
    # not reach its server, the verb first, is the network's); 37/40 (0) at session 25's end ...
    # 38/40, 0 at session 27's end (main c5f99892: the checklist, routing and priority
    # readings of i19-ask27, i19-route27 and review27; summary only).
    # 39/40, 0 at session 32's end (main ea97b562; summary only).
    ("dialogs_tune24.yaml", 39, 0),
    # ... and its frozen part, the honest dialog measure during session 25 (sealed: measured by
    # the lead only), at its first untouched figure (32/40, 4 asked again); 33/40, 3 at session
    # 25's end (main a4084c5, the eval's count since 9e81c0e); now a regression set, run for its
    # summary only; 34/40, 3 with a start's preposition kept and a weekday said bare correcting
    # the start (i19-ask26, summary only).
    # 36/40, 1 at session 27's end (main c5f99892: the checklist, routing and priority
    # readings of i19-ask27, i19-route27 and review27; summary only).
    # 38/40, 1 at session 28's end (main 2391a37e; summary only).
    # 39/40, 1 at session 33's end (main 5661ec59; summary only).
    # 40/40, 0 at session 42's end (main af30a4dc; summary only).
    ("dialogs_frozen24.yaml", 40, 0),
    # the twenty-fifth batch (session 26), as first measured on session 26's starting code (main
    # a4084c5, the lead, in a detached snapshot, before any change made with it in view): its
    # tuning part 33/40, 1 asked again; 34/40, 1 with "началось на этой неделе" kept with its
    # preposition (i19-ask26) ...
    # 36/40, 1 at session 28's end (main 2391a37e; summary only).
    # 37/40, 1 at session 29's end (main d15add35; summary only).
    # 38/40, 0 at session 32's end (main ea97b562; summary only).
    ("dialogs_tune25.yaml", 38, 0),
    # ... and its frozen part, the honest dialog measure during session 26 (sealed: measured by
    # the lead only), at its first untouched figure (31/40, 2 asked again) and at session 26's
    # end (main e170381d); now a regression set, run for its summary only.
    # 36/40, 2 at session 27's end (main c5f99892: the checklist, routing and priority
    # readings of i19-ask27, i19-route27 and review27; summary only).
    # 37/40, 1 at session 30's end (main b4b5df91; summary only).
    # 38/40, 0 at session 32's end (main ea97b562; summary only).
    # 39/40, 0 at session 34's end (main e28a640a; summary only).
    # 40/40, 0 at session 35's end (main 04915c53; summary only).
    ("dialogs_frozen25.yaml", 40, 0),
    # the twenty-sixth batch (session 27), as first measured on session 27's starting code (main
    # e170381d, the lead, in a detached snapshot, before any change made with it in view): its
    # tuning part 30/40, 6 asked again ...
    # 32/40, 4 at session 28's end (main 2391a37e; summary only).
    # 33/40, 4 at session 29's end (main d15add35; summary only).
    # 35/40, 2 at session 32's end (main ea97b562; summary only).
    # 36/40, 2 at session 34's end (main e28a640a; summary only).
    # 37/40, 1 at session 35's end (main 04915c53; summary only).
    # 38/40, 0 at session 38's end (main 7a972b1b; summary only).
    # 39/40, 0 at session 39's end (main 806e88a5; summary only).
    ("dialogs_tune26.yaml", 39, 0),
    # ... and its frozen part, the honest dialog measure during session 27 (sealed: measured by
    # the lead only), at its first untouched figure (36/40, 0 asked again) and unchanged at
    # session 27's end (main c5f99892); now a regression set, run for its summary only.
    # 37/40, 0 at session 28's end (main 2391a37e; summary only).
    # 38/40, 0 at session 31's end (main 7b374f93; summary only).
    ("dialogs_frozen26.yaml", 38, 0),
    # the twenty-seventh batch (session 28), as first measured on session 28's starting code
    # (main 27b8edd5, the lead, in a detached snapshot, before any change made with it in view):
    # its tuning part 37/40, 1 asked again ...
    # 38/40, 0 at session 28's end (main 2391a37e; summary only).
    # 39/40, 0 at session 31's end (main 7b374f93; summary only).
    ("dialogs_tune27.yaml", 39, 0),
    # ... and its frozen part, the honest dialog measure during session 28 (sealed: measured by
    # the lead only), at its first untouched figure (31/40, 2 asked again) and unchanged at
    # session 28's end (main 2391a37e); now a regression set, run for its summary only.
    # 32/40, 1 at session 29's end (main d15add35; summary only).
    # 34/40, 1 at session 30's end (main b4b5df91; summary only).
    # 35/40, 1 at session 31's end (main 7b374f93; summary only).
    # 36/40, 1 at session 34's end (main e28a640a; summary only).
    ("dialogs_frozen27.yaml", 36, 1),
    # the twenty-eighth batch (session 29), as first measured on session 29's starting code
    # (main b3fa7a0d, the lead, in a detached snapshot, before any change made with it in view):
    # its tuning part 37/40, 1 asked again ...
    # 39/40, 0 at session 30's end (main b4b5df91; summary only).
    # 40/40, 0 at session 31's end (main 7b374f93; summary only).
    ("dialogs_tune28.yaml", 40, 0),
    # ... and its frozen part, the honest dialog measure during session 29 (sealed: measured by
    # the lead only), at its first untouched figure (31/40, 2 asked again) and unchanged at
    # session 29's end (main d15add35); now a regression set, run for its summary only.
    # 33/40, 1 at session 30's end (main b4b5df91; summary only).
    # 34/40, 1 at session 31's end (main 7b374f93; summary only).
    # 35/40, 0 at session 40's end (main 81179225; summary only).
    # 36/40, 0 at session 42's end (main af30a4dc; summary only).
    ("dialogs_frozen28.yaml", 36, 0),
    # the twenty-ninth batch (session 30), as first measured on session 30's starting code
    # (main 8437bb20, the lead, in a detached snapshot, before any change made with it in view):
    # its tuning part 35/40, 0 asked again ...
    # 37/40, 0 at session 30's end (main b4b5df91; summary only).
    # 39/40, 0 at session 31's end (main 7b374f93; summary only).
    # 40/40, 0 at session 42's end (main af30a4dc; summary only).
    ("dialogs_tune29.yaml", 40, 0),
    # ... and its frozen part, the honest dialog measure during session 30 (sealed: measured by
    # the lead only), at its first untouched figure (31/40, 1 asked again); now a regression
    # set, run for its summary only.
    # 32/40, 0 at session 30's end (main b4b5df91; summary only).
    # 35/40, 0 at session 31's end (main 7b374f93; summary only).
    # 36/40, 0 at session 33's end (main 5661ec59; summary only).
    # 37/40, 0 at session 35's end (main 04915c53; summary only).
    # 38/40, 0 at session 36's end (main b3517bda; summary only).
    # 39/40, 0 at session 37's end (main 13874215; summary only).
    ("dialogs_frozen29.yaml", 39, 0),
    # the thirtieth batch (session 31), as first measured on session 31's starting code
    # (main aa94b5d2, the lead, in a detached snapshot, before any change made with it in view):
    # its tuning part 36/40, 0 asked again ...
    # 37/40, 0 at session 31's end (main 7b374f93; summary only).
    # 38/40, 0 at session 32's end (main ea97b562; summary only).
    # 39/40, 0 at session 33's end (main 5661ec59; summary only).
    # 40/40, 0 at session 36's end (main b3517bda; summary only).
    ("dialogs_tune30.yaml", 40, 0),
    # ... and its frozen part, the honest dialog measure during session 31 (sealed: measured by
    # the lead only), at its first untouched figure (36/40, 1 asked again); now a regression
    # set, run for its summary only.
    # 36/40, 1 at session 31's end (main 7b374f93; summary only).
    # 37/40, 0 at session 32's end (main ea97b562; summary only).
    # 38/40, 0 at session 33's end (main 5661ec59; summary only).
    # 39/40, 0 at session 35's end (main 04915c53; summary only).
    ("dialogs_frozen30.yaml", 39, 0),
    # the thirty-first batch (session 32), as first measured on session 32's starting code
    # (main 3fc2cfb1, the lead, in a detached snapshot, before any change made with it in view):
    # its tuning part 34/40, 1 asked again ...
    # 35/40, 1 at session 32's end (main ea97b562; summary only).
    # 36/40, 1 at session 33's end (main 5661ec59; summary only).
    # 37/40, 1 at session 39's end (main 806e88a5; summary only).
    ("dialogs_tune31.yaml", 37, 1),
    # ... and its frozen part, the honest dialog measure during session 32 (sealed: measured by
    # the lead only), at its first untouched figure (33/40, 2 asked again); now a regression
    # set, run for its summary only.
    # 33/40, 2 at session 32's end (main ea97b562; summary only).
    # 36/40, 1 at session 33's end (main 5661ec59; summary only).
    # 37/40, 1 at session 35's end (main 04915c53; summary only).
    # 39/40, 0 at session 36's end (main b3517bda; summary only).
    # 40/40, 0 at session 42's end (main af30a4dc; summary only).
    ("dialogs_frozen31.yaml", 40, 0),
    # the thirty-second batch (session 33), as first measured on session 33's starting code
    # (main 4cf6471c, the lead, in a detached snapshot, before any change made with it in view):
    # its tuning part 36/40, 2 asked again ...
    # 38/40, 0 at session 33's end (main 5661ec59; summary only).
    ("dialogs_tune32.yaml", 38, 0),
    # ... and its frozen part, the honest dialog measure during session 33 (sealed: measured by
    # the lead only), at its first untouched figure (34/40, 0 asked again); now a regression
    # set, run for its summary only.
    # 34/40, 0 at session 33's end (main 5661ec59; summary only).
    # 36/40, 0 at session 34's end (main e28a640a; summary only).
    # 37/40, 0 at session 37's end (main 13874215; summary only).
    ("dialogs_frozen32.yaml", 37, 0),
    # the thirty-third batch (session 34), as first measured on session 34's starting code
    # (main 10407f3d, the lead, in a detached snapshot, before any change made with it in view):
    # its tuning part 37/40, 0 asked again ...
    # 38/40, 0 at session 34's end (main e28a640a; summary only).
    ("dialogs_tune33.yaml", 38, 0),
    # ... and its frozen part, the honest dialog measure during session 34 (sealed: measured by
    # the lead only), at its first untouched figure (37/40, 1 asked again); now a regression
    # set, run for its summary only.
    # 37/40, 1 at session 34's end (main e28a640a; summary only).
    # 39/40, 0 at session 35's end (main 04915c53; summary only).
    ("dialogs_frozen33.yaml", 39, 0),
    # the thirty-fourth batch (session 35), as first measured on session 35's starting code
    # (main 338792d7, the lead, in a detached snapshot, before any change made with it in view):
    # its tuning part 34/40, 1 asked again ...
    # 34/40, 0 at session 35's end (main 04915c53; summary only).
    # 35/40, 0 at session 36's end (main b3517bda; summary only).
    # 36/40, 0 at session 37's end (main 13874215; summary only).
    ("dialogs_tune34.yaml", 36, 0),
    # ... and its frozen part, the honest dialog measure during session 35 (sealed: measured by
    # the lead only), at its first untouched figure (33/40, 1 asked again); now a regression
    # set, run for its summary only.
    # 33/40, 1 at session 35's end (main 04915c53; summary only).
    # 38/40, 0 at session 36's end (main b3517bda; summary only).
    # 39/40, 0 at session 39's end (main 806e88a5; summary only).
    ("dialogs_frozen34.yaml", 39, 0),
    # the thirty-fifth batch (session 36), as first measured on session 36's starting code
    # (main bfc7a520, the lead, in a detached snapshot, before any change made with it in view):
    # its tuning part 36/40, 0 asked again ...
    # 37/40, 0 at session 36's end (main b3517bda; summary only).
    # 38/40, 0 at session 37's end (main 13874215; summary only).
    ("dialogs_tune35.yaml", 38, 0),
    # ... and its frozen part, the honest dialog measure during session 36 (sealed: measured by
    # the lead only), at its first untouched figure (35/40, 2 asked again); now a regression
    # set, run for its summary only.
    # 35/40, 2 at session 36's end (main adb09d9c; summary only).
    # 38/40, 1 at session 37's end (main 13874215; summary only).
    # 39/40, 0 at session 41's end (main 4d78e05e; summary only).
    ("dialogs_frozen35.yaml", 39, 0),
    # the thirty-sixth batch (session 37), as first measured on session 37's starting code
    # (main 01338dd0, the lead, in a detached snapshot, before any change made with it in view):
    # its tuning part 37/40, 0 asked again ...
    # 39/40, 0 at session 38's end (main 7a972b1b; summary only).
    ("dialogs_tune36.yaml", 39, 0),
    # ... and its frozen part, the honest dialog measure during session 37 (sealed: measured by
    # the lead only), at its first untouched figure (34/40, 2 asked again); now a regression
    # set, run for its summary only.
    # 34/40, 2 at session 37's end (main 13874215; summary only).
    # 38/40, 1 at session 38's end (main 7a972b1b; summary only).
    ("dialogs_frozen36.yaml", 38, 1),
    # the thirty-seventh batch (session 38), as first measured on session 38's starting code
    # (main cc625297, the lead, in a detached snapshot, before any change made with it in view):
    # its tuning part 35/40, 2 asked again ...
    # 35/40, 1 at session 39's end (main 806e88a5; summary only).
    # 36/40, 0 at session 41's end (main 4d78e05e; summary only).
    ("dialogs_tune37.yaml", 36, 0),
    # ... and its frozen part, the honest dialog measure during session 38 (sealed: measured by
    # the lead only), at its first untouched figure (34/40, 0 asked again); now a regression
    # set, run for its summary only.
    # 34/40, 0 at session 38's end (main 7a972b1b; summary only).
    # 38/40, 0 at session 39's end (main 806e88a5; summary only).
    ("dialogs_frozen37.yaml", 38, 0),
    # the thirty-eighth batch (session 39), as first measured on session 39's starting code
    # (main 3b1444df, the lead, in a detached snapshot, before any change made with it in view):
    # its tuning part 32/40, 2 asked again ...
    # 34/40, 0 at session 39's end (main 806e88a5; summary only).
    # 36/40, 0 at session 42's end (main af30a4dc; summary only).
    ("dialogs_tune38.yaml", 36, 0),
    # ... and its frozen part, the honest dialog measure during session 39 (sealed: measured by
    # the lead only), at its first untouched figure (31/40, 3 asked again); now a regression
    # set, run for its summary only.
    # 32/40, 3 at session 39's end (main 806e88a5; summary only).
    # 36/40, 1 at session 40's end (main 81179225; summary only).
    ("dialogs_frozen38.yaml", 36, 1),
    # the thirty-ninth batch (session 40), as first measured on session 40's starting code
    # (main b4b2a00f, the lead, in a detached snapshot, before any change made with it in view):
    # its tuning part 36/40, 1 asked again ...
    # 38/40, 1 at session 40's end (main 81179225; summary only).
    # 40/40, 0 at session 41's end (main 4d78e05e; summary only).
    ("dialogs_tune39.yaml", 40, 0),
    # ... and its frozen part, the honest dialog measure during session 40 (sealed: measured by
    # the lead only), at its first untouched figure (33/40, 3 asked again); now a regression
    # set, run for its summary only.
    # 33/40, 3 at session 40's end (main 81179225; summary only).
    # 35/40, 1 at session 41's end (main 4d78e05e; summary only).
    # 37/40, 0 at session 42's end (main af30a4dc; summary only).
    ("dialogs_frozen39.yaml", 37, 0),
    # the fortieth batch (session 41), as first measured on session 41's starting code
    # (main 0d3132f9, the lead, in a detached snapshot, before any change made with it in view):
    # its tuning part 36/40, 3 asked again ...
    # 37/40, 2 at session 41's end (main 4d78e05e; summary only).
    # 37/40, 1 at session 42's end (main af30a4dc; summary only).
    ("dialogs_tune40.yaml", 37, 1),
    # ... and its frozen part, the honest dialog measure during session 41 (sealed: measured by
    # the lead only), at its first untouched figure (32/40, 3 asked again); now a regression
    # set, run for its summary only.
    # 33/40, 3 at session 41's end (main 4d78e05e; summary only).
    # 34/40, 2 at session 42's end (main af30a4dc; summary only).
    ("dialogs_frozen40.yaml", 34, 2),
    # the forty-first batch (session 42), as first measured on session 42's starting code
    # (main b1233ddf, the lead, in a detached snapshot, before any change made with it in view):
    # its tuning part 32/40, 1 asked again ...
    ("dialogs_tune41.yaml", 32, 1),
    # ... and its frozen part, the honest dialog measure during session 42 (sealed: measured by
    # the lead only), at its first untouched figure (32/40, 1 asked again); now a regression
    # set, run for its summary only.
    # 32/40, 1 at session 42's end (main af30a4dc; summary only).
    ("dialogs_frozen41.yaml", 32, 1),
    # the forty-second batch (session 43), as first measured on session 43's starting code
    # (main 4701770b, the lead, in a detached snapshot, before any change made with it in view):
    # its tuning part 33/40, 0 asked again ...
    ("dialogs_tune42.yaml", 33, 0),
    # ... and its frozen part, the honest dialog measure from session 43, at its first untouched
    # figure (34/40, 1 asked again), run for its summary only.
    ("dialogs_frozen42.yaml", 34, 1),
    # the held-out probe of session 16 (i19-facts16: facts in the first message and in the reply
    # to "did it help?"), written before its changes: 14/23 with 11 asked again on main 0f822b7;
    # 16/23 (9) with an exception's name read as the error, not a program; 17/23 (8) with a
    # weekday's adjective with the event; 18/23 (8) with "не видає талони" no error; 20/23 (6)
    # with a window or a status with a colon and a longer text after "says:".
    # 21/23 (5) with what a mixer or the tray shows after a colon (i19-facts17).
    # 21/23 (2) with a question a scripted reply was typed at counted as unread (i19-ask25).
    ("../dialogs_probe16f.yaml", 21, 2),
    # the held-out probe of session 15 (i19-route15: upset users, hidden IT, routing and
    # priority), written before its changes: 28/35 then; 44/45 at session 15's end, 45/45 with a
    # screen waiting for a connection read as the network's (i19-route16) ...
    ("../dialogs_probe15r.yaml", 45, 0),
    # ... and session 16's (i19-route16: urgency without trigger words, hidden IT, places,
    # upset users), written before its changes: 29/34 on main ec6a8f6; 30/34 with the wait for
    # a connection; 33/34 with a line stopped, an event at its time before what people do and
    # the writer's own work stopped read as one person; 34/34 with a device stopped for
    # everybody kept from the outage the matcher leans to.
    ("../dialogs_probe16r.yaml", 34, 0),
    # the held-out probe of session 17 (i19-facts17: habits, progress states, messages after a
    # colon, models, corrections, facts in another answer), written before its changes: 13/24
    # with 14 asked again on main 91ea034; 15/24 (11) with a habit of the user's read as tried;
    # 17/24 (11) with a model after a maker no list knows kept with its name; 20/24 (8) with a
    # progress stopped at a figure read as the error ("висит на 45%", "stuck at 99%"); 21/24 (7)
    # with what a mixer or the tray shows after a colon; 22/24 (6) with the device handled by
    # hand read as tried ("I already blew the vents out", i19-facts18).
    # 23/24 (0) with a question a scripted reply was typed at counted as unread (i19-ask25);
    # 24/24 (0) with "I meant Monday, not Tuesday" correcting the start (i19-ask26).
    ("../dialogs_probe17f.yaml", 24, 0),
    # the held-out probe of session 17 (i19-route17: urgency and counts of people, hidden IT,
    # places, upset users), written before its changes: 29/32 on main b0b3f07; 30/32 with a
    # count after "на" read as those stopped; 31/32 with any line stopped; 32/32 with "talk
    # to an actual person".
    ("../dialogs_probe17r.yaml", 32, 0),
    # the held-out probe of session 18 (i19-facts18: facts in a reply wrapped in a "no", caps, an
    # emoticon, swearing or a correction; attempts made by hand and attempts not made), written
    # before its changes: 20/24 with 4 asked again on main c861ea0; 21/24 (4) with "тобто", "то
    # есть", "I meant" read as what the user meant.
    # 22/24, 1 at session 28's end (main 2391a37e; summary only).
    ("../dialogs_probe18f.yaml", 22, 1),
    # the held-out probe of session 18's product field (i19-product18: systems named by role or
    # acronym, folders, 1С's configurations, OS editions), written before its changes: 2/20 with
    # 17 asked again on main 423c5d3; 14/20 (6) with those changes (the folder scenarios fail:
    # a folder is no product, see the NOTE); 15/20 (5) with "the MES about 20 minutes ago".
    # 16/20, 4 at session 28's end (main 2391a37e; summary only).
    # 18/20, 2 at session 32's end (main ea97b562; summary only).
    ("../dialogs_probe18p.yaml", 18, 2),
    # the held-out probe of session 18 (i19-route18: counts that are sizes, upset users, urgency
    # and its negatives, hidden IT), written before its changes: 25/31 on main e7e2268; 27/31
    # with a room's size read also after a preposition; 29/31 with an event right after a time
    # ahead and an outage said as over; 30/31 with a tablet read as a device.
    # 31/31 (0) with "daite ludynu"-type translit read as людину (i19-prio23).
    ("../dialogs_probe18r.yaml", 31, 0),
    # the held-out probe of session 19's since field (i19-since19: a start said as an event with
    # its verb, a span said inverted or roughly, a correction, a restatement; deadlines, events
    # ahead, how long an attempt took and how often, which are no start), written before its
    # changes: 10/22 with 9 asked again on main 6fb8f46; 20/22 (4) with since read from any
    # wording (the two left: a reply never typed, as no "did it help?" was asked, and a product
    # named only in the reply).
    # 20/22 (2) on main fdbf81e (a reply never typed is typed at the first question); 21/22 (1)
    # with i19-ask22's attempts, products and screen words.
    # 22/22 (0) with a question a scripted reply was typed at counted as unread (i19-ask25).
    ("../dialogs_probe19s.yaml", 22, 0),
    # the held-out probe of session 19's tried and error fields and question counts
    # (i19-tried19: attempts in any form, the machine's own acts, messages in any quotes, after
    # a dash, codes with a label; phones, prices, versions), written before its changes: 19/21
    # with 2 asked again on main 30ff1ac, and the same with them (the two left: a reply never
    # typed, as the scenario names no topic and the choices are declined, and a model before
    # "router" with no maker, a product-field miss; see the NOTE).
    # 21/21 (0) with a question a scripted reply was typed at counted as unread (i19-ask25).
    ("../dialogs_probe19t.yaml", 21, 0),
    # the held-out probe of session 19 (i19-route19: long first messages whose facts name other
    # topics' words, vague first messages, the language switched at every step, outcomes),
    # written before its changes: 17/24 on main 7b5e467; 20/24 with what still works left out of
    # the match ("Принтер рядом печатает, сеть есть"). The three vague first messages end with the
    # bot's "tell me more", which the scripted user does not answer. 19/24 since i19-facts32
    # took a shared folder named in an access problem as its product: the climbing gym's writer
    # asks the product of "the shared folder \\gym-nas\members" (answering a laptop's model),
    # while frozen25's and tune25's writers take a path as the product; 6 scenarios of 5 files
    # gained against this one.
    # 22/24, 0 at session 35's end (main 04915c53; summary only).
    ("../dialogs_probe19r.yaml", 22, 0),
    # the held-out probe of session 20's error field (i19-error20: an error told in words, in a
    # reply or in the answer to another question, a code in an unusual shape, an error said to
    # be absent; a success status and text on paper or a label, which are no error), written
    # before its changes: 11/26 with 15 asked again on main a5b1680; 21/26 (5) with what the
    # screen says read in those words. The five left: a reply never typed (no topic, so no "did
    # it help?"), and four misses of other fields (a product named by its kind, "Windows Update"
    # as a product, "промивку дюз робила" and "хтось вимкнув" as what was tried).
    # 22/26 (1) with "Промивку дюз робила" read as tried (i19-ask21).
    # 23/26, 1 at session 28's end (main 2391a37e; summary only).
    # 24/26, 1 at session 33's end (main 5661ec59; summary only).
    ("../dialogs_probe20e.yaml", 24, 1),
    # the held-out probe of session 20 (i19-route20: rich first messages whose facts name other
    # topics' words, urgency without trigger words, places and hidden IT), written before its
    # changes: 17/25 with 1 asked again on main a5b1680, and the same with them. Two of its misses
    # moved: the puppet theatre and the crematorium are P1 now, and fail only on the probe's own
    # question bound (3, with four fields open); the rest are left (see the session's report).
    # 18/25, 1 at session 28's end (main 2391a37e; summary only).
    # 20/25, 1 at session 34's end (main e28a640a; summary only).
    # 21/25, 0 at session 38's end (main 7a972b1b; summary only).
    # 22/25, 0 at session 39's end (main 806e88a5; summary only).
    ("../dialogs_probe20r.yaml", 22, 0),
    # the held-out probe of session 20's tried field and question counts (i19-tried20: an
    # attempt said as its result, "після перезавантаження те саме", "same even after a restart";
    # someone else's attempt; a "nothing yet"; an attempt in a reply or in the answer to another
    # question; the urgent hand-off with the attempt given), written before its changes: 21/24
    # with 2 asked again on main a5b1680; 23/24 (0) after. The one left expects the error asked
    # where the first message says "blinking red": the readable parts (dialogs_own.yaml) take a
    # light that blinks as what the device shows, so the probe's own expectation is the miss.
    ("../dialogs_probe20t.yaml", 23, 0),
    # the held-out probe of session 21's matching of rich first messages (i19-flow21: the
    # screen's message said without quotes, a code alone, context naming another topic, a
    # second problem; urgent and place messages routed by what is broken), written before its
    # changes: 15/23 with 1 asked again on main 13f629a; 18/23 (1) with what the screen says
    # kept in the problem statement.
    # 19/23 (1) with couriers queuing at one counter read as that station's program, not an
    # outage (i19-prio23); 20/23 (0) with "Opened the back cover, nothing stuck there" read as
    # tried (i19-ask26).
    # 21/23, 0 at session 34's end (main e28a640a; summary only).
    ("../dialogs_probe21f.yaml", 21, 0),
    # the held-out probe of session 21's tried and os fields (i19-ask21: attempts judged in slang
    # or as a complaint, a cable or a part handled by hand, "run Windows Update"; the system said
    # as the device, "на хромбуке", "з айпада"; a cat, the router itself, a complaint with no
    # step as negatives), written before its changes: 20/24 with 2 asked again on main ff52d59;
    # 23/24 (0) with those read; 24/24 (0) with the end of the system's name said after its
    # family in other words no product ("на лінуксі Mint 21" gave the product "Mint 21").
    # 23/24, 1 at session 29's end (main d15add35): c147ba06 asks what message a black picture
    # shows, as the blind writers do in 12 scenarios of 9 files; this engineer-written probe
    # counts "shows a black picture in Zoom" as the error given (summary only).
    ("../dialogs_probe21x.yaml", 23, 1),
    # the held-out probe of session 21's priority and impatient path (i19-prio21: work stopped
    # for a team or a site without "все", money or a deadline in everyday words, a public queue,
    # upset users who want a person; negatives: one person, a deadline weeks away, a stake waved
    # off, "срочно" about nothing stopped), written before its changes: 20/26 with 0 asked again
    # on main 81cd434; 25/26 (0) with a client sitting across the desk, a queue of people, a
    # filing due today read as at stake and a stake waved off or weeks away as none. The one
    # left: "срочно" said of a wish with nothing stopped stays P1 (the urgent word rules).
    # 26/26 (0) in session 22 (i19-prio22): the lead decided that wish is P2 (the probe's P3
    # expectation changed to it), and an urgent word on a wish or a how-to is P2.
    ("../dialogs_probe21p.yaml", 26, 0),
    # the held-out probe of session 22's attempts and products (i19-ask22: an attempt as a noun,
    # as a result, by someone else, object first, options that all failed ("не помогло ни …, ни
    # …", "neither … nor … helped"); products no list knows (a microphone, SCADA, exocad, an
    # analyser, a POS terminal, a plotter), an OS name's tail; corrections of the OS; a plan, a
    # question and a printer that restarts itself as negatives), written before its changes:
    # 11/24 with 13 asked again on main 21097f1; 12/24 (8) on main fdbf81e (a reply never typed
    # is typed at the first question); 18/24 (3) with them; 19/24 (2) with "Our Rodecaster Pro
    # II" read and "not 11, 10" as a correction. Of the five left, three type their reply at a
    # question (no article is offered) or take the urgent path, and two expect a count the author
    # got wrong ("Перезагрузку ещё не делали" answers "tried", as the tables say; "ІІТ Користувач
    # ЦСК" left out of not_asked).
    # 21/24 (0) with a question a scripted reply was typed at counted as unread (i19-ask25).
    ("../dialogs_probe22x.yaml", 21, 0),
    # the held-out probe of session 22's flow around "did it help?" (i19-flow22: facts in the
    # reply in ru/uk/en, facts in two messages, a reply that names another problem, the language
    # of the last message, a plain yes; a bare "no" and a Russian reply with an English name as
    # negatives), written before its changes: 17/24 with 8 asked again on main 21097f1; 19/24 (4)
    # with a reply left when the checklist starts typed at its question and another problem's
    # article after a "no" that names it. Left: a question asked before the second message that
    # answers it comes (3), "жутко тормозит" read as upset, "сетевая папка со сканами" answered
    # as the scanner.
    # 20/24 (4) with the circus read as the workplace, not anger (i19-prio23); 21/24 (3) with the
    # second message sent at the first question after the reply (i19-flow23, the measure).
    # 22/24 (1) with a question a scripted reply was typed at counted as unread (i19-ask25).
    # 23/24, 1 at session 29's end (main d15add35; summary only).
    # 24/24, 0 at session 39's end (main 806e88a5; summary only).
    ("../dialogs_probe22f.yaml", 24, 0),
    # the held-out probe of session 22's priority, routing and impatient path (i19-prio22: work
    # stopped for many or a stake in everyday words, the public at a counter beside a stop and
    # beside nothing stopped, an urgent word on a wish or a how-to (P2), upset users and requests
    # for a person in ru/uk/en and in Latin letters, a place named beside what is broken),
    # written before its changes: 18/25 with 0 asked again on main 21097f1, 22/31 (0) with six
    # more upset scenarios added and run on main before any change; 27/31 (0) with the deadline
    # "сегодня до 18:00", a boat that sails and the urgent wish read. Left: two P4 expectations
    # for wishes with no urgent word (read P3), "daite ludynu" in Latin letters (the translit
    # reads "лудину") and Outlook's crash routed to software (its article's group).
    # 31/31 (0) in session 23 (i19-prio23): a wish with nothing broken is P4, "нужно установить"
    # a request, "ludynu" is людину, and Outlook's crash is software (decided: app_crash; the
    # probe's email expectation changed to it).
    ("../dialogs_probe22p.yaml", 31, 0),
    # the held-out probe of session 23's priority, routing and impatient path (i19-prio23: a
    # deadline said as the time left, many stopped or money at stake in everyday words, a stake
    # waved off, a wish with nothing broken (P4), strong words about a thing, requests for a
    # person in Latin letters, a crashing Outlook, a network folder of scans, a desk phone),
    # written before its changes: 21/28 with 0 asked again on main 5e08a02; 27/28 (0) with them.
    # Left: "the desk phone … has no dial tone" answered as no_internet (the article decides).
    ("../dialogs_probe23p.yaml", 27, 0),
    # the held-out probe of session 23's flow across messages (i19-flow23: facts in two or three
    # messages after "did it help?", "не знаю" / "no idea" to the version of a product already
    # named, a stop with something at stake whose self-help failed, an answer that says many
    # are stopped; an ordinary "no" as negatives), written before its changes: 7/22 with 4 asked
    # again on main 5e08a02 (9/22, 4 on main 91b4eea); 16/22 (1) with them. Left: three expect
    # at most two questions after one station's stake and a failed article (the product asks
    # every open field there, as README says and a frozen part's scenario needs), a dental
    # clinic's front desk read as many stopped (the outage), a cinema's ticket printer routed to
    # network, a reply never typed.
    # 16/22 (0) with a question a scripted reply was typed at counted as unread (i19-ask25).
    # 17/22, 0 at session 32's end (main ea97b562; summary only).
    # 20/22, 0 at session 34's end (main e28a640a; summary only).
    ("../dialogs_probe23f.yaml", 20, 0),
    # the held-out probe of session 23's checklist readings (i19-ask23: attempts by someone the
    # user turned to, a plug pulled with the place first, steps listed before one verdict, a step
    # kept up in English, a change inside the clause that set it off; a prompt and an amount
    # free no error, a code after its colour, "during the …" a start, a person before a product;
    # negatives: a question about a restart, a machine that restarts itself), written before its
    # changes: 9/24 with 7 asked again on main 5e08a02 (10/24, 7 once the observatory scenario
    # followed the writers' rule that a time word with an attempt gives since; 10/24, 7 on main
    # 7167a83); 23/24 (1) with them. Left: the laundromat's card terminal reads as urgent and
    # asks "what error?" before the reply that says it is typed.
    # 23/24 (0) with a question a scripted reply was typed at counted as unread (i19-ask25).
    ("../dialogs_probe23X.yaml", 23, 0),
    # the twenty-third batch (session 24), its tuning part as first run on session 24's starting
    # code (main 31979fc, before any change made with it in view): 35/40, 2 asked again; 36/40,
    # 2 with i19-route24 (a screen that says its service is out of reach is the network's);
    # 39/40, 0 with i19-ask24 (a state is no step, "isnt picked up"; a span with a state that has
    # lasted, "I've been locked out … for ten minutes"; a quote after "вилазить" in an attempt);
    # 40/40, 0 with i19-prio24 (an online briefing half an hour ahead is an event at stake).
    ("dialogs_tune23.yaml", 40, 0),
    # the held-out probe of session 24's routing (i19-route24: things the word lists may not hold
    # with what they do or fail to do, a screen that says its service is out of reach, a device
    # that lost its connection), written before its changes: 21/26 with 0 asked again on main
    # 31979fc; 23/26 (0) with a screen's service out of reach read as the network's; 26/26 (0)
    # in session 25 (i19-route25: a device told by what it does, it shows, went dark, reads or
    # opens with a card).
    ("../dialogs_probe24r.yaml", 26, 0),
    # the held-out probe of session 24's checklist readings (i19-ask24: a quote after a verb of
    # appearing, steps listed with one verb, a verdict on an attempt in the reply, a start told as
    # an event or a span; negatives: a program's state, a place or a count no fact), written
    # before its changes: 17/24 with 3 asked again on main 31979fc; 20/24 (3) with them; 21/24 (1)
    # with "It's a 3Shape TRIOS" and "it's an HID OMNIKEY 5427" read as products. Left: the
    # mushroom farm's stuck jobs read as urgent (two questions), "the Aurora pavilion" read as HP's
    # Pavilion, the climbing gym's card reader offered no self-help (its reply comes after "what
    # did you try?").
    # 23/24 (0) with "the Aurora pavilion" no product and the climbing gym's reply typed at "what
    # did you try?" counted as that question unread (i19-ask25).
    # 24/24, 0 at session 28's end (main 2391a37e; summary only).
    ("../dialogs_probe24X.yaml", 24, 0),
    # the held-out probe of session 24's priority and impatient path (i19-prio24: a stop with a
    # stake in everyday words, an inspection at a clock time, a dispatch room gone dark, a word
    # that names a stake in another sense, anger at the desk against strong words about a
    # thing), written before its changes: 19/24 with 0 asked again on main 31979fc; 23/24 (0)
    # with them. Left: a taxi dispatch room's "no new orders reach any of our consoles" is not
    # read as IT at all (the bot asks what the problem is).
    # 24/24, 0 at session 29's end (main d15add35; summary only).
    ("../dialogs_probe24p.yaml", 24, 0),
    # the held-out probe of session 25's routing (i19-route25: things no word list holds told by
    # what they do: a clock or a sign that shows zeros or went dark, a lock or a gate that will
    # not read a card, a fob or a wristband, a handheld that sees no codes; card terminals that
    # take no card on the urgent path), written before its changes: 5/22 with 0 asked again on
    # main aa5fd34; 20/22 (0) with a device told by what it does. Left: the court's LED sign
    # "з номером зали засідань" read as an event at stake (P1, the outage), a card reader that
    # "declines every card, riders are walking away" not read as money at stake (P3).
    # 21/22, 0 at session 27's end (main c5f99892: the checklist, routing and priority
    # readings of i19-ask27, i19-route27 and review27; summary only).
    # 22/22, 0 at session 40's end (main 81179225; summary only).
    ("../dialogs_probe25X.yaml", 22, 0),
    # the held-out probe of session 25's checklist (i19-ask25: corrections in a later reply,
    # facts in the answer to another field's question, a time said with someone's attempt, a
    # reply typed for a "did it help?" that never comes, upset or "give me a person"; negatives:
    # ordinary nouns spelt like brands, a span of presence, a plan, a room number), written
    # before its changes: 13/23 with 3 asked again on main aa5fd34, 16/23 (3) once three
    # expectations followed the readable writers' rule that the day of an attempt says it was
    # broken by then; 19/23 (1) with a question a scripted reply was typed at counted as unread
    # and "a dead pixel", "the touchpad surface" no product. Left: "sorry, it's actually Excel,
    # not Word" asks Excel's version, "not Thursday, it was Wednesday" keeps Thursday, "I've been
    # at the counter for ten minutes" reads as the start, a weather sensor is not read as IT.
    # 20/23 (1) with "not Thursday, it was Wednesday" correcting the start (i19-ask26).
    # 21/23, 0 at session 39's end (main 806e88a5; summary only).
    ("../dialogs_probe25k.yaml", 21, 0),
    # the held-out probe of session 26's routing (i19-route26: a machine that is not the
    # company's IT, a kitchen, laundry or gym machine, a kiln, a tram stop's machine that took
    # the writer's coins, told whose it is with no ticket, outcome none; what stays IT beside
    # it, a scoreboard, a queue display, a card reader at a desk; a part that does not respond;
    # one user who is no P1; the urgent and upset paths' questions), written before its
    # changes: 15/24 with 0 asked again on main a4084c5; 22/24 (0) with whose a machine is.
    # Left: "вентилятор не відповідає, кулер стоїть" routed as a slow computer (software); an
    # upset "да что ж такое опять!" with a show in half an hour gets self-help, then 5 questions.
    # 23/24, 0 at session 34's end (main e28a640a; summary only).
    ("../dialogs_probe26X.yaml", 23, 0),
    # the held-out probe of session 26's checklist (i19-ask26: an attempt said as its result, by
    # someone else, as a check on another machine, as a passive, in the reply to "did it help?"
    # and in the answer to another field's question; negatives: a wish, a question, what the
    # machine did by itself), written before its changes: 21/23 with 0 asked again on main
    # a4084c5 and 923817b; 21/23 (0) with a start's preposition kept and a bare weekday
    # correcting it. Left: a wish ("I'd like to try reinstalling the driver", "хотіла б
    # перевстановити драйвер") is read as an attempt and "what did you try?" is not asked.
    # 23/23, 0 at session 40's end (main 81179225; summary only).
    ("../dialogs_probe26k.yaml", 23, 0),
]


@pytest.mark.parametrize(("name", "floor", "reasked"), BLIND_SETS)
async def test_blind_scenarios_never_ask_for_what_was_given(
    settings: Settings, name: str, floor: int, reasked: int
) -> None:
    out = io.StringIO()
    await eval_dialogs(settings, _blind(name), out)
    summary = out.getvalue().split("\n\n")[-1]
    # Only the summary is shown on failure: the frozen sets' scenarios stay unread.
    asked_again = int(summary.split("already answered: ", 1)[1].split()[0])
    passed = int(summary.split("/")[0])
    # Regression floors at the level reached (see the NOTEs), not the goals (100%, 0 asked again).
    assert asked_again <= reasked, summary
    assert passed >= floor, summary


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
    # The summary names the checks that failed, without naming the scenario.
    checks = "asked again tried 1, reply language 1, too many questions 1"
    assert f"scenarios failing each check: {checks}\n" in report
    # ... the kinds of scenario each check failed in, and what the extra questions asked for.
    kinds = "asked again tried (rich_first 1); reply language (rich_first 1); too many questions"
    assert f"  by kind: {kinds} (rich_first 1)\n" in report
    extra = "os 1, product 1, since 1, tried 1"
    assert f"questions asked where there were too many: {extra}\n" in report


async def test_a_second_message_comes_before_the_answers_to_the_checklist(
    settings: Settings, tmp_path: Path
) -> None:
    # Two messages typed one after the other: the second is sent at the first question the
    # first one brought, whatever it asks, not held back until a question `answers` has
    # nothing for (session 23: "Canon" from `answers` was typed first, then the second
    # message at the next question, and the count was one more than a user would see).
    path = tmp_path / "two.yaml"
    path.write_text(
        "scenarios:\n"
        "  - name: printer, tried in the first reply, the rest in a second message\n"
        "    kind: later_facts\n"
        "    lang: ru\n"
        '    say: "принтер не печатает, пишет «Автономная работа»"\n'
        '    replies: ["нет, не помогло, выключала и включала", '
        '"это HP LaserJet M404, на Windows 10, с утра так"]\n'
        "    answers: {product: Canon}\n"
        "    expect: {outcome: ticket, fields: {product: M404, os: Windows 10},"
        " not_asked: [problem, tried, error, os, since], max_questions: 1}\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    assert await eval_dialogs(settings, path, out) == 0, out.getvalue()


async def test_replies_the_bot_never_asks_for_are_fine(settings: Settings, tmp_path: Path) -> None:
    # Upset users get a hand-off, not "did it help?": their scripted reply stays unused.
    path = tmp_path / "upset.yaml"
    path.write_text(
        "scenarios:\n"
        "  - name: upset user with an unused reply\n"
        "    kind: upset\n"
        "    lang: ru\n"
        '    say: "сколько можно, дайте живого человека! принтер не печатает"\n'
        '    replies: ["нет, не помогло"]\n'
        "    answers: {tried: перезагружала, since: с утра}\n"
        "    expect: {outcome: ticket, group: hardware, max_questions: 2}\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    assert await eval_dialogs(settings, path, out) == 0, out.getvalue()
    assert "1/1 scenarios passed" in out.getvalue()


async def test_a_vague_first_message_is_followed_by_the_problem_when_asked(
    settings: Settings, tmp_path: Path
) -> None:
    """A vague first message ("hi, I've got an issue, can someone help"): the bot asks what
    is broken, and the scripted user tells the problem `answers` holds, once, as a person
    would (probe19r)."""
    path = tmp_path / "vague.yaml"
    path.write_text(
        "scenarios:\n"
        "  - name: vague first, the problem when asked\n"
        "    lang: en\n"
        '    say: "hi, I\'ve got an issue at the marina office, can someone help"\n'
        '    answers: {problem: "the VPN won\'t connect from home, GlobalProtect just spins"}\n'
        "    expect: {outcome: ticket, group: network}\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    assert await eval_dialogs(settings, path, out) == 0, out.getvalue()


async def test_a_vague_first_message_with_no_problem_to_tell_ends_there(
    settings: Settings, tmp_path: Path
) -> None:
    # nothing in `answers` to tell: the conversation ends at the bot's question, no ticket
    report = await run_failing(
        settings,
        tmp_path / "vague.yaml",
        "  - name: vague first, nothing more to say\n"
        "    lang: uk\n"
        '    say: "допоможіть будь ласка, щось не так"\n'
        "    answers: {since: з п'ятниці}\n"
        "    expect: {outcome: ticket}\n",
    )
    assert "outcome none, expected ticket" in report


async def test_the_scripted_user_says_dont_know_in_the_language_they_switched_to(
    settings: Settings, tmp_path: Path
) -> None:
    # Expecting the Russian "не знаю" makes it fail, and the report shows the English one.
    report = await run_failing(
        settings,
        tmp_path / "switch.yaml",
        "  - name: starts in Russian, goes on in English\n"
        "    lang: ru\n"
        '    say: "на ноуте пропал звук"\n'
        '    replies: ["sorry, can we continue in English? it didn\'t help"]\n'
        "    expect: {outcome: ticket, fields: {error: 'не знаю'}}\n",
    )
    assert "field error=\"don't know\" lacks 'не знаю'" in report


async def test_a_reply_left_when_the_checklist_starts_is_typed_at_its_question(
    settings: Settings, tmp_path: Path
) -> None:
    """Facts in two messages ("нет, перезагружала", then what the screen says and the rest):
    the bot goes to its questions after the first "no", and the scripted user types the second
    message where it has no scripted answer, as a person who had it to say; it was never typed,
    and the ticket said "не знаю" for all it told."""
    path = tmp_path / "two.yaml"
    path.write_text(
        "scenarios:\n"
        "  - name: facts in two messages\n"
        "    kind: later_facts\n"
        '    say: "не печатает принтер"\n'
        '    replies: ["нет, не помогло, перезагружала", "пишет «Принтер отключен», принтер'
        ' HP LaserJet M404, на Windows 10, с утра"]\n'
        "    expect: {outcome: ticket, fields: {tried: перезагружала, error: Принтер отключен,"
        " product: M404, os: Windows 10, since: с утра}}\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    assert await eval_dialogs(settings, path, out) == 0, out.getvalue()


async def test_a_question_a_reply_was_typed_at_went_unread(
    settings: Settings, tmp_path: Path
) -> None:
    """No article, so no "did it help?": the bot asks what was tried, and the user types the
    "no" and the facts the writer wrote for "did it help?" (six probe scenarios of sessions
    16-24). Tried was not given before the question: it is no question asked again, and the
    count is of the questions the user read (session 24 counted it twice over: 3, 1 again)."""
    path = tmp_path / "no_article.yaml"
    path.write_text(
        "scenarios:\n"
        "  - name: door card reader, no article, the reply carries the attempt and the model\n"
        "    kind: later_facts\n"
        "    lang: en\n"
        '    say: "the card reader at the climbing gym door won\'t read member cards"\n'
        "    replies: [\"no. unplugging the reader didn't do anything. it's an HID OMNIKEY"
        ' 5427, the PC is on Windows 10"]\n'
        "    answers: {error: no error, since: since yesterday evening}\n"
        "    expect: {outcome: ticket, fields: {tried: unplugging the reader, product: OMNIKEY"
        " 5427, os: Windows 10}, not_asked: [problem, tried, product, os], max_questions: 2}\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    assert await eval_dialogs(settings, path, out) == 0, out.getvalue()
    assert "questions asked that were already answered: 0" in out.getvalue()


def test_a_field_said_before_the_question_a_reply_was_typed_at_is_asked_again() -> None:
    # What the ticket holds for tried was in the first message: asking it is asking again,
    # whatever the user typed at the question.
    scenario = Scenario(
        name="x", say="принтер не печатает, перезагружала", expect={"not_asked": ["tried"]}
    )
    seen = Transcript(
        questions=["tried", "os"],
        typed_over={0: "принтер не печатает, перезагружала"},
        ticket={"fields": {"tried": "перезагружала", "os": "Windows 10"}},
    )
    assert read_questions(scenario, seen) == ["tried", "os"]
    assert reasked_questions(scenario, seen) == ["tried"]
    # ... and one given only in the reply typed at it went unread
    seen.ticket = {"fields": {"tried": "выключала и включала"}}
    assert read_questions(scenario, seen) == ["os"]
    assert reasked_questions(scenario, seen) == []
