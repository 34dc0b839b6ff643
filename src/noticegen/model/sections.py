"""The sections of a published notice, stated once: their anchors and headings.

The renderer lays the page out from `SECTIONS`, the reference rules check links against the
same anchors, and an entity whose id is taken by a section or the page itself gets a prefixed
anchor (`assign_anchors`), so a link written in prose means the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from .notice import Notice


def N_(text: str) -> str:
    """Marks a built-in string for extraction (the gettext convention); translated on use."""
    return text


class PageSection(NamedTuple):
    anchor: str
    """The section's id in the page (`#rights`)."""
    heading: str
    """Its heading, an English msgid of the built-in catalogs."""


SECTIONS: tuple[PageSection, ...] = (
    PageSection("at-a-glance", N_("At a glance")),
    PageSection("controller", N_("Who we are")),
    PageSection("scope", N_("What this notice covers")),
    PageSection("data-flows", N_("How your data flows")),
    PageSection("data", N_("Data we collect")),
    PageSection("purposes", N_("Why we use your data")),
    PageSection("recipients", N_("Who receives your data")),
    PageSection("transfers", N_("International transfers")),
    PageSection("retention", N_("How long we keep your data")),
    PageSection("rights", N_("Your rights")),
    PageSection("requests", N_("How to make a request")),
    PageSection("cookies", N_("Cookies and similar technologies")),
    PageSection("children", N_("Children")),
    PageSection("security", N_("How we protect your data")),
    PageSection("promises", N_("Our commitments")),
    PageSection("changes", N_("Changes to this notice")),
    PageSection("documents", N_("Related documents")),
    PageSection("supplements", N_("Additional information for some regions")),
)

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


def assign_anchors(
    notice: Notice, reserved: Iterable[str] = RESERVED_ANCHORS
) -> dict[tuple[str, str], str]:
    """Each entity's anchor is its id; a later entity whose id is taken gets `<kind>-<id>`."""
    taken = set(reserved)
    anchors: dict[tuple[str, str], str] = {}
    entities: list[tuple[str, Iterable[str]]] = [
        ("data", notice.data),
        ("purpose", notice.purposes),
        ("recipient", notice.recipients),
        ("transfer", notice.transfers),
        ("retention", (r.id for r in notice.retention)),
        ("right", (str(r) for r in notice.rights)),
        ("cookie", notice.cookies),
        ("promise", notice.promises),
        ("section", notice.sections),
        ("document", notice.documents),
    ]
    for kind, ids in entities:
        for entity_id in ids:
            anchor = entity_id if entity_id not in taken else f"{kind}-{entity_id}"
            taken.add(anchor)
            anchors[(kind, entity_id)] = anchor
    return anchors
