"""/console/reports over HTTP, as an operator's browser asks for it: language and refusals."""

from __future__ import annotations

import aiohttp
from harness import Console, Gateway

from gateway.store import Store


async def report_page(
    http: aiohttp.ClientSession, gw: Gateway, query: str = "", language: str = ""
) -> tuple[int, str]:
    headers = {"Accept-Language": language} if language else {}
    async with http.get(gw.url + "/console/reports" + query, headers=headers) as resp:
        return resp.status, await resp.text()


async def test_the_page_is_in_the_browsers_language_when_the_operator_chose_none(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    """The console follows the browser for an operator without a language: so do its reports
    (they were Russian, `<html lang="">`, under an English console)."""
    console = Console(http, gateway)
    assert (await console.sign_in("root"))[0] == 200
    status, texts = await console.get("/console/api/texts")
    assert texts["language"] == "en"  # no Accept-Language: the console's English
    status, page = await report_page(http, gateway, language="en-GB,en;q=0.9")
    assert status == 200
    assert '<html lang="en">' in page and "<title>firstline — reports</title>" in page
    status, page = await report_page(http, gateway, language="uk-UA,uk;q=0.9,en;q=0.5")
    assert '<html lang="uk">' in page and "звіти" in page
    await store.operators.set_preference("root", "language", "ru")  # chosen: it wins
    status, page = await report_page(http, gateway, language="en")
    assert '<html lang="ru">' in page and "отчёты" in page


async def test_a_channel_or_priority_nobody_has_is_refused_not_reported_as_zeros(
    gateway: Gateway, http: aiohttp.ClientSession
) -> None:
    console = Console(http, gateway)
    assert (await console.sign_in("root"))[0] == 200
    for query, said in [
        ("?priority=P9", "priority: unknown 'P9'; one of P1, P2, P3, P4"),
        ("?channel=telegarm", "channel: unknown 'telegarm'"),
        ("?channel=%00", "channel: unknown '\\x00'"),
    ]:
        status, body = await report_page(http, gateway, query)
        assert (status, body[: len(said)]) == (400, said), query
        async with http.get(gateway.url + "/console/reports.csv" + query) as resp:
            assert resp.status == 400, query
    # A refusal repeats the query's words: it is never read as a page (no sniffing, no frame).
    query = "?channel=%3Cscript%3Ealert(1)%3C/script%3E"
    async with http.get(gateway.url + "/console/reports" + query) as resp:
        assert resp.status == 400 and resp.content_type == "text/plain"
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
        assert "default-src 'self'" in resp.headers["Content-Security-Policy"]
    status, body = await report_page(http, gateway, "?priority=P1&channel=telegram")
    assert status == 200 and 'data-figure="deflection.tickets"' in body
