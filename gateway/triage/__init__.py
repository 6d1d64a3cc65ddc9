"""Triage: priority, hand-off to a person, routing to a second-line group, SLA times."""
