"""Which destinations are inside the EEA (and the UK), for transfer rules."""

from __future__ import annotations

from ...model.terms import Region

EEA = frozenset(
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
        "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
        "IS", "LI", "NO", Region.EEA, Region.EU,
    }
)  # fmt: skip
"""EU member states, Iceland, Liechtenstein and Norway, as ISO 3166-1 alpha-2 codes."""


def outside_eea(country: str) -> bool:
    return country.upper() not in EEA


def place(country: str) -> str:
    """A destination as a sentence names it: `WORLDWIDE` reads "countries worldwide"."""
    return "countries worldwide" if country == Region.WORLDWIDE else country
