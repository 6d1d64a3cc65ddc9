"""The knowledge base's tests share one matcher over the shipped articles (it is read-only)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gateway.knowledge.loader import load_articles
from gateway.knowledge.matcher import Matcher

FAQ = Path(__file__).resolve().parents[2] / "faq"


@pytest.fixture(scope="session")
def matcher() -> Matcher:
    return Matcher(load_articles(FAQ))
