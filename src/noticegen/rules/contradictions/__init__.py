"""Rules of the contradictions family."""

from ..base import Rule

RULES: tuple[type[Rule], ...] = ()
