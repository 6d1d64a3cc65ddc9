"""A show's things: a karaoke's or a stage's sound, and an instrument's keys, are the show's.

"в караоке-баре микрофоны не работают, звука нет вообще", "в караоке немає звуку з
мікрофонів", "no sound from the mics in the karaoke room": no sound and a microphone are the
sound and call articles' words, and alone they answered them. Said in a karaoke or on a
stage with no computer or call program named, the microphones, the speakers and their sound
are the show's, and their words are no evidence ("на компе в караоке-баре нет звука в
колонках" stays the computer's). So are the keys of an instrument or of a music night's
keyboard: "the harpsichord in the recital hall has two keys that won't come back up", "на
колокольне западает клавиатура", "our keyboard in the sake bar lounge has two dead keys
before jazz night" ("music school reception PC: the keyboard types nothing" stays IT's), and
an instrument's sound: "камертон майже не дає звуку", "the music box has no sound when I
wind it" ("нет звука в колонках, а мне записи шарманок прослушивать" stays the computer's).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from gateway.knowledge.morphology import Token
from gateway.knowledge.vocabulary import (
    AUTHORITY_WORDS,
    INSTRUMENT_KEY_WORDS,
    INSTRUMENT_PHRASES,
    INSTRUMENT_WORDS,
    MUSIC_NIGHT_WORDS,
    PLAYBACK_WORDS,
    SHOW_SOUND_WORDS,
    SHOW_VENUE_WORDS,
    SOUND_HOST_WORDS,
)
from gateway.knowledge.wordlists import said, with_lemmas


def show_sound(words: Sequence[Token]) -> frozenset[int]:
    """Positions of the sound, microphone and speaker words when the message names a karaoke
    or a stage and no computer or call program: empty otherwise. Said of an instrument
    ("камертон майже не дає звуку", "the music box has no sound when I wind it"), the
    instrument's own words too: no article's thing either ("камертон" is no "камера")."""
    venues, sounds, hosts, _, _, playback, _ = _vocabulary()
    if any(said(t, hosts) for t in words):
        return frozenset()
    # An instrument's recordings heard through speakers or headphones are a computer's sound
    # ("нет звука в колонках, а мне записи шарманок прослушивать").
    played = frozenset() if any(said(t, playback) for t in words) else _instruments(words)
    # A Latin word as written: "staging" is no stage ("the staging server has no sound").
    named = any(said(t, venues) and (not t.word.isascii() or t.word in venues) for t in words)
    if not named and not played:
        return frozenset()
    found = frozenset(i for i, t in enumerate(words) if said(t, sounds))
    return found | played if found else found


def instrument_keys(words: Sequence[Token]) -> frozenset[int]:
    """Positions of the keyboard and key words when the message names an instrument or a
    music night and no computer or call program: empty otherwise."""
    _, _, hosts, _, keys, _, nights = _vocabulary()
    named = _instruments(words) or any(said(t, nights) for t in words)
    if not named or any(said(t, hosts) for t in words):
        return frozenset()
    return frozenset(i for i, t in enumerate(words) if said(t, keys))


def _instruments(words: Sequence[Token]) -> frozenset[int]:
    """Positions of the words that name an instrument, an English name of two words whole
    ("tuning fork", "music box")."""
    instruments = _vocabulary()[3]
    found = {
        i for i, t in enumerate(words) if said(t, instruments) and not _authority(words, i)
    }
    for i in range(1, len(words)):
        if (words[i - 1].word, words[i].word) in INSTRUMENT_PHRASES:
            found.update((i - 1, i))
    return frozenset(found)


def _authority(words: Sequence[Token], index: int) -> bool:
    """Whether the instrument word at `index` names an authority by the word beside it: "в
    налоговом органе", "органы опеки", "державний орган" (`_authorities`)."""
    beside = (*words[max(index - 1, 0) : index], *words[index + 1 : index + 2])
    return any(said(t, _authorities()) for t in beside)


@cache
def _authorities() -> frozenset[str]:
    return with_lemmas(AUTHORITY_WORDS)


@cache
def _vocabulary() -> tuple[frozenset[str], ...]:
    """The word lists with their lemmas (English stems for Latin words, Russian and
    Ukrainian lemmas for Cyrillic ones). Read on first use."""
    return tuple(
        with_lemmas(words)
        for words in (
            SHOW_VENUE_WORDS,
            SHOW_SOUND_WORDS,
            SOUND_HOST_WORDS,
            INSTRUMENT_WORDS,
            INSTRUMENT_KEY_WORDS,
            PLAYBACK_WORDS,
            MUSIC_NIGHT_WORDS,
        )
    )
