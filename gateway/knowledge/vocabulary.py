"""Word lists the matcher relies on: stop words, generic words and slang spellings.

Kept apart from the normalisation code so an IT team can extend them without reading it.
Entries are written in their normalised form (lowercase, ё as е, no apostrophes).
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> list[str]:
    return [phrase.strip() for phrase in text.split("|")]


# Slang, transliterations and split spellings mapped to one canonical token. Phrases
# (several words) are replaced before tokenising; single words after.
PHRASES: dict[str, str] = {
    # The system's tools people quote: where they saw it, not what is wrong.
    **dict.fromkeys(
        _phrases(
            "task manager | диспетчер задач | диспетчере задач | диспетчера задач | "
            "диспетчері задач | диспетчер завдань | диспетчері завдань | диспетчера завдань"
        ),
        "taskmanager",
    ),
    **dict.fromkeys(
        _phrases(
            "device manager | диспетчер устройств | диспетчере устройств | "
            "диспетчера устройств | диспетчер пристроїв | диспетчері пристроїв | "
            "диспетчера пристроїв"
        ),
        "devicemanager",
    ),
    "wi fi": "wifi",
    # "а входящие идут как ни в чём не бывало": as if nothing happened is as usual, no denial.
    **dict.fromkeys(
        _phrases("как ни в чем не бывало | як ні в чому не бувало | як ні в чім не бувало"),
        "нормально",
    ),
    # A screen broken to pieces: "screen's in bits", "the glass is in pieces" is shattered
    # (a vase in pieces is no one's).
    **{
        f"{thing} {be}{pieces}": f"{thing} shattered"
        for thing in ("screen", "glass", "display", "lid", "case", "monitor", "tablet", "laptop")
        for be in ("", "is ", "was ", "all ")
        for pieces in ("in bits", "in pieces", "smashed to bits", "smashed to pieces")
    },
    # A character named by its sign is a symbol on the keyboard ("shift+3 gives a pound sign
    # instead of the hash"), as the article says it; "at sign" is left ("fails at sign in").
    **{f"{sign} sign": f"{sign} symbol" for sign in ("pound", "hash", "dollar", "euro")},
    # A program or a machine that "locks up" freezes: no account is locked ("Word locks up
    # when I paste a table", "Outlook keeps locking up"); an account is locked out ("locked
    # up" is left: "my account got locked up"), and so is one that "keeps locking up"
    # (an account named right before: the lock kept, the "up" dropped).
    "locks up": "freezes",
    "locking up": "freezing",
    **{
        f"{owner} {lock} up": f"{owner} {lock}"
        for owner in ("account", "login", "profile", "user", "password")
        for lock in ("locks", "locking", "keeps locking", "is locking", "keeps getting locked")
    },
    # Speakers that make no noise are silent: "stopped making any noise", "make no noise";
    # a noise that a fan, a drive or a scanner's motor no longer makes is the machine's, not
    # sound: those are kept as said (the longer phrase is matched first).
    "any noise": "any sound",
    "no noise": "no sound",
    **{
        f"{machine} {makes} noise": f"{machine} {makes} noise"
        for machine in ("fan", "fans", "cooler", "scanner", "printer", "drive", "disk", "motor")
        for makes in (
            "makes no", "make no", "made no", "making no", "makes any", "make any",
            "making any", "stopped making any",
        )
    },
    # A program stuck loading its profile has not started: "Outlook stuck on Loading
    # Profile forever", "висить на заставці «Завантаження профілю»" (the profile loads when
    # it opens; a profile said anywhere else is left).
    "loading profile": "startup profile",
    **dict.fromkeys(
        _phrases(
            "загрузка профиля|загрузке профиля|загрузки профиля|загрузку профиля"
        ),
        "запуск профиля",
    ),
    **dict.fromkeys(
        _phrases(
            "завантаження профілю|завантаженні профілю|завантажує профіль|завантаженням профілю"
        ),
        "запуск профілю",
    ),
    "wi fy": "wifi",
    "вай фай": "wifi",
    "вай фая": "wifi",
    "вай фаю": "wifi",
    "вай фае": "wifi",
    "e mail": "email",
    "е мейл": "email",
    "е мейла": "email",
    "2 fa": "2fa",
    "two factor": "2fa",
    "2 factor": "2fa",
    "multi factor": "mfa",
    "out of office": "outofoffice",
    # The spam folder as a place looked in ("в спаме тоже нет", "навіть у спамі", "not in
    # junk either"): the mail folder, not spam sent or received ("с моей почты уходит спам").
    **dict.fromkeys(
        _phrases(
            "в спаме | во спаме | в спамі | у спамі | в папке спам | в папці спам | "
            "у папці спам | в нежелательных | у небажаних | in spam | in the spam | "
            "in my spam | in junk | in the junk | in my junk | spam folder | junk folder"
        ),
        "junkfolder",
    ),
    # Mail that sits in the Outbox hangs there, as the sending article says it ("а він досі
    # сидить у Вихідних"); the verb alone is left to what it says ("хто сидить на вихідних").
    **{
        f"{sits} {into} вихідних": f"{hangs} {into} вихідних"
        for sits, hangs in (("сидить", "висить"), ("сидять", "висять"))
        for into in ("у", "в")
    },
    # A blue screen is the screen of a system error, and says no more than "an error" does:
    # which problem is the rest's to say ("у всех синий экран после обновления": many
    # people stopped; "blue screen after the update": the update). As a word no article
    # used ("bsod") it left every such message unanswered.
    "blue screen": "error",
    "синий экран": "ошибка",
    "синій екран": "помилка",
    "log in": "login",
    "log into": "login",
    "logging into": "login",
    "logging in": "login",
    "logged in": "login",
    "log on": "login",
    # "войти в систему" said word for word: "I cannot enter in my account", "can't enter to
    # the system" (a written "enter into" or "entered" stays entering: a password on a page).
    "enter in": "login",
    "enter to": "login",
    "entering in": "login",
    "entering to": "login",
    "logging on": "login",
    "logged on": "login",
    "sign in": "signin",
    "signing in": "signin",
    "signed in": "signin",
    "set up": "setup",
    "setting up": "setup",
    "locked out": "lockout",
    "locked me out": "lockout",
    "locks me out": "lockout",
    "print queue": "printqueue",
    # A wireless device is that device ("wireless keyboard keeps disconnecting"); "the
    # wireless" alone is the Wi-Fi (below).
    **{
        f"wireless {device}": device
        for device in _words(
            "keyboard keyboards mouse mice headset headsets headphones earbuds printer "
            "printers charger presenter clicker scanner speaker speakers"
        )
    },
    # The same in Russian and Ukrainian: "беспроводная клавиатура отваливается" is the
    # keyboard's problem; "беспроводная сеть" stays the Wi-Fi.
    **{
        f"{adjective} {device}": device
        for adjectives, devices in (
            (
                "беспроводная беспроводной беспроводную беспроводные беспроводных "
                "беспроводным беспроводное",
                "клавиатура клавиатуры клавиатуру клавиатурой клава клаву мышь мышка мышки "
                "мышку мышкой мышью мыши наушники наушников наушниками гарнитура гарнитуры "
                "гарнитуру гарнитурой колонка колонки колонку",
            ),
            (
                "бездротова бездротовий бездротову бездротові бездротових бездротовою "
                "бездротової бездротове",
                "клавіатура клавіатури клавіатуру клавіатурою клава клаву миша мишка миші "
                "мишу мишку мишкою навушники навушників навушниками гарнітура гарнітури "
                "гарнітуру гарнітурою колонка колонки колонку",
            ),
        )
        for adjective in _words(adjectives)
        for device in _words(devices)
    },
    # A printer named by what it prints is a printer ("the label printer is offline").
    **dict.fromkeys(
        _phrases(
            "label printer|label printers|receipt printer|receipt printers|ticket printer|"
            "thermal printer|badge printer|принтер этикеток|принтер чеков|этикеточный принтер|"
            "принтер етикеток|принтер чеків|етикетковий принтер"
        ),
        "printer",
    ),
    # Barely moving is slow ("ноут еле шевелится", "ледве ворушиться", "barely responding").
    **dict.fromkeys(
        _phrases(
            "еле шевелится|еле шевелиться|еле двигается|еле ворочается|ели шевелится|"
            "ледве ворушиться|ледь ворушиться|ледве рухається|barely moves|barely moving|"
            "barely responds|barely responding"
        ),
        "тормозит",
    ),
    # "Меня не слышно", "they can't hear me": the user's microphone, not the speakers.
    **dict.fromkeys(
        _phrases(
            "меня не слышно|меня не слышат|меня не слышит|не слышат меня|мене не чути|"
            "мене не чують|мене не чує|не чують мене|cant hear me|cannot hear me|"
            "can not hear me|couldnt hear me|could not hear me|nobody hears me"
        ),
        "unheard",
    ),
    # And said of the other side: "nobody can hear me", "the other side hears nothing from
    # me", "people say I'm muted" (the mute said by them), "співрозмовник його не чує".
    **dict.fromkeys(
        _phrases(
            "nobody can hear me|no one can hear me|noone can hear me|no one hears me|"
            "hears nothing from me|hear nothing from me|hearing nothing from me|"
            "say i muted|says i muted|said i muted|"
            "співрозмовник не чує|співрозмовник мене не чує|співрозмовник його не чує|"
            "співрозмовник її не чує|співрозмовники не чують|співрозмовники мене не чують|"
            "собеседник не слышит|собеседник его не слышит|собеседник ее не слышит|"
            "собеседники не слышат"
        ),
        "unheard",
    ),
    # A request to change where money goes ("change the supplier's bank details") is the
    # Russian and Ukrainian "реквизиты": the mark of payment fraud, not a word about a bank
    # ("my bank card got blocked" stays no IT question). So is a new or changed account
    # said to pay to ("their bank account changed", "pay to a new bank account", "платите
    # на новый счёт", "сплатіть на новий рахунок"); an account alone is a bank's or a user's.
    **dict.fromkeys(
        _phrases(
            "bank details|bank account details|banking details|bank account info|"
            "bank account changed|bank account has changed|changed bank account|"
            "changed their bank account|changed its bank account|"
            "pay to a new account|pay into a new account|pay the new account|"
            "pay to a new bank account|pay into a new bank account|pay the new bank account|"
            "на новый счет|на новый расчетный счет|"
            # The account itself said changed: "у них сменился счёт", "счёт в банке
            # поменялся", "pay a different IBAN from now on".
            "сменился счет|счет сменился|поменялся счет|счет поменялся|"
            "счет в банке сменился|счет в банке поменялся|"
            "iban changed|iban has changed|changed iban|changed their iban|"
            "different iban|another iban"
        ),
        "реквизиты",
    ),
    **dict.fromkeys(
        _phrases(
            "на новий рахунок|на новий розрахунковий рахунок|змінився рахунок|рахунок змінився|"
            "рахунок у банку змінився|рахунок в банку змінився"
        ),
        "реквізити",
    ),
    # Gift cards asked for by mail ("the CEO asks me to buy gift cards") are one word: the
    # usual pretext of an impersonation, not a card of any kind.
    **dict.fromkeys(
        _phrases(
            "gift card|gift cards|gift voucher|gift vouchers|подарочные карты|подарочных карт|"
            "подарочную карту|подарочные сертификаты|подарочных сертификатов|"
            "подарункові картки|подарункових карток|подарункову картку|подарункові сертифікати|"
            "подарункові карти|подарункових карт|подарункову карту|подарунковими картками|"
            "подарочными картами|подарочную карточку|подарочные карточки|"
            "buy vouchers|for vouchers|itunes vouchers|amazon vouchers|apple vouchers|"
            "google play vouchers|steam vouchers|купити ваучери|купи ваучери|купить ваучеры|"
            "купи ваучеры"
        ),
        "giftcard",
    ),
    # The SIM the sign-in codes go to ("код приходить на стару сімку", "the text codes go to
    # the old SIM"): one word in all three languages (a lone "sim" would read as
    # a word typed in the wrong layout).
    **dict.fromkeys(
        _phrases(
            "sim card|sim cards|sim карта|sim карту|sim карти|sim картка|sim картку|"
            "сим карта|сим карту|сим карты|сим карте|сім карта|сім карту|сім картка|сім картку|"
            "сім карти|sim"
        ),
        "simcard",
    ),
    # A mail server's refusal to pass mail on, quoted ("Relay access denied", "554 5.7.1
    # Unable to relay"): a message that bounced, not a folder's "access denied".
    **dict.fromkeys(
        _phrases(
            "relay access denied|relaying denied|relay denied|relay not permitted|"
            "relaying not allowed|unable to relay|relay access is denied"
        ),
        "bounce",
    ),
    # Chrome's page for a crashed tab ("Aw, Snap!"): the program crashed. (Its Russian and
    # Ukrainian titles, "Опаньки…", "От халепа!", are everyday exclamations too: they are
    # read only beside a browser, network.read_crash_page.)
    # (Typed in a Cyrillic message it is read as transliterated: "ав снап".)
    **dict.fromkeys(_phrases("aw snap|ав снап|ау снап"), "crash"),
    "visual studio code": "vscode",
    # "7-Zip", "7 зип": the hyphen went with the punctuation, leaving a number and "zip".
    "7 zip": "7zip",
    "7 зип": "7zip",
    "vs code": "vscode",
    # Many people at once ("у всех", "ні в кого", "for everyone"): one word, so that it
    # tells an outage from one person's problem. "Все" alone stays generic ("всё тупит").
    **{
        phrase: "everyone"
        for phrase in _phrases(
            "у всех|во всех|ни у кого|ни в кого|у всего|у всей|всем нам|у всіх|в усіх|в всіх|"
            "ні в кого|ні у кого|у всього|в усього|у всієї|в усієї|усім нам|всім нам|for everyone|"
            "for everybody|for anyone|for anybody|for all users|for all of us|everybody|"
            "ни у одного|ни у одной|ні в одного|ні у одного|у всій|в усій|у всьому|в усьому|"
            "for the entire|for the whole|for our entire|for our whole|"
            # A crowd said by "of us": "down for every one of us", "none of us can log in",
            # "won't open for any of us", "each of us gets the error".
            "for every one of us|for each of us|for any of us|every one of us|each of us|"
            "none of us|not one of us|any of us|all of us|"
            "во всем|во всей"
        )
    },
    # "The whole office", "all users": many people, and still the office or the users.
    **{
        f"{many} {who}": f"everyone {who}"
        for many in ("whole", "entire", "all")
        for who in _words(
            "office team floor department branch users staff building company site shop store "
            "clinic hospital hotel school warehouse call center centre front reception ward lab "
            "firm organization organisation unit network workshop desk"
        )
    },
}

# What a load reading is of: "цп 100%", "CPU at 100%", "память загружена на 100%". With
# Task Manager named, the disk's 100 % is its load too ("100% disk in task manager"), not a
# full disk ("диск заполнен на 100%" without it stays disk_full's).
LOAD_WORDS: frozenset[str] = _words(
    """
    cpu цп цпу проц процессор процессора процесор процесора memory ram память памяти
    памяті оперативка оперативки оперативна оперативної
    """
)
LOAD_TOOLS: frozenset[str] = frozenset({"taskmanager"})
LOAD_READING = "тормозит"  # a machine working at full load is a slow one
# A mouse that moves in jerks, lags or freezes while the whole machine is said to be slow
# ("компьютер тупит страшно, мышка двигается рывками", "все тормозить, навіть мишка з
# затримкою") is a sign of the slowness, not a broken mouse: its clause reads as the slow
# word. Only when another clause says the slowness without the mouse: "беспроводная мышь
# лагает, курсор прыгает" is the mouse's own lag.
POINTER_WORDS: frozenset[str] = _words(
    """
    мышь мыши мышка мышки мышку мышкой мышкою миша миші мишу мишка мишки мишку мишкою
    курсор курсора стрелочка стрелка стрілочка стрілка
    """
)
POINTER_LAG_STEMS: tuple[str, ...] = (
    "рывк", "ривк", "дерга", "смика", "сіпа", "задержк", "затримк", "полз", "повз",
    "замира", "замер", "застига", "прыга", "стриба", "скаче",
    # the Ukrainian freezing and stopping: "миша завмирає", "мишка стає і чекаєш"
    "завмира", "завмер", "стає", "встає",
)  # fmt: skip
# A keyboard or a mouse said to lag, with no machine named ("my wireless keyboard lags,
# letters appear a second later", "mouse lags and jumps"), is the device not keeping up with
# the hand, the keyboard article's "not responding", no slow computer (lags.py). English
# only: no readable Russian or Ukrainian line says so yet.
INPUT_DEVICE_WORDS: frozenset[str] = _words("keyboard keyboards mouse mice")
INPUT_LAG_WORDS: frozenset[str] = _words("lag lags lagging lagged laggy")
MACHINE_SLOW = re.compile(
    r"\b(?:тупит|тупят|тупить|тормоз\w*|лага\w*|гальму\w*|подвис\w*|підвис\w*|"
    r"зависа\w*|зависл\w*|завис|висит|висить|висне|виснет|виснуть)\b"
)
# Room said of a mailbox ("ящик переполнен, пишет что нет места", "скринька забита, місця
# немає") is its quota, not only a disk's: "quota" is read after the room word when a
# mailbox is named and no disk, memory or machine is. (Added, not put for it: an article's
# "немає місця" beside its mailbox stays its word.)
MAILBOX_WORDS: frozenset[str] = _words(
    "ящик ящика ящике ящику скринька скриньки скриньці скриньку mailbox mailboxes inbox"
)
ROOM_WORDS: frozenset[str] = _words("место места месте місце місця місці space room")
# A place said in the locative ("кабель на месте", "курсор стоит на месте", "на рабочем
# месте", "приймач на місці"): where a thing is, never the disk's room, which is said in the
# genitive ("нет места", "мало місця", "не вистачає місця").
WHEREABOUTS_WORDS: frozenset[str] = _words("месте місці")
# A mapped drive as storage.py reads it, and what is said to be on it once it is gone: "а там
# всі документи відділу", "там вся бухгалтерия кабинета" (holdings.py).
MAPPED_DRIVE = "netdrive"
THERE_WORDS: frozenset[str] = _words("там")
ALL_HELD_WORDS: frozenset[str] = _words("все вся весь всі усі увесь")
STORAGE_WORDS: frozenset[str] = _words(
    """
    диск диска диске диску дисках память памяти пам'ять памяті пямять памяті компьютер
    компьютере компютер компютері ноутбук ноутбуке ноутбуці телефон телефоне телефоні
    disk drive memory storage computer laptop phone pc
    """
)
MAILBOX_ROOM = "quota"
# The mail itself, named in English ("no space left in my outlook", "email storage is full",
# "gmail says storage full"): room or storage said of it is the mailbox's too. Storage is a
# room then, unless a disk, memory or machine is named as well ("outlook says the C drive
# is out of space"). Not the space bar ("space bar does nothing in outlook").
MAIL_NAMES: frozenset[str] = _words("email emails mail outlook webmail gmail")
MAIL_STORAGE = "storage"
# Cloud storage has room of its own, whoever mails about it ("I got an email saying my
# OneDrive is out of space", "iCloud storage is full, it emailed me"): no mailbox's quota.
CLOUD_STORAGE: frozenset[str] = _words("onedrive icloud dropbox sharepoint gdrive")
# A cloud drive named in two words ("Яндекс диск", "гугл диску", "Google Drive", "One
# Drive") or as the cloud ("облако не синхронизируется", "хмара", "дропбокс"): its syncing
# is the drive's, not the mail's (the mail article's "не синхронизируется" is Outlook's).
CLOUD_MAKERS: frozenset[str] = _words("яндекс гугл google one ван")
CLOUD_DRIVES: frozenset[str] = _words(
    "диск диска диске диску диском drive драйв драйве драйва"
)
CLOUD_WORDS: frozenset[str] = CLOUD_STORAGE | _words(
    """
    облако облака облаке облаку облаком облачко облачный облачное облачная облачном
    хмара хмари хмару хмарі хмарою хмарне хмарний хмарному хмарного
    дропбокс дропбоксе дропбокса дропбоксом уандрайв уандрайве вандрайв вандрайве cloud
    """
)
# Syncing said of a cloud drive: its words start so ("синхронизируется", "синхронізація",
# "синкается", "syncing", "synchronise").
CLOUD_SYNC_STARTS: tuple[str, ...] = ("синхрон", "синк", "sync", "synchron")
# What the syncing of a cloud drive is read as: a word no article uses, so the drive's
# sync neither meets the mail article's "не синхронизируется" nor reads as mail.
CLOUD_SYNC = "cloudsync"
# A drive named by its maker while it syncs ("Яндекс диск", "гугл диск") is the cloud drive.
CLOUD_DRIVE = "gdrive"
# Saving mail or its files takes a disk's room, not the mailbox's: "not enough space to
# save the email attachment" (the mail named, no mailbox) is a full disk.
SAVING_WORDS: frozenset[str] = _words(
    "save saving saved download downloading downloaded attachment attachments file files"
)
SPACE_KEYS: frozenset[str] = _words("bar key")
# English "room" is space only after a word of how much: "no room left", "no more room"
# (not "the mail room", "escape room bookings mailbox").
ROOM_AMOUNTS: frozenset[str] = _words("no more enough any little of")
# A mailbox said to be full in plain words ("inbox is stuffed", "mailbox is crammed",
# "my mailbox is maxed out", "overflowing"): full, when no device is named that jams.
STUFFED_WORDS: frozenset[str] = _words(
    "stuffed crammed jammed packed overflowing overflowed overflows bursting maxed clogged"
)
MAILBOX_FULL = "full"
# A mailbox said full in everyday words ("ящик полный", "скринька повна", "inbox is full",
# "бо скринька забита"): its quota, as room said of it is ("full" -> "full quota"), when a
# mailbox word is this near. The articles' own "ящик переполнен", "скринька заповнена"
# are read as they are.
FULL_WORDS: frozenset[str] = _words(
    """
    полный полная полное полон полна забит забитый забитая повна повний повне повен забита
    забитий забиті full
    """
)
FULL_REACH = 2
# A disk, memory or machine said full in everyday words ("диск полный", "пам'ять на ноуті
# повна", "C майже повний") is the full disk in the article's words; "C" typed in Cyrillic is
# the drive too. Only said after it, this near ("полный ноутбук документов" is no room), and
# not as "utter" ("ноутбук полный отстой"). A mailbox near is its quota instead.
STORAGE_FULL: dict[str, str] = {
    **dict.fromkeys(_words("полный полная полное полон полна"), "заполнен"),
    **dict.fromkeys(_words("повний повна повне повен"), "заповнений"),
}
FULL_STORAGE_WORDS: frozenset[str] = STORAGE_WORDS | _words("c с ноутбуці ноутбуку компютер")
# "ноутбук полный отстой": a full word before these is "utter", said of no room.
UTTER_WORDS: frozenset[str] = _words(
    """
    отстой отстоя фигня фігня ерунда ерунди ужас жах кошмар бред маразм треш дичь дно капец
    трындец провал лажа лайно отстій
    """
)
# "что удалить", "що почистити", "what do I bin" asked with a disk, its room or its size
# said: what to delete to free room, the full disk's "освободить место", not a deleted file.
CLEAN_ASKED: dict[str, str] = {
    **dict.fromkeys(_words("удалить удалять почистить чистить стереть"), "освободить место"),
    **dict.fromkeys(_words("видалити видаляти почистити чистити стерти"), "звільнити місце"),
    **dict.fromkeys(_words("delete bin remove clean clear"), "free up space"),
}
CLEAN_ASK_WORDS: frozenset[str] = _words("что що what")
CLEAN_ASK_REACH = 3  # "what do I bin", "что мне удалить": the verb this near the question
# A disk, the memory, or the size said (or the room, `ROOM_WORDS`), not a machine alone: "комп
# тормозит, что удалить из автозагрузки", "телефон глючит, что удалить", "pc is slow, what do I
# clean up" ask about a slow machine.
ROOM_SAID: frozenset[str] = _words(
    """
    диск диска диске диску дисках память памяти пам'ять памяті пямять disk drive memory storage
    байт байта байтов мб гб мегабайт гигабайт гігабайт mb gb megabytes gigabytes bytes
    переполнен переполнена заполнен заполнена переповнений переповнена заповнений
    заповнена full free свободно вільно
    """
)
ROOM_CONTEXT: frozenset[str] = FULL_STORAGE_WORDS | frozenset(STORAGE_FULL) | ROOM_SAID
# "с" and "c" are the drive only where no preposition stands: first ("С майже повний"), after
# the disk's word ("диск с полный"), or just before how full ("с почти полный"); "пришёл с
# работы полный энтузиазма", "холодильник с продуктами полный" say "with".
DRIVE_LETTERS: frozenset[str] = _words("c с")
DRIVE_LETTER_AFTER: frozenset[str] = _words("диск диска диске диску drive")
FULL_ADVERBS: frozenset[str] = _words(
    "почти уже совсем полностью вже майже зовсім повністю almost nearly already totally"
)
# The mailboxes a full word is said of: not the English "mailbox", whose "Mailbox full" is a
# bounce's own text, quoted of whoever's mailbox ("the bounce says 552 5.2.2 Mailbox full":
# the recipient's, mail that did not go out); the article's "mailbox full" reads it.
FULL_MAILBOX_WORDS: frozenset[str] = MAILBOX_WORDS - _words("mailbox mailboxes")
# A screen said to be faint or pale ("the screen is very faint", "my display looks washed
# out") is a dark one, not a faint printout: the printing article's words ("faint", "pale
# print", "faded") are read as the screen's when a screen is named and nothing printed is.
SCREEN_WORDS: frozenset[str] = _words("screen screens display displays monitor monitors")
FAINT_WORDS: frozenset[str] = _words("faint pale paler dim dimmed washed faded")
PRINTED_WORDS: frozenset[str] = _words(
    """
    print prints printed printing printout printouts printer printers page pages paper
    sheet sheets toner cartridge copy copies copier scan scans scanned
    """
)
SCREEN_FAINT = "dark"
# A print said to come out spoiled, pale or streaked ("друкує бліді сторінки", "принтер
# печатает полосами", "faded printouts"), is printing that happens: its printing and its
# pages are evidence only for the articles about the spoiling, never for printing that
# does not happen (the offline printer's "друкує"). The words of the spoiling, and of
# printing and what it prints.
PRINT_DEFECT_WORDS: frozenset[str] = _words(
    "бледный бледно блідий блідо полоса смуга faded faint pale streaks"
)
PRINTING_WORDS: frozenset[str] = _words(
    """
    принтер печать печатать распечатать распечатка страница лист
    друк друкувати роздрукувати роздруківка сторінка аркуш
    printer mfp print printout page
    """
)
# ... but a faint sound or smell is heard or smelt, not seen ("a faint buzzing from the
# monitor", "the screen makes a faint clicking sound"): no dark screen then.
SENSED_WORDS: frozenset[str] = _words(
    """
    sound sounds noise noises buzz buzzing buzzes hum humming hums hiss hissing click
    clicking clicks whine whining beep beeping beeps squeal squealing crackle crackling
    smell smells odour odor
    """
)

# The reason phrase a web server answers an HTTP status with ("502 Bad Gateway", "503 Service
# Unavailable"): the one list the error extractor, the code reading below, the product
# extractor (no program's name) and the outage reports (no word of what is broken) read.
HTTP_REASONS = (
    r"bad gateway|gateway time-?out|service (?:temporarily )?unavailable|"
    r"internal server error|too many requests|bad request|(?:page )?not found|forbidden|"
    r"unauthori[sz]ed"
)

LAUNCH_CODE_WORD = "launch"
CRASH_CODE_WORD = "crash"
# A crash code said with the program's start ("Ворд при запуске выдаёт ошибку 0xc0000005",
# "при відкритті програми помилка 0xc0000005", "won't start this morning, error 0xc0000005"):
# Windows shows it as "The application was unable to start correctly", so it says the
# program did not start (the launch codes' word), not that it died while working ("вылетает
# с ошибкой 0xc0000005 во время работы" stays a crash). Run on the lowercased text without
# apostrophes ("wont start").
CODE_AT_START = (
    r"запуск|запуст|\bстарт|не стартує|не стартует|zapusk|startu|"
    r"(?:при|pry) (?:открыти|відкритт|otkryti|vidkrytt)\w* "
    r"(?:програм|программ|прог|prohram|program)|"
    r"\b(?:wont|doesnt|didnt|cant|wouldnt|fails to|failed to|unable to) (?:start|launch|open)\b|"
    r"\b(?:on|at) (?:start|startup|launch)\b|\bwhen (?:starting|launching)\b"
)
# The start said of a program that did start, or of something started in it: "через 10 минут
# после запуска вылетает", "запускається нормально, але через хвилину вилітає", "при запуске
# отчёта 1С падает", "when starting a render it crashes", "при старті зміни каса вилітає": a
# crash code there is the crash it reads as.
CODE_AFTER_START = (
    r"\b(?:после|після|after)\s+(?:\w+\s+)?(?:запуск|старт|start|launch|открыти|відкритт)\w*|"
    r"(?<!не )(?<!not )\b(?:запуска\w*|запускає\w*|стартует|стартує|starts?|opens?|launche?s?)\s+"
    r"(?:нормально|normally|fine|ok|okay)\b|"
    r"\bнормально\s+(?:запуска\w*|запускає\w*|стартует|стартує)|"
    r"\b(?:запуск\w*|старт\w*|starting|launching)\s+(?:(?:a|the|нового|нової)\s+)?"
    r"(?:отч|звіт|рендер|render|report|расч|розрах|смен|змін|shift|печат|друк|print|макрос|"
    r"macro|скрипт|script|export|экспорт|експорт)"
)
# Error codes whose family names the problem, the way a first-line engineer reads them: the
# word is added after the code (the code itself stays for the checklist). Patterns run on
# the lowercased text before punctuation is dropped.
ERROR_CODE_WORDS: tuple[tuple[str, str], ...] = (
    (r"0x800ccc[0-9a-f]{2}", "email"),  # Outlook send/receive (0x800CCC0F, 0x800CCC13)
    (r"0xc004[0-9a-f]{4}|0x8007232b", "activation"),  # Windows/Office activation
    (r"0x8024[0-9a-f]{4}|0x800f0[0-9a-f]{3}|0x80073712|0x800705b4", "update"),  # Windows Update
    # "The network path was not found", "The network name cannot be found": a share or a
    # mapped drive the machine cannot reach (storage.py's word for one).
    (r"0x80070035|0x80070043", MAPPED_DRIVE),
    # "The application was unable to start correctly" / a crash (access violation, stack)
    (r"0xc0000142|0xc000007b|0xc0000135", LAUNCH_CODE_WORD),
    (r"0xc0000005|0xc0000409|0xe0434352", CRASH_CODE_WORD),
    (r"(?:net::)?err_cert_[a-z_]+|sec_error_[a-z_]+", "certificate"),  # browser certificates
    (r"(?:net::)?err_(?:connection|name|address|timed)_?[a-z_]*|dns_probe_[a-z_]+", "website"),
    # An HTTP status a web server answers with: after "http", "error", "ошибка", "код", or a
    # verb of showing ("shows a 502", "выдаёт 503"), or with its reason ("502 bad gateway");
    # a bare number is a room or a count.
    (
        r"(?:\b(?:https?|error|err|ошибк[аиуе]|помилк[аиуою]|код|code|status|статус|shows?|"
        r"gives?|returns?|throws?|выдает|пишет|показывает|видає|пише|показує)"
        r"\s*:?\s*(?:an?\s+|me\s+)?(?:error\s+|ошибку\s+|помилку\s+)?(?:http\s+)?"
        r"(?:50[0-4]|40[34])\b)"
        rf"|\b(?:50[0-4]|40[34])\s+(?:{HTTP_REASONS})"
        # or the status before the verb ("портал 502 выдаёт с обеда")
        r"|\b50[0-4]\s+(?:выдает|пишет|показывает|видає|пише|показує|shows|gives|returns)\b",
        "website",
    ),
    # A bounce: "550 5.7.1", "554 5.1.1"; alone only the common 5.7.x and 5.1.1 (not a version)
    (r"\b5[0-9]{2}[ -]5\.[0-9]\.[0-9]{1,3}\b|\b5\.7\.[0-9]{1,3}\b|\b5\.1\.1\b", "bounce"),
)

WORDS: dict[str, str] = {
    "вайфай": "wifi",
    "bsod": "error",
    "вайфая": "wifi",
    "вайфаю": "wifi",
    "вайфаем": "wifi",
    "вифи": "wifi",
    "вайфа": "wifi",
    "wlan": "wifi",
    "впн": "vpn",
    "впна": "vpn",
    "впне": "vpn",
    "впном": "vpn",
    "емейл": "email",
    "имейл": "email",
    "імейл": "email",
    "мейл": "email",
    "мейла": "email",
    # A restart said as slang ("постоянно рестарт", "вічний ребут"): a reboot.
    "рестарт": "перезагрузка",
    "рестарта": "перезагрузка",
    "рестарты": "перезагрузка",
    "рестарти": "перезагрузка",
    "ребут": "перезагрузка",
    "ребута": "перезагрузка",
    "ребуты": "перезагрузка",
    "ребути": "перезагрузка",
    "мейлы": "email",
    "мыло": "email",
    "emails": "email",
    "mail": "email",
    "mails": "email",
    "аутлук": "outlook",
    "аутлуке": "outlook",
    "аутлука": "outlook",
    "аутлуку": "outlook",
    "аутлуці": "outlook",
    "аутлуком": "outlook",
    "тимс": "teams",
    "тимсе": "teams",
    "тімс": "teams",
    "зум": "zoom",
    "зуме": "zoom",
    "зумі": "zoom",
    "ворд": "word",
    "ворде": "word",
    "ворді": "word",
    "эксель": "excel",
    "екзель": "excel",
    "ексель": "excel",
    "экселе": "excel",
    "ексел": "excel",
    "1с": "1c",
    "1сі": "1c",
    "комп": "компьютер",
    "компа": "компьютер",
    "компе": "компьютер",
    "компі": "компютер",
    # Not "моника", "моники": the forms a woman's name (Моника) has too.
    "моник": "монитор",
    "моником": "монитор",
    "монік": "монітор",
    "моніком": "монітор",
    "ноут": "ноутбук",
    "ноута": "ноутбук",
    "ноуте": "ноутбук",
    "ноуті": "ноутбук",
    "инет": "интернет",
    "инета": "интернет",
    "инете": "интернет",
    "інет": "інтернет",
    "інету": "інтернет",
    "pc": "computer",
    "pcs": "computer",
    "laptop": "laptop",
    "mic": "microphone",
    "mics": "microphone",  # "mic's dead": the apostrophe dropped, or more than one
    "webcams": "camera",
    "cams": "camera",
    "mike": "microphone",
    "webcam": "camera",
    "cam": "camera",
    "pwd": "password",
    "pw": "password",
    "micro": "microphone",
    "микро": "микрофон",
    "passwd": "password",
    # The password misspelt the common ways ("forgot my pasword", "pasword expired again??").
    **dict.fromkeys(
        ("pasword", "paswords", "passowrd", "passwrod", "passwort", "passward",
         "paasword", "passwor"),
        "password",
    ),
    # The phone by its slang and substantivised names ("вкрали мобільний", "пошта на
    # мобілці", "нужна почта на мобиле", "on my personal mobile"); "мобильный интернет" stays.
    **dict.fromkeys(
        _words(
            """
            мобила мобилу мобиле мобилы мобилой мобилка мобилку мобилке мобильник мобильника
            мобильнику мобильнике мобильником мобильном мобильному
            мобілка мобілку мобілці мобілки мобілкою мобільник мобільника мобільнику
            мобільником мобільний мобільного мобільному
            mobile
            """
        ),
        "телефон",
    ),
    "симка": "simcard",
    "симку": "simcard",
    "симки": "simcard",
    "симке": "simcard",
    "симкой": "simcard",
    "сімка": "simcard",
    "сімку": "simcard",
    "сімки": "simcard",
    "сімці": "simcard",
    "сімкою": "simcard",
    "пасс": "пароль",
    "пасворд": "пароль",
    "двухфакторка": "2fa",
    "двухфакторки": "2fa",
    "двухфакторку": "2fa",
    "двофакторка": "2fa",
    "2фа": "2fa",
    "мфу": "mfp",
    "бфп": "mfp",
    "wifi": "wifi",
    "internet": "internet",
    "inbox": "inbox",
    "айфон": "iphone",
    "айфоне": "iphone",
    "айфоні": "iphone",
    "андроид": "android",
    "андроиде": "android",
    "андроїд": "android",
    "андроїді": "android",
    "кэнон": "canon",
    "кенон": "canon",
    "винда": "windows",
    "винды": "windows",
    "винде": "windows",
    "віндовс": "windows",
    "виндовс": "windows",
    "вінда": "windows",
    "вінди": "windows",
    "юсб": "usb",
    # Forms of "all" in ru and uk, so "вся бухгалтерия" and "у всей бухгалтерии" agree.
    **{
        w: "все"
        for w in _words(
            "весь вся всё всю всей всего всем всеми всех всі всіх всього всієї всім усі усіх "
            "усього усієї увесь уся всій усій всьому усьому всіма усіма усім всією усією всему"
        )
    },
    # British spellings
    "licence": "license",
    "licences": "licenses",
    "блютуз": "bluetooth",
    "блютус": "bluetooth",
    # British and everyday English for what the articles name otherwise.
    "broadband": "internet",
    "lan": "ethernet",
    "wireless": "wifi",
    "disc": "disk",
    "discs": "disks",
    "dodgy": "suspicious",
    "sluggish": "slow",
    "laggy": "slow",
    "crawling": "slow",
    # Slang and surzhyk: "прога" is a program, "глючит" misbehaves (hangs), "конектиться"
    # connects, "акк" an account.
    **dict.fromkeys(
        _words("прога проги прогу прогой проге прогі прогою програмка программка проги"),
        "программа",
    ),
    **dict.fromkeys(
        _words("глючит глючить глючат глючать глючило глючил глючила глюки глюк глючный"),
        "зависает",
    ),
    **dict.fromkeys(
        _words(
            "конектится конектиться коннектится коннектиться конектитися конектяться "
            "законектиться законектится приконектиться конектит конектить конект коннект"
        ),
        "подключается",
    ),
    **dict.fromkeys(
        _words("дисконектит дисконектить дисконект дисконнект дисконектиться"), "отключается"
    ),
    **dict.fromkeys(_words("акк акка акке акку акком"), "аккаунт"),
    # "Учётка" (ru) and "учьотка" (surzhyk) are the account in every case form.
    **{
        f"{stem}{ending}": "аккаунт"
        for stem in ("учетк", "учьотк", "учотк")
        for ending in ("а", "и", "е", "у", "ой", "ою", "і", "ах", "ами")
    },
    # A message or window that appears says what the screen shows, not what is wrong:
    # "выскакивает ошибка", "з'являється вікно", "a warning pops up".
    **dict.fromkeys(
        _words(
            "появляется появляются появилось появилась появился появилось выскакивает "
            "выскакивают выскочило выскочила выскочил вылазит вылазиет вылезает вылезло "
            "вылезла вылез"
        ),
        "пишет",
    ),
    **dict.fromkeys(
        _words(
            "зявляється зявляються зявилось зявилося зявилася зявився вискакує вискакують "
            "вискочило вискочила вискочив вилазить вилізло вилізла виліз"
        ),
        "пише",
    ),
    **dict.fromkeys(_words("pops popping popped appears appeared appearing"), "shows"),
    # "Отваливается" (drops off) is "отключается" (disconnects), for a network or a device.
    **dict.fromkeys(
        _words(
            "отваливается отваливаются отвалился отвалилась отвалилось отвалились "
            "отваливалось отваливался отваливалась отвалится"
        ),
        "отключается",
    ),
    **dict.fromkeys(
        _words(
            "відвалюється відвалюються відвалився відвалилась відвалилася відвалилося "
            "відвалилось відвалились відвалилися"
        ),
        "відключається",
    ),
    # Surzhyk "не робить" / "не робе" is "не працює" (does not work).
    **dict.fromkeys(_words("робить робе робит роблять"), "працює"),
    # "Блокнуло" is "заблокировало", in its forms.
    **{
        f"{prefix}блокн{ending}": "заблокировать"
        for prefix in ("", "за")
        for ending in ("уло", "ули", "ул", "ула", "уть", "ув", "ула", "улся", "улась", "увся")
    },
    # "На старте", "при старті": at launch.
    **dict.fromkeys(_words("старт старта старте старту старті стартом"), "запуск"),
}

# "Залочить" (to lock, from English) in every form people type, ru and uk alike: залочило,
# залочили, залочена, лочит, разлочьте, розлочте… The dictionaries do not know the verb, so
# each form is mapped to the dictionary verb it means.
_LOCK_ENDINGS = ("ить", "ило", "или", "ил", "ила", "ился", "илась", "илось", "ились", "ит",
                 "ат", "ен", "ена", "ено", "ены", "енный", "енная", "ивает", "ивают", "ьте",
                 "ити", "ив", "ять", "те", "ився", "илася", "илося", "илися")  # fmt: skip
for _ending in _LOCK_ENDINGS:
    WORDS.setdefault(f"залоч{_ending}", "заблокировать")
    WORDS.setdefault(f"лоч{_ending}", "заблокировать")
    WORDS.setdefault(f"разлоч{_ending}", "разблокировать")
    WORDS.setdefault(f"розлоч{_ending}", "разблокировать")
    # "Заблочить" (заблочило, заблочена, разблочьте): the same verb spelled after "блок".
    WORDS.setdefault(f"заблоч{_ending}", "заблокировать")
    WORDS.setdefault(f"разблоч{_ending}", "разблокировать")
    WORDS.setdefault(f"розблоч{_ending}", "разблокировать")
# Colloquial words the dictionaries read as something else or not at all: "нема" is the
# Ukrainian "немає" (not ru "немой"), "лок" a lock-out, "обнова" an update.
WORDS.update(
    {
        "нема": "немає",
        "лок": "блокировка",
        "локе": "блокировка",
        "локу": "блокировка",
        "локнуло": "заблокировать",
        "локнули": "заблокировать",
        # "Подвисает" (hangs for a while): the dictionaries do not know the ru verb.
        **{f"подвис{e}": "зависает" for e in ("", "ает", "ают", "ал", "ала", "ало", "али",
                                               "ла", "ло", "ли", "нет", "ание", "ания")},
        **{f"підвис{e}": "зависає" for e in ("", "ає", "ають", "ав", "ла", "ло", "ли",
                                               "не", "ання")},
        # Phones named by their brand are phones ("почта на самсунге", "a Samsung").
        **dict.fromkeys(
            ("samsung", "galaxy", "xiaomi", "redmi", "huawei", "pixel", "самсунг", "самсунге",
             "самсунга", "самсунгу", "сяоми", "ксиоми", "хуавей"),
            "android",
        ),
        # English negative contractions, typed with or without the apostrophe (it is
        # dropped first): "won't", "isnt", "didn't" are "not", never a word of their own
        # ("wont" read as a specific word tied "the mixer won't start" to app_wont_start).
        **dict.fromkeys(
            ("wont", "cant", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent",
             "couldnt", "wouldnt", "shouldnt", "havent", "hasnt", "hadnt", "aint", "cannot"),
            "not",
        ),
        # English irregular forms Snowball leaves apart ("sent" is not "send", "frozen" not
        # "freeze") and British spellings of words the articles write the American way.
        "sent": "send",
        "forgot": "forget",
        "got": "get",
        "gotten": "get",
        "forgotten": "forget",
        "froze": "freeze",
        "frozen": "freeze",
        "hung": "hang",
        "fell": "fall",
        "fallen": "fall",
        "stolen": "steal",
        "lost": "lose",
        "stole": "steal",
        "spilt": "spill",
        "burnt": "burn",
        "overwrote": "overwrite",
        "overwritten": "overwrite",
        "recognise": "recognize",
        "recognised": "recognized",
        "recognising": "recognizing",
        "authorise": "authorize",
        "authorised": "authorized",
        "centre": "center",
        "programme": "program",
        "programmes": "programs",
        "organisation": "organization",
        "synchronise": "synchronize",
        "colour": "color",
        # "Rights" are permissions; "right" alone is "right after", "right now" (a stop word).
        "rights": "permissions",
        "configure": "setup",
        "configured": "setup",
        "configuring": "setup",
        "обнова": "обновление",
        "обновы": "обновление",
        "обнову": "обновление",
        "обновой": "обновление",
        # A burning smell said the everyday way: "пахне паленим", "запах паленого", "запахло
        # палёным" is the damage article's "горілим", "горелым". Only the forms a smell takes
        # (after "пахнет", "запах"): "палёная винда" (pirated) stays apart.
        **dict.fromkeys(_words("паленым паленого"), "горелым"),
        "паленим": "горілим",
        # Glass broken the everyday way: a cobweb of cracks ("екран павутинкою", "экран
        # паутиной", "spiderwebbed") is the cracked screen; "скло в друзки" is smashed. In
        # every case it is said in ("екран в павутинці", "стекло в паутину").
        **dict.fromkeys(
            _words(
                """
                павутинкою павутиною павутинка павутина павутинки павутини павутинці павутині
                павутинку павутину
                """
            ),
            "тріщина",
        ),
        **dict.fromkeys(
            _words(
                """
                паутиной паутинкой паутинка паутина паутинки паутины паутинке паутине
                паутинку паутину
                """
            ),
            "трещина",
        ),
        **dict.fromkeys(_words("spiderweb spiderwebbed spiderwebs"), "cracked"),
        **dict.fromkeys(_words("друзки вдрузки"), "розбитий"),
        **dict.fromkeys(_words("вдребезги дребезги"), "разбит"),
        # Smoke said small: "пошёл дымок", "йде димок".
        **dict.fromkeys(_words("дымок дымком"), "дым"),
        **dict.fromkeys(_words("димок димку димком"), "дим"),
    }
)

# Function words, greetings and politeness: they never tell one problem from another.
# So do English contractions without their apostrophe (im, whats) and words that say when
# or what was tried, not what is wrong ("Started Monday", "right after", "I restarted"),
# or how often it happens ("постоянно зависает", "keeps freezing": a program and a machine
# alike, as "опять" and "always" are).
# Numbers are ("каждые пять минут" dates, it does not name). Quantities (мало, много,
# few, too many) are not here: "мало места" and "too many
# attempts" are different problems from "место" and "attempts".
STOP_WORDS: frozenset[str] = _words(
    """
    а и но или да же ли бы ведь вот как так что чтобы это этот эта эти то тот та те там тут
    здесь где когда куда почему зачем какой какая какие каком какую кто чем чего уже еще ещё
    в во на по к ко с со у о об от до из за для при про без над под через после перед между
    я мы ты вы он она оно они мне меня мной нам нас вам вас ему его ее её ей им их ними нем
    мой моя мое мои моего моей моем моих мою свой своя свое свои своего своей твой ваш наш
    у меня у нас есть был была было были будет буду будь быть
    очень просто сейчас сегодня вчера опять снова всегда иногда только тоже также
    привет здравствуйте здравствуй добрый доброе доброго добрая день утро вечер ночи
    пожалуйста спасибо благодарю помогите помоги подскажите подскажи скажите скажи
    плиз пж пжл спс ок окей хорошо ладно норм
    і й та але або чи ж би як що це цей ця ці той те ті там тут де коли куди чому навіщо який яка
    які якому яку хто чим чого вже ще в у на по до з із зі від для при про без над під через
    після перед між я ми ти ви він вона воно вони мені мене мною нам нас вам вас йому його
    її їй їм їх ними ньому мій моя моє мої мого моєї моєму моїх мою свій своя своє свої ваш
    наш є був була було були буде буду бути дуже просто зараз сьогодні вчора знову завжди
    іноді тільки лише теж також привіт вітаю добрий добре доброго добра ранок дякую будь ласка
    допоможіть допоможи підкажіть підкажи скажіть скажи
    the a an and or but if of to in on at by for with from into about as is are was were be
    been being am do does did doing have has had having i me my mine we us our you your he
    him his she her it its they them their this that these those there here what which who
    whom when where why how can could would should will shall may might must just really
    very so too also again still now today yesterday hi hello hey dear good morning
    afternoon evening please thanks thank pls plz help ok okay team guys anyone someone
    after before since until every each some any always never ever
    time times раз разу щоразу
    после потом затем перед каждый каждые каждую всегда никогда
    кожен кожні завжди ніколи потім
    хтось щось someone something somebody anything
    im ive youre youve theyre weve whats thats theres heres hows whos up
    theyve theyd theyll youd youll itll hes shes thatll whatll wholl
    started began begun right restarted rebooted
    даже страшно жутко дико ужасно сильно супер навіть жахливо страшенно дуже even super
    really totally extremely terribly
    один одна одно два две три четыре пять шесть семь восемь девять десять пятнадцать
    двадцать тридцать сорок пятьдесят сто одне дві чотири шість сім вісім
    пятнадцять двадцять тридцять пятдесят one two three four five six seven
    eight nine ten fifteen twenty thirty forty fifty hundred
    then already yet though although both other another anymore anyway either else maybe
    хотя хоча хоть хоч однако однак проте зато зате
    perhaps actually basically literally like thing things stuff last moment moments
    момент моменту
    try tried tries trying пробовать пробовал пробовала пробовали попробовать попробовал
    попробовала пытаться пытался пыталась пытались пробувати пробував пробувала спробувати
    спробував спробувала намагатися намагався намагалася
    вроде типа короче ну блин вообще пока туда сюда оттуда ранее раньше уважаемый уважаемые
    словно будто
    робити зробити роблю делать сделать
    бо шо того якщо взагалі ніби наче мов мабуть типу поки туди сюди раніше шановний
    шановні досі почав почала почало почали почалось почалося
    намертво наглухо напрочь насмерть completely
    постоянно постійно периодически періодично регулярно часто частенько
    constantly continually often frequently sometimes occasionally randomly
    около возле рядом ой біля поруч наші
    through across within onto upon along behind near toward towards via per than because
    cos whether myself yourself himself herself ourselves themselves halfway midway hiya
    sorry
    """
)

# Events a problem is dated by: after a "since"/"после" word they say when it began, not
# what is wrong ("принтер пропал после обновления", "2nd monitor dead since the update"),
# and weigh as a time. Without such a word they are the problem ("обновление зависло").
ONSET_WORDS: frozenset[str] = _words(
    """
    обновление обновления обновлений обновку апдейт апдейта патч патча перезагрузка
    перезагрузки переустановка переустановки переезд переезда ремонт ремонта
    оновлення оновлень апдейту патчу перезавантаження перевстановлення переїзд переїзду
    update updates updating updated upgrade upgrades upgrading upgraded patch patches
    patching reinstall reinstalling move migration
    смена смены смену замена замены замену зміна зміни зміну заміна заміни заміну
    change changes changed changing
    """
)

# Vanishing: what vanished is the problem; the place it vanished from ("пропала папка с
# общего диска", "file disappeared from the shared drive") says where, like a time says when.
VANISH_WORDS: frozenset[str] = _words(
    """
    пропал пропала пропало пропали пропадает пропадают исчез исчезла исчезло исчезли
    исчезает делся делась делось делись слетел слетела слетело слетели
    зник зникла зникло зникли зникає зникають пропав пропала пропало пропали пропадає
    подівся поділася поділося поділися
    disappeared disappears vanished vanishes gone missing lost
    """
)
# Saying that something works or is there: a clause with one of these and no negation
# says what is fine, not what is wrong ("а на телефоне сеть работает", "хоча лампочка
# світиться", "but it opens on my phone").
WORKING_WORDS: frozenset[str] = _words(
    """
    работает работают горит горят светится светятся идет идут ловит слышат видят
    открывается открываются нормально
    працює працюють горить горять світиться світяться йде іде ловить чують бачать
    відкривається відкриваються нормально
    works opens loads fine ready switched ok okay
    """
)
# What helps, said without a negation ("только ребут помогает", "спасает только
# перезагрузка", "допомагає лише перезавантаження"): the user's way around the problem,
# ruled out as what works is, also with "только" (which after "работает" says the rest
# does not work).
REMEDY_WORDS: frozenset[str] = _words(
    "помогает помогают помогло спасает спасают спасло допомагає допомагають допомогло рятує"
)
# A state checked, said as two words in a row: paper in the tray ("it's on and has paper",
# "бумага есть", "папір є") is ruled out as "switched on" is, not a paper problem; so is
# everything there ("на ноутбуке по вайфаю всё есть").
CHECKED_PAIRS: frozenset[tuple[str, str]] = frozenset(
    {
        ("has", "paper"),
        ("have", "paper"),
        ("got", "paper"),
        ("бумага", "есть"),
        ("есть", "бумага"),
        ("папір", "є"),
        ("є", "папір"),
        # "на ноутбуке по вайфаю всё есть": everything is there, it works; so is everything
        # said all right ("на ноуте по вайфаю всё ок", "na telefoni vse ok").
        ("всё", "есть"),
        ("все", "есть"),
        ("все", "є"),
        ("усе", "є"),
        ("всё", "ок"),
        ("все", "ок"),
        ("усе", "ок"),
        ("всё", "окей"),
        ("все", "окей"),
        ("усе", "окей"),
    }
)
# Supplies said to be there ("тонера повно", "бумаги полно", "краски хватает", "plenty of
# toner", "toner is full", "бумага в лотке есть"): checked, like "папір є".
SUPPLY_WORDS: frozenset[str] = _words(
    """
    бумага бумаги бумагу тонер тонера тонеру краска краски картридж картриджа папір паперу
    фарба фарби картриджі
    paper toner ink
    """
)
# How much of a supply there is, or what holds it: "уровень тонера полный", "запас бумаги
# есть", "лоток паперу повний" say the supply is there, as "бумага есть" does; "замятие
# бумаги есть" says a jam is (clauses._governed). Lemmas.
SUPPLY_MEASURE_LEMMAS: frozenset[str] = _words(
    "уровень запас остаток лоток пачка коробка количество рівень залишок кількість"
)
_PLENTY = _words(
    """
    есть полно полный хватает достаточно є повно повний вистачає достатньо
    full plenty enough loaded
    """
)
CHECKED_PAIRS = CHECKED_PAIRS | frozenset(
    pair
    for supply in SUPPLY_WORDS
    for plenty in _PLENTY
    for pair in ((supply, plenty), (plenty, supply))
)
# The other way of the mail works, said as a clause's last words: "хотя входящие приходят",
# "вхідні приходять", "получать получаю" (receiving, I do receive), "отправлять отправляю".
# What comes in (or goes out) is ruled out as the problem, as "works" is. Only at the
# clause's end: "письма приходят в спам", "код приходит на старый номер" say where, and are
# the problem.
FLOWING_MAIL_WORDS: frozenset[str] = _words(
    "письма почта входящие исходящие листи пошта вхідні вихідні emails mail"
)
FLOWING_WORDS: frozenset[str] = _words(
    """
    приходят приходит доходят доходит уходят уходит идут идет приходять приходить доходять
    доходить надходять надходить йдуть йде сыплются сипляться сиплються
    """
)
# "получать получаю", "отримувати отримую": an infinitive said again as the user's own verb.
FLOWING_PAIRS: frozenset[tuple[str, str]] = frozenset(
    {
        ("получать", "получаю"),
        ("принимать", "принимаю"),
        ("отправлять", "отправляю"),
        ("отримувати", "отримую"),
        ("приймати", "приймаю"),
        ("надсилати", "надсилаю"),
        ("відправляти", "відправляю"),
    }
) | frozenset(
    # "а відправляти можу", "отправлять могу": the other way, said as what the user can do.
    pair
    for verb in _words(
        "получать принимать отправлять отримувати приймати надсилати відправляти"
    )
    for can in _words("можу могу")
    for pair in ((verb, can), (can, verb))
)
# One way of the mail said to work, as a clause of its own: "а отправить могу", "отправлять
# может", "receiving is fine", "receiving ok", "получать получаю" (a translit "poluchat" is
# "получат", a form of получить). The verbs of either way, by lemma (both aspects; English
# by word: "sent", "received" say what happened, not what works), and the words that say it
# works or can be done.
MAIL_WAY_LEMMAS: frozenset[str] = _words(
    """
    отправить отправлять получить получать принять принимать отослать отсылать
    надіслати надсилати відправити відправляти отримати отримувати прийняти приймати
    """
)
MAIL_WAY_ENGLISH: frozenset[str] = _words("send sending receive receiving")
WAY_WORKS_WORDS: frozenset[str] = WORKING_WORDS | _words(
    """
    ok okay ок окей норм good могу может можем можете могут можу може можемо можуть
    """
)
# Saying what someone else said or promised: "клиент говорит, что отправил", "customers say
# they sent it", "обещали прислать накладные". What they say was (or will be) done is their
# side; the user's side is the clause that says what did not happen ("а мне ничего не
# пришло", "во входящих пусто").
SPEECH_WORDS: frozenset[str] = _words(
    """
    говорит говорят говорил говорила говорили сказал сказала сказали утверждает
    каже кажуть казав казала казали сказав сказала сказали стверджує
    say said tell told claim
    обещал обещала обещали обещают обіцяв обіцяла обіцяли обіцяють promised promise promises
    """
)
# "the client says they sent it", "customer claims he paid": said of a person only ("Premiere
# says the scratch disk is full" is what a program shows).
PERSON_SPEECH_WORDS: frozenset[str] = _words("says tells claims claimed insists")
# What is said begins with one of these, after a comma ("говорят, что отправили").
THAT_WORDS: frozenset[str] = _words("что що шо that")
PERSON_WORDS: frozenset[str] = _words("they he she we")
# Asking the desk for a ticket: "Open a ticket: laptop won't charge", "Создайте заявку:
# не печатает принтер". A clause of these words only (one of TICKET_WORDS among them) is
# said to the desk, not what is broken ("open" is no program that won't open).
TICKET_WORDS: frozenset[str] = _words("ticket тикет заявка заявку заявочку")
DESK_REQUEST_WORDS: frozenset[str] = TICKET_WORDS | _words(
    """
    open create raise log file submit make new please just
    открыть откройте открой создать создайте создай оформить оформите оформи завести
    заведите заведи зарегистрируйте новую пожалуйста просто
    відкрити відкрийте відкрий створити створіть створи оформити оформіть оформи
    зареєструйте нову будь ласка
    """
)
# "crashes when I scan a pallet", "зависает, когда печатаем результаты", "вилітає, коли
# відкриваю звіт": what follows is what the user was doing when it failed.
# Of these, the ones that say what the program was busy with only after a word of its
# crashing or hanging (HUNG_WORDS): "Blender крашиться при рендері", "iiko висне посеред
# замовлення", "1С падает в середине работы", "the CAD program dies mid-drawing";
# "ошибка при печати" names the failure itself (`Ranker._circumstance`).
MIDST_WORDS: frozenset[str] = _words(
    "при посреди посеред середине середині mid"
)
CIRCUMSTANCE_WORDS: frozenset[str] = _words("when whenever halfway midway когда коли") | MIDST_WORDS
# The same "while" said in two words ("вылетает во время созвона", "закривається під час
# оформлення", "падает в процессе печати"): the preposition, then the noun of the time, each
# language's own ("раз в час", "в час ночи" are an hour, no "while").
DURING_PAIRS: frozenset[tuple[str, str]] = frozenset({
    ("во", "время"), ("в", "процессе"), ("під", "час"), ("у", "процесі"), ("в", "процесі"),
})  # fmt: skip
# "на" after a program's crashing opens the task it was busy with when the noun after it
# names doing ("падає на друку", "вылетает на сохранении", "вилітає на половині
# сканування"), not a place or a stage ("завис на заставке", "зависает на 30%"): action nouns
# by their endings, and these nouns of doing and of the middle of it (lemmas).
ACTION_NOUN_ENDINGS: tuple[str, ...] = ("ние", "тие", "ння", "ття")
ACTION_NOUNS: frozenset[str] = _words("друк печать оплата экспорт експорт половина середина")
# Of these, the ones that say what one was in the middle of ("crashes halfway through a
# render"): the task done in a program, read so only when a program is named
# (`Ranker._circumstance`).
MIDWAY_WORDS: frozenset[str] = _words("halfway midway")
# Nouns that name a program, whatever it is: "the inventory app", "the lettering software".
PROGRAM_NOUNS: frozenset[str] = _words("app apps application program programme software client")
# Putting a program on in the imperfective ("ставлю на новий ноут", "хто ставить?"): the
# verb (lemmas) and what it is said of, a program (lemmas; a name is one too). An update put
# on is the update's, and nothing else put ("ставит кавычку", "ставить машину") is one.
PUTTING_LEMMAS: frozenset[str] = _words("ставить ставити")
PUT_PROGRAMS: frozenset[str] = _words(
    "программа программка софт драйвер приложение програма програмка застосунок додаток"
)
UPDATE_LEMMAS: frozenset[str] = _words("обновление обновить оновлення оновити update")
# Negations: a clause with one is not said to be fine. Emptiness denies too ("во входящих
# пусто", "inbox is empty").
NEGATION_WORDS: frozenset[str] = _words(
    """
    не нет ни ничего никак немає нема ні нічого без no not nothing none never without cant
    cannot dont doesnt wont didnt isnt arent пусто порожньо empty
    """
)
# Being able, by lemma: denied ("не может пробить чек", "не можуть зайти") it says that the
# verb after it fails, not what fails.
MODAL_LEMMAS: frozenset[str] = _words("мочь могти can could")
# A denial passes through the verb of being able, wanting or managing to the verb it
# governs: "ворд никак не хочет открываться", "Outlook не может запуститься", "не вдається
# відкрити" deny the opening (ranker._denied).
DENIAL_PASSES: frozenset[str] = MODAL_LEMMAS | _words(
    "хотеть хотіти получаться удаваться вдаватися"
)
# A connection gone off ("инет отвалился", normalised "отключается"; "інтернет відключився")
# denies it as "пропал" does: what a later clause says works beside it is ruled out
# (clauses.ruled_out).
WENT_OFF_WORDS: frozenset[str] = _words(
    """
    отключается отключаются отключился отключилась отключилось отключились
    відключається відключаються відключився відключилася відключилось відключились
    """
)
# Stopping denies what follows as "не" does: "мне перестали приходить письма", "перестав
# друкувати", "mail stopped coming in" say it does not happen now.
STOPPED_WORDS: frozenset[str] = _words(
    """
    перестал перестала перестало перестали перестает перестают
    перестав перестала перестало перестали перестає перестають stopped stops ceased
    """
)
# A room's window said to open or close (or not) beside the room's air: "the windows at the
# incense factory won't open, it's stifling in here", "окна в мастерской не закрываются,
# сквозит" are the building's (rooms.py). Not "hot", "cold", "freezing": a laptop on Windows
# runs hot, and Windows freezes.
ROOM_WINDOW_WORDS: frozenset[str] = _words("окно окна окон вікно вікна вікон window windows")
WINDOW_MOVES: frozenset[str] = _words(
    """
    открываться открыться открывать открыть закрываться закрыться закрывать закрыть
    відчинятися відчинитися відчиняти відчинити зачинятися зачинитися зачиняти зачинити
    відкриватися відкритися відкривати відкрити закриватися закритися закривати закрити
    open opens opened opening close closes closed closing shut shuts
    """
)
ROOM_AIR_WORDS: frozenset[str] = _words(
    """
    сквозит сквозить сквозняк душно духота жарко жара проветрить проветривать дует
    протяг дме задуха спека провітрити провітрювати
    stifling stuffy boiling sweltering draught draughty draft drafty airless
    """
)
# A sports scoreboard said with a game's score or part ("табло на стадионе не показывает
# счёт, черный экран", "the stadium scoreboard went to a black screen in the second half"):
# the board and its screen's words are the venue's (scoreboards.py). A board with no score
# or match ("табло в зале ожидания показывает чёрный экран") is left to the other signals.
SCOREBOARD_WORDS: frozenset[str] = _words("табло scoreboard scoreboards")
GAME_WORDS: frozenset[str] = _words(
    """
    счёт счет счёта счета рахунок рахунку матч матча тайм тайме период гра игра
    score scores match half quarter period innings
    """
)
BOARD_SCREEN_WORDS: frozenset[str] = _words(
    """
    экран екран дисплей монитор монітор черный чёрный чорний
    screen display monitor black blank
    """
)
# A show's sound: a karaoke's or a stage's microphones and speakers, said with no computer,
# call program or headset ("в караоке немає звуку з мікрофонів", "no sound from the mics in the
# karaoke room"), are the venue's (stages.py); "на компе в караоке-баре нет звука" is not.
SHOW_VENUE_WORDS: frozenset[str] = _words("караоке karaoke сцена сцене сцені stage")
SHOW_SOUND_WORDS: frozenset[str] = _words(
    """
    звук звука звуку звуком микрофон микрофоны мікрофон мікрофони колонка колонки динамик
    динамики динамік динаміки sound sounds audio microphone microphones speaker speakers
    """
)
SOUND_HOST_WORDS: frozenset[str] = _words(
    """
    компьютер компьютере компе комп пк ноутбук ноуте ноут моноблок компютер
    компі ноутбуці computer laptop desktop zoom зум teams тимс skype скайп
    discord meet наушники навушники гарнитура гарнітура headphones headset headsets earbuds
    earphones
    """
)
# A photographer's camera: a camera said with the shots it keeps ("can't copy the party videos
# off the camera", "the camera photos go there") or called a photo camera ("the photo studio
# camera", "my digital camera") is no webcam (cameras.py). A webcam's "picture" (the image it
# shows in a call) is no shot: only the plural is. A message that says "webcam" is left.
CAMERA_WORDS: frozenset[str] = _words("camera cameras")
WEBCAM_WORDS: frozenset[str] = _words("webcam webcams")
CAMERA_SHOT_WORDS: frozenset[str] = _words(
    "photos pictures pics snaps shots footage videos clips recordings"
)
PHOTO_CAMERA_WORDS: frozenset[str] = _words("photo digital dslr mirrorless film")
# How far before "camera" such a word still says which camera: "photo studio camera".
PHOTO_CAMERA_REACH = 2
# An instrument or a music night: the keyboard and keys, or the sound, said with it and with
# no computer or call program ("the harpsichord in the recital hall has two keys that won't
# come back up", "на колокольне западает клавиатура", "камертон майже не дає звуку") are the
# instrument's (stages.py). Not "music", "музыкальный": a music school has PCs.
INSTRUMENT_WORDS: frozenset[str] = _words(
    """
    орган органа органе органі пианино піаніно рояль рояля клавесин клавесина клавесині
    синтезатор синтезатора синтезаторі баян баяна аккордеон аккордеона акордеон акордеона
    колокольня колокольне колокольни дзвіниця дзвіниці карильон камертон камертона камертону
    шарманка шарманки шарманке шарманці
    piano organ harpsichord synth synthesizer synthesiser accordion carillon belfry
    """
)
# A music night: a keyboard said with it is the band's ("two dead keys before jazz night"),
# but its sound may be a computer's ("no sound on the concert livestream", "пропал звук, а
# через час концерт, нужно проверить презентацию"): only the keys are set aside.
MUSIC_NIGHT_WORDS: frozenset[str] = _words(
    """
    джаз джазу концерт концерта концерті репетиция репетиції
    jazz concert recital rehearsal
    """
)
# What plays an instrument's sound back on a computer: said with an instrument, the sound is
# the computer's ("нет звука в колонках, а мне записи шарманок прослушивать").
PLAYBACK_WORDS: frozenset[str] = _words(
    """
    колонка колонки колонках колонок наушники навушники запись записи записей записів
    speakers headphones headset earphones recording recordings
    """
)
# "Орган" is an authority too: "в налоговом органе", "державний орган", "органы опеки",
# "орган місцевої влади". Said with one of these words beside it, it is no instrument.
AUTHORITY_WORDS: frozenset[str] = _words(
    """
    налоговый налоговом налогового государственный государственном контролирующий
    надзорный исполнительный муниципальный судебный правоохранительный регистрирующий
    уполномоченный власти опеки управления самоуправления
    податковий податковому податкового державний державному контролюючий наглядовий
    виконавчий муніципальний судовий правоохоронний реєструючий уповноважений влади опіки
    управління самоврядування
    """
)
# Instruments' English names of two words, said whole.
INSTRUMENT_PHRASES: frozenset[tuple[str, str]] = frozenset(
    {("tuning", "fork"), ("music", "box"), ("barrel", "organ")}
)
INSTRUMENT_KEY_WORDS: frozenset[str] = _words(
    """
    клавиатура клавиатуры клавиатуре клавіатура клавіатури клавіатурі клавиша клавиши клавиш
    клавіша клавіші клавіш keyboard keyboards key keys
    """
)
# What says that something fails for the many a crowd word counts ("у всех лежит почта",
# "весь склад без сети", "all tills down", "none of the PCs can log in", "у всех проблемы с
# почтой", "у всех выкидывает из 1С"): the outage's verbs and nouns, a problem said as such,
# beside the negations, stopping and breaking down. A crowd with none of
# them ("добрый вечер всем, кто на смене", "на всех кассах очередь, позовите ещё кассира",
# "во всех магазинах сети закончились пакеты") is many people, not an outage (ranker:
# `Ranker._read`). Read as lemmas (things.failing).
CROWD_FAILING_WORDS: frozenset[str] = _words(
    """
    упасть лечь лежать висеть виснуть зависнуть зависать повиснуть встать стоять пропасть
    пропадать отвалиться ошибка сбой глючить тормозить слететь вылетать вылететь
    отключиться погаснуть гаснуть сдохнуть умереть удалить пищать никто потерять
    утратить исчезнуть вырубиться отрубиться тупить недоступный оффлайн офлайн
    впасти лягти лежати висіти виснути зависнути зависати повиснути стати стояти зникнути
    зникати пропасти пропадати відвалитися помилка збій глючити гальмувати злетіти
    вилітати вилетіти відключитися згаснути погаснути здохнути видалити блимати ніхто
    втратити загубити вирубитися відрубитися тупити недоступний
    ліг стоїть стоит висит лежит
    проблема глюк выкидывать выкинуть выбивать выбить викидати викинути вибивати вибити
    down lost lose offline dead froze frozen freeze freezes freezing crash crashed crashes
    problem problems issue issues trouble troubles kicked
    stop stopped stuck error errors fail fails failed failing broke broken outage
    unreachable unavailable hang hung drop dropped drops disconnect disconnecting
    disconnects disconnected deleted spilled switched none nobody noone
    """
)
# Being there, said as a clause's last word: "у всіх інших є", "на телефоне по вайфаю есть".
BEING_WORDS: frozenset[str] = _words("есть є")
# What one has, that being there says works: a network, a signal, sound, power, a picture
# ("сеть есть", "інтернет є", "по вайфаю есть"); "замятие бумаги есть", "синий экран есть"
# say a fault is there. The beginnings of normalised words.
HAD_THINGS = re.compile(
    r"интернет|инет|сет[ьи]|связ|сигнал|звук|доступ|питани|свет|электричеств|wi-?fi|вай-?фай|"
    r"изображени|картинк|пинг|соединени|подключени|інтернет|інет|мереж|зв.?яз|живленн|світл|"
    r"електрик|зображенн|з.?єднанн|підключенн|internet|network|connection|signal|sound|access|"
    r"power|picture|image|ping"
)
# Others as a clause's subject: "хоча вони надіслали", "а они меня слышат", "but they sent it".
# Said of the devices just named ("принтеры не печатают, они показывают Paper Jam") it is
# what they do, the problem: clauses.they_are_people tells which.
THEY_WORDS: frozenset[str] = _words("они вони they")
# One other person as the subject: "а он говорит, что отправил", "хоча вона каже що надіслала".
HE_SHE_WORDS: frozenset[str] = _words("он она він вона he she")
# Sending, a person's act whatever was named before the pronoun: "письма не приходят, хотя
# они отправили" says the senders sent them (lemmas).
SENDING_LEMMAS: frozenset[str] = _words(
    """
    отправить отправлять прислать присылать выслать высылать послать посылать переслать
    пересылать слать надіслати надсилати відправити відправляти прислати присилати вислати
    висилати переслати пересилати слати send email forward
    """
)
# Who does what (clauses.directions): the user as the subject ("я", "мы", "I"), as the one
# it is done to ("меня", "мне", "me"), and nobody or a crowd as the subject ("никто", "they").
SELF_SUBJECT_WORDS: frozenset[str] = _words("я мы ми i we")
SELF_OBJECT_WORDS: frozenset[str] = _words("меня мне нас нам мене мені me us")
# What one is a member of, said after "в"/"у"/"on"/"in": people are in a mailing list or a
# group ("хотя они в рассылке", "хоча вони є в розсилці", "though they're on the list"), so the
# pronoun before it stands for people, not for the letters just named (lemmas).
MEMBERSHIP_LEMMAS: frozenset[str] = _words(
    "рассылка список группа чат розсилка група перелік list group chat distribution mailing"
)
OTHER_SUBJECT_WORDS: frozenset[str] = _words(
    "никто ніхто они вони nobody noone they people colleagues everyone everybody customers "
    "clients recipients"
)
# English words between a subject and its verb ("I can't hear", "they don't get").
AUXILIARY_WORDS: frozenset[str] = _words(
    """
    not no can cant cannot could couldnt do dont does doesnt did didnt am m is isnt are
    arent was wasnt were werent will wont be been have havent has hasnt had just still
    really even
    """
)
# That something is wrong or needed, said without what: "проблема з принтером", "an issue
# with Zoom", "надо новый пароль".
PROBLEM_WORDS: frozenset[str] = _words(
    """
    проблема проблемы проблему проблеми проблемою problem problems issue issues поломка
    хочу хочет нужно нужен нужна надо треба потрібно потрібен need needs want wants
    заказать оформить замовити оформити удалось удаться вдалося вдатися
    """
)
# Mail said to have come, in the past and not denied ("phishing email received", "пришло
# письмо от «банка»", "надійшов лист з посиланням"): it arrived, so receiving works; the
# word says what the user is writing about, not what is wrong ("не пришло", "haven't
# received", "received nothing" are still the receiving article's).
ARRIVED_WORDS: frozenset[str] = _words(
    """
    пришло пришел пришёл пришла пришли поступило поступил поступила поступили получил
    получила получили
    прийшов прийшло прийшла прийшли надійшов надійшло надійшла надійшли отримав отримала
    отримали
    received arrived
    """
)
# "работает только вайфай": what alone works says the rest does not.
ONLY_WORDS: frozenset[str] = _words("только лишь тільки лише only just")
# One way of the mail said to be all one can do ("могу только отправлять", "виходить тільки
# надсилати", "I can only send"): that way works, the other is the problem.
MAIL_WAY_WORDS: frozenset[str] = _words(
    """
    отправлять отправить отправляю отправляется отправляются получать получить получаю
    принимать принимаю отсылать отсылаю
    надсилати надіслати надсилаю надсилається відправляти відправити відправляю
    відправляється отримувати отримати отримую приймати приймаю
    send sending receive receiving
    """
)
# Where a file or folder is kept: "папка на сервері", "on the file server" says where, the
# way a place does, not that the server is down (the outage article's "сервер").
HOST_WORDS: frozenset[str] = _words("сервер сервере сервері server")
# Prepositions of where one is ("принтер в офисе", "у рецепції", "in the lab", "at the
# front desk"): a place they govern says where the user is, not what is wrong.
LOCATIVE_WORDS: frozenset[str] = _words("в во у на in at inside")
# A floor is where English says one is "on" ("the printer on floor 2", "on the third floor",
# "on level 4"); "on" before other words is not a place ("on the site", "on Teams").
FLOOR_WORDS: frozenset[str] = _words("floor floors level storey")
# Prepositions of a source: the words they govern are where from.
SOURCE_WORDS: frozenset[str] = _words("с со из з із зі from off")
# A meal or a break after a time preposition is a time of day ("с обеда", "з обіду", "since
# lunch", "после перерыва"), not a question for the canteen.
TIME_PREPOSITIONS: frozenset[str] = _words(
    "с со з із зі от від после після до since after before until from till"
)
MEAL_TIMES: frozenset[str] = _words(
    """
    обед обеда обеду обеденного обеденный перерыва перерыв обід обіду обідньої перерви
    перерва lunch lunchtime break breakfast dinner
    """
)
# Mail said with whom it is from ("письма от поставщиков", "листи від постачальників",
# "emails from suppliers"): the sender is who, not what is wrong.
MAIL_WORDS: frozenset[str] = _words(
    """
    письмо письма писем почта почту рассылка лист листи листів листа пошта пошту розсилка
    email emails mail mails message messages letter letters newsletter
    """
)
SENDER_WORDS: frozenset[str] = _words("от від from")
# A mail server's refusal in the user's words ("my emails bounce back", "undeliverable"), and
# whose mail it was: "people say their mails to me bounce", "clients get a bounce" is mail
# others sent to the user, which did not come in; "every email I send bounces", "my emails
# to customers bounce" is the user's own, which did not go out.
BOUNCE_WORDS: frozenset[str] = _words(
    "bounce bounces bounced bouncing bounceback bouncebacks undeliverable"
)
# What happens to mail, said right after whom it is to: the verb, not the recipient ("their
# emails to the seaweed farm bounce back": the farm is whom, the bounce what is wrong).
# Mail coming back to its sender said in Russian or Ukrainian (lemmas): "письмо вернулось",
# "возвращается с ошибкой", "лист повертається", "прилетает отбойник"; the English words are
# BOUNCE_WORDS. Of the user's own mail it is a bounce (clauses.undelivered).
RETURNED_LEMMAS: frozenset[str] = _words(
    "вернуться возвращаться повернутися повертатися отбойник відбійник"
)
# Mail sent or come back ("прислало обратно", "пришло назад", "прийшло назад") and a reply
# that is the refusal ("приходит ответ 550 5.1.1", "прилетає відповідь 550"): the user's
# own mail came back, as "вернулось" says (lemmas; the back word or the code right after).
BACK_WORDS: frozenset[str] = _words("обратно назад")
SENT_BACK_LEMMAS: frozenset[str] = _words(
    """
    прислать присылать прийти приходить прилететь прилетать получить получать
    прислати надсилати прийти приходити прилетіти прилітати отримати отримувати
    """
)
REPLY_LEMMAS: frozenset[str] = _words("ответ відповідь")
# Replies are mail the user sends: "my replies to guests bounce" is the user's own mail.
REPLY_WORDS: frozenset[str] = _words(
    "reply replies response responses ответ ответы ответов відповідь відповіді відповідей"
)
# An error's word before its code ("с ошибкой 550", "з помилкою 554", "error 550"; lemmas).
ERROR_LEMMAS: frozenset[str] = _words("ошибка помилка error код code")
# Others complaining ("люди жалуются", "гості скаржаться", "customers complain"): what they
# say happened to mail is their side, as what they say is (SPEECH_WORDS).
COMPLAINT_WORDS: frozenset[str] = _words(
    """
    жалуются жалуется жаловались жаловался жаловалась скаржаться скаржиться скаржилися
    скаржився скаржилася complain complains complained complaining
    """
)
# The user's own mail, by its possessive ("мои письма", "мій лист", "my emails"): the user
# sent it.
OWN_MAIL_WORDS: frozenset[str] = _words(
    "мой моё мое мои мою моего моих мій моя моє мої мою моїх наш наше наши нашу наші my our"
)
MAIL_FATE_WORDS: frozenset[str] = BOUNCE_WORDS | _words(
    "receive arrive arrives arrived fail fails failed return returns returned get gets"
)
OTHERS_WORDS: frozenset[str] = _words(
    """
    they their them he she his her people clients customers senders colleagues partners
    suppliers guests patients everyone everybody someone somebody others
    """
)
SENDING_PERSON_WORDS: frozenset[str] = _words("i we")
# A link the user clicked, said in Russian or Ukrainian ("натиснула на посилання в листі",
# "я кликнула" after "со ссылкой"): following it, the phishing article's "перейти" (lures.py).
# The verbs of clicking (lemmas) and the link's words (lemmas).
CLICK_LEMMAS: frozenset[str] = _words(
    """
    нажать нажимать кликнуть кликать тыкнуть тыкать щелкнуть щёлкнуть натиснути натискати
    клікнути клікати клацнути клацати тицьнути тицяти
    """
)
LINK_LEMMAS: frozenset[str] = _words("ссылка посилання линк лінк")
LINK_REACH = 3
FOLLOWED = "перейти"
# A letter's threat to the user's mailbox or account, on a condition ("ящик удалят, если не
# войду по ссылке", "скринька буде закрита, якщо не ввести пароль", "your mailbox will be
# closed unless you confirm"): the lure of a phishing letter, not a mailbox that is closed
# (lures.py). The words of closing or deleting (lemmas; English stems), what is closed, and
# the words of the condition.
THREAT_LEMMAS: frozenset[str] = _words(
    """
    закрыть закрытый удалить удаленный заблокировать заблокированный отключить
    закрити закритий видалити видалений заблокувати заблокований відключити вимкнути
    close delet suspend deactiv block disabl
    """
)
THREATENED_WORDS: frozenset[str] = MAILBOX_WORDS | MAIL_WORDS | _words(
    "скринька скриньку акаунт аккаунт account учетка учётка обліковий почтовый поштова"
)
CONDITION_WORDS: frozenset[str] = _words("если якщо if")
UNLESS_WORDS: frozenset[str] = _words("unless")
THREAT_REACH = 3
# Mail others say they sent, which the user never got: "замовники кажуть, що надсилали, а в
# мене в «Вхідних» порожньо", "заказчики говорят что шлют сметы, а ко мне ничего не доходит",
# "customer says he sent the order, nothing in my inbox". The user's side says what is not
# there (an empty word, or the mail denied), and nothing else but the mail, where it is
# looked for, a paper mailed, when or from whom; such mail did not come in
# (`clauses.awaited_from_others`). A thing shipped ("отправил доски, а машины всё нет", "курьер
# сказал что посылку отправил") is nobody's mail.
EMPTY_WORDS: frozenset[str] = _words(
    """
    пусто пустой пустые порожньо порожні порожній ничего нічого нема немає нет тишина тиша
    ни жодного жодної жодних nothing empty none
    """
)
# Of those, the ones that say nothing at all is there, not that one thing is missing ("а в
# мене нічого", not "а його досі нема").
NOTHING_WORDS: frozenset[str] = EMPTY_WORDS - _words("нема немає нет none")
# Where the mail is kept, and the words that say it is empty ("вхідні порожні", "в пошті
# пусто", "inbox empty"): mail that did not come in (inboxes.py). A letter is no such
# place: "письма приходят пустые" is its body, and a Russian "лист" is a sheet.
MAIL_FOLDER_WORDS: frozenset[str] = _words(
    "входящие входящих входящем входящей вхідні вхідних вхідному вхідній спам спаме спамі spam junk"
)
MAIL_PLACE_WORDS: frozenset[str] = (
    MAILBOX_WORDS | MAIL_FOLDER_WORDS | _words("почта почте почту пошта пошті пошту")
)
EMPTY_PLACE_WORDS: frozenset[str] = _words(
    """
    пусто пустой пустая пустые пустое порожньо порожній порожня порожні порожнє пусті пуста
    empty
    """
)
INBOX_WORDS: frozenset[str] = (
    MAIL_WORDS | MAILBOX_WORDS | MAIL_FOLDER_WORDS | _words("junkfolder inbox")
)
# Papers that go by mail: what others sent, when no mail word is said ("постачальник
# відправив накладну, а до мене не дійшла", "люди кажуть що надсилали заявки"); not orders,
# which are shipped as often (lemmas).
MAILED_PAPERS: frozenset[str] = _words(
    """
    счет накладная накладный смета акт чертеж заявка рахунок накладна накладний кошторис
    креслення invoice invoices quote quotes
    """
)
# Orders, which others send by mail as often as they ship them: mail only when the user's
# side says nothing is there at all ("мені кажуть що надсилали замовлення, а в мене нічого
# нема"), not when the order itself has not come ("каже що відправив замовлення, а його досі
# нема": a delivery) (lemmas).
ORDER_LEMMAS: frozenset[str] = _words("заказ замовлення order")
# "з самого ранку", "с самого утра": "very" before a time, which it only stresses.
VERY_WORDS: frozenset[str] = _words("самого самої самых самих")
# The post, not the mail: a parcel or a courier ("курьер сказал что посылку отправил"), or a
# postal service named ("нова пошта каже, що відправили", "Укрпошта", "почта России", "Royal
# Mail", whose "mail" reads "email"): what others sent that way is no mail (lemmas, and pairs
# of lemmas in a row).
POSTED_LEMMAS: frozenset[str] = _words(
    "посылка посилка бандероль курьер курєр укрпошта parcel packag courier"
)
POSTAL_SERVICES: frozenset[tuple[str, str]] = frozenset(
    {("нова", "пошта"), ("почта", "россия"), ("пошта", "росія"), ("royal", "email")}
)
# How long it has been, said beside it ("второй день тишина во входящих", lemmas).
AWAITED_TIMES: frozenset[str] = _words(
    """
    второй третий день неделя утро другий третій тиждень ранок зранку
    second third day days week morning
    """
)
# Arriving, said of the mail (lemmas; English by word).
ARRIVING_LEMMAS: frozenset[str] = _words(
    """
    прийти приходить дойти доходить поступить поступать получить получать
    прийти приходити дійти доходити надійти надходити отримати отримувати
    come came arrive arrived arrives get got gotten had have received receive
    """
)
# A program that dies at its opening did not start (topics.yaml: one that closes at start
# is app_wont_start; one that dies while working is app_crash): "вылетает при открытии",
# "крашнулся сразу как запустил", "вилітає, навіть вікно не встигає з'явитися".
CRASH_WORDS: frozenset[str] = _words(
    """
    вылетает вылетают вылетел вылетела вылетело вылетели крашится крашатся крашнулся
    крашнулась крашнулось падает падают упал упала упало закрывается закрываются закрылся
    закрылась закрылось
    вилітає вилітають вилетів вилетіла вилетіло вилетіли крашиться крашнувся
    крашнулася крашнулось падає падають впав впала впало закривається закриваються закрився
    закрилася закрилось
    """
)
# The opening itself, after "при", "на", "під час": "при открытии", "на старте", "під час
# запуску"; with no object after it but the program ("при открытии вложения" is a crash
# while working).
START_NOUNS: frozenset[str] = _words(
    "открытии запуске старте відкритті запуску старті"
)
START_PREPOSITIONS: frozenset[str] = _words("при на час")
# "сразу как запустил", "одразу після запуску": the beginnings of the verbs and nouns of
# starting or opening a program.
START_STEMS: tuple[str, ...] = ("запуск", "запуст", "откр", "відкр", "старт")
AT_ONCE_WORDS: frozenset[str] = _words("сразу одразу відразу зразу")
# A window shown for a flash before the crash: it never got as far as opening ("окошко
# мелькнёт и закрывается", "Excel мигнул и закрылся", "мигне віконцем і зникає", "блимнув і
# закрився"). The verbs of one flash, as lemmas: every person, gender and tense of them.
FLASH_LEMMAS: frozenset[str] = _words("мигнуть мелькнуть моргнуть мигнути блимнути майнути")
# What flashes of the program itself, named after the flash ("мигне віконце і закривається",
# "мелькнёт заставка и закрывается"): its window and what it shows as it opens, as lemmas.
PROGRAM_SIGHTS: frozenset[str] = _words(
    "окно окошко заставка значок иконка ярлык вікно віконце заставка значок іконка ярлик"
)
# The window never showed: "даже окно не открылось", "вікно не встигає з'явитися", "ще до
# того, як відкриється вікно".
WINDOW_WORDS: frozenset[str] = _words("окно окна вікно вікна")
# Said of a crash while working: "посреди работы", "через 10 минут", "каждые полчаса",
# "кожні пів години", "при работе с отчётами".
WORKING_TIME_WORDS: frozenset[str] = _words(
    """
    посреди посеред работы работе роботи роботі минут минуты хвилин хвилини каждые каждый
    каждую кожні кожен кожну периодически постоянно постійно
    """
)
# A command pressed (presses.py): the verbs of pressing ("I press scan", "hit send",
# "clicked on Print"), what may stand before the command, the commands a user presses by
# their name, and a button named by its command ("the send button").
PRESSING_WORDS: frozenset[str] = _words(
    """
    press presses pressed pressing hit hits hitting click clicks clicked clicking tap taps
    tapped tapping push pushes pushed pushing
    """
)
PRESSING_BETWEEN_WORDS: frozenset[str] = _words("the on a")
PRESSED_COMMANDS: frozenset[str] = _words("print scan send save submit connect")
BUTTON_WORDS: frozenset[str] = _words("button buttons")
# The same in English (openings.py): a program that dies or goes ("crashes on startup",
# "shuts the moment I open it", "opens briefly and then disappears"), by lemma: any form
# of the verb dies ("crashing", "disappearing")...
DYING_VERBS_ENGLISH: frozenset[str] = _words("crash close shut quit die disappear vanish")
# ...opening it, by lemma too ("the moment I open it", "as soon as I launch it", "right
# after I double click it")...
OPENING_VERBS_ENGLISH: frozenset[str] = _words("open launch start click load")
# ...the opening named after "on", "at", "upon" ("on startup", "at launch", "on opening")...
OPENING_NOUNS_ENGLISH: frozenset[str] = _words("startup launch launching start opening")
OPENING_PREPOSITIONS_ENGLISH: frozenset[str] = _words("on at upon")
# ...what shows as it opens ("right after the logo shows up", "after the splash screen")...
OPENING_SIGHTS_ENGLISH: frozenset[str] = _words("logo splash")
# ...an instant ("the moment I open it", "the second I launch it", "as soon as it opens"),
# "right after" ("straight after launching")...
INSTANT_WORDS_ENGLISH: frozenset[str] = _words("moment second instant soon")
RIGHT_AFTER_WORDS_ENGLISH: frozenset[str] = _words("right straight just immediately directly")
# ...a moment's showing before it goes ("flashes a window and closes", "blinks on screen and
# vanishes"; "opens briefly", "opens for a second")...
FLASH_WORDS_ENGLISH: frozenset[str] = _words("flash flashes blinks")
BRIEF_WORDS_ENGLISH: frozenset[str] = _words("briefly second moment")
# ...the program itself after the verb ("open it", "launch the app"), and the words that
# open another thing named ("open the big price list", "on opening any central model")...
ITSELF_WORDS_ENGLISH: frozenset[str] = _words("it them program app application software up")
# English determiners, the one list (knowledge/, triage/ and dialogs/extract/ read it or a
# named part of it below, never a copy): articles, owners, pointing words, words of how many.
ARTICLE_WORDS_ENGLISH: frozenset[str] = _words("the a an")
OWNER_WORDS_ENGLISH: frozenset[str] = _words("my our your his her its their")
POINTING_WORDS_ENGLISH: frozenset[str] = _words("this that these those")
HOW_MANY_DETERMINERS_ENGLISH: frozenset[str] = _words("any every all some")
DETERMINER_WORDS_ENGLISH: frozenset[str] = (
    ARTICLE_WORDS_ENGLISH | OWNER_WORDS_ENGLISH | POINTING_WORDS_ENGLISH
    | HOW_MANY_DETERMINERS_ENGLISH
)  # fmt: skip
# ...and a time of work, which makes it a crash while working ("halfway through", "mid-call",
# "while I'm typing", "during the meeting").
WORKING_TIME_ENGLISH: frozenset[str] = MIDWAY_WORDS | _words("mid middle while during")
# A whole machine said to freeze or hang ("my laptop keeps freezing", "PC hangs every few
# minutes") is a slow machine, not a program's crash; the words that may stand between the
# machine and the verb say how often, not what.
MACHINE_WORDS: frozenset[str] = _words("computer laptop desktop notebook machine workstation")
# Machines a keyboard's lag may be the whole machine's ("everything on this machine is dead
# laggy", "the on-screen keyboard on my tablet lags"): said, the lag is left as it is (lags.py).
LAGGING_MACHINE_WORDS: frozenset[str] = MACHINE_WORDS | _words("tablet everything")
FREEZE_WORDS: frozenset[str] = _words(
    "freeze freezes freezing froze frozen hang hangs hanging hung"
)
# A program said to crash, close or hang, in any language: what follows "when", "при",
# "посеред", "mid" is then what the user was doing (`Ranker._circumstance`).
HUNG_WORDS: frozenset[str] = (
    CRASH_WORDS
    | FREEZE_WORDS
    | _words(
        """
        crash crashes crashed crashing dies died dying quits quit closes closed blows locks
        зависает зависают завис зависла зависло зависли виснет виснут глючит вышибает
        выкидывает выбивает
        зависає зависають зависла зависло зависли висне виснуть глючить вибиває викидає
        """
    )
)
ASPECT_WORDS: frozenset[str] = _words(
    """
    keep keeps kept keeping constantly randomly always still just totally completely
    sometimes often regularly repeatedly continually started starts start
    """
)
OWN_WORDS: frozenset[str] = _words("my our")
USER_WORDS: frozenset[str] = _words("me us")
# "emails to our clients", "листи до постачальників": whom mail is to is who, too.
RECIPIENT_WORDS: frozenset[str] = _words("to до для")
# "что можно удалить?", "що можна видалити", "what can I delete": asking what to do, not
# saying what was done (a file deleted is file recovery; asking what to delete is a full disk).
WHAT_WORDS: frozenset[str] = _words("что що what which")
MAY_WORDS: frozenset[str] = _words("можно можна can could should")
# "tried my wifi and my phone hotspot", "пробовала и с телефона, и с ноутбука": what comes
# after a word of trying is what the user already tried, not what is wrong.
TRIED_WORDS: frozenset[str] = _words(
    """
    tried пробовал пробовала пробовали попробовал попробовала попробовали пробував
    пробувала пробували спробував спробувала спробували
    """
)
# Words that join what was tried: "my wifi and my phone hotspot", "і вайфай, і роздачу".
JOINING_WORDS: frozenset[str] = _words("and or и или і й та або also both")
# "даже в спаме нет", "навіть у спамі", "even with the right password": what a scalar
# particle and a preposition introduce is what the user already checked or tried.
EVEN_WORDS: frozenset[str] = _words("даже навіть even")

# Spilling, dropping, knocking over: the drink or the sink near such a verb is how a device
# was damaged ("пролила каву на ноутбук", "dropped my phone in the sink"), not a question for
# the kitchen or the plumber. The verbs as lemmas (each aspect; the participles the
# dictionaries read as adjectives, "залитий", too), read in any form that says it was done:
# the past or a participle ("уронили", "розлив", "залито"; "ничего не проливал", "нічого не
# розливав" deny a spill as "не пролил" does), never one asked for, to come or only named
# ("заливаем прайс", "залийте воду", "надо залить каталог" is an upload); spills.damage_word.
DAMAGE_VERBS: frozenset[str] = _words(
    """
    пролить пролиться залить облить разлить опрокинуть уронить проливать разливать заливать
    ронять залитый
    пролити пролитися залити облити розлити перекинути впустити упустити проливати розливати
    заливати залитий
    """
)
# A thing that fell (lemmas): a device "упал со стола", "впав з кронштейна" was dropped.
# Said of a service it went down ("1С упала у всех", "сервер упал с утра"): only a fall from
# a place, a device named, is a drop (spills.fell_from).
FALL_VERBS: frozenset[str] = _words(
    """
    упасть свалиться грохнуться
    впасти упасти звалитися гепнутися
    """
)
# A stench (lemmas): before a burnt word it is the damage article's smell ("смердить
# горілим", "тхне паленим", "воняет горелым"; smells.py).
STENCH_VERBS: frozenset[str] = _words(
    """
    смердеть вонять завонять провонять
    смердіти тхнути воняти завоняти засмердіти
    """
)
BURNT_WORDS: frozenset[str] = _words("горелый паленый жженый гарь горілий палений гар")
# A cooler (lemma) said beside a computer or its slowness (lemmas and words) is the
# computer's fan, the slow computer's "вентилятор" ("ноут тормозит, а кулер ревёт", "система
# підвисає і кулер шумить як фен"); beside water ("кулер с водой", "воду в кулер") or with no
# computer said ("кулер сломался") it is the kitchen's water cooler (coolers.py).
COOLER_WORDS: frozenset[str] = _words("кулер")
COOLED_MACHINE_WORDS: frozenset[str] = _words(
    """
    ноутбук компьютер компютер системник пк цп процессор система
    тормозить висеть зависать подвисать тупить греться лагать ползти медленно
    гальмувати висіти зависати підвисати тупити грітися повзти повільно висне
    """
)
COOLER_WATER_WORDS: frozenset[str] = _words("вода стаканчик бутыль бутылка бутель пляшка")
# In English a spill in any form ("spilling", "spills"), and a drop, a knock, a pour or a
# soak in the past ("dropped", "soaked"; "the call drops", "pour some water" are none), as
# stems.
SPILLING_STEMS: frozenset[str] = _words("spill")
# A liquid that reached a device other than by pouring, done (English words; Russian and
# Ukrainian lemmas): "resin got splashed on the keyboard", "капнула горячая карамель прямо
# на клавиатуру", "бризнула фарба на монітор"; and a vessel that tipped over onto it ("the
# kettle tipped over onto the laptop"). Read as a spill (spills.splashed): the damage
# article's word, not a program's splash screen or a tap that drips.
SPLASH_WORDS: frozenset[str] = _words(
    """
    splashed splattered spattered sprayed squirted
    капнуть брызнуть плеснуть
    капнути бризнути плюснути хлюпнути
    """
)
TIPPED_WORDS: frozenset[str] = _words("tipped toppled")
DROPPED_STEMS: frozenset[str] = _words("drop knock pour soak")

# What a spill or a drop is said of when it damaged a device: a drink or water, or the
# device itself (lemmas; English words). "залил файлы на сервер", "the call dropped",
# "poured the data into Excel" name neither: no damage.
DAMAGED_THINGS: frozenset[str] = _words(
    """
    вода кофе чай сок кола пиво вино молоко газировка жидкость лимонад кава сік рідина
    клавиатура клава мышь мышка ноутбук ноут компьютер комп планшет монитор экран принтер
    клавіатура миша мишка компютер екран
    water coffee tea juice coke soda beer wine milk liquid drink keyboard mouse laptop
    notebook computer tablet monitor screen printer
    """
)
# Where a spill lands when it is no device's: furniture, floors and clothes ("knocked a
# glass of juice over the kitchen table", "spilled tea all over my shirt", "пролил кофе на
# стол"). Said with no device named, such a spill is no IT's. Not the desk: what stands on
# it is often what got wet. Lemmas; English words.
SPILL_SURFACES: frozenset[str] = _words(
    """
    стол пол ковер ковёр диван кресло стул рубашка блузка платье брюки юбка куртка скатерть
    стіл підлога килим диван крісло стілець сорочка блузка сукня штани спідниця куртка скатертина
    table tables counter worktop floor carpet rug sofa couch armchair chair shirt blouse dress
    trousers jeans skirt jacket coat tablecloth lap
    """
)
# The devices a spill may reach, named anywhere in the message (lemmas; English words).
SPILL_DEVICES: frozenset[str] = (
    DAMAGED_THINGS
    - _words("вода кофе чай сок кола пиво вино молоко газировка жидкость лимонад кава сік")
    - _words("рідина water coffee tea juice coke soda beer wine milk liquid drink")
) | _words(
    """
    телефон смартфон сканер mfp клавіши клавиши клавіші монітор моноблок
    phone smartphone macbook scanner charger dock docking headset keys mousepad cable
    сервер системник блок тачпад наушники навушники гарнитура гарнітура камера вебкамера
    микрофон мікрофон колонка роутер
    server tower touchpad trackpad headphones earphones earbuds camera microphone
    speaker speakers router
    """
)
# After a spill or a drop, a clause that names a secret, an account or mail ("залили ноутбук,
# сегодня не могу войти в почту, пароль не подходит") tells a problem of its own, not damage.
NOT_DAMAGE_WORDS: frozenset[str] = _words(
    """
    пароль пароля логин логін учетка учётка учетку учётку учетная учётная обліковий облікового
    password passwords login account
    """
) | MAIL_WORDS
# A phone damaged is often what its authenticator or its mail no longer does ("уронил
# телефон в воду, теперь не приходят коды"): what fails after it is a problem of its own.
PHONE_WORDS: frozenset[str] = _words("телефон смартфон мобильный мобільний phone smartphone mobile")
# The mail wanted on a phone ("можно её в смартфон поставить?", "поставила Outlook на телефон,
# а він просить сервер і порт", "хочу отримувати робочі листи на телефон", "any chance of getting
# the inbox on my mobile?"): putting it there, its server and getting it are the phone's mail
# set up, not a program to install, an outage or mail that does not come (phones.mail_to_phone).
# The phones (lemmas), the words before one that make it where the mail goes, and the words
# of setting the mail up there (lemmas; English by word).
PHONE_PLACES: frozenset[str] = PHONE_WORDS | _words(
    "айфон iphone андроид андроїд android мобилка мобілка мобила мобіла"
)
TO_PLACE_WORDS: frozenset[str] = LOCATIVE_WORDS | _words("on to onto into")
MAIL_SETUP_WORDS: frozenset[str] = _words(
    """
    поставить поставити установить встановити install put сервер server порт port
    """
)
# The phone's mail refusing the sign-in as it is added or opened ("айфон пише неправильний
# пароль коли додаю робочу скриньку", "outlook app on my phone won't sign in to the work
# account", "в почту на телефоне … пишет не удается проверить учетную запись"): the words of
# signing in and of the password refused are the phone's mail set up, not an account locked
# or a password forgotten (phones.mail_sign_in_on_phone; lemmas, and English words).
SIGN_IN_WORDS: frozenset[str] = _words(
    """
    пароль логин логін войти вход увійти вхід заходить заходити акаунт аккаунт учетный
    обліковий запись запис проверить перевірити password login signin logon account verify
    """
)
# Stems that say the account is locked, the password forgotten or reset, or the phone gone:
# then the sign-in is the account's or the phone's, whatever the mail ("залочился акк … в
# Outlook на телефоне", "скидала пароль через телефон — не приходить смс", "потерял телефон,
# не могу войти в почту").
NOT_SET_UP_STEMS: tuple[str, ...] = (
    "залоч", "заблок", "блокир", "блоку", "lock", "забыл", "забул", "забув", "forgot",
    "скида", "скину", "сбрас", "сброс", "reset", "потер", "загуб", "украл", "вкрал", "укра",
    "витягл", "вытащ", "lost", "stolen", "nick", "разбил", "розбил", "broke",
)
# The sign-in refused: a denial, or the password said wrong (lemmas; English by word).
WRONG_WORDS: frozenset[str] = _words(
    "неправильный неправильний неверный невірний хибний incorrect wrong invalid"
)
# A phone said by its adjective ("в телефонному аутлуці", "мобильная почта").
PHONE_STEMS: tuple[str, ...] = ("телефонн", "мобильн", "мобільн")
MAIL_GETTING_WORDS: frozenset[str] = _words(
    "получать получить отримувати отримати get getting receive receiving"
)
# The mail wanted on a phone in English words ("would love the shop mail on my phone", "want
# the farm mailbox on my personal phone", phones.mail_wanted_on_phone): the words of wanting
# it, and the words that say whose phone it is between "on" and the phone.
MAIL_WANTING_WORDS: frozenset[str] = _words("want wanted need needed love like wish")
# An inbox said to go on a phone ("the crew inbox on my phone") is the mailbox set up there
# (phones.inboxes_to_phone).
INBOX_WORDS_ENGLISH: frozenset[str] = _words("inbox inboxes")
PHONE_OWNERS: frozenset[str] = _words("own personal private work works company")
# A phone sunk or gone dead beside its second factor ("уронил телефон с аутентификатором в
# септик", "dropped my phone in the tank, it's dead, the MFA app was on it") is a phone lost
# to signing in (phones.py): the ways it went (lemmas; Snowball stems for English), the
# words that say it is gone, and the beginnings of the second factor's words.
SUNK_WORDS: frozenset[str] = _words(
    """
    утопить утонуть упасть уронить утопити втопити втонути потонути упасти впасти впустити
    drop drown sank sunk sink fell fall knock slip
    """
)
# The other ways a phone goes from its owner beside its second factor, as the MFA article's
# "lost or replaced" means them: taken in slang ("phone nicked on the bus", "got
# pickpocketed"), crushed ("ran over his phone with the van": the run said with its "over"
# in phones.py), or changed for another and wiped ("swapped my handset", "switched from
# Android to iPhone", "онук перепрошив мені телефон"). Lemmas; Snowball stems for English.
# Not "reset" or "скинути"/"сбросить": "reset my MFA", "скинув код на телефон" ask or send.
PHONE_GONE_WORDS: frozenset[str] = _words(
    """
    nick pinch pickpocket swap switch replac chang upgrad wipe
    сменить поменять заменить перепрошить прошить
    змінити поміняти замінити перепрошити прошити
    """
)
PHONE_RUN_WORDS: frozenset[str] = _words("ran run")
# A phone said new beside its second factor ("купив новий смартфон, а коди для входу досі
# йдуть на старий", "новый айфон, аутентификатор не перенёсся"): the old one was replaced.
NEW_WORDS: frozenset[str] = _words("новый новий нова new")
GONE_WORDS: frozenset[str] = _words(
    "сдохнуть умереть здохнути померти мертвый мертвий die dead melt"
)
# A phone as the user names it when it goes ("swapped my handset", "switched from Android to
# iPhone"): the phone words and the makes a phone is called by.
GONE_PHONE_WORDS: frozenset[str] = PHONE_PLACES | _words("handset")
# A tablet (lemmas; English words) and the words its make and system are read as ("Samsung",
# "Galaxy", "Android"): said of a tablet, they are its name (tablets.py).
TABLET_WORDS: frozenset[str] = _words("планшет планшетик tablet tablets")
ANDROID_WORDS: frozenset[str] = _words("android андроид андроїд")
SECOND_FACTOR_STEMS: tuple[str, ...] = (
    "аутентифик", "автентифік", "аутентифік", "authent", "двухфактор", "двофактор",
    "двухэтап", "двоетап",
    "2fa", "mfa", "otp", "duo", "okta",
)
SECOND_FACTOR_CODES: frozenset[str] = _words("код code")
# "his 2 step app", "the two step thing": the second factor said by its steps.
SECOND_FACTOR_STEPS: frozenset[str] = _words("step")
SECOND_FACTOR_COUNTS: frozenset[str] = _words("2 two")
# What codes are for when they are a second factor: signing in ("the phone with my sign-in
# codes", "програма з кодами зникла, не можу зайти"). Lemmas; English words.
FACTOR_SIGN_IN_WORDS: frozenset[str] = _words(
    """
    signin login log sign approve approval verification verify
    вход войти входить зайти заходить авторизация подтверждение подтвердить
    вхід увійти входити зайти заходити авторизація підтвердження підтвердити
    """
)
# A licence, a subscription or a trial that ran out has expired (expiry.py): what it is
# said of, and the ways of its running out the licence article has no word for ("ran out",
# "is over", "підписка спливла"). Lemmas (Snowball stems for English); English words for
# the "out" and the "is" of "is over".
LICENCE_WORDS: frozenset[str] = _words(
    "licens subscript ліцензія підписка пробний лицензия подписка пробный"
)
# A trial is a licence's when it is a free one or has its period or version ("the trial
# period is over"); "the trial is over, the jury is out" is a court's.
# A password runs out as a licence does ("how do I change my password before it runs out?"):
# it expires, no disk's room used up (expiry.py). Only the English word: a Ukrainian window
# about the password "спливло" (popped up), which no password's expiry says.
EXPIRING_SECRET_WORDS: frozenset[str] = _words("password passwords")
TRIAL_WORDS: frozenset[str] = _words("trial")
TRIAL_KINDS: frozenset[str] = _words("period version free")
SPENT_WORDS: frozenset[str] = _words("спливти сплисти сплив")
# Verbs of ending the article has no word of ("підписка завершилась", "кончилась подписка",
# "пробна версія скінчилась", "термін ліцензії минув"): beside a licence they say it expired.
# Lemmas. Not "вийти": a new version comes out as a licence runs out.
ENDED_WORDS: frozenset[str] = _words("скінчитися завершитися минути кончиться завершиться")
TRIAL_ADJECTIVES: frozenset[str] = _words("пробний пробный")
# A trial's version that ended is its trial period over, the licence article's words: the
# version word as the period word of its language. Lemmas.
TRIAL_PERIODS: dict[str, str] = {"версія": "період", "версия": "период"}
# The licence article's words of a licence's end and the ones it lacks (lemmas).
ENDING_WORDS: frozenset[str] = ENDED_WORDS | SPENT_WORDS | _words(
    "закінчитися закончиться истечь"
)
RUN_WORDS: frozenset[str] = _words("ran run")
RUN_OUT_WORDS: frozenset[str] = _words("out")
BEING_OVER_WORDS: frozenset[str] = _words("is are was were be been it")
# Devices and the medium a user names as what fails ("клавіатура не друкує", "the scanner
# says no connection", "Wi-Fi connected, no internet"): they decide which article is first
# over the symptom words beside them, which other articles share.
DEVICE_WORDS: frozenset[str] = _words(
    """
    принтер сканер клавиатура клава мышь мышка камера вебка вебкамера микрофон гарнитура
    наушники монитор
    клавіатура миша мишка мікрофон гарнітура навушники монітор
    printer scanner keyboard mouse camera webcam microphone mic headset headphones monitor
    speakers wifi
    звук звука звуку звуком sound audio
    """
)
# A whole place or group: after "весь", "all", "none of" it means many people at once
# ("весь склад без сети", "all our shops' tills are offline", "none of the clinic PCs"), the
# way "у всех" does. Machines are not here: "весь компьютер тормозит" is one person's.
# "Everyone else" is the others, set against the writer: "the Kyocera is offline but everyone
# else can print to it", "works for everybody else" say the problem is the writer's alone, no
# crowd's (crowds.py `everyone_else`).
EVERYONE_WORDS: frozenset[str] = _words("everyone everybody")
ELSE_WORDS: frozenset[str] = _words("else")
# A flat is a home (British English): "VPN error 691 when I try from my flat", "working from
# the flat" say "from home", which the VPN article says, not the flat battery the keyboard's
# says (dwellings.py). Said after a preposition of place or purpose and a determiner, a word
# of which home at most between; not before what a flat thing is ("at a flat rate", "for a
# flat tyre").
HOME_FLAT_WORDS: frozenset[str] = _words("flat flats")
FLAT_PREPOSITIONS: frozenset[str] = _words("from at in to for")
# The part of the determiners that says which one, not how many: articles, owners, pointing
# words. Read before a flat (dwellings.py), before "whole" (triage/impact.py), before the others
# mail bounces back to (clauses.py), before an -ing noun (dialogs/extract/tried.py).
NOUN_DETERMINERS: frozenset[str] = DETERMINER_WORDS_ENGLISH - HOW_MANY_DETERMINERS_ENGLISH
# The part a quantifier is said of ("the whole …", "every one of our …", "nobody at the …",
# "all of the yurt camp tablets"): which one, never "a"/"an" ("all of a sudden" is a time, "a
# whole tray" how much). Read past a quantifier (crowds.py, ranker.py, triage/impact.py).
QUANTIFIED_DETERMINERS: frozenset[str] = NOUN_DETERMINERS - _words("a an")
# The part read between the things tried ("tried my wifi and my phone hotspot", "the office
# one"; knowledge/asides.py): no "your", "its" (a quoted error's "Your account is locked",
# "over its size limit" is no thing tried), nor the plural pointing words.
NEAR_DETERMINERS: frozenset[str] = NOUN_DETERMINERS - _words("your its these those")
# ...and of those, the writer's own and the one at hand, not a third person's ("his", "her",
# "their"): read before the place something vanished from ("from our shared drive") and what
# a program asked for is for ("for the lab reports"; knowledge/ranker.py).
OWN_DETERMINERS: frozenset[str] = NEAR_DETERMINERS - _words("his her their")
FLAT_KINDS: frozenset[str] = _words("new same own rented old")
FLAT_THINGS: frozenset[str] = _words("rate fee tyre tyres tire tires white screen panel")
MANY_WORDS: frozenset[str] = _words(
    "все all every entire whole none жоден жодна жодний жодній жодному жодного жодних"
)
# Of them, the ones that say "not one": a machine after them in the singular is still every
# machine ("жоден комп'ютер не заходить", "на жодному компі"), as after "ни один".
NONE_WORDS: frozenset[str] = _words("none жоден жодна жодний жодній жодному жодного жодних")
# "ни"/"ні" before a form of "один" ("ни в одном отделении", "ни на одной АЗС", "ні на одному
# компі"): not one of them, so every one, as "жоден" says it.
NONE_PARTICLES: frozenset[str] = _words("ни ні")
# English "not one" said of people: "nobody at the bow workshop can open 1C", "no one on the
# tunnel site can log in" (the place after "at", "in", "on" is where they all are).
NOBODY_WORDS: frozenset[str] = _words("nobody")
ONE_LEMMAS: frozenset[str] = _words("один одна одно одне")
# The machines each person works at: many of them after "все" ("все компьютеры склада",
# "на всіх ноутбуках відділу", "all the PCs", "все кассовые терминалы") are many people's
# seats at once, unlike one whole machine ("весь компьютер тормозит").
SEAT_WORDS: frozenset[str] = _words(
    """
    компьютер компьютеры комп компы пк ноутбук ноутбуки ноут ноуты моноблок моноблоки
    терминал терминалы компютер компютери ноутбуки термінал термінали
    computers laptops desktops workstations terminals tablets
    """
)
# The counters and machines a queue is served at, in the singular after "at/on/across
# every" ("the tote system is down at every window", "ticket system down on every till",
# "down on every terminal"): each one someone's seat, so many people at once, as "all the
# tills" are. Only after a place's preposition: "every window I open freezes" is one
# person's screen.
EVERY_SEAT_WORDS: frozenset[str] = _words(
    "till window terminal checkout register counter desk kiosk computer workstation tablet"
)
EVERY_WORDS: frozenset[str] = _words("every")
# People in the plural whose English word has no agent ending ("-ers", "-ists"): "down for
# all the guides", "none of the crews can log in".
CREW_WORDS: frozenset[str] = _words("guides crews crew nurses cooks chefs clerks guards staff")
# Jobs done to machines: asked for, to all of them ("нужно обновить все ноутбуки", "поставьте
# на все компьютеры антивирус", "встановіть усім у відділі Teams", "please upgrade all
# laptops") they are work for everyone, not everyone's outage.
JOB_VERBS: frozenset[str] = _words(
    """
    установить поставить обновить переустановить настроить подключить перенести заменить
    встановити поставити оновити перевстановити налаштувати підключити перенести замінити
    install reinstall upgrade update put setup replace
    """
)
# Times a "весь" may span ("весь день без интернета", "всю ночь", "весь тиждень"): how long,
# not where. Lemmas.
WHOLE_TIMES: frozenset[str] = _words(
    """
    день ночь утро вечер неделя месяц год время сутки период смена
    ніч ранок вечір тиждень місяць рік час година доба зміна
    """
)
# … and what an English "whole" or "entire" spans as a time ("the whole morning", "the entire
# weekend"), words: the English stems are not lemmas a reader knows. Not "shift": "the whole
# shift is stood down" is its people.
WHOLE_TIMES_ENGLISH: frozenset[str] = _words(
    "day days morning afternoon evening night week weekend month year hour time while"
)
# What an English place is said to be before it lacks something: "the whole bureau has no
# email", "the entire plant is without network" (as "весь водоканал без інтернету").
LACKING_VERBS: frozenset[str] = _words("has have had is are was were")
# Words Russian and Ukrainian spell alike in different senses, as the Russian dictionary's
# lemma and the Ukrainian word of its sense: the Russian "час" is an hour (the Ukrainian one
# time: "під час" is "during"). One index holds every language's lemmas, so a word the
# Russian dictionary reads stands for the Ukrainian word it means. Not "лист" (a Russian
# sheet, a Ukrainian letter) yet: read as "аркуш" it meets the print article's lone keyword
# "аркуш", and "не печатаются полётные листы — принтер оффлайн" went to the paper jam.
RUSSIAN_SENSES: dict[str, str] = {"час": "година"}
# Rooms of an office: where a thing is ("HP в кабинете 305", "принтер у коридорі"), not
# many people as a place is ("весь кабинет" is one room's).
OFFICE_ROOMS: frozenset[str] = _words(
    """
    кабинет кабинеты коридор переговорка переговорная
    кабінет кабінети коридор переговорка переговорна
    """
)
# Spots a thing stands on or in, not where anyone works: "в углу стоит принтер", "на столе",
# "на сейфе", "на батарее". A locative no article explains is the writer's place (asides.py)
# only when it is none of these.
SPOT_WORDS: frozenset[str] = _words(
    """
    угол стол стена полка пол потолок окно подоконник шкаф тумба тумбочка стеллаж сейф
    батарея карниз дверь
    кут стіл стіна полиця підлога стеля вікно підвіконня шафа тумба тумбочка стелаж сейф
    батарея карниз двері
    """
)
# Places a writer signs a message with besides PLACE_WORDS and OFFICE_ROOMS ("…, pelmeni
# kitchen", "…, Ferris wheel booth", "юртовий табір: …"): a clause that only names one says
# where, not what is wrong (Ranker._place_tags).
TAG_PLACE_WORDS: frozenset[str] = _words(
    "kitchen counter yard booth stall kiosk desk контора контори лагерь табір"
)
# A machine on a cable, and the Wi-Fi the user then says it is not on ("it's on a cable, not
# wifi", "Wi-Fi isn't even on"): clauses.denied_wireless.
WIRED_WORDS: frozenset[str] = _words("cable cabled wired wire ethernet lan")
# The same in Russian and Ukrainian, as lemmas: "по кабелю", "на проводе", "дріт підключений".
WIRED_LEMMAS: frozenset[str] = _words("кабель провод проводной дріт провід дротовий кабельний")
WIFI_WORDS: frozenset[str] = _words("wifi wireless")
# A VPN named (lemmas: the VPN article's words and clients), and the connection it is used
# over ("с домашнего интернета", "з домашнього вайфаю", "інтернет через телефон"): that
# internet or Wi-Fi is where the VPN connects from, no word of the internet's or the Wi-Fi's
# own problem (tunnels.py).
VPN_WORDS: frozenset[str] = _words(
    "vpn впн forticlient anyconnect globalprotect openvpn wireguard fortinet zscaler"
)
VPN_ROUTE_WORDS: frozenset[str] = _words(
    "интернет інтернет internet wifi вайфай сеть мережа network"
)
# What says a connection is the one a VPN is used over, in the two words before it (words,
# and the lemmas of home): "с домашнего интернета", "через домашній вайфай", "вдома інтернет
# нормальний", "over my home wifi"; or right after it: "інтернет через телефон". "нет
# интернета", "no internet at all" are the internet's own problem.
VPN_ROUTE_LEADS: frozenset[str] = _words(
    """
    с со через по из дома
    з із зі через по вдома удома
    over via from through at home
    домашний домашній
    """
)
VPN_ROUTE_TAILS: frozenset[str] = _words("через via")
# A cable said plugged in ("хотя кабель подключен", "хоча кабель воткнутий в обидва кінці",
# "the cable is plugged in") beside a device named (a scanner, a printer, a monitor) is
# the device's connection checked: ruled out as what works is, no evidence for the wired
# network (clauses.ruled_out). Said of the computer alone it is the network's own words.
# Compared by lemma and by word: the wired network's nouns and a device's own leads.
CABLE_WORDS: frozenset[str] = (WIRED_LEMMAS - _words("проводной дротовий кабельний")) | _words(
    "проводок шнур штекер cable cables cord wire"
)
CONNECTED_WORDS: frozenset[str] = _words(
    """
    подключен подключена подключено подключены воткнут воткнута воткнуто воткнутый вставлен
    вставлена вставлено вставленный
    підключений підключена підключено підключені воткнутий встромлений встромлено
    підєднаний підєднано вставлений
    connected plugged
    """
)
CABLED_DEVICES: frozenset[str] = DEVICE_WORDS - WIFI_WORDS - _words(
    "звук звука звуку звуком sound audio"
)
# Not being there, said right after the Wi-Fi at a clause's end: "вайфая там нет", "вайфаю
# немає" deny the Wi-Fi beside a cabled machine ("не" before a verb says it fails instead).
ABSENT_WORDS: frozenset[str] = _words("нет немає нема")
# "без", said right after what is without something: "весь водоканал без інтернету".
WITHOUT_WORDS: frozenset[str] = _words("без")
# "вся мережа аптек", "вся сеть магазинов", "the whole chain of stores": a chain of places.
CHAIN_WORDS: frozenset[str] = _words("сеть сети мережа мережі chain")
# Ukrainian "зміни" in the plural after "всі" are changes made ("всі зміни в документі
# зникли"), not every shift: a shift is a crowd said in the singular ("вся зміна стоїть").
CHANGES_WORDS: frozenset[str] = _words("зміни змін змінами")
PLACE_WORDS: frozenset[str] = _words(
    """
    офис отдел филиал склад магазин магазины этаж здание клиника больница поликлиника школа
    компания команда бухгалтерия касса кассы смена цех аптека аптеки отделение приемная
    регистратура ресепшн колцентр филиалы отделы сотрудники пользователи
    офіс відділ філія склад магазин магазини поверх будівля клініка лікарня школа компанія
    команда бухгалтерія каса каси зміна цех аптека аптеки відділення приймальня
    реєстратура філії відділи співробітники користувачі
    office offices department departments branch branches shop shops store stores site
    sites clinic clinics hospital hotel school warehouse floor building company team staff
    users tills registers checkouts pharmacy pharmacies reception ward call centre center
    библиотека гостиница отель ресторан кафе музей театр кинотеатр университет институт
    колледж кафедра лаборатория редакция студия банк отделения лаборатории
    бібліотека готель ресторан кафе музей театр кінотеатр університет інститут коледж
    кафедра лабораторія редакція студія банк лабораторії
    library libraries restaurant restaurants cafe museum theatre theater cinema university
    college campus lab labs laboratory newsroom studio bank
    шиномонтаж автосервис автомойка мастерская ателье салон типография пекарня парикмахерская
    приемка
    шиномонтаж автосервіс автомийка майстерня ательє салон друкарня пекарня перукарня
    приймання
    garage workshop salon bakery
    park parks arena arenas depot depots farm farms
    фабрика фабрики завод заводы ферма фермы
    фабрика фабрики завод заводи ферма ферми
    factory factories
    """
)

# Prepositions: in an article's title or keyword phrase, the words after one are what the
# article mentions, not what it is about ("сканирование в почту", "VPN from home").
PREPOSITIONS: frozenset[str] = _words(
    """
    в во на к ко с со у о об от до из за для при про без над под через по
    з із зі від під
    to for in on of with from at by via
    """
)

# Words that occur in many problems. They count towards a match but never prove, on their
# own, that a message is about an IT problem: "ошибка ZX-417 в модуле склада" or "the coffee
# machine is broken" must not be answered. Written as users write them; stemmed on use.
# Silence is any nothing-happens ("тисну друк і тиша", "тиша у вхідних"), the sound article's
# only beside what plays it ("в наушниках тишина").
GENERIC_WORDS: frozenset[str] = _words(
    """
    не нет ни ничего никак немає нема ні нічого no not nothing none cant cannot dont doesnt
    работает работать работа работы працює працювати робота work works working worked
    ошибка ошибку ошибки помилка помилку помилки error errors
    проблема проблемы проблему проблеми problem problems issue issues
    broken broke сломался сломалась зламався зламалась поломка
    пишет пише показывает показує shows says message сообщение повідомлення
    хочу хочет нужно нужен нужна надо треба потрібно потрібен need needs want wants
    весь вся все всё всех всі весь всього all whole every
    новый новая нова новий new
    минута минуты минут секунда секунды секунд час часа часов полчаса неделя недели недель
    хвилина хвилини хвилин година години годин півгодини пів тиждень тижні тижнів half
    minute minutes second seconds hour hours day days week weeks few несколько кілька
    тишина тишину тиша тишу тиші
    """
)

# Breaking down, said of any machine: that something fails, not what ("зламалась мишка",
# "клава сдохла", "the juicer jammed", "the mixer died"). Such a word is neither side's
# evidence in the domain model and never a thing the failure is said of (things.py); the
# thing it is said of decides. Written as users write them; lemmatised on use.
BREAKDOWN_WORDS: frozenset[str] = _words(
    """
    сломался сломалась сломалось сломались сломан сломана сломано сломанный сломанная
    поломался поломалась поломалось поломка поломан сдох сдохла сдохло сдохли накрылся
    накрылась накрылось накрылись гикнулся гикнулась заглох заглохла заглохло заклинило
    заклинил заклинила заело перегорел перегорела перегорело сгорел сгорела сгорело
    неисправен неисправна неисправный неисправность неполадка
    барахлит барахлить барахлил
    зламався зламалась зламалася зламалося зламались зламалися зламаний зламана зламане
    поламався поламалась поламалося поламка здох здохла здохло здохли накрився накрилась
    накрилося гикнувся гикнулась заглух заглухла заклинило заклинив заклинила заїло
    перегорів перегоріла перегоріло згорів згоріла згоріло несправний
    несправна несправність барахлить
    падає падають падав падала падало падали впав впала впало впали
    break breaks broke broken breaking died dies dead dying bust busted fried conked
    stalled stalls jammed jams faulty malfunction malfunctioning malfunctions
    """
)

# The shared things (SHARED_THINGS, below) an office has far more often than any other trade:
# said with a word of a place or a use ("label printer", "warehouse scanner", "headset mic")
# they stay IT's; only a kind of another trade's machine (everyday.py's "kinds": "3D-принтер",
# "nail printer", "караоке-мікрофон") makes them another trade's (things.py).
SHARED_DEVICES: frozenset[str] = _words(
    """
    принтер сканер микрофон мікрофон printer scanner microphone
    """
)
# Things an article is about that everyday life has too, under another kind: a gas water
# heater's or a fuel pump's колонка, a freezer's or a tyre's камера, a piano's keyboard, a
# patient's or a baby's monitor, a brake disc, a barn's fan, a charging station, a wheelie
# bin. Said alone ("мышка не работает", "the monitor is black") they are IT's; with a word
# of their kind no article uses ("газовая колонка", "клавиатура органа", "church organ keyboard")
# they may be another trade's (things.py). Not names of IT services or data ("портал",
# "сеть", "account", "licence"): their qualifiers say whose, not which kind.
SHARED_THINGS: frozenset[str] = _words(
    """
    мышь мышка клавиатура монитор экран дисплей табло камера колонка диск вентилятор
    установка станция батарея аккумулятор пульт панель терминал картридж
    миша мишка клавіатура монітор екран дисплей табло камера колонка диск вентилятор
    установка станція батарея акумулятор пульт панель термінал картридж
    mouse keyboard monitor screen display camera speaker disk fan station battery
    bin terminal cartridge panel console tablet router driver
    """
) | SHARED_DEVICES

# Shared things everyday life has as a part of something else, each with what befalls that
# part and not IT's thing. A screen as a sheet (a fireplace's, a cinema's, a fencing mask's)
# is torn, bent or burnt through, where a display cracks, goes dark or will not turn on ("в
# переговорке треснул экран" stays IT's; "screen burn" is a display's wear, so no English
# "burn"). A disc as a tool's (a grinder's, a sander's, a saw's) cracks, wears down or goes
# blunt, where a disk fills up or is not seen. Said bare in a place no word of which leans
# IT's, such a part is that place's: "у кінотеатрі порвався екран", "диск на точилі тріснув"
# (domain.py: `Domain.stranger`).
_SHEET_DAMAGE: frozenset[str] = _words(
    """
    порваться порвать разорваться разорвать прорваться погнуться прогнуться согнуться
    помяться прогореть прожечь
    порватися порвати розірватися розірвати прорватися погнутися прогнутися зігнутися
    пом'ятися прогоріти пропалити
    tear tears tore torn rip ripped bend bent dent dented
    """
)
_DISC_WEAR: frozenset[str] = _words(
    """
    треснуть расколоться стереться сточиться износиться затупиться выщербиться
    тріснути розколотися стертися сточитися зноситися затупитися
    crack cracked worn chipped blunt
    """
)
WORN_PARTS: dict[str, frozenset[str]] = {
    **dict.fromkeys(_words("экран екран screen"), _SHEET_DAMAGE),
    **dict.fromkeys(_words("диск disc disk"), _DISC_WEAR),
}
# Shared things a room or another machine has on their own as often as a computer has them:
# a fan stands on a desk, turns in a ceiling or an extractor, cools a kiln or a wind tunnel.
# A computer's fan is told with the computer or with its slowness ("ноут гальмує, вентилятор
# гуде"); one said only in a place or beside other things, none of them IT's, is that
# place's or that thing's ("вентилятор в пельменной гудит над плитой") (domain.py).
STANDALONE_THINGS: frozenset[str] = _words(
    """
    вентилятор fan
    """
)
# What only a 3D printer has, as the words are written: one nozzle (an inkjet's print head has
# hundreds: "сопла забиты", "clogged nozzles" stay an office printer's) and filament. A
# printer said with one is a 3D printer ("принтер знову надрукував корпус кривим, сопло
# забилося", "the printer has a clogged nozzle, the socket is half printed"), of the kind
# "3D-принтер" is (things.py: `_kind`).
THREE_D_PRINTING: frozenset[str] = _words(
    """
    сопло соплом соплу соплі nozzle филамент филамента филаментом філамент філаменту
    філаментом filament
    """
)

# Secrets that open something: an account's ("пароль от почты", "the VPN password") or a
# door's, a gate's, a safe's ("пароль от двери", "код від хвіртки", "the gate code"). What
# the word belongs to, said after it with a preposition of belonging (SENSE_BELONGING) or
# before it in English, sets its sense; the domain model weighs that word (things.py).
SENSE_WORDS: frozenset[str] = _words(
    """
    пароль код пин пін password passcode passcodes passwords code codes pin
    """
)
# The prepositions that say what such a secret belongs to: "от/к/для/на двери", "від/до/для
# хвіртки", "for/to/on/of the gate" (not "в", "у", "in", "at": where the person is).
SENSE_BELONGING: frozenset[str] = _words(
    """
    от к ко для на від до for to on of
    """
)
# A way in that a secret is said to be for ("пароль на вход в клуб", "код для доступу до
# складу"): what it opens is what the way leads into, after one of SENSE_ENTERED.
SENSE_ENTRIES: frozenset[str] = _words(
    """
    вход входа доступ доступа вхід входу доступу
    """
)
# The ways in among them that one walks through ("вход", "вхід"), not a right ("доступ"):
# a secret for one opens the door of what it leads into (things.py: `Subject.entered`).
SENSE_DOORS: frozenset[str] = _words(
    """
    вход входа вхід входу
    """
)
SENSE_ENTERED: frozenset[str] = _words(
    """
    в во у до на
    """
)
# The places one walks into that are no IT's (a bar, a club, a gym, a motel, a block of
# flats): a secret for the way into one opens its door ("пароль на вход в закрытый клуб").
# Only these: a way into an unknown word is as often a login's ("пароль для входа в личный
# кабинет", "в домен", "в госуслуги", "в облако", "у кабінет постачальника").
SENSE_VENUES: frozenset[str] = _words(
    """
    бар бара клуб клуба ресторан ресторана кафе спортзал спортзала фитнес тренажерный
    тренажёрный сауна сауну бассейн бассейна баня баню мотель мотеля отель отеля гостиница
    гостиницу хостел хостела казино кинотеатр кинотеатра театр театра музей музея подъезд
    подъезда квартира квартиру гараж гаража раздевалка раздевалку душевая душевую
    бар бару клубу ресторану кафе спортзал спортзалу фітнес сауна сауну басейн басейну лазня
    лазню лазні
    мотель мотелю готель готелю хостел хостелу казино кінотеатр кінотеатру театр театру
    музей музею під'їзд під'їзду квартира квартиру гараж гаражу роздягальня роздягальню
    кальянная кальянной кальянную кальянна кальянної кальянну бильярдная бильярдной
    бильярдную більярдна більярдної більярдну рюмочная рюмочной рюмочную паб паба пабу
    pub pubs bar bars club clubs gym restaurant hotel motel lounge
    """
)
# Locks and what holds a secret's lock: a password or a code of one ("the password for the
# lock on the gravel bay", "the copper store keypad", "the safe password", "код от замка",
# "пароль от сейфа") is that thing's, whatever words of it an article mentions ("lock" is
# an account's too: only as what a secret is for is it the door's). Read only as what a
# secret opens (things.locks), never as the domain model's everyday words (everyday.py).
SENSE_LOCKS: frozenset[str] = _words(
    """
    замок замка замку замке замки кодовый сейф сейфа сейфе сейфу кодовая кодовой
    замка замку замці замки сейфі кодова кодової
    lock locks padlock padlocks keypad keypads safe safes
    """
)
# Product and device names: they show a message is about IT but not which problem it is,
# so they neither dilute a match (like an unknown word would) nor prove one on their own.
# "can you install Visual Studio Code" is about installing, whatever the product.
# Applications by name. Named in a message they say a program is the subject (Outlook that
# hangs is the program's problem, not a slow computer), and after a word of wanting ("нужен
# AutoCAD", "need Slack") a program to install.
APPLICATION_WORDS: frozenset[str] = _words(
    """
    excel word powerpoint outlook teams zoom skype slack telegram viber whatsapp chrome
    firefox edge safari opera 1c sap crm erp jira confluence sharepoint onedrive
    photoshop illustrator indesign premiere acrobat reader autocad revit sketchup archicad
    vscode python java git docker putty winrar 7zip notepad medoc
    """
)
# A verb said done and said ongoing, the two the dictionaries read as two lemmas whose
# shared beginning is too short or differs: "не відкрився" / "не відкривається", "не
# запустился" / "не запускается", "вимкнувся" / "вимикається". Perfective, imperfective;
# their reflexive forms pair alike.
ASPECT_PAIRS: tuple[tuple[str, str], ...] = tuple(
    (done, ongoing)
    for done, _, ongoing in (
        pair.partition("/")
        for pair in _words(
        """
        відкрити/відкривати закрити/закривати запустити/запускати увімкнути/вмикати
        ввімкнути/вмикати вимкнути/вимикати зберегти/зберігати встановити/встановлювати
        оновити/оновлювати відправити/відправляти надіслати/надсилати
        зникнути/зникати вилетіти/вилітати скинути/скидати відповісти/відповідати
        увійти/входити зайти/заходити вийти/виходити відновити/відновлювати
        зявитися/зявлятися забути/забувати прийти/приходити
        открыть/открывать закрыть/закрывать запустить/запускать включить/включать
        выключить/выключать сохранить/сохранять установить/устанавливать
        обновить/обновлять отправить/отправлять исчезнуть/исчезать
        вылететь/вылетать сбросить/сбрасывать ответить/отвечать войти/входить
        зайти/заходить выйти/выходить восстановить/восстанавливать появиться/появляться
        забыть/забывать
        """
        )
    )
)
# Applications whose Cyrillic name is an everyday word too, by the word's lemma: "Опера
# вилітає" is the browser, "ходили в оперу" the theatre. The ranker reads one as the
# application only when the rest of the message is IT's.
SHARED_APPLICATION_NAMES: dict[str, str] = {"опера": "opera"}
# Product and device names: they show a message is about IT but not which problem it is,
# so they neither dilute a match (like an unknown word would) nor prove one on their own.
# "can you install Visual Studio Code" is about installing, whatever the product.
PRODUCT_WORDS: frozenset[str] = APPLICATION_WORDS | _words(
    """
    windows macos mac linux ubuntu office microsoft ms m365 o365 browser adobe pdf zip visual
    studio code
    dell hp lenovo asus acer apple logitech canon xerox kyocera brother ricoh epson
    taskmanager devicemanager
    """
)
# Makers of printers and copiers, and printer series: named alone ("the Kyocera says offline",
# "Кэнон в коридоре серый") they name a printer, a weaker mention than the word itself.
# (The series alone: a model line only a printer has, "HP LaserJet M404"; the checklist
# names the device by them too.)
PRINTER_SERIES_WORDS: frozenset[str] = _words(
    """
    laserjet officejet deskjet designjet pixma ecotank ecosys taskalfa bizhub workcentre
    versalink imagerunner isensys
    """
)
PRINTER_MAKER_WORDS: frozenset[str] = PRINTER_SERIES_WORDS | _words(
    "kyocera xerox ricoh canon epson brother pantum konica minolta lexmark"
)
# Makers of printers and of computers too: named alone ("the HP in the draw room is showing
# offline", "Bindery office HP", "HP пише «Помилка - друк»") they name the printer, as a
# printer's maker does; beside a device ("HP laptop", "ноутбук HP ProBook", "HP monitor",
# "принтер HP M404") they are its maker, a product name. The words that name such a
# device: a machine, a computer's series, or any device of DEVICE_WORDS.
COMPUTER_AND_PRINTER_MAKERS: frozenset[str] = _words("hp")
MAKERS_OTHER_DEVICES: frozenset[str] = _words(
    """
    computer laptop desktop notebook machine workstation chromebook tablet server
    probook elitebook elitedesk prodesk pavilion envy spectre zbook omen victus proliant
    ноутбук ноут нетбук комп компьютер компютер пк планшет моноблок
    системник сервер
    """
)
# Scanner series: a model line only a scanner has ("Canon LiDE isn't detected", "the
# ScanSnap freezes halfway"): "scanner" is read after it, as a word after an error code, and
# the maker beside it (Canon, Epson) names no printer then.
SCANNER_SERIES_WORDS: frozenset[str] = _words("lide canoscan scansnap imageformula")
SCANNER_WORD = "scanner"
# The words that make a share the place something else is gone from, not the thing gone
# ("folder vanished from the shared drive", "зі спільної папки зникла папка").
SHARE_PLACE_WORDS: frozenset[str] = _words(
    "from on in off of at within inside з із зі зо с со на в у во из изо"
)
# The words that may stand between a word of vanishing and the share that vanished: they
# point at it ("пропала наша общая папка", "зникла вся спільна тека", "vanished: our shared
# folder"); any other is what vanished from the share ("пропали файлы общей папки").
SHARE_LEAD_WORDS: frozenset[str] = _words(
    "the our my whole entire наш наша наше мой моя моё мое вся весь вдруг опять снова уже "
    "мій моє уся увесь раптом знову вже"
)
# The computer's bin emptied with a document in it ("emptied the bin and the rentals list
# was in it", "почистила кошик, а там був договір"), or a document binned ("binned the
# booking sheet by mistake"): a deleted file. All three words are needed: a kitchen bin
# emptied, "I binned the old chairs" stay no one's.
BIN_WORDS: frozenset[str] = _words("bin trash кошик кошика смітник корзину корзина корзины")
EMPTIED_WORDS: frozenset[str] = _words(
    """
    emptied cleared cleaned
    почистила почистив почистили очистила очистив очистили спорожнила спорожнив вичистила
    вичистив почистил очистил
    """
)
BINNED_WORDS: frozenset[str] = _words("binned trashed")
DOCUMENT_WORDS: frozenset[str] = _words(
    """
    file files document documents doc docs list sheet spreadsheet contract contracts rota
    invoice invoices report template photos
    файл файли файлы документ документи документы договір договору договор договора список
    таблиця таблицю таблица таблицу звіт отчет шаблон
    """
)
# A bin or a basket of the world, not the computer's: a shop's basket ("очистила корзину на
# сайте, а там был список покупок"), a room's or a yard's, one the cleaners empty, a paper
# in it, or a list said to be elsewhere ("who emptied the bin? the rota list is on the
# fridge"). With one of these the document is no deleted file.
BIN_ELSEWHERE = re.compile(
    r"\b(?:shop\w*|store|online|website|site|kitchen|fridge|yard|garden|paper|printed|"
    r"cleaners?|сайт\w*|магазин\w*|покуп\w*|товар\w*|заказ\w*|замовлен\w*|кухн\w*|двор\w*|"
    r"уборщиц\w*|прибиральниц\w*|бумаж\w*|бумаг\w*|паперов\w*|папер[іи]|под столом|під столом)\b"
)
BIN_READ = {"bin": "recycle bin", "trash": "recycle bin"}  # English says which bin it is
FILE_WORD = {"en": "file", "ru": "файл", "uk": "файл"}
# A document the user deleted, overwrote or saved over, named by what it is ("видалила таблицю
# замовлень", "перезаписала таблицю продажів", "зберегла поверх договору", "записала новий
# прайс поверх старого"): the file lost. The documents by their stems (a table, a contract,
# a price list, a report, an estimate, a template, a file), in any case.
LOST_DOCUMENT_STEMS = (
    "таблиц", "прайс", "договор", "договір", "звіт", "отчет", "кошторис", "шаблон", "файл",
)
# The verbs of losing one by one's own hand, Russian and Ukrainian, in the past.
LOSING_WORDS: frozenset[str] = _words(
    """
    удалил удалила удалили стер стерла стерли перезаписал перезаписала перезаписали затер
    затерла затерли снес снесла снесли
    видалив видалила видалили перезаписав зніс знесла знесли затерли
    """
)
# Saving or writing over it: "поверх" (over, also the Ukrainian storey) only after these.
SAVING_OVER_WORDS: frozenset[str] = _words(
    """
    сохранил сохранила сохранили записал записала записали
    зберіг зберегла зберегли записав
    """
)
OVER_WORDS: frozenset[str] = _words("поверх")
# A flatbed scanner described by what one does with it, by someone who does not know its
# name: a sheet put under the lid ("плоская штука, где листок под крышку кладёшь", "та
# кришка зверху, куди листок кладуть", "the lid you put the page under"). All three words
# make it the scanner; a lid opened to find a jammed sheet is put nowhere.
LID_WORDS: frozenset[str] = _words(
    "крышка крышку крышки крышкой крышке кришка кришку кришки кришкою кришці lid lids"
)
SHEET_WORDS: frozenset[str] = _words(
    """
    лист листа листы листок листка листочек листик бумагу бумажку бумага документ
    аркуш аркуша листочок папір папірець документ
    sheet sheets page pages paper document
    """
)
PUT_WORDS: frozenset[str] = _words(
    """
    кладу кладешь кладет кладем кладете кладут класть положить положишь кладешь
    кладу кладеш кладе кладемо кладете кладуть класти покласти покладеш
    put puts putting place lay lays laying
    """
)
# The scanner described in English by its part or its glass, by someone who does not know
# its name: "the scanning bit on the big machine", "the scanning part of the copier", "the flat
# glass thing on top of the copier". A scan word right before a part's word is the scanner;
# a flat thing or glass on a copier (a machine that scans) is its glass. Not a panel: "the
# flat panel on the copier shows an error" is its display.
SCAN_WORDS: frozenset[str] = _words("scan scanning")
SCAN_PART_WORDS: frozenset[str] = _words("bit part side thing unit section end")
FLAT_WORDS: frozenset[str] = _words("flat")
GLASS_WORDS: frozenset[str] = _words("glass")
GLASS_PART_WORDS: frozenset[str] = _words("thing bit part plate")
COPIER_WORDS: frozenset[str] = _words("copier photocopier mfp")
PRODUCT_WORDS = PRODUCT_WORDS | PRINTER_MAKER_WORDS | SCANNER_SERIES_WORDS
# Asking for a program to be installed, in the imperative ("поставьте программу-просмотрщик",
# "поставте програму", "установите драйвер", "встановіть"): who does it and the rights the
# user lacks are the installing's (`installs.install_rights`).
INSTALL_IMPERATIVES: frozenset[str] = _words(
    """
    поставьте поставь установите установи поставте постав встановіть встанови установіть
    """
)
# Words of wanting: an application named right after one is asked for ("нужен AutoCAD").
WANT_WORDS: frozenset[str] = _words(
    """
    нужен нужна нужно нужны надо хочу хотел хотела можно дайте
    потрібен потрібна потрібно потрібні треба хочу хотів хотіла можна
    need needs needed want wanted wish request requesting order
    """
) | INSTALL_IMPERATIVES | _words(
    # A program asked to be put on ("встановіть 7-Zip", "прошу установить Figma", "треба
    # встановити Krita", "замовити встановлення CorelDRAW"): the verb or noun of installing
    # in the forms a request takes, Ukrainian, Russian and surzhyk alike (the imperatives
    # above).
    """
    установить установку установка поставить инсталлируйте
    встановити встановлення установити інсталюйте
    поставити
    поставите встановите
    """
)
# English verbs a program is asked for with, when a request comes just before them or they
# open the message: "could you put Visio on my laptop", "is it possible to get Figma",
# "please install Zoom", "install Slack pls" (not "can't get Outlook to open": a denial).
ASKING_VERBS: frozenset[str] = _words("install reinstall put get add download")
# A program asked for in plain English words (installs.py): the verbs of putting it on ("could
# someone put OBS Studio on my work machine", "pop Notepad++ on my pc"), the words of wishing
# and the having wished ("wish this laptop had XnView", "love to have Audacity"), a request's
# own word ("request: Inkscape", "requesting QCAD"); the computers a program goes on and the
# words between "on" and one that say whose it is ("on my work machine").
PUTTING_ON_WORDS: frozenset[str] = _words("put pop stick whack chuck bung slap")
WISHING_WORDS: frozenset[str] = _words("wish")
WISHED_HAVING: frozenset[str] = _words("had have")
# The same wish in Russian and Ukrainian: a dream of a program ("мріяла б про Canva", "мечтаю
# о нормальном Krita"), or the having said in the conditional ("було б класно мати GIMP",
# "было бы здорово иметь Figma"), whose particle may stand between ("мріяла б про"). The
# verbs of dreaming as lemmas: any form of them dreams ("мечтали", "мріяли", "мечтаешь").
DREAMING_VERBS: frozenset[str] = _words("мечтать мріяти")
HAVING_WORDS: frozenset[str] = _words("иметь мати")
CONDITIONAL_PARTICLES: frozenset[str] = _words("бы б")
REQUESTING_WORDS: frozenset[str] = _words("request requesting")
# ("pc" is no entry: WORDS reads it as "computer" first, "on my pc")
INSTALLED_ON_WORDS: frozenset[str] = MACHINE_WORDS | _words("tablet ipad")
MACHINE_OWNERS: frozenset[str] = _words("work own personal office new old")
REQUEST_WORDS: frozenset[str] = _words("can could may please pls plz possible would")
# A request for access (grants.py): "need read access to the Flights folder", "can u give me
# jira access", "pls add me to the rota calendar", "who do I ask to get into the stock
# system", "нужен доступ к папке отдела", "додайте мене до календаря команди".
ACCESS_NOUNS: frozenset[str] = _words(
    "access permission permissions rights доступ доступа доступу доступом права прав"
)
# Rights, said beside an administrator: the ones an installing needs ("просит админа, дайте
# права").
ACCESS_RIGHTS_WORDS: frozenset[str] = _words("права прав")
# The kind of access asked for, said right before it: "read access to", "edit rights on".
ACCESS_KINDS: frozenset[str] = _words("read write edit editing full")
# Asking for it: what is asked for is said after these ("need jira access": jira).
ASKED_FOR_WORDS: frozenset[str] = _words(
    """
    need needs needed want wanted request requesting get give grant please pls plz can
    could нужен нужна нужны нужно надо дайте дать выдайте предоставьте откройте прошу хочу
    получить потрібен потрібна потрібні потрібно треба надайте дати видайте відкрийте
    прошу хочу отримати можно можна
    """
)
# Asking outright, said in a clause with "no access" ("no access yet, please give me
# some"): the clause asks for access rather than says it fails.
ASKING_ACCESS_WORDS: frozenset[str] = ASKED_FOR_WORDS - _words("get can could")
# Access not had yet is still to be granted: "no access to Jira yet", "never had access".
NOT_YET_WORDS: frozenset[str] = _words("yet never")
ADD_WORDS: frozenset[str] = _words(
    "add added adding добавьте добавить добавь додайте додати додай включите включить"
)
# A room or a place one is added to ("add me to the meeting room booking") is no system.
ADDED_PLACE_WORDS: frozenset[str] = _words("room rooms park parking gym locker")
# Wiping a file or a folder deletes it ("someone wiped the Orders folder"); a phone or a
# machine wiped is reset (STORED_WORDS: what files are). The bare verb is an order or a
# wish, no loss that happened ("can you erase the files on my old USB stick", "wipe the
# Downloads folder, it is full"): it is left out.
WIPE_WORDS: frozenset[str] = _words("wiped wipes wiping erased erases erasing")
STORED_WORDS: frozenset[str] = _words(
    "file files folder folders document documents spreadsheet spreadsheets subfolder"
)
ENTRY_WORDS: frozenset[str] = _words("into")
ENTRY_VERBS: frozenset[str] = _words("get let")
GRANT_PREPOSITIONS: frozenset[str] = _words("to into in on в во к до на у")
# What it is for ends what is asked for: "access to the S drive for the new pilot".
PURPOSE_END_WORDS: frozenset[str] = _words(
    "for because so since as that which для чтобы чтоб потому бо щоб тому"
)
# Who allowed a request, said beside it: "approved by Olena", "HR signed it off", "согласовано
# с шефом", "бригадир разрешил", "керівник погодив". A request's paperwork (approvals.py), and
# a clause of its own that is not what is asked for (clauses.py).
APPROVAL_WORDS: frozenset[str] = _words(
    """
    approved approves okayed signed agreed
    согласовал согласовала согласовали согласовано согласован согласована согласен согласна
    разрешил разрешила разрешили разрешено одобрил одобрила одобрили одобрено
    погодив погодила погодили погоджено погоджений погоджена згоден згодна
    дозволив дозволила дозволили дозволено
    """
)
# The user's job is new: "ya teper kadrovik", "я тепер відповідаю за весілля", "just started
# in the kitchen", "перевели на ферму зоотехником".
NEW_ROLE_WORDS: frozenset[str] = _words("started перевели перевел перевела")
# "я теперь кадровик", "я тепер відповідаю за …": "now" after "I" (not "тепер пише …").
NOW_WORDS: frozenset[str] = _words("теперь тепер now")
SELF_WORDS: frozenset[str] = _words("я i")
# "бос не проти", "начальник не против": not against it is a yes.
NOT_AGAINST_WORDS: frozenset[str] = _words("против проти against")
# Someone said yes, or said to write to IT: "Helen said yes", "начальник сказал написать вам".
SAID_WORDS: frozenset[str] = _words("said says сказал сказала сказав сказали")
YES_WORDS: frozenset[str] = _words("yes ok okay fine да так")
WRITE_TO_US_WORDS: frozenset[str] = _words("написать писать написати писати вам")
# Admin rights are asked to install something (software_install), not to be let in.
ADMIN_WORDS: frozenset[str] = _words(
    """
    admin administrator administrators админ админа админские администратора
    администратор адмін адміна адміністратора адміністратор
    """
)
# "Сам": who does something ("мне самой не даёт", "поставьте сами", "самій не дає"); said of
# a program it is "by itself" ("закрывается сам").
SELF_DOING_WORDS: frozenset[str] = _words(
    "сам сама сами самой самому самим самій самі"
)
# Letting: "Windows не даёт", "самій не дає" (lemmas).
LETTING_LEMMAS: frozenset[str] = _words("давать дать давати дати пускать пускати")
# Said of access that fails or was lost, not asked for: "access denied", "lost access",
# "can't get into it anymore", "it worked Friday", "доступ пропал", "доступ заборонено".
GRANT_FAILURE_WORDS: frozenset[str] = _words(
    """
    denied deny refused lost lose anymore longer error errors disappeared missing gone removed
    revoked worked expired locked problem problems issue issues suddenly disabled blocked
    suspended keeps
    отказано запрещен запрещено пропал пропала пропало пропали ошибка ошибку ошибки больше
    перестал відмовлено заборонено зник зникла зникло зникли помилка помилку більше
    заблокирован заблокирована заблокировали отключен отключена заблоковано заблокований
    заблокували вимкнено
    """
)
# Devices by the names people give them: a loanword spelt with і ("прінтер"), a
# diminutive or slang ("компік", "ноутік", "принтак"), in the forms they take.
WORDS.update(
    {
        f"{stem}{ending}": word
        for stem, word in (
            ("прінтер", "принтер"), ("принтак", "принтер"), ("компік", "компютер"),
            ("ноутік", "ноутбук"), ("ноутик", "ноутбук"),
        )
        for ending in ("", "а", "у", "і", "ом", "и", "ів", "ах", "ові", "е", "ы", "ов")
    }
)
# Printer makers spelled in Cyrillic: "киосера", "на кіосері", "эпсон".
WORDS.update(
    {
        f"{stem}{ending}": name
        for stem, name in (
            ("киосер", "kyocera"), ("кіосер", "kyocera"), ("киоцер", "kyocera"),
            ("кіоцер", "kyocera"), ("куосер", "kyocera"), ("эпсон", "epson"),
            ("епсон", "epson"), ("рикох", "ricoh"), ("ріко", "ricoh"), ("рико", "ricoh"),
            ("пантум", "pantum"), ("коника", "konica"), ("коніка", "konica"),
            ("лексмарк", "lexmark"), ("брозер", "brother"), ("бразер", "brother"),
        )
        for ending in ("", "а", "е", "у", "і", "и", "ом", "ой", "ою", "ові", "ем")
    }
)
# Applications spelled in Cyrillic, in the forms people type: "автокад", "у фотошопі".
WORDS.update(
    {
        f"{stem}{ending}": name
        for stem, name in (
            ("автокад", "autocad"), ("фотошоп", "photoshop"), ("акробат", "acrobat"),
            ("телеграм", "telegram"), ("телеграмм", "telegram"), ("скайп", "skype"),
            ("вайбер", "viber"), ("ватсап", "whatsapp"), ("хром", "chrome"),
            ("иллюстратор", "illustrator"), ("ілюстратор", "illustrator"), ("ревит", "revit"),
            ("ревіт", "revit"), ("архикад", "archicad"), ("архікад", "archicad"),
            ("скетчап", "sketchup"), ("индизайн", "indesign"), ("індизайн", "indesign"),
            ("шарепоинт", "sharepoint"), ("джира", "jira"), ("джиру", "jira"),
            ("медок", "medoc"), ("аутлук", "outlook"), ("тимс", "teams"), ("тімс", "teams"),
            ("эдж", "edge"), ("едж", "edge"), ("ексел", "excel"), ("эксел", "excel"),
            ("фортиклиент", "forticlient"), ("фортіклієнт", "forticlient"),
            ("фортиклієнт", "forticlient"), ("энниконнект", "anyconnect"),
            ("эниконнект", "anyconnect"), ("еніконект", "anyconnect"),
            ("фаєрфокс", "firefox"), ("файрфокс", "firefox"), ("фаерфокс", "firefox"),
            ("сафарі", "safari"), ("сафари", "safari"),
        )
        for ending in ("", "а", "е", "у", "і", "ом", "ові", "ем", "ом", "і")
    }
)


# What a workplace asks about that is not IT support, by the service that handles it: people
# and pay, the building, money, contracts, purchasing, travel; "" is nobody's (health, small
# talk, personal banking). A message made of these words is for someone else ("справка с
# места работы", "the coffee machine is broken", "ліфт не працює"), however IT-like the
# rest of it sounds. One signal for the decision, not a filter; a word an article uses as a
# keyword or in its title is never counted as outside (the articles decide what IT
# covers). Words IT shares with them (бумага, окно, батарея, ключ, почта, пропуск, пакет,
# bin, window, key, package) are deliberately not here.
OUTSIDE_SERVICES: dict[str, frozenset[str]] = {
    "hr": _words(
        """
        зарплата зарплату зарплаты зарплатный зарплатная зп аванс премия премию оклад
        отпуск отпуска отпускные больничный больничного декрет декретный увольнение уволиться
        заявление справка справку справки кадры кадров кадровик ндфл вычет пенсия
        пенсионный страховка дмс медкнижка медкнижку медосмотр собеседование вакансия резюме
        отгул отгулы табель переработка сверхурочные корпоратив тимбилдинг подарок подарки
        поздравить юбилей
        зарплатня зарплатний зарплатну премію відпустка відпустку відпускні лікарняний
        лікарняного звільнення звільнитися заява заяву довідка довідку довідки кадри
        кадрів пенсія страховку медогляд співбесіда вакансія відгул табель понаднормові
        подарунок привітати
        salary salaries payroll paycheck payslip wage wages bonus vacation holiday holidays pto
        sick maternity paternity resign resignation fired hr pension insurance benefits
        interview vacancy recruiter recruiting birthday gift overtime timesheet
        обучение курсы тренинг навчання курси тренінг courses training
        поздравление цветы торт празднование свято квіти торт celebration flowers cake
        санитарный санітарний санкнижка санкнижку
        """
    ),
    "facilities": _words(
        """
        кухня кухне кухни кофемашина кофемашину кофе чай кулер холодильник микроволновка
        микроволновку обед обеда обедать столовая столовой еда еду продукты туалет
        туалете уборка уборщица уборщицу мусор парковка парковку парковке автомобиль
        бензин шина шины штраф лифт лифте кондиционер кондиционера отопление жарко
        холодно духота сквозняк лампочка лампа свет света стул кресло шкаф сейф канцелярия
        канцтовары ручка ручки степлер курьер посылка посылку такси
        кухні кавоварка кава кавомашина холодильнику мікрохвильовка обід обіду їдальня їжа
        туалеті прибирання прибиральниця сміття парковку парковці автівка автомобіль пальне
        ліфт ліфті кондиціонер опалення жарко холодно лампочка лампа світла стілець крісло
        шафа канцтовари ручку степлер посилка посилку таксі
        kitchen coffee tea cooler fridge refrigerator microwave lunch dinner breakfast canteen
        cafeteria food snacks toilet restroom bathroom cleaning trash garbage
        parking car vehicle fuel lift elevator conditioning radiator bulb
        lamp chair stapler pens stationery courier parcel taxi landlord heating heater
        обогреватель обогреватели обігрівач обігрівачі
        крыса крысы таракан тараканы дезинсекция дератизация санэпидстанция щур таця тарган
        дезінсекція дератизація rat rats cockroach cockroaches pest pests exterminator
        погрузчик погрузчика навантажувач грузовик вантажівка forklift forklifts lorry
        здание здания будівля будівлі building весы ваги scales
        сантехник сантехника электрик кран крана протекает течет потоп раковина унитаз мойка
        посуда чайник шкафчик шкафчика гардероб уборщик плитка штора жалюзи
        сантехнік електрик тече протікає раковина унітаз посуд чайник шафка шафку гардероб
        прибиральник жалюзі plumber plumbing faucet sink dishwasher
        kettle locker lockers cloakroom blinds curtain janitor
        """
    ),
    "accounting": _words(
        """
        налог налоги налоговый податок податки tax taxes
        reimbursement reimburse expense expenses суточные добові
        рубль рублей гривна гривен гривня гривень доллар долларов долар доларів евро pound
        pounds dollar dollars euro euros
        """
    ),
    "legal": _words(
        """
        юрист юристы юридический договор договора контракт юридичний договір договору
        lawyer legal contract жалоба жалобу скарга скаргу complaint complaints complained
        """
    ),
    "procurement": _words(
        """
        закупки закупка тендер поставщик поставщика закупівля закупівлі постачальник
        procurement purchasing supplier
        """
    ),
    "travel": _words(
        """
        командировка командировку відрядження travel trip
        автобус трансфер билет билеты гостиница гостиницу отель виза паспорт самолет поезд
        квиток квитки готель візу паспорт літак потяг bus shuttle hotel visa
        passport flight flights
        """
    ),
    "": _words(
        """
        ипотека ипотеки кредит кредиты банк банка банку іпотека кредит mortgage loan bank
        грипп грип врач лікар аптека таблетки простуда простудился захворів
        заболел болит flu doctor pharmacy pills cold
        анекдот шутка шутку жарт погода погоди футбол joke jokes weather football
        """
    ),
}
OUTSIDE_WORDS: frozenset[str] = frozenset().union(*OUTSIDE_SERVICES.values())

# A new password refused by the rules (passwords.py): the password's words, the refusing
# ("new password keeps getting rejected", "not accepted", "fails with a policy error") and the
# rules' words that say why ("too short", "complexity", "policy", "requirements").
PASSWORD_WORDS: frozenset[str] = _words("password passwords pw pwd pass passcode")
REFUSAL_WORDS: frozenset[str] = _words(
    "rejected rejects reject rejecting refused refuses refuse declined"
)
FAILING_WORDS: frozenset[str] = _words("fails failed fail failing")
PASSWORD_RULE_WORDS: frozenset[str] = _words(
    "complexity complex policy policies requirements requirement short length characters"
)
# A thank-you: "дякую, принтер друкує", "cheers, the till's printing again", "спасібі, всьо
# друкує" (surzhyk), "ty" (chat). The one table of thanks: the matcher's (gratitude.py) and,
# as phrases, the dialogs' and the tone's (triage/tone.THANKS).
THANKS_WORDS: frozenset[str] = _words(
    """
    спасибо спасибі спасібо спасібі благодарю благодарим дякую дякуємо вдячна вдячний вдячні
    thanks thank thx cheers ta ty
    """
)
# Asking nicely: "пожалуйста", "будь ласка", "please" and their chat spellings. The one table
# of them: as words (triage/mood, triage/person_request, dialogs/answers) and as an alternation
# for a regex (`PLEASE`: dialogs/extract names and callback, dialogs/account_requests,
# triage/mood and impatience).
PLEASE_PHRASES: tuple[str, ...] = ("пожалуйста", "плиз", "будь ласка", "please", "pls", "plz")
PLEASE_WORDS: frozenset[str] = frozenset(" ".join(PLEASE_PHRASES).split())
PLEASE = "|".join(phrase.replace(" ", r"\s+") for phrase in PLEASE_PHRASES)
# Thanks said for what is still to be done: "спасибо заранее", "дякую наперед", "thanks in
# advance".
IN_ADVANCE_WORDS: frozenset[str] = _words("заранее наперед заздалегідь advance")
# What says the problem goes on or turns after the thanks: "thanks, but it's still slow",
# "дякую, але досі не друкує".
GOES_ON_WORDS: frozenset[str] = _words(
    "still досі ещё еще ще but але но однако проте хотя хоча though although however"
)
# A request beside the thanks: "прошу установить …, спасибо", "can you install Notepad++,
# ta", "будь ласка …, дякую".
ASKED_WITH_THANKS: frozenset[str] = REQUEST_WORDS | _words(
    """
    прошу просим просимо пожалуйста ласка можно можна можете можеш нужно нужен нужна надо
    треба потрібно потрібен потрібна need needs
    """
)
# Working, or back to work, said of anything: "все працює", "sorted now", "ноут ожив",
# "інтернет з'явився". By word for English (stems run "worked" and "work" together), by lemma
# for Russian and Ukrainian.
WORKS_NOW_WORDS: frozenset[str] = _words(
    "works working worked fine ok okay sorted fixed нормально норм"
)
WORKS_NOW_LEMMAS: frozenset[str] = _words(
    """
    работать заработать ожить появиться вернуться наладиться
    працювати запрацювати ожити зявитися повернутися налагодитися
    """
)
# When or how well something works again, said after it: "printing again", "fine now",
# "друкує нарешті" (gratitude.py: no more of how it works).
WORKING_AGAIN_WORDS: frozenset[str] = _words(
    """
    again now finally perfectly properly normally well снова опять теперь наконец уже
    знову знов тепер нарешті вже
    """
)
# The English words before a verb that make it wished, not done: "to print", "can scan".
UNDONE_BEFORE: frozenset[str] = _words("to can could would will please pls")
# What a letter brings that the user may open (lures.py): its attachment, or an archive in it.
ATTACHMENT_LEMMAS: frozenset[str] = _words("вложение вкладення attach attachment")
ARCHIVE_LEMMAS: frozenset[str] = _words("архив архів zip rar 7z")
# Opening or unpacking it: Russian and Ukrainian lemmas, English words said as done.
OPENING_LEMMAS: frozenset[str] = _words(
    "открыть распаковать разархивировать відкрити розпакувати розархівувати"
)
OPENED_WORDS: frozenset[str] = _words("opened unzipped extracted unpacked")
# The user's sign-in given to a page, in a message that names a letter or its link
# (lures.py): "I put my work login into the page", "typed my login on the page it opened",
# "а там форма входа в почту, заполнила". Entering said as done (English words; Russian and
# Ukrainian lemmas, in the past), what was entered (the secret itself, narrower than
# SIGN_IN_WORDS: no account or verifying) and where, as written or as lemmas.
ENTERED_WORDS: frozenset[str] = _words("put typed entered filled gave submitted keyed")
ENTERING_LEMMAS: frozenset[str] = _words(
    "ввести вбить заполнить вписать указать вбити заповнити вписати вказати"
)
CREDENTIAL_WORDS: frozenset[str] = _words(
    """
    login logins password passwords credentials username логин пароль вход логін вхід
    """
)
CREDENTIAL_PAGES: frozenset[str] = _words(
    "page site website form страница сайт форма сторінка"
)
CREDENTIAL_REACH = 4  # words from the verb to what was entered
PAGE_REACH = 6  # and to the page it was entered in
# A screen that shields (shields.py): "защитный экран на копре", "захисний екран від бризок",
# "the spray screen on the ice chainsaw", "the blast screen on the piling rig". The screen's
# words, and the words that make it a guard said just before it ("splash screen" is a
# program's start: no guard).
SHIELD_SCREEN_WORDS: frozenset[str] = _words("экран екран screen screens")
SHIELDING_WORDS: frozenset[str] = _words(
    """
    защитный защитная защитное защитного защитном захисний захисна захисне захисного
    захисному противоискровой протиіскровий
    protective safety spray blast spark fire heat
    """
)
