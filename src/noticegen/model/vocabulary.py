"""The one table of what each kind of data and each purpose is called by the receiving tools:
Apple's privacy manifest and App Store Connect, Google Play's Data safety form, and DPV 2.x.

Every export and every lint rule reads these rows; no other module names a store type, a
store purpose or a DPV personal-data term for a data category. What a value of one of the
model's vocabularies maps to (a legal basis's DPV term, a CCPA category's store type) is in
that value's record (`noticegen.model.terms`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .base import related
from .notice import Notice
from .processing import CcpaCategory, DataCategory, LegalBasis, Purpose


class LabelType(NamedTuple):
    """Where one data category goes on the store labels and in DPV's personal-data taxonomy."""

    apple: str
    """The data type as App Store Connect names it, e.g. "Email Address"."""
    apple_key: str
    """The same type in a privacy manifest, after `NSPrivacyCollectedDataType`."""
    google: str
    """The Play Console Data safety response id, e.g. `PSL_EMAIL`."""
    dpv: str | None
    """The DPV 2.x `pd:` term, None when no narrower term than `dpv:PersonalData` is certain."""


def _when(*phrases: str) -> tuple[frozenset[str], ...]:
    """The signals for a type: a phrase matches when all its words are in the id or label."""
    return tuple(frozenset(phrase.split()) for phrase in phrases)


_OTHER = ("Other Data Types", "OtherDataTypes", "PSL_OTHER_PERSONAL")

# First match wins, in this order. Only phrases that name the type leave no doubt: "device"
# alone may be a device type (not an ID), "location" alone may be precise or coarse.
_BY_WORD: list[tuple[tuple[frozenset[str], ...], LabelType]] = [
    (_when("email"), LabelType("Email Address", "EmailAddress", "PSL_EMAIL", "pd:EmailAddress")),
    (
        _when("phone", "telephone", "mobile number"),
        LabelType("Phone Number", "PhoneNumber", "PSL_PHONE", "pd:TelephoneNumber"),
    ),
    (_when("ip"), LabelType("Device ID", "DeviceID", "PSL_DEVICE_ID", "pd:IPAddress")),
    (
        _when("idfa", "aaid", "gaid", "device id", "device ids", "device identifier",
              "device identifiers", "advertising id", "advertising identifier",
              "advertising identifiers", "cookie id", "cookie ids", "cookie identifier",
              "cookie identifiers"),
        LabelType("Device ID", "DeviceID", "PSL_DEVICE_ID", "pd:DeviceBased"),
    ),
    (
        _when("gps", "precise location", "precise geolocation"),
        LabelType("Precise Location", "PreciseLocation", "PSL_PRECISE_LOCATION", "pd:Location"),
    ),
    (
        _when("approximate location", "coarse location", "approximate geolocation",
              "coarse geolocation"),
        LabelType("Coarse Location", "CoarseLocation", "PSL_APPROX_LOCATION", "pd:Location"),
    ),
    (
        _when("postal", "physical address", "home address", "street address", "mailing address",
              "shipping address", "delivery address", "billing address"),
        LabelType("Physical Address", "PhysicalAddress", "PSL_ADDRESS", "pd:PhysicalAddress"),
    ),
    (
        _when("username", "userid", "user id", "user name", "account id", "account name"),
        LabelType("User ID", "UserID", "PSL_USER_ACCOUNT", "pd:AccountIdentifier"),
    ),
    (_when("name", "surname", "forename"), LabelType("Name", "Name", "PSL_NAME", "pd:Name")),
    (
        _when("payment", "credit card", "debit card", "card number", "bank", "iban"),
        LabelType("Payment Info", "PaymentInfo", "PSL_CREDIT_DEBIT_BANK_ACCOUNT_NUMBER",
                  "pd:FinancialAccount"),
    ),
    (
        _when("purchase", "purchases", "orders", "order history", "transaction",
              "transactions"),
        LabelType("Purchase History", "PurchaseHistory", "PSL_PURCHASE_HISTORY", "pd:Purchase"),
    ),
    (_when("health", "medical"), LabelType("Health", "Health", "PSL_HEALTH", "pd:Health")),
    (_when("fitness"), LabelType("Fitness", "Fitness", "PSL_FITNESS", "pd:PhysicalHealth")),
    (
        _when("message", "messages", "chat", "chats", "sms"),
        LabelType("Emails or Text Messages", "EmailsOrTextMessages", "PSL_OTHER_MESSAGES",
                  "pd:Communication"),
    ),
    (
        _when("photo", "photos", "video", "videos"),
        LabelType("Photos or Videos", "PhotosorVideos", "PSL_PHOTOS", "pd:Picture"),
    ),
    (
        _when("audio", "voice", "sound recording", "sound recordings"),
        LabelType("Audio Data", "AudioData", "PSL_AUDIO", "pd:VoiceCommunicationRecording"),
    ),
    # An address book: DPV has no term for the contacts of others that a person holds.
    (_when("contacts"), LabelType("Contacts", "Contacts", "PSL_CONTACTS", None)),
    (
        _when("review", "reviews", "survey", "surveys", "feedback", "posts", "content post",
              "user content"),
        LabelType("Other User Content", "OtherUserContent", "PSL_USER_GENERATED_CONTENT", None),
    ),
    (_when("gender"), LabelType(*_OTHER, "pd:Gender")),
    (_when("birth", "birthday", "age"), LabelType(*_OTHER, "pd:Age")),
    (
        _when("search"),
        LabelType("Search History", "SearchHistory", "PSL_IN_APP_SEARCH_HISTORY", None),
    ),
    (
        _when("browsing"),
        LabelType("Browsing History", "BrowsingHistory", "PSL_WEB_BROWSING_HISTORY",
                  "pd:BrowserHistory"),
    ),
    (_when("crash"), LabelType("Crash Data", "CrashData", "PSL_CRASH_LOGS", None)),
    (
        _when("performance", "diagnostic", "diagnostics"),
        LabelType("Performance Data", "PerformanceData", "PSL_PERFORMANCE_DIAGNOSTICS", None),
    ),
    (
        _when("usage", "interaction", "interactions"),
        LabelType("Product Interaction", "ProductInteraction", "PSL_USER_INTERACTION",
                  "pd:ServiceConsumptionBehaviour"),
    ),
]  # fmt: skip
# The CCPA categories whose records name a store-label type (see `CcpaCategory`).
_BY_CCPA: dict[CcpaCategory, LabelType] = {
    category: LabelType(category.apple, category.apple_key, category.google, category.dpv)
    for category in CcpaCategory
    if category.apple and category.apple_key and category.google
}


class LabelPurpose(NamedTuple):
    """One purpose as the store labels name it."""

    apple: str
    """The purpose as App Store Connect names it, e.g. "Analytics"."""
    apple_key: str
    """The same purpose in a privacy manifest, after `NSPrivacyCollectedDataTypePurpose`."""
    google: str
    """The Play Console Data safety purpose id, e.g. `PSL_ANALYTICS`."""


_MARKETING = LabelPurpose(
    "Developer's Advertising or Marketing", "DeveloperAdvertising", "PSL_ADVERTISING"
)
_THIRD_PARTY_ADS = LabelPurpose(
    "Third-Party Advertising", "ThirdPartyAdvertising", "PSL_ADVERTISING"
)
_ANALYTICS = LabelPurpose("Analytics", "Analytics", "PSL_ANALYTICS")
_PERSONALISATION = LabelPurpose(
    "Product Personalization", "ProductPersonalization", "PSL_PERSONALIZATION"
)
_SECURITY = LabelPurpose("App Functionality", "AppFunctionality", "PSL_FRAUD_PREVENTION_SECURITY")
_ACCOUNT = LabelPurpose("App Functionality", "AppFunctionality", "PSL_ACCOUNT_MANAGEMENT")
_FUNCTIONALITY = LabelPurpose("App Functionality", "AppFunctionality", "PSL_APP_FUNCTIONALITY")

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
        return _BY_CCPA.get(data.ccpa_category)
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
    if purpose.relies_on(LegalBasis.LEGAL_OBLIGATION):
        return _SECURITY
    if purpose.relies_on(LegalBasis.CONTRACT):
        return _FUNCTIONALITY
    return None


def purposes_of(notice: Notice, data_id: str) -> list[tuple[str, Purpose]]:
    """The purposes that use a data category."""
    return [
        (pid, p) for pid, p in notice.purposes.items() if any(related(r, data_id) for r in p.data)
    ]


def recipients_of(notice: Notice, data_id: str) -> list[str]:
    """The ids of the recipients that receive a data category."""
    return [rid for rid, r in notice.recipients.items() if any(related(x, data_id) for x in r.data)]


def all_rows() -> list[LabelType]:
    """Every row of the data table, for tests that check each term against its source."""
    return [row for _, row in _BY_WORD] + list(_BY_CCPA.values())


def all_purposes() -> list[LabelPurpose]:
    """Every purpose row, for tests that check each id against its source."""
    return [row for _, row in _PURPOSE_WORDS] + [_THIRD_PARTY_ADS, _SECURITY]


def missing_controller_details(notice: Notice) -> list[str]:
    """The Art. 30(1)(a) details of the controller that the notice does not give: its name,
    its address, and a way to reach it (email or telephone)."""
    controller = notice.controller
    missing = [
        name
        for name, value in (
            ("legal_name", controller.legal_name),
            ("postal_address", controller.postal_address),
        )
        if not value
    ]
    if not (controller.email or controller.phone):
        missing.append("email or phone")
    return missing
