"""Rules of the gdpr family."""

from ..base import Rule

RULES: tuple[type[Rule], ...] = ()
