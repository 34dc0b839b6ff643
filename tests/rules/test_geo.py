"""Adequacy as the transfer rules read it, derived from the one table in `model.adequacy`."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cases import write_case

from noticegen.lint.config import Config
from noticegen.lint.linting import lint
from noticegen.lint.rules._geo import adequate
from noticegen.model.adequacy import ADEQUACY, BY_COUNTRY, EEA
from noticegen.sources.loading import load


def test_one_record_per_country_each_with_a_decision() -> None:
    countries = [record.country for record in ADEQUACY]
    assert len(countries) == len(set(countries)) == len(BY_COUNTRY)
    assert all(len(c) == 2 and c.isupper() and c not in EEA for c in countries)
    assert all(record.eu or record.uk for record in ADEQUACY)


@pytest.mark.parametrize(
    ("country", "law", "certified", "expected"),
    [
        ("GB", "gdpr", False, True),  # Implementing Decision 2021/1772, renewed in 2025
        ("GB", "uk-gdpr", False, True),  # home
        ("DE", "uk-gdpr", False, True),  # the EEA, Schedule 21 para. 4
        ("GI", "gdpr", False, False),  # Gibraltar: UK adequacy only
        ("GI", "uk-gdpr", False, True),
        ("BR", "gdpr", False, True),  # Implementing Decision 2026/179
        ("BR", "uk-gdpr", False, False),
        ("US", "gdpr", False, False),  # only organisations certified under the DPF
        ("US", "gdpr", True, True),
        ("US", "uk-gdpr", True, True),  # the UK Extension
        ("IN", "gdpr", True, False),
        ("WORLDWIDE", "gdpr", True, False),
    ],
)
def test_adequacy_by_law(country: str, law: str, certified: bool, expected: bool) -> None:
    assert adequate(country, law, certified=certified) is expected


def test_a_transfer_to_an_adequate_country_is_told_to_state_the_decision(tmp_path: Path) -> None:
    transfers = {"uk": {"destination": "GB"}, "india": {"destination": "IN"}}
    write_case(tmp_path, {"patch": {"transfers": transfers}})
    findings = [f for f in lint(load(tmp_path), Config(), ["gdpr"]) if f.rule == "NG307"]
    hints = {f.message.split("`")[1]: f.hint for f in findings}
    assert hints["uk"] == (
        "GB has an adequacy decision (Commission Implementing Decision (EU) 2021/1772, renewed "
        "on 19 December 2025 until 27 December 2031): state `safeguard: adequacy`."
    )
    assert hints["india"] == "State the transfer mechanism in `safeguard`."
