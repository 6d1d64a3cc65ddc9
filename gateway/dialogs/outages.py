"""What the dialog engine knows of an outage in progress (given in `StepContext`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from gateway.triage.outage_reports import OutageReport


@dataclass(frozen=True)
class OpenIncident:
    """A declared mass incident: what it is about and what users are told."""

    id: str
    title: str
    services: frozenset[str] = frozenset()  # shared services it affects ("crm")
    topic: str = ""  # the knowledge-base topic it was formed on, when no service was named
    samples: tuple[str, ...] = ()  # how users described it
    notices: dict[str, str] = field(default_factory=dict)  # language -> the public message
    anchor: OutageReport | None = None  # the report detection formed it on
    titles: dict[str, str] = field(default_factory=dict)  # language -> title, if per language

    def title_for(self, language: str) -> str:
        """As `Incident.title_for`: "" when its reporters' words are in other languages."""
        return self.titles.get(language, "") if self.titles else self.title

    def notice(self, language: str) -> str:
        return self.notices.get(language) or self.notices.get("en") or ""
