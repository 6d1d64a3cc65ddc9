"""Steps someone took for the user, or the user took by turning to someone: "Менеджер уже
звонил в банк", "дзвонила провайдеру", "we called the ISP", "IT looked at it remotely",
"our IT guy already remoted in". Each answers "what did you try" as a reboot would.

Not a step: a call the user asks for ("позвоните в банк?", "please call me"), a call to the
user ("банк звонил", "the bank called me"), a caller who is the trouble ("звонил клиент").
"""

from __future__ import annotations

import re

from gateway.dialogs.extract.case_blind import case_blind

# A call, a letter or a ticket to the one who can fix it, in the past: "звонил в банк",
# "позвонила в поддержку", "писали в техподдержку", "дзвонила провайдеру", "звертались до
# постачальника", "called the bank", "rang the ISP", "emailed the vendor", "opened a ticket
# with Microsoft".
_TURNED_TO = case_blind(
    r"(?<!\w)(?<!не )(?<!ні )(?:звонил\w*|позвонил\w*|дозвонил\w*|обращал\w*|обратил\w*|"
    r"связывал\w*|связал\w*|писал\w*|написал\w*|дзвонив|дзвонил\w*|подзвонив|подзвонил\w*|"
    r"додзвонив\w*|додзвонил\w*|телефонував\w*|телефонувал\w*|звертав\w*|звертал\w*|"
    r"звернув\w*|звернул\w*|писав|написав|зв'язувал\w*|зв'язал\w*|зв'язав\w*)\s+"
    r"(?:(?:уже|вже|сразу|одразу|тоже|теж|сами|сама|сам|туди|туда|ещ[её]|ще|вчера|вчора)\s+)*"
    r"(?:(?:в|во|к|до|у|із|з|с)\s+)?(?:(?:наш\w*|свій|свою|свого|свой|свою)\s+)?"
    r"(?:банк\w*|провайдер\w*|поддержк\w*|техподдержк\w*|підтримк\w*|техпідтримк\w*|"
    r"производител\w*|виробник\w*|сервис\w*|сервіс\w*|поставщик\w*|постачальник\w*|"
    r"вендор\w*|интегратор\w*|інтегратор\w*|разработчик\w*|розробник\w*|хелпдеск\w*|"
    r"helpdesk)(?!\w)|"
    r"(?:^\s*|\b(?:i|we|i've|we've|already|also|and|they|she|he|manager|boss|colleague)\s+)"
    r"(?:(?:have|has|had|already|also|just|even)\s+)*"
    r"(?:called|phoned|rang|rung|contacted|e-?mailed|messaged|wrote to|reached out to|"
    r"got in touch with|opened a (?:ticket|case) with|raised a (?:ticket|case) with)\s+"
    r"(?:(?:the|our|their|my)\s+)?(?:bank|isp|internet provider|provider|vendor|supplier|"
    r"manufacturer|support|tech support|helpdesk|help desk|carrier|microsoft|apple|google|"
    r"hp|dell|lenovo|epson|canon|brother|the maker|developers?)\b",
)
# IT named in capitals, as a team that looked or connected: "IT looked at it remotely",
# "IT remoted in", "our IT guy already remoted in" ("it looked fine" is no one).
_IT_LOOKED = re.compile(
    r"(?<![\w-])(?:[Oo]ur |[Tt]he )?IT(?: (?:guy|guys|team|people|dept|department|support|"
    r"admin|person|helpdesk|help desk|service desk))?(?: (?:already|also|just|even|has|have|had))*"
    r" (?:looked|checked|connected|remoted in|came|had a look|took a look|tried|tested|"
    r"reinstalled|restarted|rebooted|replaced|swapped|reset)\b"
)


# "Ever since IT replaced my docking station": what IT did set the trouble off.
_WHEN_BEFORE = re.compile(r"\b(?:since|after|when|once|before|until)\s+$", re.IGNORECASE)


def someone_tried(clause: str) -> bool:
    """Whether `clause` says the user turned to someone who can fix it, or IT had a go."""
    if _TURNED_TO.search(clause):
        return True
    return any(
        not _WHEN_BEFORE.search(clause[: found.start()]) for found in _IT_LOOKED.finditer(clause)
    )
