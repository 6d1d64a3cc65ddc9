"""A photographer's camera: a camera said with its shots or called a photo camera.

"disk's full and I can't copy the party videos off the camera", "C: shows a red bar, the
camera photos go there", "the zoom lens on the photo studio camera is scratched": the
camera is where photos and videos come from, not the webcam of a call, and its word is no
evidence for the webcam's article; the rest of the message (a full disk, a lost file, a lens
no IT's) says what is wrong. A webcam's "picture" is the image it shows in a call ("camera
light comes on but the picture is black"): only shots in the plural are a camera's. A message
that says "webcam" is left to the other signals (the tokens read it as "camera", so the
text is asked).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gateway.knowledge.morphology import Token
from gateway.knowledge.vocabulary import (
    CAMERA_SHOT_WORDS,
    CAMERA_WORDS,
    PHOTO_CAMERA_REACH,
    PHOTO_CAMERA_WORDS,
    WEBCAM_WORDS,
)

_LATIN_WORD = re.compile(r"[a-z]+")


def photo_cameras(text: str, words: Sequence[Token]) -> frozenset[int]:
    """Positions in `words` (the tokens of `text`) of the camera words of a message that
    names a camera's shots or calls the camera a photo camera; empty when it names none or
    says "webcam"."""
    said = {t.word for t in words}
    cameras = [i for i, t in enumerate(words) if t.word in CAMERA_WORDS]
    if not cameras or not WEBCAM_WORDS.isdisjoint(_LATIN_WORD.findall(text.lower())):
        return frozenset()
    if not said.isdisjoint(CAMERA_SHOT_WORDS):
        return frozenset(cameras)
    return frozenset(
        i
        for i in cameras
        if any(t.word in PHOTO_CAMERA_WORDS for t in words[max(i - PHOTO_CAMERA_REACH, 0) : i])
    )
