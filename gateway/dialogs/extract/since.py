""" "since": when the problem started, absolute or relative, in ru, uk and en.

"с 9:00", "since March 3", "з 3 березня", "позавчера", "з понеділка", "since the update",
"уже третий день", "for two days", "2 hours ago", "после переезда". A number is a time only
with a unit or a clock shape: "2 монитора", "кабинет 305", "Office 365" and "error 651"
are not times.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gateway.dialogs.extract.words import TEXTS_KEPT, fold
from gateway.knowledge.morphology import english_past, readings

_I = re.IGNORECASE

_MONTHS = (
    r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йяе]\w*|июн\w*|июл\w*|август\w*|сентябр\w*|"
    r"октябр\w*|ноябр\w*|декабр\w*|січ\w*|лют\w*|берез\w*|квіт\w*|травн\w*|черв\w*|лип\w*|"
    r"серп\w*|верес\w*|жовт\w*|листопад\w*|груд\w*|"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAYS = (
    r"понедельник\w*|вторник\w*|сред[аыуе]|четверг\w*|пятниц\w*|суббот\w*|воскресень\w*|"
    r"понеділ\w*|вівтор\w*|серед[аиу]|четвер\w*|п'ятниц\w*|субот\w*|неділ\w*|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|weekend|"
    # "в выходные утопил телефон" (the Ukrainian "у вихідні" may be the outbox: not here)
    r"выходных|вихідних|выходные"
)
# A weekday said as the adjective of what happened on it: "со вторничного патча", "після
# вівторкового патчу".
_WEEKDAY_ADJECTIVES = (
    r"понедельничн\w+|вторничн\w+|средов\w+|четвергов\w+|пятничн\w+|субботн\w+|воскресн\w+|"
    r"понеділков\w+|вівторков\w+|середов\w+|п'ятничн\w+|суботн\w+|недільн\w+"
)
_DAY_PARTS = (
    r"утр[аом]|утром|вечер[аом]?|ночи|ночью|обеда|обед|днем|дня|полудня|полуночи|"
    r"ранку|зранку|вранці|вечора|ввечері|ночі|обіду|обід|вдень|півночі|опівночі|"
    r"mornin[g']?|evening|night|lunch(?:time)?|noon|afternoon|midnight"
)
_EVENTS = (
    r"(?:[\w']+(?:ого|его|ой|ых|их|ої|ього|их)\s+)?(?:обновлени\w*|оновленн\w*|перезагрузк\w*|"
    r"перезавантаженн\w*|установк\w*|встановленн\w*|патч\w*|апдейт\w*)|праздник\w*|свят\w*|"
    r"обновлени\w*|обнов[аыуе]|обновк\w*|апдейт\w*|перезагрузк\w*|переустановк\w*|переезд\w*|ремонт\w*|отпуск\w*|выходных|"
    r"установк\w*|замен\w*|отключени\w* света|грозы|смен\w+ пароля|чистк\w*|заправк\w*|"
    r"обслуживани\w*|обслуговуванн\w*|"
    r"оновленн\w*|перезавантаженн\w*|перевстановленн\w*|переїзд\w*|відпустк\w*|встановленн\w*|замін\w*|"
    r"відключенн\w* світла|грози|змін\w+ пароля|вихідних|вихідні|выходные|"
    r"(?:the |last |an? |this |\w+'s |\w+s' |windows |latest |recent |new |office |driver |"
    r"(?-i:[A-Z][\w.-]*) )*"
    r"(?:update|upgrade|reboot|restart|move|"
    r"power (?:outage|cut)|outage|holidays?|vacation|weekend|password change|migration|"
    r"go-?live|launch|cutover|rollout|"
    r"reinstall|patch(?:es)?|fix|update of \w+|"
    r"(?:[a-z]+ )?(?:change|swap|replacement|refill|install(?:ation)?|repair|service|cleaning|"
    r"maintenance|visit))"
)
_UNITS = (
    r"минут\w*|мин|час\w*|дн\w+|день|сут\w*|недел\w*|месяц\w*|"
    r"хвилин\w*|годин\w*|днів|дні|доби|тижд\w*|тиж\w*|місяц\w*|"
    r"minutes?|mins?|hours?|hrs?|days?|weeks?|months?"
)
# Units a problem lasts in, said roughly: "примерно неделю" (but "около минуты" is how long
# something else took).
_LONG_UNITS = (
    r"час\w*|дн\w+|день|сут\w*|недел\w*|месяц\w*|годин\w*|днів|дні|доби|тижд\w*|тиж\w*|"
    r"місяц\w*|hours?|hrs?|days?|weeks?|months?"
)
# Numerals in words are a closed class, listed whole (to forty, then the round tens):
# "минут двадцать назад", "хвилин п'ятнадцять тому", "about twenty minutes ago".
NUMERAL_WORDS = (
    r"два|две|дві|три|четыре|чотири|пять|п'ять|шесть|шість|семь|сім|восемь|вісім|девять|"
    r"дев'ять|десять|одиннадцать|одинадцять|двенадцать|дванадцять|пятнадцать|п'ятнадцять|"
    r"двадцать|двадцять|тридцать|тридцять|сорок|полтора|півтора|"
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty"
)
_COUNT = (
    rf"\d+|пару|пар[уы]|несколько|нескольких|кілька|декілька|{NUMERAL_WORDS}|"
    r"a couple of|couple of|a few|few|several|an?|one"
)
_ORDINAL = (
    r"втор\w+|трет\w+|четверт\w+|пят\w+|друг\w+|п'ят\w+|second|third|fourth|fifth|"
    # "который день", "котрий день": the day whose number the user has stopped counting (never
    # the relative pronoun after a comma: "ноутбук, который день назад купили")
    r"(?<!, )(?:которы[йе]|котр(?:ий|у|і))"
)
# Hours said in words: "с девяти утра", "з дев'ятої ранку", "since nine".
HOUR_WORDS: dict[str, int] = {
    "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10, "одиннадцати": 11, "двенадцати": 12,
    "часу": 13, "двух": 14, "трех": 15, "четырех": 16, "пяти": 17, "шести": 18,
    "сьомої": 7, "восьмої": 8, "дев'ятої": 9, "десятої": 10, "одинадцятої": 11,
    "дванадцятої": 12, "першої": 13, "другої": 14, "третьої": 15, "четвертої": 16,
    "п'ятої": 17, "шостої": 18,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "noon": 12,
    "one": 13, "two": 14, "three": 15, "four": 16, "five": 17, "six": 18,
}  # fmt: skip
_HOUR_WORD = "|".join(sorted(HOUR_WORDS, key=len, reverse=True))
# Hours said in words after "о" / "в", the moment a thing happened at: the Ukrainian ordinal
# in the locative ("сьогодні о десятій", "вчора десь о четвертій") and the Russian number
# ("сегодня в десять утра"). Only as a clock, with its unit or where the clause ends.
AT_HOUR_WORDS: dict[str, int] = {
    "сьомій": 7, "восьмій": 8, "дев'ятій": 9, "десятій": 10, "одинадцятій": 11,
    "дванадцятій": 12, "першій": 13, "другій": 14, "третій": 15, "четвертій": 16,
    "п'ятій": 17, "шостій": 18,
    "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "час": 13, "два": 14, "три": 15, "четыре": 16, "пять": 17, "шесть": 18,
}  # fmt: skip
_AT_HOUR_WORD = "|".join(sorted(AT_HOUR_WORDS, key=len, reverse=True))
# The part of the day said after an hour tells its half: "с шести утра" is 6:00, "с семи
# вечера" 19:00 (an hour alone is read as a working day's: "с двух" is 14:00).
_MORNING_AFTER = frozenset({"утра", "ранку", "am", "a.m."})
_EVENING_AFTER = frozenset({"вечера", "вечора", "pm", "p.m."})
# The hour an ordinal names ("половина девятого" is 8:30, "пів на дев'яту" too): the stems
# of the ordinals one to twelve.
ORDINAL_HOURS: dict[str, int] = {
    "перв": 1, "перш": 1, "втор": 2, "друг": 2, "трет": 3, "четверт": 4, "пят": 5, "п'ят": 5,
    "шест": 6, "шост": 6, "седьм": 7, "сьом": 7, "восьм": 8, "девят": 9, "дев'ят": 9,
    "десят": 10, "одиннадцат": 11, "одинадцят": 11, "двенадцат": 12, "дванадцят": 12,
}  # fmt: skip
# … in the cases said after "пів на", "половины", "половини": "пів на третю" (the one
# feminine ordinal whose accusative ends in -ю), "половины третьего", "половини третьої".
_ORDINAL_HOUR = (
    "(?:" + "|".join(sorted(ORDINAL_HOURS, key=len, reverse=True)) + r")"
    r"(?:ьего|ьої|ого|ой|ої|ую|у|ю)(?![\w'])"
)
_CLOCK = (
    r"\d{1,2}[:.]\d{2}(?:\s?(?:am|pm|a\.m\.|p\.m\.))?|\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.|o'clock)|"
    r"\d{1,2}\s(?:утра|вечера|ранку|вечора)|"
    rf"(?:{_HOUR_WORD})(?:\s(?:утра|вечера|ранку|вечора|часов|години|o'clock|am|pm)|(?=\s*[,.;!?]|\s*$))|"
    rf"(?<=[воб] )(?:{_AT_HOUR_WORD})"
    r"(?:\s(?:утра|вечера|ранку|вечора|часов|години)|(?=\s*[,.;!?]|\s*$))"
)

# Minutes by the hour, in words: "a quarter to nine" (8:45), "ten past eight" (8:10),
# "twenty to 10" (9:40).
_BY_THE_HOUR = {"five": 5, "ten": 10, "quarter": 15, "twenty": 20, "twenty-five": 25}
_PAST_OR_TO = (
    r"(?:a\s+)?(?:quarter|twenty-five|twenty|ten|five)\s+(?:minutes\s+)?"
    rf"(?:past|after|to|before)\s+(?:\d{{1,2}}|{_HOUR_WORD})(?![\w'])"
)
_BY_HOUR = re.compile(
    r"(?<![\w'-])(?P<minutes>quarter|twenty-five|twenty|ten|five)\s+(?:minutes\s+)?"
    rf"(?P<way>past|after|to|before)\s+(?P<hour>\d{{1,2}}|{_HOUR_WORD})(?![\w'])",
    re.IGNORECASE,
)
# What begins at a clock time and names the start: "the 9 o'clock shift", "the 8am class".
_TIMED_EVENT = r"shift|class|lesson|meeting|briefing|session|start|opening|run"

# What may follow a bare hour (a number with no unit) for it to be one: the end of the clause,
# the trouble or its subject, never the hour's own noun ("с двух компьютеров", "з першої
# спроби", "at 10 desks").
_HOUR_ENDS = (
    r"(?=\s*(?:[;!?]|[,.](?!\d)|$)|\s+(?:не|ні|nothing|not|no|none|nobody)\b|"
    r"\s+(?:the|my|our|it|i|we|everything|every|all|у нас|в нас|мы|ми|я|все|всё|усе|ничего|нічого|"
    r"никто|ніхто|ни один|жоден|жодн\w+|никак\w+|ніяк\w+|"
    # … or who it shuts out: "а с одиннадцати меня не пускает" (tune39)
    r"меня|мене|мне|мені|"
    # … the whole of who is stopped: "з дев'ятої вся лабораторія без мережі", "с 9 весь отдел"
    r"весь|вся|всі|усі|уся|увесь)\s|"
    # … or a name, then what it does wrong: "since 11 Outlook keeps every message in the
    # Outbox", "с 9 Teams не открывается"
    # … a name of several words, and where it runs: "since about eleven Adobe Premiere Pro on
    # my laptop says …" (tune40)
    r"(?:\s+(?-i:[A-ZА-ЯІЇЄҐ][\w.-]*)){1,4}(?:\s+(?:on|in|at|на|в|у)\s+(?:my|our|the|his|her|"
    r"their|моем|моём|нашем|моєму|нашому)\s+[\w-]+)?"
    r"\s+(?:still\s+|всё ещё\s+|досі\s+)?(?:не|ні|not|won't|can't|"
    r"doesn't|isn't|keeps|kept|has|hasn't|stopped|shows|says|gives)\b|"
    # … and what still fails: "three times since 9 and Teams still won't open"
    r"\s+(?:and|but|и|і|но|але)\s+(?:\w+\s+){0,3}?(?:still|всё еще|все еще|всё ещё|досі|"
    r"не|ні|nothing|not|no|won't|can't|doesn't|isn't)\b|"
    # … or where "and" begins a clause with its own subject: "unable to open it since 7 and the
    # trucks are due out at 8", "locked since about 10 and I have to send the renewal by 3pm"
    r"\s+(?:and|but|и|і|й|а|но|але)\s+(?:the|my|our|their|it|i|we|they|я|мы|ми|у нас|в нас)\s)"
)
# Words an event or a start does not end on: a preposition or a conjunction left before the
# cut ("з відкриття в жодного …" ends at "відкриття").
_HANGING_TEXT = "в во у на о об с со з зі із по до для від от за под під при про через и і й та а"
_NOT_HANGING = r"(?!(?:" + "|".join(_HANGING_TEXT.split()) + r")(?![\w'-]))"

# "до пятницы открывался", "worked fine until Thursday": the last time it worked.
_UNTIL = r"до|until|till|up until|up to"
_UNTIL_WHEN = (
    rf"(?:(?:прошл\w+|минул\w+|this|last|the)\s+)?(?:{_WEEKDAYS})|(?:{_CLOCK})|"
    r"вчера(?:шнего (?:дня|вечера|обеда))?|вчерашн\w+ \w+|(?:у|в)?чора|(?:у|в)чорашн\w+ \w+|"
    r"позавчера|позавчора|yesterday(?:'s \w+)?(?: (?:mornin[g']?|afternoon|evening))?|"
    r"обеда|обіду|lunch|утра|ранку|the mornin[g']?|"
    r"(?:прошл\w+|минул\w+|last) (?:недел\w+|тижн\w+|тиждень|week)|"
    rf"(?:{_EVENTS})|\d{{1,2}}(?:-?го)?\s+(?:{_MONTHS})|(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?"
)
_WORKED = (
    r"(?:вс[её]\s+|все\s+|усе\s+|он\s+|она\s+|оно\s+|він\s+|вона\s+|воно\s+)?"
    r"(?:нормально\s+|норм\s+|отлично\s+|добре\s+|нормально\s+)?"
    r"(?:работал\w*|открывал\w*|печатал\w*|грузил\w*|загружал\w*|заходил\w*|подключал\w*|"
    r"отправлял\w*|приходил\w*|запускал\w*|ловил\w*|видел\w*|было (?:нормально|норм|хорошо|ок)|"
    r"был\w? (?:нормальн\w+|в порядке)|працювал\w*|працював|відкривал\w*|відкривався|"
    r"друкувал\w*|друкував|вантажил\w*|завантажувал\w*|заходил\w*|заходив|підключал\w*|"
    r"підключався|надсилал\w*|надсилав|приходил\w*|приходив|запускал\w*|запускався|бачил\w*|"
    r"бачив|було (?:нормально|норм|добре|ок)|був\w? (?:нормальн\w+|в порядку)|"
    r"(?:it |everything |all )?(?:worked|was working|were working|was fine|were fine|was ok|"
    r"was okay|was good|opened|printed|connected|synced|loaded|ran)(?: (?:fine|ok|okay|normally|"
    r"perfectly|great|without (?:a |any )?problems?))?)"
)

# Right after a verb that names the start (each look-behind of its own width).
_AFTER_BEGAN = "|".join(
    f"(?<={verb} )"
    for verb in ("началось", "началась", "начался", "почалось", "почалося", "почався",
                 "почалася", "started", "began")
)  # fmt: skip

# The meal or the shift a day's start is told by, said after the day: "сегодня в обед",
# "сьогодні на зміні", "вчера на ночной смене", "yesterday on the night shift".
_ON_SHIFT_RU = (
    r"в обед|на обеде|во время обеда|в обеденный перерыв|на обеденном перерыве|"
    r"на (?:утренней |ночной |вечерней |дневной )?смене"
)
_ON_SHIFT_UK = (
    r"в обід|на обіді|під час обіду|в обідню перерву|на обідній перерві|"
    r"на (?:ранковій |нічній |вечірній |денній )?зміні"
)
_ON_SHIFT_EN = (
    r"(?:at|during|over) (?:my |our |the )?lunch(?:time| break)?|"
    r"(?:on|during) (?:the|my|our) (?:mornin[g']? |night |evening |day |early |late )?shift"
)

_PATTERNS = [
    # "со вчерашнего обновления", "з учорашнього оновлення", "с обновления Windows"
    r"(?:с|со|з|із|від)\s+(?:(?:вчерашн\w+|учорашн\w+|вчорашн\w+|сегодняшн\w+|сьогоднішн\w+|"
    rf"ночн\w+|нічн\w+|последн\w+|останн\w+|недавн\w+|{_WEEKDAY_ADJECTIVES})\s+)?"
    r"(?:обновлени[яй]|оновлення|патча|патчу|апдейта|апдейту|обновы|"
    r"установки|встановлення|переезда|переїзду|ремонта|ремонту|"
    r"замены|заміни|перезагрузки|перезавантаження|отключения света|відключення світла)"
    r"(?:\s+(?:windows|винд\w*|вінд\w*|office|драйвер\w*|программ\w*|програм\w*))?(?![\w'])",
    # the start of a shift, a working day, the opening: "с начала смены", "з відкриття магазину"
    r"(?:(?:с|со|з|із|від|since|from)\s+)(?:(?:самого|самої|самой|the very)\s+)?(?:"
    r"(?:начала|початку|the start of|the beginning of)\s+(?:(?:the|my|our|this|today's)\s+)?"
    r"(?:смены|зміни|рабочего дня|робочого дня|дня|shift|day|work(?:ing day)?|"
    r"(?:the\s+)?(?:term|semester|school year|month|year|week|quarter)|четверти|семестра|месяца|"
    r"года|недели|квартала|чверті|семестру|місяця|року|тижня|кварталу)|"
    rf"(?:открытия|відкриття)(?:\s+{_NOT_HANGING}[\w'-]+)?|opening|"
    # … of a day's shift: "з учорашньої нічної зміни", "со вчерашней смены", "since last
    # night's shift"
    r"(?:the\s+)?(?:(?:вчерашн\w+|учорашн\w+|вчорашн\w+|сегодняшн\w+|сьогоднішн\w+|"
    r"позавчерашн\w+|позавчорашн\w+|yesterday's|today's|last night's|last)\s+(?:(?:ночной|нічної|"
    r"night)\s+)?|(?:утренней|ранкової|ночной|нічної|вечерней|вечірньої|mornin[g']?|night|"
    r"evening|day)\s+)(?:смены|зміни|shift))(?![\w'])",
    r"since (?:we|they|the (?:shop|store|office) ) ?opened"
    r"(?:\s+(?:this mornin[g']?|today))?(?![\w'])",
    # a bare hour after "since", in digits or in words: "since 9", "с 9 не работает", "since
    # about 10", "с девяти не работает", "з дев'ятої жоден лікар не може" (what follows is the
    # trouble or its subject, never the hour's own noun: "с двух компьютеров", "з першої спроби")
    r"(?:since|с|з|від|from)\s+(?:(?:about|around|approximately|roughly|около|примерно|"
    rf"близько|приблизно)\s+)?(?:\d{{1,2}}|{_HOUR_WORD}){_HOUR_ENDS}",
    # an hour with its unit: "с 11 часов", "з 9 години", "since 10 o'clock" (not "2 часа назад")
    r"(?:с|со|з|із|від|since|from)\s+\d{1,2}\s+(?:час(?:а|ов)?|години|годин)(?![\w'])",
    # half an hour in words: "с половины девятого", "с полдевятого", "з пів на дев'яту",
    # "з половини дев'ятої", "since half past eight", "from half 9"
    rf"(?:с|со|з|із|від|после|після|около|близько)\s+(?:половины\s+|половини\s+|пол-?|"
    rf"пів\s+на\s+)(?:{_ORDINAL_HOUR})|"
    rf"(?:since|from|after|around|about)\s+half\s+(?:past\s+)?(?:\d{{1,2}}|{_HOUR_WORD})(?![\w'])",
    # … and the quarters and minutes by the hour: "since a quarter to nine", "since ten past
    # eight", "from twenty to 10" (frozen39, probe24p)
    rf"(?:since|from|after|around|about)\s+(?:(?:about|around|roughly)\s+)?{_PAST_OR_TO}",
    # the shift or the lesson that began at a clock time: "since the 9 o'clock shift started"
    # (frozen35)
    rf"(?:since|from)\s+(?:about\s+|around\s+)?the\s+(?:{_CLOCK})\s+(?:{_TIMED_EVENT})(?![\w'])",
    # relative days and parts of day
    r"(?:(?:начиная |аж |ще |еще |ещё )?(?:со|с|з|із|від|since|from)\s+)?"
    # … the Ukrainian "from yesterday" said as one word: "Відучора ноутбук не оновлюється"
    r"(?:позавчера\w*|позавчор\w*|позаучора|відучора|вчерашн\w+(?:\s+(?:дня|утра|вечера|ночи|обеда))?|"
    r"учорашн\w+(?:\s+(?:дня|ранку|вечора|ночі|обіду))?|"
    r"вчорашн\w+(?:\s+(?:дня|ранку|вечора|ночі|обіду))?|"
    rf"вчера(?:\s+(?:утром|вечером|днем|ночью|после обеда|под вечер|ближе к вечеру|к вечеру|"
    rf"поздно вечером|рано утром|под утро|{_ON_SHIFT_RU}))?|"
    rf"(?:у|в)?чора(?:\s+(?:вранці|зранку|ввечері|вдень|вночі|після обіду|надвечір|під вечір|"
    rf"ближче до вечора|пізно ввечері|рано вранці|під ранок|{_ON_SHIFT_UK}))?|"
    r"(?:the\s+)?night before last|позапрошлой ночью|позаминулої ночі|overnight|"
    rf"сегодня(?:\s+(?:утром|с утра|днем|после обеда|{_ON_SHIFT_RU}))?|сьогодні(?:\s+(?:вранці|"
    rf"зранку|вдень|після обіду|{_ON_SHIFT_UK}))?|"
    r"с (?:самого )?утра|з (?:самого )?ранку|зранку|с обеда|после обеда|після обіду|"
    r"(?:since |from )?(?:early |first thing (?:in the )?)?(?:this )?mornin[g']?|all mornin[g']?|"
    r"весь день|"
    r"всё утро|все утро|цілий ранок|увесь ранок|весь ранок|all day|"
    r"the day before yesterday|"
    rf"yesterday(?:\s+(?:mornin[g']?|afternoon|evening|night|{_ON_SHIFT_EN}))?|"
    rf"this (?:mornin[g']?|afternoon|evening|am|a\.m\.)|last night|earlier today|"
    rf"today(?:\s+(?:{_ON_SHIFT_EN}))?|tonight)"
    r"(?![\w'])",
    # since a weekday, a week, a month, a date
    rf"(?:(?:со|с|з|із|від|since|from|starting|over)\s+(?:(?:sometime|some time|about|around|"
    rf"roughly|early|late|примерно|приблизно|где-то|десь|около|близько)\s+)?)?"
    rf"(?:(?:прошл\w+|минул\w+|last|past|этой|цієї|this)\s+)?(?:{_WEEKDAYS})(?![\w'])",
    r"(?:(?:со|с|з|із|від|since|from|с начала|з початку|since the (?:start|beginning) of)\s+)?"
    r"(?:(?:(?:поза)?прошл\w+|(?:поза)?минул\w+|этой|этого|цього|цієї|last|this|past|"
    r"the (?:week|month) before)\s+)(?:недел\w+|тижн\w+|тиждень|"
    r"месяц\w*|місяц\w*|week|month)(?![\w'])",
    rf"(?:(?:с|со|з|із|від|since|from|starting|в|у|on)\s+)(?:\d{{1,2}}(?:-?го|-?е|st|nd|rd|th)?\s+(?:{_MONTHS})|"
    rf"(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\.\d{{1,2}}(?:\.\d{{2,4}})?)(?![\w'])",
    rf"(?:(?:(?:since|from|с|со|з|із|від)\s+(?:about|around|approximately|roughly|около|примерно|"
    rf"близько|приблизно)|с|со|з|із|від|от|since|from|после|після|after|around|about|около|"
    rf"близько)\s+)(?:{_CLOCK})(?![\w'])",
    rf"(?:(?:с|со|з|із|від|от|since|from)\s+)(?:(?:about|around|approximately|примерно|около|"
    rf"близько|приблизно)\s+)?(?:{_CLOCK}|\d{{1,2}})?\s*(?:(?:this|in the)\s+)?(?:{_DAY_PARTS})"
    rf"(?:\s+(?:{_WEEKDAYS}))?(?![\w'])",
    r"(?:с|со|з|із|від)\s+(?:сегодняшн\w+|вчерашн\w+|раннего|самого|сьогоднішн\w+|учорашн\w+|"
    r"вчорашн\w+|раннього|самого)\s+(?:утра|вечера|обеда|ночи|ранку|вечора|обіду|ночі|дня)"
    r"(?![\w'])",
    # since an event: "после обновления в пятницу", "since the update"
    rf"(?:после|після|since|after|с момента|з моменту|с тех пор как|відколи)\s+(?:{_EVENTS})"
    r"(?:\s+(?:windows|винд\w*|вінд\w*|office|драйвер\w*|обновлени\w*|оновлен\w*|updates?|"
    r"программ\w*|програм\w*|антивирус\w*|антивірус\w*|"
    r"(?!(?:до|to|на|від|with|at|around|about|в|во|у|о|об|около|близько)\b)\w+(?=\s*\d)|"
    r"(?-i:[A-Z][\w+-]*[\w+]))(?:\s+\d{1,2}(?:\.\d+)*(?![\w.]*\w))?)?"
    rf"(?:\s+(?:(?:в|во|у|on|last)\s+)?(?:{_WEEKDAYS})|\s+(?:вчера|учора|вчора|yesterday))?(?![\w'])",
    # a clock time said with its day: "at 4pm yesterday", "в 16:00 вчера", "о 9:15 сьогодні"
    rf"(?:at|в|во|о|об)\s+(?:{_CLOCK})(?=\s+(?:yesterday|today|this mornin[g']?|on \w+day|вчера|"
    r"вчора|учора|сегодня|сьогодні|в понедельник|в пятницу|у понеділок|у п'ятницю))",
    # a day of the month: "с 1 числа", "з 5-го числа"
    r"(?:с|со|з|із|від)\s+\d{1,2}(?:-?го)?\s+числа(?![\w'])",
    # "after lunch", "после обеда" with or without a day
    r"(?:после|після|after)\s+(?:обеда|обіду|lunch|the lunch break|обеденного перерыва)(?![\w'])",
    # durations: "уже 2 дня", "for two days", "2 hours ago", "третий день", "неделю"
    rf"(?:(?:уже|вже|already|for|about|около|близько|почти|майже|за)\s+)?(?:(?:{_COUNT})\s+)?"
    rf"(?:{_UNITS})\s+(?:назад|тому|ago|now|уже|вже)(?![\w'])",
    rf"(?:уже|вже|already|for|for about|for the last|for the past|over the last|за последние|"
    rf"за останні|в течение|протягом)\s+(?:(?:{_COUNT}|half an?)\s+)?(?:{_UNITS})(?![\w'])"
    r"(?!\s+or\s+so)",
    # … not which one: "во второй час ночи", "в третий день после установки"
    rf"(?<!во )(?<!в )(?<!у )(?<!зараз )(?<!сейчас )(?:(?:уже|вже|already)\s+)?(?:{_ORDINAL})\s+"
    r"(?:день|дня|сутки|"
    r"доба|добу|неделю|неделя|тиждень|day|week|"
    # … the hour in either case: "третю годину", "друга година так" (frozen22)
    r"час|годину|година|месяц|місяць)"
    r"(?:\s+(?:подряд|поспіль|in a row|now))?(?![\w'])",
    rf"(?:{_COUNT})\s+(?:{_UNITS})\s+(?:now|уже|вже)(?![\w'])",
    r"(?:полчаса|півгодини|пів години|полдня|пів дня|half an hour|an hour)\s+"
    r"(?:назад|тому|ago)(?![\w'])",
    r"(?:только что|щойно|только сейчас|just now|a moment ago|минуту назад|хвилину тому)(?![\w'])",
    r"(?:с тех пор|с того (?:времени|момента)|відтоді|з того (?:часу|моменту))"
    r"(?:,?\s+(?:как|як)(?:\s+[\w'-]+){1,10})?(?![\w'])",
    # "відколи поставили новий роутер", "з тих пір як переїхали": the event that started it
    r"(?:відколи|з тих пір,? як|с тех самых пор,? как)(?:\s+[\w'-]+){1,10}(?![\w'])",
    # "уже с неделю", "з тиждень як": roughly a week
    r"(?:(?:уже|вже)\s+)?(?:с|з)\s+(?:неделю|недельку|месяц|полгода|тиждень|місяць|півроку)"
    r"(?:\s+(?:как|як))?(?![\w'])",
    # "ever since IT replaced my dock last week", "since they moved us to the new VPN"
    r"ever since(?:\s+[\w'-]+){0,6}?(?:\s+(?:last \w+|yesterday|on \w+day)|(?=\s*[,.;!?]|$))|"
    # (a count is no event, in digits or in words: "After three attempts I got locked out")
    rf"(?<!even )(?:ever\s+)?(?:since|after)\s+(?!(?:too|so|many|much|several|few|some|more|less|"
    rf"one|{NUMERAL_WORDS})\s)"
    r"(?:(?!\d)[\w'-]+\s+){1,3}?"
    r"(?:[a-z]+ed|went|came|got|broke|began|took|ran|gave|put|set|swapped|shut|hit|left|brought|"
    r"built|made|was in|were in)"
    r"(?:(?:\s+(?!(?:and|but|it|the \w+ (?:is|does|won't))\b)[\w'-]+){0,4}?"
    r"(?:\s+(?:last \w+|yesterday|on \w+day|this (?:mornin[g']?|afternoon|week)|today)|"
    r"(?=\s*[,.;!?]|$))|"
    # … or where the main clause begins with its own subject, after the object: "ever since IT
    # swapped the dock the screen flickers" (never inside a prepositional phrase: "moved to the
    # second floor")
    r"(?:\s+(?!(?:and|but|it)\b)[\w'-]+){1,4}?"
    r"(?<![\s-]to)(?<![\s-]in)(?<![\s-]on)(?<![\s-]at)(?<![\s-]of)(?<![\s-]into)(?<![\s-]from)"
    r"(?<![\s-]with)(?<![\s-]for)(?<![\s-]the)(?<![\s-]my)(?<![\s-]our)(?<![\s-]a)"
    r"(?=\s+(?:the|my|our|their|his|her|nothing|everything|it|i|we|no|all|now)(?![\w-])))",
    # a day of the month alone: "since the 15th", "с 15-го", "з 3-го"
    rf"(?:since|from|starting)\s+the\s+\d{{1,2}}(?:st|nd|rd|th)(?:\s+of\s+(?:{_MONTHS}))?(?![\w'])|"
    r"(?:с|со|з|із|від)\s+\d{1,2}-?го(?![\w'])",
    # "после того как обновился Windows", "після того як перевстановили Office"
    # (a day's preposition is no word of its own: "после того как в среду поменяли роутер")
    r"(?:после того,? как|після того,? як)(?:\s+(?:(?:в|во|у|на|о|об)\s+)?[\w'-]+){1,10}(?![\w'])",
    # "примерно неделю", "уже где-то час", "уже полчаса", "since 2 days", "пару днів як"
    # … "ago" after it too: "десь тиждень тому", "примерно неделю назад"
    rf"(?:уже|вже|already|примерно|приблизно|где-то|десь|около|близько|почти|майже|about|"
    rf"around|almost|since)(?:\s+(?:где-то|десь|примерно|приблизно|около))?\s+(?:(?:{_COUNT})\s+)?"
    rf"(?:{_LONG_UNITS}|полчаса|пол часа|півгодини|пів години|полдня|пів дня)"
    r"(?:\s+(?:назад|тому|ago))?(?![\w'])",
    # a part of the day or an hour said after the verb that names the start: "Началось около
    # полуночи", "почалося вночі", "it started around lunchtime" (the verb is left out)
    rf"(?:{_AFTER_BEGAN})(?:(?:около|примерно|где-то|близько|приблизно|десь|around|about|at|"
    rf"in the|в|во|у|о|об)\s+)?(?:{_CLOCK}|{_DAY_PARTS}|ночью|вночі|уночі)(?![\w'])",
    rf"(?:{_COUNT})\s+(?:{_UNITS})\s+(?:как|як)(?![\w'])",
    # "последние две недели", "останні кілька днів", "the last two weeks", "past few days"
    rf"(?:(?:уже|вже|already|for|за|протягом)\s+)?(?:последние|последних|останні|останніх|"
    rf"the last|the past|last|past)\s+(?:(?:{_COUNT})\s+)?(?:{_UNITS})(?![\w'])",
    # "всю неделю", "цілий тиждень", "all week"
    r"(?:всю неделю|целую неделю|весь тиждень|цілий тиждень|увесь тиждень|all week|"
    r"the whole week|all this week)(?![\w'])",
    # "с отпуска", "з відпустки", "since I came back from vacation", "since we moved office"
    r"(?:с|со|з|із|після|после)\s+(?:отпуска|больничного|відпустки|лікарняного)(?![\w'])",
    r"(?:since|after|ever since)\s+(?:i|we|they|it|you)\s+(?:came back|got back|returned|"
    r"moved|changed|switched|installed|updated|upgraded|got|replaced|reset)"
    r"(?:\s+(?:from|to|the|my|our|a|an|new))*(?:\s+[\w-]+)?"
    rf"(?:\s+(?:on|last)\s+(?:{_WEEKDAYS})|\s+(?:yesterday|last week|this morning))?(?![\w'])",
    r"(?:с|з|since)\s+(?:\d{4}|(?:прошлого|минулого|last) (?:года|року|year))(?![\w'])",
    # part of a month or week: "с середины ноября", "з кінця минулого тижня", "since mid-November",
    # "since the end of last week", "since early October"
    rf"(?:с|со|з|із|від|since|from)\s+(?:(?:самой|самого|the very)\s+)?(?:середины|середини|"
    rf"конца|кінця|начала|початку|the middle of|the end of|the start of|the beginning of|"
    rf"mid-?|early|late)\s*(?:(?:(?:поза)?прошл\w+|(?:поза)?минул\w+|этой|этого|цього|цієї|"
    rf"last|this|the)\s+)?(?:{_MONTHS}|недел\w+|тижн\w+|тиждень|месяц\w*|місяц\w*|week|month)(?![\w'])",
    # an hour said roughly: "since 10ish", "from about 9-ish"
    r"(?:since|from)\s+(?:about\s+|around\s+)?\d{1,2}(?::\d{2})?-?ish(?![\w'])",
    # a month alone after "since": "с ноября", "з листопада", "since October"
    r"(?:с|со|з|із|від|since)\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|"
    r"октября|ноября|декабря|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|"
    r"жовтня|листопада|грудня|january|february|march|april|june|july|august|september|october|"
    r"november|december)(?![\w'])",
    # "Started when I came back from holiday", "началось, когда поставили новый антивирус"
    r"(?:started|began),?\s+(?:when|after|once)\s+[^.,;!?\n]{3,60}|"
    r"(?:началось|почалось|почалося),?\s+(?:когда|как|коли|як)\s+[^.,;!?\n]{3,60}",
    # It worked until then, so it broke then: "до пятницы открывался", "до обіду все
    # працювало", "worked fine until Thursday", "was fine till yesterday's update".
    rf"(?:{_UNTIL})\s+(?:{_UNTIL_WHEN})(?:\s+[\w'-]+){{0,2}}?\s+(?:{_WORKED})",
    rf"(?:{_WORKED})(?:\s+[\w'-]+){{0,2}}?\s+(?:{_UNTIL})\s+(?:{_UNTIL_WHEN})(?![\w'])",
    # a day's event said with its possessive, one no list knows: "since yesterday's matinee",
    # "since Monday's stand-up" (last: a known event, "yesterday's toner change", reads whole)
    # … and the start said with it: "started with Wednesday's update" (frozen41)
    rf"(?:since|after|from|(?:started|began)\s+with)\s+(?:yesterday|today|tonight|"
    rf"this (?:mornin[g']?|afternoon|evening)|"
    rf"last night|"
    rf"(?:last\s+)?(?:{_WEEKDAYS}))['’]s\s+[\w-]+(?![\w'])",
]
# Gatherings, storms and holidays a day is known by (a closed class).
_GATHERINGS = (
    r"репетици\w*|репетиці\w*|собрани[яй]|совещани[яй]|планерк\w*|планёрк\w*|летучк\w*|нарад\w*|"
    r"зборів|встреч\w*|зустріч\w*|корпоратив(?:а|у|ом)?|праздник\w*|свят|каникул|канікул|грозы|грози|"
    r"бури|бурі|урагана|шторма|шторму|пожара|пожежі|потопа|потопу|затоплени\w*|"
    r"нового года|нового року|рождества|різдва|пасхи|великодня|инвентаризаци\w*|"
    r"інвентаризаці\w*|аудита|аудиту|учений|навчань|экзамен\w*|іспит\w*|"
    r"концерта|концерту|спектакля|вистави|конференци\w*|конференці\w*|выборов|виборів"
)
# Sessions a day's work is made of, said in the genitive after "во время", "під час" (a
# closed class): a lesson, a round, a shift, a broadcast.
_SESSIONS = (
    r"урока|уроку|пары|пари|лекции|лекції|семинара|семінару|вебинара|вебінару|эфира|ефіру|"
    r"трансляци\w*|трансляці\w*|сеанса|сеансу|смены|заезда|заезд\w*|заїзду|забега|забігу|"
    r"раунда|раунду|тура|туру|матча|матчу|игры|гри|тренировки|тренування|презентации|"
    r"презентації|спектакля|вистави|служби|службы|богослужени\w*|богослужінн\w*|операции|"
    r"операції|приема|прийому|экскурсии|екскурсії|торгов|торгів|аукциона|аукціону|"
    r"инвентаризаци\w*|інвентаризаці\w*"
)
_EN_SESSIONS = (
    r"heats?|rounds?|trials?|sessions?|rehearsal|soundcheck|sound check|briefing|lesson|class|"
    r"lecture|webinar|broadcast|stream|livestream|shift|match|game|race|performance|show|"
    r"concert|service|ceremony|meeting|presentation|exam|inspection|audit|auction|tour|"
    r"qualifiers?|qualification|final|semi-?final|training|drill|surgery|operation"
)
# Actions done on each use, and what happens on each try: what comes after them happens each
# time, not since then ("после входа", "После ошибки Outlook закрывается", "после второй
# попытки учетка блокируется").
_PER_USE = (
    r"вход|входу|запуск|включени|ввімкненн|увімкненн|нажати|натисканн|открыти|відкритт|"
    r"сохранени|збереженн|печати|друку|загрузк|завантаженн|авторизаци|авторизаці|введени|"
    r"введенн|отправк|відправк|надсиланн|подключени|підключенн|сканировани|сканування|"
    r"нажима|клика|кліку|заставк|вставк|логотип|ошибк|помилк|попытк|спроб"
)
_EN_PER_USE = (
    r"login|log-?in|logon|sign-?in|startup|start-?up|boot|click|opening|printing|saving|"
    r"first|second|third|[0-9]+"
)
# Heads of an English event noun phrase no suffix shows (a closed class).
_EN_EVENT_HEADS = (
    r"update|upgrade|reboot|restart|move|outage|cut|holidays?|vacation|weekend|break|"
    r"storm|flood|fire|blackout|winter|summer|spring|autumn|fall|party|meeting|rehearsal|"
    r"visit|trip|patch|fix|swap|change|reinstall|install|migration|launch|rollout|go-?live|"
    r"cutover|reset|refit|redesign|renovation|inspection|audit|exam|conference|event|show|"
    r"concert|match|game|sale|inventory"
)
# A verb in the present right after "since" and a noun phrase makes "since" "because": "Since
# my laptop is slow, …", "since the VPN is down", "since our office has no IT person".
_EN_NOW_VERBS = (
    r"is|are|isn't|aren't|has|have|hasn't|haven't|does|do|doesn't|don't|can't|cannot|won't|keeps"
)
# Words a main clause begins with, or no noun phrase holds.
_EN_STOP = (
    r"the|a|an|my|our|their|his|her|its|it|it's|i|i'm|we|they|you|he|she|nothing|everything|"
    r"all|no|now|and|but|is|are|was|were|has|have|had|won't|can't|doesn't|don't|isn't|"
    r"keeps|still|on|at|in|to|of|for|with|from|when|then|so|or"
)
# A span said roughly puts its unit before the number (ru, uk): "дня три", "недели две как",
# "минут двадцать назад", "години дві як", "тижні два". It says since only with what says
# so after it ("как", "уже", "назад", or the problem right away: "дня три не печатает");
# "ждала минут десять" is how long an attempt took.
_INVERTED_UNITS = (
    r"минут|часа|часов|дня|дней|суток|недели|недель|месяца|месяцев|"
    r"хвилин|години|годин|днів|дні|діб|доби|тижні|тижнів|місяці|місяців"
)
_PATTERNS += [
    # the start of a session, or of a period with a word of its own before it: "с начала
    # второго заезда", "з початку гри", "так с начала учебной недели", "since the start of
    # the second heat" (the bare periods are read above)
    rf"(?:с|со|з|із|від|since|from)\s+(?:(?:самого|самої|самой|the very)\s+)?"
    rf"(?:начала|початку|the start of|the beginning of)\s+(?:(?:the|my|our|this|today's)\s+)?"
    rf"(?:[\w'-]+(?:ой|ей|ого|его|ої|ього|ьої)\s+|[a-z][\w-]*\s+)?"
    rf"(?:{_SESSIONS}|{_GATHERINGS}|{_EN_SESSIONS}|недели|тижня|месяца|місяця|года|року|"
    rf"семестра|семестру|четверти|чверті|квартала|кварталу|week|month|year|term|semester|"
    rf"quarter)(?![\w'])",
    rf"(?:(?:уже|вже|где-то|десь|примерно|приблизно)\s+)?(?:{_INVERTED_UNITS})\s+"
    rf"(?:{NUMERAL_WORDS}|\d{{1,2}})(?:\s+(?:назад|тому|как|як|уже|вже)(?![\w'])|"
    r"(?=\s+(?:не|нет|ні|немає|нема)(?![\w'])))",
    # "a week or so", "it's been a couple of hours", "two weeks or so"
    rf"(?:(?:about|around|almost|nearly|roughly)\s+)?(?:(?:{_COUNT})\s+)?(?:{_LONG_UNITS})"
    r"\s+or so(?![\w'])",
    rf"(?<=been )(?:(?:about|around|almost|nearly|roughly|over)\s+)?(?:{_COUNT})\s+"
    rf"(?:{_LONG_UNITS})(?![\w'])",
    # half of today: "полдня уже", "пів дня вже", "half the day"
    r"(?:(?:уже|вже|already|for)\s+)?(?:полдня|пол дня|півдня|пів дня|half (?:the|a) day|"
    r"half the mornin[g']?)(?![\w'])",
    # an event the day was known by: a gathering, a storm, a holiday ("с репетиции", "після
    # свят", "since New Year", "после грозы в пятницу")
    rf"(?:с|со|з|із|від|после|після|since|after)\s+(?:[\w'-]+(?:ого|его|ой|ей|ых|их|ої|ього|ьої)\s+)?"
    rf"(?:{_GATHERINGS})(?![\w'])",
    # a start verb, then the moment: "Started right at opening", "it began just after lunch",
    # "Началось прямо на совещании"
    rf"(?:{_AFTER_BEGAN})(?:(?:right|just|only|прямо|сразу|одразу|якраз)\s+)?"
    rf"(?:(?:at|after|upon|around)\s+(?!(?:home|work|my|our|the (?:pc|computer|laptop))\b)"
    rf"(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?(?=\s*[,.;!?]|\s*$)|"
    rf"(?:на|під час|во время)\s+(?:{_GATHERINGS}|совещании|нараді|планёрке|планерке|собрании|"
    rf"зборах|уроке|уроці|паре|парі|презентации|презентації))",
    # an event named by a verbal noun, the grammar of "после обновления": after "после" /
    # "після" an adjective or two, then a noun of an action (-ение, -ание, -тие, -ция; -ення,
    # -ання, -ття, -ція) in the genitive; never an action done on each use ("после входа",
    # "після ввімкнення", "после сохранения": when it happens, not since when)
    rf"(?:после|після|с момента|з моменту|со дня|від дня|з дня)\s+"
    rf"(?:[\w'-]+(?:ого|его|ой|ей|ых|их|ої|ього|ьої|ніх|ших|них)\s+){{0,2}}"
    rf"(?!{_PER_USE})[^\W\d_][\w'-]*(?:ени[яй]|ани[яй]|ти[яй]|ции|енн[яі]|анн[яі]|тт[яі]|ції|"
    rf"овки|ировки|ки)(?:\s+(?:света|світла|электричества|електрики|интернета|інтернету))?(?![\w'])",
    # English: after / since and a noun phrase ("since the move", "after the storm on Friday",
    # "after the firmware update the terminal …"): it ends where the main clause begins
    rf"(?:ever\s+)?since\s+(?:the|my|our|their|that|this|last|yesterday's|today's|"
    rf"(?-i:[A-Z])\w*'s)\s+(?!(?:{_EN_PER_USE})(?![\w-]))(?:(?!(?:{_EN_STOP})(?![\w'-]))[\w'-]+\s+){{0,2}}?"
    rf"(?!(?:{_EN_STOP})(?![\w'-]))[a-z][\w'-]*"
    # (never a subject with its verb in the present: "Since the printer is old, …" says why)
    rf"(?!\s+(?:{_EN_NOW_VERBS})(?![\w'-]))"
    rf"(?=\s+(?:{_EN_STOP})(?![\w'-])|\s*[,.;!?]|\s*$)",
    # … after "after" the head is an event (a noun of an action, -tion, -ment, -ing, -al, or a
    # season, storm, holiday or gathering): "after the storm", "after the firmware update";
    # never a thing seen on each use ("after the splash screen", "after the logo")
    rf"(?<!even )(?:ever\s+)?after\s+(?:the|my|our|their|that|this|last|yesterday's|today's|"
    rf"(?-i:[A-Z])\w*'s)\s+(?!(?:{_EN_PER_USE})(?![\w-]))(?:(?!(?:{_EN_STOP})(?![\w'-]))[\w'-]+\s+){{0,2}}?"
    rf"(?:[a-z][\w'-]*(?:tion|sion|ment|ing|al|ure|age)|{_EN_EVENT_HEADS})"
    rf"(?=\s+(?:{_EN_STOP})(?![\w'-])|\s*[,.;!?]|\s*$)",
    # the event it went wrong during, said once: "во время пробного заезда", "під час
    # онлайн-репетиції", "during the trial round", "during this morning's heats"; never one
    # that comes round ("во время каждого урока", "during calls", "во время печати")
    rf"(?:во время|в ходе|посреди|під час|в ході|посеред|впродовж)\s+(?!(?:каждо|кожно)\w*)"
    rf"(?:[\w'-]+(?:ого|его|ой|ей|ых|их|ої|ього|ьої|ної|ного)\s+)?(?:[\w']+-)?"
    rf"(?:{_GATHERINGS}|{_SESSIONS})(?![\w'])",
    rf"during\s+(?:the|this|that|our|today's|yesterday's|this morning's|last night's|"
    rf"(?-i:[A-Z])\w*'s)\s+(?:[\w'-]+\s+){{0,2}}(?:{_EN_SESSIONS})(?![\w'-])",
    # a proper name for a day: "since New Year", "since Christmas"
    r"(?:since|after|from)\s+(?:new year(?:'s(?: eve| day)?)?|christmas|easter|thanksgiving)"
    r"(?![\w'])",
    # "since the day they installed the antivirus"
    r"since the (?:day|moment|time|week)\s+(?:that\s+|when\s+)?(?:they|we|i|you|he|she|it|someone|"
    r"(?-i:[A-Z]{2,}))\s+[a-z]+(?:ed|t)(?:\s+(?:the|a|an|my|our|new)\s+)?(?:\s*[\w-]+)?(?![\w'])",
]


@lru_cache(maxsize=1)
def _since() -> re.Pattern[str]:
    """Every pattern above as one regex, compiled on first use (it is the largest of all the
    readers': a quarter of a second of every process's start)."""
    return re.compile("(?<![\\w'])(?:" + "|".join(f"(?:{p})" for p in _PATTERNS) + ")", _I)


# "с понедельника" is a time; "в понедельник установили принтер" is one too. But "вторник"
# inside "во вторник созвон" is not about the problem: weekdays need a preposition or "last".
_STARTS = re.compile(r"(?:с|со|з|із|від|since|from|starting|после|після|after|ever)\s", _I)
# Verbs that name the start: "Started Monday", "почалось вівторок".
_BEGAN = (
    r"\b(?:started|starts|began|begun|stopped|broke|died|happened|началось|начался|началась|"
    r"почалось|почалося|почався|почалася|перестал\w*|перестав\w*)"
)
_BARE_WEEKDAY = re.compile(rf"^(?:{_WEEKDAYS})$", _I)
# "выходных"/"вихідних" is the weekend after "на", "с", "після"; after "в"/"у" it is the
# outgoing mail folder.
_OUTBOX = re.compile(r"(?:выходных|вихідн\w*)", _I)  # "в выходные" is the weekend


# A moment named with what happened at it: "в 10 утра все упало", "at 9:15 everything stopped",
# "это было ещё в 8 утра", "lost the results server at once at 10:40". What happened is told
# in the past, whatever the verb (the grammar says so, not a list of verbs); a time said with
# the present or with what must be done by then is a time ahead ("the ferry leaves at 9:40",
# "в 15:00 надо отправить").
_AT_CLOCK = re.compile(rf"(?<![\w'])(?:в|во|о|об|at)\s+(?:{_CLOCK}|пів на \w+)(?![\w'])", _I)
_HAPPENED = re.compile(
    r"(?<![\w])(?:упал\w*|перестал\w*|перестав\w*|зупинил\w*|остановил\w*|сломал\w*|отвалил\w*|"
    r"пропал\w*|зник\w*|вылетел\w*|вилетіл\w*|началось|почалось|случилось|произошло|сталося|"
    r"трапилось|впал\w*|ліг|лег|легл\w*|stopped|started|happened|went down|died|crashed|froze|"
    r"dropped|broke)(?![\w])",
    _I,
)
# English pasts no "-ed" shows, of what befalls a machine or a user (the irregular verbs are
# a closed class).
_EN_IRREGULAR_PAST = frozenset(
    {"lost", "went", "fell", "froze", "broke", "hung", "died", "began", "came", "got", "shut",
     "ran", "was", "were"}
)  # fmt: skip
# Not a past told of the trouble: the verb is a participle of what is planned or due ("is
# scheduled at 3pm", "must be sent at 12:00"), or the clause says what must be done by then.
_DUE = re.compile(
    r"(?<![\w'])(?:is|are|am|be|been|being|will|'ll|must|should|has to|have to|had to|need to|"
    r"needs to|due|scheduled|planned|booked|going to|надо|нужно|должн\w*|треба|потрібно|"
    r"маю|має|мають|мусим\w*|мушу|повин\w*|буд\w+|планиру\w*|запланирова\w*|заплановано|"
    r"назначен\w*|призначен\w*)(?![\w'])",
    _I,
)


# Clauses joined by "and", or a relative clause, tell things apart: "the exam begins at 9:00
# and my account got locked", "class starts at 6pm and I tried another cable", "I've got a
# tender that closes at 3pm" (the past is the other clause's).
_AND = re.compile(
    r"\s(?:and|и|і|й|та|that|which|who|который|которая|которое|которые|котрий|котра|котре|"
    r"котрі|який|яка|яке|які)\s",
    _I,
)
# "I've got", "she has got": to have, in the present.
_HAVE_GOT = re.compile(r"(?:'ve|'s|\bhave|\bhas)\s+got\b", _I)


def _told_as_past(text: str, start: int, end: int) -> bool:
    """Whether the clause of text[start:end] tells what happened in the past: a known verb of
    it (`_HAPPENED`), or, in the part of it "and" does not part from the moment, any verb the
    dictionary reads in the past tense ("было", "заблокувало", "lost", "failed"), with
    nothing due in it."""
    clause = _clause_at(text, start, end)
    if _HAPPENED.search(clause):
        return True
    before = _AND.split(_CLAUSE_END.split(text[:start])[-1])[-1]
    after = _AND.split(_CLAUSE_END.split(text[end:])[0])[0]
    own = _HAVE_GOT.sub(" ", before + text[start:end] + after)
    if _DUE.search(own):
        return False
    for word in re.findall(r"[^\W\d_][\w'-]*", own):
        lowered = word.lower()
        if lowered.isascii():
            if lowered in _EN_IRREGULAR_PAST or english_past(lowered):
                return True
            continue
        if _read_as_verb(lowered, _PAST):
            return True
    return False


@lru_cache(maxsize=TEXTS_KEPT)
def extract(text: str) -> str:
    """The first phrase in `text` that says since when, as written; "" when none does."""
    return _read(text)[0]


@lru_cache(maxsize=TEXTS_KEPT)
def with_other(text: str) -> str:
    """What `extract` reads, with another start said in the same sentence when the two
    place it differently (an event and a day or a span): the more exact first, the other
    beside it ("после обновления … уже неделю" → "уже неделю (после обновления)")."""
    phrase, found = _read(text)
    rank = exactness(phrase) if phrase else 0
    at = text.find(phrase)
    # Both patterns match, if only the empty string, at any place.
    before = re.search(r"[^.!?;\n]*$", text[:at])
    after = re.match(r"[^.!?;\n]*", text[at:])
    sentence = (before.group() if before else "") + (after.group() if after else "")
    for other in found:
        if other in phrase or phrase in other:
            continue
        # an event alone ("После обновления Chrome.") and a time said as the start in another
        # sentence ("С 11:30.", "Почалось у четвер."): both place it
        if other not in sentence and not (rank == 1 and _said_as_start(text, other)):
            continue
        # a weekday is read alone only after its preposition ("у четвер"), which it left behind
        # … and a part of the day only after "началось" ("Началось около полуночи")
        other_rank = (
            exactness(other)
            or (2 if _BARE_WEEKDAY.match(fold(other)) else 0)
            or (_said_rank(other) if _said_as_start(text, other) else 0)
        )
        if {rank, other_rank} == {1, 2} or {rank, other_rank} == {1, 3}:
            return f"{phrase} ({other})" if rank > other_rank else f"{other} ({phrase})"
    return phrase


def _sentence_of(text: str, phrase: str) -> str:
    """The sentence of `text` that `phrase` stands in."""
    at = text.find(phrase)
    before = re.search(r"[^.!?;\n]*$", text[:at])
    after = re.match(r"[^.!?;\n]*", text[at:])
    return (before.group() if before else "") + (after.group() if after else "")


def _said_as_start(text: str, phrase: str) -> bool:
    """Whether `phrase` is said as the start: with "с", "since" … or after "началось"."""
    at = text.find(phrase)
    return bool(_STARTS.match(fold(phrase))) or bool(
        re.search(rf"{_BEGAN}\s+(?:\w+\s+)?$", fold(text[:at]), _I)
    )


# Who got what when: "we got a new PC last month", "мне выдали ноутбук на прошлой неделе".
_ACQUIRED = re.compile(
    r"(?<![\w'])(?:we|i|мы|я|ми|нам|мне|мені)\s+(?:\w+\s+)?(?:got|bought|received|were given|"
    r"was given|купил\w*|получил\w*|отримал\w*|придбал\w*|выдали|видали)(?![\w'])",
    _I,
)


def _acquired_then(text: str, phrase: str) -> bool:
    """Whether `phrase` dates an acquisition said in its clause ("we got a new PC last
    month") rather than the problem; a phrase said as the start never does."""
    if _said_as_start(text, phrase):
        return False
    at = text.find(phrase)
    clause = re.search(r"[^.!?;,\n]*$", text[:at])
    return bool(clause and _ACQUIRED.search(fold(clause.group())))


# "Вчера вечером всё было нормально, а сегодня с утра …": when it last worked, not the start
_STILL_FINE = re.compile(rf"^[\s,—–-]*(?:[\w'-]+\s+){{0,2}}?(?:{_WORKED})(?![\w'])", _I)


_EVERY = r"every|each|каждое|каждый|каждую|каждой|кожного|кожен|кожну|кожної|кожне"
_EVERY_BEFORE = re.compile(rf"(?<![\w'])(?:{_EVERY})\s+$", re.IGNORECASE)
# … a part of the day said bare after its weekday: "every Monday morning", "каждый понедельник
# утром" (never "каждое утро с понедельника", a start said with its preposition)
_EVERY_DAY_BEFORE = re.compile(rf"(?<![\w'])(?:{_EVERY})\s+(?:{_WEEKDAYS})\s+$", re.IGNORECASE)
_DAY_PART_ALONE = re.compile(rf"(?:{_DAY_PARTS}|утром|вранці|ввечері|вечером)", re.IGNORECASE)
# Short spans "for" an attempt ("for 15 minutes"), unless the trouble is said to last ("now").
_ATTEMPT_SPAN = re.compile(
    rf"for\s+(?:(?:about|around|almost|nearly|roughly)\s+)?(?:(?:{_COUNT})\s+)?"
    r"(?:minutes?|mins?|seconds?|secs?)$",
    re.IGNORECASE,
)
_LASTING_NOW = re.compile(r"\s+(?:now|already|straight)(?![\w'])", re.IGNORECASE)
# … or a state that has lasted, in the perfect: "I've been locked out of my account for ten
# minutes", "the hall has had no network for twenty minutes", "it's been down for 15 minutes"
# (not "I've been trying for ten minutes": how long an attempt took; nor "I've been told to
# wait for ten minutes", "I've been on hold for ten minutes": a wait one was told to or is
# in; nor "I've had this laptop for ten minutes": how long one has had a thing, not its
# trouble: only having none of something, or trouble, is a state that lasts).
_LASTING_STATE = re.compile(
    r"(?:\b(?:have|has|had)|'ve|'s|\b(?:ive|weve|its|theyve))\s+(?:(?:not|already|just)\s+)?"
    r"(?:been\s+(?!\w+ing\b|(?:told|asked|advised|instructed|promised|informed|on hold)\b)|"
    r"had\s+(?:no|nothing|problems?|issues?|trouble)\b)",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,.;!?\n]|\s(?:а|але|но|but)\s")


def _clause_at(text: str, start: int, end: int) -> str:
    """The clause of `text` around text[start:end]: between stops, commas and "а", "but"."""
    before = _CLAUSE_END.split(text[:start])[-1]
    after = _CLAUSE_END.split(text[end:])[0]
    return before + text[start:end] + after


# A step of the user's on the thing ("charged it", "left it on", "we let them run"), said
# right before "overnight" or "all night": no subject but the user's, a past verb, "it" or
# "them".
_NIGHT_LONG_STEP = re.compile(
    r"(?:^|[,.;:!?—–-]\s*|\b(?:i|we|i've|we've|and|then|also|already|just)\s+)"
    r"(?:[a-z]+ed|left|let|kept|put|had|ran|set)\s+(?:it|them)\s+(?:[a-z-]+\s+){0,2}$",
    _I,
)
_AHEAD_BEFORE = re.compile(
    r"(?<!\w)(?:tomorrow|завтра|післязавтра|послезавтра|next(?:\s+\w+)?|наступн\w+(?:\s+\w+)?|"
    r"следующ\w+(?:\s+\w+)?)\s+$",
    re.IGNORECASE,
)


# "Как поставили новый роутер, вайфай отваливается", "як оновили Windows, …": a sentence that
# opens with "как" / "як" and a perfective verb in the past is colloquial "since": the event
# that started it. The verb is read by its grammar (any verb); what tells how to do something
# ("как сказали", "як порадили") is no event.
_AS_CLAUSE = re.compile(
    r"(?:^|(?<=[.!?;:]))\s*(?P<said>(?:как|як)\s+(?:(?:нам|мне|мені|им|їм|"
    r"у нас|в нас)\s+)?(?P<verb>[^\W\d_][\w'-]*)(?:\s+[\w'-]+){0,3}?)(?=\s*[,—–-])",
    _I,
)
_TOLD = frozenset({
    "сказать", "сказати", "советовать", "посоветовать", "порадити", "радити", "написать",
    "написати", "попросить", "попросити", "объяснить", "пояснити", "показать", "показати",
    "велеть", "научить", "навчити", "учить",
})  # fmt: skip


def _as_clause(text: str) -> str:
    """The event a sentence opens with after "как" / "як" and a verb in the past ("Как
    поменяли коммутатор"), as typed; "" when none does."""
    for match in _AS_CLAUSE.finditer(fold(text)):
        verb = match.group("verb").lower()
        for lang in ("ru", "uk"):
            found = readings(verb, lang)
            if found and any("VERB" in t and "past" in t and "perf" in t for _, t in found):
                if found[0][0] in _TOLD:
                    break
                return text[match.start("said") : match.end("said")]
    return ""


_GREETING = re.compile(
    r"(?<![\w'])(?:good (?:mornin[g']?|afternoon|evening|night)|(?:and )?a good (?:morning|"
    r"afternoon|evening)|mornin[g']?(?= (?:all|everyone|team|folks)\b)|"
    r"добр\w+ (?:утр\w*|вечер\w*|ранк\w*|ранок|вечор\w*|вечір|ночи|ночі|дня|день))(?![\w'])",
    _I,
)


# The event a start is told by, in a clause of its own: "после того как я три раза ошибся
# паролем", "після того, як поставили нову точку доступу", "с тех пор как поставили новую
# программу для приёмки ореха". It runs to the end of its clause (a comma or a stop ends the
# match), or to where the main clause begins with none: a negation, a pronoun or another verb
# after the event's own ("после того как поменяли провайдера не открывается", "після того як
# він впав зі столу показує смуги"); "и", "і", "та" before a verb go on with the event ("підключила
# навушники і вийняла").
_EVENT_OPENER = re.compile(
    r"^(?:после того,? как|після того,? як|с тех(?: самых)? пор,? как|с того (?:времени|момента),? "
    r"как|відтоді,? як|з того (?:часу|моменту),? як|з тих пір,? як|відколи)\s",
    _I,
)
_GOES_ON = frozenset({"и", "і", "й", "та", "а", "или", "або", "чи"})
# … or the main clause's own subject, a pronoun: "после того как поменяли пароль я не могу
# войти", "с тех пор как поставили программу всё тормозит".
_MAIN_OPENS = frozenset(
    "не ні ни всё все усе я мы ми он она оно они він вона воно вони".split()  # noqa: SIM905
)
# Words an event does not end on: a preposition or a conjunction left before the cut.
_HANGING = frozenset(_HANGING_TEXT.split())


def _event_clause(phrase: str) -> str:
    """`phrase`, an event said after "после того как", "відколи" …, up to where its own
    clause ends."""
    opener = _EVENT_OPENER.match(fold(phrase))
    if not opener:
        return phrase
    words = list(re.finditer(r"[\w'-]+", phrase[opener.end() :]))
    end, seen_verb = len(words), False
    for n, word in enumerate(words):
        lowered = word.group().lower()
        if seen_verb and lowered in _MAIN_OPENS:
            end = n
            break
        if _finite_verb(lowered):
            if seen_verb and (n == 0 or words[n - 1].group().lower() not in _GOES_ON):
                end = n
                break
            seen_verb = True
    while end > 1 and words[end - 1].group().lower() in _HANGING:
        end -= 1
    return phrase[: opener.end() + words[end - 1].end()] if end else phrase


def _finite_verb(word: str) -> bool:
    """Whether `word` reads first as a verb in a tense (not an infinitive, an imperative nor a
    participle) in Russian or in Ukrainian."""
    return _read_as_verb(word, _TENSES)


_PAST = frozenset({"past"})
_TENSES = frozenset({"past", "pres", "futr"})


def _read_as_verb(word: str, tenses: frozenset[str]) -> bool:
    """Whether `word` reads first as a verb in one of `tenses` in Russian or in Ukrainian:
    each language's likeliest reading counts ("впав", "пропав", "погодив" are Russian gerunds
    and Ukrainian pasts)."""
    for lang in ("ru", "uk"):
        found = readings(word, lang)
        if found and "VERB" in found[0][1] and found[0][1] & tenses:
            return True
    return False


def _read(text: str) -> tuple[str, list[str]]:
    """The start `extract` gives, and every time phrase found in `text`."""
    # a greeting ("Good morning.", "Доброе утро!") says when the user writes, never since
    # when: its words are blanked, in place
    folded = _GREETING.sub(lambda said: " " * len(said.group()), fold(text))
    found: list[str] = []
    # … what happened at it is said in its clause ("в 10 утра все упало"; not "Вчера под вечер
    # перестал …, а в 7 утра тренировка": a time ahead); the first such moment is the one
    at = next(
        (m for m in _AT_CLOCK.finditer(folded) if _told_as_past(folded, m.start(), m.end())),
        None,
    )
    if at:
        found.append(text[at.start() : at.end()].strip())
    if as_clause := _as_clause(text):
        found.append(as_clause)
    for match in _since().finditer(folded):
        phrase = text[match.start() : match.end()].strip()
        # "на вихідних перестало": the weekend after "на" too (never "на понедельник", a day due)
        weekend = bool(_OUTBOX.fullmatch(match.group(0).strip()))
        if _BARE_WEEKDAY.match(match.group(0).strip()) and not re.search(
            rf"(?:\b(?:в|во|у|on|since|last{'|на' if weekend else ''})|в минул\w+|в прошл\w+|"
            rf"{_BEGAN})\s+$",
            folded[: match.start()],
            _I,
        ):
            continue
        if weekend and re.search(r"(?:^|\s)(?:в|во|у)\s+$", folded[: match.start()], _I):
            continue  # "листи висять у вихідних": the outbox, not the weekend
        found.append(_event_clause(phrase))
    # the order they were said in (a clock time said with what happened at it stays first)
    clock = found[:1] if at and found and found[0] == text[at.start() : at.end()].strip() else []
    found = clock + sorted(found[len(clock) :], key=text.find)
    # "every morning", "каждое утро", "кожного ранку", "every Monday morning": how often,
    # never since when
    found = [
        f
        for f in found
        if not _EVERY_BEFORE.search(before := folded[: max(folded.find(f), 0)])
        and not (_EVERY_DAY_BEFORE.search(before) and _DAY_PART_ALONE.fullmatch(fold(f)))
    ]
    # "I tried another cable for 15 minutes", "waited for ten minutes": how long an attempt
    # took, not how long the trouble has lasted
    found = [
        f
        for f in found
        if not _ATTEMPT_SPAN.match(fold(f))
        or _LASTING_NOW.match(folded[folded.find(f) + len(f) :])
        or _LASTING_STATE.search(_CLAUSE_END.split(folded[: max(folded.find(f), 0)])[-1])
    ]
    # the day something was bought or handed over is that thing's, not the problem's start:
    # "it's Windows 11, we got a new PC last month" (never "since we got …", "после того как
    # купили …": said as the start)
    found = [f for f in found if not _acquired_then(text, f)]
    # a part of a day ahead is when something is due, not the start: "the client's audit is
    # tomorrow morning", "завтра зранку аудит", "next Monday morning"
    found = [f for f in found if not _AHEAD_BEFORE.search(folded[: max(folded.find(f), 0)])]
    found = [f for f in found if f.lower() != "tonight"]  # "we play tonight": ahead, bare
    # "charged it overnight", "left it on overnight", "I let them run overnight": how long a
    # step of the user's lasted, not when the trouble began (never "someone unplugged it
    # overnight", "it crashed overnight")
    found = [
        f
        for f in found
        if not (
            fold(f).lower() in ("overnight", "all night")
            and _NIGHT_LONG_STEP.search(folded[: max(folded.find(f), 0)])
        )
    ]
    # the last time it worked is kept beside the start: "сегодня с утра (вчера вечером всё
    # было нормально)"
    fine = [f for f in found if _STILL_FINE.match(fold(text[text.find(f) + len(f) :]))]
    if fine and len(fine) < len(found):
        found = [f for f in found if f not in fine]
        last_fine = _STILL_FINE.match(fold(text[text.find(fine[0]) + len(fine[0]) :]))
        fine_said = fine[0] + text[text.find(fine[0]) + len(fine[0]) :][: last_fine.end()]  # type: ignore[union-attr]
    else:
        fine_said = ""
    # "вчора, а не працює з четверга": the phrase that names a start ("з", "since", or after
    # "It started", "Началось") wins: "IT renewed it last week. It started yesterday afternoon."
    started = [f for f in found if _STARTS.match(fold(f))]
    begun = [f for f in found if _said_as_start(text, f)]
    if not started and begun:  # … the times of the sentence that says it started
        sentence = _sentence_of(text, begun[0])
        started = [f for f in found if f in sentence]
    if not found:
        return "", []
    first = _with_preposition(
        text, _with_digits(_with_when(text, _with_neighbours(text, (started or found)[0], found)))
    )
    if fine_said:
        first = f"{first} ({fine_said.strip(' ,')})"
    return first, [_with_preposition(text, _with_digits(_with_when(text, f))) for f in found]


_DAY_FIRST = re.compile(rf"(?:{_WEEKDAYS})(?![\w'])", _I)
# A week said in the locative: "на этой неделе", "на прошлой неделе", "на минулому тижні".
_WEEK_FIRST = re.compile(r"\w+\s+(?:неделе|тижні)(?!\w)", _I)
# … and the verb that says it started then, in English: "who started on Monday" (a new
# colleague's first day, frozen39), "it started on Monday morning".
_DAY_PREPOSITION = re.compile(r"(?<![\w'])(?:(?:started|began)\s+)?(?:в|во|у|на|on)\s+$", _I)
_WEEK_PREPOSITION = re.compile(r"(?<![\w'])на\s+$", _I)


def _with_preposition(text: str, phrase: str) -> str:
    """A bare day or week with the preposition the user said it with: "на выходных", "в
    четверг", "on Friday", "на этой неделе" (the writers keep it: tune20, tune25)."""
    at = text.find(phrase)
    if at <= 0:
        return phrase
    folded = fold(phrase)
    if _DAY_FIRST.match(folded):
        before = _DAY_PREPOSITION.search(fold(text[:at]))
    elif _WEEK_FIRST.match(folded):
        before = _WEEK_PREPOSITION.search(fold(text[:at]))
    else:
        return phrase
    return text[before.start() : at + len(phrase)] if before else phrase


# A word that says a time roughly, before its preposition: "вчора десь о четвертій", "вчера
# где-то в 10 утра".
_ROUGHLY = r"(?:(?:десь|где-то|примерно|приблизно)\s+)?"
# The day, hour or week a start fell on, said right after it: "с обновления в понедельник",
# "сегодня в 10 утра", "после обновления на прошлой неделе", "since the update on Monday",
# "yesterday at 4pm", "since opening at 10". A clock, an hour, a weekday, a week or a date
# takes its preposition; a day word or a part of the day ("вчера", "утром", "in the
# morning") stands alone.
_ON_WHEN = re.compile(
    r"[ ,]{0,2}(?:"
    # … an hour with no unit, where the clause ends or the trouble follows: "since opening at
    # 10 none of our shops …", "сегодня около 11.", "this morning around 9"
    rf"(?:в|во|о|об|около|близько|at|around|about)\s+\d{{1,2}}{_HOUR_ENDS}|"
    # … said roughly: "вчора десь о четвертій", "вчера где-то в 10 утра"
    rf"{_ROUGHLY}"
    r"(?:в|во|у|на|о|об|около|близько|on|at|in|around|about)\s+(?:the\s+)?(?:"
    rf"{_CLOCK}|(?:(?:прошл\w+|минул\w+|позапрошл\w+|last|this|past)\s+)?(?!среде)(?:{_WEEKDAYS})|"
    r"(?:прошл\w+|минул\w+|позапрошл\w+|этой|этом|цьому|цей|цього|last|this|past)\s+"
    r"(?:недел\w+|тижн\w+|тиждень|месяц\w*|місяц\w*|week|month)|"
    rf"\d{{1,2}}(?:-?го|-?е|st|nd|rd|th)?\s+(?:{_MONTHS})|(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?|"
    r"\d{1,2}\.\d{1,2}(?:\.\d{2,4})?)|"
    r"вчера|вчора|учора|сегодня|сьогодні|yesterday|today|"
    r"утром|вечером|днем|ночью|вранці|зранку|ввечері|вдень|вночі|"
    r"in the (?:mornin[g']?|afternoon|evening)|last night)(?![\w'])",
    _I,
)
# The grammemes two words agree in: "від учорашньої пари", "с вчерашней планёрки".
_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})
_GENDERS = frozenset({"masc", "femn", "neut"})
_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w'-]*)")


def _with_when(text: str, phrase: str) -> str:
    """`phrase` with what it leaves unsaid right after it: the noun its last adjective
    agrees with ("від учорашньої" → "від учорашньої пари"), what its event was done to
    ("після заміни" → "після заміни картриджа"), and the day, hour or week the start fell
    on ("с обновления" → "с обновления в понедельник", "с утра" → "с утра пятницы",
    "since Tuesday" → "since Tuesday afternoon")."""
    start = text.find(phrase)
    if start < 0:
        return phrase
    end = start + len(phrase)
    folded = fold(text)
    while True:
        said = folded[start:end]
        last = re.findall(r"[\w'-]+", said)[-1].lower()
        after = _NEXT_WORD.match(folded, end)
        following = after.group(1).lower() if after else ""
        if after and (
            _agreeing_noun(last, following)
            or (_EVENT_NOUN.fullmatch(last) and _genitive_noun(following))
            or (last in _DAY_OF and _EVENT_NOUN.fullmatch(following))
            or (_DAY_PART_END.search(said) and _WEEKDAY_OF.fullmatch(following))
            or (_EN_DAY_END.search(said) and _EN_DAY_PART.fullmatch(following))
        ):
            end = after.end()
        elif (when := _ON_WHEN.match(folded, end)) and when.end() > end:
            end = when.end()
        else:
            return text[start:end].rstrip(" ,")


# What an event noun was done to follows it in the genitive: "после замены картриджа".
_EVENT_NOUN = re.compile(
    r"обновлени[яй]|оновлення|установки|встановлення|переустановки|перевстановлення|замены|"
    r"заміни|переезда|переїзду|перезагрузки|перезавантаження|чистки|чищення|заправки|"
    r"заправлення|ремонта|ремонту|настройки|налаштування|отключения|відключення",
    _I,
)
# "со дня установки", "від дня встановлення", "с момента замены": the day of an event.
_DAY_OF = frozenset({"дня", "момента", "моменту"})
# A part of the day takes its weekday in the genitive: "с утра пятницы", "з ранку понеділка".
_DAY_PART_END = re.compile(r"(?<![\w'])(?:утра|вечера|обеда|ночи|ранку|вечора|обіду|ночі)$", _I)
_WEEKDAY_OF = re.compile(
    r"понедельника|вторника|среды|четверга|пятницы|субботы|воскресенья|понеділка|вівторка|"
    r"середи|четверга|п'ятниці|суботи|неділі",
    _I,
)
# "since Tuesday afternoon", "since yesterday evening": the part of that day.
_EN_DAY_END = re.compile(r"(?:day|yesterday)$", _I)
_EN_DAY_PART = re.compile(r"mornin[g']?|afternoon|evening|night", _I)


def _genitive_noun(word: str) -> bool:
    """Whether `word` reads first as a noun and may be one in the genitive ("картриджа",
    "драйвера"); never a preposition ("в" is a volt's abbreviation too)."""
    found = readings(word, "ru") or readings(word, "uk")
    if not found or "NOUN" not in found[0][1]:
        return False
    return any("NOUN" in t and "gent" in t for _, t in found)


def _agreeing_noun(adjective: str, word: str) -> bool:
    """Whether `word` is a noun some reading of `adjective` agrees with in case and in gender
    (or both plural): the thing a "вчерашний", "учорашній", "последний" names."""
    if adjective.isascii() or word.isascii():
        return False
    # either language's dictionary may know the pair ("пари" is a Russian word too)
    adjectives = [t for _, t in (*readings(adjective, "ru"), *readings(adjective, "uk"))]
    nouns = [t for _, t in (*readings(word, "ru"), *readings(word, "uk"))]
    for a in adjectives:
        if "ADJF" not in a:
            continue
        for n in nouns:
            if "NOUN" not in n or not a & n & _CASES:
                continue
            if ("plur" in n and "plur" in a) or ("plur" not in n and a & n & _GENDERS):
                return True
    return False


# Between two time phrases of one start: a space or a comma, and a word that says it roughly
# ("вчора десь о четвертій", "yesterday around 4").
_NEIGHBOUR_GAP = re.compile(rf"[ ,]{{1,2}}{_ROUGHLY}", _I)


def _with_neighbours(text: str, phrase: str, found: list[str]) -> str:
    """The phrase with another time phrase right next to it: "on Monday after lunch"."""
    start = text.find(phrase)
    end = start + len(phrase)
    for other in found:
        at = text.find(other)
        if at < 0 or other == phrase:
            continue
        if _NEIGHBOUR_GAP.fullmatch(text[end:at] or "x"):
            end = at + len(other)
        elif _NEIGHBOUR_GAP.fullmatch(text[at + len(other) : start] or "x"):
            start = at
    return text[start:end] if start >= 0 else phrase


def _with_digits(phrase: str) -> str:
    """An hour said in words gets its clock time too: "с девяти утра (9:00)", "с половины
    девятого (8:30)", "since half past eight (8:30)"."""
    words = re.findall(r"[\w']+", fold(phrase).lower())
    if by := _BY_HOUR.search(fold(phrase)):
        hour = by.group("hour").lower()
        number = int(hour) if hour.isdigit() else HOUR_WORDS.get(hour, 0)
        if not 1 <= number <= 23:
            return phrase
        minutes = _BY_THE_HOUR[by.group("minutes").lower()]
        if by.group("way").lower() in ("to", "before"):
            number, minutes = (number - 2) % 12 + 1 if number <= 12 else number - 1, 60 - minutes
        return f"{phrase} ({number}:{minutes:02d})"
    if half := _HALF.search(fold(phrase)):
        ordinal, hour = half.group("ordinal"), half.group("hour")
        if ordinal:
            stem = next(
                s
                for s in sorted(ORDINAL_HOURS, key=len, reverse=True)
                if ordinal.lower().startswith(s)
            )
            return f"{phrase} ({(ORDINAL_HOURS[stem] - 2) % 12 + 1}:30)"
        number = int(hour) if hour.isdigit() else HOUR_WORDS.get(hour.lower(), 0)
        return f"{phrase} ({number}:30)" if number else phrase
    for before, word, after in zip(["", *words], words, [*words[1:], ""], strict=False):
        # "з того часу" is no hour, nor "ten minutes ago": a count of its unit
        counted = re.fullmatch(_UNITS, after, re.IGNORECASE) and after not in ("часу", "години")
        hour = HOUR_WORDS.get(word) if before != "того" and not counted else None
        if hour is None and before in ("в", "во", "о", "об") and _AT_CLOCK.search(phrase):
            hour = AT_HOUR_WORDS.get(word)  # "сьогодні о десятій"
        if hour is not None:
            if after in _MORNING_AFTER:
                hour %= 12
            elif after in _EVENING_AFTER:
                hour = hour % 12 + 12
            return f"{phrase} ({hour}:00)"
    return phrase


_HALF = re.compile(
    rf"(?:половины\s+|половини\s+|пол-?|пів\s+на\s+)(?P<ordinal>{_ORDINAL_HOUR})|"
    rf"half\s+(?:past\s+)?(?P<hour>\d{{1,2}}|{_HOUR_WORD})",
    _I,
)


# How exactly a "since" phrase places the start: a clock time or a date, a day or a span,
# only an event ("после обновления"), nothing the extractor reads ("давно").
_AT_TIME = re.compile(
    rf"(?<![\w'])(?:{_CLOCK}|\d{{1,2}}(?:-?го|-?е|st|nd|rd|th)?\s+(?:{_MONTHS})|"
    rf"(?:{_MONTHS})\s+\d{{1,2}}|\d{{1,2}}\.\d{{1,2}}(?:\.\d{{2,4}})?)(?![\w'])|\(\d{{1,2}}:[03]0\)",
    _I,
)
_DAY_OR_SPAN = re.compile(
    rf"(?<![\w'])(?:{_WEEKDAYS}|{_UNITS}|{_DAY_PARTS}|позавч\w+|вчера\w*|вчор\w+|учор\w+|"
    r"сегодня\w*|сьогодні\w*|зранку|yesterday|today|tonight|last night|полчаса|півгодини|"
    r"полдня|пів дня|только что|щойно|just now|числа)(?![\w'])",
    _I,
)


def _said_rank(phrase: str) -> int:
    """How exactly a phrase read in its place says when (as `exactness`, for a phrase only
    its place makes a start: "около полуночи" after "Началось")."""
    folded = fold(phrase)
    if _AT_TIME.search(folded):
        return 3
    return 2 if _DAY_OR_SPAN.search(folded) else 0


def exactness(phrase: str) -> int:
    """How exactly `phrase` says when it started: 3 a clock time or a date, 2 a day or a
    span, 1 only an event ("после обновления", "since the move"), 0 nothing readable."""
    said = extract(phrase)
    if not said:
        return 0
    folded = fold(said)
    if _AT_TIME.search(folded):
        return 3
    return 2 if _DAY_OR_SPAN.search(folded) else 1
