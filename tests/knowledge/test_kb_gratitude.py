"""A thank-you that says the thing works now describes no problem."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.matcher import Matcher


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("спасибо, сканер снова сканирует, побежала дальше", "ru"),
        ("спасибо большое, принтер заработал", "ru"),
        ("дякую, сканер працює, ви найкращі", "uk"),
        ("дякую, принтер знову друкує, біжу далі", "uk"),
        ("thanks, printer is printing again", "en"),
        ("thanks, VPN connects fine now", "en"),
    ],
)
def test_thanks_for_what_works_again_is_not_answered(
    matcher: Matcher, text: str, lang: str
) -> None:
    # The device and what it does were the article's words: the message was answered.
    result = matcher.match(text, lang)
    assert result.outcome == "none"


@pytest.mark.parametrize(
    ("text", "lang", "topic"),
    [
        # thanks in advance, a request, a denial or a turn: a problem is told
        ("дякую наперед, принтер не друкує", "uk", "printer_offline"),
        ("thanks, but the printer still won't print", "en", "printer_offline"),
        ("Прошу установить на ПК бухгалтера Notepad++. Спасибо.", "ru", "software_install"),
        ("спасибо, сканер перестал сканировать после обновления", "ru", "scanner_not_working"),
        # what works said with how it works: the problem, thanked for in advance
        ("монитор показывает черный экран, спасибо", "ru", "monitor_no_signal"),
        ("монітор показує чорний екран, дякую", "uk", "monitor_no_signal"),
        ("Hi, Outlook opens and then closes itself, thanks", "en", "app_crash"),
    ],
)
def test_thanks_beside_a_problem_is_still_read(
    matcher: Matcher, text: str, lang: str, topic: str
) -> None:
    assert answered(matcher, text, lang) == topic
