"""Review: what changed since the previous version, and what is left to complete."""

from ..base import Rule
from .effective_date_backwards import EffectiveDateBackwards
from .material_change_not_logged import MaterialChangeNotLogged
from .notice_undated import NoticeUndated
from .placeholder_left import PlaceholderLeft
from .right_without_text import RightWithoutText
from .section_without_text import SectionWithoutText
from .version_not_bumped import VersionNotBumped

RULES: tuple[type[Rule], ...] = (
    VersionNotBumped,
    MaterialChangeNotLogged,
    EffectiveDateBackwards,
    PlaceholderLeft,
    NoticeUndated,
    SectionWithoutText,
    RightWithoutText,
)
