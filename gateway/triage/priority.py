"""Priority from what the user wrote: how many people are stopped and how urgently.

P1  work stopped for many, or the user says it is urgent;
P2  one person cannot work;
P3  something is broken but there is a way to keep working (the default);
P4  a question or a request (access, installation), nothing is broken.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from gateway.models import Priority
from gateway.triage.phrases import PhraseSet

URGENT = PhraseSet([
    r"срочн\w*", r"немедленно", r"критичн\w*", r"авари\w*", r"горит",
    r"терміново", r"негайно", r"нагально",
    r"urgent\w*", r"asap", r"critical", r"emergency", r"immediately",
])  # fmt: skip

MANY_STOPPED = PhraseSet([
    r"(не работает|не работают|упал\w*|лежит|недоступ\w*) у (всех|всего \w+|всей \w+)",
    r"у всех", r"у всіх", r"весь (офис|отдел|офіс|відділ|филиал|філіал)",
    r"(вся|весь|все) [\w-]+ (стоит|стоят|стоять|встала|встал|стала|став)",
    r"работа стоит", r"все стоит", r"никто не (может|могут) \w+", r"ніхто не може \w*",
    r"робота стоїть", r"все стоїть", r"(работа|робота) (остановилась|встала|зупинилась|стала)",
    r"у (всего|всей|всього|всієї) (офиса|отдела|офісу|відділу|бухгалтерии|бухгалтерії)",
    r"(упал|лежит|сдох) сервер\w*", r"сервер\w* (упал|лежит)",
    r"(впав|ліг|лежить) сервер\w*", r"сервер\w* (впав|ліг|лежить)",
    r"everyone", r"everybody", r"nobody can \w+", r"no one can \w+",
    r"(whole|entire) (office|team|department|floor)", r"all users",
    r"servers? (is |are )?down", r"work (has )?stopped",
])  # fmt: skip

ONE_BLOCKED = PhraseSet([
    r"не могу (работать|войти|зайти|залогиниться|начать работу)",
    r"не можу (працювати|увійти|зайти|почати роботу)",
    r"can'?t (work|log ?in|sign in)", r"cannot (work|log ?in|sign in)", r"unable to (work|log ?in)",
    r"заблокирован\w*", r"заблоковано", r"заблокован\w*", r"locked out", r"is locked",
    r"не включается", r"не вмикається", r"won'?t (turn|switch) on",
])  # fmt: skip

REQUEST = PhraseSet([
    r"как (мне )?(можно )?\w+", r"подскажите", r"можно ли", r"нужен доступ", r"нужны права",
    r"прошу (выдать|дать|предоставить|установить)", r"установите", r"хочу (узнать|установить)",
    r"як (мені )?\w+", r"підкажіть", r"чи можна", r"потрібен доступ", r"потрібно встановити",
    r"прошу (надати|видати|встановити)", r"встановіть",
    r"how (do|can|to) \w+", r"is it possible", r"please (grant|give|install)", r"need access",
    r"request (access|a licen[cs]e)", r"could you (install|grant)",
])  # fmt: skip


@dataclass(frozen=True)
class PriorityAssessment:
    """The priority and the rule that set it (shown to operators as the reason)."""

    priority: Priority
    reason: str  # urgent | many_stopped | blocked | request | topic | normal


@dataclass(frozen=True)
class PriorityRules:
    """Phrase rules plus a floor per topic (an outage topic is P1 whatever the wording)."""

    topic_floor: Mapping[str, Priority] = field(
        default_factory=lambda: {
            "outage_critical": Priority.P1,
            "phishing_report": Priority.P2,
            "hardware_broken": Priority.P2,
            "mfa_lost_device": Priority.P2,
        }
    )

    def assess(self, text: str, topic: str = "") -> PriorityAssessment:
        """Rank the text; a topic floor can only raise the result."""
        found = _from_text(text)
        floor = self.topic_floor.get(topic)
        if floor is not None and floor.rank < found.priority.rank:
            return PriorityAssessment(floor, "topic")
        return found


def _from_text(text: str) -> PriorityAssessment:
    if text in MANY_STOPPED:
        return PriorityAssessment(Priority.P1, "many_stopped")
    if text in URGENT:
        return PriorityAssessment(Priority.P1, "urgent")
    if text in ONE_BLOCKED:
        return PriorityAssessment(Priority.P2, "blocked")
    if text in REQUEST:
        return PriorityAssessment(Priority.P4, "request")
    return PriorityAssessment(Priority.P3, "normal")


def assess_priority(text: str, topic: str = "") -> PriorityAssessment:
    """Priority with the default rules."""
    return PriorityRules().assess(text, topic)
