"""Linked accounts for admins: which channel identities are linked to which directory
accounts, "revoke" for any of them, and the self-service audit trail. A page of its own
at /console/linked-accounts."""

from __future__ import annotations

from aiohttp import web

from gateway.self_service import SelfService
from gateway.web.desk_api import action_id, json_body
from gateway.web.sessions import Session, refuse

SHOWN = 200


def _admin(session: Session) -> None:
    if not session.account.is_admin:
        raise refuse(403, "only admins see linked accounts", key="admins_only_links")


class LinkedAccountsApi:
    """GET the links and the audit; POST .../revoke {"identity": ...} removes one link."""

    def __init__(self, accounts: SelfService | None) -> None:
        self.accounts = accounts

    def _service(self) -> SelfService:
        if self.accounts is None:
            raise refuse(404, "no directory is configured", key="no_directory")
        return self.accounts

    async def list(self, request: web.Request, session: Session) -> web.Response:
        _admin(session)
        accounts = self._service()
        links = await accounts.records.links(accounts.clock(), SHOWN)
        audit = await accounts.records.audit_entries(SHOWN)
        return web.json_response({"links": links, "audit": audit})

    async def revoke(self, request: web.Request, session: Session) -> web.Response:
        _admin(session)
        accounts = self._service()
        body = await json_body(request)
        once = action_id(body)  # the page's id for this click: a resent click revokes once
        identity = body.get("identity")
        if not isinstance(identity, str) or not identity:
            raise refuse(400, "identity: required", key="identity_required")
        if not await accounts.revoke(identity, session.account.login, once):
            raise refuse(404, "no such link", key="no_link")
        return web.json_response({"ok": True, "revoked": identity})
