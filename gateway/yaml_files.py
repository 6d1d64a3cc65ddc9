"""Parsing the YAML files we ship and authors edit: libyaml's C parser when PyYAML has it.

Every start and every knowledge-base reload parses the article files and the three text
catalogs (~200 KiB). The C parser does that about 8 times faster than PyYAML's pure-Python
one, into the same data, and its syntax errors carry the same line and column marks.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """`yaml.safe_load(text)`, with the C parser when it is there."""
    return yaml.load(text, Loader=_LOADER)  # a safe loader: plain data only
