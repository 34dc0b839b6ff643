"""Rules of the prose family."""

from ..base import Rule

RULES: tuple[type[Rule], ...] = ()
