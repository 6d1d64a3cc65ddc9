"""Priority from what the user wrote: how many people are stopped and how urgently.

P1  work stopped for many, or money, customers or a deadline at stake, or the user says it
    is urgent; no trigger word is needed: "касси не пробивають чеки", "the dispatch desk
    has seen no orders since 9:00", "в регистратуре не печатаются талоны, очередь до двери";
P2  one person cannot work;
P3  something is broken but there is a way to keep working (the default);
P4  a question or a request (access, installation), nothing is broken.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from gateway.models import Priority
from gateway.triage.impact import STOPPED, all_of_things, read_impact
from gateway.triage.phrases import PhraseSet
from gateway.triage.reading import MessageReading, read_message, read_once

URGENT = PhraseSet([
    r"срочн\w*", r"немедленно", r"критичн\w*", r"авари\w*", r"(все|всё|сроки|дедлайн) горит",
    r"терміново", r"негайно", r"нагально",
    r"urgent\w*", r"asap", r"critical", r"emergency", r"immediately",
])  # fmt: skip

# Urgency said not to be there: "nothing urgent", "не срочно", "не горить".
NOT_URGENT = PhraseSet([
    r"(не|ни|ні|not|no|nothing|non|ничего|нічого|нічо|без)( \w+)?[ -](срочн\w*|терміново|"
    r"нагально|негайно|критичн\w*|urgent\w*|critical|emergency|asap)",
])  # fmt: skip


# Money, customers, deadlines or a queue of people: what is at stake when it stops.
AT_STAKE = PhraseSet([
    r"клиент\w* (уход\w*|ждут|стоят)", r"покупател\w*", r"без покупок", r"люди (уход\w*|йдуть)",
    r"клієнт\w* (йдуть|чекають|стоять)", r"покупц\w*",
    r"(не )?(пробива\w*|пробиває|пробивають) чек\w*", r"(?<!об )(?<!про )оплат\w*",
    r"платеж\w*", r"платіж\w*",
    r"заказ\w* (не )?(проход\w*|приход\w*|поступа\w*)", r"замовлен\w* (не )?(проход\w*|надход\w*)",
    r"отгрузк\w*", r"відвантаж\w*", r"водител\w* (стоят|ждут)", r"водії (стоять|чекають)",
    r"(люди|клиенты|покупатели|люди|клієнти|покупці) (\w+ )?(в|у) (очеред\w*|черз\w*)",
    r"очередь (до|на) \w+", r"черга (до|на) \w+", r"талон\w*", r"пациент\w*", r"пацієнт\w*",
    r"сдать (\w+ )?(сегодня|до)", r"здати (\w+ )?(сьогодні|до)",
    r"(сегодня|сьогодні) до \d", r"дедлайн\w*", r"штраф\w*",
    r"(customers?|clients?|people|patients|guests) (are )?"
    r"(leaving|waiting|queu\w*|lining up|walk\w* out)", r"no (orders|sales|payments|calls)",
    r"orders? (are )?(not )?(coming|going) through", r"calls? waiting",
    r"queue (of|out|at|to) (people|customers|patients|the door)",
    r"(line|queue)s? (is |are )?(out|to|at|reaching|down) (the|to the) (door|street|entrance)",
    r"drivers? (are )?waiting",
    # those who check us are in the building: "the auditors are here", "the inspector has arrived"
    r"(auditors?|inspectors?|inspection) (is |are |has |have )?(already )?"
    r"(here|arrived|on site)", r"patients", r"(?<!been )(?<!be )(?<!am )(?<!so )(?<!very )"
    r"(?<!is )(?<!are )(?<!was )(?<!were )(?<!too )patient", r"deadline\w*", r"due (today|at|by)",
    r"payments? (fail|are failing|don'?t go)",
    # "my payroll app", "the receipts tool": what the program is for, not money at stake
    r"receipts?(?! (app|application|program|software|tool))",
    r"penalt\w*", r"payroll(?! (app|application|program|software|tool))",
    r"зарплат\w* (ведомост\w*|відомост\w*|сегодня|сьогодні)", r"salar(y|ies) (run|due|today)",
    # a card terminal is there to take payments: one that takes no card stops them, as "не
    # проходит оплата" does ("терминал не принимает карты", "the card machine is offline";
    # not a memory card, an access card or a badge a time clock does not see)
    r"(принима\w*|прийма\w*|бер[её]т|бере|берут|беруть) (\w+ )?(карт[уыоа]?|карты|картк\w*|"
    r"карточк\w*)(?! (памят\w*|пам'ят\w*|доступ\w*|пропуск\w*|лояльност\w*|скидоч\w*|"
    r"знижк\w*|бонус\w*|sd|microsd))",
    r"(take|takes|taking|accept|accepts|accepting) (any |the |our )?(cards?|card payments?|"
    r"contactless)\b", r"(card|payment|pdq|chip and pin|chip-and-pin) (machine|terminal)s?",
    r"pos terminals?", r"пин-?пад\w*", r"пін-?пад\w*", r"(эквайринг|еквайринг)\w*",
    r"(платежн|платёжн|платіжн)\w* (терминал|термінал)\w*",
])  # fmt: skip
# What a program, a base or a record is for or holds, said after it: "программа для записи
# пациентов", "програма запису пацієнтів", "patient records program", "the booking system for
# guests". A stake word there names the program, not people or money waiting: a message needs
# a stake of its own to be P1 (a near time, people queuing, "пацієнти вже сидять").
FOR_WHAT = PhraseSet([
    r"(программ\w*|програм\w*|приложени\w*|застосун\w*|баз[аиуеі]|модул\w*|шаблон\w*|"
    r"журнал\w*|реестр\w*|реєстр\w*|картк\w*|карточк\w*|таблиц\w*)"
    r" (для |по |з |с |со )?\w+( \w+)?",
    r"(patient|customer|client|guest|payment|order) (records?|database|db|cards?|files?|list)"
    r"( (app|application|program|software|system|tool))?",
    r"(program|app|application|software|database|system|tool) for (\w+ )?\w+",
    # a place named for what is done there: "терминал в зоне отгрузки"
    r"зон[аеуиі] \w+",
])  # fmt: skip


ONE_BLOCKED = PhraseSet([
    r"не могу (работать|войти|зайти|залогиниться|начать работу)",
    r"(моя|my) (работа|робота|work) (стоит|стоїть|has stopped|stopped|встала|стала)",
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
    r"request (access|a licen[cs]e)", r"could you (install|grant|set up|prepare|create|add)",
    r"(please|pls) (set up|prepare|create|add)",
])  # fmt: skip


@dataclass(frozen=True)
class PriorityAssessment:
    """The priority and the rule that set it (shown to operators as the reason)."""

    priority: Priority
    reason: str  # urgent | many_stopped | at_stake | blocked | request | topic | normal


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

    def assess(self, message: str | MessageReading, topic: str = "") -> PriorityAssessment:
        """Rank the message; a topic floor can only raise the result."""
        found = _from_text(read_message(message))
        floor = self.topic_floor.get(topic)
        if floor is not None and floor.rank < found.priority.rank:
            return PriorityAssessment(floor, "topic")
        return found


@read_once
def _from_text(reading: MessageReading) -> PriorityAssessment:
    """The priority of a message, read as typed and, when it is translit or typed in the
    wrong layout ("u vseh vse upalo", "ytn bynthytnf e dctuj jnltkf"), as the words meant.

    Kept on the reading: a turn assesses its new problem before matching and again with
    the topic found, from the same reading."""
    found = _read(reading)
    if reading.meant is not None:
        other = _read(reading.meant)
        if other.priority.rank < found.priority.rank:
            return other
    return found


def _read(reading: MessageReading) -> PriorityAssessment:
    text = all_of_things(reading)  # "у всех заданий статус «Ошибка»" is no one stopped
    request = text in REQUEST
    impact = read_impact(reading)  # the one reader of how many are stopped
    # many stopped, whatever the message also asks ("подскажите, у всех не работает почта");
    # a request for many with nothing stopped ("install Teams for all users") is a request
    if impact.many and (impact.stopped or not request):
        return PriorityAssessment(Priority.P1, "many_stopped")
    if URGENT.search(NOT_URGENT.remove(text)):
        return PriorityAssessment(Priority.P1, "urgent")
    stopped = text in STOPPED and not request
    stakes = _stake_of_its_own(text)  # "the line is out the door" after any stop ("froze")
    if (stopped and stakes) or (impact.stopped and (impact.at_stake or stakes) and not request):
        return PriorityAssessment(Priority.P1, "at_stake")
    if text in ONE_BLOCKED:
        return PriorityAssessment(Priority.P2, "blocked")
    if text in REQUEST:
        return PriorityAssessment(Priority.P4, "request")
    return PriorityAssessment(Priority.P3, "normal")


def _stake_of_its_own(text: str) -> bool:
    """A stake phrase outside what a program or a record is for ("пацієнти вже сидять"; not
    "програма для запису пацієнтів")."""
    named = FOR_WHAT.spans(text)
    return any(
        not any(start <= at < end for start, end in named) for at, _ in AT_STAKE.spans(text)
    )


def assess_priority(message: str | MessageReading, topic: str = "") -> PriorityAssessment:
    """Priority with the default rules."""
    return PriorityRules().assess(message, topic)
