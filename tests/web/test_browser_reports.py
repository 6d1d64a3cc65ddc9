"""The reports page in a real Chromium: seeded desk data, the same numbers as the CLI."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from desk_seed import seed_desk
from harness import Gateway, running_gateway, screenshot, sign_in
from playwright.async_api import Page, expect

from gateway.config import Settings
from gateway.store import Store

ROOT = Path(__file__).resolve().parents[2]
PERIOD = "from=2026-11-10&to=2026-11-10"


@pytest.fixture
async def gateway(web_settings: Settings) -> AsyncIterator[Gateway]:
    """The gateway without SLA timers: the seeded days are past, and must stay as played."""
    sla = web_settings.sla.model_copy(update={"timers": False})
    async with running_gateway(web_settings.model_copy(update={"sla": sla})) as gw:
        yield gw


def cli(gw: Gateway, fmt: str, *extra: str) -> str:
    env = {**os.environ, "REDIS_URL": gw.settings.redis.url or "",
           "FIRSTLINE_CONFIG": str(ROOT / "config" / "firstline.yaml")}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "gateway", "report", "--from", "2026-11-10", "--to", "2026-11-10",
         "--format", fmt, *extra],
        env=env, capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def table(text: str) -> dict[str, str]:
    """`firstline report --format table` as {figure: shown value}."""
    body = text.split("\n\n", 1)[1]
    out = {}
    for line in body.splitlines():
        key, _, value = line.partition("  ")
        out[key] = value.strip()
    return out


async def figures(page: Page) -> dict[str, str]:
    pairs: list[list[str]] = await page.eval_on_selector_all(
        "[data-figure]", "els => els.map(e => [e.dataset.figure, e.textContent])"
    )
    return dict((k, v) for k, v in pairs)


async def test_admin_sees_every_figure_equal_to_the_cli(
    gateway: Gateway, browser: Any, store: Store
) -> None:
    await seed_desk(store)
    await store.operators.set_preference("root", "language", "en")
    page = await (await browser.new_context()).new_page()
    await sign_in(page, gateway, "root")
    await page.goto(f"{gateway.url}/console/reports?{PERIOD}")
    await expect(page.get_by_role("heading", name="L1 deflection")).to_be_visible()
    await expect(page.get_by_role("img", name="Resolved by the bot")).to_be_visible()
    await screenshot(page, "reports-admin")
    shown = await figures(page)
    expected = table(cli(gateway, "table"))
    assert len(shown) > 150
    assert shown == {k: expected[k] for k in shown}
    assert shown["deflection.bot_share"] == "33.3%"
    assert shown["deflection.tickets"] == "4"
    assert shown["csat.average"] == "3.75"
    assert shown["sla.breached_now"] == ""  # nothing fired: the timers are off
    csv = await page.request.get(f"{gateway.url}/console/reports.csv?{PERIOD}")
    assert csv.ok and csv.headers["content-type"] == "text/csv; charset=utf-8"
    # Excel in ru/uk reads a .csv without a byte order mark in cp1251: the BOM says UTF-8
    body = await csv.body()
    assert body.startswith(codecs.BOM_UTF8)
    text = body[len(codecs.BOM_UTF8):].decode("utf-8")
    assert "спасибо, быстро" in text
    plain = cli(gateway, "csv")  # the CLI's CSV stays plain: no BOM in a terminal or pipe
    assert not plain.startswith("\ufeff") and text.replace("\r\n", "\n") == plain


async def test_an_operator_sees_only_their_groups(
    gateway: Gateway, browser: Any, store: Store
) -> None:
    await seed_desk(store)
    await store.operators.set_preference("carol", "language", "en")
    page = await (await browser.new_context()).new_page()
    await sign_in(page, gateway, "carol")  # network only
    await page.goto(f"{gateway.url}/console/reports?{PERIOD}")
    await expect(page.locator("#f-group option")).to_have_text(["all my groups", "network"])
    await screenshot(page, "reports-operator")
    shown = await figures(page)
    assert shown == {k: v for k, v in table(cli(gateway, "table", "--group", "network")).items()
                     if k in shown}  # fmt: skip
    assert shown["deflection.tickets"] == "1"
    assert shown["deflection.bot_resolved"] == "0"
    assert "hardware" not in await page.locator("#csat").inner_text()
    other = await page.request.get(f"{gateway.url}/console/reports?{PERIOD}&group=hardware")
    assert other.status == 403
    await page.goto(f"{gateway.url}/console/reports?from=yesterday")
    assert "from: a date as YYYY-MM-DD" in await page.locator("body").inner_text()


async def test_the_page_speaks_the_operators_language_with_the_same_figures(
    gateway: Gateway, browser: Any, store: Store
) -> None:
    await seed_desk(store)
    await store.operators.set_preference("carol", "language", "uk")
    page = await (await browser.new_context()).new_page()
    await sign_in(page, gateway, "carol")
    await page.goto(f"{gateway.url}/console/reports?{PERIOD}")
    assert await page.locator("html").get_attribute("lang") == "uk"
    await expect(page.get_by_role("heading", name="Вирішено на першій лінії")).to_be_visible()
    await expect(page.get_by_role("heading", name="Задоволеність (CSAT)")).to_be_visible()
    await expect(page.get_by_role("img", name="Вирішено ботом")).to_be_visible()
    await expect(page.locator("#f-group option")).to_have_text(["усі мої групи", "мережа"])
    await expect(page.locator("#csv")).to_have_text("Експорт CSV")
    assert "частка бота" in await page.locator("#deflection").inner_text()
    assert "L1 deflection" not in await page.locator("body").inner_text()
    await screenshot(page, "reports-operator-uk")
    shown = await figures(page)
    assert shown == {k: v for k, v in table(cli(gateway, "table", "--group", "network")).items()
                     if k in shown}  # fmt: skip
    assert shown["deflection.tickets"] == "1"
