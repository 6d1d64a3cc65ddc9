"""What a user's report of a problem says, for mass-incident detection, and whether two
reports are about the same outage.

A report is weighed by what it shares with another, never by one broad word alone:
- the shared **services** it names ("CRM", "почта"): different services never merge;
  the same service is one outage only when both reports say it is broken ("down", "не
  открывается", "ошибка"); being filed under the same knowledge-base topic is not enough.
  Five people asking five different things about mail are five questions, not a mail
  outage;
- the **products** the checklist extracted ("Jira", "1С"): the same rule; a system named by
  its role ("the intranet portal", "сервер обліку") is a description, not a name: its words
  are weighed as the text's;
- the specific **knowledge-base topic** ("vpn_connect");
- the **text**: the words that say *what* is broken (lemmas, with the words that only say
  *that* something is broken set aside) must largely be the same, compared fuzzily. "the
  portal is down" and "the intranet portal is not loading" share "portal"; "my printer is
  down" and "the portal is down" share only "down", which is no evidence; "портал лежит"
  and "the portal is down" share the portal. Reports naming
  nothing but "everything is down" ("всё легло, ничего не открывается") are one outage
  with each other and with nothing else.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from gateway.dialogs.extract.roles import role_names
from gateway.knowledge.morphology import lemmas
from gateway.knowledge.normalize import code_readings, without_code_words
from gateway.knowledge.translit import cyrillic_readings
from gateway.triage.services import ServiceCatalog

# Topics any outage looks like: they say nothing about *which* service is down.
GENERIC_TOPICS = frozenset(
    {"outage_critical", "website_wont_open", "app_crash", "app_wont_start", "hardware_broken"}
)
# Topics that are one person's own matter even when many write at once: a forgotten
# password, a phone to set up, access to be granted, a program to install.
PERSONAL_TOPICS = frozenset(
    {"password_reset", "account_locked", "mfa_lost_device", "new_access_request",
     "software_install", "file_recovery", "email_setup_phone", "disk_full", "slow_computer",
     "keyboard_mouse", "monitor_no_signal", "no_sound", "mic_camera", "update_stuck",
     "printer_paper_jam", "hardware_broken", "license_expired"}
)  # fmt: skip
# Lemmas (ru, uk; English as stemmed) that say something is broken, not what.
_BROKEN_TEXT = """
    работать открываться открыть открывать грузиться загружаться загрузиться лечь лежать
    упасть падать висеть зависнуть виснуть тормозить недоступный отвечать подключаться
    подключиться пускать запускаться запуститься сломаться отвалиться глючить сбой авария
    заходить зайти войти входить доступ ошибка
    працювати відкриватися відкрити відкривати вантажитися завантажуватися завантажитися
    лягти лежати впасти падати висіти зависнути гальмувати недоступний відповідати
    підключатися підключитися запускатися запуститися зламатися відвалитися глючити збій
    аварія заходити увійти входити помилка
    down work open load crash hang freez unavail unreach respond connect outag broken broke
    offlin error fail slow time out login log stuck dead"""
BROKEN_WORDS = frozenset(_BROKEN_TEXT.split())
# Words that say how many or when, never what: "у всех", "nothing", "опять", "since morning".
_FILLER_TEXT = """
    все всё весь вся ничего никто ни ничто нигде совсем опять снова уже сегодня утро
    с час минута мочь у нас мы я меня не нет
    усе всі нічого ніхто ні знову вже сьогодні ранок могти ми мене
    everyth noth nobodi anyth anyon everyon everybodi all again today morn sinc keep
    can cannot not no me us we anymor still whole entir"""
FILLER_WORDS = frozenset(_FILLER_TEXT.split())
SHARED_ENOUGH = 0.5  # of the words saying what is broken, the share both reports use
@dataclass(frozen=True, slots=True)
class OutageReport:
    """One user's new problem as detection weighs it."""

    conversation: str
    text: str
    at: float
    topic: str = ""  # a specific knowledge-base topic ("" for none or a generic one)
    services: frozenset[str] = frozenset()
    products: frozenset[str] = frozenset()
    subject: frozenset[str] = frozenset()  # lemmas saying what is broken
    broken: bool = False  # says that something is broken (or is a generic outage topic)

    def to_json(self) -> str:
        # Field by field: `dataclasses.asdict` deep-copies each frozenset first (101 against
        # 10-18 us a report; one for every new problem a turn counts).
        raw: dict[str, Any] = {
            "conversation": self.conversation,
            "text": self.text,
            "at": self.at,
            "topic": self.topic,
            "services": sorted(self.services),
            "products": sorted(self.products),
            "subject": sorted(self.subject),
            "broken": self.broken,
        }
        return json.dumps(raw, ensure_ascii=False)

    @classmethod
    def from_json(cls, raw: str | bytes) -> OutageReport:
        data = json.loads(raw)
        return cls(
            conversation=str(data["conversation"]),
            text=str(data.get("text", "")),
            at=float(data.get("at", 0)),
            topic=sys.intern(str(data.get("topic", ""))),
            services=_words(data.get("services")),
            products=_words(data.get("products")),
            subject=_words(data.get("subject")),
            broken=bool(data.get("broken")),
        )


_NO_WORDS: frozenset[str] = frozenset()


def _words(values: Any) -> frozenset[str]:
    """A stored report's services, products or lemmas as a set, its words shared with every
    other report that has them (interned) and one empty set for all that have none. Each
    worker process keeps the detection window parsed (up to `WINDOW_READ`, 5,000 reports in
    a busy hour): a report took 1.3 KB, three empty sets of 216 bytes each of it."""
    if not values:
        return _NO_WORDS
    return frozenset(sys.intern(str(value)) for value in values)


@dataclass(frozen=True)
class ReportReader:
    """Turns a problem as the dialog took it up into an `OutageReport`."""

    catalog: ServiceCatalog
    similarity: int = 85  # rapidfuzz ratio at which two words are the same word

    def read(
        self, conversation: str, text: str, topic: str, product: str, at: float
    ) -> OutageReport | None:
        """None for a personal matter (never an outage, whatever it names) or no text."""
        if topic in PERSONAL_TOPICS or not text.strip():
            return None
        # An error code says that something is broken; the words read with it ("помилка
        # 502", "502 bad gateway") and the family word the normaliser reads into it (a
        # website's) are no word of what: "портал, помилка 502", "portal not loading, 502 bad
        # gateway" and "the portal is down" name one thing.
        read_in = code_readings(text)
        said = without_code_words(text)
        words = set(Counter(lemmas(said)) - Counter(lemmas(" ".join(read_in))))
        broken = (
            topic in GENERIC_TOPICS
            or bool(read_in)
            or said != text.lower()  # a reason phrase said alone: "page says bad gateway"
            or any(_is_broken(w) for w in words)
        )
        # "Zoom (зум)": the name, not how this user spelt it, is what two reports share; "the
        # intranet portal" describes what "the portal is down" names: its words are the text's
        described = {name.lower() for _, name in role_names(text)} if product else set()
        products = frozenset(
            name
            for p in product.split(",")
            if (name := p.split(" (")[0].strip().lower())
            and name not in described
        )
        services = self.catalog.named_in(text)
        service_words = {w for w in words if self.catalog.named_in(w)}
        product_words = {w for w in words if any(w in p or p in w for p in products)}
        subject = frozenset(
            w
            for w in words - service_words - product_words
            if not _is_broken(w) and w not in FILLER_WORDS and not w.isdigit() and len(w) > 1
        )
        return OutageReport(
            conversation=conversation,
            text=text.strip()[:500],
            at=at,
            topic="" if topic in GENERIC_TOPICS else topic,
            services=services,
            products=products,
            subject=subject,
            broken=broken,
        )

    def related(self, a: OutageReport, b: OutageReport) -> bool:
        """Whether two reports are about one outage (see the module docstring)."""
        return self._related(a, b, self._same_words(a.subject, b.subject))

    def says_broken(self, text: str, names: frozenset[str]) -> bool:
        """Whether `text` says in its own words that one of `names` is broken, fuzzily and
        across scripts: a service an operator declared that the catalog does not list
        ("portal": "портал не открывается", "portal not loading, 502 bad gateway"; not "how
        do I add a link to the portal", which the matcher may file with the outages)."""
        words = frozenset(w for name in names for w in lemmas(name) if len(w) > 1)
        report = self.read("", text, "", "", at=0.0)
        if report is None or not report.broken or not words:
            return False
        return bool(self._same_words(words, report.subject))

    def cluster(self, anchor: OutageReport, reports: list[OutageReport]) -> list[OutageReport]:
        """The reports of `reports` `related` to `anchor`, in their order. A busy window
        holds thousands: their words are compared with the anchor's once per distinct
        word, all in one pass (not report by report, word by word)."""
        same = self._same_words(anchor.subject, {w for r in reports for w in r.subject})
        return [r for r in reports if self._related(anchor, r, same)]

    def _related(self, a: OutageReport, b: OutageReport, same: dict[str, frozenset[str]]) -> bool:
        """`related`, with `same`: for each word of b's, the words of a's it is the same as."""
        same_topic = bool(a.topic) and a.topic == b.topic
        both_broken = a.broken and b.broken
        # A named service or product is one outage only when both say it is broken: the
        # matcher may file a question about it under the same topic as its outage ("how do
        # I make a mail folder" beside "mail is down"), and a topic is no report of breakage.
        if a.services or b.services:
            return bool(a.services & b.services) and both_broken
        if a.products or b.products:
            return bool(a.products & b.products) and both_broken
        if same_topic:
            return True
        if a.topic and b.topic:
            return False  # two different specific problems
        if not both_broken:
            return False
        if not a.subject or not b.subject:
            return not a.subject and not b.subject  # "everything is down" only with itself
        # How much of the two word sets is the same words: a's words that some word of b's
        # is, fuzzily, against all the words of both.
        matched = [same[w] for w in b.subject if w in same]
        common = len(frozenset().union(*matched)) if matched else 0
        return common / (len(a.subject) + len(b.subject) - common) >= SHARED_ENOUGH

    def _same_words(
        self, words: frozenset[str], others: set[str] | frozenset[str]
    ) -> dict[str, frozenset[str]]:
        """For each of `others` that is, fuzzily, one of `words` (typos, and a Latin word
        read in Cyrillic: "portal" = "портал"): which of them."""
        spelt = [(spelling, other) for other in others for spelling in _spellings(other)]
        choices = [spelling for spelling, _ in spelt]
        found: dict[str, set[str]] = {}
        for word in words:
            for spelling in _spellings(word):
                for _, _, i in process.extract(
                    spelling, choices, scorer=fuzz.ratio, score_cutoff=self.similarity, limit=None
                ):
                    found.setdefault(spelt[i][1], set()).add(word)
        return {other: frozenset(same) for other, same in found.items()}

    def signature(self, report: OutageReport) -> str:
        """The detection key of the outage this report would anchor."""
        if report.services:
            return "service:" + "+".join(sorted(report.services))
        if report.products:
            return "product:" + "+".join(sorted(report.products))
        if report.topic:
            return f"topic:{report.topic}"
        return "text:" + ("+".join(sorted(report.subject)) or "*")


@lru_cache(maxsize=16384)
def _spellings(word: str) -> tuple[str, ...]:
    # Memoised: every new report is compared word by word with the whole window.
    return (word, *cyrillic_readings(word)[:2]) if word.isascii() else (word,)


def _is_broken(word: str) -> bool:
    return word in BROKEN_WORDS or word.startswith(("недоступ", "unreach", "unavail", "offlin"))
