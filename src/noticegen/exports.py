"""Machine-readable answers derived from the model: Apple's App Privacy details, Google Play's
Data safety form, and a JSON-LD document in W3C Data Privacy Vocabulary (DPV) terms.

Each answer is derived from facts the model holds; where the model does not say, the answer is
`null` and listed under `undetermined`, and lint (NG901-NG903) reports it.
"""

from __future__ import annotations

import json
import re
from typing import Any, NamedTuple

from .context import related
from .model import DataCategory, LegalBasis, Notice, Purpose, RecipientKind, Right


class LabelType(NamedTuple):
    """Where one data category goes on the store labels and in DPV's personal-data taxonomy."""

    apple: str
    google_category: str
    google_type: str
    dpv: str | None
    """The DPV personal-data class, None when no narrower class than PersonalData is certain."""


def _t(apple: str, google_category: str, google_type: str, dpv: str | None) -> LabelType:
    return LabelType(apple, google_category, google_type, dpv)


def _when(*phrases: str) -> tuple[frozenset[str], ...]:
    """The signals for a type: a phrase matches when all its words are in the id or label."""
    return tuple(frozenset(phrase.split()) for phrase in phrases)


_OTHER = ("Other Data Types", "Personal info", "Other info")

# First match wins, in this order. Only phrases that name the type leave no doubt: "device"
# alone may be a device type (not an ID), "location" alone may be precise or coarse.
_BY_WORD: list[tuple[tuple[frozenset[str], ...], LabelType]] = [
    (
        _when("email"),
        _t("Email Address", "Personal info", "Email address", "pd:EmailAddress"),
    ),
    (
        _when("phone", "telephone", "mobile number"),
        _t("Phone Number", "Personal info", "Phone number", "pd:TelephoneNumber"),
    ),
    (
        _when("ip"),
        _t("Device ID", "Device or other IDs", "Device or other IDs", "pd:IPAddress"),
    ),
    (
        _when("idfa", "aaid", "gaid", "device id", "device ids", "device identifier",
              "device identifiers", "advertising id", "advertising identifier",
              "advertising identifiers", "cookie id", "cookie ids", "cookie identifier",
              "cookie identifiers"),
        _t("Device ID", "Device or other IDs", "Device or other IDs", "pd:DeviceBased"),
    ),
    (
        _when("gps", "precise location", "precise geolocation"),
        _t("Precise Location", "Location", "Precise location", "pd:Location"),
    ),
    (
        _when("approximate location", "coarse location", "approximate geolocation",
              "coarse geolocation"),
        _t("Coarse Location", "Location", "Approximate location", "pd:Location"),
    ),
    (
        _when("postal", "physical address", "home address", "street address", "mailing address",
              "shipping address", "delivery address", "billing address"),
        _t("Physical Address", "Personal info", "Address", "pd:PhysicalAddress"),
    ),
    (
        _when("username", "userid", "user id", "user name", "account id", "account name"),
        _t("User ID", "Personal info", "User IDs", "pd:Identifying"),
    ),
    (_when("name", "surname", "forename"), _t("Name", "Personal info", "Name", "pd:Name")),
    (
        _when("payment", "credit card", "debit card", "card number", "bank", "iban"),
        _t("Payment Info", "Financial info", "User payment info", "pd:FinancialAccount"),
    ),
    (
        _when("purchase", "purchases", "orders", "order history", "transaction",
              "transactions"),
        _t("Purchase History", "Financial info", "Purchase history", "pd:Transaction"),
    ),
    (
        _when("health", "medical", "fitness"),
        _t("Health", "Health and fitness", "Health info", "pd:HealthRecord"),
    ),
    (
        _when("message", "messages", "chat", "chats", "sms"),
        _t("Emails or Text Messages", "Messages", "Other in-app messages", "pd:Communication"),
    ),
    (
        _when("photo", "photos", "video", "videos"),
        _t("Photos or Videos", "Photos and videos", "Photos", "pd:Picture"),
    ),
    (
        _when("audio", "voice", "sound recording", "sound recordings"),
        _t("Audio Data", "Audio", "Voice or sound recordings", "pd:VoiceCommunicationRecording"),
    ),
    (_when("contacts"), _t("Contacts", "Contacts", "Contacts", "pd:Contact")),
    (
        _when("review", "reviews", "survey", "surveys", "feedback", "posts", "content post",
              "user content"),
        _t("Other User Content", "App activity", "Other user-generated content", None),
    ),
    (_when("gender"), _t(*_OTHER, "pd:Gender")),
    (_when("birth", "birthday", "age"), _t(*_OTHER, "pd:Age")),
    (
        _when("search"),
        _t("Search History", "App activity", "In-app search history", "pd:SearchHistory"),
    ),
    (
        _when("browsing"),
        _t("Browsing History", "Web browsing", "Web browsing history", "pd:BrowsingHistory"),
    ),
    (
        _when("crash"),
        _t("Crash Data", "App info and performance", "Crash logs", "pd:Behavioural"),
    ),
    (
        _when("performance", "diagnostic", "diagnostics"),
        _t("Performance Data", "App info and performance", "Diagnostics", "pd:Behavioural"),
    ),
    (
        _when("usage", "interaction", "interactions"),
        _t("Product Interaction", "App activity", "App interactions", "pd:UsageHistory"),
    ),
]  # fmt: skip
# Only the CCPA categories that decide the label type. The others span several types (e.g.
# `commercial` is also products considered, `geolocation` may be coarse, `identifiers` are
# names, addresses and account names alike): the words above must decide those.
_BY_CCPA: dict[str, LabelType] = {
    "biometric": _t("Sensitive Info", "Personal info", "Other info", "pd:Biometric"),
    "professional": _t(*_OTHER, "pd:Professional"),
    "education": _t(*_OTHER, "pd:Education"),
    "inferences": _t(*_OTHER, "pd:Profile"),
}


class LabelPurpose(NamedTuple):
    apple: str
    google: str


_MARKETING = LabelPurpose("Developer's Advertising or Marketing", "Advertising or marketing")
_THIRD_PARTY_ADS = LabelPurpose("Third-Party Advertising", "Advertising or marketing")
_ANALYTICS = LabelPurpose("Analytics", "Analytics")
_PERSONALISATION = LabelPurpose("Product Personalization", "Personalization")
_SECURITY = LabelPurpose("App Functionality", "Fraud prevention, security, and compliance")
_ACCOUNT = LabelPurpose("App Functionality", "Account management")
_FUNCTIONALITY = LabelPurpose("App Functionality", "App functionality")

_PURPOSE_WORDS: list[tuple[frozenset[str], LabelPurpose]] = [
    (frozenset({"marketing", "newsletter", "newsletters", "promotion", "promotions"}), _MARKETING),
    (frozenset({"analytics", "analysis", "statistics", "measurement", "metrics", "research",
                "surveys"}), _ANALYTICS),
    (frozenset({"personalisation", "personalization", "recommendations"}), _PERSONALISATION),
    (frozenset({"security", "fraud", "abuse", "compliance", "legal", "tax", "audit"}), _SECURITY),
    (frozenset({"account", "accounts", "login", "registration", "authentication"}), _ACCOUNT),
    (frozenset({"support", "service", "services", "delivery", "billing", "payment", "orders",
                "community", "forum", "chat", "chats"}),
     _FUNCTIONALITY),
]  # fmt: skip

_LEGAL_BASIS_DPV = {
    LegalBasis.CONSENT: "eu-gdpr:A6-1-a",
    LegalBasis.CONTRACT: "eu-gdpr:A6-1-b",
    LegalBasis.LEGAL_OBLIGATION: "eu-gdpr:A6-1-c",
    LegalBasis.VITAL_INTERESTS: "eu-gdpr:A6-1-d",
    LegalBasis.PUBLIC_TASK: "eu-gdpr:A6-1-e",
    LegalBasis.LEGITIMATE_INTERESTS: "eu-gdpr:A6-1-f",
}
_RECIPIENT_DPV = {
    RecipientKind.PROCESSOR: "dpv:DataProcessor",
    RecipientKind.CONTROLLER: "dpv:ThirdParty",
    RecipientKind.AFFILIATE: "dpv:ThirdParty",
    RecipientKind.PUBLIC_AUTHORITY: "dpv:Authority",
    RecipientKind.PUBLIC: "dpv:Recipient",
}
_SAFEGUARD_DPV = {
    "adequacy": "eu-gdpr:A45-3",
    "data_privacy_framework": "eu-gdpr:A45-3",
    "standard_contractual_clauses": "eu-gdpr:A46-2-c",
    "binding_corporate_rules": "eu-gdpr:A47",
    "derogation": "eu-gdpr:A49-1",
    "uk_idta": "dpv:DataTransferAgreement",
    "uk_addendum": "dpv:DataTransferAgreement",
    "lgpd_clauses": "dpv:StandardContractualClauses",
}
DPV_CONTEXT = {
    "dpv": "https://w3id.org/dpv#",
    "pd": "https://w3id.org/dpv/pd#",
    "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
    "dct": "http://purl.org/dc/terms/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}


def _words(*texts: str) -> set[str]:
    return {w for text in texts for w in re.split(r"[^a-z0-9]+", text.lower()) if w}


def label_type(data_id: str, data: DataCategory) -> LabelType | None:
    """The store-label data type of a data category, from its id and label or CCPA category;
    None when neither names it beyond doubt."""
    words = _words(data_id, data.label)
    for phrases, found in _BY_WORD:
        if any(phrase <= words for phrase in phrases):
            return found
    if data.ccpa_category is not None:
        return _BY_CCPA.get(str(data.ccpa_category))
    return None


def label_purpose(notice: Notice, purpose_id: str, purpose: Purpose) -> LabelPurpose | None:
    """The store-label purpose, from the purpose's flags, words and legal basis."""
    words = _words(purpose_id, purpose.label)
    if words & {"advertising", "ads", "advert", "adverts"}:
        third_party = any(
            (r.sharing or r.sale) and purpose_id in r.purposes for r in notice.recipients.values()
        )
        return _THIRD_PARTY_ADS if third_party else _MARKETING
    if purpose.direct_marketing:
        return _MARKETING
    for keys, found in _PURPOSE_WORDS:
        if keys & words:
            return found
    if purpose.legal_basis == LegalBasis.LEGAL_OBLIGATION:
        return _SECURITY
    if purpose.legal_basis == LegalBasis.CONTRACT:
        return _FUNCTIONALITY
    return None


def _purposes_of(notice: Notice, data_id: str) -> list[tuple[str, Purpose]]:
    return [
        (pid, p) for pid, p in notice.purposes.items() if any(related(r, data_id) for r in p.data)
    ]


def _recipients_of(notice: Notice, data_id: str) -> list[str]:
    return [rid for rid, r in notice.recipients.items() if any(related(x, data_id) for x in r.data)]


def _encrypted_in_transit(notice: Notice) -> bool | None:
    if notice.security is None:
        return None
    text = " ".join([*notice.security.measures, notice.security.statement or ""]).lower()
    return True if ("tls" in text or "in transit" in text) else None


def apple_app_privacy(notice: Notice) -> dict[str, Any]:
    types: dict[str, dict[str, Any]] = {}
    undetermined: list[str] = []
    for data_id, data in notice.data.items():
        found = label_type(data_id, data)
        if found is None:
            undetermined.append(f"data type of `{data_id}`")
            continue
        entry = types.setdefault(
            found.apple, {"data": [], "purposes": [], "used_for_tracking": False}
        )
        entry["data"].append(data_id)
        for pid, purpose in _purposes_of(notice, data_id):
            mapped = label_purpose(notice, pid, purpose)
            if mapped is None:
                undetermined.append(f"label purpose of `{pid}`")
            elif mapped.apple not in entry["purposes"]:
                entry["purposes"].append(mapped.apple)
        if any(notice.recipients[r].sharing or notice.recipients[r].sale
               for r in _recipients_of(notice, data_id)):  # fmt: skip
            entry["used_for_tracking"] = True
    for entry in types.values():
        entry["purposes"].sort()
        # Whether data is linked to the user's identity is not part of the model.
        entry["linked_to_user"] = None
    if types:
        undetermined.append("whether each data type is linked to the user")
    return {
        "format": "Apple App Store Connect: App Privacy details",
        "notice": notice.notice.id,
        "version": notice.notice.version,
        "data_collected": bool(types),
        "data_types": types,
        "undetermined": sorted(set(undetermined)),
    }


def google_data_safety(notice: Notice) -> dict[str, Any]:
    deletion = Right.ERASURE in notice.rights or Right.DELETE in notice.rights
    types: dict[str, dict[str, Any]] = {}
    undetermined: list[str] = []
    for data_id, data in notice.data.items():
        found = label_type(data_id, data)
        if found is None:
            undetermined.append(f"data type of `{data_id}`")
            continue
        key = f"{found.google_category}: {found.google_type}"
        entry = types.setdefault(
            key,
            {"data": [], "collected": True, "shared": False, "optional": True, "purposes": []},
        )
        entry["data"].append(data_id)
        if data.required is None:
            undetermined.append(f"whether `{data_id}` is optional")
            entry["optional"] = None if entry["optional"] is not False else False
        elif data.required:
            entry["optional"] = False
        # Disclosure to a service provider is not "sharing" on the Play form.
        if any(notice.recipients[r].kind != RecipientKind.PROCESSOR
               for r in _recipients_of(notice, data_id)):  # fmt: skip
            entry["shared"] = True
        for pid, purpose in _purposes_of(notice, data_id):
            mapped = label_purpose(notice, pid, purpose)
            if mapped is None:
                undetermined.append(f"label purpose of `{pid}`")
            elif mapped.google not in entry["purposes"]:
                entry["purposes"].append(mapped.google)
    for entry in types.values():
        entry["purposes"].sort()
    return {
        "format": "Google Play Console: Data safety",
        "notice": notice.notice.id,
        "version": notice.notice.version,
        "data_collected": bool(types),
        "data_types": types,
        "security_practices": {
            "encrypted_in_transit": _encrypted_in_transit(notice),
            "deletion_request_available": deletion,
        },
        "undetermined": sorted(set(undetermined)),
    }


def dpv_document(notice: Notice) -> dict[str, Any]:
    """The processing as DPV JSON-LD: one PersonalDataHandling per purpose."""
    base = f"urn:noticegen:{notice.notice.id}:{notice.notice.version}"
    controller = {
        "@id": f"{base}#controller",
        "@type": "dpv:DataController",
        "rdfs:label": notice.controller.legal_name or notice.controller.name,
    }
    data_nodes = []
    for data_id, data in notice.data.items():
        found = label_type(data_id, data)
        node: dict[str, Any] = {
            "@id": f"{base}#data/{data_id}",
            "@type": "dpv:PersonalData",
            "rdfs:label": data.label,
        }
        if found is not None and found.dpv is not None:
            node["rdfs:subClassOf"] = {"@id": found.dpv}
        if data.special_category:
            node["@type"] = ["dpv:PersonalData", "dpv:SpecialCategoryPersonalData"]
        data_nodes.append(node)
    recipient_nodes = [
        {"@id": f"{base}#recipient/{rid}", "@type": _RECIPIENT_DPV[r.kind], "rdfs:label": r.label}
        for rid, r in notice.recipients.items()
    ]
    handlings = []
    for pid, purpose in notice.purposes.items():
        covered = [d for d in notice.data if any(related(r, d) for r in purpose.data)]
        handling: dict[str, Any] = {
            "@id": f"{base}#purpose/{pid}",
            "@type": "dpv:PersonalDataHandling",
            "dpv:hasDataController": {"@id": controller["@id"]},
            "dpv:hasPurpose": {"@type": "dpv:Purpose", "rdfs:label": purpose.label},
            "dpv:hasPersonalData": [{"@id": f"{base}#data/{d}"} for d in covered],
            "dpv:hasRecipient": [
                {"@id": f"{base}#recipient/{rid}"}
                for rid, r in notice.recipients.items()
                if pid in r.purposes
            ],
        }
        if purpose.legal_basis is not None:
            handling["dpv:hasLegalBasis"] = {"@id": _LEGAL_BASIS_DPV[purpose.legal_basis]}
        durations = [
            rule.period
            for rule in notice.retention
            if rule.period and any(related(r, d) for r in rule.data for d in covered)
        ]
        if durations:
            handling["dpv:hasStorageCondition"] = [
                {"@type": "dpv:StorageDuration", "rdf:value": period}
                for period in dict.fromkeys(durations)
            ]
        handlings.append(handling)
    transfers = [
        {
            "@id": f"{base}#transfer/{tid}",
            "@type": "dpv:DataTransfer",
            "dpv:hasCountry": t.destination,
            "dpv:hasRecipient": [{"@id": f"{base}#recipient/{r}"} for r in t.recipients],
            **(
                {"dpv:hasLegalBasis": {"@id": _SAFEGUARD_DPV[str(t.safeguard)]}}
                if t.safeguard
                else {}
            ),
        }
        for tid, t in notice.transfers.items()
    ]
    return {
        "@context": {**DPV_CONTEXT, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
        "@id": base,
        "dct:title": notice.notice.title,
        "dct:valid": notice.notice.effective.isoformat(),
        "dct:hasVersion": notice.notice.version,
        "@graph": [controller, *data_nodes, *recipient_nodes, *handlings, *transfers],
    }


def _json(data: Any) -> bytes:
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def export_files(notice: Notice) -> dict[str, bytes]:
    """The exports, by file name inside `site/exports/`."""
    return {
        "apple-app-privacy.json": _json(apple_app_privacy(notice)),
        "google-play-data-safety.json": _json(google_data_safety(notice)),
        "dpv.jsonld": _json(dpv_document(notice)),
    }
