"""Which group and priority an alert's ticket gets, from its labels and config rules.

Rules are read in order; the first rule whose labels all match sets the group, the first
that sets a priority sets the priority (`severity=critical` → P1, `team=network` →
network). What no rule sets comes from the defaults. Values match in any case and
without surrounding spaces ("Critical" from an exporter is the rule's `critical`); label
names match exactly, as Prometheus spells them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from gateway.config import AlertRule
from gateway.models import Priority, SupportGroup


@dataclass(frozen=True)
class AlertRouting:
    """Label rules with their defaults."""

    rules: Sequence[AlertRule] = ()
    default_group: SupportGroup = SupportGroup.NETWORK
    default_priority: Priority = Priority.P2

    def route(self, labels: Mapping[str, str]) -> tuple[SupportGroup, Priority]:
        group: SupportGroup | None = None
        priority: Priority | None = None
        for rule in self.rules:
            if not all(_same(labels.get(name), value) for name, value in rule.match.items()):
                continue
            if group is None and rule.group:
                group = SupportGroup(rule.group)
            if priority is None and rule.priority:
                priority = Priority(rule.priority)
        return group or self.default_group, priority or self.default_priority


def _same(label: str | None, wanted: str) -> bool:
    return label is not None and label.strip().casefold() == wanted.strip().casefold()
