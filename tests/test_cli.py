"""The `firstline` command as people run it: one clean line for every error, never a
traceback; passwords from stdin for scripts; the bundled knowledge base from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gateway.store import Store

ROOT = Path(__file__).resolve().parents[1]


def firstline(
    *args: str, cwd: Path, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    run_env = {k: v for k, v in os.environ.items() if not k.startswith(("FIRSTLINE", "REDIS"))}
    run_env["PYTHONPATH"] = str(ROOT)
    run_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "gateway", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=run_env,
        timeout=120,
    )


def one_clean_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if " INFO " not in line]
    assert "Traceback" not in stderr, stderr
    assert len(lines) == 1, stderr
    return lines[0]


async def test_operator_add_reads_the_password_from_stdin(
    tmp_path: Path, redis_url: str, store: Store
) -> None:
    done = firstline(
        "operator", "add", "carl", "--name", "Carl", "--role", "lead", "--groups", "network",
        "--password-stdin",
        cwd=tmp_path, stdin="long enough secret\n", env={"REDIS_URL": redis_url},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "operator carl saved (lead, L1)"
    account = await store.operators.get_account("carl")
    assert account is not None and account["role"] == "lead"
    assert account["groups"] == ["network"] and "long enough" not in str(account)


def test_operator_add_without_a_terminal_says_how_instead_of_crashing(
    tmp_path: Path, redis_url: str
) -> None:
    done = firstline(
        "operator", "add", "carl", cwd=tmp_path, stdin="only one line\n",
        env={"REDIS_URL": redis_url},
    )  # fmt: skip
    assert done.returncode == 2
    assert "--password-stdin" in one_clean_line(done.stderr)
    short = firstline(
        "operator", "add", "carl", "--password-stdin", cwd=tmp_path, stdin="short\n",
        env={"REDIS_URL": redis_url},
    )  # fmt: skip
    assert short.returncode == 2
    assert one_clean_line(short.stderr) == "operator add: password: use at least 8 characters"


def test_the_bundled_knowledge_base_is_found_outside_the_checkout(tmp_path: Path) -> None:
    done = firstline("faq", "check", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("OK: ") and done.stdout.strip().endswith("/faq")
    matched = firstline("faq", "match", "VPN won't connect from home", "--top", "1", cwd=tmp_path)
    assert '"vpn_connect"' in matched.stdout


def test_serve_with_a_missing_knowledge_base_names_the_setting(
    tmp_path: Path, redis_url: str
) -> None:
    missing = tmp_path / "no-such-faq"
    done = firstline(
        "serve", "--port", "0", cwd=tmp_path,
        env={"REDIS_URL": redis_url, "FIRSTLINE_FAQ_DIR": str(missing)},
    )  # fmt: skip
    assert done.returncode == 2
    line = one_clean_line(done.stderr)
    assert line.startswith(f"knowledge base: {missing}: not a directory")
    assert "FIRSTLINE_FAQ_DIR" in line and "faq_dir" in line


def test_an_unreachable_redis_and_a_missing_config_are_one_line_each(tmp_path: Path) -> None:
    done = firstline(
        "operator", "add", "carl", "--password-stdin", cwd=tmp_path, stdin="long enough secret\n",
        env={"REDIS_URL": "redis://127.0.0.1:1/0"},
    )  # fmt: skip
    assert done.returncode == 1
    assert one_clean_line(done.stderr).startswith("firstline operator add: ")
    config = firstline("-c", str(tmp_path / "nope.yaml"), "config", "check", cwd=tmp_path)
    assert config.returncode == 2
    assert one_clean_line(config.stderr).endswith("nope.yaml: file not found")


def test_a_usage_mistake_is_one_line(tmp_path: Path) -> None:
    done = firstline("operator", "add", "carl", "--role", "boss", cwd=tmp_path)
    assert done.returncode == 2
    line = one_clean_line(done.stderr)
    assert line.startswith("firstline operator add: argument --role: invalid choice: 'boss'")


def test_commands_that_run_no_channel_need_none_of_its_secrets(
    tmp_path: Path, redis_url: str
) -> None:
    """Outside pass: with Telegram enabled, `firstline report`, `faq gaps` and `operator add`
    from an admin's shell (the bot's token is in the service's environment, not theirs)
    failed with "telegram.token: required when telegram is enabled"; with an alert source
    enabled (outside pass, session 14) with "alerts.grafana: token or hmac_secret required"."""
    config = tmp_path / "firstline.yaml"
    config.write_text(
        "telegram:\n  enabled: true\nviber:\n  enabled: true\n"
        "alerts:\n  alertmanager: {enabled: true}\n  grafana: {enabled: true}\n",
        "utf-8",
    )
    env = {"REDIS_URL": redis_url}
    report = firstline("-c", str(config), "report", "--format", "json", cwd=tmp_path, env=env)
    assert report.returncode == 0, report.stderr
    assert '"deflection"' in report.stdout
    gaps = firstline("-c", str(config), "faq", "gaps", cwd=tmp_path, env=env)
    assert gaps.returncode == 0, gaps.stderr
    added = firstline(
        "-c", str(config), "operator", "add", "erin", "--password-stdin",
        cwd=tmp_path, stdin="long enough secret\n", env=env,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    # what runs the channels still asks for their secrets, naming them
    check = firstline("-c", str(config), "config", "check", cwd=tmp_path, env=env)
    assert check.returncode == 2
    assert "telegram.token: required when telegram is enabled" in one_clean_line(check.stderr)
    serve = firstline("-c", str(config), "serve", "--port", "0", cwd=tmp_path, env=env)
    assert serve.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in one_clean_line(serve.stderr)
    config.write_text("alerts:\n  grafana: {enabled: true}\n", "utf-8")
    check = firstline("-c", str(config), "config", "check", cwd=tmp_path, env=env)
    assert check.returncode == 2
    assert "alerts.grafana: token or hmac_secret required" in one_clean_line(check.stderr)


def states_printed(stdout: str) -> dict[str, str]:
    """`config check`'s "channels and services" lines as {name: the rest}."""
    lines = stdout.split("channels and services:\n", 1)[1].splitlines()
    return dict(line.strip().split(None, 1) for line in lines if line.startswith("  "))


def test_config_check_says_each_channel_and_service_s_state_without_secrets(
    tmp_path: Path,
) -> None:
    """Outside pass: `config check` printed five channels' True/False and nothing of mail,
    the directory or the alert sources, and stopped at the first problem. It lists each one
    on, off or misconfigured and why, and never prints a secret."""
    config = tmp_path / "firstline.yaml"
    config.write_text(
        "http: {public_url: 'https://desk.example.org'}\n"
        "telegram: {enabled: true, mode: webhook}\nviber: {enabled: true}\n"
        "messenger: {enabled: true}\n"
        "email:\n  enabled: true\n  address: support@example.org\n"
        "  imap: {enabled: true, host: imap.example.org, username: support}\n"
        "directory:\n  enabled: true\n  url: ldaps://ldap.example.org:636\n"
        "  bind_dn: cn=firstline,ou=services,dc=example,dc=org\n"
        "  base_dn: ou=people,dc=example,dc=org\n"
        "alerts:\n  alertmanager: {enabled: true}\n  grafana: {enabled: true}\n",
        "utf-8",
    )
    secrets = {"TELEGRAM_BOT_TOKEN": "123:tg-secret-77", "VIBER_AUTH_TOKEN": "viber-secret-77",
               "FIRSTLINE__ALERTS__ALERTMANAGER__TOKEN": "am-secret-77",
               "EMAIL_IMAP_PASSWORD": "imap-secret-77"}  # fmt: skip
    check = firstline("-c", str(config), "config", "check", cwd=tmp_path, env=secrets)
    assert check.returncode == 2  # start-up would stop: the first problem on stderr
    assert "telegram.webhook_secret: required" in one_clean_line(check.stderr)
    states = states_printed(check.stdout)
    assert states["telegram"].startswith("misconfigured: telegram.webhook_secret: required")
    assert states["viber"] == "on: webhook https://desk.example.org/webhooks/viber; auth token set"
    assert states["messenger"].startswith("misconfigured: messenger.access_token: required")
    assert "meta.app_secret: required" in states["messenger"]
    assert states["whatsapp"] == states["instagram"] == "off"
    assert states["email"].startswith("on: support@example.org; IMAP imap.example.org:993 (tls)")
    assert states["directory"].startswith("misconfigured: ") and "DIRECTORY_PASSWORD" in (
        states["directory"]
    )
    assert states["alerts.alertmanager"] == "on: /alerts/alertmanager, token set"
    assert states["alerts.grafana"].startswith("misconfigured: alerts.grafana: token or hmac")
    assert states["alerts.zabbix"] == "off"
    assert states["webchat"].startswith("on: session secret missing")
    assert "secret-77" not in check.stdout + check.stderr
    # Mended, it is valid, and each is on with what it uses; still no secret printed.
    fixed = {**secrets, "TELEGRAM_WEBHOOK_SECRET": "hook-secret-77",
             "MESSENGER_PAGE_TOKEN": "page-secret-77", "META_APP_SECRET": "app-secret-77",
             "META_VERIFY_TOKEN": "verify-secret-77", "DIRECTORY_PASSWORD": "dir-secret-77",
             "FIRSTLINE__ALERTS__GRAFANA__HMAC_SECRET": "graf-secret-77",
             "FIRSTLINE_SESSION_SECRET": "session-secret-77"}  # fmt: skip
    check = firstline("-c", str(config), "config", "check", cwd=tmp_path, env=fixed)
    assert check.returncode == 0, check.stderr
    states = states_printed(check.stdout)
    assert states["telegram"].startswith("on: webhook https://desk.example.org/webhooks/telegram")
    assert states["directory"].startswith("on: openldap ldaps://ldap.example.org:636 (TLS)")
    assert states["alerts.grafana"] == "on: /alerts/grafana, hmac set"
    assert states["webchat"] == "on: session secret set"
    assert "secret-77" not in check.stdout + check.stderr


def test_config_check_names_the_webhook_paths_the_connectors_serve() -> None:
    """`config check` keeps its own copy of each webhook path (it loads no channel's client);
    the copy must be the path the connector serves, or the check shows an operator a URL the
    gateway does not answer."""
    from gateway import service_states
    from gateway.connectors import telegram, viber

    assert service_states.TELEGRAM_PATH == telegram.WEBHOOK_PATH
    assert service_states.VIBER_PATH == viber.WEBHOOK_PATH


def test_an_imap_mailbox_without_a_password_is_refused_at_start_as_config_check_says(
    tmp_path: Path,
) -> None:
    """Outside pass, session 16: with IMAP on and no EMAIL_IMAP_PASSWORD, `config check`
    said "on: ... password missing" (exit 0) and `serve` started, /readyz listed email, and
    the reader failed and retried in the background. Like every other channel missing a
    secret it is misconfigured: `config check` says why, `serve` refuses with that reason."""
    config = tmp_path / "firstline.yaml"
    config.write_text(
        "email:\n  enabled: true\n  address: support@example.org\n"
        "  imap: {enabled: true, host: imap.example.org, username: support}\n",
        "utf-8",
    )
    why = "email.imap.password: required for IMAP intake (EMAIL_IMAP_PASSWORD)"
    check = firstline("-c", str(config), "config", "check", cwd=tmp_path)
    assert check.returncode == 2
    assert why in one_clean_line(check.stderr)
    assert states_printed(check.stdout)["email"] == f"misconfigured: {why}"
    serve = firstline("-c", str(config), "serve", "--port", "0", cwd=tmp_path)
    assert serve.returncode == 2
    assert why in one_clean_line(serve.stderr)
    # With the password it is on, and what it uses is printed without it.
    env = {"EMAIL_IMAP_PASSWORD": "imap-secret-16"}
    check = firstline("-c", str(config), "config", "check", cwd=tmp_path, env=env)
    assert check.returncode == 0, check.stderr
    assert "user support, password set" in states_printed(check.stdout)["email"]
    assert "imap-secret-16" not in check.stdout + check.stderr


def test_counts_ports_and_periods_out_of_range_are_one_line_refusals(tmp_path: Path) -> None:
    """Outside pass (hard-out19): `worker --count 0` (or -2) ran no worker, said nothing
    and exited 0; `serve --port 99999` started the whole gateway and then failed to bind
    ("firstline serve: OverflowError: bind(): port must be 0-65535."); `faq gaps --days -3`
    reported "0 ... last -3 days"; `faq match --top -1` printed the matches but the last.
    Each is refused before anything starts, with the argument named, as a usage mistake."""
    for args, said in (
        (("worker", "--count", "0"), "argument --count: must be 1 or more (got 0)"),
        (("worker", "--count", "-2"), "argument --count: must be 1 or more (got -2)"),
        (("serve", "--port", "99999"), "argument --port: a port is 0-65535 (got 99999)"),
        (("faq", "gaps", "--days", "-3"), "argument --days: must be more than 0 days (got -3)"),
        (("faq", "gaps", "--days", "nan"), "argument --days: must be more than 0 days (got nan)"),
        (("faq", "match", "printer", "--top", "-1"), "argument --top: must be 1 or more (got -1)"),
    ):
        done = firstline(*args, cwd=tmp_path, env={"REDIS_URL": "redis://127.0.0.1:1/0"})
        assert done.returncode == 2, (args, done.stderr)
        line = one_clean_line(done.stderr)
        assert said in line and line.startswith("firstline "), (args, line)
