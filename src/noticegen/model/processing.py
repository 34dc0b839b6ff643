"""What is collected, why, and on what legal basis."""

from __future__ import annotations

import enum
from typing import Annotated

from pydantic import Field, model_validator

from .base import Duration, Id, Markdown, Name, Role, StrictModel, Text, Url


class Source(enum.StrEnum):
    """Where a piece of personal data comes from (GDPR Art. 14(2)(f))."""

    PROVIDED = "provided"
    OBSERVED = "observed"
    DERIVED = "derived"
    THIRD_PARTY = "third_party"
    PUBLIC = "public"


class CcpaCategory(enum.StrEnum):
    """Categories of personal information listed in Cal. Civ. Code 1798.140(v)(1)."""

    IDENTIFIERS = "identifiers"
    CUSTOMER_RECORDS = "customer_records"
    PROTECTED_CLASSIFICATIONS = "protected_classifications"
    COMMERCIAL = "commercial"
    BIOMETRIC = "biometric"
    INTERNET_ACTIVITY = "internet_activity"
    GEOLOCATION = "geolocation"
    SENSORY = "sensory"
    PROFESSIONAL = "professional"
    EDUCATION = "education"
    INFERENCES = "inferences"
    SENSITIVE = "sensitive"


class DataCategory(StrictModel):
    label: Text
    """Short name shown to readers, e.g. "Email address"."""
    description: Markdown | None = None
    """What exactly is meant, in plain words."""
    source: Source
    """How the data is obtained: provided by the person, observed, derived, or from others."""
    source_name: Name | None = None
    """The third party or public source the data comes from, when not from the person."""
    special_category: bool = False
    """Special-category data under GDPR Art. 9(1) (health, religion, biometrics, ...)."""
    sensitive: bool = False
    """Sensitive personal information under Cal. Civ. Code 1798.140(ae) or LGPD Art. 5(II)."""
    ccpa_category: CcpaCategory | None = None
    """The CCPA category the data belongs to, used for the California disclosures."""
    required: bool | None = None
    """Whether the person must provide it (statutory, contractual or to enter a contract)."""
    consequences: Text | None = None
    """What happens if the person does not provide it (GDPR Art. 13(2)(e))."""
    collected_in_last_12_months: bool = True
    """Whether it was collected in the preceding 12 months (Cal. Civ. Code 1798.130(a)(5))."""
    linked_to_user: bool | None = None
    """Whether the data is linked to the person's identity (App Store "Data Linked to You")."""
    used_for_tracking: bool | None = None
    """Whether it is used for tracking: linked with other companies' data for advertising or
    shared with a data broker (App Store "Data Used to Track You")."""
    ephemeral: bool | None = None
    """Whether it is only processed in memory for the request and never stored (Google Play
    "processed ephemerally")."""


class LegalBasis(enum.StrEnum):
    """The lawful basis under GDPR Art. 6(1)."""

    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"
    VITAL_INTERESTS = "vital_interests"
    PUBLIC_TASK = "public_task"
    LEGITIMATE_INTERESTS = "legitimate_interests"


class SpecialCategoryCondition(enum.StrEnum):
    """The condition under GDPR Art. 9(2) that lifts the ban on special-category data."""

    EXPLICIT_CONSENT = "explicit_consent"
    EMPLOYMENT = "employment"
    VITAL_INTERESTS = "vital_interests"
    NOT_FOR_PROFIT = "not_for_profit"
    MADE_PUBLIC = "made_public"
    LEGAL_CLAIMS = "legal_claims"
    SUBSTANTIAL_PUBLIC_INTEREST = "substantial_public_interest"
    HEALTH_CARE = "health_care"
    PUBLIC_HEALTH = "public_health"
    ARCHIVING_RESEARCH = "archiving_research"


class AutomatedDecision(StrictModel):
    logic: Markdown
    """Meaningful information about the logic involved (GDPR Art. 13(2)(f))."""
    significance: Markdown
    """The significance and envisaged consequences for the person."""
    legal_or_similar_effect: bool = False
    """Whether it produces legal or similarly significant effects (GDPR Art. 22)."""
    human_review: Markdown | None = None
    """How the person can obtain human intervention and contest the decision (Art. 22(3))."""


class Purpose(StrictModel):
    label: Text
    """Short name of the purpose, e.g. "Managing your account"."""
    description: Markdown
    """What is done and why, in plain words."""
    data: list[Id] = Field(default_factory=list)
    """Ids of the data categories used for this purpose."""
    legal_basis: LegalBasis | None = None
    """Lawful basis under GDPR Art. 6(1) (Art. 13(1)(c))."""
    legitimate_interest: Text | None = None
    """The legitimate interest pursued, required when the basis is legitimate interests."""
    special_category_condition: SpecialCategoryCondition | None = None
    """The Art. 9(2) condition, required when special-category data is used."""
    direct_marketing: bool = False
    """Whether the purpose is direct marketing (GDPR Art. 21(2)-(3))."""
    profiling: bool = False
    """Whether the purpose involves profiling (GDPR Art. 4(4))."""
    automated_decision: AutomatedDecision | None = None
    """Automated decision-making, including profiling, and its logic and effects."""
    ccpa_business_purpose: bool = True
    """Whether it is a business purpose under Cal. Civ. Code 1798.140(e)."""


class RecipientKind(enum.StrEnum):
    """The role of a recipient of personal data."""

    PROCESSOR = "processor"
    CONTROLLER = "controller"
    AFFILIATE = "affiliate"
    PUBLIC_AUTHORITY = "public_authority"
    PUBLIC = "public"


class Recipient(StrictModel):
    label: Text
    """Name or category of recipient, e.g. "Email delivery provider"."""
    kind: RecipientKind
    """Processor/service provider, independent controller/partner, affiliate, authority, public."""
    description: Markdown | None = None
    """What the recipient does with the data."""
    data: list[Id] = Field(default_factory=list)
    """Ids of the data categories the recipient receives."""
    purposes: list[Id] = Field(default_factory=list)
    """Ids of the purposes for which the data is disclosed."""
    countries: list[Annotated[str, Role.COUNTRY]] = Field(default_factory=list)
    """Where the recipient processes the data (ISO 3166-1 alpha-2 codes, or EEA)."""
    privacy_policy_url: Url | None = None
    """The recipient's own privacy notice: readers expect a link to what it does with the data."""
    sale: bool = False
    """Whether the disclosure is a sale (Cal. Civ. Code 1798.140(ad)): data for value."""
    sharing: bool = False
    """Whether it is sharing for cross-context behavioural advertising (1798.140(ah))."""


class RetentionEvent(enum.StrEnum):
    """An event that starts or ends a retention period."""

    ACCOUNT_CLOSURE = "account_closure"
    CONTRACT_END = "contract_end"
    REQUEST_RESOLVED = "request_resolved"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    LAST_ACTIVITY = "last_activity"
    COLLECTION = "collection"


class ErasureMethod(enum.StrEnum):
    """What happens to the data when it is no longer kept."""

    DELETE = "delete"
    ANONYMISE = "anonymise"
    HIDE = "hide"


class RetentionRule(StrictModel):
    id: Id
    """Identifier of the rule, used as its anchor."""
    data: list[Id] = Field(min_length=1)
    """Ids of the data categories the rule covers."""
    period: Duration | None = None
    """How long the data is kept, as an ISO 8601 duration (e.g. `P3Y`)."""
    after: RetentionEvent | None = None
    """The event the period runs from; alone it means "until" that event."""
    criteria: Markdown | None = None
    """The criteria used to set the period when no fixed period can be given (Art. 13(2)(a))."""
    legal_hold: Markdown | None = None
    """Exceptions: when data is kept longer, e.g. for legal claims or a statutory duty."""
    erasure: ErasureMethod = ErasureMethod.DELETE
    """What happens when the period ends."""

    @model_validator(mode="after")
    def _states_a_period(self) -> RetentionRule:
        if self.period is None and self.after is None and self.criteria is None:
            raise ValueError("a retention rule needs a period, an event (`after`) or criteria")
        return self
