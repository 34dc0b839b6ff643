"""Rule options from the configuration (`[tool.noticegen.options.CODE]`) change what a rule
accepts; the case files run without options, so the options are tested here. Each rule reads
only its own options, checked by its own model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from test_cases import write_case

from noticegen.lint.config import CONFIG_FILE, load_config
from noticegen.lint.linting import lint
from noticegen.sources.loading import load


def fired(tmp_path: Path, code: str, patch: dict[str, Any], **options: dict[str, Any]) -> bool:
    """Whether rule `code` reports the base notice with `patch`, given options by rule code
    in the notice folder's noticegen.toml."""
    write_case(tmp_path / "n", {"patch": patch})
    tables = "".join(
        f"[options.{c}]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in o.items())
        for c, o in options.items()
    )
    (tmp_path / "n" / CONFIG_FILE).write_text(tables, encoding="utf-8")
    config = load_config(tmp_path / "n" / CONFIG_FILE)
    findings = lint(load(tmp_path / "n"), config, ["ccpa"])
    return any(f.rule == code for f in findings)


EMAIL_ONLY = {"requests": {"methods": [{"kind": "email", "value": "privacy@example.com"}]}}


def test_online_only_business_needs_only_an_email(tmp_path: Path) -> None:
    online = {"online_only": True}
    assert fired(tmp_path / "a", "NG415", EMAIL_ONLY)
    assert not fired(tmp_path / "c", "NG415", EMAIL_ONLY, NG415=online)
    assert not fired(tmp_path / "d", "NG416", EMAIL_ONLY, NG416=online)


def test_toll_free_number_owed_only_where_online_only_is_ruled_out(tmp_path: Path) -> None:
    # Unknown: NG416 does not guess (NG422 asks for the fact); false: the number is owed.
    assert not fired(tmp_path / "a", "NG416", EMAIL_ONLY)
    assert fired(tmp_path / "b", "NG416", EMAIL_ONLY, NG416={"online_only": False})
    stated = {**EMAIL_ONLY, "business": {"online_only": True}}
    assert not fired(tmp_path / "c", "NG416", stated, NG416={"online_only": False})


def test_a_rule_does_not_read_another_rules_options(tmp_path: Path) -> None:
    online = {"online_only": True}
    assert fired(tmp_path / "a", "NG416", EMAIL_ONLY, NG416={"online_only": False}, NG415=online)
    assert fired(tmp_path / "b", "NG415", EMAIL_ONLY, NG416=online)


def test_online_only_business_still_needs_an_email(tmp_path: Path) -> None:
    web_form = {"requests": {"methods": [{"kind": "web_form", "value": "https://example.com/r"}]}}
    assert fired(tmp_path, "NG415", web_form, NG415={"online_only": True})


LAST_UPDATE_2025 = {"notice": {"version": "2.0.0", "effective": "2025-01-10"}}


def test_annual_update_checked_against_the_configured_date(tmp_path: Path) -> None:
    assert not fired(tmp_path / "a", "NG419", LAST_UPDATE_2025)
    assert not fired(tmp_path / "b", "NG419", LAST_UPDATE_2025, NG419={"as_of": "2025-12-31"})
    assert fired(tmp_path / "c", "NG419", LAST_UPDATE_2025, NG419={"as_of": "2026-02-01"})
    reviewed = {"notice": {**LAST_UPDATE_2025["notice"], "last_reviewed": "2025-11-01"}}
    assert not fired(tmp_path / "d", "NG419", reviewed, NG419={"as_of": "2026-02-01"})


def test_sensitive_data_used_only_for_permitted_purposes(tmp_path: Path) -> None:
    sensitive = {"data": {"contact.email": {"sensitive": True}}}
    assert fired(tmp_path / "a", "NG409", sensitive)
    assert not fired(tmp_path / "b", "NG409", sensitive, NG409={"permitted_purposes_only": True})
