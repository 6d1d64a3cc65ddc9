"""What a process loads to answer, and what one that takes no turns gives back.

A worker process reads words: it loads the pymorphy3 dictionaries (ru ~15 MiB, uk
~13 MiB) and builds the knowledge base's matcher before its first turn. `serve` beside its
worker processes answers nobody itself: it holds the articles only, and when something
there does read words (a sample question reviewed from the console) it lets the
dictionaries go again; the next use, if ever, loads them again.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc

from gateway.knowledge import morphology
from gateway.knowledge.library import KnowledgeLibrary


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


def load_to_answer(knowledge: KnowledgeLibrary) -> None:
    """Build the matcher and load the dictionaries before the first turn; then keep them,
    and everything else loaded so far, out of the collector's way: they live as long as
    the process, so a full collection need not walk them (nor, in a forked worker
    process, write to the pages it still shares with serve)."""
    knowledge.index()
    morphology.warm_up()
    gc.collect()  # the garbage of loading (the English word list read for its DAWG)
    gc.freeze()
    give_back_free_memory()
