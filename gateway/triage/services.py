"""Shared services users name when they report an outage ("CRM не открывается", "the VPN
is down"): which of the configured services a text or an alert is about."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from gateway.config import SharedService


@dataclass(frozen=True)
class ServiceCatalog:
    """Configured services and the words that name them."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...] = ()
    groups: Mapping[str, str] | None = None

    @classmethod
    def from_config(cls, services: Mapping[str, SharedService]) -> ServiceCatalog:
        patterns = tuple(
            (
                name,
                re.compile(
                    r"(?<![\w])(?:" + "|".join(re.escape(w.lower()) for w in s.words) + r")",
                    re.IGNORECASE,
                ),
            )
            for name, s in services.items()
        )
        return cls(patterns, {name: s.group for name, s in services.items()})

    @property
    def names(self) -> frozenset[str]:
        """The configured services' names."""
        return frozenset(name for name, _ in self.patterns)

    def named_in(self, text: str) -> frozenset[str]:
        """The services a text names."""
        return frozenset(name for name, pattern in self.patterns if pattern.search(text))

    def of_alert(self, service: str) -> frozenset[str]:
        """The services an alert's `service` label is about: a catalog name or its words,
        else the label itself (lower case)."""
        label = service.strip().lower()
        if not label:
            return frozenset()
        if any(name == label for name, _ in self.patterns):
            return frozenset({label})
        return self.named_in(label) or frozenset({label})

    def group_of(self, service: str) -> str:
        return (self.groups or {}).get(service, "")
