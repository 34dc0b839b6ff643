"""The groups a reader recognises in a notice's changes, each with its heading and the fields
of the notice (and of a supplement) whose changes are reported under it, in reading order."""

from __future__ import annotations

from typing import NamedTuple


class Group(NamedTuple):
    key: str
    heading: str
    fields: tuple[str, ...]
    """The fields of the notice and of a supplement reported under this group."""


OTHER = "other"

GROUPS: dict[str, Group] = {
    group.key: group
    for group in (
        Group("notice", "About the notice", ("notice", "scope", "changes")),
        Group("data", "Data collected", ("data",)),
        Group("purposes", "Purposes and legal bases", ("purposes",)),
        Group("recipients", "Recipients", ("recipients",)),
        Group("transfers", "International transfers", ("transfers",)),
        Group("retention", "Retention", ("retention",)),
        Group("rights", "Your rights", ("rights", "requests", "consent_withdrawal")),
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
