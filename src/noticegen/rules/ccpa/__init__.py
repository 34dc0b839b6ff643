"""Rules of the ccpa family."""

from ..base import Rule

RULES: tuple[type[Rule], ...] = ()
