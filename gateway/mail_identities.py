"""Who writes by e-mail, for "where is my ticket?": every thread one address began.

Each new mail (no thread headers, no ticket token) starts a thread of its own, and a
thread is a conversation: asked from a new mail, "where is my ticket?" found no ticket,
and a number of the user's own was "not among yours". A thread speaks for the address
that began it only when our answers go back to that address: a Reply-To elsewhere (a
forged From asking for someone's tickets) keeps the thread to itself, so a status is
only ever mailed to the mailbox whose tickets it lists; so does a mail our trusted MTA
found forged (failed SPF/DKIM/DMARC for its From), as for a ticket token (mail/intake).
"""

from __future__ import annotations

from gateway.identities import UserIdentities
from gateway.store import Store
from gateway.store.mail import thread_sender

MAIL = "email:"
MAX_THREADS = 200  # an address's latest threads looked through (a year of mail from one person)


class SameSenderThreads:
    """A `UserIdentities`: `inner`'s identities, and for a mail thread, the other threads
    its address began."""

    def __init__(self, store: Store, inner: UserIdentities) -> None:
        self.store = store
        self.inner = inner

    async def known_as(self, identity: str) -> frozenset[str]:
        known = await self.inner.known_as(identity)
        more: set[str] = set()
        for key in known:
            if key.startswith(MAIL):
                more |= await self._began_by_the_same(key.removeprefix(MAIL))
        return known | more

    async def _began_by_the_same(self, chat_id: str) -> set[str]:
        sender = thread_sender(chat_id)
        if not await self._answers_its_sender(chat_id, sender):
            return set()
        others = await self.store.mail.threads_from(sender, MAX_THREADS)
        return {MAIL + o for o in others if await self._answers_its_sender(o, sender)}

    async def _answers_its_sender(self, chat_id: str, sender: str) -> bool:
        thread = await self.store.mail.thread(chat_id)
        if thread is None or thread.unverified or "@" not in sender:
            return False
        return thread.address.lower() == sender
