"""The sections of a published notice, stated once: their anchors, headings and fields.

The renderer lays the page out from `SECTIONS` (which sections a notice has, their headings and
the contents), review reports each change under the group that lists the section of its field
(`review.groups`), the reference rules check links against the same anchors, and an entity
whose id is taken by a section or the page itself gets a prefixed anchor (`assign_anchors`), so
a link written in prose means the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sized
from typing import NamedTuple

from .notice import Notice
from .terms import N_


class PageSection(NamedTuple):
    anchor: str
    """The section's id in the page (`#rights`)."""
    heading: str
    """Its heading, an English msgid of the built-in catalogs."""
    fields: tuple[str, ...]
    """The notice's fields it shows (`supplements`: the supplements published with it). A
    change to one of them is reported under the review group that lists the section."""
    shown_by: tuple[str, ...] | None = None
    """The fields whose holding something puts the section on the page; None: any of
    `fields`; empty: always shown."""

    def shown(self, values: Mapping[str, object]) -> bool:
        """Whether the page has this section, given the values of the fields by name."""
        if self.shown_by == ():
            return True
        names = self.fields if self.shown_by is None else self.shown_by
        return any(_holds(values.get(name)) for name in names)


def _holds(value: object) -> bool:
    """Whether a field holds something to show: an empty mapping or list holds nothing."""
    if isinstance(value, Sized):
        return len(value) > 0
    return value is not None


# What the first layer sums up, a line each.
_FIRST_LAYER = ("controller", "data", "purposes", "recipients", "transfers", "retention", "rights",
                "requests")  # fmt: skip

SECTIONS: tuple[PageSection, ...] = (
    PageSection("at-a-glance", N_("At a glance"), _FIRST_LAYER, shown_by=()),
    PageSection("controller", N_("Who we are"), ("controller",)),
    PageSection("scope", N_("What this notice covers"), ("scope",)),
    PageSection(
        "data-flows",
        N_("How your data flows"),
        ("purposes", "data", "recipients", "retention"),
        shown_by=("data",),
    ),
    PageSection("data", N_("Data we collect"), ("data",)),
    PageSection("purposes", N_("Why we use your data"), ("purposes",)),
    PageSection("recipients", N_("Who receives your data"), ("recipients",)),
    PageSection("transfers", N_("International transfers"), ("transfers",)),
    PageSection("retention", N_("How long we keep your data"), ("retention",)),
    PageSection("rights", N_("Your rights"), ("rights", "consent_withdrawal")),
    PageSection("requests", N_("How to make a request"), ("requests",)),
    PageSection("cookies", N_("Cookies and similar technologies"), ("cookies",)),
    PageSection("children", N_("Children"), ("children",)),
    PageSection("security", N_("How we protect your data"), ("security",)),
    PageSection("promises", N_("Our commitments"), ("promises",)),
    PageSection("changes", N_("Changes to this notice"), ("changes",)),
    PageSection("documents", N_("Related documents"), ("documents",)),
    PageSection("supplements", N_("Additional information for some regions"), ("supplements",)),
)
BY_ANCHOR: dict[str, PageSection] = {section.anchor: section for section in SECTIONS}


def shown_sections(notice: Notice, supplements: Sized) -> dict[str, bool]:
    """Whether the page has each section, by anchor: a section a parent notice covers is
    shown for its link to the parent even when the notice holds nothing else for it."""
    values = {name: getattr(notice, name) for name in type(notice).model_fields}
    values["supplements"] = supplements
    covered = set(notice.notice.parent.covers) if notice.notice.parent else set()
    return {
        section.anchor: section.shown(values) or section.anchor in covered for section in SECTIONS
    }


# Anchors the page uses itself besides its sections.
_PAGE_ANCHORS = (
    "main",
    "contents",
    "contact",
    "dpo",
    "eu-representative",
    "uk-representative",
    "supervisory-authority",
    "consent-withdrawal",
    "ccpa-categories",
)
RESERVED_ANCHORS = frozenset({*(section.anchor for section in SECTIONS), *_PAGE_ANCHORS})


class EntryKind(NamedTuple):
    """A list or mapping of the notice whose entries each get an anchor (their id)."""

    field: str
    kind: str
    """The prefix of an entry's anchor when its id is taken (`purpose-security`)."""
    noun: str
    """How review and lint messages name one entry, in English."""


# In the order anchors are assigned: an id already taken gets `<kind>-<id>`.
ENTRY_KINDS: tuple[EntryKind, ...] = (
    EntryKind("data", "data", "data category"),
    EntryKind("purposes", "purpose", "purpose"),
    EntryKind("recipients", "recipient", "recipient"),
    EntryKind("transfers", "transfer", "transfer"),
    EntryKind("retention", "retention", "retention rule"),
    EntryKind("rights", "right", "right"),
    EntryKind("cookies", "cookie", "cookie"),
    EntryKind("promises", "promise", "promise"),
    EntryKind("sections", "section", "section"),
    EntryKind("documents", "document", "document"),
)


def entries(notice: Notice) -> Iterator[tuple[EntryKind, str, tuple[str | int, ...]]]:
    """Every entry that gets an anchor, as (its kind, its id, where the id is written)."""
    for entry_kind in ENTRY_KINDS:
        value = getattr(notice, entry_kind.field)
        if isinstance(value, list):  # entries that carry their id (retention rules)
            for i, item in enumerate(value):
                yield entry_kind, item.id, (entry_kind.field, i, "id")
        else:
            for key in value:
                yield entry_kind, str(key), (entry_kind.field, str(key))


def assign_anchors(
    notice: Notice, reserved: Iterable[str] = RESERVED_ANCHORS
) -> dict[tuple[str, str], str]:
    """Each entity's anchor is its id; a later entity whose id is taken gets `<kind>-<id>`."""
    taken = set(reserved)
    anchors: dict[tuple[str, str], str] = {}
    for entry_kind, entity_id, _ in entries(notice):
        anchor = entity_id if entity_id not in taken else f"{entry_kind.kind}-{entity_id}"
        taken.add(anchor)
        anchors[(entry_kind.kind, entity_id)] = anchor
    return anchors
