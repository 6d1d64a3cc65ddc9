"""Configuration: clear errors naming the key, secrets kept out of the YAML."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gateway.config import ConfigError, load_settings

ROOT = Path(__file__).resolve().parents[1]


def test_committed_config_is_valid_and_uses_embedded_redis() -> None:
    settings = load_settings(ROOT / "config" / "firstline.yaml", env={})
    assert settings.redis.url is None
    assert settings.http.port == 8080


def test_environment_overrides_the_file(tmp_path: Path) -> None:
    settings = load_settings(
        ROOT / "config" / "firstline.yaml",
        env={
            "REDIS_URL": "redis://10.0.0.5:6380/2",
            "FIRSTLINE__HTTP__PORT": "9001",
            "TELEGRAM_BOT_TOKEN": "123:abc",
            "FIRSTLINE__WEB__ALLOWED_ORIGINS": '["https://intranet.example"]',
        },
    )
    assert settings.redis.url == "redis://10.0.0.5:6380/2"
    assert settings.http.port == 9001
    assert settings.telegram.token is not None
    assert settings.telegram.token.get_secret_value() == "123:abc"
    assert "123:abc" not in repr(settings)
    assert settings.web.allowed_origins == ["https://intranet.example"]


def test_wrong_value_names_the_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("http:\n  port: eighty\nworker:\n  shards: 0\n")
    with pytest.raises(ConfigError) as err:
        load_settings(bad, env={})
    text = str(err.value)
    assert "http.port" in text and "eighty" in text
    assert "worker.shards" in text


def test_unknown_key_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("telegram:\n  tokn_file: x\n")
    with pytest.raises(ConfigError, match=r"telegram\.tokn_file: unknown setting"):
        load_settings(bad, env={})


def test_secret_in_the_yaml_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("viber:\n  enabled: true\n  auth_token: 4453b6ac1234\n")
    with pytest.raises(ConfigError, match=r"viber\.auth_token: secrets must not be in the config"):
        load_settings(bad, env={})


def test_secrets_file_supplies_secrets(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets.yaml"
    secrets.write_text("viber:\n  auth_token: 4453b6ac1234\n")
    settings = load_settings(None, env={"FIRSTLINE_SECRETS_FILE": str(secrets)})
    assert settings.viber.auth_token is not None


def test_config_check_command_reports_the_bad_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("logging:\n  level: LOUD\n")
    done = subprocess.run(
        [sys.executable, "-m", "gateway", "config", "check", str(bad)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 2
    assert "logging.level" in done.stderr
    ok = subprocess.run(
        [sys.executable, "-m", "gateway", "config", "check", "config/firstline.yaml"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert "valid" in ok.stdout


def test_enabled_channel_without_its_token_is_refused(tmp_path: Path) -> None:
    cfg = tmp_path / "tg.yaml"
    cfg.write_text("telegram:\n  enabled: true\n  mode: webhook\n")
    with pytest.raises(ConfigError, match=r"telegram\.token: required"):
        load_settings(cfg, env={})
    with pytest.raises(ConfigError, match=r"telegram\.webhook_url: webhook mode needs"):
        load_settings(cfg, env={"TELEGRAM_BOT_TOKEN": "1:x"})
    settings = load_settings(
        cfg,
        env={
            "TELEGRAM_BOT_TOKEN": "1:x",
            "TELEGRAM_WEBHOOK_SECRET": "s3cret",
            "FIRSTLINE__HTTP__PUBLIC_URL": "https://support.example",
        },
    )
    assert settings.telegram.mode == "webhook"


def test_sla_needs_every_priority(tmp_path: Path) -> None:
    cfg = tmp_path / "sla.yaml"
    cfg.write_text("sla:\n  first_response_minutes: {P1: 10, P2: 0}\n")
    with pytest.raises(ConfigError, match=r"sla\.first_response_minutes: .*P1, P2, P3, P4"):
        load_settings(cfg, env={})


def test_meta_channels_need_their_secrets_from_the_environment(tmp_path: Path) -> None:
    config = tmp_path / "meta.yaml"
    config.write_text('whatsapp:\n  enabled: true\n  phone_number_id: "1149"\n')
    with pytest.raises(ConfigError, match=r"whatsapp\.access_token: required.*WHATSAPP_ACCESS"):
        load_settings(config, env={})
    with pytest.raises(ConfigError, match=r"meta\.app_secret: required.*META_APP_SECRET"):
        load_settings(config, env={"WHATSAPP_ACCESS_TOKEN": "EAAG-token"})
    env = {
        "WHATSAPP_ACCESS_TOKEN": "EAAG-token",
        "META_APP_SECRET": "app-secret-0123",
        "META_VERIFY_TOKEN": "verify-me",
    }
    settings = load_settings(config, env=env)
    assert settings.whatsapp.access_token is not None
    assert "app-secret-0123" not in repr(settings)
    committed = tmp_path / "committed.yaml"
    committed.write_text("messenger:\n  enabled: true\n  access_token: EAAG-page-token\n")
    with pytest.raises(ConfigError, match=r"messenger\.access_token: secrets must not be in"):
        load_settings(committed, env={})
    bad = tmp_path / "bad.yaml"
    bad.write_text("whatsapp:\n  templates:\n    birthday: {en: {name: hi, language: en}}\n")
    with pytest.raises(ConfigError, match=r"whatsapp\.templates.*unknown template purposes"):
        load_settings(bad, env={})


def test_the_redis_topology_needs_its_addresses(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"redis\.sentinels and redis\.service: required"):
        load_settings(None, env={"FIRSTLINE__REDIS__TOPOLOGY": "sentinel"})
    with pytest.raises(ConfigError, match=r"redis\.cluster_nodes: required"):
        load_settings(None, env={"FIRSTLINE__REDIS__TOPOLOGY": "cluster"})
    with pytest.raises(ConfigError, match=r"not host:port: 'sentinel-1'"):
        load_settings(
            None,
            env={
                "FIRSTLINE__REDIS__TOPOLOGY": "sentinel",
                "FIRSTLINE__REDIS__SENTINELS": '["sentinel-1"]',
            },
        )
    settings = load_settings(
        None,
        env={
            "FIRSTLINE__REDIS__TOPOLOGY": "sentinel",
            "FIRSTLINE__REDIS__SENTINELS": '["10.0.0.1:26379", "10.0.0.2:26379"]',
            "FIRSTLINE__REDIS__WAIT_REPLICAS": "1",
            "REDIS_PASSWORD": "s3cret",
        },
    )
    assert settings.redis.sentinels == ["10.0.0.1:26379", "10.0.0.2:26379"]
    assert not settings.redis.embedded and settings.redis.wait_replicas == 1
    assert settings.redis.password is not None
    assert settings.redis.password.get_secret_value() == "s3cret"
    committed = tmp_path / "redis.yaml"
    committed.write_text("redis:\n  sentinel_password: oops\n")
    with pytest.raises(ConfigError, match=r"redis\.sentinel_password: secrets must not be"):
        load_settings(committed, env={})


def readme_directory_block() -> str:
    """The README's self-service configuration, as an admin copies it."""
    readme = (ROOT / "README.md").read_text("utf-8")
    start = readme.index("```yaml\ndirectory:\n  enabled: true")
    return readme[start + len("```yaml\n") : readme.index("```", start + 3)]


def test_the_readmes_protected_group_is_one_group(tmp_path: Path) -> None:
    """Outside pass: the README wrote `protected_groups: [cn=admins,ou=groups,dc=example,
    dc=org]`; YAML's flow list made it four items, no group's DN, so nobody was protected:
    an administrator asked /reset on a chat and was sent a reset link."""
    config = tmp_path / "firstline.yaml"
    config.write_text(readme_directory_block())
    settings = load_settings(config, env={"DIRECTORY_PASSWORD": "x"})
    assert settings.directory.protected_groups == ["cn=admins,ou=groups,dc=example,dc=org"]


@pytest.mark.parametrize(
    "groups", ["[cn=admins,ou=groups,dc=example,dc=org]", "[CN=Domain Admins,CN=Users,DC=x]"]
)
def test_a_group_dn_split_by_the_yaml_list_is_refused(tmp_path: Path, groups: str) -> None:
    config = tmp_path / "firstline.yaml"
    config.write_text(f"directory:\n  protected_groups: {groups}\n")
    with pytest.raises(ConfigError, match=r"directory\.protected_groups") as err:
        load_settings(config, env={})
    assert "quote each DN" in str(err.value)
    ok = 'directory:\n  protected_groups: ["cn=a\\\\, b,ou=groups,dc=x", "CN=Admins,DC=x"]\n'
    config.write_text(ok)
    assert load_settings(config, env={}).directory.protected_groups == [
        "cn=a\\, b,ou=groups,dc=x",
        "CN=Admins,DC=x",
    ]


@pytest.mark.parametrize(
    ("yaml_text", "key", "got"),
    [
        ('http: {public_url: "support.example.com"}', r"http\.public_url", "support.example.com"),
        ('http: {public_url: "ftp://support.example.com"}', r"http\.public_url", "ftp://"),
        ('viber: {api_base: "chatapi.viber.com/pa"}', r"viber\.api_base", "chatapi"),
        ('viber: {webhook_url: "https:// x"}', r"viber\.webhook_url", "https:// x"),
        ('viber: {bot_avatar: "avatar.png"}', r"viber\.bot_avatar", "avatar.png"),
        ('telegram: {api_base: "api.telegram.org"}', r"telegram\.api_base", "api.telegram"),
        ('meta: {graph_base: "https://"}', r"meta\.graph_base", "https://"),
        ('whatsapp: {webhook_url: "/webhooks/whatsapp"}', r"whatsapp\.webhook_url", "/webhooks"),
        ('whatsapp: {phone_number_id: "+380 44 123"}', r"whatsapp\.phone_number_id", "+380"),
        ('messenger: {page_id: "IT Support page"}', r"messenger\.page_id", "IT Support"),
        ('instagram: {page_id: "@itsupport"}', r"instagram\.page_id", "@itsupport"),
    ],
)
def test_an_address_or_id_a_channel_cannot_use_is_refused_by_name(
    tmp_path: Path, yaml_text: str, key: str, got: str
) -> None:
    """Outside pass: `config check` said "viber on: webhook support.example.com/webhooks/viber"
    (and ftp://…) for a public_url without https://, and took a Page id with spaces into
    the Graph path: each is refused, naming the key and what was given."""
    cfg = tmp_path / "bad.yaml"
    cfg.write_text(yaml_text + "\n")
    with pytest.raises(ConfigError, match=key) as refused:
        load_settings(cfg, env={})
    assert got in str(refused.value)
    assert "Traceback" not in str(refused.value)
    check = subprocess.run(
        [sys.executable, "-m", "gateway", "config", "check", str(cfg)],
        capture_output=True, text=True, cwd=ROOT, env={"PATH": "/usr/bin:/bin"}, check=False,
    )  # fmt: skip
    assert check.returncode == 2 and "Traceback" not in check.stderr + check.stdout


def test_the_addresses_the_readme_and_the_tests_use_are_taken(tmp_path: Path) -> None:
    cfg = tmp_path / "good.yaml"
    cfg.write_text(
        "http: {public_url: 'https://support.example.com/'}\n"
        "viber: {api_base: 'http://127.0.0.1:8081/pa', bot_avatar: ''}\n"
        "telegram: {webhook_url: 'https://support.example.com:8443/webhooks/telegram'}\n"
        "meta: {graph_base: 'http://[::1]:9000'}\n"
        "whatsapp: {phone_number_id: '114896151713920'}\n"
        "messenger: {page_id: ''}\n"
    )
    settings = load_settings(cfg, env={})
    assert settings.http.public_url == "https://support.example.com/"
    assert settings.messenger.page_id == ""
