"""The pymorphy3 dictionaries of Russian and Ukrainian, loaded once a process and kept light.

- `analyser(lang) -> pymorphy3.MorphAnalyzer`: the analyser of "ru" or "uk", loaded on first
  use (pymorphy3 is imported only then: a process that answers nobody never loads it).
- `count_loaded() -> int`: how many of the two this process holds now.
- `release()`: forget them; the next use loads them again.

Only words a dictionary knows are parsed with them (morphology stems the others), so the
analysers are built without the unit that guesses unknown words, and what they keep is
packed (`PackedStrings`, `PackedParadigms`, the readings' probabilities without their
completion guide): about 8 MiB less in every process that answers.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from functools import cache
from itertools import accumulate
from typing import TYPE_CHECKING, overload

if TYPE_CHECKING:
    import pymorphy3


class PackedStrings(Sequence[str]):
    """A read-only list of strings kept as one string and the offsets of its items.

    pymorphy3 keeps a dictionary's paradigm suffixes (ru 16,311, uk 10,786) as a list of
    Python strings: ~60 bytes of object for ~6 letters each, 2.3 MiB for the two in every
    process that answers; packed they take ~0.4 MiB. It only ever reads one by its index
    (the normal form of a parse), which costs a slice here."""

    def __init__(self, items: Sequence[str]) -> None:
        self._text = "".join(items)
        self._ends = array("I", accumulate((len(item) for item in items), initial=0))

    def __len__(self) -> int:
        return len(self._ends) - 1

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        return self._text[self._ends[index] : self._ends[index + 1]]


class PackedParadigms(Sequence[memoryview]):
    """pymorphy3's paradigms (ru 3,456, uk 5,008: each a short array of suffix, tag and
    prefix numbers) kept in one array and the offsets of its items.

    As one `array` each they take 2.2 MiB of objects for 1.3 MiB of numbers in every
    process that answers; packed, the numbers and the offsets. pymorphy3 only reads a
    paradigm by its index, then its length and its numbers by index, which a memoryview
    of the packed slice answers alike."""

    def __init__(self, items: Sequence[array[int]]) -> None:
        numbers = array("H")
        for item in items:
            numbers.extend(item)
        self._ends = array("I", accumulate((len(item) for item in items), initial=0))
        self._numbers = memoryview(numbers)

    def __len__(self) -> int:
        return len(self._ends) - 1

    @overload
    def __getitem__(self, index: int) -> memoryview: ...
    @overload
    def __getitem__(self, index: slice) -> list[memoryview]: ...
    def __getitem__(self, index: int | slice) -> memoryview | list[memoryview]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        return self._numbers[self._ends[index] : self._ends[index + 1]]


def _reading_probabilities(dictionary_path: str) -> pymorphy3.analyzer.ProbabilityEstimator:
    """pymorphy3's estimator of P(t|w), how likely each reading of a word is (it orders
    the readings, and so picks the lemma; ru has one, uk none), on a lighter copy of its
    table.

    pymorphy3 loads `p_t_given_w.intdawg` as a DAWG with a completion guide (2.8 MiB of C
    heap in every process that answers) and only ever looks up one whole key in it
    ("word:tag"), which the DAWG's units answer without the guide: loaded without it the
    table takes 1.8 MiB and gives every key the same number."""
    import dawg
    from pymorphy3.analyzer import ProbabilityEstimator
    from pymorphy3.dawg import ConditionalProbDistDAWG

    class Probabilities(dawg.IntDAWG):  # type: ignore[misc]
        def prob(self, word: str, tag: object) -> float:
            found: int = self.get(f"{word}:{tag}", 0)
            return found / ConditionalProbDistDAWG.MULTIPLIER

    estimator = ProbabilityEstimator.__new__(ProbabilityEstimator)
    estimator.p_t_given_w = Probabilities().load(f"{dictionary_path}/p_t_given_w.intdawg")
    return estimator


@cache
def analyser(lang: str) -> pymorphy3.MorphAnalyzer:
    """The analyser of one language. Only words its dictionary knows are parsed here (a
    word it does not know is stemmed instead), so it is built without the unit that
    guesses unknown words by their endings, and the tables only that unit reads (4-5 MiB
    a language, in every process that answers) are let go. The paradigm suffixes and
    the paradigms are kept packed (`PackedStrings`, `PackedParadigms`), the readings'
    probabilities without their completion guide (`_reading_probabilities`)."""
    import importlib

    import pymorphy3
    from pymorphy3.units import KnownSuffixAnalyzer

    def known(units: list[object]) -> list[object]:
        return [u for u in units if not isinstance(u, KnownSuffixAnalyzer)]

    defaults = importlib.import_module(f"pymorphy3.lang.{lang}").DEFAULT_UNITS
    units = [known(u) if isinstance(u, list) else u for u in known(defaults)]
    # pymorphy3's own estimator would load P(t|w) with a guide no look-up here reads: the
    # same table is set below, where pymorphy3 would set it (a dictionary that has one)
    analyser = pymorphy3.MorphAnalyzer(lang=lang, units=units, probability_estimator_cls=None)
    dictionary = analyser.dictionary
    if dictionary.meta.get("P(t|w)"):
        analyser.prob_estimator = _reading_probabilities(dictionary.path)
    dictionary.prediction_suffixes_dawgs.clear()
    dictionary.suffixes = PackedStrings(dictionary.suffixes)
    dictionary.paradigms = PackedParadigms(dictionary.paradigms)
    dictionary._data = dictionary._data._replace(
        suffixes=dictionary.suffixes, paradigms=dictionary.paradigms
    )
    return analyser


def count_loaded() -> int:
    """How many pymorphy3 dictionaries (ru, uk) this process holds now."""
    return analyser.cache_info().currsize


def release() -> None:
    """Forget the loaded dictionaries; the next `analyser` call loads its own again."""
    analyser.cache_clear()
