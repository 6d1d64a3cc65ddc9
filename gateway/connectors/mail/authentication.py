"""What our receiving mail server says about a mail's sender (Authentication-Results,
RFC 8601): did SPF, DKIM or DMARC fail for the domain in its From?

Anyone can write an Authentication-Results header into their mail, so only headers of a
configured authserv-id (our own MTA's, which removes forged ones of its name as RFC 8601
asks) are read, and only a failure counts: a "pass" claimed in another header cannot
undo a failure our MTA found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

FAILED = frozenset({"fail"})  # spf softfail/neutral and dkim/dmarc errors are no verdict
TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[^\s"]+')


def failed_for_sender(
    headers: Iterable[str], trusted: Iterable[str], from_email: str
) -> tuple[str, ...]:
    """The methods ("spf", "dkim", "dmarc") that a trusted authserv-id says failed for the
    From address's domain; () when none did (or nothing is trusted)."""
    trusted_ids = {t.strip().lower() for t in trusted if t.strip()}
    domain = from_email.rsplit("@", 1)[-1].strip().lower() if "@" in from_email else ""
    if not trusted_ids or not domain:
        return ()
    failed: list[str] = []
    for header in headers:
        parts = _without_comments(header).split(";")
        authserv = parts[0].split()
        if not authserv or authserv[0].lower() not in trusted_ids:
            continue
        for part in parts[1:]:
            method, result, props = _resinfo(part)
            if result in FAILED and method not in failed and _about(method, props, domain):
                failed.append(method)
    return tuple(failed)


def _about(method: str, props: dict[str, str], domain: str) -> bool:
    """Whether the result is about the From domain (a verdict with no domain named is
    taken as about it: DMARC's always is)."""
    if method == "spf":
        named = props.get("smtp.mailfrom", "")
    elif method == "dkim":
        named = props.get("header.d", "") or props.get("header.i", "")
    elif method == "dmarc":
        named = props.get("header.from", "")
    else:
        return False
    named = named.rsplit("@", 1)[-1].strip().lower()
    return not named or named == domain


def _resinfo(part: str) -> tuple[str, str, dict[str, str]]:
    """`method[/version]=result reason=… ptype.property=value …` read as its parts."""
    tokens = [t.strip('"') for t in TOKEN.findall(part)]
    if not tokens or "=" not in tokens[0]:
        return "", "", {}
    method, _, result = tokens[0].partition("=")
    props: dict[str, str] = {}
    for token in tokens[1:]:
        name, eq, value = token.partition("=")
        if eq:
            props[name.lower()] = value
    return method.split("/", 1)[0].strip().lower(), result.strip().lower(), props


def _without_comments(value: str) -> str:
    """The header without its (comments), nested ones too, and unfolded."""
    out: list[str] = []
    depth = 0
    quoted = False
    for char in value:
        if char == '"' and depth == 0:
            quoted = not quoted
        elif not quoted and char == "(":
            depth += 1
            continue
        elif not quoted and char == ")" and depth:
            depth -= 1
            continue
        if depth == 0:
            out.append(" " if char in "\r\n\t" else char)
    return "".join(out)
