"""A photographer's camera, said with its shots or as a photo camera, is no webcam (issue 12)."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.cameras import photo_cameras
from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import tokens


@pytest.mark.parametrize(
    ("text", "article"),
    [
        # answered mic_camera before (faq_frozen33): the camera's videos fill the disk
        (
            "disk's full and I can't copy the party videos off the camera, it stops at 40%",
            "disk_full",
        ),
        # and in other words
        (
            "no space left on the laptop, I need to copy the camera photos off the SD card",
            "disk_full",
        ),
    ],
)
def test_a_cameras_shots_are_no_webcam(matcher: Matcher, text: str, article: str) -> None:
    assert answered(matcher, text, "en") == article


def test_a_photo_studio_cameras_lens_is_offered_nothing(matcher: Matcher) -> None:
    # answered mic_camera before (faq_recall_probe21en, an off-topic line)
    result = matcher.match("the zoom lens on the photo studio camera is scratched", "en")
    assert result.outcome == "none"


@pytest.mark.parametrize(
    "text",
    [
        "camera light comes on but the picture is black in Teams",
        "my camera isn't working in Zoom, the others see a black square",
    ],
)
def test_a_calls_camera_stays_the_webcams(matcher: Matcher, text: str) -> None:
    assert answered(matcher, text, "en") == "mic_camera"


def test_only_a_camera_said_with_shots_or_as_a_photo_camera_is_a_photographers() -> None:
    text = "the fig orchard camera photos go there"
    said = tuple(tokens(text, "en"))
    assert [said[i].word for i in sorted(photo_cameras(text, said))] == ["camera"]
    text = "the photo studio camera is scratched"
    said = tuple(tokens(text, "en"))
    assert [said[i].word for i in sorted(photo_cameras(text, said))] == ["camera"]
    # the picture a camera shows in a call is no shot
    text = "the camera picture is dark in Teams"
    said = tuple(tokens(text, "en"))
    assert photo_cameras(text, said) == frozenset()
    # a message that says "webcam" is about the webcam, whatever photos it names
    text = "the webcam won't take photos for the badges"
    said = tuple(tokens(text, "en"))
    assert photo_cameras(text, said) == frozenset()
