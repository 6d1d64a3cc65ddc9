"""Checklist extractors: what one user message says about each checklist field.

One module per field (`tried`, `error`, `product`, `systems` for the OS, `since`), each
with `extract(text) -> str` ("" when the text says nothing about it). `extract_fields`
runs them all; the slot filler (`gateway.dialogs.slots`) decides what to keep.
"""

from __future__ import annotations

from collections.abc import Callable

from gateway.dialogs.extract import errors, product, since, systems, tried

Extractor = Callable[[str], str]

EXTRACTORS: dict[str, Extractor] = {
    "tried": tried.extract,
    "error": errors.extract,
    "product": product.extract,
    "os": systems.extract,
    "since": since.extract,
}


def extract_fields(text: str) -> dict[str, str]:
    """Checklist fields that `text` speaks to (never `problem`), with their values."""
    products = product.extract_all(text)
    attempts = tried.extract(text)
    found = {
        "tried": attempts,
        "error": errors.extract(text, exclude=products, attempts=attempts.split("; ")),
        "product": ", ".join(products),
        "os": systems.extract(text),
        "since": since.extract(text),
    }
    return {name: value for name, value in found.items() if value}


__all__ = ["EXTRACTORS", "extract_fields"]
