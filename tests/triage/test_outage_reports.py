"""Reports of one outage: a report weighed against a whole window at once finds exactly
the reports the rule finds pair by pair (module docstring of gateway.triage.outage_reports)."""

from __future__ import annotations

import json
import random
import tracemalloc
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz

from gateway.knowledge.translit import cyrillic_readings
from gateway.triage.outage_reports import SHARED_ENOUGH, OutageReport, ReportReader
from gateway.triage.services import ServiceCatalog

EVAL = Path(__file__).resolve().parents[1] / "fixtures" / "eval"
BROKEN = {"ru": "не работает", "uk": "не працює", "en": "is down"}
# Typos, Latin read in Cyrillic, and the same words in other orders and company.
OWN = [
    ("портал лежит у всех", "ru"),
    ("the portal is down", "en"),
    ("the intranet portal is not loading", "en"),
    ("интранет портл не открывается", "ru"),
    ("портал не відкривається з ранку", "uk"),
    ("сайт бухгалтерии не грузится", "ru"),
    ("бухгалтерский сайт лёг", "ru"),
    ("my printer is down", "en"),
    ("всё легло, ничего не открывается", "ru"),
    ("все впало, нічого не відкривається", "uk"),
    ("everything is down", "en"),
    ("скуд на проходной не пускает", "ru"),
    ("турникет на проходной не пускает", "ru"),
]


@cache
def _spellings(word: str) -> tuple[str, ...]:
    return (word, *cyrillic_readings(word)[:2]) if word.isascii() else (word,)


def _related_pair_by_pair(reader: ReportReader, a: OutageReport, b: OutageReport) -> bool:
    """The rule as written, word by word (what detection did before it weighed windows)."""
    both_broken = a.broken and b.broken
    if a.services or b.services:
        return bool(a.services & b.services) and both_broken
    if a.products or b.products:
        return bool(a.products & b.products) and both_broken
    if a.topic and a.topic == b.topic:
        return True
    if (a.topic and b.topic) or not both_broken:
        return False
    if not a.subject or not b.subject:
        return not a.subject and not b.subject

    def same(x: str, y: str) -> bool:
        return any(
            fuzz.ratio(p, q) >= reader.similarity for p in _spellings(x) for q in _spellings(y)
        )

    common = sum(1 for w in a.subject if any(same(w, v) for v in b.subject))
    return common / (len(a.subject) + len(b.subject) - common) >= SHARED_ENOUGH


def _reports(reader: ReportReader) -> list[OutageReport]:
    rows = [json.loads(line) for line in (EVAL / "faq_dev.jsonl").read_text("utf-8").splitlines()]
    texts = [(r["q"], r["lang"], r.get("topic", "")) for r in rows if r.get("q")]
    texts += [(text, lang, "") for text, lang in OWN]
    random.seed(13)
    reports = []
    for n, (text, lang, topic) in enumerate(texts):
        # said as an outage, or not; filed under its topic, or under none (text only)
        said = f"{text} {BROKEN[lang]}" if n % 3 else text
        for filed in (topic if n % 4 == 0 else "", ""):
            report = reader.read(f"c{n}-{filed}", said, filed, "Jira" if n % 17 == 0 else "", n)
            if report is not None:
                reports.append(report)
    random.shuffle(reports)
    return reports


def test_a_report_weighed_against_the_whole_window_finds_what_pairs_find() -> None:
    reader = ReportReader(ServiceCatalog())
    reports = _reports(reader)
    assert len(reports) > 150
    found_any = 0
    anchors = reports[:60] + [r for r in reports if r.text.startswith(tuple(t for t, _ in OWN))]
    for anchor in anchors:
        window = [r for r in reports if r.conversation != anchor.conversation]
        expected = [r for r in window if _related_pair_by_pair(reader, anchor, r)]
        assert reader.cluster(anchor, window) == expected, anchor.text
        assert [r for r in window if reader.related(anchor, r)] == expected
        found_any += bool(expected)
    assert found_any > 10  # the texts do make up outages (typos and transliteration too)


def test_an_error_code_says_that_something_is_broken_not_what() -> None:
    """"помилка 502" is read as a website's error by the matcher; for an outage it is the
    portal that is named, as in the reports without a code."""
    reader = ReportReader(ServiceCatalog())
    coded = reader.read("a", "не можу зайти на портал, помилка 502", "", "", 0)
    plain = reader.read("b", "the intranet portal is not loading", "", "", 0)
    bare = reader.read("c", "портал, ошибка 503", "", "", 0)
    other = reader.read("d", "the wiki shows error 502", "", "", 0)
    assert coded and plain and bare and other
    assert reader.related(coded, plain) and reader.related(bare, plain)
    assert not reader.related(other, plain) and not reader.related(other, coded)


def test_the_words_read_with_a_code_are_no_words_of_what_is_broken() -> None:
    """review28: the reader took off only the word the code reading adds ("website"), not
    the words it read with the code: "портал выдает 503" was about something "выдавать", "the
    portal shows a 502" about something "shown", so neither was the portal's outage with a
    report that has more words ("портал с утра лежит у всей бухгалтерии"). The reason phrase
    is no word of what either."""
    reader = ReportReader(ServiceCatalog())
    for text in (
        "портал выдает 503",
        "портал показывает ошибку 502",
        "the portal shows a 502",
        "portal not loading, 502 bad gateway",
        "портал не працює, 503 Service Unavailable",
    ):
        report = reader.read("a", text, "", "", 0)
        said = "портал" if "портал" in text else "portal"
        assert report and report.broken and report.subject == {said}, (text, report)


def test_a_report_kept_in_the_window_reads_back_the_same() -> None:
    """What detection stores for a report (its JSON, written for every new problem a turn
    counts) is the report it reads back: the sets as sorted lists."""
    report = OutageReport(
        conversation="webchat:7",
        text="портал не відкривається",
        at=1764700000.25,
        topic="website_wont_open",
        services=frozenset({"portal", "intranet"}),
        products=frozenset({"chrome"}),
        subject=frozenset({"портал", "интранет"}),
        broken=True,
    )
    stored = json.loads(report.to_json())
    assert stored["services"] == ["intranet", "portal"] and stored["text"] == report.text
    assert OutageReport.from_json(report.to_json()) == report
    assert OutageReport.from_json(OutageReport("telegram:1", "", 0.0).to_json()) == OutageReport(
        "telegram:1", "", 0.0
    )


def test_the_detection_window_keeps_its_reports_small() -> None:
    """Each worker process keeps the detection window's reports parsed (up to 5,000 in a busy
    hour). Read back from the store a report took 1.3 KB: three empty sets of 216 bytes each
    and every lemma and topic a string of its own. Now its words are shared with the other
    reports that have them, and the same report reads back."""
    report = OutageReport(
        conversation="webchat:x",
        text="у всех не работает интернет в офисе",
        at=1764700000.5,
        topic="internet_down",
        subject=frozenset({"интернет", "офис"}),
        broken=True,
    )
    stored = [report.to_json().replace("webchat:x", f"webchat:{n}") for n in range(1000)]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        window = [OutageReport.from_json(raw) for raw in stored]
        used = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert used / len(window) < 800, used / len(window)
    assert window[7] == OutageReport(**{**_fields(report), "conversation": "webchat:7"})
    assert json.loads(window[7].to_json()) == json.loads(stored[7])


def _fields(report: OutageReport) -> dict[str, object]:
    return {name: getattr(report, name) for name in report.__dataclass_fields__}


def test_a_system_named_by_its_role_is_weighed_by_its_words() -> None:
    """The checklist keeps "intranet portal" as the product the user named (df8b885); for an
    outage it describes what "the portal is down" names, so the two are one outage. A name
    ("Jira") is still a name: its reports join only each other."""
    from gateway.dialogs.extract.product import extract

    reader = ReportReader(ServiceCatalog())

    def report(who: str, text: str) -> OutageReport:
        found = reader.read(who, text, "", extract(text), 0)
        assert found is not None
        return found

    role = report("a", "the intranet portal is not loading")
    assert role.products == frozenset()
    assert reader.related(role, report("b", "the portal is down"))
    assert reader.related(role, report("c", "портал опять лежит"))
    jira = report("d", "Jira is down")
    assert jira.products == {"jira"}
    assert not reader.related(jira, role)
    assert reader.related(jira, report("e", "jira висит"))
