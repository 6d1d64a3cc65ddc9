"""Logs never show secrets, and the JSON format is one parseable object per line."""

from __future__ import annotations

import json
import logging

import pytest

from gateway import logs


def test_tokens_are_redacted_in_messages_and_tracebacks(capsys: pytest.CaptureFixture[str]) -> None:
    token = "123456:AAE-secret-token"
    logs.configure("INFO", json_format=True, secrets=[token])
    log = logging.getLogger("firstline.test")
    log.info(
        "calling https://api.telegram.org/bot%s/getUpdates", token, extra={"channel": "telegram"}
    )
    try:
        raise RuntimeError(f"failed POST /bot{token}/sendMessage")
    except RuntimeError:
        log.exception("send failed")
    lines = [json.loads(x) for x in capsys.readouterr().err.splitlines()]
    assert token not in json.dumps(lines)
    assert lines[0]["msg"] == "calling https://api.telegram.org/bot***/getUpdates"
    assert lines[0]["channel"] == "telegram" and lines[0]["level"] == "info"
    assert "bot***/sendMessage" in lines[1]["exc"]
    logging.getLogger().handlers.clear()


def test_every_structured_field_is_redacted_and_capped(capsys: pytest.CaptureFixture[str]) -> None:
    token = "4453b6ac12345678-e02c5f12174805f9"
    logs.configure("INFO", json_format=True, secrets=[token])
    log = logging.getLogger("firstline.test")
    sender_text = "x" * 100_000
    log.warning(
        "delivery failed",
        extra={
            "error": f"ClientError: POST https://api/bot{token}/sendMessage",
            "event": {"desc": sender_text, "nested": [f"auth {token}"]},
            "attempt": 3,
        },
    )
    line = json.loads(capsys.readouterr().err.splitlines()[0])
    assert token not in json.dumps(line)
    assert line["error"] == "ClientError: POST https://api/bot***/sendMessage"
    assert line["event"]["nested"] == ["auth ***"]
    assert line["attempt"] == 3
    assert len(line["event"]["desc"]) < 1000 and line["event"]["desc"].startswith("xxx")
    logging.getLogger().handlers.clear()


def test_one_time_links_are_cut_from_every_record(capsys: pytest.CaptureFixture[str]) -> None:
    """A reset link, a rating link or a public file link in a log line (an error quoting
    the URL it failed on, a request line) was logged whole: its reader could use it."""
    from gateway.connectors.mail.ratings import RATE_PATH
    from gateway.file_links import LINK_PATH
    from gateway.self_service import RESET_PATH

    assert set(logs.ONE_TIME_PATHS) == {RESET_PATH, RATE_PATH, LINK_PATH}
    token = "r_1OncNS61TCAWqd6SVPk7.1796294158.n9T4HK0UMcBt6fkLc"
    logs.configure("DEBUG", json_format=True)
    log = logging.getLogger("firstline.test")
    log.info('127.0.0.1 "GET /account/password/%s HTTP/1.1" 200', token)
    log.info('127.0.0.1 "POST /email/rate/%s?x=1 HTTP/1.1" 200', token)
    log.warning("send failed", extra={"url": f"https://support.example.com/files/public/{token}"})
    lines = [json.loads(x) for x in capsys.readouterr().err.splitlines()]
    assert token not in json.dumps(lines)
    assert "/account/password/*** HTTP/1.1" in lines[0]["msg"]
    assert "/email/rate/***?x=1" in lines[1]["msg"]
    assert lines[2]["url"] == "https://support.example.com/files/public/***"
    logging.getLogger().handlers.clear()
