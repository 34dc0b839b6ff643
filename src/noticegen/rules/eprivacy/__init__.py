"""Rules of the eprivacy family."""

from ..base import Rule

RULES: tuple[type[Rule], ...] = ()
