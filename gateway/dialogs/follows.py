"""What a new request keeps of the resolved ticket it goes on from (too old to reopen).

"Все одно не друкує, та сама помилка offline." about a ticket resolved 40 days ago is a
new request (`DialogEngine.reopen_refused`), but the fault is the one that ticket
describes: the thing that fails and the computer it is used from are the same, and "the
same error" is the error that ticket read. Its checklist fills what the words leave open,
so neither the chat's questions nor the mail's letter ask them again.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping

from gateway.dialogs.checklist import mentions_an_error
from gateway.dialogs.corrections import is_unknown
from gateway.dialogs.extract.errors import says_no_error

# Where such a value came from, shown beside the field on the console.
FOLLOWED_SOURCE = "followed ticket"
# The same fault on the same thing: what fails and the system it runs on. What was tried
# and since when belong to the earlier time it failed, and are asked again.
_SAME_THING = ("product", "os")


def carry_facts(
    fields: MutableMapping[str, str], sources: MutableMapping[str, str], followed: Mapping[str, str]
) -> None:
    """Fill from the followed ticket's fields what the new request's words left open: its
    product and OS, and its error when the words say an error shows without giving one
    ("та сама помилка", "same error")."""
    carried = [*_SAME_THING]
    if mentions_an_error(fields.get("problem", "")):
        carried.append("error")
    for name in carried:
        old = followed.get(name, "").strip()
        if not old or is_unknown(old) or (name == "error" and says_no_error(old)):
            continue
        if not fields.get(name, "").strip() or is_unknown(fields[name]):
            fields[name], sources[name] = old, FOLLOWED_SOURCE
