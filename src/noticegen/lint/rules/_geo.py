"""Countries as the rules read them: the EEA, the United Kingdom, which destinations an
adequacy decision covers (from `model.adequacy`, the one table of them), and the placeholder
`noticegen init` writes where it does not know the country."""

from __future__ import annotations

from ...model.adequacy import BY_COUNTRY, EEA, Decision
from ...model.countries import PLACEHOLDER
from ...model.terms import Region

__all__ = [
    "EEA",
    "UK",
    "adequacy_decision",
    "adequate",
    "is_placeholder_country",
    "outside_eea",
    "place",
]

UK = frozenset({"GB"})
"""The United Kingdom by its ISO 3166-1 code (the model refuses `UK` and suggests `GB`)."""


def is_placeholder_country(code: str) -> bool:
    """Whether `code` is the placeholder `XX` (NG804 reports it): it names no country, so no
    rule should read it as one, inside or outside any region."""
    return code == PLACEHOLDER


def outside_eea(country: str) -> bool:
    return country not in EEA


def place(country: str) -> str:
    """A destination as a sentence names it: `WORLDWIDE` reads "countries worldwide"."""
    return "countries worldwide" if country == Region.WORLDWIDE else country


def adequacy_decision(country: str, law: str) -> Decision | None:
    """The decision of `law` (`gdpr`: the Commission's; `uk-gdpr`: the UK's regulations) that
    finds `country` adequate, if any."""
    record = BY_COUNTRY.get(country)
    if record is None:
        return None
    return record.eu if law == "gdpr" else record.uk


def adequate(country: str, law: str, *, certified: bool = True) -> bool:
    """Whether data may go to `country` under `law` (`gdpr` or `uk-gdpr`) with no transfer
    mechanism: inside the EEA (and the UK, under the UK GDPR) or covered by an adequacy
    decision. A decision that covers only certified organisations counts only if `certified`
    (the notice says the recipient is)."""
    if country in EEA or (law == "uk-gdpr" and country in UK):
        return True
    decision = adequacy_decision(country, law)
    return decision is not None and (certified or not decision.certified_only)
