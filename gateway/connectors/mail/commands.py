"""`firstline email parse FILE [--json]`: show what the parser understood of one message."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from gateway.connectors.mail.parse import DEFAULT_MAX_ATTACHMENT_BYTES, parse_mail


def parse_command(
    path: Path,
    as_json: bool,
    max_attachment_bytes: int = DEFAULT_MAX_ATTACHMENT_BYTES,
    out: TextIO = sys.stdout,
) -> int:
    """Print the parse of a raw message file (`-` reads standard input)."""
    try:
        raw = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    except OSError as exc:
        print(f"cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    parsed = parse_mail(raw, max_attachment_bytes=max_attachment_bytes).describe()
    if as_json:
        print(json.dumps(parsed, ensure_ascii=False, indent=2), file=out)
        return 0
    for key, value in parsed.items():
        if key in ("text", "quoted", "signature"):
            shown = str(value).replace("\n", "\n    ")
            print(f"{key}:\n    {shown}" if value else f"{key}: -", file=out)
        elif key == "attachments":
            print(f"{key}: {len(value)}", file=out)
            for item in value:
                extra = " inline" if item.get("inline") else ""
                dropped = f" ({item['dropped']})" if item.get("dropped") else ""
                line = f"  - {item['filename']} {item['content_type']} {item['size']} bytes"
                print(f"{line}{extra}{dropped}", file=out)
        else:
            print(f"{key}: {value if value not in ('', [], None) else '-'}", file=out)
    return 0
