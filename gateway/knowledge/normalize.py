"""Text normalisation for ru, uk and en, before morphology (see morphology.py).

What users type ("Принтер НЕ печатает!!! 😡", "комп’ютер", "вай-фай", "пpинтep" with Latin
letters, "ghbynth" typed in the wrong layout) and what the articles say must land on the
same words: lowercase, ё as е, no apostrophes or punctuation, one script per word, slang
and split spellings unified.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

from gateway.knowledge.vocabulary import (
    APPLICATION_WORDS,
    BIN_ELSEWHERE,
    BIN_READ,
    BIN_WORDS,
    BINNED_WORDS,
    CLEAN_ASK_REACH,
    CLEAN_ASK_WORDS,
    CLEAN_ASKED,
    CLOUD_DRIVE,
    CLOUD_DRIVES,
    CLOUD_MAKERS,
    CLOUD_STORAGE,
    CLOUD_SYNC,
    CLOUD_SYNC_STARTS,
    CLOUD_WORDS,
    CODE_AFTER_START,
    CODE_AT_START,
    CRASH_CODE_WORD,
    DEVICE_WORDS,
    DOCUMENT_WORDS,
    DRIVE_LETTER_AFTER,
    DRIVE_LETTERS,
    EMPTIED_WORDS,
    ERROR_CODE_WORDS,
    FAINT_WORDS,
    FILE_WORD,
    FULL_ADVERBS,
    FULL_MAILBOX_WORDS,
    FULL_REACH,
    FULL_STORAGE_WORDS,
    FULL_WORDS,
    HTTP_REASONS,
    LAUNCH_CODE_WORD,
    LID_WORDS,
    LOAD_READING,
    LOAD_TOOLS,
    LOAD_WORDS,
    MACHINE_SLOW,
    MAIL_NAMES,
    MAIL_STORAGE,
    MAIL_WORDS,
    MAILBOX_FULL,
    MAILBOX_ROOM,
    MAILBOX_WORDS,
    PHRASES,
    POINTER_LAG_STEMS,
    POINTER_WORDS,
    PRINTED_WORDS,
    PRINTER_MAKER_WORDS,
    PUT_WORDS,
    ROOM_AMOUNTS,
    ROOM_CONTEXT,
    ROOM_SAID,
    ROOM_WORDS,
    SAVING_WORDS,
    SCANNER_SERIES_WORDS,
    SCANNER_WORD,
    SCREEN_FAINT,
    SCREEN_WORDS,
    SENSED_WORDS,
    SHARE_LEAD_WORDS,
    SHARE_PLACE_WORDS,
    SHEET_WORDS,
    SPACE_KEYS,
    STORAGE_FULL,
    STORAGE_WORDS,
    STUFFED_WORDS,
    UTTER_WORDS,
    WORDS,
)

# "М.Е.Док", "M.E.Doc": a name written with its initials, one word (not "м", "е" and "док",
# a docking station).
_INITIALLED = re.compile(r"\b((?:[A-ZА-ЯЁІЇЄҐ]\.){1,4})([A-ZА-ЯЁІЇЄҐ][^\W\d_]+)")
_APOSTROPHES = re.compile(r"['’ʼ`‘´ʹ′]")
# English clitics after a Latin word: "they've", "it'll", "I'd", "he's", "ok'd", "the
# printer's": the word before is the word ("theyv", "itll" were words no article knows and
# weighed as much as the problem). "n't" is a negation, read elsewhere ("don't" -> not).
_CLITIC = re.compile(r"\b([a-z]+)['’ʼ`‘´ʹ′](?:ve|ll|re|d|m|s)\b")
_NON_WORD = re.compile(r"[^\w]+|_")
# A typed character named by itself, alone between spaces, not inside an address, a tag or a
# quotation: "my @ and " are swapped", "замість @ ставиться лапка", "I get # for £". It is a
# symbol on the keyboard, which the article says ("the wrong symbols", "не ті символи"); the
# punctuation it is would be dropped, and the message about it read as nothing.
_LONE_SYMBOL = re.compile(r"(?<!\S)[@\"“”#£](?=[\s,.;:!?)]|$)")
# Two double quotes are a quotation even with spaces inside them ('outlook says " cannot
# connect to server "', 'пишет " доступ запрещен "', and a quoted code "0x800CCC0F", which
# the code's words follow): of those only @ # £ are symbols.
_LONE_SIGN = re.compile(r"(?<!\S)[@#£](?=[\s,.;:!?)]|$)")
_SYMBOL = " symbol "
_REPEATS = re.compile(r"(\w)\1{2,}")
_CYRILLIC = re.compile(r"[а-яіїєґ]")
_LATIN = re.compile(r"[a-z]")
# Drive letters past C and D are network drives in an office: "диск S", "the H drive".
# A drive letter typed in Cyrillic is the Latin one it looks like ("диск Р", "диск Х", "Н:"):
# not "с", "в", "к", "у", "а", "о", which are also words ("диск с фото"); nor an "i" with a
# word after it, the pronoun or "and" ("the disk I use is full", "dysk i papka znykly"), but
# for the verbs only the letter takes ("drive I is gone").
_DRIVE_LETTER = (
    r"(?:[e-hj-zермнтх]|i(?! +(?!(?:is|has|disappeared|vanished)\b)[a-zа-яіїєґ]))"
)
_MAPPED_DRIVE = re.compile(
    rf"\b(?:(?:диск[аеуі]?|drive|disk|dysk) ({_DRIVE_LETTER})|([e-z]) drive)\b"
)
# A drive said gone in a word the shared drive article does not use ("диск Р исчез", "куди
# подівся диск P"): gone as its "пропал", "зник" are.
_DRIVE_GONE = re.compile(
    r"\b(?:исчез\w*|подевал\w*|дел(?:ся|ась)|щез\w*|(?:по)?(?:дівс[яь]|діл(?:ася|ося|ися)))\b"
)
# A share that vanished: "shared folder vanished from This PC", "the topiary share
# disappeared", "Зникла спільна папка бухгалтерії", "мережевий диск пропав, не бачу папку".
# The share itself is gone from the machine, a mapped drive (the shared drive article's):
# read as one ("netdrive"), its "folder" is no lost folder of the file recovery article.
# Not a folder or a file gone from a share: a share said after "from", "on", "з", "на"
# ("folder vanished from the shared drive", "зі спільної папки зникла папка") stays as said.
# The English drives the article names ("mapped drive", "network drive") are its keywords
# already and stay.
_VANISH = r"(?:vanish(?:ed|es)?|disappear(?:ed|s)?|gone|missing|зник\w*|пропа\w*|исчез\w*|щез\w*)"
_SHARE = (
    r"(?:(?:shared|network|team|common) folders?|team drives?|share|"
    r"(?:спільн|мережев|підключен|общ|сетев|подключен)\w* "
    r"(?:папк\w*|тек(?:а|и|у|ою|ці)|диск(?:а|у|е|і|ом|и)?))"
)
_SHARE_VANISHED = re.compile(
    rf"\b(?:{_VANISH} (?:\w+ )?)?(?P<share>{_SHARE})(?: (?!{_VANISH}\b)\w+)?"
    rf"(?: (?:has|is|was|just|have))?(?: {_VANISH})?\b"
)
_VANISHED = re.compile(rf"\b{_VANISH}\b")
# What may follow a bare "share" that vanished: "the topiary share has disappeared".
_SHARE_VANISHING = re.compile(rf"has|is|was|just|have|{_VANISH}")
# "Z: отключен", "\\\\fileserver\\projects": a mapped drive or a network path.
_DRIVE_PATH = re.compile(rf"(?<![\w:]){_DRIVE_LETTER}:(?=[\s\\/]|$)|\\\\[\w.$-]+")
# "keys stopped typing", "the app stops responding", "Outlook quit syncing": a verb of
# stopping before a gerund says the action no longer happens, as "not typing", "not
# responding" do (the words the articles use); "stop" itself is no problem of its own.
# Words in -ing that are no gerund ("stopped during the call") are left alone.
_STOPPED_DOING = re.compile(
    r"\b(?:stop|stops|stopped|stopping|quit|quits|ceased?)\s+(?:(?:just|completely|suddenly|"
    r"randomly|all|fully)\s+)?"
    r"(?!(?:during|morning|evening|nothing|something|anything|everything|thing|things|"
    r"string|spring|ceiling|building|ping)\b)([a-z]{2,}ing)\b"
)
# "I quit smoking", "gave up smoking", "trying to stop vaping": a habit given up, said of a
# person; the smoke the damage article knows comes out of a device, which never quits it.
_HABIT_GIVEN_UP = re.compile(
    r"\b((?:quit|quits|quitting|stop|stops|stopped|stopping|give|gives|gave|giving|given)"
    r"(?:\s+up)?)\s+(?:smoking|vaping)\b"
)
# "Excel keeps quitting", "the app just quit on me", "Teams quits right after I open it": a
# program that quits of itself closes, as the articles say it (while working, or at start);
# one that quits unexpectedly (macOS's words for a crash), randomly or again and again has
# crashed. Only a program's name or word before it, how often between: a person who quits
# ("my manager quit") or a program quit by the user ("I quit Teams and reopened it", "quit
# the app") is neither. After _STOPPED_DOING: "Outlook quit syncing" stops syncing.
_PROGRAM_NOUNS = frozenset(
    {"app", "apps", "program", "programs", "programme", "application", "applications"}
    | {"browser", "it"}
)
_PROGRAM_QUITS = re.compile(
    r"\b("
    + "|".join(sorted(APPLICATION_WORDS | _PROGRAM_NOUNS))
    + r")\s+((?:(?:keeps|keep|kept|just|randomly|suddenly|unexpectedly|constantly|always|"
    r"often|sometimes|also|still|then|again|has|have|had)\s+)*)(quits|quitting|quit)\b"
    r"(?!\s+(?:the|my|a|an|it|this|that|its|their|our|your|his|her|out|and\s+reopen)\b)"
    r"(\s+(?:unexpectedly|randomly|suddenly)\b)?"
)
# "pc runs like a potato", "the laptop is running like a snail", "works like an old
# tractor": a machine that runs or works like a thing is said to be slow, whatever the
# thing (a word no article knows, which made the message a stranger's). A likeness that
# praises ("works like a charm") or explains ("works like this") is left alone.
_RUNS_LIKE = re.compile(
    r"\b(runs?|running|ran|works?|working)\s+like\s+"
    r"(?!(?:a|an|the)?\s*(?:charm|dream|clockwork|clock|new|normal|normally|usual|before|"
    r"magic|butter|rocket|champ|crazy|mad|hell|this|that|it|so)\b)"
    r"(?:(?:a|an|the)\s+)?(?:(?:old|slow|tired|broken|dead|wet|frozen|real)\s+)?[a-z]+\b"
)
# "every time I hit retry", "I hit send", "hit the power button": hitting a button or key
# on screen is pressing it ("hit" was a word no article used, and an everyday one: blows,
# cars, targets). Only before a button's or key's name ("the car hit the barrier" stays), the
# power only as its button ("a storm hit the power lines" is no press).
_HIT_BUTTON = re.compile(
    r"\bhit(?:s|ting)?\s+(?=(?:the\s+|a\s+)?(?:enter|return|retry|send|print|save|ok|okay|"
    r"cancel|reply|submit|refresh|restart|reboot|update|install|connect|sync|scan|start|next|"
    r"button|buttons|key|keys|icon|link|space|spacebar|ctrl|alt|shift|escape|esc|delete|del|"
    r"backspace|tab|login|log|sign|power\s+(?:button|key|switch)|f[0-9]{1,2})\b)"
)
# "knocked a full mug of coffee onto my laptop", "tipped my tea over the keyboard": a drink
# knocked or tipped onto a device is spilt on it, as the damage article says it (not one
# tipped over a counter).
_KNOCKED_DRINK = re.compile(
    r"\b(?:knocked|knocks|knock|tipped|tips|tip)(?:\s+over)?\s+(?=(?:\w+\s+){0,4}?"
    r"(?:water|coffee|tea|juice|coke|cola|soda|beer|wine|milk|drink|smoothie|latte|"
    r"cappuccino|cocoa|lemonade|cup|mug|glass|bottle|jug|flask)\s+(?:\w+\s+){0,2}?(?:onto|over|on|into|across|all)\s+(?:\w+\s+){0,3}?"
    r"(?:laptop|notebook|macbook|keyboard|computer|pc|monitor|screen|printer|tablet|phone|"
    r"mouse|scanner|dock|docking)\b)"
)
# "скан на пошту не надходить", "сканы в почту не доходят": the mail is where the scans
# go, and what fails is the scanner's sending (the articles' "scan to email"); the
# destination's word made the message the mail's own ("не надходить" beside "пошту").
# After a scan word in Russian or Ukrainian it is read as the scanner; the English "scan
# to email" is a phrase the scanner article has.
_SCAN_TO_MAIL = re.compile(
    r"\b((?:от|від|ві)?скан[а-яіїє]*)\s+(?:на|в|у)\s+(?:(?:свою|мою|нашу|рабочую|робочу)\s+)?"
    r"(?:почту|пошту|почта|пошта|email|мейл|емейл|имейл|імейл|мыло|ящик|скриньку)\b"
)
# A web page named in one compound ("вебпортал", "веб-програма", "онлайн-каталог",
# "интернет-магазин", "web shop", "online store") is a website: the compound was a word no
# article knew, and "интернет" in "интернет-магазин" no lost connection ("web app", "web
# portal" are two words the articles know, and stay). An online till or a bank
# ("онлайн-касса", "online banking") is no web page and stays as said, nor is a shop one
# buys from ("заказала в интернет-магазине платье, а пришло не то", "my online shop order
# never arrived": a purchase said beside it).
_WEB_THING = re.compile(
    r"\b(?:веб|онлайн|интернет|інтернет)\s?(?:портал\w*|програм\w*|прог[аиуі]\b|сайт\w*|"
    r"каталог\w*|верси[яиюей]\b|версі[яїюєй]\b|интерфейс\w*|інтерфейс\w*|сервис\w*|"
    r"сервіс\w*|кабинет\w*|кабінет\w*|запис\w*|приложени\w*|додат\w*|систем\w*)\b"
)
_WEB_SHOP = re.compile(
    r"\b(?:веб|web|онлайн|online|интернет|інтернет)\s?(?:магазин\w*|shops?|stores?)\b"
)
_PURCHASE = re.compile(
    r"\b(?:заказ\w*|замов\w*|купил\w*|купив\w*|купл\w*|order\w*|bought|buy\w*|purchas\w*|"
    r"доставк\w*|посылк\w*|посилк\w*|parcel\w*|deliver\w*|refund\w*|возврат\w*|"
    r"повернен\w*|пришл\w*|прийшл\w*|arrived)\b"
)
# What a web page fails with, said of one ("висить на білому екрані", "a blank page",
# "падає з тайм-аутом", "the web shop times out"): a white or empty page and a timeout are
# the website not loading. Only beside a site, a portal or a browser, or a page where
# nothing is printed: a laptop's white screen is the screen's, a printer's blank pages
# ("печатает пустые страницы", "prints blank pages") are the printer's, and a VPN or mail
# that times out stays as said.
_WEB_NAMED = re.compile(
    r"\b(?:website|web|сайт\w*|портал\w*|sites?|portals?|браузер\w*|browsers?|chrome|"
    r"хром[еі]?|firefox)\b"
)
_WEB_PAGE = re.compile(r"\b(?:сторінк\w*|страниц\w*|pages?)\b")
_PRINTING = re.compile(r"принт|печат|друк|print|мфу|бфп|mfp|copier|ксерокс|scan|скан")
_WEB_FAILURE = re.compile(
    r"\b(?:(?:бел|біл|пуст|порожн)\w*\s+(?:экран\w*|екран\w*)|(?:blank|white|empty)\s+screens?|"
    r"тайм\s?аут\w*|таймаут\w*|time\s?outs?|(?:times|timing|(?<!connection )timed)\s+out)\b"
)
# A blank page is a printer's too ("pages come out blank"): one only beside a site.
_BLANK_PAGE = re.compile(
    r"\b(?:(?:бел|біл|пуст|порожн)\w*\s+(?:страниц\w*|сторінк\w*)|"
    r"(?:blank|white|empty)\s+pages?)\b"
)
# "перестало сканировать в общую папку", "відскановані файли не зберігаються в мережеву
# папку", "scanning into the network folder fails": the folder scans go to is the scanner's
# destination ("скан в папку", "scan to folder"), its share word no shared drive that fails.
# Read as the plain folder; a share after a "but" or an "а" is a clause of its own.
_SCAN_TO_SHARE = re.compile(
    r"\b((?:от|від|ві)?скан[а-яіїє]*|scan(?:s|ning|ned)?)"
    r"((?:\s+(?!(?:а|но|але|і|и|та|but|and)\b)\w+){0,3}?\s+(?:в|у|до|to|into|in)\s+(?:the\s+)?)"
    r"(?:общ|сетев|спільн|мережев|shared|network|common)\w*\s+(папк\w*|тек[аиуі]\b|folders?)\b"
)
# "вайфай підключений, але інтернету немає", "подключено, без доступа к интернету на
# вайфае", "Wi-Fi є, а інтернету нема": the internet missing on the Wi-Fi one is on is the
# Wi-Fi's problem (the Wi-Fi article's "connected, no internet"), not a cable's: its
# internet reads as the Wi-Fi's ("wifi інтернету"). Not when a cable, a wired or desk
# machine, a phone or a neighbour is said ("інет по кабелю нема, ноут по вайфаю працює"),
# nor when the Wi-Fi is said to work ("на ноуте по вайфаю есть", "the laptop on wifi is
# fine"): then the Wi-Fi is where it works.
_WIFI_WORD = r"(?:wifi|wlan|вайфа\w*|вифи|вафл\w*)"
_WIFI = re.compile(rf"\b{_WIFI_WORD}\b")
_WIRED = re.compile(
    r"кабел|провод|дрот|дріт|дроті|wired|cable|ethernet|\blan\b|стац|desktop|"
    r"сосед|сусід|телефон|phone|neighbou?r"
)
_WORKING = r"(?<!не )(?<!not )(?:працю\w*|работа\w*|fine|ok|ок|норм\w*|works?|working)"
_WIFI_WORKS = re.compile(
    rf"\b(?:по|на|через|on|via)\s+{_WIFI_WORD}\s+(?:\w+\s+){{0,2}}?(?:{_WORKING}|"
    r"(?<!не )(?:есть|є))\b"
    rf"|\b{_WIFI_WORD}\s+(?:\w+\s+){{0,2}}?{_WORKING}\b"
    rf"|\b(?:{_WORKING}|есть|є)\s+(?:\w+\s+)?(?:по|на|через|on|via)\s+{_WIFI_WORD}\b"
)
_INTERNET = re.compile(r"\b(?:интернет\w*|інтернет\w*|инет\w*|інет\w*|internet)\b")
# "на созвоне клиент видит чёрный экран вместо меня", "бачать замість мене чорний екран",
# "мене не видно, чорний квадрат замість відео": a black or grey picture where the user or
# their video should be is the camera's, which the user does not name; and "меня не видно",
# "мене не видно" is the article's "меня не видят", "мене не бачать".
# The picture stands where the user is: within two words of "вместо меня" ("замість мене на
# зміну вийшла колега, а в неї на касі чорний екран" is a person standing in); a video played
# ("в плеере вместо видео черный экран", "на ютубе") is no call.
_BLACK_PICTURE = (
    r"(?:черн|чорн|сер(?:ый|ое|ая|ым)|сір)\w*\s+(?:экран|екран|квадрат|прямоугольник|"
    r"прямокутник|картинк|изображени|зображенн|фон|окн|вікн)\w*"
)
_INSTEAD_OF_ME = (
    r"(?:вместо|замість)\s+(?:меня|мене|моего\s+видео|мого\s+відео|видео|відео|лица|обличчя)\b"
)
_BLACK_INSTEAD_OF_ME = re.compile(
    rf"\b{_BLACK_PICTURE}(?:\s+\w+){{0,2}}?\s+{_INSTEAD_OF_ME}"
    rf"|\b{_INSTEAD_OF_ME}(?:\s+\w+){{0,2}}?\s+{_BLACK_PICTURE}"
)
_PLAYBACK = re.compile(
    r"плеер|плеєр|player|ютуб|youtube|браузер|сайт|запис|фильм|фільм|ролик|трансляц|"
    r"телевиз|телевіз|\bкино|\bкіно"
)
_NOT_SEEN = re.compile(r"\b(?:(мене|меня) не видно|не видно (мене|меня))\b")
# "бездротова миша не відповідає", "клавиатура на весовой не отвечает": a mouse or keyboard
# that does not answer does not react (the article's "не реагує", "не реагирует"); "не
# відповідає" is a hung program's words ("програма не відповідає"), so not where one is said.
_INPUT_DEVICE = re.compile(r"\b(?:миш\w*|мыш\w*|клав\w*|тачпад\w*)")
_ANSWERS = {
    "відповідає": "реагує",
    "відповідають": "реагують",
    "відповідати": "реагувати",
    "отвечает": "реагирует",
    "отвечают": "реагируют",
    "отвечать": "реагировать",
}
_DOES_NOT_ANSWER = re.compile(r"\b(" + "|".join(_ANSWERS) + r")\b")
_PROGRAM_SAID = re.compile(
    r"програм|прог[аиуі]\b|прил|додат|app|сайт|site|сервер|server|windows|винд|вінд|систем|"
    r"браузер|chrome|outlook|excel|word|1[сc]\b|teams|zoom|зум|тимс|телефон"
)
# "пишет неверный ключ безопасности сети", "вайфай не принимает ключ", "вайфай є, але каже
# неправильний пароль": Windows asks a Wi-Fi's password as its "network security key", and a
# password or key refused in a message about the Wi-Fi is the Wi-Fi's ("ключ wifi"), not an
# account's: unless an account, a login, Windows, the mail, the VPN or a program is said
# ("после смены пароля от учётки вайфай не подключается" keeps its account).
_SECURITY_KEY = re.compile(
    r"\bключ\w* (?:безопасности|безпеки)(?: (?:сети|мережі|мережи))?\b|\bnetwork security key\b"
)
_WIFI_KEY = re.compile(r"\b(?:пароль|пароля|паролю|паролі|ключ|ключа|ключу|ключі)\b")
_ACCOUNT_SAID = re.compile(
    r"уч[её]т|облік|логин|логін|login|account|windows|винд|вінд|почт(?!и\b)|пошт|outlook|vpn|"
    r"впн|домен|1[сc]\b|сайт|site|програм|прог[аиу]\b|телефон|phone|роутер\w* (?:админ|адмін)|"
    r"teams|zoom|telegram|телеграм|viber|вайбер|crm|срм|приложени|застосун|додат\w*\b|банк|"
    # a sign-in: "не могу войти", "зайти в crm"
    r"\b(?:войти|войду|войд[её]т|зайти|зайду|захожу|заход[ия]т|увійти|увійду|заходжу)\b"
)
# The password or key of something named that is not the Wi-Fi ("пароль от ноутбука", "пароль
# на компе", "пароль від компа", "ключ от серверной") is that thing's.
_KEY_OF = re.compile(
    r"\b(?:пароль|пароля|паролю|паролі|ключ|ключа|ключу|ключі) (?:от|від|на|до|в|у|для) "
    r"((?:\w+ )?\w+)"
)
_KEY_OF_WIFI = re.compile(rf"{_WIFI_WORD}|сет|мереж|роутер|гост|точк")
# A print defect said as smudges or a stripe, and blank sheets, are the article's streaks and
# blank pages when a print is spoken of: printing, a printer's maker, pages or sheets coming
# out ("prints coming out with black smudges", "the HP is spitting out completely blank
# sheets"). Elsewhere they say nothing of a print: "where do I get blank sheets of A4", "the
# spreadsheet has a stripe of empty cells", "a smudge on my monitor", Stripe the payments.
_PRINT_MARK = re.compile(r"\b(?:smudg(?:e|es|ed|y|ing)|strip(?:e|es|ed|y))\b")
_BLANK_SHEETS = re.compile(r"\b(blank|empty)\s+sheets?\b")
# "МФУ жуёт листы", "внутри что-то зажевало", "сожрал лист и встал", "в середині застряг
# аркуш", "зажовує зовсім. Canon": paper chewed, or paper stuck, is the printer's jam when no
# other machine that takes paper, or an animal or a child, is named (a shredder, a
# laminator, an ATM, a tape, "собака сжевала лист"). The
# chewing is the article's "зажевало", "зажувало", and the printer it happens in is said
# when the user leaves it out (a jam with no machine named read as everyday life's).
_CHEWED = re.compile(
    r"\b(?:(?:за|с|из)?жу[её]т|жуют|(?:за|с|из)?жевал\w*|заж[её]выва\w*|сожрал\w*|жр[её]т|"
    r"жу[єє]|жують|з[а]?жува\w*|зажову\w*|зжер\w*)\b"
)
# Eating is also using up ("МФУ жрёт тонер", "Chrome жрёт память"): a jam only of a sheet eaten.
_EATEN = re.compile(r"\b(?:сожрал\w*|жр[её]т|жрут|зжер\w*)\b")
_STUCK = re.compile(r"\bзастря\w*")
# Paper, whatever the language; stuck alone is said of mail and web pages too ("лист застряг у
# вихідних"): paper only.
_PAPER = re.compile(r"\b(?:бумаг\w*|аркуш\w*|папір\w*|папер\w*|этикет\w*|етикет\w*)\b")
# A Russian "лист" is a sheet; a Ukrainian one is a letter ("поштовий сервер жує листи").
_RUSSIAN_SHEET = re.compile(r"\b(?:лист(?:ы|ов|ок|ка|ки|а|у|и)?|листочк\w*)\b")
# A program that "eats" a letter, a worksheet or a page ("Outlook зжер лист", "Excel сожрал
# лист", "Chrome жрёт память, страницы грузятся") is no printer.
_PROGRAM = re.compile(
    r"excel|ексел|эксел|outlook|аутлук|\bword\b|\bворд\w*|chrome|браузер|\bпочт(?:а|ы|у|е|ой|ов\w*)\b|"
    r"\bпошт\w*|сервер|памят|пам.ят"
)
_OTHER_FEEDER = re.compile(
    r"шредер|уничтожит|знищувач|ламинат|ламінат|банкомат|купюр|кассет|касет|пл[её]нк|плівк|"
    r"переплет|брошюр|степлер|shredder|laminator|"
    # and who else chews paper: "собака сжевала лист", "коза сжевала накладные"
    r"\b(?:собак\w*|пс[аыу]|п[её]с|кот|кота|коты|кошк\w*|кіт|кішк\w*|щен\w*|цуцен\w*|"
    r"хомяк\w*|попуга\w*|дитин\w*|реб[её]н\w*|дет(?:и|ей|ям)|малыш\w*|малюк\w*|"
    r"коз(?:а|ы|у|ой|е|и|ел|ёл|ла|лы)|кіз|цап\w*|коров\w*|корів\w*|кролик\w*|кріл\w*|крол\w*|"
    r"крыс\w*|щур\w*|овц\w*|вівц\w*|лошад\w*|кон[ья]|кінь|свин\w*|теля\w*|тел[её]н\w*|телят\w*)\b"
)
_PRINTER_SAID = re.compile(r"\b(?:принтер|printer|mfp|мфу)")
_UKRAINIAN_LETTER = re.compile(r"[іїєґ]")
_PRINTED_OUT = re.compile(
    r"\b(?:pages?|printouts?|(?:spit|spits|spitting|come|comes|coming|came|feed|feeds|"
    r"feeding|churns?|churning)\s+out)\b"
)
# "shift+2", "alt+shift", "жму shift и двойку", "тисну shift з двійкою", "when I press shift
# 2": a modifier key pressed with another key is a chord on the keyboard, whatever symbol it
# types. The modifier's name is no article's word (and "shift" is also a work shift), so in a
# chord it reads as the key it is. A modifier before a bare digit or a number is a chord only
# in a message that says a press or a symbol typed instead ("shift 2 starts at six" stays a
# work shift).
_MODIFIER = r"(?:shift|ctrl|alt|altgr|fn|cmd)"
_CHORD = re.compile(rf"\b{_MODIFIER}(?=\s*\+\s*\w)|(?<=\+)\s*{_MODIFIER}\b")
_BARE_CHORD = re.compile(
    rf"\b{_MODIFIER}(?=\s+(?:(?:и|і|й|та|з|с|and|with)\s+)?"
    r"(?:\d\b|двойк|двійк|тройк|трійк|двоечк|one\b|two\b|three\b|shift|ctrl|alt\b))"
)
_CHORD_CUES = re.compile(
    r"press|hold|нажим|нажат|жму|тисн|натиск|натисн|instead|вместо|замість|кавыч|лапк|"
    r"собак|собач|quote|@"
)
_FULL_LOAD = "100"
_MAILBOXES = MAILBOX_WORDS | MAIL_NAMES
# a disk, memory, machine or cloud storage: its room is its own
_STORED = STORAGE_WORDS - {MAIL_STORAGE} | CLOUD_STORAGE
_LOAD_REACH = 3  # "процессор загружен на 100": the load word this close to the number
_PHRASE_STARTS = frozenset(p.split()[0] for p in PHRASES)
_ERROR_CODES = [(re.compile(pattern), word) for pattern, word in ERROR_CODE_WORDS]
_CODE_AT_START = re.compile(CODE_AT_START)
_CODE_AFTER_START = re.compile(CODE_AFTER_START)
_CODE_HINTS = ("0x", "err_", "error_", "5.", "50", "40")
_PHRASE = re.compile(
    r"\b(" + "|".join(re.escape(p) for p in sorted(PHRASES, key=len, reverse=True)) + r")\b"
)

# Latin letters that look like Cyrillic ones, and back: "пpинтep" typed with a Latin p and e,
# "пiсля" with the Latin i that Ukrainian keyboards without і make people type.
_TO_CYRILLIC = str.maketrans("aceopxykmtbhi", "асеорхукмтвні")
_TO_LATIN = str.maketrans("асеорхукмтвні", "aceopxykmtbhi")
# Text typed with the wrong keyboard layout: "ghbynth" is "принтер" on a ЙЦУКЕН keyboard.
_QWERTY = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`"
_JCUKEN = "йцукенгшщзхъфывапролджэячсмитьбюё"
_LAYOUT = str.maketrans(_QWERTY, _JCUKEN)
# The Ukrainian layout differs in three keys (і ї є for ы ъ э); ` is its apostrophe.
_UK_LAYOUT = str.maketrans(
    _QWERTY, _JCUKEN.replace("ы", "і").replace("ъ", "ї").replace("э", "є").replace("ё", "'")
)
# And back: "мзт" is "vpn" typed with the Russian or Ukrainian layout still on.
_BACK_TO_QWERTY = str.maketrans(_JCUKEN + "іїє", _QWERTY + "s]'")


# Marks over letters, typed or pasted: a letter in two code points (и + U+0306 for й, і +
# U+0308 for ї, e + U+0301 for é, from a Mac or a web form) is made one, and a stress mark
# ("при́нтер", "паро́ль", copied from a dictionary or put for a learner) is dropped, with
# the two Cyrillic letters Unicode has with one built in (ѐ, ѝ). A mark left alone is no
# letter and split the word: "при́нтер" was "при" and "нтер".
_STRESS_MARKS = str.maketrans(
    {"\u0301": None, "\u0300": None, "ѐ": "е", "ѝ": "и", "Ѐ": "Е", "Ѝ": "И"}
)


def unmarked(text: str) -> str:
    """`text` in composed letters (NFC), its stress marks dropped."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text).translate(_STRESS_MARKS)


def normalize_text(text: str) -> str:
    """Lowercase, ё→е, drop apostrophes, punctuation and emoji, fix mixed scripts, unify slang."""
    text = unmarked(text)
    if "." in text:
        text = _INITIALLED.sub(lambda m: m.group(1).replace(".", "") + m.group(2), text)
    text = text.lower().replace("ё", "е")
    text = _CLITIC.sub(r"\1", text)
    if MACHINE_SLOW.search(text):
        text = _pointer_read(text)
    text = _APOSTROPHES.sub("", text)
    if any(hint in text for hint in _CODE_HINTS):
        # "0x800CCC0F", "550 5.7.1", "NET::ERR_CERT_DATE_INVALID": the problem they name.
        for pattern, word in _code_words(text):
            text = pattern.sub(lambda m, word=word: f"{m.group(0)} {word} ", text)
    if "+" in text or _CHORD_CUES.search(text):
        text = _chords(text)
    if ":" in text or "\\\\" in text:
        text = _DRIVE_PATH.sub(" netdrive ", text)
    if any(mark in text for mark in "@\"“”#£"):
        quotation = sum(text.count(mark) for mark in "\"“”") > 1
        text = (_LONE_SIGN if quotation else _LONE_SYMBOL).sub(_SYMBOL, text)
    text = _NON_WORD.sub(" ", text)
    text = _REPEATS.sub(r"\1", text)
    words = [_fix_mixed_script(w) for w in text.split()]
    text = " ".join(words)
    if "smok" in text or "vap" in text:
        text = _HABIT_GIVEN_UP.sub(r"\1 cigarettes", text)
    if "stop" in text or "quit" in text or "ceas" in text:
        text = _STOPPED_DOING.sub(r"not \1", text)
        if "quit" in text:
            text = _PROGRAM_QUITS.sub(_program_quits, text)
        words = text.split()
    if " like " in text:
        text = _RUNS_LIKE.sub(r"\1 slow", text)
        words = text.split()
    if "knock" in text or "tip" in text:
        text = _KNOCKED_DRINK.sub("spilled ", text)
        words = text.split()
    if "hit" in text:
        text = _HIT_BUTTON.sub("press ", text)
        words = text.split()
    if "скан" in text:
        text = _SCAN_TO_MAIL.sub(rf"\1 {SCANNER_WORD}", text)
        words = text.split()
    if "скан" in text or "scan" in text:
        text = _SCAN_TO_SHARE.sub(r"\1\2\3", text)
        words = text.split()
    text = _WEB_THING.sub("website", text)
    if not _PURCHASE.search(text):
        text = _WEB_SHOP.sub("website", text)
    if _WEB_NAMED.search(text):
        text = _BLANK_PAGE.sub("website", _WEB_FAILURE.sub("website", text))
    elif _WEB_PAGE.search(text) and not _PRINTING.search(text):
        text = _WEB_FAILURE.sub("website", text)
    if ("smudg" in text or "strip" in text or "sheet" in text) and _print_spoken(text, words):
        text = _BLANK_SHEETS.sub(r"\1 pages", _PRINT_MARK.sub("streaks", text))
        words = text.split()
    if any(cue in text for cue in ("жу", "жов", "жев", "жр", "жер", "застря")) and (
        _jammed(text, words)
    ):
        ukrainian = bool(_UKRAINIAN_LETTER.search(text))
        text = _CHEWED.sub("зажувало" if ukrainian else "зажевало", text)
        if not _PRINTER_SAID.search(text):
            text += " принтері" if ukrainian else " принтер"
        words = text.split()
    # The cheap membership tests skip two regular expressions for most texts.
    if "диск" in text or "drive" in text or "disk" in text or "dysk" in text:
        text = _MAPPED_DRIVE.sub("netdrive", text)
    if "netdrive" in text:
        text = _DRIVE_GONE.sub(_drive_gone, text)
    if _VANISHED.search(text):
        text = _SHARE_VANISHED.sub(_share_vanished, text)
    if not _PHRASE_STARTS.isdisjoint(words):
        text = _PHRASE.sub(lambda m: PHRASES[m.group(1)], text)
    if _WIFI.search(text) and not (_WIRED.search(text) or _WIFI_WORKS.search(text)):
        text = _INTERNET.sub(r"wifi \g<0>", text)
    if (
        ("вместо" in text or "замість" in text)
        and "камер" not in text
        and _BLACK_INSTEAD_OF_ME.search(text)
        and not _PLAYBACK.search(text)
    ):
        text += " камера"
    if "видно" in text:
        text = _NOT_SEEN.sub(_not_seen, text)
    if (
        ("відповіда" in text or "отвеча" in text)
        and _INPUT_DEVICE.search(text)
        and not _PROGRAM_SAID.search(text)
    ):
        text = _DOES_NOT_ANSWER.sub(lambda m: _ANSWERS[m.group(1)], text)
    if "ключ" in text or "security key" in text:
        text = _SECURITY_KEY.sub("ключ wifi", text)
    if _WIFI.search(text) and not _ACCOUNT_SAID.search(text) and not _another_key(text):
        text = _WIFI_KEY.sub("ключ wifi", text)
    words = text.split()
    if any(word.startswith(CLOUD_SYNC_STARTS) for word in words) and _cloud_named(words):
        words = _cloud_read(words)
    if _FULL_LOAD in words:
        words = _load_read(words)
    if not (_MAILBOXES.isdisjoint(words) or _STORED.intersection(words)) and (
        not MAILBOX_WORDS.isdisjoint(words) or SAVING_WORDS.isdisjoint(words)
    ):
        words = _mailbox_read(words)
    elif not ROOM_CONTEXT.isdisjoint(words) and MAIL_WORDS.isdisjoint(words):
        words = _storage_read(words)
    if (
        not DOCUMENT_WORDS.isdisjoint(words)
        and (
            not BINNED_WORDS.isdisjoint(words)
            or not (BIN_WORDS.isdisjoint(words) or EMPTIED_WORDS.isdisjoint(words))
        )
        and not BIN_ELSEWHERE.search(" ".join(words))
    ):
        words = _bin_read(words)
    if not SCANNER_SERIES_WORDS.isdisjoint(words):
        words = [f"{w} {SCANNER_WORD}" if w in SCANNER_SERIES_WORDS else w for w in words]
    if not (LID_WORDS.isdisjoint(words) or PUT_WORDS.isdisjoint(words)) and not (
        SHEET_WORDS.isdisjoint(words)
    ):
        # A sheet put under a lid: the scanner, described by one who does not know its name.
        # The description is the scanner, no more: its sheet is no letter ("лист" is one in
        # Ukrainian) and the lid and the putting are nothing broken.
        words = [
            SCANNER_WORD if w in LID_WORDS else w
            for w in words
            if w not in SHEET_WORDS and w not in PUT_WORDS
        ]
    if not (FAINT_WORDS.isdisjoint(words) or SCREEN_WORDS.isdisjoint(words)) and (
        PRINTED_WORDS.isdisjoint(words)
    ):
        words = [
            SCREEN_FAINT if word in FAINT_WORDS and not _sensed(words[i + 1 : i + 4]) else word
            for i, word in enumerate(words)
        ]
    return " ".join(WORDS.get(w, w) for w in words)


_CLAUSE_BREAK = re.compile(r"[,.;!?:()]+|\s[—–-]\s")


def _pointer_read(text: str) -> str:
    """A mouse's jerks while the machine is slow as the slowness: "комп тупит, мышка
    двигается рывками" -> "комп тупит, тормозит". Only when another clause says the
    machine is slow without naming the mouse, and the mouse's own clause says no slowness
    ("мышь лагает, курсор прыгает" is the mouse's lag)."""
    clauses = _CLAUSE_BREAK.split(text)
    if len(clauses) < 2:
        return text
    pointer = [not POINTER_WORDS.isdisjoint(clause.split()) for clause in clauses]
    slow = [bool(MACHINE_SLOW.search(clause)) for clause in clauses]
    if not any(s and not p for s, p in zip(slow, pointer, strict=True)):
        return text
    lagging = [
        clause
        for clause, p, s in zip(clauses, pointer, slow, strict=True)
        if p and not s and any(w.startswith(POINTER_LAG_STEMS) for w in clause.split())
    ]
    for clause in lagging:
        text = text.replace(clause, f" {LOAD_READING} ", 1)
    return text


def _bin_read(words: list[str]) -> list[str]:
    """A document in the computer's emptied bin, or binned, as the deleted file it is:
    "emptied the bin and the list was in it" -> "emptied the recycle bin and the file was
    in it"; "binned the booking sheet" -> "deleted the booking file"; "почистила кошик, а
    там був договір" -> "… а там був файл" (a contract is no lawyer's question then)."""
    read = []
    for word in words:
        if word in BINNED_WORDS:
            read.append("deleted")
        elif word in BIN_READ:
            read.append(BIN_READ[word])
        elif word in DOCUMENT_WORDS:
            read.append(FILE_WORD["en" if word.isascii() else "uk"])
        else:
            read.append(word)
    return read


def _drive_gone(found: re.Match[str]) -> str:
    """A drive's "исчез", "подівся" as the article's "пропал", "зник"."""
    word = found.group(0)
    return "зник" if word.startswith(("щез", "поді", "діл", "дів")) else "пропал"


def _share_vanished(found: re.Match[str]) -> str:
    """A share said with a word of vanishing as the mapped drive that vanished: "shared
    folder vanished" -> "netdrive vanished"; one said after "from", "on", "з", "на" (two
    words back at most: "from the shared drive") is the place something else vanished from."""
    said = found.group(0)
    if not _VANISHED.search(said.replace(found.group("share"), " ")):
        return said
    before = found.string[: found.start("share")].split()[-2:]
    if not SHARE_PLACE_WORDS.isdisjoint(before):
        return said
    # "пропали файлы общей папки": a word between the vanishing and the share is what
    # vanished from it, unless it only points at the share ("пропала наша общая папка").
    between = found.string[found.start() : found.start("share")].split()[1:]
    if between and between[0] not in SHARE_LEAD_WORDS:
        return said
    # A bare "share" with a noun after it is a button or an option ("the share button is
    # gone", "the Share option disappeared in Word"), and a screen share is a meeting's.
    after = found.string[found.end("share") : found.end()].split()[:1]
    if found.group("share") == "share" and (
        before[-1:] == ["screen"] or (after and not _SHARE_VANISHING.fullmatch(after[0]))
    ):
        return said
    return said.replace(found.group("share"), "netdrive", 1)


def _chords(text: str) -> str:
    """A modifier key in a chord as the key it is: "shift+2" -> "shift key+2"."""
    text = _CHORD.sub(lambda m: f"{m.group(0)} key ", text)
    if _CHORD_CUES.search(text):
        text = _BARE_CHORD.sub(lambda m: f"{m.group(0)} key", text)
    return text


# Said with these, quitting is crashing: without warning, or again and again while working.
_CRASH_CUES = frozenset({"unexpectedly", "randomly", "suddenly", "keeps", "keep", "kept"})


def _program_quits(found: re.Match[str]) -> str:
    """"teams quits right after" -> "teams closes right after"; "excel keeps quitting" ->
    "excel keeps crashing"; "safari quits unexpectedly" -> "safari crashes unexpectedly"."""
    program, between, quits = found.group(1, 2, 3)
    after = found.group(4) or ""
    crashed = bool(after) or not _CRASH_CUES.isdisjoint(between.split())
    if quits == "quitting":
        return f"{program} {between}{'crashing' if crashed else 'closing'}{after}"
    return f"{program} {between}{'crashes' if crashed else 'closes'}{after}"


# Mail named by its stem in any form ("почты", "пошті", "письмах", "аутлуке").
_MAIL_STEMS = ("почт", "пошт", "письм", "outlook", "аутлук")


def _cloud_named(words: list[str]) -> bool:
    """A cloud drive is named ("Яндекс диск", "Google Drive", "OneDrive", "облако") and
    no mail is: what syncs then is the drive ("Яндекс диск не синхронизируется"), while
    "почта в облаке не синхронизируется" stays the mail's."""
    cloud = not CLOUD_WORDS.isdisjoint(words) or any(
        maker in CLOUD_MAKERS and drive in CLOUD_DRIVES for maker, drive in pairwise(words)
    )
    return cloud and not any(
        word in MAIL_WORDS or word in _MAILBOXES or word.startswith(_MAIL_STEMS)
        for word in words
    )


def _cloud_read(words: list[str]) -> list[str]:
    """A cloud drive's syncing as the drive's ("cloudsync"), and a drive named by its
    maker as the cloud drive it is ("яндекс диск" -> "gdrive"): no mail, no local disk."""
    read: list[str] = []
    for word in words:
        if word.startswith(CLOUD_SYNC_STARTS):
            read.append(CLOUD_SYNC)
        elif word in CLOUD_DRIVES and read and read[-1] in CLOUD_MAKERS:
            read[-1] = CLOUD_DRIVE
        else:
            read.append(word)
    return read


def _sensed(following: list[str]) -> bool:
    """Whether a faint thing just before these words is heard or smelt ("faint buzzing",
    "a faint high-pitched noise", "faint smell"), not seen."""
    return not SENSED_WORDS.isdisjoint(following)


def _mailbox_read(words: list[str]) -> list[str]:
    """Room or storage said of a mailbox or the mail is its quota ("no space left in my
    outlook" -> "no quota left", "ящик, нет места" -> "места quota"); a mailbox stuffed or
    crammed is full ("stuffed" -> "full")."""
    jams = not DEVICE_WORDS.isdisjoint(words)
    read = []
    for index, word in enumerate(words):
        after = words[index + 1] if index + 1 < len(words) else ""
        before = words[index - 1] if index else ""
        if word == "room" and before not in ROOM_AMOUNTS:
            read.append(word)
        elif (word in ROOM_WORDS or word == MAIL_STORAGE) and after not in SPACE_KEYS:
            # An English room is the quota alone: "out of space", "storage full" are the
            # disk's phrases ("немає місця" beside a mailbox stays an article's word).
            read.append(MAILBOX_ROOM if word.isascii() else f"{word} {MAILBOX_ROOM}")
        elif word in STUFFED_WORDS and not jams:
            read.append(MAILBOX_FULL)
        elif word in FULL_WORDS and not FULL_MAILBOX_WORDS.isdisjoint(
            words[max(index - FULL_REACH, 0) : index + FULL_REACH + 1]
        ):
            read.append(f"{word} {MAILBOX_ROOM}")
        else:
            read.append(word)
    return read


def _not_seen(found: re.Match[str]) -> str:
    """ "меня не видно" as the article's "меня не видят", "мене не видно" as "мене не бачать"."""
    return "мене не бачать" if "мене" in found.group(0) else "меня не видят"


def _another_key(text: str) -> bool:
    """A password or key said to be of something that is not the Wi-Fi ("пароль от ноутбука")."""
    return any(
        not _KEY_OF_WIFI.search(found.group(1)) for found in _KEY_OF.finditer(text)
    )


def _jammed(text: str, words: list[str]) -> bool:
    """Paper chewed, or paper stuck, in a message naming no other machine that takes paper,
    no animal or child, and no program."""
    if _OTHER_FEEDER.search(text):
        return False
    printing = _print_spoken(text, words) or "прінтер" in text
    if _PROGRAM.search(text) and not printing:
        return False
    sheet = bool(
        _PAPER.search(text)
        or (not _UKRAINIAN_LETTER.search(text) and _RUSSIAN_SHEET.search(text))
    )
    if _CHEWED.search(text) and (sheet or (printing and not _EATEN.search(text))):
        return True
    return bool(_STUCK.search(text) and _PAPER.search(text))


def _print_spoken(text: str, words: list[str]) -> bool:
    """Whether a print is spoken of: printing or copying named, a printer's maker or series,
    or pages coming out of something (`_PRINT_MARK`)."""
    return bool(
        _PRINTING.search(text)
        or _PRINTED_OUT.search(text)
        or not PRINTER_MAKER_WORDS.isdisjoint(words)
    )


def _storage_read(words: list[str]) -> list[str]:
    """A disk or machine said full in everyday words is full in the article's ("диск полный"
    -> "диск заполнен"), and what to delete asked where its room, its size or its being full
    is said is what frees room ("что удалить" -> "что освободить место"); beside a machine
    named alone it is not ("комп тормозит, что удалить из автозагрузки" is a slow one)."""
    read = [
        STORAGE_FULL[word]
        if word in STORAGE_FULL
        and any(_storage_named(words, at, index) for at in range(max(index - FULL_REACH, 0), index))
        and (words[index + 1] if index + 1 < len(words) else "") not in UTTER_WORDS
        else word
        for index, word in enumerate(words)
    ]
    full = any(
        word in STORAGE_FULL and any(_storage_named(words, at, index) for at in range(index))
        for index, word in enumerate(words)
    )
    if not full and ROOM_SAID.isdisjoint(words) and ROOM_WORDS.isdisjoint(words):
        return read
    return [
        CLEAN_ASKED[word]
        if word in CLEAN_ASKED
        and not CLEAN_ASK_WORDS.isdisjoint(words[max(index - CLEAN_ASK_REACH, 0) : index])
        else word
        for index, word in enumerate(read)
    ]


def _storage_named(words: list[str], at: int, full: int) -> bool:
    """Whether the word at `at` names the storage said full at `full`: a disk, memory or
    machine, or the drive's letter where it is no preposition (`DRIVE_LETTERS`)."""
    word = words[at]
    if word not in DRIVE_LETTERS:
        return word in FULL_STORAGE_WORDS
    between = words[at + 1 : full]
    return (
        at == 0
        or words[at - 1] in DRIVE_LETTER_AFTER
        or all(w in FULL_ADVERBS for w in between)
    )


def _load_read(words: list[str]) -> list[str]:
    """A 100 % a monitor shows is the machine's load: "диспетчер задач показывает цп 100%",
    "100% disk in task manager" say it is slow. The number is read as the slow word when a
    load word is near it or Task Manager is named; any other 100 stays a number."""
    tool = not LOAD_TOOLS.isdisjoint(words)
    return [
        LOAD_READING
        if word == _FULL_LOAD and (tool or not LOAD_WORDS.isdisjoint(_near(words, i)))
        else word
        for i, word in enumerate(words)
    ]


def _near(words: list[str], index: int) -> list[str]:
    return words[max(index - _LOAD_REACH, 0) : index + _LOAD_REACH + 1]


def code_readings(text: str) -> list[str]:
    """The words `normalize_text` adds after the error codes of `text` ("ошибка 502" gives
    "website"): a reading of the code, not a word the user wrote."""
    text = text.lower()
    if not any(hint in text for hint in _CODE_HINTS):
        return []
    return [word for pattern, word in _code_words(text) for _ in pattern.finditer(text)]


def _code_words(text: str) -> list[tuple[re.Pattern[str], str]]:
    """The code readings for `text` (lowercased): a crash code said with the program's start
    reads as the launch codes do (CODE_AT_START), unless the start is past or of something
    else (CODE_AFTER_START)."""
    text = _APOSTROPHES.sub("", text)
    if not _CODE_AT_START.search(text) or _CODE_AFTER_START.search(text):
        return _ERROR_CODES
    return [
        (pattern, LAUNCH_CODE_WORD if word == CRASH_CODE_WORD else word)
        for pattern, word in _ERROR_CODES
    ]


def without_code_words(text: str) -> str:
    """`text` (lowercased) with only the codes of what the code readings matched: "shows a
    502 bad gateway", "ошибка 502" keep "502". The words read with a code, and an HTTP
    status's reason phrase after it, say that something is broken, never what."""
    text = text.lower()
    if any(hint in text for hint in _CODE_HINTS):
        for pattern, _ in _ERROR_CODES:
            text = pattern.sub(_codes_only, text)
    return _HTTP_REASON.sub(" ", text)  # one said without its code: "page says bad gateway"


def _codes_only(match: re.Match[str]) -> str:
    return " " + " ".join(_CODE_TOKEN.findall(match.group(0))) + " "


_CODE_TOKEN = re.compile(r"[\w.:-]*[\d_][\w.:-]*")
_HTTP_REASON = re.compile(rf"(?<!\w)(?:{HTTP_REASONS})(?!\w)")


def from_wrong_layout(word: str) -> tuple[str, ...]:
    """The Cyrillic words meant when Latin keys were pressed in the Russian or the Ukrainian
    ЙЦУКЕН layout ("ghbynth": принтер; "ghfw.'": працює), Russian first; () if none."""
    if not word.isascii() or not re.fullmatch(r"[a-z;',.\[\]`]+", word):
        return ()
    russian = word.translate(_LAYOUT)
    ukrainian = word.translate(_UK_LAYOUT).replace("'", "")
    return (russian,) if ukrainian == russian else (russian, ukrainian)


def from_cyrillic_layout(word: str) -> str | None:
    """The Latin word meant when Cyrillic keys were pressed for it ("щгедщщл": outlook)."""
    if not _CYRILLIC.search(word):
        return None
    latin = word.translate(_BACK_TO_QWERTY)
    return latin if latin.isascii() and latin.isalpha() else None


def _fix_mixed_script(word: str) -> str:
    if word.isascii() or not _LATIN.search(word):
        return word
    cyrillic = len(_CYRILLIC.findall(word))
    latin = len(_LATIN.findall(word))
    if not cyrillic or not latin:
        return word
    return word.translate(_TO_CYRILLIC) if cyrillic >= latin else word.translate(_TO_LATIN)
