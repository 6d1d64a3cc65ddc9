"""The extractors' tables: real-shaped lines per field and language, scored together.

Each table is a YAML file `<field>.yaml` with `lines: [[lang, text, part], ...]`: the value
the full extraction gives for `field` must contain `part` (case-insensitive), or be empty
when `part` is "". `firstline eval extractors` prints the score of every table per language;
the unit tests require every line to pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import yaml

from gateway.dialogs.extract import EXTRACTORS, extract_fields

TABLES_DIR = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "eval" / "extractors"


class TableError(ValueError):
    """A table file is malformed; the message names the file and the line."""


@dataclass(frozen=True)
class Line:
    field: str
    lang: str
    text: str
    part: str

    def check(self) -> str:
        """The extracted value when it is wrong, else "" (also "" for a correct negative)."""
        got = extract_fields(self.text).get(self.field, "")
        ok = self.part.casefold() in got.casefold() if self.part else not got
        return "" if ok else got or "(nothing)"


@dataclass
class Score:
    """One table's result in one language."""

    field: str
    lang: str
    total: int = 0
    passed: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return 100.0 * self.passed / self.total if self.total else 0.0


def yaml_list(path: Path, key: str, error: type[ValueError]) -> list[Any]:
    """The non-empty list under `key` of a YAML file; `error` naming the file otherwise."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise error(f"{path}: {exc}") from None
    rows = data.get(key) if isinstance(data, dict) else None
    if not isinstance(rows, list) or not rows:
        raise error(f"{path}: expected a non-empty list under '{key}'")
    return rows


def load_lines(directory: Path = TABLES_DIR) -> list[Line]:
    """Every line of every `<field>.yaml` table in `directory`."""
    lines: list[Line] = []
    for name in EXTRACTORS:
        path = directory / f"{name}.yaml"
        rows = yaml_list(path, "lines", TableError)
        for n, row in enumerate(rows, 1):
            if not (
                isinstance(row, list) and len(row) == 3 and all(isinstance(x, str) for x in row)
            ):
                raise TableError(f"{path}: line {n} must be [lang, text, part]")
            lines.append(Line(name, *row))
    return lines


def score(lines: list[Line]) -> list[Score]:
    """Scores per (field, language), in the order the fields are listed."""
    scores: dict[tuple[str, str], Score] = {}
    for line in lines:
        entry = scores.setdefault((line.field, line.lang), Score(line.field, line.lang))
        entry.total += 1
        wrong = line.check()
        if wrong:
            entry.misses.append(
                f"{line.text!r}: got {wrong!r}, expected {line.part or 'nothing'!r}"
            )
        else:
            entry.passed += 1
    return list(scores.values())


def report(scores: list[Score], stdout: TextIO, *, misses: bool = True) -> None:
    """A table of scores per extractor and language, then the lines that failed."""
    langs = sorted({s.lang for s in scores}, key=["ru", "uk", "en"].index)
    stdout.write("extractor  " + "  ".join(f"{lang:>13}" for lang in langs) + "\n")
    for name in EXTRACTORS:
        cells = []
        for lang in langs:
            found = next((s for s in scores if s.field == name and s.lang == lang), None)
            cells.append(
                f"{found.passed:>3}/{found.total:<3} {found.percent:5.1f}%" if found else ""
            )
        stdout.write(f"{name:<9}  " + "  ".join(f"{c:>13}" for c in cells) + "\n")
    if misses:
        for entry in scores:
            for miss in entry.misses:
                stdout.write(f"MISS  {entry.field} {entry.lang}: {miss}\n")


def eval_extractors(directory: Path, stdout: TextIO) -> int:
    """Exit status: 0 when every line passes, 1 when any fails, 2 for a bad table."""
    try:
        lines = load_lines(directory)
    except TableError as exc:
        stdout.write(f"error: {exc}\n")
        return 2
    scores = score(lines)
    report(scores, stdout)
    stdout.flush()
    return 0 if all(s.passed == s.total for s in scores) else 1
