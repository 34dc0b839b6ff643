"""A record of processing activities (GDPR Art. 30(1)) from the notice, one row per purpose,
in the column layout of the ICO's "Documentation template for controllers" (sheet
`Template`: the contact block of rows 1-6, then the first 20 columns of the table; the
columns after them concern the UK Data Protection Act 2018 Schedule 1).

What a notice cannot know (the business function, links to contracts and assessments, where
the data is stored) is written as `TO_FILL_IN` for the controller to complete, as is any
contact detail the notice lacks.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Iterable

from ...model import (
    Address,
    BasisStatement,
    Contact,
    DataCategory,
    LegalBasis,
    Notice,
    Recipient,
    RecipientKind,
    SpecialCategoryCondition,
)
from ...model.base import related
from ...model.processing import own_terms_article

TO_FILL_IN = "[to be completed by the controller]"

COLUMNS = (
    "Business function",
    "Purpose of processing",
    "Name and contact details of joint controller (if applicable)",
    "Categories of individuals",
    "Categories of personal data",
    "Categories of recipients",
    "Link to contract with processor",
    "Names of third countries or international organisations that personal data are "
    "transferred to (if applicable)",
    "Safeguards for exceptional transfers of personal data to third countries or international "
    "organisations (if applicable)",
    "Retention schedule (if possible)",
    "General description of technical and organisational security measures (if possible)",
    "Article 6 lawful basis for processing personal data",
    "Article 9 condition for processing special category data",
    "Legitimate interests for the processing (if applicable)",
    "Link to record of legitimate interests assessment (if applicable)",
    "Rights available to individuals",
    "Existence of automated decision-making, including profiling (if applicable)",
    "The source of the personal data (if applicable)",
    "Link to record of consent",
    "Location of personal data",
)
CONTACT_COLUMNS = ("", "Name", "Address", "Email", "Telephone")


def _address(address: Address | None) -> str:
    if address is None:
        return TO_FILL_IN
    parts = [address.street, address.postal_code, address.locality, address.region]
    return ", ".join(p for p in parts if p) + f", {address.country}"


def _contact(title: str, contact: Contact | None) -> list[str]:
    if contact is None:
        return [title, TO_FILL_IN, "", "", ""]
    return [
        title,
        contact.name or TO_FILL_IN,
        _address(contact.postal_address),
        contact.email or "",
        contact.phone or "",
    ]


def _article(value: LegalBasis | SpecialCategoryCondition) -> str:
    """A GDPR basis or Art. 9(2) condition as its article and name: `Art. 6(1)(a) consent`."""
    return f"{str(value.citation).removeprefix('GDPR ')} {value.wording}"


def _basis_in_ropa(statement: BasisStatement) -> str:
    """The basis as its article, with the jurisdictions it is limited to."""
    basis = statement.basis
    text = _article(basis) if isinstance(basis, LegalBasis) else own_terms_article(basis)
    where = ", ".join(statement.jurisdictions)
    return f"{text} ({where})" if where else text


def _join(items: Iterable[str]) -> str:
    return "; ".join(dict.fromkeys(i for i in items if i))


def _role(recipient: Recipient) -> str:
    # A role the notice does not state is the controller's to give, as is the contract with
    # a recipient that may be its processor.
    return recipient.kind.wording if recipient.kind else TO_FILL_IN


def _source(data: DataCategory) -> str:
    # A source the notice does not state is the controller's to give (Art. 30(1) asks for it
    # where it is known), not a blank that reads as "not applicable".
    return data.source.wording if data.source else TO_FILL_IN


def contact_rows(notice: Notice) -> list[list[str]]:
    """Rows 1-4 of the template: who is responsible, and how to reach them."""
    controller = notice.controller
    representative = controller.eu_representative or controller.uk_representative
    return [
        list(CONTACT_COLUMNS),
        [
            "Controller",
            controller.legal_name or f"{controller.name} {TO_FILL_IN}",
            _address(controller.postal_address),
            controller.email or TO_FILL_IN,
            controller.phone or TO_FILL_IN,
        ],
        _contact("Data Protection Officer", controller.dpo),
        _contact("Representative", representative) if representative else
        ["Representative", "", "", "", ""],
    ]  # fmt: skip


def activity_rows(notice: Notice) -> list[list[str]]:
    """One row per purpose, in the template's columns."""
    rows = []
    audiences = _join(notice.scope.audiences) or TO_FILL_IN
    measures = _join(notice.security.measures) if notice.security else ""
    rights = _join(right.wording for right in notice.rights) or TO_FILL_IN
    for pid, purpose in notice.purposes.items():
        covered = [d for d in notice.data if any(related(r, d) for r in purpose.data)]
        recipients = {rid: r for rid, r in notice.recipients.items() if pid in r.purposes}
        transfers = [t for t in notice.transfers.values() if set(t.recipients) & set(recipients)]
        retention = [
            f"{', '.join(rule.data)}: "
            + (
                _join([rule.period or "", f"after {rule.after.wording}" if rule.after else ""])
                or (rule.criteria or "").strip()
                or ("" if rule.stored else "not stored")
            )
            for rule in notice.retention
            if any(related(r, d) for r in rule.data for d in covered)
        ]
        special = any(notice.data[d].special_category for d in covered)
        decision = purpose.automated_decision
        condition = purpose.special_category_condition
        rows.append([
            TO_FILL_IN,
            purpose.label,
            "",
            audiences,
            _join(notice.data[d].label for d in covered),
            _join(f"{r.label} ({_role(r)})" for r in recipients.values()),
            TO_FILL_IN
            if any(r.kind in (RecipientKind.PROCESSOR, None) for r in recipients.values())
            else "",
            _join(t.destination for t in transfers),
            _join(t.safeguard.wording if t.safeguard else TO_FILL_IN for t in transfers),
            _join(retention) or TO_FILL_IN,
            measures or TO_FILL_IN,
            _join(_basis_in_ropa(s) for s in purpose.legal_basis) or TO_FILL_IN,
            (_article(condition) if condition else TO_FILL_IN) if special else "",
            purpose.legitimate_interest or "",
            TO_FILL_IN if purpose.relies_on(LegalBasis.LEGITIMATE_INTERESTS) else "",
            rights,
            "Yes: " + " ".join(decision.logic.split()) if decision else
            ("Profiling" if purpose.profiling else "No"),
            _join(_source(notice.data[d]) for d in covered),
            TO_FILL_IN if purpose.relies_on(LegalBasis.CONSENT) else "",
            TO_FILL_IN,
        ])  # fmt: skip
    return rows


def sheet_rows(notice: Notice) -> list[list[str]]:
    """The whole sheet: contact block, a blank row, the table."""
    return [*contact_rows(notice), [], list(COLUMNS), *activity_rows(notice)]


def ropa_csv(notice: Notice) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(sheet_rows(notice))
    return out.getvalue().encode("utf-8")


_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def ropa_xlsx(notice: Notice) -> bytes:
    """The same sheet as an Excel workbook, byte-identical for the same notice: the document
    dates are the notice's effective date and every zip entry carries one fixed time."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Template"
    for row in sheet_rows(notice):
        sheet.append(row)
    bold = Font(bold=True)
    header_row = len(contact_rows(notice)) + 2
    for cell in sheet[header_row]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in sheet[1]:
        cell.font = bold
    effective = datetime.datetime.combine(notice.notice.dated.effective, datetime.time())
    book.properties.creator = "noticegen"
    book.properties.created = effective
    book.properties.modified = effective
    raw = io.BytesIO()
    book.save(raw)
    return _normalised_zip(raw.getvalue(), effective)


def _normalised_zip(data: bytes, when: datetime.datetime) -> bytes:
    """The workbook re-packed with fixed entry times, and openpyxl's save time replaced."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                    lambda m: m.group(1) + stamp.encode(),
                    content,
                )
            entry = zipfile.ZipInfo(item.filename, date_time=_FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return out.getvalue()
