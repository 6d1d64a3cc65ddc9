"""What a mail tells of its writer's language besides its words.

A letter of a screenshot alone, with no subject, was answered in the desk's default
language whatever its writer spoke: there were no words to read it from. Mailers say
more than the words: the language the writer composes in (`Content-Language`, of the mail
or of one of its parts: Outlook and Thunderbird write it), the languages their reader asks
for (`Accept-Language`, Outlook; `X-Accept-Language`, older Mozilla mailers), and the
names the writer's system gave (the sender's name, a screenshot's "Знімок екрана …",
"Снимок экрана …") when their letters are one language's alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from email.message import Message

from gateway.texts import LANGUAGES
from gateway.triage.language import RUSSIAN_LETTERS, UKRAINIAN_LETTERS


def language_hint(
    msg: Message, header: Callable[[str], str], sender_name: str, file_names: Iterable[str]
) -> str:
    """The language (ru, uk, en) the mail's headers name, else the one its sender's name
    and its files' names are written in; "" when nothing tells."""
    stated = [header("content-language")] + [
        str(part.get("content-language", "")) for part in msg.walk() if part is not msg
    ]
    for value in stated:
        if found := _first_ours(value):
            return found
    for name in ("accept-language", "x-accept-language"):
        if found := _first_ours(header(name)):
            return found
    return _written_in(" ".join([sender_name, *file_names]))


def _first_ours(value: str) -> str:
    """The first language we answer in among `value`'s ("uk-UA", "de-DE, en-US;q=0.8"),
    the most wanted first; none asked for with q=0."""
    ranked: list[tuple[float, int, str]] = []
    for index, item in enumerate(value.split(",")):
        tag, _, params = item.strip().partition(";")
        weight = 1.0
        key, _, number = params.strip().partition("=")
        if key.strip().lower() == "q":
            try:
                weight = float(number)
            except ValueError:
                continue
        lang = tag.strip().split("-")[0].split("_")[0].lower()
        if lang in LANGUAGES and weight > 0:
            ranked.append((-weight, index, lang))
    return min(ranked)[2] if ranked else ""


def _written_in(text: str) -> str:
    """uk or ru when `text` has letters of that alphabet alone, else ""."""
    letters = set(text.lower())
    ukrainian, russian = bool(letters & UKRAINIAN_LETTERS), bool(letters & RUSSIAN_LETTERS)
    if ukrainian != russian:
        return "uk" if ukrainian else "ru"
    return ""
