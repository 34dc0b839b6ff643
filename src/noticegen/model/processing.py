"""What is collected, why, and on what legal basis."""

from __future__ import annotations

import enum
import typing
from typing import Annotated

from pydantic import BeforeValidator, Field, model_validator

from .base import (
    CountryOrRegion,
    Duration,
    Id,
    Markdown,
    Name,
    RoleName,
    StrictModel,
    Text,
    Url,
)
from .meta import Jurisdiction


class Source(enum.StrEnum):
    """Where a piece of personal data comes from (GDPR Art. 14(2)(f))."""

    PROVIDED = "provided"
    VOLUNTEERED = "volunteered"
    """Content the person chooses to store, publish or contribute (files, posts, recordings),
    which the company does not ask for: provided by them, but never a requirement."""
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


class LgpdBasis(enum.StrEnum):
    """A legal basis in the LGPD's own terms: the hypotheses of Art. 7 (personal data) and of
    Art. 11 (sensitive data), which do not map one to one onto GDPR Art. 6(1)."""

    ART_7_I = "lgpd_7_i"
    """Consent of the data subject."""
    ART_7_II = "lgpd_7_ii"
    """Compliance with a legal or regulatory obligation."""
    ART_7_III = "lgpd_7_iii"
    """Execution of public policies by the public administration."""
    ART_7_IV = "lgpd_7_iv"
    """Studies by a research body."""
    ART_7_V = "lgpd_7_v"
    """Performance of a contract, or preliminary procedures, at the data subject's request."""
    ART_7_VI = "lgpd_7_vi"
    """Regular exercise of rights in judicial, administrative or arbitration proceedings."""
    ART_7_VII = "lgpd_7_vii"
    """Protection of the life or physical safety of the data subject or a third party."""
    ART_7_VIII = "lgpd_7_viii"
    """Protection of health, by health professionals, services or authorities."""
    ART_7_IX = "lgpd_7_ix"
    """Legitimate interests of the controller or a third party."""
    ART_7_X = "lgpd_7_x"
    """Protection of credit."""
    ART_11_I = "lgpd_11_i"
    """Specific and highlighted consent, for sensitive data."""
    ART_11_II_A = "lgpd_11_ii_a"
    """Sensitive data: compliance with a legal or regulatory obligation."""
    ART_11_II_B = "lgpd_11_ii_b"
    """Sensitive data: shared processing needed for public policies."""
    ART_11_II_C = "lgpd_11_ii_c"
    """Sensitive data: studies by a research body."""
    ART_11_II_D = "lgpd_11_ii_d"
    """Sensitive data: regular exercise of rights, including in a contract or proceedings."""
    ART_11_II_E = "lgpd_11_ii_e"
    """Sensitive data: protection of the life or physical safety of anyone."""
    ART_11_II_F = "lgpd_11_ii_f"
    """Sensitive data: protection of health, by health professionals, services or authorities."""
    ART_11_II_G = "lgpd_11_ii_g"
    """Sensitive data: fraud prevention and the security of the data subject in identification
    and authentication in electronic systems."""


class FadpJustification(enum.StrEnum):
    """A justification under the Swiss FADP Art. 31(1): Swiss law needs one only where
    processing would otherwise breach personality rights, so its terms differ from Art. 6(1)."""

    CONSENT = "fadp_consent"
    OVERRIDING_PRIVATE_INTEREST = "fadp_overriding_private_interest"
    OVERRIDING_PUBLIC_INTEREST = "fadp_overriding_public_interest"
    LAW = "fadp_law"


BasisValue = LegalBasis | LgpdBasis | FadpJustification
"""A legal basis in the terms of the law it is stated under."""

# What each law's own basis amounts to under GDPR Art. 6(1), for the rules that follow from the
# basis (withdrawing consent, objecting to legitimate interests). Absent: no GDPR counterpart.
GDPR_COUNTERPART: dict[BasisValue, LegalBasis] = {
    LgpdBasis.ART_7_I: LegalBasis.CONSENT,
    LgpdBasis.ART_7_II: LegalBasis.LEGAL_OBLIGATION,
    LgpdBasis.ART_7_III: LegalBasis.PUBLIC_TASK,
    LgpdBasis.ART_7_V: LegalBasis.CONTRACT,
    LgpdBasis.ART_7_VII: LegalBasis.VITAL_INTERESTS,
    LgpdBasis.ART_7_IX: LegalBasis.LEGITIMATE_INTERESTS,
    LgpdBasis.ART_11_I: LegalBasis.CONSENT,
    LgpdBasis.ART_11_II_A: LegalBasis.LEGAL_OBLIGATION,
    LgpdBasis.ART_11_II_E: LegalBasis.VITAL_INTERESTS,
    FadpJustification.CONSENT: LegalBasis.CONSENT,
    FadpJustification.OVERRIDING_PRIVATE_INTEREST: LegalBasis.LEGITIMATE_INTERESTS,
    FadpJustification.OVERRIDING_PUBLIC_INTEREST: LegalBasis.PUBLIC_TASK,
    FadpJustification.LAW: LegalBasis.LEGAL_OBLIGATION,
    **{basis: basis for basis in LegalBasis},
}


def own_terms_article(basis: LgpdBasis | FadpJustification) -> str:
    """The article a basis in another law's own terms is, e.g. `LGPD Art. 7(IX)`,
    `LGPD Art. 11(II)(a)`, `FADP Art. 31(1) (overriding private interest)`."""
    if isinstance(basis, FadpJustification):
        return f"FADP Art. 31(1) ({basis.value.removeprefix('fadp_').replace('_', ' ')})"
    article, *points = basis.value.split("_")[1:]
    return f"LGPD Art. {article}" + "".join(
        f"({point.upper() if i == 0 else point})" for i, point in enumerate(points)
    )


def _basis_in_its_law(value: object) -> object:
    # One error naming every accepted value, rather than pydantic's one per law's enum.
    if not isinstance(value, str):
        return value
    for law in typing.get_args(BasisValue):
        if value in law._value2member_map_:
            return law(value)
    accepted = ", ".join(f"'{basis}'" for law in typing.get_args(BasisValue) for basis in law)
    raise ValueError(f"Input should be a legal basis: one of {accepted}")


class BasisStatement(StrictModel):
    basis: Annotated[BasisValue, BeforeValidator(_basis_in_its_law)]
    """The basis, in GDPR Art. 6(1) terms (`consent`, `contract`, ...; also the UK GDPR's), in
    the LGPD's (`lgpd_7_i` ... `lgpd_7_x`, `lgpd_11_i`, `lgpd_11_ii_a` ... `lgpd_11_ii_g`) or
    the Swiss FADP's (`fadp_consent`, `fadp_overriding_private_interest`, ...)."""
    jurisdictions: list[Jurisdiction] = Field(default_factory=list)
    """The declared jurisdictions this basis is relied on under; empty means all of them."""

    @property
    def gdpr_basis(self) -> LegalBasis | None:
        """What the basis amounts to under GDPR Art. 6(1), if anything."""
        return GDPR_COUNTERPART.get(self.basis)


def _one_basis_as_a_list(value: object) -> object:
    # `legal_basis: consent` (one basis for every jurisdiction) is the common case.
    return [{"basis": value}] if isinstance(value, str) else value


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
    data_catch_all: bool = False
    """Whether the notice says only "your personal data" for this purpose, naming no category
    (beyond any in `data`): recorded as said, never expanded into every category."""
    legal_basis: Annotated[
        list[BasisStatement],
        BeforeValidator(
            _one_basis_as_a_list, json_schema_input_type=BasisValue | list[BasisStatement]
        ),
    ] = Field(default_factory=list)
    """Lawful basis under GDPR Art. 6(1) (Art. 13(1)(c)): one value (`consent`), or a list of
    `{basis, jurisdictions}` when several bases apply or a law has its own terms."""
    legitimate_interest: Text | None = None
    """The legitimate interest pursued, required when the basis is legitimate interests."""
    special_category_condition: SpecialCategoryCondition | None = None
    """The Art. 9(2) condition, required when special-category data is used."""
    direct_marketing: bool = False
    """Whether the purpose is direct marketing (GDPR Art. 21(2)-(3))."""
    on_behalf_of: RoleName | None = None
    """The controller the company runs this purpose for, as its processor (GDPR Art. 28), e.g.
    "The owner of the site": that controller decides the purpose and owes what the law asks
    of it (whether data must be provided, an objection to its marketing)."""
    profiling: bool = False
    """Whether the purpose involves profiling (GDPR Art. 4(4))."""
    automated_decision: AutomatedDecision | None = None
    """Automated decision-making, including profiling, and its logic and effects."""
    ccpa_business_purpose: bool = True
    """Whether it is a business purpose under Cal. Civ. Code 1798.140(e)."""

    def relies_on(self, basis: LegalBasis, under: Jurisdiction | None = None) -> bool:
        """Whether any of the purpose's bases (those relied on `under` one jurisdiction, if
        given) amounts to `basis` under GDPR Art. 6(1)."""
        return any(
            statement.gdpr_basis == basis
            and (under is None or not statement.jurisdictions or under in statement.jurisdictions)
            for statement in self.legal_basis
        )

    def relies_only_on(self, basis: LegalBasis) -> bool:
        """Whether the purpose states bases and each amounts to `basis` under GDPR Art. 6(1)."""
        return bool(self.legal_basis) and all(s.gdpr_basis == basis for s in self.legal_basis)


class RecipientKind(enum.StrEnum):
    """The role of a recipient of personal data."""

    PROCESSOR = "processor"
    CONTROLLER = "controller"
    AFFILIATE = "affiliate"
    PUBLIC_AUTHORITY = "public_authority"
    PUBLIC = "public"


class SaleException(enum.StrEnum):
    """Why the CCPA does not count a disclosure as a sale: a statutory exception (Cal. Civ.
    Code 1798.140(ad)(2)), or a disclosure for one of its business purposes (1798.140(e))."""

    CONSUMER_DIRECTED = "consumer_directed"
    """The person directs the disclosure, or uses the business to interact with the recipient
    ((ad)(2)(A))."""
    OPT_OUT_SIGNAL = "opt_out_signal"
    """Telling a third party that the person opted out or limited use ((ad)(2)(B))."""
    BUSINESS_TRANSFER = "business_transfer"
    """A transfer as an asset in a merger, acquisition or bankruptcy ((ad)(2)(C))."""
    BUSINESS_PURPOSE = "business_purpose"
    """A disclosure for the business purposes of 1798.140(e) that the recipient's purposes
    name, such as helping to ensure security and integrity ((e)(2)) with fraud and abuse
    prevention bodies: it holds only while each of those purposes is a business purpose."""


class Recipient(StrictModel):
    label: Text
    """Name or category of recipient, e.g. "Email delivery provider"."""
    kind: RecipientKind
    """Processor/service provider, independent controller/partner, affiliate, authority, public."""
    description: Markdown | None = None
    """What the recipient does with the data."""
    data: list[Id] = Field(default_factory=list)
    """Ids of the data categories the recipient receives."""
    data_catch_all: bool = False
    """Whether the notice says only that the recipient receives "personal data" (some or all
    of it), naming no category beyond any in `data`: recorded as said, never expanded."""
    purposes: list[Id] = Field(default_factory=list)
    """Ids of the purposes for which the data is disclosed."""
    countries: list[CountryOrRegion] = Field(default_factory=list)
    """Where the recipient processes the data (ISO 3166-1 alpha-2 codes, or EEA)."""
    privacy_policy_url: Url | None = None
    """The recipient's own privacy notice: readers expect a link to what it does with the data."""
    sale: bool = False
    """Whether the disclosure is a sale (Cal. Civ. Code 1798.140(ad)): data for value."""
    sharing: bool = False
    """Whether it is sharing for cross-context behavioural advertising (1798.140(ah))."""
    sale_exception: SaleException | None = None
    """Why the disclosure is by law not a sale: the person directs it, an opt-out signal, a
    merger, acquisition or bankruptcy (Cal. Civ. Code 1798.140(ad)(2)), or a business purpose
    its `purposes` serve (1798.140(e))."""


class RetentionEvent(enum.StrEnum):
    """An event that starts or ends a retention period."""

    ACCOUNT_CLOSURE = "account_closure"
    CONTRACT_END = "contract_end"
    REQUEST_RESOLVED = "request_resolved"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    LAST_ACTIVITY = "last_activity"
    COLLECTION = "collection"
    USER_DELETION = "user_deletion"
    """The person deletes the item themselves (a post, a file, a message)."""


class ErasureMethod(enum.StrEnum):
    """What happens to the data when it is no longer kept."""

    DELETE = "delete"
    ANONYMISE = "anonymise"
    HIDE = "hide"
    DELETE_OR_ANONYMISE = "delete_or_anonymise"
    """Deleted or anonymised, as the notice leaves the choice open."""


class RetentionRule(StrictModel):
    id: Id
    """Identifier of the rule, used as its anchor."""
    data: list[Id] = Field(min_length=1)
    """Ids of the data categories the rule covers."""
    applies_to: Text | None = None
    """Whose data the rule covers, where retention differs by person (e.g. "Account holders",
    "Visitors"); several rules may then cover the same data."""
    stored: bool = True
    """False for data the company never stores, e.g. a card number the browser sends straight
    to the payment processor: no period is then owed, and none may be given."""
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
        if not self.stored:
            kept = [f for f in _HOW_LONG if f in self.model_fields_set]
            if kept:
                raise ValueError(
                    f"data that is not stored (`stored: false`) has no {', '.join(kept)}"
                )
        elif self.period is None and self.after is None and self.criteria is None:
            raise ValueError(
                "a retention rule needs a period, an event (`after`), criteria, or "
                "`stored: false` for data never stored"
            )
        return self


_HOW_LONG = ("period", "after", "criteria", "legal_hold", "erasure")
"""What a retention rule says about data it keeps, which data never stored cannot have."""
