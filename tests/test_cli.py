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
