"""Monitoring payloads → `InboundMessage`: Alertmanager (webhook v4), Zabbix, generic JSON.

Each alert in a notification becomes one message of kind "alert" on the `alerts` channel.
Its conversation is the alert itself (`<source>:<dedupe key>`), so every notification
about one alert is processed in order by one worker. `message_id` is the alert's status,
its run (`in_run`: the store's count of its status changes at intake) and a digest of the
alert as sent: a notification repeated word for word within a run (Alertmanager's
`repeat_interval`, a retried webhook) is dropped at intake; any change gets through as an
update; the same words after a recovery are a new outage (a generic source sending the
very same JSON each time the check fails).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from typing import Any

from gateway.config import GenericAlertFields
from gateway.models import Channel, InboundMessage
from gateway.untrusted import UntrustedInput, ident, items, obj, text

KIND = "alert"
FIRING, RESOLVED = "firing", "resolved"
MAX_KEY_CHARS = 120
MAX_TITLE_CHARS = 300
MAX_TEXT_CHARS = 4000
MAX_LABELS = 64


@dataclass(frozen=True)
class AlertNotice:
    """One alert as a monitoring system reported it, whatever the system."""

    source: str  # alertmanager | zabbix | generic
    key: str  # the dedupe key: fingerprint, event id, the mapped field
    status: str  # firing | resolved
    title: str
    text: str = ""
    service: str = ""
    severity: str = ""
    link: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    started: str = ""
    series: str = ""  # what later alerts of the same check share (a Zabbix trigger id)
    # Whether this is the alert's last word (a Zabbix recovery: its event id never fires
    # again), which tells a late retry from news at intake (AlertStore.run_of).
    final: bool = False

    def to_message(self, raw: Any) -> InboundMessage:
        digest = hashlib.sha256(
            json.dumps(raw, sort_keys=True, ensure_ascii=False).encode()
        ).hexdigest()[:24]
        return InboundMessage(
            channel=Channel.ALERTS.value,
            chat_id=f"{self.source}:{self.key}",
            message_id=f"{self.source}:{self.key}:{self.status}:{digest}",
            text=self.text or self.title,
            user_name=self.source,
            kind=KIND,
            meta={
                "alert_source": self.source,
                "alert_key": self.key,
                "alert_status": self.status,
                "alert_title": self.title,
                "alert_service": self.service,
                "alert_severity": self.severity,
                "alert_link": self.link,
                "alert_labels": json.dumps(self.labels, ensure_ascii=False, sort_keys=True),
                "alert_started": self.started,
                "alert_series": self.series,
                "alert_final": "1" if self.final else "",
            },
        )

    @classmethod
    def from_message(cls, msg: InboundMessage) -> AlertNotice:
        meta = msg.meta
        return cls(
            source=meta.get("alert_source", ""),
            key=meta.get("alert_key", ""),
            status=meta.get("alert_status", FIRING),
            title=meta.get("alert_title", ""),
            text=msg.text,
            service=meta.get("alert_service", ""),
            severity=meta.get("alert_severity", ""),
            link=meta.get("alert_link", ""),
            labels=json.loads(meta.get("alert_labels") or "{}"),
            started=meta.get("alert_started", ""),
            series=meta.get("alert_series", ""),
        )


def in_run(message: InboundMessage, run: str) -> InboundMessage:
    """The notification as one of its alert's run `run` (AlertStore.run_of): the same words
    in another run are another message."""
    alert, digest = message.message_id.rsplit(":", 1)  # <source>:<key>:<status>, digest
    return replace(message, message_id=f"{alert}:{run}:{digest}")


def dedupe_key(value: str) -> str:
    """A key safe in a Redis key name and short: long or odd ones are digested."""
    value = value.strip()
    if not value:
        raise UntrustedInput("the dedupe key is empty")
    if len(value) > MAX_KEY_CHARS or any(c.isspace() for c in value):
        return "sha256-" + hashlib.sha256(value.encode()).hexdigest()[:32]
    return value


def _labels(raw: dict[str, Any], where: str) -> dict[str, str]:
    if len(raw) > MAX_LABELS:
        raise UntrustedInput(f"{where}: more than {MAX_LABELS} labels")
    out: dict[str, str] = {}
    for name, value in raw.items():
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise UntrustedInput(f"{where}.{name}: text is expected")
        out[str(name)[:100]] = str(value)[:500]
    return out


def alertmanager(payload: Any) -> list[InboundMessage]:
    """A webhook of version 4: one message per alert of the (grouped) notification."""
    if not isinstance(payload, dict):
        raise UntrustedInput("an Alertmanager webhook is a JSON object")
    version = payload.get("version")
    if version not in ("4", 4):
        raise UntrustedInput(f"webhook version 4 is expected, not {version!r}")
    return _grouped_alerts(payload, "alertmanager")


def grafana(payload: Any) -> list[InboundMessage]:
    """Grafana Alerting's webhook contact point: Alertmanager's grouped notification with
    Grafana's own fields beside it (its `version` is "1"; `title`, `state` and `message`
    are the group's, rendered from templates: the alerts' fingerprints, labels and
    annotations are what stays the same from firing to resolved)."""
    if not isinstance(payload, dict):
        raise UntrustedInput("a Grafana webhook is a JSON object")
    return _grouped_alerts(payload, "grafana")


def _grouped_alerts(payload: dict[str, Any], source: str) -> list[InboundMessage]:
    """One message per alert of an Alertmanager-shaped notification."""
    common = _labels(obj(payload, "commonLabels"), "commonLabels")
    common_notes = _labels(obj(payload, "commonAnnotations"), "commonAnnotations")
    external = text(payload, "externalURL")
    alerts = items(payload, "alerts")
    if not alerts:
        raise UntrustedInput("alerts: at least one alert is expected")
    out = []
    for i, alert in enumerate(alerts):
        if not isinstance(alert, dict):
            raise UntrustedInput(f"alerts[{i}]: an object is expected")
        labels = {**common, **_labels(obj(alert, "labels"), f"alerts[{i}].labels")}
        notes = {**common_notes, **_labels(obj(alert, "annotations"), f"alerts[{i}].annotations")}
        status = text(alert, "status") or text(payload, "status")
        if status not in (FIRING, RESOLVED):
            raise UntrustedInput(f"alerts[{i}].status: firing or resolved is expected")
        fingerprint = text(alert, "fingerprint") or _fingerprint(labels)
        name = labels.get("alertname", "alert")
        summary = notes.get("summary") or notes.get("title") or ""
        title = f"{name}: {summary}" if summary else name
        notice = AlertNotice(
            source=source,
            key=dedupe_key(fingerprint),
            status=status,
            title=title[:MAX_TITLE_CHARS],
            text=(notes.get("description") or notes.get("message") or summary)[:MAX_TEXT_CHARS],
            service=labels.get("service") or labels.get("job") or "",
            severity=labels.get("severity", ""),
            link=text(alert, "generatorURL") or external,
            labels=labels,
            started=text(alert, "startsAt"),
        )
        out.append(notice.to_message(alert))
    return out


def _fingerprint(labels: dict[str, str]) -> str:
    """Alertmanager always sends one; computed from the labels when a sender did not."""
    return hashlib.sha256(json.dumps(labels, sort_keys=True).encode()).hexdigest()[:16]


ZABBIX_SEVERITIES = {
    "not classified": "info",
    "information": "info",
    "warning": "warning",
    "average": "average",
    "high": "high",
    "disaster": "critical",
}


def zabbix(payload: Any) -> list[InboundMessage]:
    """What the README's Zabbix webhook media type posts: one event, a problem (value 1)
    or its recovery (value 0); the problem's event id is the dedupe key. Each new problem
    of a trigger is a new event id: the trigger id ties a flapping trigger's problems to
    one ticket."""
    if not isinstance(payload, dict):
        raise UntrustedInput("a Zabbix webhook is a JSON object")
    event_id = ident(payload, "event_id", required=True)
    value = ident(payload, "event_value", required=True)
    if value not in ("0", "1"):
        raise UntrustedInput("event_value: 1 (problem) or 0 (recovery) is expected")
    status = FIRING if value == "1" else RESOLVED
    labels = _zabbix_tags(payload.get("event_tags"))
    host = text(payload, "host")
    severity_name = text(payload, "severity")
    severity = ZABBIX_SEVERITIES.get(severity_name.lower(), severity_name.lower())
    if host:
        labels.setdefault("host", host)
    if severity:
        labels.setdefault("severity", severity)
    title = text(payload, "subject") or text(payload, "trigger_name") or f"Zabbix event {event_id}"
    service = labels.get("service") or text(payload, "service") or host
    notice = AlertNotice(
        source="zabbix",
        key=dedupe_key(event_id),
        status=status,
        title=title[:MAX_TITLE_CHARS],
        text=text(payload, "message")[:MAX_TEXT_CHARS],
        service=service,
        severity=severity,
        link=text(payload, "url"),
        labels=labels,
        started=text(payload, "event_date"),
        series=_trigger(payload),
        final=status == RESOLVED,  # a Zabbix problem, once recovered, never fires again
    )
    return [notice.to_message(payload)]


def _trigger(payload: dict[str, Any]) -> str:
    """`{TRIGGER.ID}`, when the media type sends it."""
    if payload.get("trigger_id") in (None, ""):
        return ""
    return f"trigger:{dedupe_key(ident(payload, 'trigger_id'))}"


def _zabbix_tags(raw: Any) -> dict[str, str]:
    """`{EVENT.TAGSJSON}` ([{"tag": …, "value": …}]) or `{EVENT.TAGS}` ("a:b,c:d")."""
    if raw in (None, ""):
        return {}
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            pairs = [part.partition(":") for part in raw.split(",") if part.strip()]
            return {k.strip(): v.strip() for k, _, v in pairs[:MAX_LABELS]}
    if isinstance(raw, dict):
        return _labels(raw, "event_tags")
    if not isinstance(raw, list):
        raise UntrustedInput("event_tags: a list of tags is expected")
    out: dict[str, str] = {}
    for tag in raw[:MAX_LABELS]:
        if isinstance(tag, dict):
            out[str(tag.get("tag", ""))[:100]] = str(tag.get("value", ""))[:500]
    return out


def generic(payload: Any, mapping: GenericAlertFields) -> list[InboundMessage]:
    """Any JSON object (Grafana, Uptime Kuma, a script): fields found by the mapping."""
    if not isinstance(payload, dict):
        raise UntrustedInput("an alert is a JSON object")
    title = _scalar(payload, mapping.title)
    key = _scalar(payload, mapping.dedupe_key) or title
    if not key:
        raise UntrustedInput(f"{mapping.dedupe_key}: the dedupe key is missing")
    raw_status = _scalar(payload, mapping.status).lower()
    resolved = {v.lower() for v in mapping.resolved_values}
    status = RESOLVED if raw_status in resolved else FIRING
    severity = _scalar(payload, mapping.severity).lower()
    service = _scalar(payload, mapping.service)
    pairs = (("severity", severity), ("service", service))
    labels = {name: value for name, value in pairs if value}
    notice = AlertNotice(
        source="generic",
        key=dedupe_key(key),
        status=status,
        title=(title or key)[:MAX_TITLE_CHARS],
        text=_scalar(payload, mapping.text)[:MAX_TEXT_CHARS],
        service=service,
        severity=severity,
        link=_scalar(payload, mapping.link),
        labels=labels,
    )
    return [notice.to_message(payload)]


def _scalar(payload: dict[str, Any], path: str) -> str:
    """The value at a dotted path as text; "" when absent."""
    value: Any = payload
    for part in path.split(".") if path else ():
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and part.isdecimal() and int(part) < len(value):
            value = value[int(part)]
        else:
            return ""
    if value is None or isinstance(value, dict | list):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()
