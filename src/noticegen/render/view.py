"""What the templates show, derived from the model: anchors, the data-flow table, the CCPA table.

Everything here is a plain reading of the model; nothing is added that the model does not hold.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import (
    BasisValue,
    CcpaCategory,
    FadpJustification,
    Jurisdiction,
    LgpdBasis,
    Notice,
    Purpose,
    Recipient,
    RetentionRule,
    RightDetail,
    Transfer,
)
from ..model.base import covers, duration_days, related
from ..model.processing import own_terms_article
from ..model.sections import SECTIONS

# Top-level sections of the page, in order: anchor -> heading msgid (from model.sections).
SECTION_TITLES: dict[str, str] = {section.anchor: section.heading for section in SECTIONS}


def msgid(text: str) -> str:
    """Marks an English built-in string for extraction; the template translates it."""
    return text


LABELS: dict[str, str] = {
    # legal bases (GDPR Art. 6(1))
    "consent": msgid("Consent (GDPR Art. 6(1)(a))"),
    "contract": msgid("Performance of a contract (GDPR Art. 6(1)(b))"),
    "legal_obligation": msgid("Legal obligation (GDPR Art. 6(1)(c))"),
    "vital_interests": msgid("Vital interests (GDPR Art. 6(1)(d))"),
    "public_task": msgid("Public task (GDPR Art. 6(1)(e))"),
    "legitimate_interests": msgid("Legitimate interests (GDPR Art. 6(1)(f))"),
}
SOURCE_LABELS: dict[str, str] = {
    "provided": msgid("Provided by you"),
    "volunteered": msgid("Content you choose to give us"),
    "observed": msgid("Collected automatically when you use our services"),
    "derived": msgid("Derived from other data we hold"),
    "third_party": msgid("Received from third parties"),
    "public": msgid("Publicly available sources"),
}
RECIPIENT_KIND_LABELS: dict[str, str] = {
    "processor": msgid("Service provider acting on our instructions"),
    "controller": msgid("Independent controller"),
    "affiliate": msgid("Company in our group"),
    "public_authority": msgid("Public authority"),
    "public": msgid("The public"),
}
RIGHT_LABELS: dict[str, str] = {
    "access": msgid("Right of access"),
    "rectification": msgid("Right to rectification"),
    "erasure": msgid("Right to erasure"),
    "restriction": msgid("Right to restriction of processing"),
    "portability": msgid("Right to data portability"),
    "objection": msgid("Right to object"),
    "object_to_direct_marketing": msgid("Right to object to direct marketing"),
    "withdraw_consent": msgid("Right to withdraw consent"),
    "not_subject_to_automated_decisions": msgid("Right not to be subject to automated decisions"),
    "complaint": msgid("Right to lodge a complaint with a supervisory authority"),
    "know": msgid("Right to know"),
    "delete": msgid("Right to delete"),
    "correct": msgid("Right to correct"),
    "opt_out_of_sale_or_sharing": msgid("Right to opt out of sale or sharing"),
    "limit_sensitive": msgid("Right to limit the use of sensitive personal information"),
    "non_discrimination": msgid("Right to non-discrimination"),
    "confirmation": msgid("Right to confirmation of processing"),
    "anonymisation": msgid("Right to anonymisation, blocking or deletion"),
    "information_on_sharing": msgid("Right to information about sharing"),
    "information_on_consent": msgid("Right to information about refusing consent"),
    "appeal": msgid("Right to appeal a refused request"),
    "opt_out_of_targeted_advertising": msgid("Right to opt out of targeted advertising"),
    "opt_out_of_profiling": msgid("Right to opt out of profiling"),
    "shine_the_light": msgid("Right to know about disclosures for direct marketing"),
    "minors_content_removal": msgid("Right of minors to remove content they posted"),
}
EVENT_LABELS: dict[str, str] = {
    "account_closure": msgid("after your account is closed"),
    "contract_end": msgid("after the contract ends"),
    "request_resolved": msgid("after your request is resolved"),
    "consent_withdrawn": msgid("after you withdraw consent"),
    "last_activity": msgid("after your last activity"),
    "collection": msgid("after collection"),
    "user_deletion": msgid("after you delete it"),
}
UNTIL_LABELS: dict[str, str] = {
    "account_closure": msgid("Until your account is closed"),
    "contract_end": msgid("Until the contract ends"),
    "request_resolved": msgid("Until your request is resolved"),
    "consent_withdrawn": msgid("Until you withdraw consent"),
    "last_activity": msgid("Until your last activity"),
    "collection": msgid("Until collection"),
    "user_deletion": msgid("Until you delete it"),
}
ERASURE_LABELS: dict[str, str] = {
    "delete": msgid("Then deleted"),
    "anonymise": msgid("Then anonymised"),
    "hide": msgid("Then hidden from use"),
    "delete_or_anonymise": msgid("Then deleted or anonymised"),
}
SAFEGUARD_LABELS: dict[str, str] = {
    "adequacy": msgid("Adequacy decision"),
    "standard_contractual_clauses": msgid("Standard contractual clauses"),
    "binding_corporate_rules": msgid("Binding corporate rules"),
    "uk_idta": msgid("UK International Data Transfer Agreement"),
    "uk_addendum": msgid("UK Addendum to the standard contractual clauses"),
    "data_privacy_framework": msgid("EU-US Data Privacy Framework"),
    "derogation": msgid("Derogation for a specific situation (GDPR Art. 49)"),
    "lgpd_clauses": msgid("LGPD standard contractual clauses"),
    "privacy_shield": msgid("EU-US or Swiss-US Privacy Shield"),
}
CONDITION_LABELS: dict[str, str] = {
    "explicit_consent": msgid("Explicit consent (GDPR Art. 9(2)(a))"),
    "employment": msgid("Employment and social security law (GDPR Art. 9(2)(b))"),
    "vital_interests": msgid("Vital interests (GDPR Art. 9(2)(c))"),
    "not_for_profit": msgid("Not-for-profit body (GDPR Art. 9(2)(d))"),
    "made_public": msgid("Made public by you (GDPR Art. 9(2)(e))"),
    "legal_claims": msgid("Legal claims (GDPR Art. 9(2)(f))"),
    "substantial_public_interest": msgid("Substantial public interest (GDPR Art. 9(2)(g))"),
    "health_care": msgid("Health or social care (GDPR Art. 9(2)(h))"),
    "public_health": msgid("Public health (GDPR Art. 9(2)(i))"),
    "archiving_research": msgid("Archiving, research or statistics (GDPR Art. 9(2)(j))"),
}
METHOD_LABELS: dict[str, str] = {
    "email": msgid("Email"),
    "web_form": msgid("Web form"),
    "toll_free_phone": msgid("Toll-free telephone"),
    "phone": msgid("Telephone"),
    "postal": msgid("Post"),
    "in_account": msgid("In your account"),
}
TECHNOLOGY_LABELS: dict[str, str] = {
    "cookie": msgid("Cookie"),
    "local_storage": msgid("Local storage"),
    "pixel": msgid("Pixel"),
    "sdk": msgid("Software development kit"),
    "fingerprinting": msgid("Fingerprinting"),
}
JURISDICTION_LABELS: dict[str, str] = {j.value: j.label for j in Jurisdiction}
COOKIE_CATEGORY_LABELS: dict[str, str] = {
    "strictly_necessary": msgid("Strictly necessary cookies"),
    "functional": msgid("Functional cookies"),
    "analytics": msgid("Analytics cookies"),
    "advertising": msgid("Advertising cookies"),
    "social_media": msgid("Social media cookies"),
}
CCPA_LABELS: dict[str, str] = {
    "identifiers": msgid("Identifiers"),
    "customer_records": msgid("Customer records (Cal. Civ. Code 1798.80(e))"),
    "protected_classifications": msgid("Characteristics of protected classifications"),
    "commercial": msgid("Commercial information"),
    "biometric": msgid("Biometric information"),
    "internet_activity": msgid("Internet or other electronic network activity"),
    "geolocation": msgid("Geolocation data"),
    "sensory": msgid("Sensory data"),
    "professional": msgid("Professional or employment-related information"),
    "education": msgid("Education information"),
    "inferences": msgid("Inferences drawn from other personal information"),
    "sensitive": msgid("Sensitive personal information"),
}
REGION_LABELS: dict[str, str] = {
    "EEA": msgid("European Economic Area"),
    "EU": msgid("European Union"),
    "WORLDWIDE": msgid("Worldwide"),
}

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


def purposes_by_basis(notice: Notice) -> list[tuple[str | None, list[tuple[str, Purpose]]]]:
    """The purposes grouped by legal basis, in the order of GDPR Art. 6(1) then of the other
    laws' own bases; a purpose with several bases under each; purposes without one last,
    under None."""
    groups: dict[str | None, list[tuple[str, Purpose]]] = {}
    for pid, purpose in notice.purposes.items():
        bases = dict.fromkeys(str(s.basis) for s in purpose.legal_basis) or [None]
        for basis in bases:
            groups.setdefault(basis, []).append((pid, purpose))
    order: list[str | None] = [*(str(b) for law in typing.get_args(BasisValue) for b in law), None]
    return [(basis, groups[basis]) for basis in order if basis in groups]


def basis_text(basis: str) -> str:
    """The label key of a GDPR basis (translated by the template), or the article of a basis in
    another law's own terms (a citation, the same in every language)."""
    if basis in LABELS:
        return basis
    own: LgpdBasis | FadpJustification = (
        LgpdBasis(basis) if basis in LgpdBasis._value2member_map_ else FadpJustification(basis)
    )
    return own_terms_article(own)


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
    "object_to_direct_marketing",
    "withdraw_consent",
    "access",
    "rectification",
    "correct",
    "erasure",
    "delete",
    "opt_out_of_sale_or_sharing",
    "objection",
    "complaint",
)
FIRST_LAYER_RIGHTS_SHOWN = 6


def first_layer_rights(rights: Iterable[object]) -> tuple[list[str], int]:
    """The rights the first layer names and how many others the notice lists."""
    listed = [str(r) for r in rights]
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
    sources: list[str]
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
        sources = list(dict.fromkeys(str(d.source) for d in items))
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
