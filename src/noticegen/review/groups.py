"""The groups a reader recognises in a notice's changes, each with its heading and the sections
of the page whose fields (`model.sections`) are reported under it, in reading order."""

from __future__ import annotations

from typing import NamedTuple

from ..model.sections import BY_ANCHOR


class Group(NamedTuple):
    key: str
    heading: str
    sections: tuple[str, ...]
    """The anchors of the page's sections whose fields are reported under this group."""
    more: tuple[str, ...] = ()
    """Fields of no section reported under it (the notice's own details, in its header)."""

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields of the notice and of a supplement reported under this group."""
        return (*self.more, *(f for anchor in self.sections for f in BY_ANCHOR[anchor].fields))


OTHER = "other"

GROUPS: dict[str, Group] = {
    group.key: group
    for group in (
        Group("notice", "About the notice", ("scope", "changes"), more=("notice",)),
        Group("data", "Data collected", ("data",)),
        Group("purposes", "Purposes and legal bases", ("purposes",)),
        Group("recipients", "Recipients", ("recipients",)),
        Group("transfers", "International transfers", ("transfers",)),
        Group("retention", "Retention", ("retention",)),
        Group("rights", "Your rights", ("rights", "requests")),
        Group("cookies", "Cookies and similar technologies", ("cookies",)),
        Group("contact", "Contact", ("controller",)),
        # Every field no other group names: children, security, promises, sections, ...
        Group(OTHER, "Other text", ()),
    )
}

_GROUP_OF_FIELD = {field: group.key for group in GROUPS.values() for field in group.fields}


def group_of(field: str) -> str:
    """The group a field of the notice or of a supplement is reported under."""
    return _GROUP_OF_FIELD.get(field, OTHER)
