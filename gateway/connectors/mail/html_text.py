"""HTML mail as readable plain text, keeping quoted history recognisable.

Mailers quote the previous message in a `<blockquote>` (Gmail, Thunderbird, Apple Mail)
or after a header block in a `<div>` (Outlook). Quotes become "> " lines, so the same
text rules separate new words from history for HTML-only and plain mail alike.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

BLOCK_TAGS = frozenset(
    {
        "p", "div", "br", "tr", "table", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5",
        "h6", "pre", "hr", "blockquote", "section", "article", "header", "footer", "dl",
        "dt", "dd", "address",
    }
)  # fmt: skip
LINE_TAGS = frozenset({"br", "li", "tr", "dt", "dd"})  # a new line, not a new paragraph
CELL_TAGS = frozenset({"td", "th"})  # a table's cells on one line, a tab between them
SKIPPED_TAGS = frozenset({"script", "style", "head", "title", "template", "noscript", "xml"})
# Outlook marks where the quoted message starts; it becomes a separator line.
OUTLOOK_MARKERS = ("divrplyfwdmsg", "appendonsend", "mail-editor-reference-message-container")
QUOTE_SEPARATOR = "________________________________"


class _TextBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip = 0
        self.quote = 0
        self.pre = 0
        self.href: list[str] = []
        self.link_text: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:
            self.skip += 1
            return
        marks = " ".join(v or "" for k, v in attrs if k in ("id", "class")).lower()
        if tag in LINE_TAGS:
            self._break(blank=False)
        elif tag in BLOCK_TAGS:
            self._break()
        elif tag in CELL_TAGS and "".join(self.current).strip():
            # "<td>Пароль</td><td>Zima_2025</td>" read "ПарольZima_2025": one word.
            self.current.append("\t")
        if any(m in marks for m in OUTLOOK_MARKERS):
            self._break()
            if QUOTE_SEPARATOR not in [ln for ln in self.lines if ln][-1:]:
                self.lines.append(QUOTE_SEPARATOR)
        if tag == "blockquote":
            self.quote += 1
        elif tag == "pre":
            self.pre += 1
        elif tag == "li":
            self.current.append("- ")
        elif tag == "a":
            self.href.append(dict(attrs).get("href") or "")
            self.link_text.append(len("".join(self.current)))
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.current.append(f"[{alt}]")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS:
            self.skip = max(0, self.skip - 1)
            return
        if tag == "a" and self.href:
            href, start = self.href.pop(), self.link_text.pop()
            label = "".join(self.current)[start:].strip()
            if href.startswith(("http://", "https://")) and href not in label:
                self.current.append(f" ({href})")
        if tag in LINE_TAGS:
            self._break(blank=False)
        elif tag in BLOCK_TAGS:
            self._break()
        if tag == "blockquote":
            self.quote = max(0, self.quote - 1)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.pre:
            parts = data.split("\n")
            for part in parts[:-1]:
                self.current.append(part)
                self._break(keep_empty=True)
            self.current.append(parts[-1])
        else:
            self.current.append(re.sub(r"\s+", " ", data))

    def _break(self, keep_empty: bool = False, blank: bool = True) -> None:
        line = "".join(self.current).replace("\xa0", " ").strip()
        self.current = []
        if not line and not keep_empty:
            if blank and self.lines and self.lines[-1] != "":
                self.lines.append("")
            return
        self.lines.append(("> " * self.quote) + line if self.quote else line)

    def text(self) -> str:
        self._break()
        out: list[str] = []
        for line in self.lines:
            if line == "" and (not out or out[-1] == ""):
                continue
            out.append(line)
        return "\n".join(out).strip()


def html_to_text(markup: str) -> str:
    """Readable text of an HTML body: blocks on their own lines, quotes as "> " lines."""
    builder = _TextBuilder()
    try:
        builder.feed(markup)
        builder.close()
    except Exception:  # malformed beyond what the tolerant parser takes: strip tags
        return html.unescape(re.sub(r"<[^>]+>", " ", markup)).strip()
    return builder.text()
