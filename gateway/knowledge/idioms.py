"""English idioms read as the articles' plain words (see normalize.py).

"keys stopped typing" (not typing), "Excel keeps quitting" (crashing), "pc runs like a potato"
(slow), "I hit send" (press), "knocked my coffee onto the laptop" (spilled), "I quit smoking"
(a habit, no smoke from a device), "the laptop slid off the bench" (fell off), "dropped the
tablet in the sink" (soaked).
"""

from __future__ import annotations

import re

from gateway.knowledge.vocabulary import APPLICATION_WORDS

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
# "the laptop slid off the workbench", "the company laptop slipped off the car roof": a device
# that slid or slipped off something fell off it, as the damage article says it ("fell
# off"); a device that was dropped, slid, slipped or fell into water ("dropped the work tablet
# in the test tank", "the till tablet slid into the ice bath", "dropped my phone in the
# sink") is soaked. Only a device named before the verb or right after it: a person who
# slipped off a ladder, a bar of soap dropped in the bath are no one's.
_DEVICES = (
    r"(?:laptop|notebook|macbook|chromebook|tablet|ipad|phone|iphone|smartphone|mobile|"
    r"monitor|screen|pc|computer|printer|keyboard|mouse|scanner|till|terminal|handset|"
    r"headset|router|camera|webcam)"
)
_SLID = r"(?:slid|slipped|slides|slips|sliding|slipping)"
_INTO_WATER_VERB = r"(?:dropped|dropping|drops|drop|slid|slipped|fell|fallen|falls|went)"
_SLID_OFF = re.compile(
    rf"\b({_DEVICES}s?\s+(?:\w+\s+){{0,2}}?)(?:just\s+)?{_SLID}\s+(?:off|from)\b"
)
_WATER = (
    r"(?:water|bath|bathtub|tub|sink|tank|pool|bucket|toilet|loo|river|lake|pond|sea|puddle|"
    r"basin|aquarium|fountain|canal|dishwater)"
)
# The water within one noun phrase after "in"/"into": "in the ship model test tank", not
# "in the meeting room, the water jug too" (the commas are gone by now).
_INTO = (
    r"(?:right\s+|straight\s+)?(?:in|into)\s+(?:(?:the|a|an|my|our|their|his|her)\s+)?"
    rf"(?:(?!(?:the|a|an|and|but|or|then|with)\b)\w+\s+){{0,3}}?{_WATER}\b"
)
_INTO_WATER = re.compile(
    rf"\b{_INTO_WATER_VERB}\s+(?=(?:(?!(?:in|into|off|out)\b)\w+\s+){{0,3}}{_DEVICES}s?\s+"
    rf"{_INTO})"
)
_SLID_INTO = re.compile(rf"\b({_DEVICES}s?\s+){_SLID}\s+(?={_INTO})")
# Said with these, quitting is crashing: without warning, or again and again while working.
_CRASH_CUES = frozenset({"unexpectedly", "randomly", "suddenly", "keeps", "keep", "kept"})


def read_habit_given_up(text: str) -> str:
    """A habit given up as cigarettes: "i quit smoking" -> "i quit cigarettes"."""
    if "smok" in text or "vap" in text:
        text = _HABIT_GIVEN_UP.sub(r"\1 cigarettes", text)
    return text


def read_stopped_doing(text: str) -> str:
    """A verb of stopping before a gerund as a "not": "keys stopped typing" -> "keys not
    typing"; then a program that quits as one that closes or crashes (`_program_quits`)."""
    text = _STOPPED_DOING.sub(r"not \1", text)
    if "quit" in text:
        text = _PROGRAM_QUITS.sub(_program_quits, text)
    return text


def read_runs_like(text: str) -> str:
    """A machine that runs or works like a thing as slow: "pc runs like a potato" -> "pc
    runs slow"."""
    return _RUNS_LIKE.sub(r"\1 slow", text)


def read_knocked_drink(text: str) -> str:
    """A drink knocked or tipped onto a device as spilt: "knocked my tea onto the laptop"
    -> "spilled my tea onto the laptop"."""
    return _KNOCKED_DRINK.sub("spilled ", text)


def read_fallen_device(text: str) -> str:
    """A device slid off something as fallen, one dropped into water as soaked: "laptop
    slid off the workbench" -> "laptop fell off the workbench", "dropped the tablet in the
    tank" -> "soaked the tablet in the tank"."""
    text = _SLID_OFF.sub(r"\1fell off", text)
    return _SLID_INTO.sub(r"\1soaked ", _INTO_WATER.sub("soaked ", text))


def read_hit_button(text: str) -> str:
    """A button or key hit as pressed: "i hit send" -> "i press send"."""
    return _HIT_BUTTON.sub("press ", text)


def _program_quits(found: re.Match[str]) -> str:
    """"teams quits right after" -> "teams closes right after"; "excel keeps quitting" ->
    "excel keeps crashing"; "safari quits unexpectedly" -> "safari crashes unexpectedly"."""
    program, between, quits = found.group(1, 2, 3)
    after = found.group(4) or ""
    crashed = bool(after) or not _CRASH_CUES.isdisjoint(between.split())
    if quits == "quitting":
        return f"{program} {between}{'crashing' if crashed else 'closing'}{after}"
    return f"{program} {between}{'crashes' if crashed else 'closes'}{after}"
