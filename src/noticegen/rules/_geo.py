"""Country codes the rules share: the United Kingdom's, and the placeholder `noticegen init`
writes where it does not know the country."""

from __future__ import annotations

from ..model.countries import PLACEHOLDER

UK = frozenset({"GB", "UK"})
"""The United Kingdom: its ISO 3166-1 code `GB`, and `UK`, which notices write too."""

PLACEHOLDER_COUNTRY = PLACEHOLDER
"""ISO 3166-1 leaves XX to users: no country has it, so `noticegen init` writes it."""


def is_placeholder_country(code: str) -> bool:
    """Whether `code` is the placeholder `XX` (NG804 reports it): it names no country, so no
    rule should read it as one, inside or outside any region."""
    return code.strip().upper() == PLACEHOLDER_COUNTRY
