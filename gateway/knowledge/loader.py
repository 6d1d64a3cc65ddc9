"""Reading and validating the article files (`faq/**/*.yaml`, one article per file).

Every problem is reported as "<file>: <field>: <what is wrong>" so that whoever edits the
knowledge base can fix all of them in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import yaml

from gateway.knowledge.articles import ANSWER_TYPES, GROUPS, KINDS, LANGUAGES, Article, Kind
from gateway.yaml_files import safe_load

_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_FIELDS = frozenset(
    {"id", "group", "kind", "answer_type", "link", "title", "answer", "questions", "keywords"}
)


class KnowledgeBaseError(Exception):
    """The article files cannot be loaded; `problems` lists every reason."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("invalid knowledge base:\n" + "\n".join(f"- {p}" for p in problems))


def article_files(path: Path) -> list[Path]:
    """All article files under `path`, in a stable order."""
    if not path.is_dir():
        return []
    return sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load_articles(path: Path) -> list[Article]:
    """Load every article under `path`; raise KnowledgeBaseError listing all problems."""
    articles, problems = _read(path)
    if problems:
        raise KnowledgeBaseError(problems)
    return articles


def check_articles(path: Path) -> list[str]:
    """Human-readable problems with the article files under `path`; empty when all is well."""
    return _read(path)[1]


def _read(path: Path) -> tuple[list[Article], list[str]]:
    if not path.is_dir():
        return [], [f"{path}: not a directory with article files"]
    files = article_files(path)
    if not files:
        return [], [f"{path}: no article files (*.yaml) found"]
    articles: list[Article] = []
    problems: list[str] = []
    seen: dict[str, Path] = {}
    for file in files:
        article, file_problems = _read_file(file)
        problems.extend(file_problems)
        if article is None:
            continue
        if article.id in seen:
            problems.append(
                f"{file}: id: duplicate id {article.id!r}, also used in {seen[article.id]}"
            )
            continue
        seen[article.id] = file
        articles.append(article)
    return articles, problems


def _read_file(file: Path) -> tuple[Article | None, list[str]]:
    try:
        data = safe_load(file.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        return None, [f"{file}: {where}YAML syntax error: {exc.problem or exc}"]
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        return None, [f"{file}: cannot be read: {exc}"]
    if not isinstance(data, dict):
        return None, [f"{file}: the file must hold one article (a mapping with id, group, ...)"]
    problems = list(_problems(data))
    if problems:
        return None, [f"{file}: {p}" for p in problems]
    return _article(data), []


def _problems(data: dict[str, Any]) -> Iterator[str]:
    for field in sorted(set(data) - _FIELDS):
        yield f"{field}: unknown field (allowed: {', '.join(sorted(_FIELDS))})"
    article_id = data.get("id")
    if not isinstance(article_id, str) or not _ID.match(article_id):
        yield "id: missing or not lowercase letters, digits and underscores"
    if data.get("group") not in GROUPS:
        yield f"group: {data.get('group')!r} is not one of {', '.join(GROUPS)}"
    kind = data.get("kind")
    if kind not in KINDS:
        yield f"kind: {kind!r} is not one of {', '.join(KINDS)}"
    answer_type = data.get("answer_type")
    if answer_type not in ANSWER_TYPES and (kind == "faq" or answer_type is not None):
        yield f"answer_type: {answer_type!r} is not one of {', '.join(ANSWER_TYPES)}"
    link = data.get("link")
    if link is not None and not (
        isinstance(link, str) and link.startswith(("http://", "https://"))
    ):
        yield "link: must be an http:// or https:// address"
    yield from _texts(data, "title")
    if kind == "faq":
        if data.get("answer") is None:
            yield "answer: missing (a faq article needs an answer in ru, uk and en)"
        else:
            yield from _texts(data, "answer")
    elif kind == "escalate" and data.get("answer") is not None:
        yield "answer: an escalate article must not have an answer (it leads to a ticket)"
    yield from _lists(data, "questions", required=True)
    if data.get("keywords") is not None:
        yield from _lists(data, "keywords", required=False)


def _texts(data: dict[str, Any], field: str) -> Iterator[str]:
    value = data.get(field)
    if not isinstance(value, dict):
        yield f"{field}: missing or not a mapping of ru, uk and en texts"
        return
    for lang in LANGUAGES:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            yield f"{field}.{lang}: missing language (every article needs ru, uk and en)"
    for lang in sorted(set(value) - set(LANGUAGES), key=str):
        yield f"{field}.{lang}: unknown language (use {', '.join(LANGUAGES)})"


def _lists(data: dict[str, Any], field: str, *, required: bool) -> Iterator[str]:
    value = data.get(field)
    if not isinstance(value, dict):
        yield f"{field}: missing or not a mapping of ru, uk and en lists"
        return
    for lang in LANGUAGES:
        items = value.get(lang)
        if items is None and not required:
            continue
        if not isinstance(items, list) or not items:
            yield f"{field}.{lang}: empty or missing (give at least one phrase)"
        elif not all(isinstance(i, str) and i.strip() for i in items):
            yield f"{field}.{lang}: every entry must be a non-empty text"
    for lang in sorted(set(value) - set(LANGUAGES), key=str):
        yield f"{field}.{lang}: unknown language (use {', '.join(LANGUAGES)})"


def _article(data: dict[str, Any]) -> Article:
    answer = data.get("answer")
    keywords = data.get("keywords") or {}
    return Article(
        id=data["id"],
        group=data["group"],
        kind=cast(Kind, data["kind"]),
        answer_type=data.get("answer_type"),
        link=data.get("link"),
        title={lang: data["title"][lang].strip() for lang in LANGUAGES},
        answer=None if answer is None else {lang: answer[lang].strip() for lang in LANGUAGES},
        questions={lang: tuple(q.strip() for q in data["questions"][lang]) for lang in LANGUAGES},
        keywords={lang: tuple(k.strip() for k in keywords.get(lang) or ()) for lang in LANGUAGES},
    )
