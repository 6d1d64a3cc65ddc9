"""A resolved ticket's first message can become a sample question, after an eval review."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web
from harness import Console, Gateway, running_gateway, seed_ticket, sign_in
from playwright.async_api import expect

from emulators.server import free_port
from gateway.config import Settings
from gateway.knowledge import dictionaries, morphology
from gateway.knowledge.loader import load_articles
from gateway.models import SupportGroup
from gateway.store import Store, Transaction

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "tests" / "fixtures" / "eval"


def small_sets(where: Path) -> Path:
    (where / "blind").mkdir(parents=True)
    dev = (EVAL / "faq_dev.jsonl").read_text("utf-8").splitlines()
    tune = (EVAL / "blind" / "faq_tune.jsonl").read_text("utf-8").splitlines()
    off_topic = [line for line in tune if json.loads(line)["topic"] is None]
    (where / "faq_dev.jsonl").write_text("\n".join(dev[::3]) + "\n", "utf-8")
    (where / "blind" / "faq_tune.jsonl").write_text(
        "\n".join(tune[::6] + off_topic) + "\n", "utf-8"
    )
    return where


async def sample_of_a_resolved_ticket(
    store: Store, http: aiohttp.ClientSession, gw: Gateway
) -> tuple[int, dict[str, Any]]:
    """bob takes and resolves a scanner ticket, then offers its first message as a Russian
    sample question of the scanner article: the answer's status and body."""
    ticket = await seed_ticket(store, subject="сканер шлёт пустые письма")
    console = Console(http, gw)
    await console.sign_in("bob")
    await console.post(f"/console/api/tickets/{ticket.id}/take")
    await console.post(f"/console/api/tickets/{ticket.id}/resolve", {"comment": "relay"})
    return await console.post(
        f"/console/api/tickets/{ticket.id}/sample",
        {"article": "scanner_not_working", "lang": "ru"},
    )


async def test_resolved_ticket_offers_its_first_message_as_a_sample_question(
    web_settings: Settings, http: aiohttp.ClientSession, store: Store, tmp_path: Path
) -> None:
    faq = tmp_path / "faq"
    shutil.copytree(ROOT / "faq", faq)
    settings = web_settings.model_copy(
        update={"faq_dir": faq, "faq_eval_dir": small_sets(tmp_path / "eval")}
    )
    async with running_gateway(settings) as gw:
        ticket = await seed_ticket(
            store,
            subject="сканер на 3 этаже шлёт пустые письма",
            group=SupportGroup.HARDWARE,
        )
        console = Console(http, gw)
        await console.sign_in("bob")
        status, refused = await console.post(
            f"/console/api/tickets/{ticket.id}/sample", {"article": "scanner_not_working"}
        )
        assert status == 409 and "resolve" in refused["error"]

        assert (await console.post(f"/console/api/tickets/{ticket.id}/take"))[0] == 200
        status, _ = await console.post(
            f"/console/api/tickets/{ticket.id}/resolve", {"comment": "fixed the SMTP relay"}
        )
        assert status == 200
        _, page = await console.get(f"/console/api/tickets/{ticket.id}")
        assert page["first_message"] == "сканер на 3 этаже шлёт пустые письма"

        status, review = await console.post(
            f"/console/api/tickets/{ticket.id}/sample",
            {"article": "scanner_not_working", "lang": "ru"},
        )
        assert status == 200, review
        assert review["added"] is True, review
        assert review["after"]["tune_top1"] >= review["before"]["tune_top1"]
        article = next(a for a in load_articles(faq) if a.id == "scanner_not_working")
        assert article.questions["ru"][-1] == "сканер на 3 этаже шлёт пустые письма"

        status, bad = await console.post(
            f"/console/api/tickets/{ticket.id}/sample", {"article": "coffee_machine"}
        )
        assert status == 400 and "no article" in bad["error"]


async def test_a_process_that_takes_no_turns_keeps_no_dictionaries_after_a_sample_review(
    web_settings: Settings, http: aiohttp.ClientSession, store: Store, tmp_path: Path
) -> None:
    """The review matches the eval sets with the ru and uk dictionaries (~30 MiB, and the
    word memos); serve beside its worker processes answers nobody, so it never holds them:
    the review runs in a process of its own."""
    morphology.release()  # what earlier tests' in-process workers loaded here
    faq = tmp_path / "faq"
    shutil.copytree(ROOT / "faq", faq)
    worker = web_settings.worker.model_copy(update={"in_process": False})
    settings = web_settings.model_copy(
        update={"faq_dir": faq, "faq_eval_dir": small_sets(tmp_path / "eval"), "worker": worker}
    )
    async with running_gateway(settings) as gw:
        status, review = await sample_of_a_resolved_ticket(store, http, gw)
        assert status == 200 and review["before"]["tune_top1"] > 0, review
        assert dictionaries.count_loaded() == 0


async def test_a_sample_question_clicked_twice_at_once_or_resent_is_added_once(
    web_settings: Settings, http: aiohttp.ClientSession, store: Store, tmp_path: Path
) -> None:
    """Two reviews of the same question at once both found it missing and both appended
    it (two lines); the click resent with its action id after a lost answer was told
    "already a sample question" instead of what the first one did."""
    faq = tmp_path / "faq"
    shutil.copytree(ROOT / "faq", faq)
    settings = web_settings.model_copy(
        update={"faq_dir": faq, "faq_eval_dir": small_sets(tmp_path / "eval")}
    )
    question = "сканер на 5 этаже шлёт пустые письма"
    async with running_gateway(settings) as gw:
        ticket = await seed_ticket(store, subject=question, group=SupportGroup.HARDWARE)
        console = Console(http, gw)
        await console.sign_in("bob")
        await console.post(f"/console/api/tickets/{ticket.id}/take")
        await console.post(f"/console/api/tickets/{ticket.id}/resolve", {"comment": "relay"})
        url = f"/console/api/tickets/{ticket.id}/sample"
        body = {"article": "scanner_not_working", "lang": "ru"}
        answers = await asyncio.gather(
            console.post(url, body | {"action_id": "sample-click-1"}),
            console.post(url, body | {"action_id": "sample-click-2"}),
            console.post(url, body | {"action_id": "sample-click-1"}),  # a double click
        )
        assert [status for status, _ in answers] == [200, 200, 200], answers
        article = next(a for a in load_articles(faq) if a.id == "scanner_not_working")
        assert article.questions["ru"].count(question) == 1
        first, other, double = (review for _, review in answers)
        assert double == first  # the same click: the same answer
        assert sorted([first["added"], other["added"]]) == [False, True]

        status, resent = await console.post(url, body | {"action_id": "sample-click-1"})
        assert (status, resent) == (200, first)  # after a lost answer
        status, again = await console.post(url, body | {"action_id": "sample-click-3"})
        assert (status, again["added"]) == (200, False)
        assert again["reason"] == "already a sample question of this article"
        article = next(a for a in load_articles(faq) if a.id == "scanner_not_working")
        assert article.questions["ru"].count(question) == 1


async def test_a_knowledge_base_the_gateway_cannot_write_is_a_clear_refusal_not_a_500(
    web_settings: Settings, http: aiohttp.ClientSession, store: Store, tmp_path: Path
) -> None:
    """Outside pass: the Docker image copied faq/ as root and runs as `firstline`, so
    "Add after review" met a folder it cannot write (its lock file first) and answered
    500. The lock's path taken by a folder fails the same way, also for root."""
    faq = tmp_path / "faq"
    shutil.copytree(ROOT / "faq", faq)
    (faq / ".samples.lock").mkdir()
    before = {f.name: f.read_bytes() for f in faq.glob("*.yaml")}
    settings = web_settings.model_copy(
        update={"faq_dir": faq, "faq_eval_dir": small_sets(tmp_path / "eval")}
    )
    async with running_gateway(settings) as gw:
        status, refused = await sample_of_a_resolved_ticket(store, http, gw)
    assert status == 409, refused
    assert refused["key"] == "faq_not_writable"
    assert refused["params"] == {"folder": str(faq)}
    assert {f.name: f.read_bytes() for f in faq.glob("*.yaml")} == before


async def test_a_sample_review_in_firstline_serve_leaves_the_gateway_serving(
    tmp_path: Path,
) -> None:
    """Outside pass: "Add after review" in `firstline serve` (2 cores) stopped the gateway.
    The review ran in serve's own process and its cross-validation forked a pool there; the
    pool's SIGTERM to its workers reached serve through the inherited signal wake-up socket
    ("gateway stopped" in the log, the console gone, a worker hung on a lock it forked with)."""
    faq = tmp_path / "faq"
    shutil.copytree(ROOT / "faq", faq)
    data, port = tmp_path / "data", free_port()
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    env |= {
        "FIRSTLINE_DATA_DIR": str(data),
        "FIRSTLINE_FAQ_DIR": str(faq),
        "FIRSTLINE__FAQ_EVAL_DIR": str(small_sets(tmp_path / "eval")),
    }
    log = tmp_path / "serve.log"
    with open(log, "wb") as err:
        serve = subprocess.Popen(
            [sys.executable, "-m", "gateway", "serve", "--port", str(port), "--processes", "1"],
            env=env, cwd=ROOT, stderr=err,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        jar = aiohttp.CookieJar(unsafe=True)  # cookies of 127.0.0.1
        timeout = aiohttp.ClientTimeout(total=300)
        async with aiohttp.ClientSession(cookie_jar=jar, timeout=timeout) as http:
            await until_ready(http, base)
            subprocess.run(
                [sys.executable, "-m", "gateway", "operator", "add", "bob", "--password-stdin"],
                input=b"correct horse battery\n", env=env, cwd=ROOT, check=True,
            )  # fmt: skip
            store = Store.from_url(f"unix://{data / 'redis' / 'redis.sock'}")
            try:
                ticket = await seed_ticket(store, subject="сканер на 4 этаже шлёт пустые письма")
            finally:
                await store.close()
            console = Console(http, Gateway(base, Settings(), web.Application()))
            assert (await console.sign_in("bob"))[0] == 200
            await console.post(f"/console/api/tickets/{ticket.id}/take")
            await console.post(f"/console/api/tickets/{ticket.id}/resolve", {"comment": "relay"})
            status, review = await console.post(
                f"/console/api/tickets/{ticket.id}/sample",
                {"article": "scanner_not_working", "lang": "ru"},
            )
            assert status == 200 and review["added"] is True, review
            assert serve.poll() is None, "serve stopped"
            async with http.get(base + "/readyz") as ready:
                assert ready.status == 200
            status, page = await console.get(f"/console/api/tickets/{ticket.id}")
            assert status == 200 and page["ticket"]["id"] == ticket.id
        assert "gateway stopped" not in log.read_text("utf-8")
    finally:
        serve.send_signal(signal.SIGTERM)
        try:
            serve.wait(30)
        finally:
            serve.kill()


async def until_ready(http: aiohttp.ClientSession, base: str) -> None:
    for _ in range(600):
        with contextlib.suppress(aiohttp.ClientError):
            async with http.get(base + "/readyz") as resp:
                if resp.status == 200:
                    return
        await asyncio.sleep(0.1)
    raise AssertionError("serve never became ready")


async def test_the_article_is_picked_by_its_title_in_the_tickets_language(
    gateway: Gateway, browser: Any, http: aiohttp.ClientSession, store: Store
) -> None:
    """Outside pass: the sample form asked for an article id with nothing to pick from (a
    ticket the bot found nothing for has no topic to start from): 'принтер' was refused
    "no article 'принтер'" and the operator had no way to learn the ids."""
    ticket = await seed_ticket(store, subject="плотер не друкує креслення", language="uk")
    bob = Console(http, gateway)
    await bob.sign_in("bob")
    assert (await bob.post(f"/console/api/tickets/{ticket.id}/take"))[0] == 200
    done = await bob.post(f"/console/api/tickets/{ticket.id}/resolve", {"comment": "драйвер"})
    assert done[0] == 200, done
    page = await browser.new_page()
    await sign_in(page, gateway, "bob")
    await page.goto(f"{gateway.url}/console#ticket/{ticket.id}")
    await expect(page.locator("#t-title")).to_contain_text(ticket.id)
    article = page.get_by_label("add as a sample question to article")
    await expect(article).to_be_visible()
    assert await article.get_attribute("list") == "sample-articles"
    offered = page.locator("#sample-articles option[value='printer_offline']")
    await expect(offered).to_have_attribute(
        "label", "Принтер не друкує, «не в мережі» або завдання висять у черзі"
    )
    # an active ticket's page carries no list
    other = await seed_ticket(store, subject="ще одна заявка")
    _, active = await bob.get(f"/console/api/tickets/{other.id}")
    assert active["articles"] == []


async def test_the_sample_form_starts_with_the_offered_article_not_a_guess(
    gateway: Gateway, browser: Any, http: aiohttp.ClientSession, store: Store
) -> None:
    """Outside pass: a hand-off the bot found no answer for (reason no_answer) opened the
    sample form prefilled with the classifier's guessed topic ('1С не відкривається' as
    update_stuck), an article nobody was shown. Now the form starts with the article the
    bot offered (the user said it did not help, or a mail's reply carried it), else empty."""
    cases = {"no_answer": "update_stuck", "not_solved": "printer_offline"}
    bob = Console(http, gateway)
    await bob.sign_in("bob")
    page = await browser.new_page()
    await sign_in(page, gateway, "bob")
    for reason, topic in cases.items():
        ticket = await seed_ticket(store, subject=f"1С не відкривається ({reason})", language="uk")
        ticket.reason, ticket.topic = reason, topic
        tx = Transaction()
        tx.save_ticket(ticket)
        await store.commit(tx)
        assert (await bob.post(f"/console/api/tickets/{ticket.id}/take"))[0] == 200
        assert (await bob.post(f"/console/api/tickets/{ticket.id}/resolve", {}))[0] == 200
        _, shown = await bob.get(f"/console/api/tickets/{ticket.id}")
        offered = topic if reason == "not_solved" else ""
        assert shown["offered_article"] == offered
        await page.goto(f"{gateway.url}/console#ticket/{ticket.id}")
        await expect(page.locator("#t-title")).to_contain_text(ticket.id)
        article = page.get_by_label("add as a sample question to article")
        await expect(article).to_have_value(offered)
