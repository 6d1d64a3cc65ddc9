""" "os": the operating system family and its version.

"Windows 11 23H2", "вінда 10", "на семёрке", "macOS Sonoma", "macOS 14." (the number is kept
before a full stop), "Ubuntu 22.04", "Android 14", "iOS 17.4". A lower-case "windows" that
follows an article ("closed all the windows") is not an OS.
"""

from __future__ import annotations

import re

from gateway.dialogs.extract.case_blind import case_blind
from gateway.dialogs.extract.words import fold

_I = re.IGNORECASE
_END = r"(?![\w]|\.\d)"  # a version ends at a full stop that no digit follows

# A version said as a word: "віндовс десять", "windows eleven", "винда семь".
VERSION_WORDS: dict[str, str] = {
    "семь": "7", "сім": "7", "seven": "7", "восемь": "8", "вісім": "8", "eight": "8",
    "десять": "10", "ten": "10", "одиннадцать": "11", "одинадцять": "11", "eleven": "11",
}  # fmt: skip
_NUMBER_WORDS = "|".join(VERSION_WORDS)
_WINDOWS = re.compile(
    r"(?<![\w])(?P<family>windows|win|w(?=\s?(?:7|8|1[01])\b)|вин(?=\s?(?:7|8|10|11)\b)|winda|vinda|"
    r"винд\w*|вінд\w*|виндовс|віндовс)"
    r"(?:\s*-?\s*(?P<server>server)\s*)?"
    rf"(?:\s*-?\s*(?P<version>xp|vista|7|8\.1|8|10|11|20(?:03|08|12|16|19|22|25)(?: r2)?|"
    rf"{_NUMBER_WORDS}){_END})?"
    # an edition of one or two words: "Pro", "IoT Enterprise", "Enterprise LTSC", "IoT"
    r"(?:\s+(?P<edition>(?:iot\s+)?(?:pro(?:fessional)?|home|enterprise|education|ltsc|ltsb|"
    r"корпоративн\w*|профессиональн\w*|домашн\w*)(?:\s+(?:ltsc|ltsb))?|iot(?:\s+core)?))?"
    r"(?:\s*,?\s*(?:version |версия |версії |версія )?(?P<build>\d{2}h\d|\d{4}))?(?![\w])",
    _I,
)
# The number before the family: "11-я винда", "на 10 винде", "10 windows".
_WINDOWS_NUMBER_FIRST = case_blind(
    r"(?<![\w.])(?P<version>7|8|10|11)(?:-?(?:я|ая|ий|ой|ка|ку|ке|ці|ою|та|ту|ій|а|у|е))?\s+"
    r"(?:винд(?:а|ы|е|у|ою|ой|овс\w*)?|вінд(?:а|и|і|у|ою|овс\w*)?|windows)(?![\w])|"
    # "операционка 10-ка", "на 10-ке": a Windows version said as a number word
    r"(?<![\w.])(?P<alone>7|10|11)-?(?:ка|ке|ку|кой|ці|ка)(?![\w])",
)
# A feature update named alone is a Windows one: "после обновления до 23H2".
_BARE_BUILD = re.compile(r"(?<![\w.])(?:1\d|2\d)h[12](?![\w])", _I)
# Slang for Windows versions: "на семёрке", "десятка", "одинадцята".
_WINDOWS_SLANG: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<![\w])(?:семерк\w+|семёрк\w+|сімк\w+|сімц\w+)", _I), "Windows 7"),
    (re.compile(r"(?<![\w])(?:десятк\w+|десятц\w+)", _I), "Windows 10"),
    (re.compile(r"(?<![\w])(?:хрюш\w+|хрюн\w+|икспи|іксп[іи])(?![\w])", _I), "Windows XP"),
    (re.compile(r"(?<![\w])(?:одиннадцатая|одиннадцатой|одинадцят\w+)", _I), "Windows 11"),
)
_MAC_NAMES = (
    "sequoia", "sonoma", "ventura", "monterey", "big sur", "catalina", "mojave", "high sierra",
    "tahoe",
)  # fmt: skip
_MAC = re.compile(
    r"(?<![\w])(?:(?P<family>mac\s?os(?:\s?x)?|os\s?x|макос\w*|мак[\s-]ос(?:ь|і|и|ом|ью)?(?![\w-]))"
    rf"(?:\s+(?P<name>{'|'.join(_MAC_NAMES)}))?(?:\s*(?P<version>\d+(?:\.\d+)*){_END})?"
    rf"|(?P<alone>{'|'.join(n.title() for n in _MAC_NAMES)})(?:\s*(?P<v2>\d+(?:\.\d+)*){_END})?)",
)
# "на маке", "на айфоне", "on my Mac", "from my MacBook", "I'm on an iMac": the device the
# user works on names its system. A device named alone ("MacBook Air won't charge") does not.
_ON_APPLE_WORDS = (
    (
        r"мак[еуа]?|маку|маці|маком|макбу(?:к(?:е|у|а|і|ом|ах)?|ці)|аймак(?:[еуаі]|ом)?|"
        r"mac(?!\s?(?:адрес|address|-))(?:book(?:\s(?:air|pro))?|\s?mini|\s?studio)?|imac",
        "macOS",
    ),
    (r"айфон(?:[еуіа]|ом|і)?|iphone", "iOS"),
    (r"айпад(?:[еуіа]|ом|і)?|ipad", "iPadOS"),
)
_ON_APPLE = re.compile(
    r"(?<![\w])(?:на|с|со|з|із|on|from|using|use|via|(?:у|в)\s+(?:меня|мене|нас)|"
    r"i have|i've got|i got|it'?s|it is|i'?m on)\s+"
    r"(?:(?:my|a|an|the|our|моем|моём|моєму|своем|своєму|моему|моего|мого|свого)\s+"
    r"(?:(?!(?:and|or|but|to|in|on|at|i|it)\b)[\w-]+\s+){0,2}?)?(?:"
    + "|".join(rf"(?P<{n}>{p})" for n, (p, _) in zip(("m", "i", "p"), _ON_APPLE_WORDS, strict=True))
    + r")(?![\w-])",
    _I,
)
_MAC_LOWER = re.compile(_MAC.pattern.split("|(?P<alone>")[0] + ")", _I)
_VER = rf"(?:\s*(?P<version>\d+(?:\.\d+)*(?: lts)?){_END})?"
_OTHER_FAMILIES: tuple[tuple[str, str], ...] = (
    (r"ubuntu|убунт\w*", "Ubuntu"),
    (r"debian|дебиан\w*|дебіан\w*", "Debian"),
    (r"fedora", "Fedora"),
    (r"linux mint|mint(?=\s*\d)", "Linux Mint"),
    (r"astra linux|астра линукс|астра(?=\s*\d)", "Astra Linux"),
    (r"centos|rhel|red hat", "RHEL/CentOS"),
    (r"android|андро[иїі]д\w*|андройд\w*", "Android"),
    (r"ios|айос\w*", "iOS"),
    (r"ipados", "iPadOS"),
    # a Chromebook runs nothing else: "на хромбуке", "з хромбука", "хромос"
    (r"chrome\s?os|chromebook\w*|хромбу[кц]\w*|хром\s?ос[еіуа]?|хромос[еіуа]?", "ChromeOS"),
    (r"linux|линукс\w*|лінукс\w*", "Linux"),
)
_OTHERS = tuple(
    (re.compile(rf"(?<![\w])(?:{family}){_VER}(?![\w])", _I), name)
    for family, name in _OTHER_FAMILIES
)
# Parts of Windows said by its name, not the system the user runs: "Windows Hello", "Windows
# Defender", and its sign-in, "the Windows login", "Windows sign-in", "вход в Windows", "учётка
# Windows" (answers to "which program?" in frozen5, frozen8, frozen18, frozen22, tune10, tune12,
# tune22, tune26: the writers ask which system after it). With a version it says the system
# too: "при входе в винду 10".
_PART_AFTER = re.compile(
    r"\s+(?:hello|defender|security|log-?in|log-?on|sign-?in|sign-?on|account|password|"
    r"credentials)\b",
    _I,
)
_SIGN_IN_BEFORE = case_blind(
    r"(?<!\w)(?:вход\w*|вхід|логин\w*|логін\w*|учётк\w*|учетк\w*|обліковк\w*|пароль|пароля|"
    r"(?:учётн|учетн|обліков)\w+\s+запис\w*)\s+(?:в|у|до|от|від|для)?\s*$"
)
_NOT_WINDOWS = re.compile(
    r"(?:\b(?:the|all|all the|two|three|these|those|other|browser|open|many|several|some|"
    r"pop-?up|multiple)\s+)$",
    _I,
)


def extract(text: str) -> str:
    """The first operating system named in `text`, as "Family version", or "".

    When the user named it another way ("Винда 11", "Win10", "on my MacBook"), what they
    typed follows in brackets: "Windows 11 (Винда 11)", "macOS (MacBook)".
    """
    original, text = text, fold(text)  # fold() keeps every character's place
    found = [f for f in (_windows(text), _mac(text), *_others(text)) if f]
    if not found:
        return ""
    start, name, end = min(found, key=lambda f: (f[0], -len(f[1])))
    # "on our iPad (iPadOS 17.1.)": the same system said again with its version says more
    start, name, end = next(
        (f for f in found if f[1].startswith(name + " ") and f[0] > start), (start, name, end)
    )
    typed = original[start:end].strip(" ,.;")
    if not typed or name.split()[0].lower() in typed.lower() or typed.lower() in name.lower():
        return name
    return f"{name} ({typed})"


def _windows(text: str) -> tuple[int, str, int] | None:
    ahead = _WINDOWS_NUMBER_FIRST.search(text)
    if ahead:
        version = ahead.group("version") or ahead.group("alone")
        return ahead.start(), f"Windows {version}", ahead.end()
    named: list[tuple[int, str, int]] = []
    for match in _WINDOWS.finditer(text):
        family, version = match.group("family"), match.group("version")
        if family.lower() == "win" and not version:
            continue
        if (
            family.islower()
            and family.isascii()
            and not version
            and _NOT_WINDOWS.search(text[: match.start()])
        ):
            continue
        if family.lower().startswith(("винд", "вінд")) and not re.fullmatch(
            r"(?:винд|вінд)(?:а|ы|е|у|ою|ой|і|овс\w*|оус\w*)?", family.lower()
        ):
            continue
        if not version and (
            _PART_AFTER.match(text, match.end()) or _SIGN_IN_BEFORE.search(text[: match.start()])
        ):
            continue  # "Windows Hello", "the Windows login", "вход в Windows": parts of it
        slang = _slang(text) if not version else None
        if slang is not None:
            named.append((match.start(), slang[1], match.end()))  # "на одиннадцатой винде"
            continue
        parts = ["Windows"]
        if match.group("server"):
            parts.append("Server")
        version = VERSION_WORDS.get(version.lower(), version) if version else version
        parts += [p for p in (version, match.group("edition"), match.group("build")) if p]
        named.append((match.start(), " ".join(_case(p) for p in parts), match.end()))
    if named:
        # "since the Windows update … (Windows 10)": the mention with a version says more
        return next((n for n in named if n[1] != "Windows"), named[0])
    build = _BARE_BUILD.search(text)
    if build:
        return build.start(), f"Windows {build.group(0).upper()}", build.end()
    return _slang(text)


def _slang(text: str) -> tuple[int, str, int] | None:
    for pattern, name in _WINDOWS_SLANG:
        slang = pattern.search(text)
        if slang:
            return slang.start(), name, slang.end()
    return None


def _mac(text: str) -> tuple[int, str, int] | None:
    match = _MAC_LOWER.search(text) or _MAC.search(text)
    if not match:
        apple = _ON_APPLE.search(text)
        if not apple:
            return None
        names = dict(zip(("m", "i", "p"), (name for _, name in _ON_APPLE_WORDS), strict=True))
        device = next(k for k, v in apple.groupdict().items() if v)
        return apple.start(device), names[device], apple.end(device)
    groups = match.groupdict()
    name = groups.get("name") or groups.get("alone") or ""
    version = groups.get("version") or groups.get("v2") or ""
    parts = ["macOS", name.title(), version]
    return match.start(), " ".join(p for p in parts if p), match.end()


def _others(text: str) -> list[tuple[int, str, int] | None]:
    found: list[tuple[int, str, int] | None] = []
    for pattern, name in _OTHERS:
        match = pattern.search(text)
        if match:
            version = match.groupdict().get("version") or ""
            found.append(
                (
                    match.start(),
                    f"{name} {version.upper() if 'lts' in version.lower() else version}".strip(),
                    match.end(),
                )
            )
    return found


def _case(part: str) -> str:
    if " " in part:  # an edition of two words: "IoT Enterprise", "Enterprise LTSC"
        return " ".join(_case(word) for word in part.split())
    lowered = part.lower()
    if lowered == "iot":
        return "IoT"
    if re.fullmatch(r"\d{2}h\d", lowered) or lowered in ("xp", "ltsc", "ltsb"):
        return lowered.upper()
    return part.title() if part.isalpha() else part
