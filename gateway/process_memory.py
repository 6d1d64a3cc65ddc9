"""What a process that takes no turns gives back: the dictionaries, and freed heap pages.

`serve` beside its worker processes answers nobody itself, yet it loads the knowledge base
(before the fork, so the workers share it; again whenever the files change), which reads
every article's words with the pymorphy3 dictionaries (ru ~15 MiB, uk ~13 MiB). It lets
them go after each load; the next use, if ever, loads them again.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc

from gateway.knowledge import morphology


def give_back_free_memory() -> None:
    """Return the C heap's free pages to the system (glibc's `malloc_trim`): freed Python
    memory otherwise stays resident. Elsewhere (another C library) nothing is done."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


def let_words_go() -> None:
    """Forget the dictionaries and every word read with them, and give the pages back."""
    morphology.release()
    gc.collect()
    give_back_free_memory()
