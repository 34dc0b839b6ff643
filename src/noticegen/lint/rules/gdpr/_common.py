"""What the GDPR rules share: the profiles they serve, the rights offered, the legal bases used
and which destinations count as abroad."""

from __future__ import annotations

from ....model import Jurisdiction, LegalBasis, Right
from ....model.terms import Region
from ...context import LintContext
from .._geo import UK, adequate, outside_eea
from .._text import listed

GDPR_PROFILES = frozenset({"gdpr", "uk-gdpr"})
_GDPR_JURISDICTIONS = {Jurisdiction.GDPR, Jurisdiction.UK_GDPR}


def offered_rights(ctx: LintContext) -> set[Right]:
    """Rights the notice offers, with those of its GDPR and UK GDPR supplements."""
    offered = set(ctx.notice.rights)
    for _, supplement in ctx.supplements:
        if supplement.supplement.jurisdiction in _GDPR_JURISDICTIONS:
            offered |= set(supplement.rights)
    return offered


def purposes_on(ctx: LintContext, *bases: LegalBasis) -> list[str]:
    """Ids of the purposes that rest on one of `bases`."""
    return [pid for pid, p in ctx.notice.purposes.items() if any(map(p.relies_on, bases))]


def purposes_without_basis(ctx: LintContext) -> list[str]:
    return [pid for pid, p in ctx.notice.purposes.items() if not p.legal_basis]


def basis_reason(ctx: LintContext, bases: tuple[LegalBasis, ...], words: str) -> str | None:
    """Why a right tied to `bases` applies: purposes on them, or purposes whose basis is not
    stated (the right cannot then be ruled out). None when every basis rules it out."""
    on = purposes_on(ctx, *bases)
    if on:
        return f", which applies to {listed(on)} ({words})"
    unstated = purposes_without_basis(ctx)
    if unstated:
        return (
            f", which cannot be ruled out while {listed(unstated)} state no legal basis "
            f"(it applies to {words})"
        )
    return None


def abroad(ctx: LintContext, country: str) -> bool:
    """Whether sending data to `country` is a transfer the notice must explain.

    Under the GDPR that is any country outside the EEA (the UK included). A notice served only
    under the UK GDPR treats the UK and the EEA as home: the EEA is covered by UK adequacy
    regulations and data collected directly by an EEA controller is not transferred.
    """
    if country == Region.WORLDWIDE:
        return True
    if ctx.has_profile("gdpr"):
        return outside_eea(country)
    return outside_eea(country) and country not in UK


def covered_without_mechanism(ctx: LintContext, country: str) -> bool:
    """Whether any recipient in `country` may receive data with no transfer mechanism under
    every GDPR law the notice is checked against: an adequacy decision that covers the whole
    country (not one for certified organisations only, which the notice must claim)."""
    if country == "WORLDWIDE":
        return False
    laws = [law for law in sorted(GDPR_PROFILES) if ctx.has_profile(law)]
    return bool(laws) and all(adequate(country, law, certified=False) for law in laws)
