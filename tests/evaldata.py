"""Where the evaluation files are.

`../shared/eval` (next to the repository) is the team's source of truth; a fresh clone on
its own uses the copies in tests/fixtures/eval, refreshed from it now and then.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_SHARED = ROOT.parent / "shared" / "eval"
EVAL_DIR = _SHARED if (_SHARED / "faq_dev.jsonl").exists() else ROOT / "tests" / "fixtures" / "eval"
