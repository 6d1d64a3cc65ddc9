"""Hypothesis strategies for hostile input: real payloads with parts broken, and junk.

A broken payload starts from a well-formed Telegram update, Viber callback, web-chat
frame or console body, then has values anywhere in it replaced (wrong types, lone
surrogates, Infinity, huge numbers, deep nesting) or removed. Junk covers what is not
even JSON. Bodies are the raw bytes a sender could put on the wire.
"""

from __future__ import annotations

import copy
import json
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

from hypothesis import strategies as st

# Channel times of the templates: now (a message older than the dedupe window is not
# stored, so fixed dates would go stale).
NOW = int(time.time())

SURROGATES = st.sampled_from(["\ud800", "\udfff", "a\udc80b", "\ud83d"])
FUNNY_TEXT = st.one_of(
    st.text(max_size=30),
    SURROGATES,
    st.sampled_from(["", " ", "/start", "/start x", "HD-000001:fields", "\x00", "💥" * 50]),
)
NUMBERS = st.one_of(
    st.integers(),
    st.integers(min_value=2**63, max_value=2**80),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -1, 1e308, float("inf"), float("nan")]),
)
SCALARS = st.one_of(st.none(), st.booleans(), NUMBERS, FUNNY_TEXT)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(FUNNY_TEXT, inner, max_size=4),
    max_leaves=12,
)


def nested(depth: int) -> Any:
    value: Any = "deep"
    for level in range(depth):
        value = [value] if level % 2 else {"a": value}
    return value


DEEP = st.integers(min_value=20, max_value=3000).map(nested)
# What replaces a value in a real payload: mostly the classic breakers, sometimes anything.
REPLACEMENTS = st.one_of(SURROGATES, NUMBERS, st.sampled_from([[], {}, "", True]), VALUES, DEEP)


def dumps(value: Any) -> bytes:
    """JSON as a sender could write it: Infinity, NaN and lone surrogates included."""
    try:
        return json.dumps(value, allow_nan=True).encode()
    except RecursionError:
        return b"[" * 5000 + b"]" * 5000


def _paths(value: Any, max_depth: int = 12) -> list[tuple[Any, ...]]:
    """Every place in `value` a value could be replaced at (not below `max_depth`)."""
    out: list[tuple[Any, ...]] = []
    stack: list[tuple[Any, tuple[Any, ...]]] = [(value, ())]
    while stack:
        item, prefix = stack.pop()
        if prefix:
            out.append(prefix)
        if len(prefix) >= max_depth:
            continue
        if isinstance(item, dict):
            stack.extend((child, (*prefix, key)) for key, child in item.items())
        elif isinstance(item, list):
            stack.extend((child, (*prefix, index)) for index, child in enumerate(item))
    return out


@st.composite
def broken(draw: st.DrawFn, template: dict[str, Any], max_changes: int = 3) -> dict[str, Any]:
    """The template with up to `max_changes` values replaced (or keys dropped) anywhere."""
    value = copy.deepcopy(template)
    for _ in range(draw(st.integers(min_value=0, max_value=max_changes))):
        paths = _paths(value)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = value
        for part in path[:-1]:
            parent = parent[part]
        if isinstance(parent, dict) and draw(st.booleans()):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(REPLACEMENTS)
    return value


def bodies(templates: list[dict[str, Any]]) -> st.SearchStrategy[bytes]:
    """Raw request bodies: mostly broken templates, some untouched, some junk."""
    return st.one_of(
        st.sampled_from(templates).flatmap(broken).map(dumps),
        st.sampled_from(templates).map(dumps),
        VALUES.map(dumps),
        DEEP.map(dumps),
        st.binary(max_size=200),
    )


# Templates: well-formed payloads as the channels send them.

TG_USER = {"id": 42, "is_bot": False, "first_name": "Ann", "language_code": "en"}
TG_CHAT = {"id": 42, "type": "private"}
TELEGRAM_UPDATES: list[dict[str, Any]] = [
    {"update_id": 1, "message": {"message_id": 1, "date": 0, "chat": TG_CHAT, "from": TG_USER,
                                 "text": "my printer does not print"}},
    {"update_id": 2, "edited_message": {"message_id": 1, "date": 0, "chat": TG_CHAT,
                                        "from": TG_USER, "text": "edited text"}},
    {"update_id": 3, "message": {"message_id": 2, "date": 0, "chat": TG_CHAT, "from": TG_USER,
                                 "caption": "screenshot",
                                 "photo": [{"file_id": "p1", "file_unique_id": "u", "width": 90,
                                            "height": 90, "file_size": 1000}],
                                 "document": {"file_id": "d1", "file_unique_id": "v",
                                              "file_name": "log.txt", "file_size": 12}}},
    {"update_id": 4, "callback_query": {"id": "77", "from": TG_USER, "chat_instance": "1",
                                        "data": "yes",
                                        "message": {"message_id": 3, "date": 0, "chat": TG_CHAT,
                                                    "reply_markup": {"inline_keyboard": [[
                                                        {"text": "Yes", "callback_data": "yes"}
                                                    ]]}}}},
    {"update_id": 5, "my_chat_member": {"chat": TG_CHAT, "from": TG_USER, "date": 0,
                                        "old_chat_member": {"status": "member", "user": TG_USER},
                                        "new_chat_member": {"status": "kicked", "user": TG_USER}}},
]  # fmt: skip

VB_SENDER = {"id": "01234567890A=", "name": "Ann", "language": "en", "country": "UA"}
VIBER_CALLBACKS: list[dict[str, Any]] = [
    {"event": "message", "timestamp": 1, "message_token": 5001, "sender": VB_SENDER,
     "message": {"type": "text", "text": "vpn does not connect",
                 "tracking_data": '{"buttons": {"yes": "Yes"}}'}},
    {"event": "message", "timestamp": 1, "message_token": 5002, "sender": VB_SENDER,
     "message": {"type": "file", "media": "https://x/f", "file_name": "a.log", "size": 10}},
    {"event": "message", "timestamp": 1, "message_token": 5003, "sender": VB_SENDER,
     "message": {"type": "location", "location": {"lat": 50.4, "lon": 30.5}}},
    {"event": "conversation_started", "timestamp": 1, "message_token": 5004, "type": "open",
     "user": VB_SENDER, "subscribed": False},
    {"event": "subscribed", "timestamp": 1, "message_token": 5005, "user": VB_SENDER},
    {"event": "unsubscribed", "timestamp": 1, "message_token": 5006, "user_id": "01234567890A="},
    {"event": "failed", "timestamp": 1, "message_token": 5007, "user_id": "01234567890A=",
     "desc": "failure description"},
]  # fmt: skip

WA_VALUE = {
    "messaging_product": "whatsapp",
    "metadata": {"display_phone_number": "15550984277", "phone_number_id": "114896151713920"},
    "contacts": [{"profile": {"name": "Ann"}, "wa_id": "380501234567"}],
}
WA_MESSAGES: list[dict[str, Any]] = [
    {
        "from": "380501234567",
        "id": "wamid.A",
        "timestamp": str(NOW),
        "type": "text",
        "text": {"body": "the printer is offline"},
    },
    {
        "from": "380501234567",
        "id": "wamid.B",
        "timestamp": str(NOW + 1),
        "type": "interactive",
        "interactive": {"type": "button_reply", "button_reply": {"id": "faq:no", "title": "No"}},
        "context": {"from": "15550984277", "id": "wamid.OUT"},
    },
    {
        "from": "380501234567",
        "id": "wamid.C",
        "timestamp": str(NOW + 2),
        "type": "image",
        "image": {"caption": "screen", "mime_type": "image/jpeg", "sha256": "x", "id": "1037"},
    },
    {
        "from": "380501234567",
        "id": "wamid.D",
        "timestamp": str(NOW + 3),
        "type": "button",
        "button": {"text": "5", "payload": "csat:5"},
    },
]
WHATSAPP_PAYLOADS: list[dict[str, Any]] = [
    {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "1022",
                "changes": [{"field": "messages", "value": {**WA_VALUE, "messages": [m]}}],
            }
        ],
    }
    for m in WA_MESSAGES
] + [
    {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "1022",
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            **WA_VALUE,
                            "statuses": [
                                {
                                    "id": "wamid.OUT",
                                    "status": "failed",
                                    "timestamp": str(NOW + 9),
                                    "recipient_id": "380501234567",
                                    "errors": [{"code": 131047, "title": "Re-engagement message"}],
                                }
                            ],
                        },
                    }
                ],
            }
        ],
    },
]
MS_EVENTS: list[dict[str, Any]] = [
    {"message": {"mid": "m_A", "text": "vpn drops"}},
    {"message": {"mid": "m_B", "text": "No", "quick_reply": {"payload": "faq:no"}}},
    {"postback": {"mid": "m_C", "title": "Start", "payload": "/start"}},
    {
        "message": {
            "mid": "m_D",
            "attachments": [{"type": "image", "payload": {"url": "https://x/p"}}],
        }
    },
    {"message": {"mid": "m_E", "text": "echo", "is_echo": True}},
]
MESSENGER_PAYLOADS: list[dict[str, Any]] = [
    {"object": "page", "entry": [{"id": "1040", "time": 1718000000000, "messaging": [
        {"sender": {"id": "6254982447"}, "recipient": {"id": "1040"},
         "timestamp": NOW * 1000, **event}]}]}
    for event in MS_EVENTS
]  # fmt: skip

WEBCHAT_HELLO: dict[str, Any] = {"type": "hello", "token": None, "have": 0, "lang": "en",
                                 "name": "Ann"}  # fmt: skip
WEBCHAT_FRAMES: list[dict[str, Any]] = [
    {"type": "message", "id": "abcdef0123456789", "text": "wifi is slow", "payload": ""},
    {"type": "message", "id": "abcdef0123456789", "text": "", "payload": "yes"},
    {"type": "start"},
]

CONSOLE_BODIES: list[dict[str, Any]] = [
    {"text": "please restart the router"},
    {"priority": "P2", "group": "network", "level": "L2"},
    {"comment": "done"},
    {"login": "root", "password": "wrong password"},
]
CONSOLE_ACTIONS = ["take", "reply", "note", "update", "resolve", "hand_back", "nope"]


def unique(template_value: dict[str, Any], key: str, serial: int) -> dict[str, Any]:
    """A copy whose id field is fresh, so dedupe never hides a second acceptance."""
    value = copy.deepcopy(template_value)
    if key in value and isinstance(value[key], int):
        value[key] = serial
    return value


SERIALS = st.integers(min_value=10**6, max_value=10**15)


def telegram_bodies() -> st.SearchStrategy[bytes]:
    fresh = st.tuples(st.sampled_from(TELEGRAM_UPDATES), SERIALS).map(
        lambda t: unique(t[0], "update_id", t[1])
    )
    return st.one_of(fresh.flatmap(broken).map(dumps), bodies(TELEGRAM_UPDATES))


def viber_bodies() -> st.SearchStrategy[bytes]:
    fresh = st.tuples(st.sampled_from(VIBER_CALLBACKS), SERIALS).map(
        lambda t: unique(t[0], "message_token", t[1])
    )
    return st.one_of(fresh.flatmap(broken).map(dumps), bodies(VIBER_CALLBACKS))


def _with_fresh_id(frame: dict[str, Any], serial: int) -> dict[str, Any]:
    out = dict(frame)
    if "id" in out:
        out["id"] = f"fz{serial:016d}"
    return out


def webchat_sessions() -> st.SearchStrategy[tuple[str, list[str]]]:
    """A hello (usually good) and a few frames (mostly broken)."""
    hello = st.one_of(st.just(WEBCHAT_HELLO), broken(WEBCHAT_HELLO), VALUES, DEEP).map(
        lambda v: dumps(v).decode("utf-8", "surrogatepass")
    )
    frame_values = st.tuples(st.sampled_from(WEBCHAT_FRAMES), SERIALS).map(
        lambda t: _with_fresh_id(*t)
    )
    frame = st.one_of(frame_values, frame_values.flatmap(broken), VALUES, DEEP).map(
        lambda v: dumps(v).decode("utf-8", "surrogatepass")
    )
    return st.tuples(hello, st.lists(frame, max_size=4))


def _fresh_meta_ids(value: Any, serial: int) -> Any:
    """A copy whose message ids (`wamid…`, `m_…`) are fresh, so dedupe never hides one."""
    if isinstance(value, dict):
        out = {k: _fresh_meta_ids(v, serial) for k, v in value.items()}
        for key in ("id", "mid"):
            if isinstance(out.get(key), str) and out[key].startswith(("wamid.", "m_")):
                out[key] = f"{out[key]}{serial}"
        return out
    if isinstance(value, list):
        return [_fresh_meta_ids(v, serial) for v in value]
    return value


def meta_bodies(channel: str) -> st.SearchStrategy[bytes]:
    """Webhook bodies for /webhooks/whatsapp or /webhooks/messenger."""
    templates = WHATSAPP_PAYLOADS if channel == "whatsapp" else MESSENGER_PAYLOADS
    fresh = st.tuples(st.sampled_from(templates), SERIALS).map(
        lambda t: _fresh_meta_ids(t[0], t[1])
    )
    return st.one_of(fresh.flatmap(broken).map(dumps), fresh.map(dumps), bodies(templates))


# Monitoring alerts: the Alertmanager, Zabbix and Grafana fixtures, and a generic alert.
_ALERT_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "alerts"
ALERT_PAYLOADS: dict[str, dict[str, Any]] = {
    "alertmanager": json.loads((_ALERT_FIXTURES / "alertmanager_grouped.json").read_text()),
    "zabbix": json.loads((_ALERT_FIXTURES / "zabbix_problem.json").read_text()),
    "grafana": json.loads((_ALERT_FIXTURES / "grafana_firing.json").read_text()),
    "generic": {"id": "disk-42", "title": "Disk full on fs01", "message": "/srv at 99 %",
                "severity": "critical", "service": "files", "status": "firing",
                "url": "https://grafana.example.com/d/1"},
}  # fmt: skip
ALERT_SOURCES = [*ALERT_PAYLOADS, "nagios"]  # one no source is configured for


def alert_bodies(source: str) -> st.SearchStrategy[bytes]:
    """What a monitoring system (or someone holding its credentials) could post."""
    return bodies([ALERT_PAYLOADS.get(source, ALERT_PAYLOADS["generic"])])


# Console routes, each with what fills its path; bodies and query values are drawn.
POSITIONS = st.one_of(
    st.integers(min_value=0, max_value=5).map(str),
    st.integers(min_value=2**63, max_value=2**200).map(str),
    st.sampled_from(["-1", "+1", " 1", "1_0", "١", "0x10", "1e3", "%00", "..", "NaN"]),
)
CONSOLE_POSTS = [
    "/console/api/preferences",
    "/console/api/login",
    "/console/api/tickets/{ticket}/{action}",
    "/console/api/tickets/{ticket}/files",
    "/console/api/incidents",
    "/console/api/incidents/{incident}/{incident_action}",
    "/console/api/dead-letters/{delivery}/retry",
    "/console/api/linked-accounts/revoke",
]
CONSOLE_GETS = [
    "/console/api/tickets/{ticket}",
    "/console/api/tickets/{ticket}/files/{index}/{n}",
    "/console/api/tickets/{ticket}/original/{index}",
    "/console/api/tickets?{query}",
    "/console/api/search?{query}",
    "/console/api/operators?{query}",
    "/console/api/incidents?{query}",
    "/console/api/dead-letters/mail/original?{query}",
    "/console/api/linked-accounts?{query}",
    "/console/reports.csv?{query}",
    "/console/reports?{query}",
    "/readyz?{query}",
    "/metrics?{query}",
]
QUERY_NAMES = ["q", "ticket", "group", "level", "status", "message_id", "from", "to", "days",
               "limit", "lang", "period", "channel"]  # fmt: skip
QUERY_VALUES = st.one_of(FUNNY_TEXT, POSITIONS, NUMBERS.map(str))
ROUTE_BODIES = [*CONSOLE_BODIES, {"language": "en"}, {"title": "x", "services": "crm"}]


def segment(value: str) -> str:
    """A path segment or query value as a client could send it (lone surrogates as the
    broken UTF-8 they would be on the wire)."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


@st.composite
def console_requests(draw: st.DrawFn, ticket_id: str) -> tuple[str, bytes | None]:
    """(path, body) for any console route (body None: a GET): broken bodies (bytes that
    are not UTF-8, not JSON, not an object, wrong types, deep nesting), positions past
    64 bits or not numbers, odd query values."""
    words = FUNNY_TEXT.filter(bool).map(segment)
    route = draw(st.sampled_from(CONSOLE_POSTS + CONSOLE_GETS))
    query = draw(st.dictionaries(st.sampled_from(QUERY_NAMES), QUERY_VALUES, max_size=3))
    path = route.format(
        ticket=draw(st.just(ticket_id) | words),
        action=draw(st.sampled_from([*CONSOLE_ACTIONS, "assign", "sample"])),
        incident=draw(words),
        incident_action=draw(st.sampled_from(["update", "resolve", "nope"])),
        delivery=draw(words),
        index=draw(POSITIONS.map(segment)),
        n=draw(POSITIONS.map(segment)),
        query="&".join(f"{k}={segment(v)}" for k, v in query.items()),
    )
    if route not in CONSOLE_POSTS:
        return path, None
    junk = st.binary(max_size=40).map(lambda b: b'{"a": "' + b + b'"}')
    return path, draw(bodies(ROUTE_BODIES) | junk)


def console_socket_frames(ticket_id: str) -> st.SearchStrategy[list[str]]:
    """What a console tab (or a script with its cookie) could send on its socket."""
    watch = {"type": "watch", "ticket": ticket_id, "have": 0}
    one = st.one_of(
        broken(watch).map(dumps),
        st.just(dumps(watch)),
        st.just(dumps({"type": "typing"})),
        NUMBERS.map(lambda have: dumps({**watch, "have": have})),
        VALUES.map(dumps),
        st.text(max_size=30),
    ).map(lambda b: b if isinstance(b, str) else b.decode("utf-8", "surrogateescape"))
    return st.lists(one, min_size=1, max_size=4)
