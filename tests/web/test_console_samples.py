"""A resolved ticket's first message can become a sample question, after an eval review."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

import aiohttp
from harness import Console, running_gateway, seed_ticket

from gateway.config import Settings
from gateway.knowledge import morphology
from gateway.knowledge.loader import load_articles
from gateway.models import SupportGroup
from gateway.store import Store

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
    word memos); serve beside its worker processes answers nobody, so it lets them go."""
    faq = tmp_path / "faq"
    shutil.copytree(ROOT / "faq", faq)
    worker = web_settings.worker.model_copy(update={"in_process": False})
    settings = web_settings.model_copy(
        update={"faq_dir": faq, "faq_eval_dir": small_sets(tmp_path / "eval"), "worker": worker}
    )
    async with running_gateway(settings) as gw:
        ticket = await seed_ticket(store, subject="сканер шлёт пустые письма")
        console = Console(http, gw)
        await console.sign_in("bob")
        await console.post(f"/console/api/tickets/{ticket.id}/take")
        await console.post(f"/console/api/tickets/{ticket.id}/resolve", {"comment": "relay"})
        status, review = await console.post(
            f"/console/api/tickets/{ticket.id}/sample",
            {"article": "scanner_not_working", "lang": "ru"},
        )
        assert status == 200 and review["before"]["tune_top1"] > 0, review
        assert morphology.dictionaries_loaded() == 0


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
