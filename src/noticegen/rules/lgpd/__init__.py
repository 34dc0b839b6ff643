"""Rules of the lgpd family."""

from ..base import Rule

RULES: tuple[type[Rule], ...] = ()
