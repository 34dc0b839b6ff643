"""Adequacy as the transfer rules read it, derived from the one table in `model.adequacy`."""

from __future__ import annotations

import pytest

from noticegen.model.adequacy import ADEQUACY, BY_COUNTRY, EEA
from noticegen.rules._geo import adequate


def test_one_record_per_country_each_with_a_decision() -> None:
    countries = [record.country for record in ADEQUACY]
    assert len(countries) == len(set(countries)) == len(BY_COUNTRY)
    assert all(len(c) == 2 and c.isupper() and c not in EEA for c in countries)
    assert all(record.eu or record.uk for record in ADEQUACY)


@pytest.mark.parametrize(
    ("country", "law", "certified", "expected"),
    [
        ("GB", "gdpr", False, True),  # Implementing Decision 2021/1772, renewed in 2025
        ("UK", "gdpr", False, True),  # notices write UK too
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
