"""Rules of the publishing family."""

from ..base import Rule

RULES: tuple[type[Rule], ...] = ()
