"""Mass-incident detection: users' reports (and firing alerts) of one outage, counted in
a sliding window, declare an incident or propose one to the operators.

Each new problem a user brings is counted in the window of `window_minutes`, in the
turn's own commit (`record`), as an `OutageReport` (`gateway.triage.outage_reports`).
After the commit (`observe`) the reports of the window about the same outage are
counted, one per user; reports are one outage only by what they share, never by one
broad word. A firing alert for the service counts as one report. At `reports` an
incident is declared (`auto_declare`), or proposed: the console lists a proposal while
the window still holds enough reports and alerts (re-counted each time it is read), and
one click declares it (`declare_proposed`).
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from gateway.config import IncidentSettings
from gateway.dialogs.outages import OpenIncident
from gateway.operations import ActionRefused, Actor
from gateway.store import Incident, Store, Transaction
from gateway.store.incidents import WINDOW_READ
from gateway.triage.outage_reports import OutageReport, ReportReader
from gateway.triage.services import ServiceCatalog

DETECTION = "detection"
NewProblem = tuple[str, str, str]  # a problem the dialog took up: text, topic, products


# How detection declares what it found: gateway.incidents.IncidentService.declare.
Declares = Callable[..., Awaitable[Incident]]


@dataclasses.dataclass
class Look:
    """What detection reads of the store for a group of reports (one worker's group of
    turns, after its commit), read once for all of them: the open incidents, the reports
    in the window and the alerts firing. `stepped`: the open incidents the turns were
    stepped with (their users were told of those, or said it was something else);
    `incidents` starts as them and is read anew before anything is declared."""

    stepped: tuple[OpenIncident, ...] | None = None
    incidents: tuple[OpenIncident, ...] | None = None
    window: list[OutageReport] | None = None
    firing: dict[str, str] | None = None  # alert ticket id -> service
    fresh: bool = False  # `incidents` read after the turns' commits

    def declared(self, incident: OpenIncident) -> None:
        """One of the group's reports declared `incident`: the next see it, and the window
        and alerts as they are now."""
        if self.incidents is not None:
            self.incidents = (*self.incidents, incident)
        self.window = self.firing = None
        self.fresh = False


class OutageDetection:
    """Counts reports, finds the outage they make up, declares or proposes it."""

    def __init__(
        self,
        store: Store,
        settings: IncidentSettings,
        catalog: ServiceCatalog,
        declare: Declares,
        bring_in: Callable[[str, str], Awaitable[object]],
        open_incidents: Callable[[], Awaitable[tuple[OpenIncident, ...]]],
        clock: Callable[[], float],
    ) -> None:
        self.store = store
        self.settings = settings
        self.catalog = catalog
        self.reader = ReportReader(catalog, settings.similarity)
        self.window = ReportWindow(store)
        self.declare = declare
        self.bring_in = bring_in  # (incident id, conversation): subscribe and tell, once
        self.open_incidents = open_incidents
        self.clock = clock

    def record(
        self, tx: Transaction, conversation_key: str, problem: NewProblem
    ) -> OutageReport | None:
        """Count a user's new problem in the window, in the turn's own commit (a crash
        after it loses no report: the next report of the outage weighs it)."""
        if not self.settings.enabled:
            return None
        now = self.clock()
        report = self.reader.read(conversation_key, *problem, at=now)
        if report is not None:
            ttl = self.settings.window_minutes * 60 + 60
            self.store.incidents.add_report(tx, conversation_key, report.to_json(), now, ttl)
        return report

    async def observe(self, report: OutageReport, look: Look | None = None) -> Incident | None:
        """After the turn's commit: declare (or propose) the outage `report` completes,
        or bring its user into the open incident it is about. `look`: what the reports
        of one group of turns share of the store, read for the first of them (the open
        incidents, the window), brought up to date when one of them declares an incident
        (`Look.declared`). Returns the incident declared, if one was."""
        if not self.settings.enabled:
            return None
        look = look or Look()
        if look.stepped is not None and self._about(report, look.stepped):
            return None  # its user was told in the turn (or said it was something else)
        if await self._known(report, look):
            return None
        for anchor in _one_service_each(report):
            cluster = await self._cluster(anchor, look)
            evidence = await self._alert_evidence(anchor, look)
            if len(cluster) + evidence < self.settings.reports:
                continue
            # Named by the first report of the outage, so every later report of it (in
            # any worker) names the same one, and one proposal is updated, not several.
            first = min(cluster, key=lambda r: r.at) if not anchor.services else anchor
            # Declared meanwhile by another worker, from a window without this report (its
            # turn read the open incidents before, its commit landed after): joined to it.
            if await self._known(report, look, fresh=True):
                return None
            signature = self.reader.signature(first)
            if await self.store.incidents.signature_holder(signature):
                continue
            title, services, topic = described(first)
            if not self.settings.auto_declare:  # proposed: an operator declares it
                await self._propose(signature, first, cluster, evidence)
                continue
            return await self.declare(
                title=title,
                services=services,
                topic=topic,
                messages={},
                by=Actor(DETECTION),
                reporters=[r.conversation for r in cluster],
                samples=[r.text for r in cluster],
                signature=signature,
                anchor=first,
                why=f"{len(cluster)} users reported it, {evidence} alerts firing",
            )
        return None

    async def alerts_firing(self, services: frozenset[str]) -> Incident | None:
        """After a firing alert of `services` (its ticket on its own): the alerts of one
        of them firing now count like reporters, so `reports` of them declare (or propose)
        its incident, as users' reports do; users' reports are weighed with the alerts
        when a user reports it (`observe`). Returns the incident declared, if one was."""
        if not self.settings.enabled or not self.settings.alert_counts:
            return None
        for service in sorted(services):
            anchor = OutageReport(
                conversation="",
                text=f"{service}: alerts firing",
                at=self.clock(),
                services=frozenset({service}),
                broken=True,
            )
            evidence = await self._alert_evidence(anchor)
            if evidence < self.settings.reports:
                continue
            if self._about(anchor, await self.open_incidents()):
                return None
            signature = self.reader.signature(anchor)
            if await self.store.incidents.signature_holder(signature):
                continue
            title, services_, topic = described(anchor)
            if not self.settings.auto_declare:
                await self._propose(signature, anchor, [], evidence)
                continue
            return await self.declare(
                title=title,
                services=services_,
                topic=topic,
                messages={},
                by=Actor(DETECTION),
                signature=signature,
                anchor=anchor,
                why=f"{evidence} alerts firing",
            )
        return None

    async def _propose(
        self, signature: str, first: OutageReport, cluster: list[OutageReport], alerts: int
    ) -> None:
        """Propose the outage `first` names for an operator to declare (`auto_declare:
        false`), with its reports (`cluster`; none for alerts alone) and firing alerts."""
        title, services, _ = described(first)
        tx = Transaction()
        self.store.incidents.propose(
            tx,
            signature,
            {"signature": signature, "title": title, "services": services,
             "reports": len(cluster), "alerts": alerts,
             "samples": [r.text for r in cluster[:5]], "at": self.clock(),
             "anchor": first.to_json()},
        )  # fmt: skip
        await self.store.commit(tx)

    async def proposals(self) -> list[dict[str, Any]]:
        """Incidents detection proposes (with `auto_declare: false`), re-counted now: the
        reports still in the window and the alerts still firing. Proposals no longer
        backed by enough of them are forgotten."""
        if not self.settings.enabled:
            return []
        current, stale = [], []
        for signature, proposal in (await self.store.incidents.proposals()).items():
            anchor = _anchor(proposal)
            if anchor is None:
                stale.append(signature)
                continue
            reports = len(await self._cluster(anchor))
            alerts = await self._alert_evidence(anchor)
            if reports + alerts >= self.settings.reports:
                current.append({**proposal, "reports": reports, "alerts": alerts})
            else:
                stale.append(signature)
        await self.store.incidents.forget_proposals(stale)
        return sorted(current, key=lambda p: -float(p.get("at", 0)))

    async def declare_proposed(
        self,
        signature: str,
        by: Actor,
        messages: dict[str, str],
        title: str = "",
        *,
        action_id: str = "",
    ) -> Incident:
        """Declare what detection proposed: its reporters are brought in as if detected."""
        current = {p["signature"]: p for p in await self.proposals()}
        proposal = current.get(signature)
        anchor = _anchor(proposal) if proposal else None
        if proposal is None or anchor is None:
            raise ActionRefused(f"no proposal {signature[:60]}", "no_proposal")
        cluster = await self._cluster(anchor)
        default_title, services, topic = described(anchor)
        return await self.declare(
            title=title or default_title,
            services=services,
            topic=topic,
            messages=messages,
            by=by,
            reporters=[r.conversation for r in cluster],
            samples=[r.text for r in cluster],
            signature=signature,
            anchor=anchor,
            why=f"proposed: {len(cluster)} users reported it, {proposal['alerts']} alerts firing",
            action_id=action_id,
        )

    async def _known(self, report: OutageReport, look: Look, *, fresh: bool = False) -> bool:
        """Whether an open incident is about `report` already; if its turn was not
        stepped with it, its user is brought in (once: a subscriber is left as is).
        With `fresh`, the open incidents are read again unless they were read after the
        turns' commits."""
        if look.incidents is None or (fresh and not look.fresh):
            look.incidents, look.fresh = await self.open_incidents(), True
        incident = self._about(report, look.incidents)
        if incident is not None and look.stepped is not None:
            await self.bring_in(incident.id, report.conversation)
        return incident is not None

    def _about(
        self, report: OutageReport, incidents: tuple[OpenIncident, ...]
    ) -> OpenIncident | None:
        """The incident among `incidents` that is about `report`'s outage, if any."""
        for incident in incidents:
            if report.services & incident.services:
                return incident
            if incident.anchor is not None and self.reader.related(report, incident.anchor):
                return incident
        return None

    async def _cluster(self, anchor: OutageReport, look: Look | None = None) -> list[OutageReport]:
        """The reports in the window about the same outage as `anchor`, one per user,
        `anchor` first."""
        window = look.window if look and look.window is not None else None
        if window is None:
            window = await self.window.reports(self.clock() - self.settings.window_minutes * 60)
            if look:
                look.window = window
        others = [r for r in window if r.conversation != anchor.conversation]
        # an anchor of no user (alerts firing, `alerts_firing`) is no report of its own
        first = [anchor] if anchor.conversation else []
        return [*first, *self.reader.cluster(anchor, others)]

    async def _alert_evidence(self, report: OutageReport, look: Look | None = None) -> int:
        if not report.services or not self.settings.alert_counts:
            return 0
        firing = look.firing if look and look.firing is not None else None
        if firing is None:
            firing = await self.store.alerts.firing_services()
            if look:
                look.firing = firing
        return sum(1 for s in firing.values() if report.services & self.catalog.of_alert(s))


class ReportWindow:
    """The reports in the detection window, each read from the store and parsed once per
    process: every new report is weighed against the whole window, which in a busy hour
    holds thousands, so a look reads only the reports counted since the last one (from
    the log of reports), and the whole window only the first time or after a long gap."""

    def __init__(self, store: Store) -> None:
        self.store = store
        # conversation -> its latest report, oldest first (by time, then conversation)
        self._known: OrderedDict[str, OutageReport] = OrderedDict()
        self._place = ""  # in the log of reports: counted up to here is known
        # One look at a time: a look that starts while another is fetching the reports it
        # found past the place would otherwise find nothing new and miss them.
        self._looking = asyncio.Lock()

    async def reports(self, since: float) -> list[OutageReport]:
        """The latest report of each user counted since `since`, newest first."""
        async with self._looking:
            return await self._look(since)

    async def _look(self, since: float) -> list[OutageReport]:
        after = None
        if self._place:
            after = await self.store.incidents.reported_after(self._place, since)
        if after is None:
            members, self._place = await self.store.incidents.window(since)
            at = dict(members)  # newest first
            # what left the window (or expired) is forgotten, so memory follows the window
            known = self._known
            self._known = OrderedDict((who, known[who]) for who in reversed(at) if who in known)
            new = [who for who in at if who not in known or known[who].at != at[who]]
        else:
            counted, self._place = after
            new = list(dict.fromkeys(counted))  # a user counted twice is read once
        arrived = []
        for who, raw in zip(new, await self.store.incidents.reports(new), strict=True):
            self._known.pop(who, None)
            if raw is not None:
                arrived.append((who, OutageReport.from_json(raw)))
        arrived.sort(key=_newness)
        newest = next(reversed(self._known.items()), None)
        if arrived and newest is not None and _newness(arrived[0]) < _newness(newest):
            # counted after newer ones (stepped before them, committed after): in its place
            self._known = OrderedDict(sorted([*self._known.items(), *arrived], key=_newness))
        else:
            self._known.update(arrived)
        while self._known and (
            len(self._known) > WINDOW_READ or next(iter(self._known.values())).at < since
        ):
            self._known.popitem(last=False)  # the oldest left the window
        return list(reversed(self._known.values()))


def _newness(item: tuple[str, OutageReport]) -> tuple[float, str]:
    """How new a (conversation, report) is: its time, then (as Redis orders a tie) its
    conversation."""
    return item[1].at, item[0]


def described(report: OutageReport) -> tuple[str, list[str], str]:
    """The title, services and topic of an incident detection forms on a report."""
    if report.services:
        return ", ".join(sorted(report.services)).upper(), sorted(report.services), ""
    if report.products:
        return ", ".join(sorted(report.products)).title(), [], ""
    if report.topic:
        return report.topic.replace("_", " "), [], report.topic
    return report.text[:80], [], ""


def _one_service_each(report: OutageReport) -> list[OutageReport]:
    """A report naming several services counts towards an outage of each, separately."""
    if len(report.services) < 2:
        return [report]
    return [dataclasses.replace(report, services=frozenset({s})) for s in sorted(report.services)]


def _anchor(proposal: dict[str, Any]) -> OutageReport | None:
    raw = proposal.get("anchor")
    return OutageReport.from_json(raw) if isinstance(raw, str) and raw else None
