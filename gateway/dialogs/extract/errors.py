""" "error": error codes of every common shape and the messages users quote.

`0x80070005`, `код 0xc0000005`, `-43` after "error", `ERR_CONNECTION_RESET`,
`ошибка 651`, `error 1603`, `ZX-417`, `AADSTS50076`, `404 Not Found`, and «quoted text» or
what the screen "says: ...". Numbers that are versions, times, counts or models are not
codes.
"""

from __future__ import annotations

import re

from gateway.dialogs.extract import since
from gateway.dialogs.extract.case_blind import case_blind
from gateway.dialogs.extract.words import fold
from gateway.knowledge.morphology import readings
from gateway.knowledge.vocabulary import HTTP_REASONS
from gateway.models import TICKET_PREFIX
from gateway.triage.phrases import DOUBLE_QUOTED, SINGLE_QUOTED

_I = re.IGNORECASE

_HEX = re.compile(r"(?<![\w])0x[0-9a-f]{4,8}(?![\w])", _I)
_CONSTANT = re.compile(r"(?<![\w:])(?:NET::)?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\w])")
_DASHED = re.compile(r"(?<![\w-])[A-Z]{1,6}-\d{2,6}(?![\w-])")
_PREFIXED = re.compile(r"(?<![\w])[A-Z]{2,8}\d{4,}(?![\w])")
# The desk's own ticket ids ("HD-000123"): read as a dashed code, never an error.
_OUR_TICKET = re.compile(rf"{TICKET_PREFIX}[-#: ]?\d{{6,}}", _I)
# An exception's name, bare or with its namespace: "System.NullReferenceException",
# "java.lang.OutOfMemoryError", "FileNotFoundException" (what the program says when it dies).
EXCEPTION = re.compile(
    r"(?<![\w.])(?:[A-Za-z_]\w*\.)*[A-Z][A-Za-z0-9]+(?:Exception|Error|Fault)(?![\w])"
)
# A device's code with a hash ("ні, те саме #751", "shows #820"), not a numbered thing
# ("заявка #1234", "room #5", "касса #2").
_HASHED = re.compile(r"(?<![\w#])#\d{3,5}(?![\w])")
_NUMBERED_BEFORE = case_blind(
    r"(?<![\w])(?:заявк\w*|тикет\w*|ticket|case|request|order|заказ\w*|замовлен\w*|кабинет\w*|"
    r"кабінет\w*|room|каб\.?|касс\w*|кас[аиіу]|каса|окн\w*|вікн\w*|window|desk|station|"
    r"issue|номер\w*|number|no\.?)\s*$"
)
# A mail server's reply with its enhanced status: "550 5.7.1", "552 5.2.2", "554-5.7.1".
_SMTP = re.compile(
    r"(?<![\w.])[245]\d\d[ -][245]\.\d{1,3}\.\d{1,3}(?![\w]|\.\d)"
    r"(?-i:\s+[A-Z][A-Za-z']*(?:\s+[a-z][A-Za-z']*){1,6})?"  # "550 5.7.1 Relay access denied"
)
# A web server's reply: an HTTP status with its reason phrase ("503 Service Unavailable"),
# the reason said alone too ("shows Internal Server Error")
_HTTP = re.compile(rf"(?<![\w.:])[1-5]\d\d (?:{HTTP_REASONS})(?!\w)", _I)
_HTTP_REASON = re.compile(rf"(?<![\w.:])(?:[1-5]\d\d )?(?:{HTTP_REASONS})(?!\w)", _I)


def server_replies(text: str) -> list[range]:
    """Where `text` quotes a mail server's reply ("552 5.2.2 Mailbox full") or a web
    server's ("503 Service Unavailable"): its words are the server's, no program's names."""
    return [range(m.start(), m.end()) for r in (_SMTP, _HTTP_REASON) for m in r.finditer(text)]


# The codes read wherever they stand, in the order they are taken (a later one that holds an
# earlier one replaces it): one list for what a message says and for what denies an error.
# An HTTP status said short, the number kept: "HTTP 403", "HTTP error 500", "a 404 page"; a
# success or a redirect ("HTTP 200", "HTTP 302") is no error
# (the words around it are the user's: "page" still says a website is meant). A round 400 or
# 500 before "page" counts pages: "print a 400 page document".
_HTTP_SHORT = re.compile(
    r"(?<![\w.:])(?:HTTP(?:\s*(?:error|status|code))?\s*[:/]?\s*([45]\d\d)|"
    r"(?![45]00\s+page)([45]\d\d)\s+(?:page|status|response))(?![\w])",
    _I,
)
# A device's code with its short label, kept whole: "Err 07", "ERR-12" (the label makes it no
# model's name).
_LABELLED = re.compile(r"(?<![\w])(?-i:Err|ERR)\s?[-#]?\d{1,5}(?![\w.])")
# A Windows code written without its 0x: "fails with 8024a105", "вилітає C1900101", "падает с
# 80070643" (the families Windows Update, setup and the system give). With a letter it is read
# wherever it stands; in digits only after a verb of failing ("номер договора 80071234" is none).
_BARE_HRESULT = re.compile(
    r"(?<![\w.-])(?:800[4-7cf]|8019|8024|c19[0o]|c000|c004)[0-9a-f]{4}(?![\w.-])", _I
)
_FAILING_WITH = case_blind(
    r"(?<!\w)(?:fails?|failed|failing|stops?|stopped|ends?|ended|crash(?:es|ed)?)\s+with\s*$|"
    r"(?<!\w)(?:пада\w*|вылета\w*|вилітає|вилетіл\w*|вылетел\w*|завершается|завершу\w*|"
    r"слетает|злітає|обрывается|обривається)\s+(?:с|з|із|со)?\s*$"
)
_CODES = (_SMTP, _HEX, _CONSTANT, _DASHED, _PREFIXED, _HTTP, _LABELLED, EXCEPTION)
_ERROR_WORD = (
    r"(?:error|err|errors|ошибк\w*|ошибок|помилк\w*|код\w*|code|status|статус|стоп-код|"
    r"stop code|exit code|сбой|збій)"
)
# A code right after an error word: "ошибка 651", "error code: -43", "код ошибки #1603".
_AFTER_WORD = re.compile(
    rf"{_ERROR_WORD}(?:\s+(?:code|кодом|код|ошибки|помилки|ошибок|помилок|number|номер|no\.?))?"
    # "код ошибки — 651", "ошибка под номером 651", "код ошибки был 651", "error code is 1603"
    r"(?:\s+(?:под номером|під номером|was|is|был|была|было|був|була|було))?"
    r"\s*(?:[:#№=]|[—–-](?=\s))?\s*[«\"“(]?(-?(?:0x)?[A-Za-z]{0,6}[-_]?\d[\w.-]*|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)",
    _I,
)
_STATUS_WORD = re.compile(r"(?:status|статус)\b", _I)
_NOT_A_CODE_AFTER = re.compile(
    r"\s*(?:раз\w*|times?|рази|разів|мин\w*|хвилин\w*|minutes?|час\w*|годин\w*|hours?|"
    r"дн\w+|days?|человек\w*|людей|users?|people|%|мб|гб|mb|gb)\b",
    _I,
)
_SAYS = case_blind(
    r"(?<![\w])(?:(?:пишет|пише|выдает|выдаёт|видає|показывает|показує|says|shows(?! up)|displays|"
    r"throws|gives me|(?<!the )(?<!my )(?<!our )reports|"
    # … in the perfect, since a time: "the shared drive has said access denied since yesterday",
    # "the printer has shown Offline since lunch"
    r"(?:has|have|had)\s+(?:been\s+)?(?:shown|showing|displayed|displaying|said|saying)"
    r"(?!\s+(?:up|me|us|him|her|them|they|he|she|we|i|you)\b))"
    r"\s*(?::|,?\s*(?:что|що|that)(?![\w-]))?|"
    # a verb that tells what the screen says only with "что/що/that" or a colon: "каже що
    # сервер недоступний", "вибиває помилку, що немає ліцензії", "выводит сообщение, что
    # лицензия истекла", "complains that the licence has expired"
    r"(?:каже|кажуть|говорит|говорить|вибиває|выбивает|выводит|виводить|"
    r"complains|complaining|complained)(?:\s+(?:ошибку|помилку|сообщение|повідомлення|error|"
    r"message))?\s*(?::|,?\s*(?:что|що|that)(?![\w-]))|"
    r"(?:выскакивает|вискакує|появляется|з'являється|pops up|appears)\s*(?::|[—–-](?=\s))|"
    r"(?:error|ошибка|ошибку|помилка|помилку|сообщение|повідомлення|message)"
    r"\s*(?::|\s[—–-]\s)|"
    # a window or a message that shows up, and what it says: "появляется сообщение Не удалось
    # подключиться", "на экране надпись No bootable device", "a popup saying ..."
    r"(?:(?:появляется|выскакивает|всплывает|вылезает|вылазит|выходит|висит|выдает|выдаёт|"
    r"показывает|з'являється|вискакує|спливає|вилазить|вилізає|висить|видає|показує|на экране|"
    r"на екрані|get|got|see|there'?s|there is|with)\s+(?:\w+\s+)?(?:сообщение|окно|окошко|"
    r"надпись|табличк\w*|плашк\w*|повідомлення|вікно|віконце|напис|popup|pop-up|window|prompt|"
    r"dialog|banner|message)(?!\w)"
    r"(?:\s+(?:с текстом|з текстом|saying|that says)|,?\s*(?:что|що)(?!\w))?|saying|ругается на|"
    r"лается на|"
    # what the screen shows without a verb of saying: where it stands and a colon ("на экране:
    # Printer offline", "внизу написано: Отключено", "on the display: PAPER JAM"), a label
    # named ("на мониторе надпись нет сигнала", "табличка, что пароль истёк"), a program that "keeps
    # telling me the file is locked"
    r"(?:на|в|у|on|in)\s+(?:the\s+)?(?:экран\w*|екран\w*|диспле\w*|табло|монитор\w*|"
    r"монітор\w*|панел\w*|screen|display|panel|lcd|monitor|status bar|"
    # … or a place of the system's own windows: "в мікшері гучності:", "в диспетчере устройств:"
    r"микшер\w*|мікшер\w*|mixer|трее|треї|tray|настройк\w*|налаштуван\w*|settings|"
    r"диспетчер\w*|device manager|свойств\w*|властивост\w*|properties|уведомлени\w*|"
    r"сповіщен\w*|notifications?)"
    r"(?:\s+(?!(?:что|що)\b)[а-яіїєґ'-]+)?\s*:|"  # "на екрані принтера: Замініть картридж"
    r"(?:the\s+)?(?:error|message)\s+(?:is|was|says|reads)\s*:|"
    # a window or a status named with a colon: "вікно: Ліцензія недійсна", "status: Offline"
    r"(?:окн[оеау]|окошк\w*|вікн[оіа]|віконц\w*|статус|window|pop-?up|dialog|alert|status)\s*:|"
    r"(?:написано|пишется|висвічується|высвечивается|светится|світиться|it reads|reads)\s*"
    r"(?::|,?\s*(?:что|що|that)\b)|"
    r"(?:надпись|надпис|напис|табличк[аиу]|плашк[аиу])\s*(?::|,?\s*(?:что|що)\b)|"
    r"(?:на|в|у)\s+(?:монитор\w*|монітор\w*|диспле\w*|табло|панел\w*)\s+"
    r"(?:надпись|надпис|напис)|"
    r"(?:(?:keeps|kept|is|was)\s+)?(?:tells|telling)\s+(?:me|us)(?:\s+that)?|"
    r"свариться на|complains? about|complaining about|"
    # where the program writes it down: "у лозі Access violation", "in the event log: ..."
    r"(?:в|у|во|in(?: the)?)\s+(?:лог[аеиу]?|лоз[іи]|логах|журнал[еіу] (?:событий|подій)|"
    r"журналах|event ?logs?|logs?|event viewer)(?:\s+(?:пишет|пише|видно|says|shows))?)\s*:?)"
    r"\s*((?:[^.;!?\n]|\.(?=\w)){2,90})",
)
# A verb of giving or showing said with a negation: its object is what the device does not
# give out or show ("термінал не видає талони", "табло не показывает расписание").
_NEGATED = case_blind(r"(?<![\w])(?:не|ні|not|never|doesn't|don't|didn't|won't|can't)\s+$")
# What follows "says" but is not a message: "what is wrong", "2 раза в день".
_NOT_SAID = re.compile(
    # a verb of showing said of a thing that appears, then what it does: "the splash shows and
    # it closes", "the logo shows and then it closes"
    r"(?:and|but|then|и|і|й|а|но|але|та)\s|"
    # … or of a thing shown as it should be: "the external monitor shows the desktop fine"
    r"(?:the|a|an|my|its|everything|all|все|всё|усе)\s[^,;.!?]*\s(?:fine|ok|okay|normally|"
    r"correctly|properly|нормально|правильно|как надо|як слід|як треба)$|"
    r"(?:что|що|как|як|what|how|why|when|where|who|nothing|ничего|нічого|about|про|об?|"
    r"пусто|порожньо|чисто|empty|clean|"
    # "still says the same", "пишет то же самое": what was said before, said again
    r"(?:the )?same|то же|тоже самое|те саме|те ж|одно и то же|одне й те ж\w*|"
    r"\d+\s*(?:раз|рази|times)|(?:by|until|till|before|до|к|по)\s+\d{1,2}(?:[:.]\d{2})?)\b"
    r"|(?:an?|some|какую-то|якусь|some kind of|an? (?:weird|strange|unknown))\s+(?:error|"
    r"ошибк\w*|помилк\w*|message|warning)\s+(?:when|whenever|if|on|every|при|коли|когда|каждый|"
    r"кожного|щоразу|as soon)\b"
    r"|(?:(?:с|з|with an?|with|an?|the|some|some kind of|this|that|an? (?:weird|strange|unknown)|"
    r"какую-то|якусь|странную|дивну)\s+)?(?:мне|мені|me|нам|us|ошибк\w*|помилк\w*|errors?|"
    r"messages?|warnings?)\W*$",
    _I,
)
# "пишет" of a device that writes somewhere: "пишет в папку", "пише файли на диск", "writes
# to the share": a place it saves to follows, not a message.
_WRITES_TO = re.compile(
    r"(?:[\w'-]+\s+){0,2}?(?:в|у|во|на|до|into|to)\s+(?:(?:the|a|my|our|сетев\w*|мереж\w*|"
    r"общ\w*|спільн\w*|shared|network)\s+)?(?:папк|папц|теку|теці|файл|диск|облак|хмар|"
    r"folder|file|disk|drive|cloud|share)\w*",
    _I,
)
# Written there, capitalised as the screen has it, without a colon: "в углу написано Нет
# подключения", "the message is Your account has been locked".
_WRITTEN_CAPITAL = re.compile(
    r"(?i:(?<!\w)(?:написано|написан[аи]?|надпись|надпис|напис|"
    r"the (?:error|message)(?: on (?:the )?screen)? (?:is|was|reads|says)|"
    # "it fails with Access is denied", "Outlook returns Cannot start Microsoft Outlook"
    r"(?:fails|failed|crashes|crashed|stops|stopped|dies|died) with|returns|returned|"
    r"comes back with|came back with))\s+(?!HTTP\s*[123]\d\d)"  # a success is no error
    r"((?-i:[A-ZА-ЯІЇЄҐ])[^.;!?\n]{1,90})"
)
# Paper, a label, a sticker or a box right before "написано": what is printed or stuck there,
# not what a screen says ("на этикетках написано Срочно", "на наліпці на корпусі написано Не
# вимикати", "на коробці написано: Зберігати в сухому місці"); "на экране написано" still is.
_ON_PAPER_BEFORE = case_blind(
    r"(?<!\w)(?:на|в|у|во|on|in)\s+(?:the\s+|a\s+|each\s+|every\s+|all\s+)?(?:[\w'-]+\s+)?"
    r"(?:этикетк\w*|етикетк\w*|етикетц\w*|лист[еіуа]|листах|листку|листке|листочк\w*|"
    r"бумаг\w*|папер\w*|папір|распечатк\w*|роздруків\w*|конверт\w*|коробк\w*|коробц\w*|"
    r"упаковк\w*|упаковц\w*|наклейк\w*|наклейц\w*|наліпц\w*|наліпк\w*|стикер\w*|бирк\w*|"
    r"бірц\w*|бірк\w*|бланк\w*|квитанц\w*|двер\w*|стен[еі]|стіні|labels?|stickers?|paper|"
    r"sheets?|printouts?|envelopes?|boxe?s?|packag\w*|tags?|doors?|walls?)"
    r"(?:\s+(?!(?:на|в|у|on|in)\s)[\w'-]+){0,2}"
    r"(?:\s+(?:на|в|у|on|in|of)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?)?\s*$"
)
# A verb of showing or saying right before a quote: the quote is what the screen shows, also
# inside a clause read as an attempt ("removed the saved credentials and it still pops up
# "Need password"", "restarted it twice and it keeps showing "Printer offline"").
_SHOWN_BEFORE = case_blind(
    r"(?<!\w)(?:pops? up(?: with)?|popped up(?: with)?|shows|showing|showed|displays|displaying|"
    r"says|saying|reads|comes up with|came up with|throws|пишет|пише|выда[её]т|видає|"
    r"показывает|показує|"
    # every verb of a window appearing: "Сама пробувала поставити — вилазить «Для продовження
    # введіть пароль адміністратора»", "переустанавливала, вылазит «…»"
    r"выскакивает|выскочил\w*|вискакує|вискочил\w*|вискочив|появляется|появил\w*|з'являється|"
    r"з'явил\w*|з'явився|висит|висить|вылазит|вылезает|вылез\w*|вилазить|вилізає|виліз\w*|"
    r"всплывает|всплыл\w*|спливає|виплив\w*|выходит|виходить|выдало|видало|выдал[аи]?|"
    r"видав|видала)\s*[:—–-]?\s*$"
)
# What a device's display shows, without a colon: a short code after a verb of lighting or
# showing or a display named ("на табло горит E3", "на дисплеї F05", "shows E4"), words in
# capitals after a screen named ("на экране NO SIGNAL", "on the display PAPER JAM"). Letters
# may be Cyrillic look-alikes ("Е3").
_COLOUR = (
    r"(?:красн|червон|зел[её]н|жовт|ж[её]лт|оранжев|помаранчев|син|голуб|блакитн|бел|біл)"
    r"(?:ым|им|ою|ой|ій|ом|ем)|red|green|amber|yellow|orange|blue|white"
)
_DISPLAY = r"(?:экран\w*|екран\w*|диспле\w*|табло|панел\w*|screen|display|panel|lcd)"
_DISPLAY_CODE = re.compile(
    r"(?i:(?<!\w)(?:горит|горить|светится|світиться|мигает|блимає|показывает|показує|shows|"
    r"displays|flashes|flashing|"
    rf"(?:на|в|у|on|in)\s+(?:the\s+)?{_DISPLAY}(?:\s+[а-яіїєґ']+){{0,2}}))"
    # the colour it is shown in, before the code: "показывает красным E05", "блимає червоним
    # Е-12", "flashes red E4"
    rf"(?:\s+(?i:{_COLOUR}))?"
    r"\s+(?i:(?:код\w*|code|ошибк\w*|помилк\w*|error)\s+)?"
    r"((?-i:[A-ZА-ЯІЄ]{1,2})-?\d{1,3})(?![\w-]|[.,:]\d|\s?%)"
)
# The words a monitor or a hung window shows, in its own title case, unquoted: "shows HDMI 2
# No Signal", "goes Not Responding every time I print" (lower case, "no signal" is what the
# user sees, said in their words).
_TITLED_STATE = re.compile(
    r"(?<![\w'])(?:(?:HDMI|DP|DVI|VGA|DisplayPort|USB-C)[ -]?\d?\s+)?"
    r"(?:No Signal(?: Detected)?|No Input|Not Responding|Check Signal Cable|Out of Range)(?![\w'])"
)
# A state the screen names in its own fixed words, said bare, with no verb of showing: "а
# принтер для накладних з ранку офлайн", "принтер в автономном режиме", "can't get into the
# shared folder with the test records, access denied" (frozen30, tune26 asked for the error).
# English "offline" is the user's own word ("the printer is offline"): what the screen says is
# still asked; "офлайн" typed in Cyrillic is the label Windows and the printer show.
_BARE_STATE = case_blind(
    r"(?<![\w-])(?<!не )(?<!ні )(?:оф+лайн[еі]?|автономн(?:о|ая работа|а робота|ом режиме|"
    r"ому режимі)|(?:access is|access|permission) denied|отказано в доступе|в доступе отказано|"
    r"доступ запрещ[её]н|доступ заборонено|відмовлено в доступі|в доступі відмовлено)(?![\w-])"
)
# "работаю офлайн", "можна працювати автономно": a way of working, not a state shown
_WORKING_OFFLINE = case_blind(
    r"(?<!\w)(?:работа\w*|працю\w*|працюва\w*|work\w*|режим\w*\s+работы)\s+(?:\w+\s+)?$"
)
_DISPLAY_CAPITALS = re.compile(
    rf"(?i:(?<!\w)(?:на|в|у|on|in)\s+(?:the\s+)?{_DISPLAY}(?:\s+[а-яіїєґ']+)?)"
    r"\s+((?-i:[A-Z]{2,}(?:\s+[A-Z0-9]{2,})+|[A-Z]{5,}))(?![\w])"
)
_PERSON_BEFORE = re.compile(
    r"(?:коллег\w*|колег\w*|начальни\w*|бухгалтер\w*|директор\w*|(?<![\w-])клиент\w*(?!-)|(?<![\w-])клієнт\w*(?!-)|"
    r"\bон\b|\bона\b|\bвін\b|\bвона\b|\bhe\b|\bshe\b|colleague|boss|manager|customer|"
    r"керівни\w*|руководител\w*|менеджер\w*|шеф\w*|\bмы\b|\bми\b|\bони\b|\bвони\b|"
    r"\bthey\b|\bwe\b|\bmy\b \w+ )\W*(?:\w+\W+)?$",
    _I,
)
_MAX_SAID_WORDS = 10
_MAX_COLON_WORDS = 16
# A quote right after these names a business or a place: готель «Дніпро», ООО "Ромашка".
_ORGANISATION_BEFORE = re.compile(
    r"(?<![\w])(?:готел\w*|гостиниц\w*|hotel|магазин\w*|shop|store|тц|трц|компани\w*|компані\w*|"
    r"company|ооо|тов|фоп|чп|ип|кафе|ресторан\w*|restaurant|аптек\w*|pharmacy|клиник\w*|"
    r"клінік\w*|clinic|салон\w*|(?<!по )центр\w*|банк\w*|bank|школ\w*|school|филиал\w*|філі\w*|"
    r"branch|отделени\w*|відділенн\w*|жк|бц|office|офис\w*|офіс\w*|склад\w*|warehouse)\s+$",
    re.IGNORECASE,
)
# What the machine shows instead of words: a blue screen, a warning light, beeps.
_SIGNAL = case_blind(
    r"(?<![\w])(?:(?:син\w+|синь\w+|blue)\s+(?:экран\w*|екран\w*|screen)(?: of death)?|bsod|"
    r"(?:мига\w*|морга\w*|блима\w*|миготить|миготять|мигтить|горит|горять|горит\w*|світиться|"
    r"blink\w*|flash\w*|(?:is |are )?(?:lit|on))\s+(?:\w+\s+)?(?:красн\w*|оранжев\w*|ж[её]лт\w*|"
    r"червон\w*|помаранчев\w*|жовт\w*|red|orange|amber|yellow)\w*(?:\s+(?:лампочк\w*|индикатор\w*|"
    r"светодиод\w*|огон\w*|лампочк\w*|індикатор\w*|світлодіод\w*|вогник\w*|light|led))?|"
    r"(?:красн\w*|оранжев\w*|ж[её]лт\w*|червон\w*|помаранчев\w*|жовт\w*|red|orange|amber)"
    r"\s+(?:лампочк\w*|индикатор\w*|светодиод\w*|огон[её]к|огоньк\w*|індикатор\w*|вогник\w*|"
    r"light|led)\s+(?:is |are |keeps )?(?:мига\w*|горит|блима\w*|миготить|світиться|blink\w*|"
    r"flash\w*|on)|"
    r"(?:пищит|пищал\w*|пищить|пікає|пищить|beeps?|beeping)\s+(?:\w+\s+)?(?:раз\w*|рази|разів|"
    r"times)|"
    # beeps counted by a word or as a code: "пікає тричі", "пищит дважды", "три коротких
    # сигнала", "one long and two short beeps"
    r"(?:пищит|пищал\w*|пищить|пікає|пікав|beeps?|beeping)\s+(?:тричі|двічі|дважды|трижды|"
    r"twice|three times)|"
    r"(?:один|одна|два|две|три|чотири|четыре|\d|one|two|three|four)\s+(?:коротк\w*|длинн\w*|"
    r"довг\w*|short|long)\s+(?:сигнал\w*|гудк\w*|писк\w*|beeps?)|"
    r"(?:миготить|мигтить|блимає|мигает|моргает)\s+(?:\w+\s+)?(?:лампочк\w*|индикатор\w*|"
    r"індикатор\w*|вогник\w*|огон\w*)\s+(?:\w+\s+)?(?:красн\w*|оранжев\w*|ж[её]лт\w*|червон\w*|"
    r"помаранчев\w*|жовт\w*))",
)
# What a gauge shows: a load ("диск 100%", "disk at 100%", "CPU на 100 %") or the space left
# ("0 bytes free", "49,5 ГБ из 50", "осталось 200 МБ"): the reading the user copies off the
# screen, as a message would be.
_READING = case_blind(
    r"(?<![\w])(?:(?:диск\w*|disk|cpu|цп|процессор\w*|процесор\w*|проц|память|пам'ять|memory|"
    r"ram|озу)\s+(?:is\s+)?(?:at\s+|на\s+|—\s*|-\s*|:\s*)?(?:9\d|100)\s?%|"
    r"\d+(?:[.,]\d+)?\s?(?:bytes?|байт\w*|kb|mb|gb|кб|мб|гб)\s+(?:free|left|available|свободн\w*|"
    r"вільн\w*|из|з|із|of)(?:\s+\d+(?:[.,]\d+)?\s?(?:kb|mb|gb|tb|кб|мб|гб|тб)?)?|"
    r"(?:осталось|залишилось|лишилось|only)\s+\d+(?:[.,]\d+)?\s?(?:bytes?|байт\w*|kb|mb|gb|кб|"
    r"мб|гб))(?![\w-])",
)
# The space left said as an amount ("1.2 GB free", "осталось 800 МБ свободно", "only 900 MB
# free on C:") is a measure the user took, not what the screen says: only none left ("0 bytes
# free"), or an amount after a verb of showing ("C: shows 2 GB free", "пишет осталось 200 МБ"),
# is read as the message.
_SPACE_LEFT = case_blind(
    r"(?<![\w.,])(?P<amount>\d+(?:[.,]\d+)?)\s?(?:bytes?|байт\w*|kb|mb|gb|кб|мб|гб)\s+(?:free|"
    r"left|available|свободн\w*|вільн\w*)|(?:осталось|залишилось|лишилось|only)\s+"
    r"(?P<left>\d+(?:[.,]\d+)?)"
)
_SHOWN_IN_CLAUSE = case_blind(
    r"(?<!\w)(?:shows|showing|says|saying|reads|displays|пишет|пише|показывает|показує|"
    r"выда[её]т|видає)(?!\w)[^.;!?\n]*$"
)


def _left_as_shown(found: re.Match[str], text: str) -> bool:
    """Whether a gauge's reading is what the screen shows: a load or a share used always;
    the space left only when none is left or a verb of showing puts it on the screen."""
    left = _SPACE_LEFT.match(found.group(0))
    if not left:
        return True
    amount = float((left.group("amount") or left.group("left")).replace(",", "."))
    return amount == 0 or bool(_SHOWN_IN_CLAUSE.search(text[: found.start()]))


# A mark on an icon: "жёлтый треугольник", "червоний хрестик", "a red X", "жовтий знак
# оклику", "yellow exclamation mark", "значок с крестиком": what the tray or the device
# manager shows instead of words.
_MARK = case_blind(
    r"(?<![\w])(?:(?:ж[её]лт\w*|желт\w*|жовт\w*|червон\w*|красн\w*|yellow|red|orange|amber)\s+"
    r"(?:треугольник\w*|трикутник\w*|крестик\w*|хрестик\w*|восклицательн\w*\s+знак\w*|"
    r"знак\w*\s+оклику|exclamation(?:\s+(?:mark|point|sign))?|triangle|cross|x)|"
    r"(?:значок|значке|значку|иконк\w*|іконк\w*|icon)\s+(?:\w+\s+)?(?:с|з|із|with(?:\s+an?)?)\s+"
    r"(?:\w+\s+)?(?:крестик\w*|хрестик\w*|треугольник\w*|трикутник\w*|восклицательн\w*\s+знак\w*|"
    r"знак\w*\s+оклику|x|cross|exclamation(?:\s+mark)?|triangle))(?![\w])",
)
_PRESSED = case_blind(
    r"(?:нажа\w*|нажим\w*|жм\w*|кликн\w*|клика\w*|клацн\w*|клаца\w*|натисн\w*|натиска\w*|"
    r"тисн\w*|pressed|press|clicked|click|hit|tapped|tap)\s+(?:на\s+|on\s+)?(?:the\s+|a\s+)?$"
)
# … but what a letter or a link asks for is the bait, not a screen: "лист нібито від банку,
# просить ввести логін", "an email pretending to be from our bank asks for my password"
_BAIT_BEFORE = case_blind(
    r"(?<![\w])(?:лист\w*|письм\w*|e-?mails?|mails?|messages?|сообщени\w*|повідомлен\w*|"
    r"ссылк\w*|посилан\w*|links?|sms|смс)(?![\w])[^.;!?\n]*$"
)
# "ошибка Connection refused": an English message after a Cyrillic error word (a log's line,
# "у лозі Access violation", is read with what the screen says).
# Not a system's name: "ошибка Windows 10 после обновления" names the system, not a message.
_LATIN_AFTER_WORD = re.compile(
    r"(?<![\w])(?i:ошибк\w*|помилк\w*)\s+"
    r"(?!(?i:windows|macos|mac os|linux|android|ios|ipados|ubuntu|chrome ?os)\b)"
    r"([A-Z][A-Za-z' ]{3,60}[a-z])"
)
# … and in Cyrillic, capitalised, when it says what failed: "помилка Немає доступу до мережі",
# "ошибка Неверное имя пользователя" (not "ошибка Бухгалтерии", whose error it is).
# A status named without a colon, capitalised: what the queue or the device shows ("with
# status Error - Printing", "со статусом Ошибка - Печать"; not "статус заявки", "the status of
# my ticket").
_STATUS_NAMED = re.compile(
    r"(?<![\w])(?i:status|статус(?:ом|і|у|е)?)\s+((?-i:[A-ZА-ЯІЇЄҐ])[^.;!?,\n]{1,60})"
)
_CYRILLIC_AFTER_WORD = re.compile(
    r"(?<![\w])(?i:ошибк\w*|помилк\w*)\s+((?-i:[А-ЯІЇЄҐ])[\w'-]*(?:\s+[\w'-]+){1,8})"
)
_FAILED = re.compile(
    r"(?<!\w)(?:не|нет|немає|нема|неверн\w*|невірн\w*|недійсн\w*|недействительн\w*|"
    r"недоступн\w*|отказано|відмовлено|запрещ\w*|заборон\w*)(?!\w)",
    re.IGNORECASE,
)
# "ошибка подключения", "помилка друку": the error named by its genitive noun.
_NAMED_ERROR = re.compile(
    r"(?<![\w])(?:ошибк[аиуеой]|помилк[аиуеоюі]|сбой|збій)\s+([а-яіїєґ']+)", _I
)
# … or by a noun after "с / з": "ошибка с сертификатом", "помилка з підключенням" (as
# "ошибка сертификата"; "ошибка с утра" says when).
_ERROR_WITH = re.compile(
    r"(?<![\w])(?:ошибк[аиуеой]|помилк[аиуеоюі]|сбой|збій)\s+(?:с|со|з|із)\s+([а-яіїєґ']+)", _I
)
# What the user gets, said without a verb of saying, when it says what failed: "I get access
# denied", "we keep getting connection refused", "I got invalid password", "no, still access
# denied" (not "I got a new laptop", nor being locked out or "still no internet", the problem
# itself).
_GETTING = case_blind(
    r"(?<!\w)(?:get|gets|got|getting|still)\s+(?!an?\s|the\s|some\s|it\s|this\s|that\s)"
    r"((?:[\w'-]+\s+){0,2}?(?:denied|refused|forbidden|invalid|expired|unavailable|incorrect|"
    r"(?<!still )failed|timed out|not found|not responding|unreachable)"
    r"(?:\s+(?!(?:when|whenever|every|each|if|on|in|at|while|after|since|and|but|from|for|"
    r"of|to)\b)[\w'-]+){0,3})(?![\w])"
)
_EN_NAMED_ERROR = re.compile(
    r"(?<![\w])((?:connection|certificate|activation|login|sign-?in|network|print(?:ing)?|server|"
    r"authentication|licen[cs]e|update|disk|memory|script|runtime|permission|sync|dns|ssl|tls|"
    r"proxy|credentials?|profile|driver|smtp|imap|vpn)\s+(?:error|failure|failed))",
    _I,
)
# "No error shows" answers the question too, in either word order: a noun of what the screen
# says with a determiner that denies it ("помилок ніяких", "ніяких помилок", "жодного
# повідомлення", "Сообщений никаких"), or "errors: none". Messages that do not arrive are
# the problem, not a silent screen (`_ARRIVING`).
_SAID_NOUN = (
    r"(?:ошиб\w*|помил\w*|сообщени\w*|повідомлен\w*|предупреждени\w*|попереджен\w*|"
    r"уведомлени\w*|сповіщен\w*|кодов|кодів)"
)
_DENYING = r"(?:никак\w+|ніяк\w+|жодн\w+|жоден)"
# … where the screen is named between the noun and its denial: "ошибок на экране нет",
# "помилок на екрані немає", "ошибок на экране никаких" (tune26, frozen19, frozen36, probe25k)
_ON_DISPLAY = rf"(?:на|в|у)\s+{_DISPLAY}\s+"
_NO_ERROR = case_blind(
    rf"(?<!\w){_SAID_NOUN}\s+(?:{_ON_DISPLAY})?{_DENYING}(?!\w)|"
    rf"(?<!\w){_DENYING}\s+(?:[\w']+\s+)?{_SAID_NOUN}|"
    r"\b(?:errors?|error messages?|messages?|codes?)(?:\s+(?:is|was))?\s*[:=-]\s*"
    r"(?:none|nothing|no|n/a)\b|"
    r"(?:ошибок|ошибки|ошибку|сообщений об ошибке|кодов|помилок|помилки|помилку|повідомлень)\s+"
    rf"(?:{_ON_DISPLAY})?(?:никаких\s+|ніяких\s+|жодних\s+)?"
    r"(?:нет|никаких|не(?:має|ма)|не (?:выда\w*|пиш\w*|показ\w*|вида\w*|пише))|"
    r"ошибки нет|помилки немає|ошибк\w+ никак\w+ нет|"
    r"никаких ошибок|никакой ошибки|жодних помилок|жодної помилки|без (?:ошибок|помилок)|"
    r"ничего не (?:пишет|выдает|показывает)|нічого не (?:пише|видає|показує)|"
    r"\bno (?:error|code)(?: message| code)?s?\b|there(?:'s| is) no error|"
    r"(?:doesn'?t|does not|didn'?t) (?:show|give|display) (?:any |an )?(?:error|message)s?|"
    r"no message(?:s? at all|(?!s))|nothing on (?:the )?screen|"
    r"(?:нет|нету|нема|немає)\s+(?:(?:никакой|никаких|ніякої|ніяких|жодної|жодних)\s+)?"
    r"(?:ошиб\w*|помил\w*)|(?:doesn'?t|does not|didn'?t) say anything|says nothing|"
    r"без (?:\w+ )?(?:ошиб\w*|помилк\w*|сообщени\w*|повідомлен\w*)|"
    # whole words: "колонки молчат", "телефони мовчать" say the sound is gone, not the screen
    r"(?<!\w)(?:молча|мовчки|silently)(?!\w)|"
    r"without (?:an?|any) (?:error|message|warning)(?: message)?|"
    # nothing pops up: "nothing pops up", "no pop-up or anything", "нічого не вискакує",
    # "никаких окон не появляется"; a bare "nothing" that does not show up is the missing
    # thing itself ("beeps but nothing shows up"), unless it is the screen's ("nothing shows
    # up on the screen"); nor a place other than the screen (`_denied`)
    r"(?:nothing|no (?:pop-?ups?|windows?|warnings?|messages?|errors?|dialogs?))\s+"
    r"(?:or anything\s+)?(?:pops? up|popped up|comes? up|came up|appears?|appeared|"
    r"is shown|was shown)|"
    r"(?:no (?:pop-?ups?|windows?|warnings?|messages?|errors?|dialogs?)\s+(?:or anything\s+)?"
    r"(?:shows? up|showed up)|nothing\s+(?:shows? up|showed up)\s+on\s+(?:the\s+)?"
    r"(?:screen|display))|no pop-?ups?(?: or anything| at all)?|"
    r"(?:ничего|никак\w* (?:окон|окна|окошек|табличек|надписей|сообщени\w*|ошибок))\s+не\s+"
    r"(?:выскакива\w*|выскочил\w*|появля\w*|появил\w*|всплыва\w*|всплыл\w*|вылеза\w*|"
    r"вылазит|вылез\w*|высвечива\w*|показыва\w*)|"
    r"(?:нічого|ніяк\w* (?:вікон|вікна|віконець|табличок|написів|повідомлен\w*|помилок))\s+не\s+"
    r"(?:вискаку\w*|вискочил\w*|з'являє\w*|з'явил\w*|сплива\w*|виплив\w*|вилаз\w*|"
    r"вилізає|висвічу\w*|показу\w*)",
)


# What the screen says, told only as what it is about: "there's some message about the
# certificate", "the app says something about the printhead", "ругается что-то про сертификат",
# "выскакивает какая-то ошибка про обновление", "пише щось про драйвер" (the operator reads
# what it was about; a question, a letter or a talk about a thing is none).
_SHOWING = (
    r"(?:пишет|пише|ругается|ругалась|свариться|сварится|лается|выда[её]т|видає|показывает|"
    r"показує|говорит|каже|выскакивает|вискакує|вылазит|вылезает|вилазить|вилізає|"
    r"появляется|з'являється|всплывает|спливає|висит|висить|says|saying|shows|showing|"
    r"displays|gives|gave|throws|complains|complaining|pops up with|comes up with)"
)
_SCREEN_NOUN = (
    r"(?:ошибк\w*|ошибок|помилк\w*|сообщени\w*|повідомлен\w*|предупреждени\w*|попереджен\w*|"
    r"окн[оа]|окошк\w*|вікн[оа]|віконц\w*|табличк\w*|error|message|warning|pop-?up|alert|"
    r"notification|window|dialog|prompt)"
)
_I_BEFORE = case_blind(r"(?<!\w)(?:i|я|we|ми|мы)\s+$")
_ABOUT = case_blind(
    rf"(?<![\w-])(?:{_SHOWING}\s+(?:me\s+)?(?P<what>(?:что-то|что-нибудь|чтото|щось|що-небудь|"
    rf"something)\s|(?:(?:[\w-]+\s+)?{_SCREEN_NOUN}\s))|"
    rf"(?P<noted>(?:(?:the|this|that)\s+(?:error|message|warning|pop-?up)\s+(?:is|was)|"
    rf"(?:как\w*-то|як\w*сь|some(?:\s+kind\s+of)?|an?\s+(?:weird|strange|odd))"
    rf"\s+{_SCREEN_NOUN}|an?\s+(?:error|warning|pop-?up|alert))\s))"
    r"(?:message\s+)?(?:про|насч[её]т|щодо|по поводу|об?|about)\s+"
    r"(?P<subject>(?:the\s+|a\s+|my\s+|our\s+)?[\w'-]+(?:\s+(?!(?:and|but|when|if|every|"
    r"pops?|appears?|comes?|и|і|та|а|но|але|когда|коли|при|после|після)\b)[\w'-]+){0,4})"
)


# A progress that stopped at a figure is what the screen shows: "висит на 45%", "застряло на
# 30 процентах", "зависло на 87%", "stuck at 99%", "hangs at 45%" (not "заряжается до 80%").
_STUCK_AT = case_blind(
    r"(?<![\w])(?:висит|висить|висел\w*|висів|завис\w*|зависа\w*|застрял\w*|застряг\w*|"
    r"застрягл\w*|останавлива\w*|остановил\w*|зупиня\w*|зупинил\w*|стоит|стоїть|крутится|"
    r"крутиться|stuck|hangs?|hanging|hung|frozen|freezes|froze|stops|stopped|sits|sitting|"
    r"stalls?|stalled)\s+(?:\w+\s+)?(?:на|at|on)\s+(?:\d{1,3}(?:[.,]\d)?\s?(?:%|процент\w*|"
    r"відсот\w*|percent))"
)


def extract(text: str, exclude: list[str] | None = None, attempts: list[str] | None = None) -> str:
    """Every code and quoted message in `text`, joined with "; ".

    `exclude` holds product names found in the same text: a code inside one ("Kyocera
    FS-1040") is a model, not an error. `attempts` holds the clauses that say what was
    tried: a quote there names a button or a mode ("включал режим «в самолёте»"), unless
    the clause also says what the screen shows.
    """
    named = [a for a in attempts or () if not _SAYS.search(fold(a))]
    original, text = text, fold(text)  # fold() keeps every character's place
    inside = [p.lower() for p in exclude or ()]
    codes: list[str] = []

    def add(code: str, labelled: bool = False) -> None:
        # a code said as one ("коды ошибок: E05", "на табло горит E3") is no model, though the
        # product extractor reads it as one
        typed, code = code, code.strip().strip('.,:;()«»"“”').strip("'").strip()
        if code.count("(") > code.count(")") and typed.rstrip(" .,:;«»\"“”'").endswith(")"):
            code += ")"  # "… may be unreachable. (-14)": the bracket closes the message's own
        if _OUR_TICKET.fullmatch(code):
            return  # "HD-000123 всё ещё не решена", a mail's "[HD-000123]": our ticket's id
        if len(code) < 2 or (
            any(code.lower() in p for p in inside) and not (labelled or _LABELLED.fullmatch(code))
        ):
            return
        if not any(code.lower() in c.lower() for c in codes):
            codes[:] = [c for c in codes if c.lower() not in code.lower()]
            codes.append(code)

    for pattern in _CODES:
        for found in pattern.finditer(text):
            add(found.group(0))
    for found in _HTTP_SHORT.finditer(text):
        add(found.group(1) or found.group(2))
    for found in _BARE_HRESULT.finditer(text):
        lettered = re.search(r"[a-f]", found.group(0), _I)
        if lettered or _FAILING_WITH.search(text[: found.start()]):
            add(found.group(0))
    for found in _HASHED.finditer(text):
        if not _NUMBERED_BEFORE.search(text[: found.start()]):
            add(found.group(0))
    for found in _AFTER_WORD.finditer(text):
        code = found.group(1)
        rest = text[found.end(1) :]
        if _NOT_A_CODE_AFTER.match(rest) or not _looks_like_code(code):
            continue
        if re.fullmatch(r"[123]\d\d", code) and _STATUS_WORD.match(found.group(0)):
            continue  # "статус 200", "status 302": a success or a redirect, no error
        add(code, labelled=True)
    for pattern in (DOUBLE_QUOTED, SINGLE_QUOTED):  # «…» and "…" first, then '…'
        for found in pattern.finditer(text):
            quoted = original[found.start(1) : found.end(1)]
            before = text[: found.start()]
            # "в программе «Устройство не найдено»": a program's window says it (a folder or a
            # button named «Не удалять» is still a name)
            said = _PROGRAM_BEFORE.search(before) and QUOTE_SAYS.search(quoted)
            bait = _bait_says(before, quoted, text)
            if (
                _ORGANISATION_BEFORE.search(before)
                or (_IN_A_PLACE.search(before) and not QUOTE_SAYS.search(quoted))
                or (_names_a_thing(before, text[found.end() :]) and not said)
            ) and not bait:
                continue  # готель «Дніпро», папка «Сметы»: a name, not what the screen says
            shown = _SHOWN_BEFORE.search(before)  # "and it still pops up "Need password""
            # a fake letter's words stay what the user saw, though the sentence goes on to
            # what was done ("An email titled '…' led me to a login page and I typed …")
            if shown or bait or not any(quoted in clause for clause in named):
                add(quoted)
    for found in _sayings(text):
        said = _said_part(found.group(1))
        # after a colon the sentence before has ended: what follows is the screen's, longer too
        colon = text[found.start() : found.start(1)].rstrip().endswith(":")
        longest = _MAX_COLON_WORDS if colon else _MAX_SAID_WORDS
        if _PERSON_BEFORE.search(text[: found.start()]) or len(said.split()) > longest:
            continue
        if _PERFECT_SAID.search(found.group(0)) and _REPORTED.match(said):
            continue  # "the supplier has said the parts arrive on Monday": a person's words
        if _NO_ERROR.search(found.group(0)) or re.search(
            r"(?:\bno|\bнет|\bнема\w*|\bбез)\s+$", text[: found.start()], _I
        ):
            continue  # "there's no message at all": nothing said
        if _NOT_SAID.match(said) or _names_the_window(said):
            continue
        if not colon and _WRITES_TO.match(said):
            continue  # "сканер пишет в папку на диске D": where it saves, not what it says
        if _ON_PAPER_BEFORE.search(text[: found.start()]):
            continue
        quoted = original[found.start(1) : found.start(1) + len(said)].strip()
        add(_pronoun_named(quoted, text[: found.start()]))
    for found in _TITLED_STATE.finditer(text):
        add(original[found.start() : found.end()])
    for found in _BARE_STATE.finditer(text):
        if not _WORKING_OFFLINE.search(text[: found.start()]):
            add(original[found.start() : found.end()])
    for pattern in (_DISPLAY_CODE, _DISPLAY_CAPITALS):
        for found in pattern.finditer(text):
            add(original[found.start(1) : found.end(1)], labelled=True)
    for found in _ABOUT.finditer(text):
        start = found.start("what") if found.group("what") else found.start("noted")
        before = text[: found.start()]
        said_by = (_PERSON_BEFORE, _BAIT_BEFORE, _I_BEFORE)  # a person, a letter, the user
        if not any(p.search(before) for p in said_by):
            add(original[start : found.end("subject")])
    for found in _WRITTEN_CAPITAL.finditer(text):
        said = _said_part(found.group(1))
        short = len(said.split()) <= _MAX_SAID_WORDS
        before = text[: found.start()]
        if short and not _PERSON_BEFORE.search(before) and not _ON_PAPER_BEFORE.search(before):
            add(original[found.start(1) : found.start(1) + len(said)].strip())
    for found in _STATUS_NAMED.finditer(text):
        add(original[found.start(1) : found.end(1)])
    for found in _LATIN_AFTER_WORD.finditer(text):
        add(original[found.start(1) : found.end(1)])
    for found in _CYRILLIC_AFTER_WORD.finditer(text):
        if _FAILED.search(found.group(1)):
            add(original[found.start(1) : found.end(1)])
    for found in _SIGNAL.finditer(text):
        add(original[found.start() : found.end()])
    for found in _STUCK_AT.finditer(text):
        add(original[found.start() : found.end()])
    for found in _READING.finditer(text):
        if not _left_as_shown(found, text):
            continue  # "1.2 GB free", "осталось 800 МБ": how much is left, no message
        add(original[found.start() : found.end()])
    for found in _MARK.finditer(text):
        if not _PRESSED.search(text[: found.start()]):  # "нажала на красный крестик": a button
            add(original[found.start() : found.end()])
    for found in _EN_NAMED_ERROR.finditer(text):
        add(original[found.start(1) : found.end(1)])
    for found in _ERROR_WITH.finditer(text):
        noun = found.group(1).lower()
        parsed = readings(noun, "ru") or readings(noun, "uk")
        if parsed and {"NOUN", "ablt"} <= parsed[0][1]:
            add(original[found.start() : found.end()])
    for found in _GETTING.finditer(text):
        add(original[found.start(1) : found.end(1)])
    for found in _NAMED_ERROR.finditer(text):
        noun = found.group(1).lower()
        parsed = readings(noun, "ru")
        if parsed and {"NOUN", "gent"} <= parsed[0][1] and not _NOT_A_CODE_AFTER.match(" " + noun):
            add(original[found.start() : found.end()])
    if not codes:
        nothing = _denied(text)
        return nothing.group(0) if nothing else ""
    return "; ".join(codes)


def _sayings(text: str) -> list[re.Match[str]]:
    """Each place `text` says what the screen shows (`_SAYS`), but not a verb of giving or
    showing said with a negation: what follows it is read again, so "кіоск не видає квитки, на
    екрані: Немає зв'язку" still finds "на екрані:"."""
    found, at = [], 0
    while (match := _SAYS.search(text, at)) is not None:
        if _NEGATED.search(text[: match.start()]) or _shown_how(text, match):
            at = match.start(1)
            continue
        found.append(match)
        at = match.end()
    return found


# A verb of messages arriving or being received in the same clause: "никаких сообщений не
# приходит", "жодних повідомлень не надходить", "no messages are coming in".
_ARRIVING = case_blind(
    r"(?<!\w)(?:приход|пришл|пришел|придут|поступа|поступил|доход|дошл|надход|надійш|дійш|"
    r"отриму|отрима|arriv|com(?:e|es|ing)\b(?! up)|came\b(?! up)|receiv)"
)
_CLAUSE_STOPS = ".;!?\n"


# A bare "nothing" that does not appear somewhere other than the screen is the missing thing
# itself, no silent screen, whatever the verb (as "nothing shows up" alone, above): "nothing
# appears in display settings", "nothing comes up in the search", "в диспетчере устройств
# ничего не появляется", "у списку нічого не з'являється" (a list, a setting, an app, a
# field). Nothing appearing on the screen or in a window, or said with no place, answers the
# error field ("на экране ничего не появляется", a bare "ничего не появляется"), and so does
# what pops up anywhere: only windows and messages pop up ("nothing pops up in Outlook").
_NOTHING_APPEARS = case_blind(
    r"^(?:nothing|ничего|нічого)\s+(?:не\s+)?(?:comes? up|came up|appears?|appeared|is shown|"
    r"was shown|появля\w*|появил\w*|высвечива\w*|з'являє\w*|з'явил\w*|висвічу\w*)"
)
_SCREEN_WORDS = (
    r"(?:(?:(?:the|a|its|my)\s+)?(?:screen|display|monitor|window|pop-?up)|экран\w*|"
    r"диспле\w*|монитор\w*|окн\w*|окош\w*|екран\w*|монітор\w*|вікн\w*)(?![\w'-])"
    # ("display settings" is a setting)
    r"(?!\s+(?:settings|options|properties|menu|list|manager|panel|app))|"
    # … nor who has it or how long: "у меня", "у нас", "в течение минуты"
    r"(?:мен[яе]|нас|него|неё|нее|неї|них|тебе|вас|течени\w*)(?![\w'-])"
)
_PLACE_AFTER = case_blind(
    rf"\s+(?:in|under|inside|within|among|в|во|у)\s+(?!{_SCREEN_WORDS})[\w'-]"
)
_PLACE_BEFORE = case_blind(
    rf"(?<![\w'-])(?:in|under|inside|within|в|во|у)\s+(?!{_SCREEN_WORDS})"
    r"[\w'-]+(?:\s+[\w'-]+){0,2}\s+$"
)


def _missing_thing(text: str, found: re.Match[str]) -> bool:
    """Whether `found`, a bare "nothing" that does not appear, names where the missing thing
    should be, a place other than the screen, right before or right after it."""
    if not _NOTHING_APPEARS.match(found.group(0)):
        return False
    before = text[: found.start()]
    clause = before[max(before.rfind(","), before.rfind("—")) + 1 :]
    return bool(_PLACE_AFTER.match(text, found.end()) or _PLACE_BEFORE.search(clause))


def _denied(text: str) -> re.Match[str] | None:
    """The first "no error" of `text` whose clause is no message that does not arrive, nor a
    thing missing from where it should be listed."""
    for found in _NO_ERROR.finditer(text):
        start = max(text.rfind(stop, 0, found.start()) for stop in _CLAUSE_STOPS) + 1
        ends = [at for stop in _CLAUSE_STOPS if (at := text.find(stop, found.end())) >= 0]
        if _ARRIVING.search(text[start : min(ends, default=len(text))]):
            continue
        if not _missing_thing(text, found):
            return found
    return None


_INSTRUMENTAL_ENDING = re.compile(r"[а-яёіїєґ'-]+(?:ами|ями|ом|ем|ой|ей|ою|ею|им|ым|ью)")
_SHOWING = re.compile(r"(?<!\w)(?:показывает|показує)(?!\w)", _I)
# … or an empty picture, whatever the verb: "веб-камера в Zoom показывает чёрный квадрат",
# "показує чорний екран", "the webcam shows only a black picture in Teams" is how the camera
# or the screen looks, and the writers ask what message there is (frozen22, frozen27,
# tune26; a blue screen is a crash's message and stays one)
_EMPTY_PICTURE = case_blind(
    r"^(?:(?:только|лишь|просто|лише|тільки|лиш|only|just|a|an|the)\s+){0,2}"
    r"(?:ч[её]рн|черн|чорн|бел|біл|сер|сір|пуст|порожн|black|blank|empty|white|gr[ae]y)\w*\s+"
    r"(?:экран|квадрат|картинк|картин|изображени|фон|прямоугольник|окн|екран|зображенн|вікн|"
    r"screen|picture|square|image|box|rectangle|window|feed|video)\w*"
    # … alone, or where it shows: never "a black screen with Reboot and select proper boot device"
    r"(?:\s*$|\s+(?:in|on|at|during|when|в|во|на|у|під|под|при|когда|коли)\s)"
)


def _shown_how(text: str, found: re.Match[str]) -> bool:
    """Whether what follows "показывает"/"показує" (no colon) is how the screen shows, a
    word in the instrumental ("полосами", "рябью", "чёрным", "смугами", "зеленим"), not words
    it shows, or what follows a verb of showing is an empty picture ("чёрный квадрат", "a
    black picture"); a message said after it is read on ("показывает полосами, пишет Out of
    range")."""
    said = _said_part(found.group(1)).split()
    first = said[0].lower() if said else ""
    if text[found.start() : found.start(1)].rstrip().endswith(":"):
        return False
    if _EMPTY_PICTURE.search(" ".join(said)):
        return True
    if not _SHOWING.search(found.group(0)) or not _INSTRUMENTAL_ENDING.fullmatch(first):
        return False
    return any("ablt" in tags for lang in ("ru", "uk") for _, tags in readings(first, lang))


# A quote right after "in" names where something is, a folder, a tab, a window: "висят в
# «Исходящих»", "застряг у «Вихідних»", "искала в «Предыдущих версиях», там пусто", "пропал из
# «Этот компьютер»" (frozen8, frozen19, frozen33, tune14, tune15, tune25, tune32), unless its
# words say something ("висит в «Не удалось отправить»"). Not "з"/"с", which are also "with":
# "Chrome падає з «Отакої»" is what it shows.
_IN_A_PLACE = re.compile(r"(?<![\w-])(?:в|во|у|из)\s*$", re.IGNORECASE)


# Things a quote names rather than quotes ("папка «Сметы 2026»", "кнопку «Отправить»", "the
# 'Office-5G' network"), and the verbs of pressing one ("нажимаю «Сохранить»", "click 'Send'").
# What shows a message (окно, статус, экран, a device's panel) is not among them.
_NAMING_TEXT = """
    папка тека файл документ раздел розділ вкладка меню пункт кнопка поле сеть мережа
    канал чат группа група пространство простір программа програма приложение застосунок
    додаток база отчёт отчет звіт шаблон проект проєкт диск ящик сайт портал сервис сервіс
    письмо лист тема профиль профіль учётка учетка справочник довідник журнал документ
    нажать нажимать натиснуть натиснути натискати кликнуть кликать клацнуть клацати
    тыкнуть тыкать выбрать выбирать вибрати вибирати обрати обирати
"""
_NAMING = frozenset(_NAMING_TEXT.split())
_EN_NAMING_TEXT = """folder file button tab menu option field network wifi wi-fi ssid channel
    group app program project workspace template report drive mailbox subject site portal
    profile page link click clicked clicking press pressed pressing tap tapped select
    selected choose chose"""
_EN_NAMING = frozenset(_EN_NAMING_TEXT.split())
_LAST_WORD = re.compile(r"([\w'-]+)\W*$")
_FIRST_WORD = re.compile(r"^\W*([\w'-]+)")


# What a quote says, not what it names: a negation or an error ("в программе «Устройство не
# найдено»", "the app 'Cannot connect'"); a name has none ("в программе «Касса»").
QUOTE_SAYS = re.compile(
    r"(?<!\w)(?:не|ні|нет|немає|нема|not|no|cannot|can't|unable|failed|error|ошибк\w*|"
    r"помилк\w*|запрещ\w*|заборон\w*|отказ\w*|відмов\w*|недоступн\w*|denied|forbidden|"
    r"unavailable)(?!\w)",
    re.IGNORECASE,
)


_PROGRAM_BEFORE = re.compile(
    r"(?<!\w)(?:программ\w*|програм\w*|приложени\w*|застосун\w*|app|application|program|"
    r"сайт\w*|портал\w*|site|website|portal)\s*$",
    re.IGNORECASE,
)


# What a phishing letter says is what the user saw: "пришло письмо «Срок действия вашего
# пароля истекает сегодня», я нажала ссылку и ввела логин и пароль", "письмо якобы от банка
# «Ваш счёт временно заблокирован»" (frozen19, frozen25; tune24's "I got 'Your membership fees
# invoice' from someone pretending to be our bank" was read): the letter is a fake, or the
# user typed a password on its page, and the words say something, three or more of them. An
# ordinary letter's subject is a name ("письмо «Акт сверки» не открывается"), and so is a
# document's ("лист «Рахунок-фактура» з архівом", frozen6: asked what the screen said).
_LETTER = (
    r"(?<!\w)(?:письм\w*|лист(?:а|і|ом)?|e-?mails?|mails?|messages?|сообщени\w*|повідомлен\w*|"
    r"sms|смс)"
)
# … or its subject, named as one after who it pretends to be: "an email supposedly from our
# chemical supplier, subject '…'", "лист нібито від податкової з темою «…»"
_LETTER_BEFORE = case_blind(
    rf"{_LETTER}(?:\s+[^\s.;!?«»\"“”']+){{0,5}}\s*$|"
    rf"{_LETTER}(?:\s+[^\s.;!?«»\"“”']+){{0,12}}?\s+(?:subject(?:\s+line)?|titled|"
    r"(?:с|з|під|под)\s+тем(?:ой|ою)|тема)\s*:?\s*$"
)
_BAITED = case_blind(
    r"(?<!\w)(?:якобы|будто|нібито|начебто|fake|phishing|фишинг\w*|фішинг\w*|pretending|"
    r"posing|подозрит\w*|підозріл\w*|suspicious)(?!\w)|"
    r"(?<!\w)(?:ввел\w*|ввёл|ввів|вводил\w*|набрал\w*|typed|entered|put in)(?!\w)[^.;!?\n]{0,40}?"
    r"(?:логин\w*|логін\w*|парол\w*|login|password|credentials)(?!\w)"
)


def _bait_says(before: str, quoted: str, text: str) -> bool:
    """Whether `quoted`, after `before`, is what a phishing letter says (`text` the message)."""
    return bool(len(quoted.split()) >= 3 and _LETTER_BEFORE.search(before) and _BAITED.search(text))


def _names_a_thing(before: str, after: str) -> bool:
    """Whether a quote between `before` and `after` names a folder, a button, a network …
    ("в папке «Сканы»", "кнопку «Надіслати»", "the 'Office-5G' network")."""
    last = _LAST_WORD.search(before[-40:])
    word = last.group(1).lower() if last and before[-40:][last.end(1) :].strip() == "" else ""
    if word.isascii():
        if word in _EN_NAMING:
            return True
    elif word:
        found = (*readings(word, "ru")[:1], *readings(word, "uk")[:1])
        if any(lemma in _NAMING for lemma, _ in found):
            return True
    following = _FIRST_WORD.match(after)
    return bool(following) and following.group(1).lower() in _EN_NAMING


def _names_the_window(said: str) -> bool:
    """ "окно входа", "вікно налаштувань": the word after "window" says which window it is
    (a noun in the genitive), not what it says."""
    first = said.split()[0] if said.split() else ""
    if not first or not first.islower() or not re.search(r"[а-яіїєґ]", first):
        return False
    found = readings(first.strip(",.:"), "ru")
    return bool(found) and {"NOUN", "gent"} <= found[0][1]


# Said in the perfect with a clause of its own after it is someone's words, not the screen's:
# "the supplier has said the parts arrive on Monday", "Oksana has said the printer is broken"
# (the screen's: "the shared drive has said access denied since yesterday").
_PERFECT_SAID = re.compile(r"\b(?:has|have|had)\s+(?:been\s+)?(?:said|saying)\b", _I)
_REPORTED = re.compile(r"(?:the|my|our|his|her|their|its|it|they|he|she|we|i|you)\b", _I)


_NEXT_CLAUSE = re.compile(
    r"\s+(?:and|but|so)\s+(?=(?:the|my|our|his|her|their|its|it|i|we|they|he|she|nothing|"
    r"nobody|everything|now|then|all)\b)",
    _I,
)


# A credential the screen judges, named before and then only by a pronoun: "my password is
# •••••• and outlook says it's wrong", "ввожу пароль, а пишет что он неверный", "ліцензію
# вводжу, пише що вона недійсна". (pattern, pronouns that stand for it, name as said alone)
_CREDENTIALS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (case_blind(rf"(?<!\w)(?:{pattern})(?!\w)"), pronouns, name)
    for pattern, pronouns, name in (
        (r"passwords?|passcode", "it", "password"),
        (r"pin(?: code)?", "it", "PIN"),
        (r"(?:verification |one-time |sms )?code", "it", "code"),
        (r"login|username|user name", "it", "login"),
        (r"certificate", "it", "certificate"),
        (r"licen[cs]e(?: key)?|product key", "it", "licence"),
        (r"парол[ьяюеі]\w*", "он|він", "пароль"),
        (r"пин-?код\w*|пін-?код\w*", "он|він", "PIN-код"),
        (r"логин\w*", "он", "логин"),
        (r"логін\w*", "він", "логін"),
        (r"код\w{0,2}", "он|він", "код"),
        (r"сертификат\w*", "он", "сертификат"),
        (r"сертифікат\w*", "він", "сертифікат"),
        (r"лицензи\w*", "она", "лицензия"),
        (r"ліцензі\w*", "вона", "ліцензія"),
    )
)
_SUBJECT_PRONOUN = case_blind(r"^(it'?s|it is|it|он|она|він|вона)(?!\w)")
# … and what the screen says of it is whether it is valid: "wrong", "has expired", "неверный",
# "не отвечает требованиям", "недійсна" (a pronoun with "offline" stands for the device)
_JUDGED = case_blind(
    r"(?<!\w)(?:wrong|incorrect|invalid|not valid|not correct|expired|has expired|not accepted|"
    r"too (?:short|weak|simple)|(?:does ?n[o']t|does not) (?:match|meet)|locked|"
    r"неверн\w*|неправильн\w*|недействит\w*|недійсн\w*|просроч\w*|простроч\w*|ист[её]к\w*|"
    r"сплив\w*|закінчи\w*|не (?:отвечает|соответствует|відповідає|подходит|підходить|"
    r"принима\w*|прийма\w*|совпада\w*|збіга\w*)|заблокир\w*|заблоков\w*)(?!\w)"
)


def _pronoun_named(said: str, before: str) -> str:
    """What the screen says, with a pronoun that opens it replaced by the credential it
    stands for, the last one named before ("it's wrong" after "my password is …" is
    "password is wrong", "он неверный" after "ввожу пароль" is "пароль неверный"); else as
    said (a pronoun for a device or a program is read with the thing asked about)."""
    opening = _SUBJECT_PRONOUN.match(said)
    if opening is None or not _JUDGED.search(said, opening.end()):
        return said
    pronoun = opening.group(1).lower().replace("'", "")
    last: tuple[int, str] | None = None
    for pattern, pronouns, name in _CREDENTIALS:
        if pronoun.split()[0].removesuffix("s") not in pronouns.split("|"):
            continue
        for found in pattern.finditer(before):
            if last is None or found.start() > last[0]:
                last = (found.start(), name)
    if last is None:
        return said
    verb = " is" if pronoun in ("its", "it is") else ""
    return f"{last[1]}{verb}{said[opening.end() :]}"


# A network state the system shows in two halves joined by a comma, its second half: "No
# internet, secured", "Connected, no internet", "Підключено, без інтернету", "Нет подключения
# к Интернету, защищено" (one message, said bare as often as quoted).
_STATE_SECOND_HALF = (
    r"(?:secured|захищено|защищено|no internet(?: access)?|"
    r"без\s+(?:доступ\w*\s+(?:в|к|до)\s+)?(?:інтернет\w*|интернет\w*))(?!\w)"
)


def _said_part(said: str) -> str:
    """What was said, up to where the sentence moves on: a closing quote, a comma, or
    when it started ("пишет 'Замятие', с 10:30", "shows error 80080300 since Tuesday")."""
    said = said.lstrip()
    if said[:1] in "\"«“'":
        end = re.search(r"[\"»”']", said[1:])
        return said[: end.start() + 2] if end else said
    said = re.split(rf",(?!\s{_STATE_SECOND_HALF})\s|\s[—–]\s", said, maxsplit=1, flags=_I)[0]
    # … or where another clause begins with its own subject: "says Cannot reach feeding server
    # and the sows' feed cards won't load"
    said = _NEXT_CLAUSE.split(said, maxsplit=1)[0]
    start = since.extract(said)
    if start and start in said and said.index(start) > 0:
        said = said[: said.index(start)]
    return said.rstrip()


def _looks_like_code(code: str) -> bool:
    """Digits that can be an error code; not a year-like version such as "2019" alone."""
    digits = re.sub(r"\D", "", code)
    if not digits or re.fullmatch(r"\d-?fa", code, _I):
        return False  # "коди 2fa": the second factor, not a code
    if re.fullmatch(r"0\d*\.\d+(?:\.\d+)*", code):
        return True  # "код 0015.111": a version never starts with a zero
    return not re.fullmatch(r"\d+\.\d+(?:\.\d+)*", code)  # 8.3.24 is a version


def says_no_error(value: str) -> bool:
    """Whether `value` only says there is no error ("ошибок нет", "no error, it just closes")."""
    found = _denied(fold(value))
    return bool(found) and not _codes_in(value)


def _codes_in(value: str) -> bool:
    folded = fold(value)
    return any(p.search(folded) for p in _CODES)
