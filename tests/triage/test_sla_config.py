"""The `sla` section: calendars per group from YAML become the due times tickets get."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from gateway.config import ConfigError, load_settings
from gateway.models import Priority
from gateway.runtime import sla_policy

CONFIG = """
sla:
  timezone: Europe/Kyiv
  calendars:
    office:
      timezone: Europe/Kyiv
      hours: {mon: "09:00-18:00", tue: "09:00-18:00", wed: "09:00-18:00",
              thu: "09:00-18:00", fri: "09:00-18:00"}
      holidays: ["2026-11-09"]
  group_calendars: {hardware: office}
"""


def test_group_calendar_from_yaml_sets_working_due_times(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(CONFIG)
    policy = sla_policy(load_settings(path, env={}))
    kyiv = ZoneInfo("Europe/Kyiv")
    friday = datetime(2026, 11, 6, 17, 55, tzinfo=kyiv).timestamp()
    first, _ = policy.due_times(Priority.P2, friday, "hardware")
    assert datetime.fromtimestamp(first, kyiv) == datetime(2026, 11, 10, 9, 25, tzinfo=kyiv)
    assert policy.due_times(Priority.P2, friday, "email")[0] == friday + 30 * 60


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            "  group_calendars: {hardware: night}\n",
            r"sla\.group_calendars\.hardware: no calendar named 'night'",
        ),
        ("  group_calendars: {printers: office}\n", "unknown support groups"),
        ("  calendars: {x: {hours: {mon: '9 to 5'}}}\n", "HH:MM-HH:MM"),
        ("  timezone: Nowhere/City\n", "unknown time zone"),
    ],
)
def test_bad_sla_settings_are_refused_by_name(tmp_path: Path, extra: str, message: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("sla:\n" + extra)
    with pytest.raises(ConfigError, match=message):
        load_settings(path, env={})
