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
from gateway.triage.impact import all_of_things, only_me, read_impact
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

MANY_STOPPED = PhraseSet([
    r"(не работает|не работают|упал\w*|лежит|недоступ\w*) у (всех|всего \w+|всей \w+)",
    r"у всех", r"у всіх", r"весь (офис|отдел|офіс|відділ|филиал|філіал)",
    r"(вся|весь|все) [\w-]+ (стоит|стоят|стоять|встала|встал|стала|став)"
    # … not kept waiting at a window, a door or in a queue: "вся смена стоит у окна"
    r"(?! (у|біля|возле|около|перед|в|под|під) (окн|вікн|вход|вхід|двер|ворот|очеред|черз))",
    # … the team's work, not the writer's own: "вся моя робота стоїть" is one person
    r"(?<!моя )(?<!мою )работа стоит", r"все стоит", r"никто не (может|могут) \w+",
    r"ніхто не може \w*",
    r"(?<!моя )робота стоїть", r"все стоїть",
    r"(?<!моя )(работа|робота) (остановилась|встала|зупинилась|стала)",
    r"у (всего|всей|всього|всієї) (офиса|отдела|офісу|відділу|бухгалтерии|бухгалтерії)",
    r"(упал|лежит|сдох) сервер\w*", r"сервер\w* (упал|лежит)",
    r"(впав|ліг|лежить) сервер\w*", r"сервер\w* (впав|ліг|лежить)",
    # a production line, a conveyor or a shop floor stopped stops everyone on it: "линия
    # розлива стоит", "стоїть весь конвеєр", "the bottling line is down"
    r"(линия|лінія|конвейер|конвеєр|цех|производство|виробництво)( \w+){0,2} (стоит|стоїть|"
    r"встала|встал|стала|став|остановил\w*|зупинил\w*)"
    # … not how a line is drawn: "линия таблицы стоит криво"
    r"(?! (криво|косо|ровно|рівно|неправильно|не так|не там|не на месте|не на місці))",
    r"(стоит|стоїть|встала|встал|стала|став) (вся |весь |наша |наш )?(линия|лінія|конвейер|"
    r"конвеєр|цех|производство|виробництво)",
    r"(production|assembly|packing|packaging|bottling|filling|sorting|canning) (line|belt)s? "
    r"(is |are |has |have )?(down|stopped|at a standstill|not moving)",
    r"everyone", r"everybody", r"nobody can \w+", r"no one can \w+",
    r"(whole|entire) (office|team|department|floor)", r"all users",
    r"servers? (is |are )?down", r"work (has )?stopped",
])  # fmt: skip

_TRIED_IN_TURN = (
    r"(?:браузер|программ|програм|приложени|застосунк|вкладк|файл|документ|папк|письм|лист|"
    r"страниц|сторінк|сайт|режим|вариант|варіант)"
)
# Many people or many machines: "all tills", "у 15 человек", "каси" ("ни одна касса", "жоден
# термінал" are read in `impact`, which tells a till from a document).
MANY = PhraseSet([
    r"все (\w+ )?(компьютер|компы|пк|кассы|терминалы|принтеры|сотрудники|пользователи)\w*",
    r"всі (\w+ )?(комп'ютери|компи|каси|термінали|принтери|співробітники|користувачі)\w*",
    # … not what one user tries in turn: "во всех браузерах", "в усіх програмах"
    r"(у|на) (всех|всіх) (?!" + _TRIED_IN_TURN + r")\w+", r"во всех(?! " + _TRIED_IN_TURN + ")",
    r"в усіх(?! " + _TRIED_IN_TURN + ")", r"по всему \w+", r"по всьому \w+",
    r"(кассы|каси|терминалы|термінали|банкоматы|банкомати) (в|у|на|во|по) \w+",
    # our people counted; clients, calls or orders counted are at stake, not stopped
    r"(кассы|каси|терминалы|термінали) не",
    # … not counted in a queue said before them: "очередь из 15 человек", "черга з 10 людей"
    # … nor the size of an event or a booking: "корпоратив на 40 людей", "банкет на 50 человек"
    r"(?<!очередь из )(?<!очереди из )(?<!черга з )(?<!черга із )(?<!черзі з )(?<!на )"
    r"\d{2,} (человек|людей|сотрудник\w*|пользовател\w*|"
    r"співробітник\w*|користувач\w*|users|people|employees|staff)"
    # … not the public kept waiting ("вже 15 людей сидять у черзі"), a stake read as one
    r"(?! (уже |вже |already )?(сидят|сидять|стоят|стоять|ждут|чекають|в очеред|у черз|"
    # … with the verb agreeing with the group they are counted in: "смена 120 человек стоит"
    r"сидит|стоит|сидить|стоїть|ждет|чекає|"
    r"are waiting|waiting|queu))",
    r"all (the |our )?(tills|registers|terminals|"
    r"computers|pcs|machines|printers|users|staff|screens|kiosks)", r"every (till|register|"
    r"terminal|computer|pc|machine|printer|user|screen)",
    # … not a stretch of time or one thing whole: "I've spent the whole morning on this",
    # "the entire screen is frozen"
    r"(whole|entire) (?!(day|morning|afternoon|evening|night|week|weekend|month|year|hour|"
    r"time|screen|display|text|file|document|list|sheet|disk|report|thing|page|message|"
    r"process|lot|inbox|mailbox|folder|desktop|profile|calendar|account)\b)\w+",
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

# Work stops: something does not work at all (not slow, not a question).
STOPPED = PhraseSet([
    r"не (\w+ )?(работа\w*|може\w*|могут|можем|пробива\w*|печата\w*|открыва\w*|провод\w*|"
    r"проход\w*|включа\w*|загружа\w*|отправля\w*|принима\w*|запуска\w*|приход\w*|"
    r"працю\w*|можуть|пробивають|друку\w*|відкрива\w*|вмика\w*|надсила\w*|прийма\w*|"
    r"запуска\w*|приходять|надход\w*)",
    r"нет (связи|сети|интернета|заказов|звонков)", r"немає (зв'язку|мережі|інтернету|замовлень)",
    r"(упал\w*|лежит|погас\w*|стоит|стоят|встал\w*|зависл\w*|впав|лежить|згас\w*|стоїть|стоять)",
    r"(пропал\w*|отвал\w*|пропав|зник\w*|відвал\w*|lost|dropped|gone)",
    r"(никто|ніхто|nobody|no one)( \w+){0,5} (не )?(може\w*|могут|можуть|can|could)",
    r"can'?t", r"cannot", r"unable", r"won'?t", r"(?<!slow )(?<!slowed )down", r"stopped",
    r"(went|is) dark",
    # a card terminal that turns every payment away: "keeps declining everything",
    # "отклоняет все карты", "відхиляє всі оплати"
    r"declin\w* (every\w*|all|each|any)", r"(отклоня\w*|відхиля\w*) (все|всі|усі|каждую|кожну)",
    r"no (orders|connection|network|internet|signal)", r"not working", r"doesn'?t work",
    r"(has|have) seen no",
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
    if text in MANY_STOPPED and not only_me(text):
        return PriorityAssessment(Priority.P1, "many_stopped")
    if URGENT.search(NOT_URGENT.remove(text)):
        return PriorityAssessment(Priority.P1, "urgent")
    request = text in REQUEST
    impact = read_impact(reading)
    stopped = text in STOPPED and not request
    if (stopped and text in MANY and not only_me(text)) or (impact.many and not request):
        return PriorityAssessment(Priority.P1, "many_stopped")
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
