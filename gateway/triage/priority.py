"""Priority from what the user wrote: how many people are stopped and how urgently.

P1  work stopped for many, or money, customers or a deadline at stake, or the user says it
    is urgent of something broken; no trigger word is needed: "касси не пробивають чеки",
    "the dispatch desk has seen no orders since 9:00", "в регистратуре не печатаются талоны,
    очередь до двери";
P2  one person cannot work, or an urgent word on a wish or a how-to with nothing broken and
    nothing at stake ("Срочно хочу поменять картинку на рабочем столе", "urgent: how do I
    add a signature"): the word raises it one step, P1 needs a stop or a stake;
P3  something is broken but there is a way to keep working (the default);
P4  a question or a request (access, installation), nothing is broken.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from gateway.models import Priority
from gateway.triage.impact import STOPPED, all_of_things, near_time, read_impact
from gateway.triage.phrases import PhraseSet, normalise
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
# … or said whole: "клієнтів немає, тож не горить", "это не к спеху", "no rush", "it can wait".
# A stake the writer waves off is none ("не горит" alone is also a lamp that is off: "индикатор
# не горит", so it counts after a word that says what is not burning: "это", "пока", "тож").
WAVED_OFF = PhraseSet([
    r"(это|оно|ничего|пока|поэтому|так что|тож|тому|це|воно|нічого|поки|тому що) не (горит|горить)",
    r"не к спеху", r"не до спеху", r"не поспіх\w*", r"не терміново", r"не срочно",
    r"(может|могут|може|можуть) (и )?(подождать|почекати)", r"(подождёт|подождет|почекає)",
    r"no (rush|hurry)", r"not in a (rush|hurry)", r"(it|this|that) can wait", r"not urgent",
])  # fmt: skip
# A time weeks or months off: "через две недели", "наступного місяця", "in two weeks", "next
# month". A stake tied to it is no stake now ("a client webinar in two weeks, my webcam is dark").
FAR_OFF = PhraseSet([
    r"через (\w+ )?(недел\w*|месяц\w*|тиждень|тижні|тижнів|місяц\w*|год|рік)",
    r"(на )?следующ\w* (недел\w*|месяц\w*|году)", r"(наступного|наступному|на наступному) "
    r"(тижня|тижні|місяця|місяці|року)",
    r"за (два|три|дві|пару|кілька|\d+) (тижні|тижнів|місяці|місяців)",
    r"in (a|one|two|three|four|a few|a couple of|\d+) (weeks?|months?)",
    r"next (week|month|year|quarter)", r"(end|beginning) of next (week|month)",
])  # fmt: skip


# A stretch of time left, in digits or words: "час", "пів години", "сорок минут", "20 хвилин".
_LEFT = (
    r"(\d+ |пол|полтора |полторы |два |две |три |пару |несколько |пять |десять |пятнадцать |"
    r"двадцать |тридцать |сорок |пів |півтори |дві |кілька |п'ять |п'ятнадцять |двадцять |"
    r"тридцять )?(час[ау]?|часов|минут\w*|мин|годин[аиу]?|хвилин\w*|хв)(?!\w)"
)
_TENS_EN = r"five|ten|fifteen|twenty|thirty|forty|fifty"
# What a machine is doing, or its battery: the time left of it is no deadline ("до конца
# обновления осталось 10 минут, а компьютер завис", "battery says 20 minutes left until
# empty"); the lookaheads below keep it out of the time left before something ends.
_MACHINE_WORK = (
    r"(обновлен|оновлен|загрузк|завантажен|скачиван|установк|инсталляц|встановлен|копирован|"
    r"копіюван|резервн|бэкап|бекап|синхрониз|синхроніз|сканирован|сканування|проверк|перевірк|"
    r"перезагрузк|перезавантажен|форматирован|форматуван|разряд|розряд|зарядк|заряд|батаре|"
    r"аккумулятор|акумулятор|пробн)\w*"
)
_MACHINE_WORK_EN = (
    r"(it|it's|its|empty|full|charged|done|finish\w*|complet\w*|(the )?(battery|update|upgrade|"
    r"download|upload|install\w*|backup|copy|sync\w*|scan|restart|reboot)\w*)(?!\w)"
)

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
    # someone sitting across the desk or kept waiting: "клиент уже полчаса сидит напротив",
    # "клієнтка чекає біля стійки", "a customer has been sitting at my desk for 20 minutes"
    # … also the one who ordered the work: "заказчик из храма сидит напротив и ждёт эскизы"
    r"(клиент\w*|посетител\w*|клієнт\w*|відвідувач\w*|заказчик\w*|замовник\w*)( \w+){0,3} "
    r"(сидит|сидят|ждет|ждут|сидить|сидять|чекає|чекають)",
    r"(customers?|clients?|visitors?)( \w+){0,3} (is|are|has been|have been) (sitting|waiting)",
    # a queue of people, said in any order: "під віконцем черга людей", "очередь клиентов"
    r"(черга|очередь|очереди|черги)( \w+)? (з )?(людей|клиентов|клієнтів|посетителей|"
    r"відвідувачів|пациентов|пацієнтів|покупателей|покупців)",
    # a filing due today: "позов треба подати сьогодні", "last day to file"
    r"(подать|подати|отправить|відправити|сдать|здати)( \w+){0,4} (сегодня|сьогодні)",
    r"(сегодня|сьогодні) (\w+ )?(последний|останній) день", r"(последний|останній) день "
    r"(подачи|подачі|сдачи|здачі|оплаты|оплати)",
    r"(today is )?the last day (to|for) (file|submit|pay|filing)", r"(file|submit) (\w+ ){0,3}"
    r"(today|by tonight)",
    # a bank, a post office or a court closing or taking papers until a clock time close
    # ahead: "банк закрывает опердень в 17:00", "пошта зачиняється о 18:00", "суд приймає
    # документи до 16:00" (not a program that closes at a time each day: a fault)
    r"(?<!не )(закрыва\w*|закро\w*|закрива\w*|закри\w*|зачиня\w*|зачин\w*|принима\w*|"
    r"прийма\w*)( (?!сам\w*)\w+){0,3} (в|во|о|об|до|к) \d{1,2}([:.]\d{2})?"
    r"( (утра|вечера|дня|ранку|вечора))?(?=[,.;!—]| (а|и|і|й|но|але|—) |$)",
    r"(в|во|о|об|до|к) \d{1,2}([:.]\d{2})? (\w+ ){0,2}(закрыва\w*|закрива\w*|зачиня\w*)"
    r"( \w+)?(?=[,.;!—]| (а|и|і|й|но|але) |$)",
    # a clock time today ("сегодня до 18:00 отдаём заказ", "by 6 today"; "до 18" was cut
    # at its first digit and never matched); not until when it failed ("сегодня до 18:00 не
    # работал интернет")
    r"(сегодня|сьогодні) до \d{1,2}([:.]\d{2})?(?!\d|[:.]\d)(?! (не |ні )?\w+л[аио]?(?!\w))",
    r"дедлайн\w*", r"штраф\w*",
    # the time left before something ends: "до конца приёма документов час", "до кінця подання
    # декларації пів години", "осталось 20 минут до закрытия", "an hour left before the
    # cut-off" (a deadline said as what is left of it)
    r"(до|к) (конца|окончания|закрытия|завершения|истечения|кінця|закінчення|закриття|"
    r"завершення) (?!" + _MACHINE_WORK + r")(\w+ ){0,4}((остал|залиш|лиш)\w* )?" + _LEFT,
    r"(остал|залиш|лиш)\w* (всего |лише |тільки |только |ще |еще |ещё )?" + _LEFT
    + r" (до|к) (?!((конца|окончания|завершения|кінця|закінчення|завершення) )?"
    + _MACHINE_WORK + r")\w+",
    r"(\d+|an?|one|two|half an?|" + _TENS_EN + r") (hours?|minutes?|mins?) (left|to go) "
    r"(before|until|till|to)(?! (go )?(before |until |till )?" + _MACHINE_WORK_EN + r")",
    r"(today|tonight) by \d{1,2}([:.]\d{2})?( ?[ap]m)?", r"by \d{1,2}([:.]\d{2})?( ?[ap]m)? "
    r"(today|tonight)",
    # … and whoever the business serves going away: "riders are walking away", "fans are
    # stuck outside", "passengers are leaving"
    r"(customers?|clients?|people|patients|guests|riders|passengers|fans|spectators|diners|"
    r"shoppers|buyers|members) (are )?(all )?(leaving|waiting|queu\w*|lining up|walk\w* (out|away|"
    r"off)|turning away|going elsewhere|stuck outside)", r"no (orders|sales|payments|calls)",
    r"orders? (are )?(not )?(coming|going) through", r"calls? waiting",
    r"queue (of|out|at|to) (people|customers|patients|the door)",
    r"(line|queue)s? (is |are )?(out|to|at|reaching|down) (the|to the) (door|street|entrance)",
    r"drivers? (are )?waiting",
    # people waiting in a corridor or a hall: "хозяева с животными сидят в коридоре",
    # "батьки чекають у холі", "families are waiting in the hall"
    r"(сидят|стоят|ждут|толпятся|сидять|стоять|чекають|юрмляться)( \w+)? (в|у|под|під|біля|"
    r"возле|около) (коридор\w*|холл\w*|хол[іуе]?|приемн\w*|приймальн\w*|двер\w*|зал\w* "
    r"ожидания|зал\w* очікування|кабинет\w*|кабінет\w*)",
    r"(are|is) (waiting|sitting|standing) in the (hall|hallway|corridor|lobby|waiting room)",
    # work that has begun and cannot wait: "приём уже начался", "прийом почався", "the lunch
    # rush just started"
    r"(при[её]м|прийом|смена|зміна|сеанс|урок|пара|лекция|лекція|служба|обход|обхід)"
    r" (уже |вже )?(начал\w*|почав\w*|почал\w*|идет|йде|іде)",
    r"(lunch|dinner|breakfast|morning|evening|holiday|christmas) rush",
    r"(clinic|surgery|service|shift|session|class|lesson|lecture)( \w+)? (has )?(just |already )?"
    r"(started|begun|begins)",
    # fuel that cannot be sold: "колонки не отпускают топливо", "pumps won't dispense"
    r"(отпуска\w*|відпуска\w*|залива\w*|заправля\w*) (\w+ )?(топлив\w*|бензин\w*|пальн\w*|"
    r"газ|дизел\w*)", r"pumps? (won'?t|don'?t|can'?t|cannot|are not|aren'?t) (dispens\w*|pump\w*|"
    r"tak\w*|work\w*)",
    # an emergency service's own tools: "the ambulance dispatch screen", "диспетчерская скорой"
    r"ambulances?", r"911", r"112", r"(скорой|скорая|швидкої|швидка|пожарн\w*|пожежн\w*) "
    r"(помощи|помощь|допомоги|допомога|части|частини|служб\w*|диспетчер\w*)",
    r"(fire|police|emergency) (dispatch|station|control)",
    # a business that cannot sell or hand out anything: "can't dispense anything", "не можем
    # ничего продать", "нічого не можемо відвантажити"
    r"(can'?t|cannot|unable to) (sell|dispense|serve|issue|ship|process|hand out|release|load|"
    r"unload|book|sell) (anything|any orders|any tickets|any prescriptions)",
    # … or take any: "we can't take any bookings", "can't accept any orders"
    r"(can'?t|cannot|unable to) (take|accept|process|confirm) (any|new) (bookings|orders|"
    r"payments|reservations|calls|deliveries|appointments)",
    # the public unable to buy or pay: "люди не можуть купити квитки", "покупатели не могут
    # расплатиться", "customers can't pay" (not the writer's own bill: "я не могу оплатить")
    r"(люди|народ|клиент\w*|покупател\w*|посетител\w*|гост[ьи]|пассажир\w*|зрител\w*|"
    r"клієнт\w*|покупц\w*|відвідувач\w*|гості|пасажир\w*|глядач\w*|customers|clients|people|"
    r"guests|visitors|passengers) (\w+ )?(не (могут|можуть)|can'?t|cannot|are unable to) "
    r"(ничего |нічого )?(купи\w*|оплат\w*|расплат\w*|розрахув\w*|заплат\w*|buy|purchase|pay|"
    r"check ?out|book)",
    r"(не можем|не можемо) (ничего|нічого) (продать|выдать|отгрузить|оформить|отпустить|продати|"
    r"видати|відвантажити|оформити|відпустити)", r"(ничего|нічого) не (можем|можемо) (продать|"
    r"выдать|отгрузить|оформить|отпустить|продати|видати|відвантажити|оформити|відпустити)",
    # a loss said outright: "потеряем контракт", "буде пеня", "we lose the contract", "the
    # delivery falls through" ("поставка сорвётся", "виїзд зірветься")
    r"(потеря\w*|потеряем|теряем|втратимо|втрачаємо|lose|losing|lost) (\w+ ){0,2}(контракт\w*|"
    r"клиент\w*|клієнт\w*|заказ\w*|замовлен\w*|тендер\w*|сделк\w*|угод\w*|деньги|гроші|"
    r"contracts?|clients?|customers?|deals?|orders?|money|sales?|bookings?)",
    r"неустойк\w*", r"пен[яиюі]", r"(сорв[её]тся|сорвутся|зірветься|зірвуться)",
    r"(falls?|fall) through",
    # what is kept cold or alive at risk: "морозильник с образцами пищит", "samples are at
    # risk", "под угрозой"
    r"(at risk|в опасности|під загрозою|под угрозой)",
    r"(морозильн\w*|холодильн\w*|резервуар\w*|инкубатор\w*|інкубатор\w*)( \w+){0,3} "
    r"(пищит|сигналит|пищить|сигналить|пищат|сигналят)", r"(freezer|fridge|incubator|"
    r"cold room|tank) alarms?", r"alarms? (is |are )?(going off|sounding|beeping)",
    # an operation, an exam or a landing under way: "идёт операция", "кандидати сидять на
    # іспиті", "the surgeon is mid-operation", "самолёт на посадке"
    r"(идет|іде|йде) (\w+ )?(операци\w*|операці\w*|экзамен\w*|іспит\w*|эфир|ефір|"
    r"трансляци\w*|трансляці\w*|посадк\w*|роды|пологи)",
    r"(операция|операція|экзамен|іспит|эфир|ефір) (уже |вже )?(идет|іде|йде|в разгаре|в розпалі)",
    r"mid-?(operation|surgery|flight|broadcast|show|exam|procedure)",
    r"(сидят|сидять|сидит|сидить|пишут|пишуть) (\w+ )?на (экзамен\w*|іспит\w*|тест\w*|"
    r"олимпиад\w*|олімпіад\w*|контрольн\w*)",
    r"(sitting|taking|writing) (the |their |an )?(exam|test)s?",
    r"(самол[её]т|борт|літак|вертол[её]т|гелікоптер)( \w+)? (на посадке|на посадці|заходит на "
    r"посадку|заходить на посадку|садится|сідає|взлетает|злітає)",
    r"(plane|aircraft|flight|helicopter) (is )?(landing|boarding|taxiing|on approach|taking off)",
    # what the business sends out is held: "all orders are stuck", "nothing ships today"
    r"(orders|shipments|deliveries|parcels) (are |have been )?(all )?stuck",
    r"nothing (ships|goes out|is shipping)",
    # an inspection from an outside body, said in everyday words: "в 11 приходит проверка из
    # налоговой", "у нас перевірка з податкової о 14:00", "комиссия из министерства"
    r"(проверк\w*|перевірк\w*|комисси\w*|комісі\w*|инспекци\w*|інспекці\w*|ревизи\w*|"
    r"ревізі\w*) (из|з|із|от|від) (\w+ )?(налогов|податков|пожарн|пожежн|санэпид|санстанц|"
    r"сэс|минист|мініст|район|област|облас|мэри|мері|управлен|управлінн|департамент|инспекц|"
    r"інспекц|прокуратур|казначейств|фонд|головн|главн|министерств|міністерств)\w*",
    r"(tax|fire|health|safety|labou?r|ministry|council|state|government) (inspectors?|"
    r"inspection|auditors?|audit)",
    # those who check us are in the building: "the auditors are here", "the inspector has arrived"
    r"(auditors?|inspectors?|inspection) (is |are |has |have )?(already )?"
    r"(here|arrived|on site|at the door)",
    # … said in Russian or Ukrainian: "ветеринарна інспекція вже на порозі", "проверка уже
    # приехала", "ревизор уже здесь"
    r"(проверк\w*|перевірк\w*|инспекци\w*|інспекці\w*|комисси\w*|комісі\w*|ревизи\w*|"
    r"ревізі\w*|ревизор\w*|ревізор\w*|аудитор\w*|инспектор\w*|інспектор\w*) (уже |вже )?"
    r"(на пороге|на порозі|приехал\w*|приїхал\w*|пришл\w*|пришел|пришёл|прийшл\w*|прийшов|"
    r"здесь|тут|у дверей|біля дверей)", r"patients", r"(?<!been )(?<!be )(?<!am )(?<!so )(?<!very )"
    r"(?<!is )(?<!are )(?<!was )(?<!were )(?<!too )patient", r"deadline\w*", r"due (today|at|by)",
    r"payments? (fail|are failing|don'?t go)",
    # "my payroll app", "the receipts tool": what the program is for, not money at stake
    r"receipts?(?! (app|application|program|software|tool))",
    # … nor a team or a person named by the work ("the payroll department", "payroll clerk")
    r"penalt\w*", r"payroll(?! (app|application|program|software|tool|office|department|team|"
    r"clerks?|staff|manager|assistant|officer)\b)",
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
# The public standing or sitting by, waiting: "люди стоят в очереди", "покупці стоять біля
# каси", "хворі сидять під кабінетами". A stake (AT_STAKE reads it), not a stop.
PUBLIC_STANDS = PhraseSet([
    r"(люди|народ|клиент\w*|покупател\w*|посетител\w*|пациент\w*|больные|гост[ьи]|"
    r"клієнт\w*|покупц\w*|покупець|відвідувач\w*|пацієнт\w*|хворі|гості)( \w+){0,2} "
    r"(стоит|стоят|стоять|стоїть|сидит|сидят|сидять|сидить|толп\w*|юрм\w*)",
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
    # a place named for what is done there: "терминал в зоне отгрузки", "на участке отгрузки",
    # "в отгрузке не печатает принтер", "сканер на відвантаженні" (the shipping department)
    r"зон[аеуиі] \w+", r"(участ\w*|ділянц\w*|ділянк\w*|дільниц\w*|цех\w*|пост\w*) "
    r"(отгрузки|погрузки|відвантаження|навантаження)",
    r"(в|во|на|у) (отгрузке|погрузке|відвантаженні|навантаженні)",
])  # fmt: skip


ONE_BLOCKED = PhraseSet([
    r"не могу (работать|войти|зайти|залогиниться|начать работу)",
    r"(моя|my) (работа|робота|work) (стоит|стоїть|has stopped|stopped|встала|стала)",
    r"не можу (працювати|увійти|зайти|почати роботу)",
    r"can'?t (work|log ?in|sign in)", r"cannot (work|log ?in|sign in)", r"unable to (work|log ?in)",
    r"заблокирован\w*", r"заблоковано", r"заблокован\w*", r"locked out", r"is locked",
    # … said short: "account's locked", "my login's locked" ("is" or "has been")
    r"\w+'s (?:been )?locked",
    r"не включается", r"не вмикається", r"won'?t (turn|switch) on",
])  # fmt: skip

# "как" asks how to do a thing ("как настроить", "как мне попасть"), not a comparison ("принтер
# молчит как партизан", "працює як черепаха")
_HOW_RU = r"как (мне |нам |можно |правильно |лучше |бы |же |это |его |её |ее |их |теперь )*"
_HOW_UK = r"як (мені |нам |можна |правильно |краще |б |це |його |її |їх |тепер )*"
REQUEST = PhraseSet([
    _HOW_RU + r"\w+(ть|ти|чь|ться|тись)", r"как (мне|нам) \w+", r"подскажите", r"можно ли",
    r"нужен доступ", r"нужны права",
    r"прошу (выдать|дать|предоставить|установить)", r"установите", r"хочу (узнать|установить)",
    _HOW_UK + r"\w+(ти|тися|тись|ть)", r"як (мені|нам) \w+", r"підкажіть", r"чи можна",
    r"потрібен доступ",
    r"прошу (надати|видати|встановити)", r"встановіть",
    r"how (do|can|to) \w+", r"is it possible", r"please (grant|give|install)", r"need access",
    r"request (access|a licen[cs]e)", r"could you (install|grant|set up|prepare|create|add)",
    r"(please|pls) (set up|prepare|create|add)",
])  # fmt: skip
# An installation that is needed: a request with nothing broken beside it ("we need to install
# the label software"); "нужно установить драйвер, принтер не печатает" is the printer's fault.
NEEDED_INSTALL = PhraseSet([
    r"(нужно|надо) (\w+ ){0,2}установить", r"(потрібно|треба) (\w+ ){0,2}встановити",
    r"need (\w+ )?to install",
])  # fmt: skip


# A wish to change or have a thing: "хочу поменять заставку", "хотелось бы покрупнее", "хочу
# встановити темну тему", "I'd like a second monitor" (not "хочу понять, почему тормозит").
_CHANGE = (
    r"(поменять|сменить|изменить|поставить|установить|добавить|настроить|сделать|убрать|"
    r"перенести|покрупнее|побольше|крупнее|поярче|другую|другой|другие|новую|новый|новые|"
    r"поміняти|змінити|поставити|встановити|додати|налаштувати|зробити|прибрати|перенести|"
    r"більший|більше|більшу|іншу|інший|інші|нову|новий|нові|"
    r"change|set|add|get|have|install|put|make|switch|move|rename|remove|customi[sz]e|"
    r"an?|another|bigger|larger|new|different)"
)
_WANT = (
    r"(хочу|хотим|хотелось бы|хотел\w* бы|хочемо|хотілось би|хотілося б|хотів би|хотіла б|"
    r"хочеться)"
)
# The writer's own wish, said as one ("хочу поменять заставку", "хочу, щоб шрифт був більший",
# "I'd like a darker theme"): with nothing broken it is a request (P4), not a fault.
OWN_WISH = PhraseSet([
    _WANT + r"( \w+)? " + _CHANGE,
    # … or as what should be: "хочу, чтобы значки были крупнее", "хочу, щоб шрифт був більший"
    _WANT + r",? (чтобы|чтоб|щоб|аби)( \w+){0,6} " + _CHANGE,
    r"(i|we) (want|wanna|would like|'d like)( to)? " + _CHANGE, r"(i'?d|we'?d) like " + _CHANGE,
])  # fmt: skip
# … and what needs doing, which a fault says too ("надо поменять картридж"): a wish only with
# an urgent word on it.
WISH = PhraseSet([*OWN_WISH.patterns, r"(нужно|надо|треба|потрібно) " + _CHANGE])
# Something that does not work, as opposed to working badly (below): it hangs, crashes,
# loops, refuses, fails or will not do its work ("jobs stuck in the queue", "'Preparing
# Automatic Repair' in a loop", "VPN has refused to connect"; an error shown is read by
# `impact` when a deadline is near, where "no error" is none)
BROKEN = PhraseSet([
    r"слома\w*", r"злама\w*", r"broken", r"broke", r"завис\w*", r"вылета\w*", r"виліта\w*",
    r"crash\w*", r"loop\w*", r"по кругу", r"по колу", r"refus\w*", r"отказыва\w*",
    r"відмовля\w*", r"stuck",
    r"(won'?t|doesn'?t|isn'?t|can'?t|cannot|not)"
    r" (work|working|open|start|print|load|connect|send|show)\w*", r"fail\w*",
    r"не (\w+ )?(работа\w*|працю\w*|открыва\w*|відкрива\w*|печата\w*|друку\w*|"
    r"запуска\w*|включа\w*|вмика\w*|грузит\w*|загружа\w*|показыва\w*|показу\w*)",
    # … or does something else instead of its work (session 43: each was P3 beside a near
    # deadline): a printer that chews or jams the paper ("принтер жує папір", "jams every
    # sheet"), mail that sits in the outbox ("emails just sit in the Outbox", "письма висят в
    # исходящих"), a file saved over ("I saved over the price sheet", "перезаписала файл")
    r"(жу[её]т|жуют|жує|жують|жевал\w*|жував\w*|зажева\w*|зажёва\w*|зажевыва\w*|"
    r"зажёвыва\w*|зажову\w*|зажува\w*|мн[её]т|мнут|мне|мнуть|м'яв\w*) (\w+ )?(бумаг\w*|"
    r"папір|паперу|папер|листы|листов|аркуш\w*|наклейк\w*|етикет\w*|этикет\w*)",
    r"(chew\w*|eat\w*|jam\w*|crumpl\w*|scrunch\w*) (up )?(the |my |our |every |each |all "
    r"(the )?)?(paper|pages?|sheets?|labels?|stickers?)", r"paper jams?", r"(jams|jammed|jamming)",
    r"(sit|sits|sitting|stay|stays|staying|hang|hangs|hanging|stuck) (\w+ )?in (the |my |our )?"
    r"outbox", r"(висят|висит|зависа\w*|застрева\w*|остают\w*|лежат) (\w+ )?(в|во) исходящих",
    r"(висять|висить|зависа\w*|застряга\w*|залишают\w*|лежать) (\w+ )?(у|в) (вихідних|"
    r"надісланих)", r"saved over", r"overwr(ote|itten|iting|ites|ite)",
    r"(перезаписа\w*|затер(ла|ли|л)|затёр(ла|ли)?|сохранил\w* поверх|зберегл?\w* поверх)",
])  # fmt: skip
# Something wrong said in a word, stopped or not: an urgent how-to to fix it stays P1. Also
# what works badly: slow, flickering, streaked or faint.
FAULT = PhraseSet([
    *BROKEN.patterns,
    r"ошиб\w*", r"помилк\w*", r"error\w*", r"глюч\w*", r"глюк\w*", r"glitch\w*", r"сбо\w*",
    r"збо\w*",
    r"fix\w*", r"исправ\w*", r"почин\w*", r"виправ\w*", r"полагод\w*",
    r"проблем\w*", r"problem\w*", r"issues?", r"укра\w*", r"вкра\w*", r"stolen", r"взлом\w*",
    r"hack\w*", r"вирус\w*", r"вірус\w*", r"virus\w*", r"почему", r"чому", r"why",
    r"тормоз\w*", r"гальму\w*", r"slow\w*", r"lag\w*", r"заеда\w*", r"заїда\w*",
    r"мерца\w*", r"мерехт\w*", r"мига\w*", r"блима\w*", r"flicker\w*",
    r"полос\w*", r"смуг\w*", r"stripes?", r"streaks?", r"шум\w*", r"noise\w*",
    r"бледн\w*", r"блід\w*", r"faint\w*", r"pale",
])  # fmt: skip


@dataclass(frozen=True)
class PriorityAssessment:
    """The priority and the rule that set it (shown to operators as the reason)."""

    priority: Priority
    # urgent | many_stopped | at_stake | blocked | urgent_wish | request | topic | normal
    reason: str


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
    impact = read_impact(reading)  # the one reader of how many are stopped
    request = text in REQUEST or (
        text in NEEDED_INSTALL and not (impact.stopped or text in STOPPED or text in FAULT)
    )
    # many stopped, whatever the message also asks ("подскажите, у всех не работает почта");
    # a request for many with nothing stopped ("install Teams for all users") is a request
    if impact.many and (impact.stopped or not request):
        return PriorityAssessment(Priority.P1, "many_stopped")
    stakes = _stake_of_its_own(text)  # "the line is out the door" after any stop ("froze")
    at_stake = impact.at_stake or stakes
    if _waved_off(text):
        stakes = at_stake = False  # "клієнтів немає, тож не горить", "a webinar in two weeks"
    if URGENT.search(NOT_URGENT.remove(text)):
        # "срочно хочу поменять заставку", "urgent: how do I add a signature": the word
        # raises a wish or a how-to one step; P1 needs a stop or a stake
        if (request or text in WISH) and not (at_stake or impact.stopped or text in STOPPED) and (
            text not in FAULT
        ):
            return PriorityAssessment(Priority.P2, "urgent_wish")
        return PriorityAssessment(Priority.P1, "urgent")
    # the public standing by is no stop of its own: "принтер печатает бледно, люди стоят в
    # очереди" stops nothing ("на кассах не проходит оплата, люди стоят" is stopped by "не")
    stopped = PUBLIC_STANDS.remove(text) in STOPPED and not request
    if (stopped and stakes) or (impact.stopped and at_stake and not request):
        return PriorityAssessment(Priority.P1, "at_stake")
    # a deadline close ahead and something that does not work, stopped in so many words or
    # not: "the exhibition opens tonight and the label printer has jobs stuck in the queue",
    # "I'm presenting at 1pm and the laptop shows 'Preparing Automatic Repair' in a loop"
    # (not what works badly: "Printouts come out with black streaks, the show is at 7")
    if impact.due and at_stake and text in BROKEN and not request:
        return PriorityAssessment(Priority.P1, "at_stake")
    if text in ONE_BLOCKED:
        return PriorityAssessment(Priority.P2, "blocked")
    if request:
        return PriorityAssessment(Priority.P4, "request")
    # the writer's own wish with nothing broken ("хочу, щоб шрифт був більший", "I'd like a
    # darker theme"): a request, whoever sits by; a fault beside it keeps it P3
    if text in OWN_WISH and not (impact.stopped or stopped or text in FAULT):
        return PriorityAssessment(Priority.P4, "request")
    return PriorityAssessment(Priority.P3, "normal")


def names_a_stake(reading: MessageReading) -> bool:
    """Whether a message names what is at stake, waved off or not ("а клиент уже полчаса
    сидит напротив", "банк закрывает опердень в 17:00"): said in a reply, it makes the
    problem's stop P1."""
    text = all_of_things(reading)
    if _waved_off(text):
        return False
    return read_impact(reading).at_stake or _stake_of_its_own(text)


# A wait denied ("это не может подождать", "клиент не подождёт", "ніхто не почекає") is the
# stake said again, not waved off.
_DENIED_BEFORE = re.compile(r"(?<!\w)(?:не|ні) $")


def _waved_off(text: str) -> bool:
    """The writer says it can wait, or ties what is at stake to a time weeks off with no near
    time beside it: no stake now."""
    said = normalise(text)
    waved = any(not _DENIED_BEFORE.search(said[:start]) for start, _ in WAVED_OFF.spans(text))
    return waved or (text in FAR_OFF and not near_time(text))


# The writer's own payment, and what it pays: "я не могу оплатить счёт за интернет", "I can't
# pay my phone bill" (an errand of one user, not money taken from anyone).
OWN_PAYMENT = PhraseSet([
    r"(я|i)( \w+){0,3} (оплатить|оплатити|заплатить|заплатити|оплачиваю|оплачую|плачу|pay)",
])  # fmt: skip
# … whose every word of money is then that payment: "сторінка оплати не вантажиться"
_MONEY = re.compile(r"(оплат|плат[её]ж|платіж|pay|bill)")


def _stake_of_its_own(text: str) -> bool:
    """A stake phrase outside what a program or a record is for ("пацієнти вже сидять"; not
    "програма для запису пацієнтів"), and not the writer's own payment."""
    named = FOR_WHAT.spans(text)
    mine = text in OWN_PAYMENT
    return any(
        not any(start <= at < end for start, end in named)
        and not (mine and _MONEY.match(normalise(text)[at:]))
        for at, _ in AT_STAKE.spans(text)
    )


def assess_priority(message: str | MessageReading, topic: str = "") -> PriorityAssessment:
    """Priority with the default rules."""
    return PriorityRules().assess(message, topic)
