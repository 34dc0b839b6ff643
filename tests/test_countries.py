"""Country codes are checked against ISO 3166-1 alpha-2, with the code a wrong one most likely
meant; groups of countries only where a field allows them."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticegen.model.countries import iso_countries, nearest
from noticegen.sources.loading import load

BASE = (Path(__file__).parent / "rules" / "base" / "notice.yaml").read_text(encoding="utf-8")
TRANSFER = """
transfers:
  abroad:
    destination: {code}
"""
RECIPIENT = """
recipients:
  helpdesk: {{label: Helpdesk, kind: processor, data: [contact.email], countries: [{codes}]}}
"""


def _findings(tmp_path: Path, text: str) -> list[tuple[str, int, str]]:
    (tmp_path / "notice.yaml").write_text(text, encoding="utf-8")
    return [(f.rule, f.position.line, f.message) for f in load(tmp_path).findings]


def test_the_countries_are_iso_3166_1_and_only_those() -> None:
    countries = iso_countries()
    assert len(countries) == 249  # ISO 3166-1 as amended to 2024
    assert {"GB", "FR", "US", "SS", "BQ", "AQ"} <= countries.keys()
    # CLDR's regions, ISO's exceptionally reserved and user-assigned codes, Kosovo's XK.
    assert not {"EU", "EZ", "QO", "UN", "XA", "XB", "XK", "ZZ", "UK", "AC", "IC"} & countries.keys()


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("UK", ["GB"]),
        ("gb", ["GB"]),
        ("GBR", ["GB"]),
        ("826", ["GB"]),
        ("Belgium", ["BE"]),
        ("belgium", ["BE"]),
        ("Germny", ["DE"]),
        ("AN", ["BQ", "CW", "SX"]),
        ("ZZ", []),
        ("QO", []),
    ],
)
def test_a_wrong_code_suggests_what_it_most_likely_means(written: str, meant: list[str]) -> None:
    assert nearest(written) == meant


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("ZZ", "`ZZ` is not an ISO 3166-1 alpha-2 country code: no country has it"),
        ("UK", "`UK` is not an ISO 3166-1 alpha-2 country code (did you mean `GB` for United"),
        ("Belgium", "(did you mean `BE` for Belgium?)"),
        ("EEA", "`EEA` is not an ISO 3166-1 alpha-2 country code"),  # an address is in a country
    ],
)
def test_an_address_country_outside_iso_3166_is_a_finding_at_its_line(
    tmp_path: Path, code: str, words: str
) -> None:
    text = BASE.replace("country: BE", f"country: {code}", 1)
    [(rule, line, message)] = _findings(tmp_path, text)
    assert (rule, line) == ("NG004", 15)
    assert words in message and "pattern" not in message


@pytest.mark.parametrize("code", ["EEA", "EU", "WORLDWIDE", "JP", "XX"])
def test_a_transfer_may_name_a_group_of_countries_or_the_placeholder(
    tmp_path: Path, code: str
) -> None:
    findings = _findings(tmp_path, BASE + TRANSFER.format(code=code))
    assert not [f for f in findings if f[0] == "NG004"]


# `UK` included: the rules know the United Kingdom by `GB` alone, so the model must refuse it.
@pytest.mark.parametrize("code", ["XK", "UK"])
def test_a_transfer_to_a_code_no_country_has_is_a_finding(tmp_path: Path, code: str) -> None:
    text = BASE + TRANSFER.format(code=code)
    assert [(rule, line) for rule, line, _ in _findings(tmp_path, text)] == [
        ("NG004", text.count("\n"))
    ]


def test_a_recipient_country_is_checked_too(tmp_path: Path) -> None:
    text = BASE + RECIPIENT.format(codes="IE, ZZ")
    [(rule, _, message)] = _findings(tmp_path, text)
    assert rule == "NG004" and "countries.1" in message and "`ZZ`" in message
