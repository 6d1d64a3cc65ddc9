"""One table a list of words, read everywhere it is needed: the readers take the table or a
named part of it, never a copy of their own that a fix made in one place would miss."""

from __future__ import annotations

from gateway.dialogs.extract import tried
from gateway.knowledge import crowds
from gateway.knowledge.vocabulary import (
    ARTICLE_WORDS_ENGLISH,
    DETERMINER_WORDS_ENGLISH,
    HOW_MANY_DETERMINERS_ENGLISH,
    NOUN_DETERMINERS,
    QUANTIFIED_DETERMINERS,
)
from gateway.triage import impact


def test_every_english_determiner_table_is_a_named_part_of_the_one_list() -> None:
    assert NOUN_DETERMINERS == DETERMINER_WORDS_ENGLISH - HOW_MANY_DETERMINERS_ENGLISH
    assert NOUN_DETERMINERS - {"a", "an"} == QUANTIFIED_DETERMINERS
    assert ARTICLE_WORDS_ENGLISH <= NOUN_DETERMINERS
    assert QUANTIFIED_DETERMINERS | {"of"} == crowds.ENGLISH_DETERMINERS
    english = {w for w in impact._DETERMINERS if w.isascii()}
    assert english == NOUN_DETERMINERS


def test_the_ing_noun_readers_take_the_determiners_of_the_one_list() -> None:
    for word in NOUN_DETERMINERS:
        assert tried._DETERMINER_BEFORE.search(f"we fixed {word} "), word
    for word in DETERMINER_WORDS_ENGLISH:
        assert not tried._ING_NOUN.match(f" {word}"), word
    assert tried._ING_NOUN.match(" rooms")


def test_the_two_praise_tables_are_named_for_their_jobs() -> None:
    from gateway.dialogs import answers
    from gateway.triage import tone

    # the tone of a short stretch may be a bare word; feedback is praise wherever it stands
    assert tone.TONE_PRAISE.search("help")
    assert not answers.FEEDBACK_PRAISE.search("need help with the scanner driver")
    assert answers.FEEDBACK_PRAISE.search("the laptop was fixed quickly, well done")
    assert answers.sounds_grateful("отличная работа, всё открывается")


def test_every_reader_of_asking_nicely_takes_the_one_table() -> None:
    import re

    from gateway.dialogs import account_requests, answers
    from gateway.dialogs.extract import callback, names
    from gateway.knowledge.vocabulary import PLEASE, PLEASE_PHRASES, PLEASE_WORDS
    from gateway.triage import impatience, mood, person_request

    assert {"please", "pls", "plz", "пожалуйста", "плиз", "будь", "ласка"} == PLEASE_WORDS
    assert all(re.fullmatch(PLEASE, phrase) for phrase in PLEASE_PHRASES)
    assert person_request._ADDRESS == PLEASE_WORDS
    assert PLEASE_WORDS <= mood._FILLER
    assert PLEASE_WORDS <= answers._PICK_WORDS
    for source in (names._INSTALLED.pattern, callback._CALL_ME, account_requests._ASIDE):
        assert PLEASE in source
    assert mood.ASKS_FOR_PERSON.search("operator plz")
    assert impatience.LOST_PATIENCE.search("plz побыстрее")
