"""Hostile e-mail for the SMTP listener: raw bytes, as a broken or malicious server sends.

A message is built from parts that are each well-formed or broken: headers (missing From,
lone surrogates and invalid bytes, huge values, bogus encoded words, bad charsets), and a
body (plain, broken MIME boundaries, multipart nested hundreds deep, junk bytes).
"""

from __future__ import annotations

from hypothesis import strategies as st

CRLF = b"\r\n"

SENDERS = st.sampled_from(
    [
        "ivan.petrov@corp.example.com",
        "",
        "MAILER-DAEMON@mx.example.net",
        "a@b",
        "x" * 300 + "@e.com",
    ]
)

JUNK_BYTES = st.binary(min_size=0, max_size=200)

ENCODED_WORDS = st.sampled_from(
    [
        b"=?utf-8?B?0J/RgNC40L3RgtC10YA=?=",
        b"=?utf-8?B?!!!not base64!!!?=",
        b"=?no-such-charset?Q?caf=E9?=",
        b"=?utf-8?Q?=ED=A0=80?=",  # an encoded lone surrogate
        b"=?utf-8?X?unknown encoding?=",
        b"=?koi8-r?B?" + b"A" * 2000 + b"?=",
        b"=??B?Zm9v?=",
        b"=?utf-8?B?" * 50,
    ]
)

CHARSETS = st.sampled_from(
    [b"utf-8", b"koi8-r", b"windows-1251", b"no-such-charset", b"utf-7", b"", b'"utf-8', b"x" * 300]
)

HEADER_VALUES = st.one_of(
    st.text(max_size=80).map(lambda t: t.encode("utf-8", "surrogatepass")),
    JUNK_BYTES.map(lambda b: b.replace(b"\r", b"").replace(b"\n", b"")),
    ENCODED_WORDS,
    st.integers(1, 200_000).map(lambda n: b"x" * n),  # huge, over the SMTP line limit
    st.integers(1, 200).map(lambda n: b"\r\n ".join([b"y" * 900] * n)),  # huge, folded
    st.just(b"\xed\xa0\x80 lone surrogate \xff\xfe"),
)


@st.composite
def headers(draw: st.DrawFn, message_id: bytes) -> list[bytes]:
    lines = [b"To: support@helpdesk.example.com", b"Message-ID: " + message_id]
    if draw(st.booleans()):
        lines.append(b"From: " + draw(st.sampled_from([
            b"Ivan <ivan.petrov@corp.example.com>", b"<>", b"", b"not an address",
            b"=?utf-8?B?0JjQstCw0L0=?= <ivan.petrov@corp.example.com>",
        ])))  # fmt: skip
    for name in draw(st.lists(st.sampled_from([
        b"Subject", b"From", b"Reply-To", b"In-Reply-To", b"References", b"Date",
        b"Content-Type", b"Auto-Submitted", b"X-Junk", b"Content-Transfer-Encoding",
    ]), max_size=4)):  # fmt: skip
        lines.append(name + b": " + draw(HEADER_VALUES))
    if draw(st.booleans()):
        lines.append(b"Subject: " + draw(ENCODED_WORDS))
    return lines


@st.composite
def bodies(draw: st.DrawFn) -> tuple[list[bytes], bytes]:
    """Extra headers and a body."""
    kind = draw(st.sampled_from(["plain", "charset", "broken", "nested", "junk", "b64"]))
    if kind == "plain":
        return [], draw(st.text(max_size=300)).encode("utf-8", "surrogatepass")
    if kind == "charset":
        charset = draw(CHARSETS)
        return [b"Content-Type: text/plain; charset=" + charset], draw(JUNK_BYTES)
    if kind == "b64":
        return [
            b"Content-Type: text/plain; charset=utf-8",
            b"Content-Transfer-Encoding: base64",
        ], draw(st.sampled_from([b"!!!!", b"Zm9v", b"Zm9", b"=" * 10])) + draw(JUNK_BYTES)
    if kind == "broken":
        boundary = draw(st.sampled_from([b"b", b"", b"x" * 200, b'"unterminated']))
        part = b"--b" + CRLF + b"Content-Type: text/plain" + CRLF + CRLF + draw(JUNK_BYTES)
        ending = draw(st.sampled_from([b"", b"--b--", b"--other--"]))
        return [b"Content-Type: multipart/mixed; boundary=" + boundary], part + CRLF + ending
    if kind == "nested":
        depth = draw(st.integers(2, 400))
        body = b"deep"
        for level in range(depth):
            b = b"n%d" % level
            body = (
                (
                    b"--"
                    + b
                    + CRLF
                    + b"Content-Type: multipart/mixed; boundary=n%d" % (level - 1)
                    + CRLF
                    + CRLF
                    + body
                    + CRLF
                    + b"--"
                    + b
                    + b"--"
                )
                if level
                else body
            )
        top = b"n%d" % (depth - 1)
        return [b"Content-Type: multipart/mixed; boundary=" + top], body
    return [], draw(JUNK_BYTES)


@st.composite
def raw_mails(draw: st.DrawFn) -> tuple[bytes, str]:
    """(raw message, envelope sender); each has a fresh Message-ID."""
    serial = draw(st.uuids()).hex.encode()
    message_id = draw(st.sampled_from([b"<%s@fuzz.example.net>" % serial, b"", b"<>", serial]))
    extra, body = draw(bodies())
    lines = draw(headers(message_id)) + extra
    raw = CRLF.join(lines) + CRLF + CRLF + body
    # SMTP transparency: no bare CR/LF, which smtplib would rewrite anyway.
    raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n").replace(b"\n", CRLF)
    return raw, draw(SENDERS)
