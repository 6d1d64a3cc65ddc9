"""A program asked for in plain English words is a program to install (issue 12)."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.installs import install_asked
from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import tokens


@pytest.mark.parametrize(
    "text",
    [
        "could you pop Krita on my laptop please",
        "stick GIMP on my computer please",
        "wish I had a decent video editor for the gym promos, could IT put one on",
        "request: Scribus for the church newsletter",
        "requesting FreeCAD for the workshop jigs, manager approved",
        "i really wish this laptop had Darktable, the raw photos open so slowly in the viewer",
    ],
)
def test_a_program_asked_for_in_plain_words_is_installed(matcher: Matcher, text: str) -> None:
    # Putting, popping, having and requesting were no word of the software article: the
    # message read as its place and purpose, and nothing was answered (or a slow computer).
    assert answered(matcher, text, "en") == "software_install"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("could you put the poster on my wall", None),
        ("wish I had a bigger desk by the computer", None),
        ("could someone put a sticker on my laptop", None),
        ("requesting read access to the Orders folder", "new_access_request"),
    ],
)
def test_what_is_no_program_is_not_installed(matcher: Matcher, text: str, topic: str) -> None:
    assert answered(matcher, text, "en") == topic


def test_the_words_that_ask_for_a_program_are_found() -> None:
    for text, word in (
        ("could someone put OBS Studio on my work machine?", "put"),
        ("wish this laptop had XnView", "had"),
        ("request: Inkscape for the signage", "request"),
    ):
        words = tokens(text, "en")
        assert [words[i].word for i in install_asked(words, frozenset())] == [word], text
    for text in (
        "put Bob on the night rota please",  # no computer
        "I can't put Zoom on my laptop",  # a failure, not a request
        "requesting Bob's account unlocked",  # no program's name alone
        "wish I had Monday off",  # no computer
    ):
        assert install_asked(tokens(text, "en"), frozenset()) == frozenset(), text
