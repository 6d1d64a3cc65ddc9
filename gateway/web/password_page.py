"""The password-reset page that the bot's single-use links open.

GET shows the form for the link's account; POST hands the new password to the directory
port, and nothing else: it is never logged, stored, echoed back or put in an event. A
refused password (the directory's policy) re-shows the form with the reason in the
user's language, and the link stays usable; a changed one spends the link.
"""

from __future__ import annotations

import html
import re
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from gateway.client_blocks import counted_as
from gateway.dialogs.accounts import AccountOutcome, AccountResult
from gateway.directory import PasswordRefusal
from gateway.self_service import RESET_PATH, Grant, SelfService
from gateway.texts import Texts
from gateway.web.auth import new_token
from gateway.web.client_address import Network, client_address

# Tells the user on their channel (ConversationService.account_news).
AccountNews = Callable[[str, str, AccountResult], Awaitable[None]]
MAX_PASSWORD = 256
POSTS_PER_MINUTE_PER_ADDRESS = 20
FORM_ID = re.compile(r"[A-Za-z0-9_-]{16,64}")  # the form's id that _form puts in
PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",  # the link must not leak to another site
    "Cache-Control": "no-store",
}
STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:28em;margin:2em auto;padding:0 1em;"
    "color:#1d2330;line-height:1.45}h1{font-size:1.4em}label{display:block;margin:.9em 0 .2em;"
    "font-weight:600}input{box-sizing:border-box;width:100%;padding:.6em;font-size:1em;"
    "border:1px solid #8a93a6;border-radius:6px}button{margin-top:1.2em;width:100%;"
    "padding:.7em;font-size:1em;border:0;border-radius:6px;background:#1f5fbf;color:#fff}"
    ".alert{padding:.7em;border-radius:6px;background:#fdecea;color:#7a1c12}"
    ".done{padding:.7em;border-radius:6px;background:#e7f5ea;color:#1b5e2b}"
)


class PasswordPage:
    """Serves `RESET_PATH/{token}` for the self-service of one gateway."""

    def __init__(
        self,
        accounts: SelfService,
        texts: Texts,
        news: AccountNews,
        trusted: tuple[Network, ...] = (),
    ) -> None:
        self.accounts = accounts
        self.texts = texts
        self.news = news
        self.trusted = trusted

    def routes(self) -> list[web.RouteDef]:
        path = RESET_PATH + "{token}"
        return [web.get(path, self.show), web.post(path, self.submit)]

    async def show(self, request: web.Request) -> web.Response:
        grant = await self.accounts.grant(request.match_info["token"])
        if grant is None:
            return await self._invalid(request)
        return self._form(grant, "", await self.accounts.min_password_length())

    async def submit(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        address = client_address(request, self.trusted)
        hits = await self.accounts.records.hit("reset-page-address", counted_as(address), 60)
        grant = await self.accounts.grant(token)
        if grant is None:
            language = await self._changed_by_this_form(request, token)
            return self._done(language) if language else await self._invalid(request)
        lang = self.texts.language(grant.language)
        minimum = await self.accounts.min_password_length()
        if hits > POSTS_PER_MINUTE_PER_ADDRESS:
            busy = self.texts.get(lang, "reset_page_busy")
            return self._form(grant, busy, minimum, status=429)
        try:
            form = await request.post()
        except ValueError:  # bytes not in the form's charset (UnicodeDecodeError), bad parts
            unreadable = self.texts.get(lang, "reset_page_unreadable")
            return self._form(grant, unreadable, minimum, status=400)
        fields = [form.get(name) for name in ("password", "repeat")]  # a file is no password
        new, repeat = (field if isinstance(field, str) else "" for field in fields)
        if not new or new != repeat or len(new) > MAX_PASSWORD:
            mismatch = self.texts.get(lang, "reset_page_mismatch")
            return self._form(grant, mismatch, minimum, status=400)
        result = await self.accounts.set_password(token, new, address, _form_id(form))
        del new, repeat, form
        if result.invalid:
            return await self._invalid(request)
        if result.unavailable:
            unavailable = self.texts.get(lang, "reset_page_unavailable")
            return self._form(grant, unavailable, minimum, status=503)
        if result.refusal is not None:
            return self._form(grant, self._refusal(lang, result.refusal, minimum), minimum, 422)
        if not result.repeated:  # the user is told in the chat once
            await self.news(
                grant.channel,
                grant.chat_id,
                AccountResult("password", AccountOutcome.PASSWORD_CHANGED),
            )
        return self._done(lang)

    def _done(self, lang: str) -> web.Response:
        lang = self.texts.language(lang)
        body = f'<p class="done" role="status">{_e(self.texts.get(lang, "reset_page_done"))}</p>'
        return _page(self.texts.get(lang, "reset_page_title"), body, lang)

    async def _changed_by_this_form(self, request: web.Request, token: str) -> str:
        """The page's language when the form posted is the one that used this link (it is
        sent again: its answer was lost); else ""."""
        try:
            form = await request.post()
        except ValueError:
            return ""
        return await self.accounts.changed_by_form(token, _form_id(form))

    def _refusal(self, lang: str, refusal: PasswordRefusal, minimum: int) -> str:
        """Why the password was refused; "too short" says the length asked for, if known."""
        if refusal is PasswordRefusal.TOO_SHORT and minimum:
            return self.texts.get(lang, "reset_refused_too_short_min", min=minimum)
        return self.texts.get(lang, f"reset_refused_{refusal.value}")

    def _form(self, grant: Grant, error: str, minimum: int, status: int = 200) -> web.Response:
        t, lang = self.texts, self.texts.language(grant.language)
        alert = f'<p class="alert" role="alert">{_e(error)}</p>' if error else ""
        rule = (
            f'<p id="rule">{_e(t.get(lang, "reset_page_min_length", min=minimum))}</p>'
            if minimum
            else ""
        )
        body = (
            f"<p>{_e(t.get(lang, 'reset_page_intro', login=grant.login))}</p>{rule}{alert}"
            '<form method="post" autocomplete="off">'
            # This form's id: sent twice (a lost answer, a double click), it changes the
            # password once and both are answered "changed".
            f'<input type="hidden" name="form_id" value="{new_token().replace(".", "")}">'
            f'<label for="password">{_e(t.get(lang, "reset_page_new"))}</label>'
            '<input id="password" name="password" type="password" required '
            f'autocomplete="new-password" maxlength="{MAX_PASSWORD}" autofocus>'
            f'<label for="repeat">{_e(t.get(lang, "reset_page_repeat"))}</label>'
            '<input id="repeat" name="repeat" type="password" required '
            f'autocomplete="new-password" maxlength="{MAX_PASSWORD}">'
            f'<button type="submit">{_e(t.get(lang, "reset_page_submit"))}</button></form>'
        )
        return _page(t.get(lang, "reset_page_title"), body, lang, status)

    async def _invalid(self, request: web.Request) -> web.Response:
        """An expired, used or ended link: said in the language of the conversation that
        asked for it while the link still names it, else in the browser's."""
        asked_in = await self.accounts.link_language(request.match_info["token"])
        browser = _browser_language(request, self.texts)
        lang = asked_in if asked_in in self.texts.languages else browser
        body = f'<p class="alert" role="alert">{_e(self.texts.get(lang, "reset_page_invalid"))}</p>'
        return _page(self.texts.get(lang, "reset_page_title"), body, lang, status=410)


def _form_id(form: Any) -> str:
    """The page's id of the form posted ("" when it has none that could be ours)."""
    value = form.get("form_id")
    return value if isinstance(value, str) and FORM_ID.fullmatch(value) else ""


def _browser_language(request: web.Request, texts: Texts) -> str:
    for part in request.headers.get("Accept-Language", "").split(","):
        code = part.strip()[:2].lower()
        if code in texts.languages:
            return code
    return texts.language(None)


def _e(text: str) -> str:
    return html.escape(text)


def _page(title: str, body: str, lang: str, status: int = 200) -> web.Response:
    text = (
        f'<!doctype html><html lang="{_e(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{STYLE}</style></head>"
        f"<body><main><h1>{_e(title)}</h1>{body}</main></body></html>"
    )
    return web.Response(text=text, content_type="text/html", status=status, headers=PAGE_HEADERS)
