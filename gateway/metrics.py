"""Prometheus metrics, served at /metrics: intake, turns, deliveries, tickets.

With worker processes the samples of every process are added up from the shared
directory (see `gateway.metrics_sharing`); gauges then keep the most recent value any
live process set, and a dead process's gauges are dropped (`process_gone`).
"""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

from gateway.metrics_sharing import MULTIPROCESS_DIR_ENV

INBOUND = Counter(
    "firstline_inbound_messages_total",
    "Messages from users, by channel and whether they were new or a repeat",
    ["channel", "result"],
)
TURNS = Histogram("firstline_turn_seconds", "Time to process one inbound message (engine + commit)")
DELIVERIES = Counter(
    "firstline_deliveries_total", "Replies handed to a channel, by outcome", ["channel", "result"]
)
TICKETS = Counter(
    "firstline_tickets_opened_total", "Tickets opened, by group and priority", ["group", "priority"]
)
RESOLVED_BY_BOT = Counter(
    "firstline_resolved_first_line_total", "Conversations the bot resolved without a person"
)
# A counter never goes down: a bot resolution the user then says did not hold ("still broken"
# at its rating) is counted here, and the resolutions that held are the one minus the other
RESOLUTIONS_UNDONE = Counter(
    "firstline_resolved_first_line_undone_total",
    "Resolutions counted in firstline_resolved_first_line_total that did not hold "
    "(the user said it was still broken at the rating)",
)
WEBCHAT_REFUSED = Counter(
    "firstline_webchat_frames_refused_total",
    "Web-chat frames refused, by reason (bad_frame, binary, too_large, before_hello, "
    "no_hello, too_long, rate_limited, other)",
    ["reason"],
)

SLA_WARNINGS = Counter(
    "firstline_sla_warnings_total",
    "SLA warnings fired, by group, priority and clock (first_response, resolution)",
    ["group", "priority", "clock"],
)
SLA_BREACHES = Counter(
    "firstline_sla_breaches_total",
    "SLA breaches, by group, priority and clock (first_response, resolution)",
    ["group", "priority", "clock"],
)

TIME_BUCKETS = (60, 300, 600, 1800, 3600, 4 * 3600, 8 * 3600, 86400, 3 * 86400, 7 * 86400)
FIRST_RESPONSE = Histogram(
    "firstline_first_response_seconds",
    "Working seconds from a ticket's opening to a person's first message",
    ["group", "channel", "priority"],
    buckets=TIME_BUCKETS,
)
RESOLUTION = Histogram(
    "firstline_resolution_seconds",
    "Working seconds from a ticket's opening to its resolution (pauses excluded)",
    ["group", "channel", "priority"],
    buckets=TIME_BUCKETS,
)
# A reopened ticket's operator resolution is taken off the reports; the histogram above keeps
# it (an observation cannot be taken back), and this counter says how many tickets reopened.
REOPENED = Counter(
    "firstline_tickets_reopened_total",
    "Resolved tickets opened again (the user's \"still broken\", an operator's reopen, "
    "an alert firing again), by group, channel and priority",
    ["group", "channel", "priority"],
)
CSAT = Histogram(
    "firstline_csat_score",
    "User ratings 1-5, by group ('-' for the bot) and channel",
    ["group", "channel"],
    buckets=(1, 2, 3, 4, 5),
)
DEFLECTION = Counter(
    "firstline_conversations_concluded_total",
    "Requests that ended with the bot's answer (bot) or with a ticket for a person (ticket)",
    ["channel", "outcome"],
)

REDIS_REPLICAS = Gauge(
    "firstline_redis_replicas_online",
    "Replicas online of the Redis primary (a cluster: over all primaries), checked every 5 s",
    multiprocess_mode="livemostrecent",
)
REDIS_DEGRADED = Gauge(
    "firstline_redis_degraded",
    "1 while Redis cannot take writes as configured: fewer replicas online than "
    "redis.wait_replicas (intake is refused) or cluster slots uncovered; also while a "
    "cluster primary has fewer replicas (served, degraded)",
    multiprocess_mode="livemostrecent",
)
CHANNEL_UP = Gauge(
    "firstline_channel_up",
    "0 while a channel refuses the bot's own credentials (a revoked or wrong token, a "
    "suspended account): its replies are held queued until an admin mends them; else 1",
    ["channel"],
    multiprocess_mode="livemostrecent",
)


def _shared() -> bool:
    return bool(os.environ.get(MULTIPROCESS_DIR_ENV))


def render() -> tuple[bytes, str]:
    """The metrics of this process, or of all the processes sharing the directory."""
    if not _shared():
        return generate_latest(), CONTENT_TYPE_LATEST
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return generate_latest(registry), CONTENT_TYPE_LATEST


def process_gone(pid: int) -> None:
    """A worker process exited: its live gauges no longer count (its counters and
    histograms do, so totals never go back)."""
    if _shared():
        multiprocess.mark_process_dead(pid)
