"""Which destinations are inside the EEA (and the UK), for transfer rules."""

from __future__ import annotations

EEA = frozenset(
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
        "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
        "IS", "LI", "NO", "EEA", "EU",
    }
)  # fmt: skip
"""EU member states, Iceland, Liechtenstein and Norway, as ISO 3166-1 alpha-2 codes."""


def outside_eea(country: str) -> bool:
    return country.upper() not in EEA


def outside_uk(country: str) -> bool:
    """Destinations outside the UK. The EEA is covered by UK adequacy regulations, but a
    transfer there is still a transfer, so only the UK itself is inside."""
    return country.upper() not in {"GB", "UK"}


def place(country: str) -> str:
    """A destination as a sentence names it: `WORLDWIDE` reads "countries worldwide"."""
    return "countries worldwide" if country == "WORLDWIDE" else country
