"""Rules of the i18n family."""

from ..base import Rule

RULES: tuple[type[Rule], ...] = ()
