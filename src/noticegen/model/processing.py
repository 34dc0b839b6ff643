"""What is collected, why, and on what legal basis."""

from __future__ import annotations

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
from .terms import N_, Term, Vocabulary


class Source(Vocabulary):
    """Where a piece of personal data comes from (GDPR Art. 14(2)(f))."""

    PROVIDED = Term("provided", N_("Provided by you"))
    VOLUNTEERED = Term("volunteered", N_("Content you choose to give us"))
    """Content the person chooses to store, publish or contribute (files, posts, recordings),
    which the company does not ask for: provided by them, but never a requirement."""
    OBSERVED = Term("observed", N_("Collected automatically when you use our services"))
    DERIVED = Term("derived", N_("Derived from other data we hold"))
    THIRD_PARTY = Term("third_party", N_("Received from third parties"))
    PUBLIC = Term("public", N_("Publicly available sources"))


_CCPA_CATEGORY = "Cal. Civ. Code 1798.140(v)(1)"


class CcpaCategory(Vocabulary):
    """Categories of personal information listed in Cal. Civ. Code 1798.140(v)(1)."""

    # A category whose data is always one store-label type names it (`apple`, `google` and
    # its DPV `pd:` term); the others span several types (`commercial` is also products
    # considered, `geolocation` may be coarse, `identifiers` are names, addresses and account
    # names alike), which the data's own words must decide (`model.vocabulary.label_type`).

    IDENTIFIERS = Term("identifiers", N_("Identifiers"), citation=f"{_CCPA_CATEGORY}(A)")
    CUSTOMER_RECORDS = Term(
        "customer_records",
        N_("Customer records (Cal. Civ. Code 1798.80(e))"),
        citation=f"{_CCPA_CATEGORY}(B)",
    )
    PROTECTED_CLASSIFICATIONS = Term(
        "protected_classifications",
        N_("Characteristics of protected classifications"),
        citation=f"{_CCPA_CATEGORY}(C)",
    )
    COMMERCIAL = Term("commercial", N_("Commercial information"), citation=f"{_CCPA_CATEGORY}(D)")
    BIOMETRIC = Term(
        "biometric",
        N_("Biometric information"),
        citation=f"{_CCPA_CATEGORY}(E)",
        dpv="pd:Biometric",
        apple="Sensitive Info",
        apple_key="SensitiveInfo",
        google="PSL_OTHER_PERSONAL",
    )
    INTERNET_ACTIVITY = Term(
        "internet_activity",
        N_("Internet or other electronic network activity"),
        citation=f"{_CCPA_CATEGORY}(F)",
    )
    GEOLOCATION = Term("geolocation", N_("Geolocation data"), citation=f"{_CCPA_CATEGORY}(G)")
    SENSORY = Term("sensory", N_("Sensory data"), citation=f"{_CCPA_CATEGORY}(H)")
    PROFESSIONAL = Term(
        "professional",
        N_("Professional or employment-related information"),
        citation=f"{_CCPA_CATEGORY}(I)",
        dpv="pd:Professional",
        apple="Other Data Types",
        apple_key="OtherDataTypes",
        google="PSL_OTHER_PERSONAL",
    )
    EDUCATION = Term(
        "education",
        N_("Education information"),
        citation=f"{_CCPA_CATEGORY}(J)",
        dpv="pd:Education",
        apple="Other Data Types",
        apple_key="OtherDataTypes",
        google="PSL_OTHER_PERSONAL",
    )
    INFERENCES = Term(
        "inferences",
        N_("Inferences drawn from other personal information"),
        citation=f"{_CCPA_CATEGORY}(K)",
        dpv="pd:Profile",
        apple="Other Data Types",
        apple_key="OtherDataTypes",
        google="PSL_OTHER_PERSONAL",
    )
    SENSITIVE = Term(
        "sensitive", N_("Sensitive personal information"), citation=f"{_CCPA_CATEGORY}(L)"
    )


class DataCategory(StrictModel):
    label: Text
    """Short name shown to readers, e.g. "Email address"."""
    description: Markdown | None = None
    """What exactly is meant, in plain words."""
    source: Source | None = None
    """How the data is obtained: provided by the person, observed, derived, or from others.
    Left out when the notice does not say (NG219 reports it)."""
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


class LegalBasis(Vocabulary):
    """The lawful basis under GDPR Art. 6(1)."""

    # `dpv`: the DPV GDPR extension's article (also for the UK GDPR's bases).

    CONSENT = Term(
        "consent",
        N_("Consent (GDPR Art. 6(1)(a))"),
        citation="GDPR Art. 6(1)(a)",
        dpv="eu-gdpr:A6-1-a",
    )
    CONTRACT = Term(
        "contract",
        N_("Performance of a contract (GDPR Art. 6(1)(b))"),
        citation="GDPR Art. 6(1)(b)",
        dpv="eu-gdpr:A6-1-b",
    )
    LEGAL_OBLIGATION = Term(
        "legal_obligation",
        N_("Legal obligation (GDPR Art. 6(1)(c))"),
        citation="GDPR Art. 6(1)(c)",
        dpv="eu-gdpr:A6-1-c",
    )
    VITAL_INTERESTS = Term(
        "vital_interests",
        N_("Vital interests (GDPR Art. 6(1)(d))"),
        citation="GDPR Art. 6(1)(d)",
        dpv="eu-gdpr:A6-1-d",
    )
    PUBLIC_TASK = Term(
        "public_task",
        N_("Public task (GDPR Art. 6(1)(e))"),
        citation="GDPR Art. 6(1)(e)",
        dpv="eu-gdpr:A6-1-e",
    )
    LEGITIMATE_INTERESTS = Term(
        "legitimate_interests",
        N_("Legitimate interests (GDPR Art. 6(1)(f))"),
        citation="GDPR Art. 6(1)(f)",
        dpv="eu-gdpr:A6-1-f",
    )


def _lgpd(value: str, article: str, dpv: str) -> Term:
    return Term(value, citation=article, wording=article, dpv=dpv)


class LgpdBasis(Vocabulary):
    """A legal basis in the LGPD's own terms: the hypotheses of Art. 7 (personal data) and of
    Art. 11 (sensitive data), which do not map one to one onto GDPR Art. 6(1)."""

    # No label: the page and `diff` name each by its article, the same in every language. DPV
    # has no articles for them, so `dpv` is the DPV core kind of basis each is
    # (`dpv:LegalBasis` where none fits).

    ART_7_I = _lgpd("lgpd_7_i", "LGPD Art. 7(I)", "dpv:Consent")
    """Consent of the data subject."""
    ART_7_II = _lgpd("lgpd_7_ii", "LGPD Art. 7(II)", "dpv:LegalObligation")
    """Compliance with a legal or regulatory obligation."""
    ART_7_III = _lgpd("lgpd_7_iii", "LGPD Art. 7(III)", "dpv:PublicInterest")
    """Execution of public policies by the public administration."""
    ART_7_IV = _lgpd("lgpd_7_iv", "LGPD Art. 7(IV)", "dpv:PublicInterest")
    """Studies by a research body."""
    ART_7_V = _lgpd("lgpd_7_v", "LGPD Art. 7(V)", "dpv:Contract")
    """Performance of a contract, or preliminary procedures, at the data subject's request."""
    ART_7_VI = _lgpd("lgpd_7_vi", "LGPD Art. 7(VI)", "dpv:LegalBasis")
    """Regular exercise of rights in judicial, administrative or arbitration proceedings."""
    ART_7_VII = _lgpd("lgpd_7_vii", "LGPD Art. 7(VII)", "dpv:VitalInterest")
    """Protection of the life or physical safety of the data subject or a third party."""
    ART_7_VIII = _lgpd("lgpd_7_viii", "LGPD Art. 7(VIII)", "dpv:VitalInterest")
    """Protection of health, by health professionals, services or authorities."""
    ART_7_IX = _lgpd("lgpd_7_ix", "LGPD Art. 7(IX)", "dpv:LegitimateInterest")
    """Legitimate interests of the controller or a third party."""
    ART_7_X = _lgpd("lgpd_7_x", "LGPD Art. 7(X)", "dpv:LegitimateInterest")
    """Protection of credit."""
    ART_11_I = _lgpd("lgpd_11_i", "LGPD Art. 11(I)", "dpv:ExplicitlyExpressedConsent")
    """Specific and highlighted consent, for sensitive data."""
    ART_11_II_A = _lgpd("lgpd_11_ii_a", "LGPD Art. 11(II)(a)", "dpv:LegalObligation")
    """Sensitive data: compliance with a legal or regulatory obligation."""
    ART_11_II_B = _lgpd("lgpd_11_ii_b", "LGPD Art. 11(II)(b)", "dpv:PublicInterest")
    """Sensitive data: shared processing needed for public policies."""
    ART_11_II_C = _lgpd("lgpd_11_ii_c", "LGPD Art. 11(II)(c)", "dpv:PublicInterest")
    """Sensitive data: studies by a research body."""
    ART_11_II_D = _lgpd("lgpd_11_ii_d", "LGPD Art. 11(II)(d)", "dpv:LegalBasis")
    """Sensitive data: regular exercise of rights, including in a contract or proceedings."""
    ART_11_II_E = _lgpd("lgpd_11_ii_e", "LGPD Art. 11(II)(e)", "dpv:VitalInterest")
    """Sensitive data: protection of the life or physical safety of anyone."""
    ART_11_II_F = _lgpd("lgpd_11_ii_f", "LGPD Art. 11(II)(f)", "dpv:VitalInterest")
    """Sensitive data: protection of health, by health professionals, services or authorities."""
    ART_11_II_G = _lgpd("lgpd_11_ii_g", "LGPD Art. 11(II)(g)", "dpv:LegitimateInterest")
    """Sensitive data: fraud prevention and the security of the data subject in identification
    and authentication in electronic systems."""


def _fadp(value: str, kind: str, dpv: str) -> Term:
    article = "FADP Art. 31(1)"
    return Term(value, citation=article, wording=f"{article} ({kind})", dpv=dpv)


class FadpJustification(Vocabulary):
    """A justification under the Swiss FADP Art. 31(1): Swiss law needs one only where
    processing would otherwise breach personality rights, so its terms differ from Art. 6(1)."""

    # No label: the page and `diff` name each by its article and kind.

    CONSENT = _fadp("fadp_consent", "consent", "dpv:Consent")
    OVERRIDING_PRIVATE_INTEREST = _fadp(
        "fadp_overriding_private_interest", "overriding private interest", "dpv:LegitimateInterest"
    )
    OVERRIDING_PUBLIC_INTEREST = _fadp(
        "fadp_overriding_public_interest", "overriding public interest", "dpv:PublicInterest"
    )
    LAW = _fadp("fadp_law", "law", "dpv:LegalObligation")


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
    return basis.wording


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


class SpecialCategoryCondition(Vocabulary):
    """The condition under GDPR Art. 9(2) that lifts the ban on special-category data."""

    EXPLICIT_CONSENT = Term(
        "explicit_consent",
        N_("Explicit consent (GDPR Art. 9(2)(a))"),
        citation="GDPR Art. 9(2)(a)",
    )
    EMPLOYMENT = Term(
        "employment",
        N_("Employment and social security law (GDPR Art. 9(2)(b))"),
        citation="GDPR Art. 9(2)(b)",
    )
    VITAL_INTERESTS = Term(
        "vital_interests",
        N_("Vital interests (GDPR Art. 9(2)(c))"),
        citation="GDPR Art. 9(2)(c)",
    )
    NOT_FOR_PROFIT = Term(
        "not_for_profit",
        N_("Not-for-profit body (GDPR Art. 9(2)(d))"),
        citation="GDPR Art. 9(2)(d)",
    )
    MADE_PUBLIC = Term(
        "made_public",
        N_("Made public by you (GDPR Art. 9(2)(e))"),
        citation="GDPR Art. 9(2)(e)",
    )
    LEGAL_CLAIMS = Term(
        "legal_claims",
        N_("Legal claims (GDPR Art. 9(2)(f))"),
        citation="GDPR Art. 9(2)(f)",
    )
    SUBSTANTIAL_PUBLIC_INTEREST = Term(
        "substantial_public_interest",
        N_("Substantial public interest (GDPR Art. 9(2)(g))"),
        citation="GDPR Art. 9(2)(g)",
    )
    HEALTH_CARE = Term(
        "health_care",
        N_("Health or social care (GDPR Art. 9(2)(h))"),
        citation="GDPR Art. 9(2)(h)",
    )
    PUBLIC_HEALTH = Term(
        "public_health",
        N_("Public health (GDPR Art. 9(2)(i))"),
        citation="GDPR Art. 9(2)(i)",
    )
    ARCHIVING_RESEARCH = Term(
        "archiving_research",
        N_("Archiving, research or statistics (GDPR Art. 9(2)(j))"),
        citation="GDPR Art. 9(2)(j)",
    )


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


class RecipientKind(Vocabulary):
    """The role of a recipient of personal data."""

    PROCESSOR = Term(
        "processor", N_("Service provider acting on our instructions"), dpv="dpv:DataProcessor"
    )
    CONTROLLER = Term("controller", N_("Independent controller"), dpv="dpv:ThirdParty")
    AFFILIATE = Term("affiliate", N_("Company in our group"), dpv="dpv:ThirdParty")
    PUBLIC_AUTHORITY = Term("public_authority", N_("Public authority"), dpv="dpv:Authority")
    PUBLIC = Term("public", N_("The public"), dpv="dpv:Recipient")


class SaleException(Vocabulary):
    """Why the CCPA does not count a disclosure as a sale: a statutory exception (Cal. Civ.
    Code 1798.140(ad)(2)), or a disclosure for one of its business purposes (1798.140(e))."""

    CONSUMER_DIRECTED = Term("consumer_directed", citation="Cal. Civ. Code 1798.140(ad)(2)(A)")
    """The person directs the disclosure, or uses the business to interact with the recipient
    ((ad)(2)(A))."""
    OPT_OUT_SIGNAL = Term("opt_out_signal", citation="Cal. Civ. Code 1798.140(ad)(2)(B)")
    """Telling a third party that the person opted out or limited use ((ad)(2)(B))."""
    BUSINESS_TRANSFER = Term("business_transfer", citation="Cal. Civ. Code 1798.140(ad)(2)(C)")
    """A transfer as an asset in a merger, acquisition or bankruptcy ((ad)(2)(C))."""
    BUSINESS_PURPOSE = Term("business_purpose", citation="Cal. Civ. Code 1798.140(e)")
    """A disclosure for the business purposes of 1798.140(e) that the recipient's purposes
    name, such as helping to ensure security and integrity ((e)(2)) with fraud and abuse
    prevention bodies: it holds only while each of those purposes is a business purpose."""


class Recipient(StrictModel):
    label: Text
    """Name or category of recipient, e.g. "Email delivery provider"."""
    kind: RecipientKind | None = None
    """Processor/service provider, independent controller/partner, affiliate, authority, public;
    left out where the notice does not say what role the recipient plays (GDPR Art. 13(1)(e)
    asks only for recipients or their categories)."""
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


class RetentionEvent(Vocabulary):
    """An event that starts or ends a retention period."""

    # Labelled as what a period runs from ("after ..."), and as what alone bounds it (`until`).

    ACCOUNT_CLOSURE = Term(
        "account_closure",
        N_("after your account is closed"),
        until=N_("Until your account is closed"),
    )
    CONTRACT_END = Term(
        "contract_end", N_("after the contract ends"), until=N_("Until the contract ends")
    )
    REQUEST_RESOLVED = Term(
        "request_resolved",
        N_("after your request is resolved"),
        until=N_("Until your request is resolved"),
    )
    CONSENT_WITHDRAWN = Term(
        "consent_withdrawn",
        N_("after you withdraw consent"),
        until=N_("Until you withdraw consent"),
    )
    LAST_ACTIVITY = Term(
        "last_activity", N_("after your last activity"), until=N_("Until your last activity")
    )
    COLLECTION = Term("collection", N_("after collection"), until=N_("Until collection"))
    USER_DELETION = Term(
        "user_deletion", N_("after you delete it"), until=N_("Until you delete it")
    )
    """The person deletes the item themselves (a post, a file, a message)."""


class ErasureMethod(Vocabulary):
    """What happens to the data when it is no longer kept."""

    DELETE = Term("delete", N_("Then deleted"))
    ANONYMISE = Term("anonymise", N_("Then anonymised"))
    HIDE = Term("hide", N_("Then hidden from use"))
    DELETE_OR_ANONYMISE = Term("delete_or_anonymise", N_("Then deleted or anonymised"))
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
