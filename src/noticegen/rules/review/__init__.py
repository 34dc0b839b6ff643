"""Rules of the review family."""

from ..base import Rule

RULES: tuple[type[Rule], ...] = ()
