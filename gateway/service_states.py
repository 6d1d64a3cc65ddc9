"""What `firstline config check` says of each channel and service: on, off or
misconfigured (and why), with what it will use, never a secret (a secret is "set" or
"missing"; an address is shown without its user or password)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from pydantic import SecretStr

from gateway.config import ALERT_SOURCES, MessengerSettings, Settings

# The connectors' WEBHOOK_PATHs (not imported: the check loads no channel's client).
TELEGRAM_PATH = "/webhooks/telegram"
VIBER_PATH = "/webhooks/viber"


@dataclass(frozen=True)
class ServiceState:
    """One channel or service: `state` is on, off or misconfigured; `detail` says how."""

    name: str
    state: str
    detail: str = ""

    def line(self, width: int) -> str:
        return f"  {self.name.ljust(width)}  {self.state}" + (
            f": {self.detail}" if self.detail else ""
        )


def service_states(settings: Settings) -> list[ServiceState]:
    """Every channel and service in the order an operator meets them."""
    problems: dict[str, list[str]] = {}
    for service, why in settings.service_problems():
        problems.setdefault(service, []).append(why)
    s = settings
    web_session = "session secret " + _secret(s.web.session_secret)
    if not _is_set(s.web.session_secret):
        web_session += " (a random key per start: set FIRSTLINE_SESSION_SECRET)"
    found = [
        ("telegram", s.telegram.enabled, _telegram(s)),
        ("viber", s.viber.enabled, _webhook(s, s.viber.webhook_url, VIBER_PATH, "viber")
         + f"; auth token {_secret(s.viber.auth_token)}"),
        ("whatsapp", s.whatsapp.enabled, f"phone number id {s.whatsapp.phone_number_id or '-'}; "
         f"access token {_secret(s.whatsapp.access_token)}; {_meta(s)}"),
        ("messenger", s.messenger.enabled, _messenger(s.messenger, s)),
        ("instagram", s.instagram.enabled, _messenger(s.instagram, s)),
        ("webchat", True, web_session),
        ("email", s.email.enabled, _email(s)),
        ("directory", s.directory.enabled, _directory(s)),
        *[(f"alerts.{name}", getattr(s.alerts, name).enabled, _alert(s, name))
          for name in ALERT_SOURCES],
        ("incidents", s.incidents.enabled,
         f"{s.incidents.reports} reports in {s.incidents.window_minutes} min, "
         + ("declared at once" if s.incidents.auto_declare else "proposed to the console")),
    ]  # fmt: skip
    states = []
    for name, enabled, detail in found:
        if name in problems:
            states.append(ServiceState(name, "misconfigured", "; ".join(problems[name])))
        elif enabled:
            states.append(ServiceState(name, "on", detail))
        else:
            states.append(ServiceState(name, "off"))
    return states


def _is_set(secret: SecretStr | None) -> bool:
    return bool(secret and secret.get_secret_value())


def _secret(secret: SecretStr | None) -> str:
    return "set" if _is_set(secret) else "missing"


def _address(url: str) -> str:
    """A URL as scheme://host:port/path, without a user or password in it."""
    parts = urlsplit(url)
    if not parts.hostname:
        return url if "@" not in url else "(an address)"
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname}{port}{parts.path}"


def _webhook(s: Settings, own: str, path: str, name: str) -> str:
    url = own or s.http.public(path)
    return f"webhook {_address(url)}" if url else (
        f"no webhook address ({name}.webhook_url or http.public_url): not registered"
    )


def _telegram(s: Settings) -> str:
    tg = s.telegram
    mode = "polling"
    if tg.mode == "webhook":
        mode = _webhook(s, tg.webhook_url, TELEGRAM_PATH, "telegram")
    return f"{mode}; token {_secret(tg.token)}; api {_address(tg.api_base)}"


def _meta(s: Settings) -> str:
    meta = s.meta
    return f"meta app secret {_secret(meta.app_secret)}, verify token {_secret(meta.verify_token)}"


def _messenger(section: MessengerSettings, s: Settings) -> str:
    page = section.page_id or "/me"
    return f"page {page}; access token {_secret(section.access_token)}; {_meta(s)}"


def _email(s: Settings) -> str:
    em = s.email
    intake = []
    if em.imap.enabled:
        intake.append(f"IMAP {em.imap.host}:{em.imap.port} ({em.imap.security}), "
                      f"user {em.imap.username or '-'}, password {_secret(em.imap.password)}, "
                      f"folders {', '.join(em.imap.folders)}")  # fmt: skip
    if em.listener.enabled:
        intake.append(f"SMTP listener {em.listener.host}:{em.listener.port}")
    reading = "; ".join(intake) or "no intake (email.imap and email.listener are off): replies only"
    smtp = em.smtp
    login = f", user {smtp.username}, password {_secret(smtp.password)}" if smtp.username else ""
    replies = f"replies by SMTP {smtp.host}:{smtp.port} ({smtp.security}{login})"
    return f"{em.address}; {reading}; {replies}"


def _directory(s: Settings) -> str:
    d = s.directory
    tls = "start_tls" if d.start_tls else ("TLS" if d.url.startswith("ldaps://") else "no TLS")
    groups = len(d.protected_groups)
    link = "" if s.http.public_url else "; reset links need http.public_url (none set)"
    plural = "s" if groups != 1 else ""
    return (f"{d.kind} {_address(d.url)} ({tls}); service account {d.bind_dn}, password "
            f"{_secret(d.password)}; {groups} protected group{plural}{link}")  # fmt: skip


def _alert(s: Settings, name: str) -> str:
    source = getattr(s.alerts, name)
    kinds = [k for k, v in (("token", source.token), ("hmac", source.hmac_secret)) if _is_set(v)]
    return f"/alerts/{name}, {' and '.join(kinds)} set"
