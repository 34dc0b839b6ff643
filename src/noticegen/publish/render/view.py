"""What the templates show, derived from the model: anchors, the data-flow table, the CCPA table.

Everything here is a plain reading of the model; nothing is added that the model does not hold.
The labels of the model's vocabulary values are in their records (`noticegen.model.terms`).
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterable
from dataclasses import dataclass

from ...model import (
    BasisValue,
    CcpaCategory,
    Notice,
    Purpose,
    Recipient,
    RetentionRule,
    Right,
    RightDetail,
    Source,
    Transfer,
)
from ...model.base import covers, duration_days, related
from ...model.sections import SECTIONS
from ...model.sections import shown_sections as shown_sections  # for the templates

# Top-level sections of the page, in order: anchor -> heading msgid (from model.sections).
SECTION_TITLES: dict[str, str] = {section.anchor: section.heading for section in SECTIONS}


def msgid(text: str) -> str:
    """Marks an English built-in string for extraction; the template translates it."""
    return text


_DURATION = re.compile(
    r"^P(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?$"
)
DURATION_UNITS: dict[str, tuple[str, str]] = {
    "years": (msgid("{count} year"), msgid("{count} years")),
    "months": (msgid("{count} month"), msgid("{count} months")),
    "weeks": (msgid("{count} week"), msgid("{count} weeks")),
    "days": (msgid("{count} day"), msgid("{count} days")),
    "hours": (msgid("{count} hour"), msgid("{count} hours")),
    "minutes": (msgid("{count} minute"), msgid("{count} minutes")),
    "seconds": (msgid("{count} second"), msgid("{count} seconds")),
}


def duration_parts(value: str) -> list[tuple[str, int]]:
    """An ISO 8601 duration as (msgid, count) pairs, e.g. P1Y6M -> year 1, months 6."""
    match = _DURATION.match(value)
    if match is None:
        return []
    parts = []
    for unit, (one, many) in DURATION_UNITS.items():
        count = match.group(unit)
        if count is not None:
            parts.append((one if int(count) == 1 else many, int(count)))
    return parts


@dataclass
class PurposeFlow:
    """One row of the data-flow table: a purpose, the data it uses, its legal basis, who
    receives that data for it and how long each part of it is kept."""

    purpose_id: str
    purpose: Purpose
    data_ids: list[str]
    recipients: list[tuple[str, Recipient]]
    retention: list[tuple[RetentionRule, list[str]]]
    """Each rule covering some of the purpose's data, with the data ids it covers."""


def _mentions(references: Iterable[str], data_id: str) -> bool:
    return any(related(ref, data_id) for ref in references)


def _receives_for(recipient: Recipient, purpose_id: str, data_ids: list[str]) -> bool:
    """A recipient that names its purposes receives data for those; one that names none is
    counted for every purpose whose data it receives."""
    if recipient.purposes:
        return purpose_id in recipient.purposes
    return any(_mentions(recipient.data, d) for d in data_ids)


def purpose_flows(notice: Notice) -> list[PurposeFlow]:
    rows = []
    for pid, purpose in notice.purposes.items():
        data_ids = data_covered_by(notice, purpose.data)
        retention = []
        for rule in notice.retention:
            covered = [d for d in data_ids if _mentions(rule.data, d)]
            if covered:
                retention.append((rule, covered))
        rows.append(
            PurposeFlow(
                purpose_id=pid,
                purpose=purpose,
                data_ids=data_ids,
                recipients=[
                    (rid, r)
                    for rid, r in notice.recipients.items()
                    if _receives_for(r, pid, data_ids)
                ],
                retention=retention,
            )
        )
    return rows


def purposes_by_basis(
    notice: Notice,
) -> list[tuple[BasisValue | None, list[tuple[str, Purpose]]]]:
    """The purposes grouped by legal basis, in the order of GDPR Art. 6(1) then of the other
    laws' own bases; a purpose with several bases under each; purposes without one last,
    under None."""
    groups: dict[BasisValue | None, list[tuple[str, Purpose]]] = {}
    for pid, purpose in notice.purposes.items():
        bases: Iterable[BasisValue | None] = dict.fromkeys(s.basis for s in purpose.legal_basis)
        for basis in bases or [None]:
            groups.setdefault(basis, []).append((pid, purpose))
    order: list[BasisValue | None] = [
        *(b for law in typing.get_args(BasisValue) for b in law),
        None,
    ]
    return [(basis, groups[basis]) for basis in order if basis in groups]


def destinations(notice: Notice) -> list[tuple[str, list[tuple[str, Transfer]]]]:
    """Each destination country once, with the transfers to it, in the notice's order."""
    groups: dict[str, list[tuple[str, Transfer]]] = {}
    for tid, transfer in notice.transfers.items():
        groups.setdefault(str(transfer.destination), []).append((tid, transfer))
    return list(groups.items())


def retention_in_order(notice: Notice) -> list[RetentionRule]:
    """The retention rules from the shortest period to the longest; rules without a period
    (kept until an event, or by criteria) after them, in the notice's order."""
    timed = [r for r in notice.retention if r.period]
    untimed = [r for r in notice.retention if not r.period]
    return sorted(timed, key=lambda r: duration_days(r.period or "")) + untimed


# Rights the first layer names first (Art. 21(4) GDPR: the right to object to direct
# marketing is brought to the reader's attention), the rest behind a link.
FIRST_LAYER_RIGHTS = (
    Right.OBJECT_TO_DIRECT_MARKETING,
    Right.WITHDRAW_CONSENT,
    Right.ACCESS,
    Right.RECTIFICATION,
    Right.CORRECT,
    Right.ERASURE,
    Right.DELETE,
    Right.OPT_OUT_OF_SALE_OR_SHARING,
    Right.OBJECTION,
    Right.COMPLAINT,
)
FIRST_LAYER_RIGHTS_SHOWN = 6


def first_layer_rights(rights: Iterable[Right]) -> tuple[list[Right], int]:
    """The rights the first layer names and how many others the notice lists."""
    listed = list(rights)
    ranked = [r for r in FIRST_LAYER_RIGHTS if r in listed]
    shown = (ranked + [r for r in listed if r not in ranked])[:FIRST_LAYER_RIGHTS_SHOWN]
    return shown, len(listed) - len(shown)


def has_text(value: str | None) -> bool:
    """Whether a prose value says anything (an empty or blank one publishes nothing)."""
    return bool(value and value.strip())


def right_has_text(detail: RightDetail) -> bool:
    """Whether a right says more than its name, and so gets its own heading."""
    return any(map(has_text, (detail.description, detail.how, detail.limit_reason)))


@dataclass
class CcpaRow:
    """One CCPA category of personal information and what happened to it in the last 12 months."""

    category: CcpaCategory | None
    examples: list[str]
    sources: list[Source]
    source_names: list[str]
    purposes: list[tuple[str, Purpose]]
    disclosed_to: list[tuple[str, Recipient]]
    sold_to: list[tuple[str, Recipient]]
    shared_with: list[tuple[str, Recipient]]


def ccpa_rows(notice: Notice) -> list[CcpaRow]:
    """The categories collected in the last 12 months, with sources, purposes and recipients.

    Data without a CCPA category gets a row of its own (category None) so that nothing collected
    is left out; lint flags the missing category.
    """
    groups: dict[CcpaCategory | None, list[str]] = {}
    for data_id, data in notice.data.items():
        if data.collected_in_last_12_months:
            groups.setdefault(data.ccpa_category, []).append(data_id)
    order = [*CcpaCategory, None]
    rows = []
    for category in sorted(groups, key=order.index):
        ids = groups[category]
        items = [notice.data[i] for i in ids]
        sources = list(dict.fromkeys(d.source for d in items if d.source))
        names = list(dict.fromkeys(d.source_name for d in items if d.source_name))
        purposes = [
            (pid, p) for pid, p in notice.purposes.items() if any(_mentions(p.data, i) for i in ids)
        ]
        receiving = [
            (rid, r)
            for rid, r in notice.recipients.items()
            if any(_mentions(r.data, i) for i in ids)
        ]
        rows.append(
            CcpaRow(
                category=category,
                examples=[d.label for d in items],
                sources=sources,
                source_names=names,
                purposes=purposes,
                disclosed_to=[(rid, r) for rid, r in receiving if not (r.sale or r.sharing)],
                sold_to=[(rid, r) for rid, r in receiving if r.sale],
                shared_with=[(rid, r) for rid, r in receiving if r.sharing],
            )
        )
    return rows


def data_covered_by(notice: Notice, references: Iterable[str]) -> list[str]:
    """Declared data ids a list of references names, in declaration order."""
    refs = list(references)
    return [d for d in notice.data if any(covers(r, d) or covers(d, r) for r in refs)]
