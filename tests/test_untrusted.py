"""JSON from outside: what parse_json refuses, whichever way the text spells it."""

from __future__ import annotations

import pytest

from gateway.untrusted import UntrustedInput, parse_json

REFUSED = {
    "escaped lone surrogate": b'{"text": "ok \\ud800"}',
    "escaped low surrogate, upper case": b'{"text": "x\\uDFFF"}',
    "surrogate in a str frame": '{"text": "\ud83d"}',
    "number that overflows to infinity": b'{"n": 1e999}',
    "negative overflow, in a list": b'{"n": [0, -2.5E400]}',
    "NaN": b'{"n": NaN}',
    "too deep": b"[" * 40 + b"]" * 40,
    "too deep in objects": b'{"a":' * 33 + b"1" + b"}" * 33,
}


@pytest.mark.parametrize("body", REFUSED.values(), ids=REFUSED.keys())
def test_json_that_breaks_a_rule_is_refused(body: bytes | str) -> None:
    with pytest.raises(UntrustedInput):
        parse_json(body)


def test_ordinary_json_passes_with_emoji_fractions_and_nesting() -> None:
    body = b'{"t": "\\ud83d\\ude00 \\u043f\\u0440\\u0438", "v": 1.5, "n": [[{"k": 2}]]}'
    assert parse_json(body) == {"t": "😀 при", "v": 1.5, "n": [[{"k": 2}]]}
    assert parse_json(b'{"a":' * 31 + b"1" + b"}" * 31) is not None  # 31 deep: allowed
