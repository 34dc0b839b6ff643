"""The rule registry: every rule, listed explicitly by family."""

from __future__ import annotations

from . import (
    ccpa,
    consistency,
    contradictions,
    eprivacy,
    gdpr,
    i18n,
    lgpd,
    prose,
    publishing,
    references,
    review,
)
from .base import Rule, Violation
from .schema import LOADER_RULES

FAMILIES: dict[str, tuple[type[Rule], ...]] = {
    "schema": LOADER_RULES,
    "references": references.RULES,
    "consistency": consistency.RULES,
    "contradictions": contradictions.RULES,
    "gdpr": gdpr.RULES,
    "ccpa": ccpa.RULES,
    "lgpd": lgpd.RULES,
    "eprivacy": eprivacy.RULES,
    "prose": prose.RULES,
    "i18n": i18n.RULES,
    "publishing": publishing.RULES,
    "review": review.RULES,
}

ALL_RULES: tuple[type[Rule], ...] = tuple(r for rules in FAMILIES.values() for r in rules)
BY_CODE: dict[str, type[Rule]] = {r.code: r for r in ALL_RULES}

__all__ = ["ALL_RULES", "BY_CODE", "FAMILIES", "Rule", "Violation"]
