"""References: ids and anchors that must point at something the notice defines."""

from ..base import Rule
from .broken_anchor import BrokenAnchor
from .duplicate_anchor import DuplicateAnchor
from .raw_html_in_prose import RawHtmlInProse
from .undefined_reference import UndefinedReference
from .unsafe_link import UnsafeLink

RULES: tuple[type[Rule], ...] = (
    UndefinedReference,
    BrokenAnchor,
    UnsafeLink,
    DuplicateAnchor,
    RawHtmlInProse,
)
