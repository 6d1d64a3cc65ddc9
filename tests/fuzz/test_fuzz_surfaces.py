"""Property: whatever arrives on an inbound surface, the gateway answers 4xx or a clean
error frame (never a 5xx, never a closed socket with 1011), logs no unhandled exception,
stores nothing it refused, and processes what it accepted exactly once.

Runs the real app (Telegram webhook, Viber, web chat, console, the SMTP listener) on the
test Redis; the
number of examples is kept small so the suite stays fast: `bench/fuzz_endpoints.py`
runs the same properties over >= 10,000 cases per endpoint.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from live_gateway import LiveGateway
from mail_payloads import raw_mails
from payloads import (
    ALERT_PAYLOADS,
    ALERT_SOURCES,
    CONSOLE_ACTIONS,
    CONSOLE_BODIES,
    VALUES,
    alert_bodies,
    bodies,
    broken,
    console_requests,
    console_socket_frames,
    dumps,
    meta_bodies,
    telegram_bodies,
    viber_bodies,
    webchat_sessions,
)

from gateway.config import ConfigError, load_settings
from gateway.web.console import FRAME_BYTES

FUZZ = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def live(redis_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveGateway]:
    client = redis.Redis.from_url(redis_server)
    client.flushall()
    client.close()
    with LiveGateway(redis_server, tmp_path_factory.mktemp("fuzz")) as gw:
        gw.logs.take()
        yield gw


def test_telegram_webhook_never_fails_and_stores_only_what_it_reads(live: LiveGateway) -> None:
    @FUZZ
    @given(body=telegram_bodies())
    def check(body: bytes) -> None:
        stored, kept = live.stored_count(), live.unreadable_count()
        reply = live.telegram(body)
        # The secret matched, so it is Telegram's: confirmed (200), or it retries for hours.
        assert reply.status == 200, reply
        new, set_aside = live.stored_count() - stored, live.unreadable_count() - kept
        assert (new, set_aside) in ((0, 0), (1, 0), (0, 1))  # stored, ignored or kept aside
        assert live.telegram(body).status == 200
        assert live.stored_count() - stored == new, "a redelivery is stored once"
        assert live.logs.take() == []

    check()


def test_viber_webhook_answers_4xx_and_stores_nothing_for_bad_callbacks(
    live: LiveGateway,
) -> None:
    @FUZZ
    @given(body=viber_bodies(), signed=st.booleans())
    def check(body: bytes, signed: bool) -> None:
        stored = live.stored_count()
        reply = live.viber(body, signed=signed)
        assert reply.status in ((200, 400) if signed else (403,)), reply
        new = live.stored_count() - stored
        if reply.status != 200:
            assert new == 0, "refused, yet stored"
        else:
            assert new in (0, 1)
            assert live.viber(body).status == 200
            assert live.stored_count() - stored == new, "a retried callback is stored once"
        assert live.logs.take() == []

    check()


@pytest.mark.parametrize("channel", ["whatsapp", "messenger"])
def test_meta_webhooks_refuse_forgeries_and_store_each_message_once(
    live: LiveGateway, channel: str
) -> None:
    @FUZZ
    @given(body=meta_bodies(channel), signed=st.booleans())
    def check(body: bytes, signed: bool) -> None:
        stored, kept = live.stored_count(), live.unreadable_count()
        reply = live.meta(channel, body, signed=signed)
        if not signed:
            assert reply.status == 403, reply
            assert (live.stored_count(), live.unreadable_count()) == (stored, kept)
            return
        # Signed: Meta's (or someone with the app secret): 400 only for what is not a JSON
        # object; otherwise 200, with unreadable parts (another product's object too) kept
        # aside.
        assert reply.status in (200, 400), reply
        new = live.stored_count() - stored
        if reply.status == 400:
            assert new == 0 and live.unreadable_count() == kept, "refused, yet stored"
        else:
            assert new in (0, 1)
            assert live.meta(channel, body).status == 200
            assert live.stored_count() - stored == new, "a redelivery is stored once"
        assert live.logs.take() == []

    check()


def test_webchat_frames_get_error_frames_never_a_broken_socket(live: LiveGateway) -> None:
    @FUZZ
    @given(session=webchat_sessions())
    def check(session: tuple[str, list[str]]) -> None:
        hello, frames = session
        stored = live.stored_count()
        answers, close_code = live.webchat(hello, frames)
        assert close_code in (None, 1000), f"socket closed with {close_code}"
        assert all(a["type"] in ("welcome", "ack", "error") for a in answers)
        acked = len({a["id"] for a in answers if a["type"] == "ack"})
        welcomed = bool(answers) and answers[0]["type"] == "welcome"
        starts = 1 if welcomed and any(map(_is_start, frames)) else 0
        # Each acknowledged id is one stored message; a start is stored once per session.
        assert acked <= live.stored_count() - stored <= acked + starts
        assert live.logs.take() == []

    check()


def test_console_socket_frames_never_break_the_socket(live: LiveGateway) -> None:
    """Frames on the console's socket: a watch of any ticket with any `have`, typing, junk.
    Answered, or closed 1003 for what is not JSON and 1009 for a frame over the size
    limit (aiohttp's answer); never 1011, nothing logged."""

    @FUZZ
    @given(frames=console_socket_frames(live.ticket_id))
    def check(frames: list[str]) -> None:
        answers, close_code = live.console_socket(frames)
        too_big = any(len(f.encode("utf-8", "surrogatepass")) > FRAME_BYTES for f in frames)
        allowed = (None, 1003, 1009) if too_big else (None, 1003)
        assert close_code in allowed, f"socket closed with {close_code}"
        assert all(isinstance(a, dict) for a in answers)
        assert live.logs.take() == []

    check()


def test_console_bodies_get_4xx_never_5xx(live: LiveGateway) -> None:
    ticket_ids = st.one_of(
        st.just(live.ticket_id),
        st.sampled_from(["HD-000001:fields", "HD-000001:events", "%00", "..", "HD-9" * 30]),
        st.text(alphabet="ABCDH-0123456789:_.%", min_size=1, max_size=20),
    )

    @FUZZ
    @given(
        body=bodies(CONSOLE_BODIES) | st.sampled_from(CONSOLE_BODIES).flatmap(broken).map(dumps),
        action=st.sampled_from(CONSOLE_ACTIONS),
        ticket=ticket_ids,
    )
    def check(body: bytes, action: str, ticket: str) -> None:
        notes = live.notes_count()
        reply = live.console_post(f"/console/api/tickets/{ticket}/{action}", body)
        assert reply.status < 500, reply
        if ticket != live.ticket_id:
            assert 400 <= reply.status < 500, reply  # no such ticket (or no such route)
        added = live.notes_count() - notes
        assert added == (1 if action == "note" and reply.status == 200 else 0)
        login = live.console_post("/console/api/login", body)
        assert login.status in (400, 401, 403, 429), login
        assert live.logs.take() == []

    check()


@pytest.mark.parametrize("source", ALERT_SOURCES)
def test_alert_endpoints_refuse_forgeries_and_store_each_alert_once(
    live: LiveGateway, source: str
) -> None:
    @FUZZ
    @given(
        body=alert_bodies(source),
        credentials=st.sampled_from(["good", "good", "forged", "wrong_token", "none"]),
    )
    def check(body: bytes, credentials: str) -> None:
        stored = live.stored_count()
        reply = live.alert(source, body, credentials)
        if source not in ALERT_PAYLOADS:
            assert reply.status == 404, reply  # no such source, whoever asks
        elif credentials == "none":
            assert reply.status == 401, reply
        elif credentials != "good":
            assert reply.status == 403, reply
        else:  # the monitoring system's (or its credentials'): 400 only for what it cannot be
            assert reply.status in (200, 400), reply
        new = live.stored_count() - stored
        if reply.status != 200:
            assert new == 0, "refused, yet stored"
        else:
            answer = json.loads(reply.text)
            assert new == answer["new"] <= answer["alerts"]
            again = live.alert(source, body)  # the sender's retry
            assert again.status == 200 and json.loads(again.text)["new"] == 0, again
            assert live.stored_count() - stored == new, "a repeated call is stored once"
        assert live.logs.take() == []

    check()


def test_every_console_route_answers_4xx_to_what_it_cannot_read(live: LiveGateway) -> None:
    """Every console API route (and /readyz, /metrics), signed in as an admin: never a
    5xx, nothing logged as unhandled (`console_requests` says what is sent)."""

    @FUZZ
    @given(request=console_requests(live.ticket_id))
    def check(request: tuple[str, bytes | None]) -> None:
        path, body = request
        reply = live.get(path) if body is None else live.console_post(path, body)
        assert reply.status < 500, (path, reply)
        assert live.logs.take() == []

    check()


def test_smtp_listener_answers_250_or_a_proper_refusal_and_stores_each_message_once(
    live: LiveGateway,
) -> None:
    @FUZZ
    @given(mail=raw_mails())
    def check(mail: tuple[bytes, str]) -> None:
        raw, sender = mail
        stored = live.stored_count()
        reply = live.smtp(raw, sender)
        assert reply.code == 250 or 400 <= reply.code < 600, reply
        new = live.stored_count() - stored
        if reply.code != 250:
            assert reply.code != 451, reply  # only a store outage may ask for a retry
            assert new == 0, "refused, yet stored"
        else:
            assert new in (0, 1)  # stored, or ours / ignored / a delivery report
            again = live.smtp(raw, sender)
            assert again.code == 250, again
            assert live.stored_count() - stored == new, "the same Message-ID is stored once"
        assert live.smtp_serving(), "the listener stopped serving"
        assert live.logs.take() == []

    check()


def test_everything_accepted_is_processed_once(live: LiveGateway) -> None:
    """After the fuzzing above: a real worker handles every stored message, none twice."""
    outcome = live.drain()
    assert outcome == {"backlog": 0, "dead": 0, "duplicates": 0}
    assert live.logs.take() == []


SHIPPED_CONFIG = yaml.safe_load((ROOT / "config" / "firstline.yaml").read_text(encoding="utf-8"))


@FUZZ
@given(config=st.one_of(VALUES, broken(SHIPPED_CONFIG, max_changes=4), st.dictionaries(
    st.sampled_from(list(SHIPPED_CONFIG)), VALUES, max_size=4)))  # fmt: skip
def test_config_files_are_valid_or_refused_with_a_message(config: object) -> None:
    path = ROOT / ".pytest_cache" / "fuzz-config.yaml"
    path.parent.mkdir(exist_ok=True)
    try:
        text = yaml.safe_dump(config, allow_unicode=False)
    except (yaml.YAMLError, RecursionError):
        text = "a: " + "[" * 5000 + "]" * 5000  # too deep to dump: write it as flow YAML
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_settings(path, env={})
    except ConfigError as exc:
        assert str(exc).startswith(str(path)) or "configuration" in str(exc)


def _is_start(frame: str) -> bool:
    from live_gateway import _is_start as is_start

    return is_start(frame)
