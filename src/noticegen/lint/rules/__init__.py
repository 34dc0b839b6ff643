"""The rule registry: every family, listed explicitly; each family lists its rules.

A family is a package of this one; its name is the package's name.
"""

from __future__ import annotations

from types import ModuleType

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
    schema,
)
from .base import Rule, RuleOptions, Violation

_FAMILY_PACKAGES: tuple[ModuleType, ...] = (
    schema,
    references,
    consistency,
    contradictions,
    gdpr,
    ccpa,
    lgpd,
    eprivacy,
    prose,
    i18n,
    publishing,
    review,
)
FAMILIES: dict[str, tuple[type[Rule], ...]] = {
    package.__name__.rpartition(".")[2]: package.RULES for package in _FAMILY_PACKAGES
}

ALL_RULES: tuple[type[Rule], ...] = tuple(r for rules in FAMILIES.values() for r in rules)
BY_CODE: dict[str, type[Rule]] = {r.code: r for r in ALL_RULES}

__all__ = ["ALL_RULES", "BY_CODE", "FAMILIES", "Rule", "RuleOptions", "Violation"]
