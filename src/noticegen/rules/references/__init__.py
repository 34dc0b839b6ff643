"""References: ids and anchors that must point at something the notice defines."""

from ..base import Rule
from .undefined_reference import UndefinedReference

RULES: tuple[type[Rule], ...] = (UndefinedReference,)
