"""JSON from outside: what parse_json refuses, whichever way the text spells it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gateway.untrusted import UntrustedInput, parse_json
from gateway.web.auth import Signer, new_token, same_token

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


@settings(max_examples=300, deadline=None, database=None)
@given(token=st.text(max_size=60) | st.sampled_from(["a.1.\u00e9", "a.\udce9.b", "..", "a.b.c"]))
def test_a_token_from_outside_is_ours_or_nobody_s(token: str) -> None:
    """Cookies, headers, hello frames and link paths carry tokens as any text (a header's
    undecodable bytes as surrogates): checking one never raises."""
    signer = Signer(b"test-secret", "purpose")
    assert signer.unsign(token, 60) is None
    assert same_token(token, new_token()) is False
    good = signer.sign("value")
    assert signer.unsign(good, 60) == "value" and same_token(good, good)
