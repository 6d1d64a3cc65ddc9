"""`serve` answers nobody, so it never loads the pymorphy3 dictionaries (about 30 MiB a
process): the word sets of the engine's modules are lemmatised on first use, never at
import. The whole-process check is tests/test_serve.py; this one is quick enough to run
with every change to triage or the dialogs."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_web_app_loads_no_dictionaries() -> None:
    code = "import sys, gateway.app; print('pymorphy3' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
