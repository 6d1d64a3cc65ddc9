"""Users who write during a declared outage: told at once, subscribed, no checklist.

A new problem that is about an open incident (it names the affected service, also one an
operator declared that the catalog does not list, or, naming none, it is the incident's
knowledge-base topic, or detection would count it with the report the incident was formed
on, or it reads like the reports that formed it)
gets the known-outage notice in the user's language and a button "it's something else".
Pressing it (or saying so) drops the subscription and continues the normal dialog with
the problem as first written. A problem naming another service is never joined.
"""

from __future__ import annotations

import dataclasses
import re

from rapidfuzz import fuzz

from gateway.dialogs.events import IncidentDeclined, IncidentJoined
from gateway.dialogs.extract import product as products
from gateway.dialogs.extract.words import fold
from gateway.dialogs.flow import SupportFlow
from gateway.dialogs.outages import OpenIncident
from gateway.dialogs.state import Phase
from gateway.dialogs.turn import Turn
from gateway.models import InboundMessage
from gateway.triage.outage_reports import ReportReader
from gateway.triage.services import ServiceCatalog

SOMETHING_ELSE = "incident:other"
_SOMETHING_ELSE_WORDS = re.compile(
    r"(?<![\w])(?:это другое|у меня другое|не то|другая проблема|це інше|інша проблема|не те|"
    r"something else|not that|another problem|different problem)(?![\w])",
    re.IGNORECASE,
)


class IncidentFlow:
    """Recognises reports of an open outage and answers them for the whole incident."""

    def __init__(self, flow: SupportFlow, catalog: ServiceCatalog, similarity: int) -> None:
        self.flow = flow
        self.catalog = catalog
        self.similarity = similarity
        self.reader = ReportReader(catalog, similarity)

    def handle(self, turn: Turn, msg: InboundMessage) -> bool:
        """True when the message was about an open incident and has been answered."""
        st = turn.state
        open_ids = {i.id for i in turn.ctx.incidents}
        if st.incident and st.incident not in open_ids:
            st.incident = ""  # the outage is over
        text = msg.text.strip()
        if msg.payload == SOMETHING_ELSE or (
            st.incident and text and _SOMETHING_ELSE_WORDS.search(text)
        ):
            return self._declined(turn, msg)
        if msg.payload or not text or st.phase != Phase.IDLE:
            return False
        incident = self.matching(turn, text)
        if incident is None:
            return False
        self.flow.detect_language(turn, text, msg.language_hint)
        st.problem, st.unclear = text, ""
        already = st.incident == incident.id
        st.incident = incident.id
        title = incident.title_for(turn.lang) or turn.text("incident_reported")
        lines = [turn.text("incident_known", title=title)]
        public = incident.notice(turn.lang)
        if public:
            lines.append(public)
        turn.send("\n\n".join(lines), turn.button("btn_something_else", SOMETHING_ELSE))
        if not already:
            turn.emit(IncidentJoined(incident_id=incident.id, text=text))
        return True

    def matching(self, turn: Turn, text: str) -> OpenIncident | None:
        """The open incident `text` reports, if any (never one the user declined)."""
        candidates = [i for i in turn.ctx.incidents if i.id not in turn.state.incidents_declined]
        if not candidates:
            return None
        named = self.catalog.named_in(text)
        if named:
            return next((i for i in candidates if i.services & named), None)
        match = self.flow.knowledge.match(text, turn.lang)
        topic = ""
        if match.outcome == "answer" and match.candidates:
            topic = match.candidates[0].article.id
            by_topic = next((i for i in candidates if i.topic and i.topic == topic), None)
            if by_topic is not None:
                return by_topic
        for incident in candidates:
            # a service declared in the console that the catalog does not list: its name
            unknown = incident.services - self.catalog.names
            if unknown and self.reader.says_broken(text, unknown):
                return incident
        report = self.reader.read("", text, topic, products.extract(text), at=0.0)
        if report is not None:
            for incident in candidates:
                if incident.anchor is not None and self.reader.related(report, incident.anchor):
                    return incident
        folded = fold(text).lower()
        for incident in candidates:
            for sample in incident.samples:
                if fuzz.token_sort_ratio(folded, fold(sample).lower()) >= self.similarity:
                    return incident
        return None

    def _declined(self, turn: Turn, msg: InboundMessage) -> bool:
        st = turn.state
        declined, problem = st.incident, st.problem
        st.incident = ""
        if declined:
            st.incidents_declined = [*st.incidents_declined, declined][-20:]
            turn.emit(IncidentDeclined(incident_id=declined))
        st.phase = Phase.IDLE
        if msg.payload == SOMETHING_ELSE:
            msg = dataclasses.replace(msg, payload="", text=problem)
        turn.say("incident_something_else")
        self.flow.new_problem(turn, msg)
        return True
