"""A licence, a subscription or a software trial that ran out is answered as expired."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.expiry import ended_trial, ran_out
from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import tokens


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("the free trial period is over and the PDF editor won't save", "en"),
        ("our CAD licence ran out on Friday, it only opens read-only", "en"),
        ("Антивірус пише, що ліцензія спливла", "uk"),
        # another verb of ending beside a subscription, a trial version that ended
        ("у бухгалтерской программы вчера кончилась подписка", "ru"),
        ("в антивіруса учора завершилась підписка", "uk"),
        ("пробна версія редактора звуку скінчилась, а запис не дороблений", "uk"),
        ("пробная версия программы для чертежей закончилась на середине проекта", "ru"),
    ],
)
def test_a_licence_run_out_is_the_expired_licence(matcher: Matcher, text: str, lang: str) -> None:
    # "ran out", "is over" and "спливла" were no word of the licence article: the trial's
    # end was offered as recovering files.
    assert answered(matcher, text, lang) == "license_expired"


@pytest.mark.parametrize(
    "text",
    [
        # offered disk_full first before (faq_tune35:10, faq_frozen20:8): "runs out" was room
        "how do I change my password before it runs out? got the 5 days left warning",
        "how do I change my password before it runs out? got a 3 days left warning at the desk",
        "my password ran out over the weekend, how do I set a new one?",
    ],
)
def test_a_password_run_out_has_expired(matcher: Matcher, text: str) -> None:
    assert answered(matcher, text, "en") == "password_reset"


@pytest.mark.parametrize(
    "text",
    [
        "my fishing licence ran out last month",
        "the trial is over, the jury is out",
        "we ran out of coffee in the break room",
    ],
)
def test_what_ran_out_that_is_no_software_stays_unanswered(matcher: Matcher, text: str) -> None:
    assert matcher.match(text, "en").outcome == "none"


def test_what_is_read_as_expired() -> None:
    words = tokens("the antivirus licence on the front desk pc ran out yesterday", "en")
    spent, completing = ran_out(words)
    assert [words[i].word for i in sorted(spent)] == ["ran"]
    assert [words[i].word for i in sorted(completing)] == ["out"]
    words = tokens("підписка на антивірус спливла", "uk")
    assert [words[i].word for i in sorted(ran_out(words)[0])] == ["спливла"]
    # a window that pops up, a court's trial, toner used up: nothing is read so
    for text, lang in (
        ("спливло вікно з помилкою", "uk"),
        ("the trial is over, the jury is out", "en"),
        ("the licence printer ran out of toner", "en"),
        ("the new password rules made me run out of ideas", "en"),
    ):
        assert ran_out(tokens(text, lang)) == (frozenset(), frozenset()), text


def test_a_trial_version_that_ended_is_read_as_the_trial_period() -> None:
    words = tokens("пробна версія програми скінчилась", "uk")
    assert {words[i].word: period for i, period in ended_trial(words).items()} == {
        "версія": "період"
    }
    words = tokens("закончилась пробная версия редактора", "ru")
    assert list(ended_trial(words).values()) == ["период"]
    # a trial version asked for or installed, a new version out: nothing is read so
    for text, lang in (
        ("встановіть мені пробну версію програми для креслень", "uk"),
        ("поставьте пробную версию архиватора", "ru"),
        ("вийшла нова версія програми, закінчилась підтримка старої", "uk"),
    ):
        assert ended_trial(tokens(text, lang)) == {}, text
    words = tokens("у антивируса кончилась подписка", "ru")
    assert [words[i].word for i in sorted(ran_out(words)[0])] == ["кончилась"]


def test_a_verb_of_ending_with_its_own_subject_ends_no_licence() -> None:
    # an installation, an update or a week that ended is no trial or licence over
    for text, lang in (
        ("скачал пробную версию, установка завершилась с ошибкой", "ru"),
        ("поставила пробну версію, інсталяція завершилась помилкою", "uk"),
        ("завершилась установка лицензии, но программа не запускается", "ru"),
        ("минув тиждень як купили ліцензію, а ключа досі нема", "uk"),
    ):
        words = tokens(text, lang)
        assert ended_trial(words) == {} and ran_out(words)[0] == frozenset(), text
    # the licence's own end, with words between that name no other subject
    words = tokens("підписка на антивірус для каси завершилась", "uk")
    assert [words[i].word for i in sorted(ran_out(words)[0])] == ["завершилась"]
    words = tokens("пробна версія редактора для афіш скінчилась", "uk")
    assert list(ended_trial(words).values()) == ["період"]
