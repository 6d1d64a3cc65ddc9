"""The image and the compose file, read as Docker would (no Docker engine here): what the
gateway needs at run time is in the image, writable where it writes, and every process
of one deployment signs with the same key."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import yaml

from gateway.config import Settings
from gateway.knowledge.evaluation import DEV_FILE, TUNE_FILE
from gateway.knowledge.samples import LOCK_FILE

ROOT = Path(__file__).resolve().parents[1]


def instructions() -> list[tuple[str, str]]:
    lines = (ROOT / "Dockerfile").read_text("utf-8").replace("\\\n", " ").splitlines()
    out = []
    for line in lines:
        if line.strip() and not line.lstrip().startswith("#"):
            word, _, rest = line.strip().partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def copied() -> dict[PurePosixPath, str]:
    """Each path in the image a COPY puts there (under WORKDIR), with its --chown owner."""
    workdir, out = PurePosixPath("/"), {}
    for word, rest in instructions():
        if word == "WORKDIR":
            workdir = workdir / rest
        elif word == "COPY":
            args = rest.split()
            owner = next((a.split("=", 1)[1] for a in args if a.startswith("--chown=")), "")
            *sources, target = [a for a in args if not a.startswith("--")]
            base = workdir / target
            into = target.endswith("/") or len(sources) > 1  # a folder: each by its name
            for source in sources:
                out[base / PurePosixPath(source).name if into else base] = owner
    return out


def in_image(path: PurePosixPath, files: dict[PurePosixPath, str]) -> str | None:
    """The owner of `path` if a COPY put it (or a folder holding it) in the image."""
    for where, owner in files.items():
        if path == where or where in path.parents:
            return owner
    return None


def test_the_image_holds_the_eval_sets_and_an_app_owned_knowledge_base() -> None:
    """Outside pass: "Add after review" in the image answered 500 (faq/ root-owned, the
    gateway running as its user) and, with that fixed, 400: the review's sets were not in
    the image."""
    workdir = PurePosixPath([r for w, r in instructions() if w == "WORKDIR"][-1])
    user = [r for w, r in instructions() if w == "USER"][-1]
    defaults = Settings()
    files = copied()
    eval_dir = workdir / defaults.faq_eval_dir.as_posix()
    for name in (DEV_FILE, TUNE_FILE):
        assert in_image(eval_dir / name, files) is not None, name
    assert in_image(workdir / defaults.faq_dir.as_posix() / LOCK_FILE, files) == user
    frozen = [str(p) for p in files if re.search(r"frozen|fixtures/eval/?$|fixtures/?$", str(p))]
    assert frozen == []  # the tuning sets only, never the blind frozen parts


def test_every_process_of_the_compose_deployment_signs_with_one_key() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text("utf-8"))
    built = [s for s in compose["services"].values() if "build" in s]
    assert len(built) >= 2
    for service in built:
        assert "FIRSTLINE_SESSION_SECRET" in service["environment"], service.get("command")
