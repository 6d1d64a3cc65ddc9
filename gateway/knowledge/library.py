"""The knowledge base the running gateway uses, reloaded when its files change."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace
from pathlib import Path

from gateway.knowledge.articles import Article
from gateway.knowledge.loader import KnowledgeBaseError, article_files, load_articles
from gateway.knowledge.matcher import Candidate, Matcher, MatchResult

log = logging.getLogger(__name__)

_Fingerprint = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class _Snapshot:
    articles: dict[str, Article]
    matcher: Matcher | None  # None until the first match, in a library that indexes late
    fingerprint: _Fingerprint


class KnowledgeLibrary:
    """Articles and their matcher for one directory, swapped as a whole on reload.

    The constructor loads the directory and raises KnowledgeBaseError when it is invalid, so
    the gateway does not start with a broken base; later reloads keep the old base instead.

    The matcher reads every article's words with the ru and uk dictionaries (~30 MiB). With
    `index_now=False` the articles are loaded and checked now, and the matcher is built on
    the first match, if one ever comes: serve beside its worker processes answers nobody
    itself, so it never loads the dictionaries; each worker process calls `index`.
    """

    def __init__(self, path: Path, *, index_now: bool = True) -> None:
        self.path = path
        self._index_now = index_now
        self._lock = threading.Lock()
        self._snapshot = self._load(_fingerprint(path))

    @property
    def articles(self) -> list[Article]:
        """The articles currently in use."""
        return list(self._snapshot.articles.values())

    def article(self, article_id: str) -> Article | None:
        """The article with this id, if the current base has it."""
        return self._snapshot.articles.get(article_id)

    def match(self, text: str, lang: str | None = None) -> MatchResult:
        """Match a message against the current base (see Matcher.match)."""
        return self._matcher().match(text, lang)

    def guesses(self, text: str, lang: str | None = None) -> tuple[Candidate, ...]:
        """The articles nearest a message nothing answers (see Matcher.guesses)."""
        return self._matcher().guesses(text, lang)

    def index(self) -> None:
        """Build the matcher now, and again with every reload from now on: for a process
        that answers, so that its first user does not wait for the dictionaries."""
        with self._lock:
            self._index_now = True
        self._matcher()

    def _matcher(self) -> Matcher:
        matcher = self._snapshot.matcher
        if matcher is None:
            with self._lock:
                snapshot = self._snapshot
                matcher = snapshot.matcher or Matcher(list(snapshot.articles.values()))
                self._snapshot = replace(snapshot, matcher=matcher)
        return matcher

    def reload(self) -> bool:
        """Load the directory again; on invalid files log the problems and keep the old base."""
        with self._lock:
            return self._reload(_fingerprint(self.path))

    def reload_if_changed(self) -> bool:
        """Reload only when a file was added, removed or modified (a cheap stat scan)."""
        with self._lock:
            fingerprint = _fingerprint(self.path)
            if fingerprint == self._snapshot.fingerprint:
                return False
            return self._reload(fingerprint)

    def _reload(self, fingerprint: _Fingerprint) -> bool:
        try:
            snapshot = self._load(fingerprint)
        except KnowledgeBaseError as exc:
            log.error(
                "knowledge base not reloaded, keeping %d articles: %s",
                len(self._snapshot.articles),
                "; ".join(exc.problems),
            )
            # Remember the broken state so the same files are not re-read every few seconds.
            self._snapshot = _Snapshot(self._snapshot.articles, self._snapshot.matcher, fingerprint)
            return False
        self._snapshot = snapshot
        log.info("knowledge base loaded: %d articles from %s", len(snapshot.articles), self.path)
        return True

    def _load(self, fingerprint: _Fingerprint) -> _Snapshot:
        articles = load_articles(self.path)
        matcher = Matcher(articles) if self._index_now else None
        return _Snapshot({a.id: a for a in articles}, matcher, fingerprint)


def _fingerprint(path: Path) -> _Fingerprint:
    entries = []
    for file in article_files(path):
        try:
            stat = file.stat()
        except FileNotFoundError:
            continue
        entries.append((str(file), stat.st_mtime_ns, stat.st_size))
    return tuple(entries)
