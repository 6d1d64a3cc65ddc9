"""Which second-line group gets a ticket.

The knowledge-base article names its group; when no article fits, the group is guessed
from what is broken ("ошибка в модуле склада" → software, a lost network → network, a
dead screen or a display board → hardware), and a configurable default catches the rest.
A place or a department ("бухгалтерия", "каса", "reception", "склад") names no group.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from gateway.knowledge.morphology import meant_text, readings
from gateway.models import SupportGroup
from gateway.triage.device_deeds import reads_a_card, shows_as_a_display
from gateway.triage.phrases import SCREEN_QUOTE, PhraseSet, normalise
from gateway.triage.whose import (
    HANGS_IN_SLANG,
    SLOWNESS,
    before_the_machine,
    machine_service,
    names_a_product,
    without_machines,
)

# Readers, clocks and encoders at a door or a desk (access control and time keeping), and
# the turnstiles, intercoms and kiosks they sit in: devices, and IT, whatever they look like.
DEVICES_AT_A_DOOR = [
    r"считывател\w*", r"зчитувач\w*", r"(card|badge|key ?card) (reader|encoder|printer)s?",
    r"энкодер\w*", r"енкодер\w*", r"кодувальник\w*",
    r"кодировщик\w*", r"fingerprint\w*", r"отпечат\w*", r"відбит\w*", r"биометр\w*",
    r"біометр\w*", r"time ?clock\w*", r"турникет\w*", r"турнікет\w*", r"turnstiles?",
    r"домофон\w*", r"шлагбаум\w*", r"(?:car park|parking|exit|entry) barriers?",
    r"(?:qr|qr-code|qr code|ticket|pass|wristband) (?:code )?(?:readers?|scanners?)",
    # scales at a till or a counter send the weight to it: "весы на кассе не передают вес"
    r"весы", r"ваги(?= (?:на|біля|у|в|не))", r"(?:till|checkout|counter|label|shop) scales?",
    r"інфокіоск\w*", r"инфокиоск\w*",
]  # fmt: skip

# Sound that is gone or does not play: "нет звука", "пропав звук", "звук не работает", "не
# идёт звук", "no sound", "no audio", "the sound stopped working", "lost the audio".
# … and the sound device a screen names ("Выходное аудиоустройство не установлено",
# "аудіовихід не знайдено"): its own message, not an install
_SOUND = r"(?:звук\w*|sound|audio|аудио(?:устройств|выход)\w*|аудіо(?:пристр|вихід|виход)\w*)"
_SOUND_LOST = (
    rf"(?:(?:нет|немає|нема|без|пропал\w*|пропав|зник\w*|исчез\w*|no|lost|losing|lose)"
    rf"(?: \w+)? {_SOUND}|(?:не|ні) (?:\w+ )?\w+ {_SOUND}|{_SOUND} (?:\w+ )?(?:нет|немає|нема|"
    r"пропал\w*|пропав|зник\w*|исчез\w*|не \w+|ні \w+|is gone|has gone|stopped\w*|"
    r"(?:is |has )?(?:not|n't|doesn'?t|isn'?t|won'?t|cut|cuts|dropped|drops)\w*))"
)

GROUP_WORDS: Mapping[SupportGroup, PhraseSet] = {
    SupportGroup.SECURITY: PhraseSet([
        r"фишинг\w*", r"вирус\w*", r"подозрительн\w*", r"взлом\w*", r"фішинг\w*", r"вірус\w*",
        r"підозріл\w*", r"phishing", r"virus\w*", r"malware", r"suspicious", r"hack\w*",
        r"ransomware", r"шифровальщик\w*",
    ]),
    SupportGroup.ACCOUNTS: PhraseSet([
        r"парол\w*", r"учетн\w* запис\w*", r"учетк\w*", r"аккаунт\w*", r"логин\w*", r"доступ\w*",
        r"облікови\w* запис\w*", r"password\w*", r"account(?!ing|ant)\w*", r"access",
        # the login screen is a screen on a machine's way up, where it hangs or which it never
        # reaches ("frozen on the login screen", "never gets to the login screen"): no account
        # word, as it is no device's screen
        r"login(?! screen)",
        r"двухфактор\w*", r"двофактор\w*", r"2fa", r"mfa", r"authenticator",
    ]),
    SupportGroup.EMAIL: PhraseSet([
        r"почт\w*", r"пошт\w*", r"письм\w*", r"outlook", r"thunderbird", r"e-?mail\w*",
        r"mailbox", r"inbox", r"ящик\w*", r"скриньк\w*",
    ]),
    SupportGroup.NETWORK: PhraseSet([
        r"интернет\w*", r"інтернет\w*", r"сет[ьи]", r"мереж\w*", r"wi-?fi", r"vpn",
        r"вай-?фа[йюяїе]\w*",  # "відвалюється від вайфаю", "нет вайфая", "вай-фай"
        r"впн",
        r"сайт\w*", r"network", r"internet", r"website", r"сетев\w* (диск|папк)\w*",
        r"мережев\w* (диск|папк)\w*", r"shared (drive|folder)", r"роутер\w*", r"router",
        # a page that will not open in a browser is the network's, whatever the site is
        r"браузер\w*", r"browser\w*", r"net::\w+", r"err_\w+", r"chrome", r"firefox",
        # being on the network at all: "can't get online", "went offline" (of a computer)
        r"(get|go|come|be|gets|goes|stay|stays) online", r"no connection", r"нет связи",
        r"немає зв'язку",
        # a connection lost, whatever lost it: "every gate scanner lost connection"
        r"(lost|lose|loses|losing|dropped|drops) (the |its |their |all )?connection",
        r"connection (lost|dropped|is lost)", r"(потерял\w*|пропал\w*|пропала) связ\w*",
        r"связ\w* (пропал\w*|потерян\w*)", r"(втрати\w*|пропа\w*|зник\w*) зв'яз\w*",
        r"зв'яз\w* (пропа\w*|зник\w*)",
    ]),
    SupportGroup.HARDWARE: PhraseSet([
        r"принтер\w*", r"сканер\w*", r"мфу", r"монитор\w*", r"монітор\w*", r"клавиатур\w*",
        r"клавіатур\w*", r"мыш\w*", r"миш\w*", r"ноутбук\w*", r"наушник\w*", r"навушник\w*",
        r"колонк\w*", r"камер\w*", r"микрофон\w*", r"мікрофон\w*", r"printer\w*", r"scanner\w*",
        r"monitor\w*", r"(?<!splash )(?<!same )(?<!login )(?<!home )(?<!lock )screens?",
        r"keyboard\w*", r"mouse", r"laptop\w*", r"headset\w*",
        r"webcam\w*", r"camera", r"microphone", r"экран\w*", r"екран\w*",
        r"табло", r"(?:display|departures?|arrivals?|flight|timetable|schedule|queue) boards?",
        r"kiosk\w*", r"киоск\w*",
        r"кіоск\w*", r"терминал\w* самообслуживания", r"термінал\w* самообслуговування",
        r"self-service (terminal|kiosk)\w*", r"панел\w*", r"panel\w*", r"телевизор\w*",
        # boards and screens on a wall or a desk, handheld scanners
        r"(интерактивн|інтерактивн|электронн|електронн)\w* (доск|дошк)\w*", r"smart ?boards?",
        r"interactive (white)?boards?", r"(video ?wall|видеостен\w*|відеостін\w*)",
        r"(the|a|our|this|that|every|each|all) (\w+ ){0,2}displays?(?! (name|settings?))",
        r"дисплей\w*", r"touch ?screens?", r"сенсорн\w*",
        r"(barcode|scan|scanning|handheld) (guns?|readers?|scanners?)",
        r"телевізор\w*", r"tv", r"проектор\w*", r"projector\w*", r"scan\w*", r"скан\w*",
        r"mfp", r"бфп", r"тсд", r"copiers?", r"photocopiers?", r"ксерокс\w*", r"копир\w*",
        r"копіювальн\w*", r"сканер\w* штрих\w*", r"barcode scanner\w*",
        # a barcode gun: "пістолет штрихкодів не пікає", "пистолет для штрихкодов"
        r"(?:пистолет|пістолет)\w* (?:для |для зчитування |для считывания )?штрих\w*",
        r"фискальн\w*", r"фіскальн\w*", r"receipt printer\w*", r"чеков\w* принтер\w*",
        r"системник\w*", r"системн\w* блок\w*", r"ноут\w*", r"не включа\w*", r"не вмика\w*",
        # a tablet is a device as a laptop is ("планшет водителя подтормаживает", "the
        # waiter's tablet won't charge"), and so are a transport card validator and a cash
        # machine in a public place (session 18; not "we have no cash machine": none there)
        r"планшет\w*", r"tablets?", r"валидатор\w*", r"валідатор\w*", r"validators?",
        r"банкомат\w*",
        # a phone on a desk is a device, as a tablet is ("стационарный телефон молчит, гудка
        # нет", "the desk phone has no dial tone"); not a mobile, which sets up mail
        r"(стационарн|настольн|рабоч|офисн|стаціонарн|настільн|робоч|офісн)\w* телефон\w*",
        r"ip-?телефон\w*", r"телефонн\w* (апарат|трубк)\w*", r"(desk|office|ip|voip|sip) ?phones?",
        # no tone is a phone's; tones in a call ("в Teams короткие гудки") are the program's
        r"handsets?", r"dial ?tone", r"(нет|немає|нема|без|не слышно|не чути) гудк\w*",
        r"гудк\w* (нет|немає|нема|не слышно|не чути)", r"yealink", r"grandstream", r"polycom",
        r"won'?t (turn|switch|power) on", r"no signal", r"немає сигналу", r"нет сигнала",
        r"kyocera", r"ricoh", r"xerox", r"canon", r"epson", r"brother", r"pantum", r"konica\w*",
        r"laserjet", r"ecosys", r"i-sensys", r"taskalfa", r"workcentre",
        # the maker's name as the device itself ("the HP says 'Offline'", "не печатает HP."),
        # not a model's first word ("HP ProBook 450") nor after the device ("ноутбук HP")
        r"(?<!ноутбук )(?<!ноут )(?<!комп )(?<!компьютер )(?<!комп'ютер )(?<!пк )(?<!pc )"
        r"(?<!laptop )(?<!принтер )(?<!printer )(?<!мфу )(?<!бфп )"
        r"hp(?=\s*(?:[.,;:!?)'\"»]|$)|\s+(?:says|shows|is|keeps|jams|won'?t|doesn'?t|isn'?t|"
        r"on|in|at|from|in|в|на|у|не|пишет|пише|показує|показывает|вообще|взагалі)\b)",
        # sound lost and not being heard are a device's, whatever program the call is in: "в
        # Teams мене не чують", "no sound in the headphones", "my mic doesn't work in Zoom";
        # not a sound heard ("лифт издаёт странный звук") nor tones heard instead of it in a
        # program ("в Zoom вместо звука гудки")
        rf"{_SOUND_LOST}", r"mics?", r"гарнитур\w*", r"гарнітур\w*", r"динамик\w*",
        r"динамік\w*", r"head ?phones?", r"earphones?", r"earbuds?",
        r"(?:не|ні) (?:\w+ )?(?:чу(?:ють|ть|ти|є|ю|ли)|чутно|слыш\w*|слых\w*)",
        r"(?:can'?t|cannot|can not|couldn'?t|doesn'?t|don'?t|won'?t) hear",
        r"(?:isn'?t|is not|aren'?t|are not|not) (?:being )?picked up",
        r"hdmi", r"vga", r"displayport", r"dvi", r"док-станц\w*", r"docking station\w*", r"dock",
        r"кабел\w*", r"cable\w*", r"переходник\w*", r"перехідник\w*", r"adapter\w*",
        # readers, encoders, turnstiles and clocks at a door or a desk are devices
        *DEVICES_AT_A_DOOR,
    ]),
    SupportGroup.SOFTWARE: PhraseSet([
        r"программ\w*", r"програм\w*", r"приложени\w*", r"застосунк\w*", r"модул\w*",
        r"накладн\w*", r"проводк\w*", r"провед\w*", r"1[сc]", r"sap", r"crm",
        r"erp", r"excel", r"word", r"teams", r"zoom", r"лицензи\w*", r"ліцензі\w*",
        # a spreadsheet is an office program's file: "the spreadsheet with the rota won't open"
        r"spreadsheets?", r"(электронн|електронн)\w* таблиц\w*",
        # the suite, not a place: "Office 365", "MS Office"; not "the box office", "our office"
        r"(ms|microsoft|libre|open) ?office", r"office ?(365|20\d\d|suite|apps?|pro\w*)",
        r"офис 365", r"офіс 365",
        r"обновлени\w*", r"оновлен\w*", r"установ\w*", r"встанов\w*", r"software",
        r"apps?", r"application\w*",
        r"program\w*", r"update\w*", r"install\w*", r"licen[cs]e\w*", r"windows", r"bas",
        r"patch\w*", r"crash\w*", r"freez\w*", r"froze", r"frozen", r"not responding",
        r"вылета\w*", r"вилiта\w*",
        r"вилітає", r"зависа\w*", r"завис\w*", r"не отвечает", r"не відповідає", r"splash",
        # a program and its faults said in slang: "прога крашится", "традос виснет намертво"
        r"прог[аиуіе]", r"прогой", r"прогою", r"прогами", r"краш(?:ит|ат|ил|ну|нул)\w*",
        *HANGS_IN_SLANG,
        # slowness is what fails in the machine a program runs on, not the machine: "the
        # laptop is crawling", "ноут тормозит", "комп гальмує" (session 42: hardware's, by
        # "laptop"); beside a device or a network it ties and goes to them ("мышка тормозит",
        # "інтернет гальмує")
        *SLOWNESS,
    ]),
}  # fmt: skip


# Machines the public pays at or takes a ticket or a number from: a card terminal, a pin pad,
# a parking or ticket machine, a queue's ticket dispenser. A device (a vote for hardware, as
# printing is), though they name no device of the desk's own list: "терминал не принимает
# карты", "the parking pay machine won't take cards", "апарат електронної черги не видає
# талони". Not a coffee or vending machine. A vote only: a lost connection in the same words
# ("нет связи с банком") is the network's, and many such machines stopped stay the outage.
PUBLIC_MACHINES = PhraseSet([
    r"(платежн|платёжн|платіжн|банковск|банківськ|pos-?)\w* (терминал|термінал)\w*",
    r"(терминал|термінал)\w* (для )?(оплат\w*|карт\w*|безнал\w*|безготів\w*|еквайр\w*|"
    r"эквайр\w*)",
    # … or one said to take cards or payments: "терминал не принимает карты"
    r"(терминал|термінал)\w* (\w+ ){1,3}?(карт[уыиіо]?|картк\w*|карточк\w*|оплат\w*)(?!\w)",
    r"(card|payment|pdq|chip and pin|chip-and-pin|pos|pay|parking|ticket|ticketing|queue) "
    r"(machines?|terminals?|readers?|devices?|stations?|dispensers?)",
    r"pin ?-?pads?", r"пин-?пад\w*", r"пін-?пад\w*", r"паркомат\w*",
    r"(билетн|квитков|паркувальн|парковочн)\w* (автомат|апарат|аппарат|термінал|терминал)\w*",
    r"(автомат|апарат|аппарат|термінал|терминал)\w* (по продаже |з продажу |для продажу |для )?"
    r"(билет|квит|талон|черг|очеред|паркув|парков)\w*",
    r"(автомат|апарат|аппарат|термінал|терминал)\w* (электронн|електронн)\w* (очеред|черг)\w*",
])  # fmt: skip

# Printing is a printer's work, whatever prints ("can't print shipping labels", "не
# печатаются накладные", "не друкує"): a vote for hardware, though no device is named.
PRINTING = PhraseSet([
    r"print|prints|printing|printed", r"(рас|на)?печата\w*", r"(роз|на)?друку\w*",
    r"(роз|на)?друкова\w*",
])  # fmt: skip

# Printing said to fail, whatever is printed: "не друкується договір", "won't print"
PRINTING_FAILS = PhraseSet([
    r"(не|ні) (\w+ )?(рас|на|роз)?(печата|друку|друкова)\w*",
    r"(can'?t|cannot|won'?t|doesn'?t|does not|not|unable to|fails? to) print\w*",
])  # fmt: skip

# Printing said to fail with nothing named that is printed: "nobody in the office can print",
# "у всего отдела не печатает", "ніхто не може нічого роздрукувати"; the shared printer's
# stop, unlike a service's own documents ("none of the tellers can print receipts").
_PRINT_VERB = (
    r"(?:print|printing|(?:рас|на)?печата(?:ть|ет|ют|ется|ются)|(?:рас|на)?печатать|"
    r"(?:роз|на)?друк(?:ує|ують|ується|уються|увати)|(?:роз|на)?друкувати)"
)
_NOTHING_NAMED = (
    r"(?:anything|at all|ничего|нічого|вообще|взагалі|документ\w*|documents?|files?|файл\w*)"
)
BARE_PRINTING = re.compile(
    rf"(?<!\w){_PRINT_VERB}(?:\s+{_NOTHING_NAMED})?(?=\s*(?:[,.;:!?—–-]|$)|\s+(?:and|but|а|и|і|але|но)\s)",
    re.IGNORECASE,
)

# A file deleted, overwritten or saved over, or the bin it was in emptied: a computer's file,
# whatever it held ("deleted the fresco condition report by accident", "сохранила поверх
# отчёта пустой шаблон", "почистила корзину вместе с эскизом"). Not a bin that is full or a
# thing restored ("корзина со стружкой переполнена", "восстановить старый паркет").
FILES_LOST = [
    r"удали(?:л|ла|ли|лся|лась|лось|лись|ть)?", r"удален[оаы]?",
    r"удаля(?:ть|ет|ют|ется|ются)", r"видали(?:в|ла|ли|лося|лись|ти)?", r"видален\w*",
    r"видаля(?:ти|є|ють|ється|ються)", r"delet(?:e|ed|es|ing)", r"overwr(?:ite|ote|itten|iting)",
    r"перезаписа\w*", r"перезбер\w*", r"пересохран\w*", r"saved? over",
    r"(?:сохран|зберег|зберіг|збереж|записа)\w* (?:\w+ ){0,3}поверх",
    r"(?:почист|очист|почищ|очищ)\w* (?:\w+ )?(?:корзин|кошик)\w*",
    r"(?:корзин|кошик)\w* (?:\w+ )?(?:почист|очист|почищ|очищ)\w*",
    r"(?:the |my )?recycle bin", r"(?:emptied|empty|emptying|cleared) (?:the |my )?trash",
]  # fmt: skip

# Things that are IT without looking like it, which name no group of their own: a message
# about them is a support request, not a question to clarify ("касса не открывает смену").
IT_SHAPED = PhraseSet([
    r"касс\w*", r"кас[аиіу]", r"касов\w*", r"pos", r"tills?", r"cash registers?",
    r"чек(?!а(?:т|ю|є|в|л|й|н))\w*",  # a receipt; not the Ukrainian "чекати" (to wait)
    r"self-? ?checkouts?", r"каси? самообслуговування", r"касс\w* самообслуживания",
    r"(электронн|електронн)\w* рецепт\w*", r"e-?prescriptions?",
    r"receipts?", r"терминал\w*", r"термінал\w*", r"terminals?",
    # what takes the cards at a till: "the card machine at the golf bar", "пинпад"
    r"(card|payment|chip and pin|pdq) (machine|device|reader)s?", r"pin ?-?pads?",
    r"пин-?пад\w*", r"пін-?пад\w*",
    r"ip-?телефон\w*", r"телефони\w*", r"softphone\w*", r"phone system",
    r"систем\w*", r"system\w*", r"сервер\w*", r"server\w*", r"портал\w*", r"portal\w*",
    r"сайт\w*", r"бронировани\w*", r"бронюванн\w*", r"booking\w*", r"электронн\w+ очеред\w*",
    r"електронн\w+ черг\w*", r"queue (system|display)",
    # a reader or an encoder alone may be a program ("Adobe Reader"): IT, no group
    *DEVICES_AT_A_DOOR, r"readers?", r"encoders?", r"скуд", r"учет\w* рабочего времени",
    r"облік\w* робочого часу",
    r"digital signage", r"signage",
    # a computer is IT whatever fails in it, hardware or software: "my PC won't boot", "комп
    # не загружается" (no group of its own: what fails in it routes)
    r"комп", r"компы", r"компьютер\w*", r"комп'ютер\w*", r"компа", r"компе", r"компу",
    r"компом", r"пк", r"pcs?", r"computers?", r"desktops?", r"workstations?",
    # … and its Ukrainian cases: "на компі", "компи в офісі", "на всіх компах"
    r"компі", r"компи", r"компів", r"компам", r"компами", r"компах",
    # a barcode read at a desk or on a line: "штрихкод не считывается", "штрих-коди"
    r"штрих-?код\w*", r"barcodes?",
    *FILES_LOST,
])  # fmt: skip
# A password or a login that something asks for is how it fails, not what is broken: "the
# shared drive asks for a password" is the drive's ("просит пароль", "вимагає логін").
_ASKED_FOR = re.compile(
    r"(?<!\w)(?:asks?|asking|asked|prompts?|prompting|keeps asking|просит|просить|требует|"
    r"запрашивает|вимагає|питає|запитує)\s+(?:me\s+|мене\s+|меня\s+)?(?:for\s+)?"
    r"(?:a\s+|the\s+|my\s+|ввести\s+)?(?:парол\w*|логин\w*|логін\w*|password\w*|"
    r"credentials|login)",
    re.IGNORECASE,
)
# A word that names a department ("the accounts office printer", "our network team", "the
# accounts payable desk") says who works there, not what is broken.
# It starts where a run of word characters and hyphens starts (not at each \b inside one:
# a word of thousands of hyphenated parts cost time quadratic in its length, 4 s at 8,000).
_DEPARTMENT = re.compile(
    r"(?<![\w-])(?!(?:ms|microsoft|libre|open)\s)[\w-]+(?:\s+payable|\s+receivable)?\s+"
    r"(?=(?:office|department|dept|team|desk|staff)\b)",
    re.IGNORECASE,
)
# … and one named by its field after "отдел"/"відділ"/"служба" ("у відділі інтернет-продажів",
# "отдел доступа", "служба почтовой доставки"): the genitive after it is the department's
# name, not what is broken ("у відділі інтернет-продажів не вмикається комп'ютер" is the
# computer's).
_DEPARTMENT_NOUN = re.compile(
    r"(?<![\w-])(?:отдел|відділ|служб[аеиуы]|служба|департамент|управлени[еия]|управління|"
    r"сектор)\w*\s+",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")
MAX_NAME_ADJECTIVES = 2
# The post office as a place: "на почте", "на пошті", "в отделении почты", "Нова пошта"
_POST_OFFICE = re.compile(
    r"(?<!\w)(?:на\s+(?:почте|пошті)|(?:отделени\w*|відділенн\w*)\s+(?:почты|пошти)|"
    r"почтов\w+\s+отделени\w*|поштов\w+\s+відділенн\w*|(?:нов\w+|укр)\s?(?:почт|пошт)\w*)"
    r"(?!\w)",
    re.IGNORECASE,
)
# A program named as where a device's input goes or shows ("пищить і нічо не вводить в касову
# програму", "beeps but nothing appears in the POS"): the device is what is broken, the program
# only where its work was to land (read so when a device is named).
_WHERE_INPUT_GOES = re.compile(
    r"(?<!\w)(?:в|у|во|до|into|in|to)\s+(?:the\s+|our\s+|a\s+)?(?:[\w-]+\s+)?"
    r"(?:программ\w*|програм\w*|приложени\w*|застосунк\w*|programs?|apps?|applications?|"
    r"pos|1[сc]|crm|excel|word)(?!\w)",
    re.IGNORECASE,
)
_A_COMPUTER = re.compile(r"(?<!\w)(?:комп\w*|пк|pc|computers?)(?!\w)", re.IGNORECASE)
# A machine programs run on: the program named on it is no device's input ("на ноутбуке в
# программе 1С ошибка", "can't log in to the CRM on my tablet" are the program's)
_RUNS_PROGRAMS = re.compile(
    r"(?<!\w)(?:комп\w*|пк|pc|computers?|ноут\w*|laptops?|notebooks?|планшет\w*|tablets?|"
    r"системник\w*|системн\w* блок\w*|моноблок\w*)(?!\w)",
    re.IGNORECASE,
)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
_SURZHYK_I = re.compile(r"(?<=[бвгджзклмнпрстфхцчшщ])і(?=[бвгджзклмнпрстфхцчшщ])", re.IGNORECASE)
ARTICLE_VOTE = 1  # what an unconfident match adds to its group's words
# Machines programs run on: what fails in them routes, not the machine ("ноут тормозит" is
# software's, "ноутбук не видит вайфай" the network's, "the tablet won't charge" hardware's,
# as nothing else is named). Hardware's words, counted for hardware only when nothing else is.
_HOSTS = re.compile(
    r"(?<!\w)(?:ноутбук\w*|ноут\w*|laptop\w*|планшет\w*|tablets?|системник\w*|"
    r"системн\w* блок\w*)(?!\w)",
    re.IGNORECASE,
)
# Devices whose connection is their own fault ("принтер не в сети", "the printer is offline on
# the network"): a lost connection named beside them does not make them the network's.
_CONNECTED_ON_THEIR_OWN = re.compile(
    r"(?<!\w)(?:принтер\w*|printers?|мфу|бфп|mfps?|сканер\w*|scanners?|copiers?|ксерокс\w*|"
    r"плотер\w*|плоттер\w*|plotters?)(?!\w)",
    re.IGNORECASE,
)
# … and scanning to a folder or a mail, whose server is the device's own setting:
# "сканирование в папку: ошибка «Не удалось подключиться к серверу SMB»" is the MFP's, not
# the network's (not a ticket scanner whose validation service is out of reach).
_SCANS_TO_A_SERVER = re.compile(
    r"(?<!\w)(?:smb|ftp|(?:скан\w*|scan\w*)\s+(?:в|на|до|у|to|into)\s)", re.IGNORECASE
)
# … and printing, when a printer does it (a printer, a scanner or an MFP named, or a printer's
# maker): "принтер пишет «Сервер недоступен»" is the printer's. Not a scale, a till or a
# kiosk whose labels or receipts stop with the server it lost ("весы показывают «Нет связи с
# сервером», и этикетки с весом не печатаются", "the label scale prints labels with no batch
# number, its little screen says 'Database offline'"): that server is what is broken.
_PRINTS = re.compile(
    r"(?<!\w)(?:print|prints|printing|printed|(?:рас|на)?печата\w*|(?:роз|на)?друк\w*)",
    re.IGNORECASE,
)
# A browser's own error code: "ERR_CONNECTION_RESET", "NET::ERR_CERT_DATE_INVALID",
# "DNS_PROBE_FINISHED_NXDOMAIN", "SSL_ERROR_BAD_CERT_DOMAIN" (Firefox), "ERR_SSL_PROTOCOL_ERROR".
_BROWSER_ERROR = re.compile(
    r"(?<![\w:])(?:net::)?(?:err_[a-z_]{4,}|dns_probe_[a-z_]+|ssl_error_[a-z_]+|"
    r"sec_error_[a-z_]+)(?!\w)",
    re.IGNORECASE,
)


# … and what a browser shows itself instead of a page: "This site can't be reached", "Your
# connection is not private", "Подключение не защищено", "Не вдається отримати доступ до сайту"
_BROWSER_SCREEN = re.compile(
    r"this site can[’']?t be reached|this page isn[’']?t working|can[’']?t reach this page|"
    r"your connection is not private|(?:ваше )?подключение не защищено|"
    r"(?:ваше )?з[’']?єднання не захищене|не удается получить доступ к сайту|"
    r"не вдається отримати доступ до сайту",
    re.IGNORECASE,
)

# A screen that waits for a connection that never comes: "висит на «Соединение...»", "завис на
# підключенні", "stuck on 'Connecting'", "spins on connecting to host". What is broken is the
# connection, whatever device or program waits for it (a card terminal, a till, a client).
_WAITS_FOR_CONNECTION = re.compile(
    r"(?<!\w)(?:виси\w*|завис\w*|застр\w*|крути\w*|стоит|стоїть|висне|"
    r"stuck|hangs?|hanging|hung|frozen|freezes|sits?|sitting|spins?|spinning|loops?|looping)"
    r"\s+(?:на|в|у|on|at|in)\s+[«\"'“‘]?\s*(?:соединени\w*|подключени\w*|установк\w* (?:связи|"
    r"соединения)|з'єднанн\w*|з’єднанн\w*|підключенн\w*|connecting|connection|"
    r"(?:waiting|trying) (?:for|to) (?:connect\w*|network|host|server|the host|the server)|"
    # … or on the server's answer: "висить на «Очікування відповіді сервера»"
    r"(?:очікуванн\w*|ожидани\w*)\s+(?:відповіді|ответа)\s+(?:від\s+|от\s+)?(?:сервер\w*|хост\w*))|"
    # … or that keeps waiting for its server's answer: "кіоск постійно чекає відповіді
    # сервера", "ждёт ответа от сервера", "waits for a response from the server"
    r"(?<!\w)(?:чека\w*|жд[её]т\w*|ожида\w*|waits?|waiting)\s+(?:на\s+)?(?:відповід\w*|ответ\w*)"
    r"\s+(?:від\s+|от\s+)?(?:сервер\w*|хост\w*)|(?<!\w)(?:waits?|waiting) for (?:a |the )?"
    r"(?:response|reply|answer) from (?:the )?(?:server|host)(?!\w)|"
    # … or that shows nothing but the wait: "just shows 'Connecting...'", "на екрані
    # «З'єднання…»", "показывает «Подключение»"
    r"[«\"'“‘]\s*(?:re)?(?:connecting|переподключени\w*|подключени\w*|соединени\w*|"
    r"підключенн\w*|з'єднанн\w*|з’єднанн\w*)\s*(?:\.{2,3}|…)|"
    r"(?<!\w)(?:shows?|showing|says|displays?|пишет|пише|показывает|показує)\s+"
    r"[«\"'“‘]\s*(?:re)?(?:connecting|переподключение|подключение|соединение|підключення|"
    r"з'єднання|з’єднання)\s*[»\"'”’]",
    re.IGNORECASE,
)


# What the screen says of the system behind a device: it is out of reach ("every scanner shows
# 'Validation service unavailable'", "на всех экранах «Сервер недоступен»", "server not
# responding", "Немає з'єднання з сервером", "Нет подключения к серверу").
_OUT_OF_REACH = (
    r"(?:service|server|host|system|backend|сервер\w*|сервис\w*|сервіс\w*|служб\w*|систем\w*)"
    r"\W{0,2}\s+(?:\w+\s+)?(?:is\s+|are\s+)?(?:unavailable|unreachable|not available|not "
    r"responding|not reachable|down|недоступ\w*|не отвечает|не відповідає|не доступ\w*)|"
    # … or that it is not found, the server named whole ("'Server not found'", «Сервер
    # этикеток не найден», «Сервер не знайдено») or the verb first ("Could not find the
    # server", «Не удалось найти сервер»)
    r"(?:server|host|сервер|сервис|сервіс|хост)\W{0,2}\s+(?:[\w-]+\s+)?(?:was\s+|is\s+)?"
    r"(?:not\s+found|не\s+найден\w*|не\s+знайден\w*|не\s+обнаружен\w*|не\s+виявлен\w*)(?!\w)|"
    r"(?:unable to|can'?t|cannot|could not|couldn'?t|failed to)\s+(?:find|locate)\s+"
    r"(?:the\s+)?(?:servers?|hosts?)(?!\w)|"
    r"не\s+(?:удается|удаётся|удалось|вдається|вдалося)\s+(?:найти|знайти|обнаружить|виявити)"
    r"\s+(?:сервер|хост)\w*|"
    r"(?:no|нет|немає|нема)\s+(?:connection|связи|зв'язку|зв’язку|соединения|подключения|"
    r"з'єднання|з’єднання|підключення)\s+(?:to|with|с|со|з|із|к|до)\s+(?:the\s+)?(?:servers?|"
    r"hosts?|services?|сервер(?:ом|у|а)|сервис(?:ом|у|а)|сервіс(?:ом|у|а))(?!\w)|"
    # … or says it could not reach it, the verb first: "Unable to reach server, retrying",
    # "Cannot connect to the host", "Не удаётся подключиться к серверу", "Не вдається
    # з'єднатися з сервером"
    r"(?:unable to|can'?t|cannot|could not|couldn'?t|failed to|fails to|not able to)\s+"
    r"(?:reach|connect to|contact)\s+(?:the\s+)?(?:servers?|hosts?|services?|backend)(?!\w)|"
    r"(?:не\s+(?:удается|удаётся|удалось|может|вдається|вдалося|може)|невозможно|неможливо)\s+"
    r"(?:подключиться|соединиться|связаться|достучаться|підключитися|під'єднатися|"
    r"з'єднатися|з’єднатися|зв'язатися|зв’язатися)\s+(?:к|с|со|до|з|із)\s+(?:сервер\w*|"
    r"сервис\w*|сервіс\w*|хост\w*)"
)
# A device whose screen says so ("shows 'Results service unavailable'", "пишет «Сервис
# заказов недоступен»": in quotes or after a verb of showing) shows the system is what is
# broken: its connection, not the device. Said by the user of the device's own part ("the
# fan is broken, the cooling system is down", "ноутбук не включается, система не отвечает")
# it is the device's.
# … and what only a screen says of what it lost: the source of what it shows ("Data source
# unavailable", "Stream offline"), the network itself ("No network connection", "Немає
# підключення до мережі"), a server named between ("Cannot reach feeding server") and one it
# keeps connecting to ("Reconnecting to content server", "Переподключение к серверу"); and
# its own link to the network, its network adapter or cable said not connected ("«Сетевой
# адаптер не подключён»", "'Network cable unplugged'", "«Мережевий кабель не підключено»"):
# "кабель" and "адаптер" are hardware's words, but what is lost is the network. Not a cable
# with no network word ("Кабель не подключён" on a monitor is its video cable).
_LOST_ON_SCREEN = (
    r"(?:ethernet\W{0,2}\s+)?(?:сетев\w*|мережев\w*|network|ethernet|lan)\s+(?:адаптер\w*|"
    r"кабел\w*|карт[аы]|adapter|cable)\s+(?:is\s+)?(?:не\s+подключ\w*|не\s+підключ\w*|"
    r"отключ\w*|відключ\w*|від[’']?єднан\w*|unplugged|disconnected|not\s+connected)(?!\w)|"
    r"(?:data\s+source|source|database|stream|feed|service|server|host|system|backend|"
    r"сервер\w*|сервис\w*|сервіс\w*)s?\W{0,2}\s+(?:is\s+)?(?:unavailable|unreachable|not "
    r"available|offline)(?!\w)|"
    r"(?:источник\w*|джерел\w*)\s+(?:\w+\s+)?(?:недоступ\w*|не доступ\w*|офлайн)|"
    r"(?:no|нет|немає|нема)\s+(?:network|internet)\s+connection|"
    r"(?:нет|немає|нема)\s+(?:подключения|соединения|підключення|з'єднання|з’єднання)\s+"
    r"(?:к|до|з|із)\s+(?:сети|интернету|мережі|інтернету|мережею|інтернетом)(?!\w)|"
    r"(?:unable to|can'?t|cannot|could not|couldn'?t|failed to|not able to)\s+"
    r"(?:reach|connect to|contact)\s+(?:the\s+)?(?:[\w-]+\s+){1,2}(?:servers?|hosts?|"
    r"services?)(?!\w)|"
    r"(?:re)?connecting\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:servers?|hosts?|services?)(?!\w)|"
    r"(?:пере)?(?:подключени\w*|соединени\w*)\s+(?:к|с)\s+сервер\w*|"
    r"(?:пере)?(?:підключенн\w*|з'єднанн\w*|з’єднанн\w*)\s+(?:до|з|із)\s+сервер\w*|"
    # … and what it says of its exchange with the system that feeds it: an error of exchange
    # or of sync ("«Ошибка обмена с сервером»", "«Ошибка синхронизации»", "'Sync failed'"),
    # or no data to show ("'No data from host'", "'No data'", "«Нет данных»")
    r"(?:ошибк\w*|помилк\w*|errors?)\s+(?:обмена|обміну|синхрониз\w*|синхроніз\w*|sync\w*|"
    r"exchange|data exchange)(?!\w)|"
    r"(?:sync|synchroni[sz]ation|синхронизаци\w*|синхронізаці\w*)\s+(?:has\s+)?(?:failed|"
    r"error|lost|не\s+удал\w*|не\s+вдал\w*|неудач\w*|невдал\w*|прерван\w*|перерван\w*)(?!\w)|"
    r"(?:no|нет|немає|нема)\s+(?:data|данных|даних)(?!\w)|"
    # … or that the system behind it did not answer in time: "'Gateway timeout'", "'Server
    # timed out'"
    r"(?:gateway|server|host)\s+(?:time-?out|timed\s+out)(?!\w)|"
    # … or that it has nothing to show and its link is to blame ("'No content available, check
    # connection'"), that it lost the controller it shows ("«Немає зв'язку з контролером»"), or
    # that the telephony did not register it ("'SIP registration failed'", "«Немає реєстрації»");
    # issue 19, session 43: frozen41, tune36, frozen40. Not a link to a device of the room ("«Нет
    # связи с пультом»": frozen22 calls the scoreboard and its console hardware).
    r"(?:no\s+content(?:\s+available)?|нет\s+контента|немає\s+контенту)\W{0,3}\s*(?:check|"
    r"провер\w*|перевір\w*)\s+(?:the\s+|your\s+)?(?:internet\s+|network\s+)?(?:connection|"
    r"подключени\w*|соединени\w*|підключенн\w*|з'єднанн\w*|з’єднанн\w*)|"
    r"(?:no|нет|немає|нема|lost)\s+(?:connection|связи|зв'язку|зв’язку|соединения|з'єднання|"
    r"з’єднання)\s+(?:to|with|с|со|з|із|к|до)\s+(?:the\s+)?(?:controllers?|контроллер\w*|"
    r"контролер\w*|plc|плк)(?!\w)|"
    r"(?:sip\s+)?registration\s+(?:failed|error|lost)|(?:нет|немає|нема)\s+(?:sip[\s-]+)?"
    r"(?:регистрации|реєстрації)(?!\w)|(?:ошибка|помилка)\s+(?:sip[\s-]+)?(?:регистрации|"
    r"реєстрації)(?!\w)"
)
_SERVICE_OUT_OF_REACH = re.compile(
    r"(?:(?<!\w)[«\"'“‘„]|(?<!\w)(?:shows?|showing|says|saying|displays?|reads|пишет|пише|"
    r"показывает|показує|выда[её]т|видає)\s*[:—–-]?\s)\s*"
    rf"(?:[\w'’-]+\s+){{0,3}}?(?:{_OUT_OF_REACH}|{_LOST_ON_SCREEN})",
    re.IGNORECASE,
)
# … or a device that says it is offline, that word alone in quotes ("the queue display …
# shows 'Offline' in the corner"): what fed it is out of reach. Not a printer's or a
# scanner's status, whose connection is its own ("the HP says 'Offline'", "принтер пишет
# «Offline»").
_OFFLINE_QUOTED = r"(?<!\w)[«\"'“‘„]\s*{named}(?:offline|офлайн|оффлайн|off-line)\s*[»\"'”’“]"
_SHOWS_OFFLINE = re.compile(_OFFLINE_QUOTED.format(named=""), re.IGNORECASE)
# … and a screen that says what it shows or reads from is offline, named before the word ("the
# camera monitor shows 'Camera offline' on all six tiles", "the tank monitoring screen says
# 'Sensor gateway offline'", "the app on my iPad says 'Controller offline'"; session 36: each
# went to hardware): the link to its source is what is broken, not the screen.
_SHOWS_SOURCE_OFFLINE = re.compile(
    _OFFLINE_QUOTED.format(named=r"(?:[\w'’-]+\s+){1,3}"), re.IGNORECASE
)
_FEEDS_SHOWN = re.compile(
    r"(?<!\w)(?:экран\w*|екран\w*|screens?|monitors?|монитор\w*|монітор\w*|дисплей\w*|"
    r"displays?|табло|tablets?|ipads?|планшет\w*)(?!\w)",
    re.IGNORECASE,
)
_PRINTER_MAKER = re.compile(
    r"(?<!\w)(?:hp|kyocera|ricoh|xerox|canon|epson|brother|pantum|konica\w*|laserjet|ecosys|"
    r"i-sensys|taskalfa|workcentre)(?!\w)",
    re.IGNORECASE,
)
# Many devices saying it, or that they lost it, are stopped by that system, not broken
# themselves.
_SYSTEM_UNREACHABLE = re.compile(
    _OUT_OF_REACH + "|"
    # … or that they lost it: "every dispatcher screen lost the underground tracking system",
    # "на всех пультах пропала система учёта", "усі термінали втратили сервер"
    r"(?:lost|loses|losing)\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:system|server|service|database|backend)s?(?!\w)|"
    r"(?:пропал\w*|потерял\w*|втратил\w*|зник\w*)\s+(?:[\w-]+\s+){0,2}?(?:систем\w*|сервер\w*|"
    r"сервис\w*|сервіс\w*|баз[аиуы]\w*)",
    re.IGNORECASE,
)

# … and a program's word in it that no group's list holds: its data could not be loaded
# ("'Calibration data could not be loaded'", "«Не удалось загрузить настройки»").
_NOT_LOADED = re.compile(
    r"(?<!\w)(?:(?:could|can)\s*not\s+(?:be\s+)?load\w*|(?:couldn'?t|can'?t|cannot|failed\s+"
    r"to|unable\s+to)\s+(?:be\s+)?load\w*|(?:error|failure)\s+loading|"
    r"не\s+(?:удалось|удаётся|удается|вдалося|вдається)\s+(?:загрузить|завантажити)|"
    r"(?:ошибка|помилка)\s+(?:загрузки|завантаження))(?!\w)",
    re.IGNORECASE,
)

# … and a device named in it: «Выходное аудиоустройство не установлено», «Пристрій виведення
# не встановлено», 'No audio device is installed' are the device's, whatever installing is.
_A_DEVICE_SAID = re.compile(
    r"(?<!\w)(?:аудио|аудіо)?(?:устройств\w*|пристр(?:ій|о[їюєяї]\w*)|devices?)(?!\w)",
    re.IGNORECASE,
)

# A system named by that word or by a kind whose name says one ("SCADA", "MES", "ERP"): when
# the only device words beside it are screens, the screens are where it shows, and a mass stop
# of it is the outage ("в усіх операторів зникла SCADA на екранах", "has lost the MES screens",
# "не працює система розподілу самоскидів, екрани порожні"), not a device.
_A_SYSTEM = re.compile(r"(?<!\w)(?:систем\w*|systems?|scada|mes|erp|wms|crm|мис|міс)(?!\w)", re.I)
# … or a system the devices work in: the one they cannot get into, are without or book into
# ("not one keeper can log in to the feeding system on any PC or tablet", "без системи
# бронювання ні на ресепшені, ні на планшетах", "сканери не проводять коробки в складську
# систему"), or the telephony all the phones hang on ("IP-телефонія лягла на всіх апаратах").
# Not a system beside a device ("the POS system printers all jam"), the operating system, or a
# PC's system unit ("в системном блоке"). Issue 19, session 43.
_IN_A_SYSTEM = re.compile(
    r"(?<!\w)(?:в|у|во|до|без|із|из|in|into|to|without|from)\s+(?:the\s+|their\s+|its\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:систем(?!н)\w*|systems?|scada|erp|wms|crm)(?!\w)|"
    r"(?<!\w)(?:ip-?)?(?:телефоні[яюїє]\w*|телефони[яюи]\w*|telephony|voip)(?!\w)",
    re.IGNORECASE,
)
_NOT_A_SHARED_SYSTEM = re.compile(
    r"(?<!\w)(?:операц\w+|operating|файлов\w+|file)\s+(?:систем\w*|systems?)(?!\w)", re.I
)
_SCREENS = re.compile(
    r"(?<!\w)(?:экран\w*|екран\w*|screens?|monitors?|монитор\w*|монітор\w*|дисплей\w*|"
    r"displays?)(?!\w)",
    re.I,
)


@dataclass(frozen=True)
class Routing:
    """Group from the article, else from the words of the problem, else `default`."""

    default: SupportGroup = SupportGroup.SOFTWARE
    words: Mapping[SupportGroup, PhraseSet] = field(default_factory=lambda: GROUP_WORDS)

    def group_for(
        self, article: Any | None, text: str, *, confident: bool = True, whole: str = ""
    ) -> SupportGroup:
        """The group of what is broken (see `_group_for`); a device or a program that waits
        on its screen for a connection is the network's ("терминал для карт висит на
        «Соединение...»"): the connection it waits for is what is broken, not what shows it;
        and so is a device whose screen says the service behind it is out of reach."""
        found = self._group_for(article, text, confident=confident, whole=whole)
        said = whole or text
        waits = _WAITS_FOR_CONNECTION.search(said)
        # … or that shows a browser's own error instead of its page ("the lobby TV is stuck
        # on a grey page saying 'DNS_PROBE_FINISHED_NO_INTERNET'"), as an article's does
        shown = _BROWSER_ERROR.search(said) or _BROWSER_SCREEN.search(said)
        if (waits or shown) and found in (SupportGroup.SOFTWARE, SupportGroup.HARDWARE):
            return SupportGroup.NETWORK
        if (
            self._a_device_speaks(found, said)
            and (_SERVICE_OUT_OF_REACH.search(said) or _says_offline(said))
            and not _prints_or_scans_itself(said)
        ):
            # "the touch screen … only shows 'Results service unavailable'", "планшет …
            # показує «Немає з'єднання з сервером»": the screen works, and says so of the
            # service behind it, which is what is broken
            return SupportGroup.NETWORK
        if found is SupportGroup.HARDWARE and self._screen_tells_a_program(said):
            return SupportGroup.SOFTWARE
        return found

    def _screen_tells_a_program(self, said: str) -> bool:
        """Whether a device's screen quotes a program's message, and nothing of a device or a
        network: "the touch panel shows 'Licence for this station has expired'", "табло
        показує «Триває робота з оновленнями»", "shows 'Calibration data could not be
        loaded'". The program on it is what is broken; the screen only shows what it says."""
        quoted = " ".join(a or b for a, b in SCREEN_QUOTE.findall(said))
        if not quoted:
            return False
        named = self._named(quoted)
        if SupportGroup.HARDWARE in named or SupportGroup.NETWORK in named:
            return False  # «Нет сигнала», «Нет связи с сервером»: the device's or its link's
        if _A_DEVICE_SAID.search(quoted):
            return False  # «Аудиоустройство не установлено»: a device the message speaks of
        return set(named) == {SupportGroup.SOFTWARE} or (
            not named and bool(_NOT_LOADED.search(quoted))
        )

    def _a_device_speaks(self, found: SupportGroup, said: str) -> bool:
        """Whether what `said` is about is a device: its group, or an article's group no word
        names beside a device named ("турникет …, на экранчике «Нет связи с сервером»" matched
        a mail article by the screen's words alone), or beside nothing any group names (a
        "терминал выдачи фурнитуры" that shows «Ошибка синхронизации»: a screen, whatever
        program the article took it for)."""
        if found is SupportGroup.HARDWARE:
            return True
        named = self._named(said)
        return found not in named and (not named or SupportGroup.HARDWARE in named)

    def _group_for(
        self, article: Any | None, text: str, *, confident: bool = True, whole: str = ""
    ) -> SupportGroup:
        """The group of what is broken; the matched article's group is one signal.

        A confident match decides (the article is the knowledge base's own routing). A
        weaker one (choices, a guess behind a hand-off) is one vote among the words of
        `text`; on a tie the words win; with neither, the default group. A browser's own
        error code in `whole` (the message `text` was read from, with what the screen
        says) makes a program's or a device's article the network's.
        """
        named = _group_of(article)
        shown = _BROWSER_ERROR.search(whole or text) or _BROWSER_SCREEN.search(whole or text)
        if named in (SupportGroup.SOFTWARE, SupportGroup.HARDWARE) and shown:
            # "the bidding platform won't load, just ERR_CONNECTION_RESET", "the kiosk shows
            # 'This site can't be reached'": the browser's own code or screen says a page did
            # not load, whatever program or device the article took it for
            return SupportGroup.NETWORK
        if named is SupportGroup.SOFTWARE and confident and self._reader_fails(text):
            # "анализатор перестал считывать штрихкоды, а в программе пробы не появляются"
            # answered as a program that will not start: what fails is the reader's work,
            # and the program is only where its reading was to land
            return SupportGroup.HARDWARE
        if named is not None and confident:
            return named
        words = self._named(text)  # what the words name breaks a tie, not printing
        votes = self._what_fails(self.votes(text), text)
        if named is not None:
            votes[named] = votes.get(named, 0) + ARTICLE_VOTE
        if not votes:
            return self.default
        order = list(self.words)
        # Most votes; on a tie the group the words themselves name; then the listed order.
        return max(
            votes,
            key=lambda g: (votes[g], words.get(g, 0), -order.index(g) if g in order else -99),
        )

    def votes(self, text: str) -> dict[SupportGroup, int]:
        """How many words of each group `text` uses (groups with none left out)."""
        votes = self._named(text)
        # printing, a machine the public pays at, and something that reads cards, wristbands
        # or codes ("замок не читает карточку", "the handheld won't read the barcodes") are
        # votes for the device's group, though they name no device
        devices = len(PRINTING.findall(text)) + len(PUBLIC_MACHINES.findall(text))
        devices += reads_a_card(text)
        if not votes and not devices and shows_as_a_display(text):
            # nothing named but what it shows, lights or went dark: a display ("часы над
            # льдом показывают одни нули", "the sign over the counter is blank")
            devices = 1
        if devices:
            votes[SupportGroup.HARDWARE] = votes.get(SupportGroup.HARDWARE, 0) + devices
        return votes

    def _reader_fails(self, text: str) -> bool:
        """Whether `text` says something fails to read cards or codes, and names nothing of
        another group but where its reading was to land ("сканер штрихкодів перестав читати
        коди, нічо не вводить в касову програму")."""
        return reads_a_card(text) and not set(self._named(text)) - {SupportGroup.HARDWARE}

    def _what_fails(self, votes: dict[SupportGroup, int], text: str) -> dict[SupportGroup, int]:
        """`votes` read as what is broken in the thing named: a machine programs run on is
        routed by what fails in it ("ноут страшно гальмує", "please install Slack on my
        laptop"), and a device that lost its connection is the network's ("планшет, яким
        сканують квитки, не підключається до вайфаю", "the kiosk shows 'No internet'"),
        unless it prints or scans, whose connection is its own ("принтер не в сети")."""
        if not votes.get(SupportGroup.HARDWARE):
            return votes
        others = [g for g, hits in votes.items() if hits and g is not SupportGroup.HARDWARE]
        if others and not self.votes(_HOSTS.sub(" ", text)).get(SupportGroup.HARDWARE):
            return {g: votes[g] for g in others}
        connected = _CONNECTED_ON_THEIR_OWN.search(text) or PRINTING.findall(text)
        if SupportGroup.NETWORK in others and not connected:
            return {g: votes[g] for g in others}
        return votes

    def _named(self, text: str) -> dict[SupportGroup, int]:
        """How many words of each group `text` names (groups with none left out)."""
        text = _without_department_names(_DEPARTMENT.sub(" ", _ASKED_FOR.sub(" ", text)))
        # "на почте не работает интернет": the post office is where, when something else is
        # named broken there; "у меня на почте 0 писем" stays the mailbox
        if _POST_OFFICE.search(text):
            there = _POST_OFFICE.sub(" ", text)
            if self.recognises(there) or _A_COMPUTER.search(there):
                text = there
        if reads_a_card(text) or self.words[SupportGroup.HARDWARE].findall(
            _RUNS_PROGRAMS.sub(" ", text)
        ):
            text = _WHERE_INPUT_GOES.sub(" ", text)
        found = self._count(text)
        if not any(found.values()) and _LATIN.search(text):
            # translit or the wrong layout names what is broken in the words meant, as
            # every other rule reads it: "kompyuter ne vklyuchaetsya" is a dead computer
            meant = _meant(text)
            if meant != text:
                text, found = meant, self._count(meant)
        if not any(found.values()) and _SURZHYK_I.search(text):
            # surzhyk spells a Russian word with Ukrainian letters: "прінтер", "сістема"
            text = _SURZHYK_I.sub("и", text)
            found = self._count(text)
        return {group: hits for group, hits in found.items() if hits}

    def _count(self, text: str) -> dict[SupportGroup, int]:
        return {group: len(phrases.findall(text)) for group, phrases in self.words.items()}

    def names_a_device(self, text: str) -> bool:
        """Whether what `text` says is broken is a device: its hardware words outnumber every
        other group's ("all the label printers jam", "the host camera and mic are dead");
        printing alone names none ("no teller can print receipts" is the tellers' service)."""
        if _SYSTEM_UNREACHABLE.search(text) or _SERVICE_OUT_OF_REACH.search(text):
            # the system they reach is what is broken (session 17), and so is what their
            # screens say they lost ("every tower camera in the dispatch app shows 'Stream
            # offline'"; session 31)
            return False
        if _IN_A_SYSTEM.search(_NOT_A_SHARED_SYSTEM.sub(" ", text)):
            return False  # the system the devices work in is what is broken (issue 19)
        votes = self._named(text)
        screens_only = votes.get(SupportGroup.HARDWARE) and not self._named(
            _SCREENS.sub(" ", text)
        ).get(SupportGroup.HARDWARE)
        if screens_only and _A_SYSTEM.search(text):
            return False  # screens that show a system ("зникла SCADA на екранах") are its own
        devices = votes.pop(SupportGroup.HARDWARE, 0)
        if BARE_PRINTING.search(normalise(text)):
            devices += 1  # "nobody in the office can print": the printer everyone shares
        return devices > max(votes.values(), default=0)

    def shared_printer(self, text: str) -> bool:
        """Whether many are stopped by the printer they share: printing fails with nothing
        named that is printed ("nobody in the office can print, the HP says 'Offline'"),
        not a service's own documents ("none of the tellers can print receipts")."""
        return bool(BARE_PRINTING.search(normalise(text))) and self.names_a_device(text)

    def recognises(self, text: str) -> bool:
        """Whether `text` mentions anything a support group handles; printing that fails is
        a printer's ("не друкується договір", "the contract won't print")."""
        if self._named(text) or text in PRINTING_FAILS or text in IT_SHAPED:
            return True
        if text in PUBLIC_MACHINES:  # "паркомат не принимает карты"
            return True
        meant = _meant(text) if _LATIN.search(text) else text
        return meant != text and (meant in IT_SHAPED or meant in PRINTING_FAILS)

    def not_its(self, text: str) -> str | None:
        """Whose `text` is when it is about a machine that is not IT's and names nothing IT
        beside it (`gateway/triage/whose.py`): "facilities" (a coffee machine, a dishwasher,
        a treadmill), "" (a sewing machine, a tram stop's machine that took the writer's
        coins); None when it is IT's ("на кухне экран заказов завис")."""
        service = machine_service(text)
        if service is None or self.recognises(before_the_machine(text)):
            return None  # "Экран зависает, рядом поставили кондиционер": the screen's
        rest = without_machines(text)
        if self.recognises(rest) or reads_a_card(rest) or names_a_product(text, rest):
            return None  # what it shows, lights or blinks is its own, what reads a card IT's
        return service

    def tells_a_device(self, text: str) -> bool:
        """Whether `text` tells a device by what it does, though no word names one: it reads
        or takes cards or codes, or shows, lights or went dark ("на катке часы показывают
        одни нули", "двері не відчиняються карткою"): IT, not a question to clarify."""
        return reads_a_card(text) or shows_as_a_display(text)

    def infer(self, text: str) -> SupportGroup:
        """The group whose words appear most often in `text`; ties go to the earlier group."""
        return self.group_for(None, text)


def _says_offline(text: str) -> bool:
    """Whether a device's screen says 'Offline' alone, or of the source it shows ('Camera
    offline' on a camera monitor), and the device is no printer or scanner (whose status that
    is: "the HP says 'Offline'", "Windows shows it as 'Printer offline'")."""
    source = _SHOWS_SOURCE_OFFLINE.search(text) and _FEEDS_SHOWN.search(text)
    if not (_SHOWS_OFFLINE.search(text) or source):
        return False
    return not (_CONNECTED_ON_THEIR_OWN.search(text) or _PRINTER_MAKER.search(text))


def _prints_or_scans_itself(text: str) -> bool:
    """Whether a printer, a scanner or an MFP speaks in `text` of its own work: it scans to a
    folder or a mail, or prints and is named ("принтер не печатает, пишет «Сервер
    недоступен»"); a scale or a till that prints is not one (`_PRINTS`)."""
    if _SCANS_TO_A_SERVER.search(text):
        return True
    printer = _CONNECTED_ON_THEIR_OWN.search(text) or _PRINTER_MAKER.search(text)
    return bool(printer and _PRINTS.search(text))


def _without_department_names(text: str) -> str:
    """`text` without the names of the departments it names by their field ("отдел доступа",
    "відділ мережевого планування"): the genitive adjectives and the noun after "отдел"."""
    cut = text
    for found in reversed(list(_DEPARTMENT_NOUN.finditer(text))):
        end = _genitive_name_end(text, found.end())
        if end:
            cut = cut[: found.end()] + " " + cut[end:]
    return cut


def _genitive_name_end(text: str, start: int) -> int:
    """Where the genitive phrase that starts at `start` ends (its adjectives, then its noun:
    "почтовой доставки", "інтернет-продажів"); 0 when no such phrase is there."""
    adjectives = 0
    for word in _NAME_WORD.finditer(text, start):
        if text[start : word.start()].strip():
            return 0  # a comma or a colon: the name has ended without a noun
        start = word.end()
        found = _genitive(word.group().lower().split("-")[-1], first=not adjectives)
        if found == "ADJF" and adjectives < MAX_NAME_ADJECTIVES:
            adjectives += 1
            continue
        return word.end() if found == "NOUN" else 0
    return 0


def _genitive(word: str, *, first: bool) -> str:
    """ "NOUN" or "ADJF" when `word` reads as a genitive noun or adjective (ru or uk); a
    first word must read so likeliest ("интернет" is no genitive, though it may be one)."""
    for lang in ("ru", "uk"):
        found = readings(word, lang)
        for _, tags in found[:1] if first else found:
            if "gent" in tags and tags & {"NOUN", "ADJF"}:
                return "NOUN" if "NOUN" in tags else "ADJF"
    return ""


@lru_cache(maxsize=1024)
def _meant(text: str) -> str:
    """`text` as the Cyrillic words meant when it is typed in translit or the wrong layout
    ("v apteke kassa ne rabotaet" → "в аптеке касса не работает"); else `text` itself."""
    return meant_text(text)


def _group_of(article: Any | None) -> SupportGroup | None:
    try:
        return SupportGroup(str(getattr(article, "group", "") or ""))
    except ValueError:
        return None
