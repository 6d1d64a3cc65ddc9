"""The console's mass incidents: listed at the top of the queue with the number of
affected users and a timeline; declared, updated (broadcast) and resolved by operators."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from gateway.operations import ActionRefused
from gateway.runtime import Runtime
from gateway.store import Incident
from gateway.texts import LANGUAGES
from gateway.web.desk_api import MAX_TEXT, action_id, actor_of, json_body
from gateway.web.sessions import Session, refuse

RECENT_RESOLVED = 5


class IncidentApi:
    """Handlers under /console/api/incidents."""

    def __init__(self, rt: Runtime) -> None:
        self.rt = rt

    def routes(self, need: Any) -> list[web.RouteDef]:
        base = "/console/api/incidents"
        return [
            web.get(base, need(self.list, changes_state=False)),
            web.post(base, need(self.declare, changes_state=True)),
            web.post(base + "/{incident_id}/{action}", need(self.act, changes_state=True)),
        ]

    async def list(self, request: web.Request, session: Session) -> web.Response:
        """Open incidents first (newest first), then the last few resolved."""
        store = self.rt.store.incidents
        shown: list[dict[str, Any]] = []
        open_ids = set(await store.open_ids())
        resolved = 0
        for incident_id in await store.recent_ids():
            if incident_id not in open_ids:
                if resolved >= RECENT_RESOLVED:
                    continue
                resolved += 1
            incident = await store.get(incident_id)
            if incident is not None:
                shown.append(await self._view(incident))
        shown.sort(key=lambda i: (i["status"] != "open", -i["declared_at"]))
        proposals = await self.rt.incidents.proposals()
        return web.json_response({"incidents": shown, "proposals": proposals}, dumps=_dumps)

    async def declare(self, request: web.Request, session: Session) -> web.Response:
        body = await json_body(request)
        once = action_id(body)  # as for a ticket's action: a repeated click declares once
        proposal = body.get("proposal")
        if isinstance(proposal, str) and proposal:
            title = body.get("title") if isinstance(body.get("title"), str) else ""
            try:
                incident = await self.rt.incidents.declare_proposed(
                    proposal[:200],
                    actor_of(session),
                    _messages(body),
                    str(title)[:200].strip(),
                    action_id=once,
                )
            except ActionRefused as exc:
                raise refuse(409, str(exc), key=exc.key, params=exc.params) from None
            return web.json_response({"incident": await self._view(incident)}, dumps=_dumps)
        title = _short(body, "title", 200)
        raw = body.get("services", [])
        if isinstance(raw, str):
            raw = [s for s in raw.replace(";", ",").split(",")]
        if not isinstance(raw, list) or not all(isinstance(s, str) for s in raw):
            raise refuse(400, "services: a list of service names")
        try:
            incident = await self.rt.incidents.declare(
                title=title,
                services=[s[:60] for s in raw[:10]],
                messages=_messages(body),
                by=actor_of(session),
                why="declared from the console",
                action_id=once,
            )
        except ActionRefused as exc:
            raise refuse(409, str(exc), key=exc.key, params=exc.params) from None
        return web.json_response({"incident": await self._view(incident)}, dumps=_dumps)

    async def act(self, request: web.Request, session: Session) -> web.Response:
        """update (broadcast to every subscriber) | resolve."""
        incident_id = request.match_info["incident_id"][:40]
        action = request.match_info["action"]
        body = await json_body(request)
        messages, once = _messages(body), action_id(body)  # once: as for a ticket's action
        actor = actor_of(session)
        try:
            if action == "update":
                told = await self.rt.incidents.update(incident_id, actor, messages, action_id=once)
            elif action == "resolve":
                told = await self.rt.incidents.resolve(incident_id, actor, messages, action_id=once)
            else:
                raise refuse(404, f"unknown action {action[:40]}")
        except ActionRefused as exc:
            raise refuse(409, str(exc), key=exc.key, params=exc.params) from None
        incident = await self.rt.store.incidents.get(incident_id)
        view = await self._view(incident) if incident is not None else None
        return web.json_response({"told": told, "incident": view}, dumps=_dumps)

    async def _view(self, incident: Incident) -> dict[str, Any]:
        store = self.rt.store.incidents
        return {
            "id": incident.id,
            "title": incident.title,
            "services": incident.services,
            "status": incident.status,
            "messages": incident.messages,
            "declared_by": incident.declared_by,
            "declared_at": incident.declared_at,
            "resolved_at": incident.resolved_at,
            "affected": await store.subscriber_count(incident.id),
            "children": await store.children(incident.id),
            "timeline": await store.timeline(incident.id),
        }


def _messages(body: dict[str, Any]) -> dict[str, str]:
    raw = body.get("messages", {})
    if not isinstance(raw, dict):
        raise refuse(400, "messages: an object of language -> text")
    out = {}
    for lang in LANGUAGES:
        value = raw.get(lang, "")
        if not isinstance(value, str) or len(value) > MAX_TEXT:
            raise refuse(400, f"messages.{lang}: text of at most {MAX_TEXT} characters")
        if value.strip():
            out[lang] = value.strip()
    return out


def _short(body: dict[str, Any], name: str, limit: int) -> str:
    value = body.get(name, "")
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise refuse(400, f"{name}: text of 1 to {limit} characters", key="write_first")
    return value.strip()


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, default=str)
