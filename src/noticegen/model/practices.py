"""Cookies, transfers, children, security, changes and explicit promises."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Annotated, NamedTuple

from pydantic import ConfigDict, Field, model_validator

from .base import (
    CountryOrRegion,
    Duration,
    Id,
    Markdown,
    Name,
    Role,
    RoleName,
    StrictModel,
    Text,
    Url,
    Version,
)
from .meta import Jurisdiction
from .terms import N_, Term, Vocabulary


class TechnologyKind(Vocabulary):
    """A kind of tracking or storage technology on the user's device."""

    COOKIE = Term("cookie", N_("Cookie"))
    LOCAL_STORAGE = Term("local_storage", N_("Local storage"))
    PIXEL = Term("pixel", N_("Pixel"))
    SDK = Term("sdk", N_("Software development kit"))
    FINGERPRINTING = Term("fingerprinting", N_("Fingerprinting"))


class CookieCategory(Vocabulary):
    """A group of cookies by what they are for, as cookie banners and policies name them."""

    STRICTLY_NECESSARY = Term("strictly_necessary", N_("Strictly necessary cookies"))
    FUNCTIONAL = Term("functional", N_("Functional cookies"))
    ANALYTICS = Term("analytics", N_("Analytics cookies"))
    ADVERTISING = Term("advertising", N_("Advertising cookies"))
    SOCIAL_MEDIA = Term("social_media", N_("Social media cookies"))


# What a category says about the ePrivacy exemption; a functional (preference) cookie may or
# may not be strictly necessary, so it says nothing.
_NECESSARY_BY_CATEGORY = {
    CookieCategory.STRICTLY_NECESSARY: True,
    CookieCategory.ANALYTICS: False,
    CookieCategory.ADVERTISING: False,
    CookieCategory.SOCIAL_MEDIA: False,
}


COOKIE_CONSENT_LAWS = frozenset({Jurisdiction.EPRIVACY, Jurisdiction.GDPR, Jurisdiction.UK_GDPR})
"""The laws under which storing on a device needs prior consent (ePrivacy Art. 5(3), UK PECR
reg. 6, with the GDPR's standard of consent): the keys of a per-jurisdiction `consent` that the
cookie rules read."""


class Cookie(StrictModel):
    """One cookie or similar technology, or a category of them as the notice describes it."""

    # The schema says what the validator below checks, so that editors flag it too.
    model_config = ConfigDict(
        **StrictModel.model_config,
        json_schema_extra={"anyOf": [{"required": ["name"]}, {"required": ["category"]}]},
    )

    name: Name | None = None
    """The cookie's or technology's technical name, e.g. `_ga`; omit it for a `category`."""
    category: CookieCategory | None = None
    """The category, for an entry that stands for a group of cookies the notice does not name
    one by one, e.g. `analytics`."""
    listed_in: Id | None = None
    """Id of the entry of `documents` (e.g. the cookie policy) that lists these cookies with
    their names, providers and durations; those are then not required here."""
    kind: TechnologyKind = TechnologyKind.COOKIE
    """Cookie, local storage, pixel, SDK or fingerprinting."""
    provider: RoleName | None = None
    """Who sets it: the company (first party) or the third party that does."""
    purpose: Id
    """Id of the purpose the technology serves."""
    duration: Duration | None = None
    """How long it stays on the device; omit for a session cookie and set `session: true`."""
    session: bool = False
    """Whether it is deleted when the browser closes."""
    strictly_necessary: bool | None = None
    """Whether it is strictly necessary for a service the user asked for (ePrivacy Art. 5(3));
    omit when the notice does not say (a `category` other than `functional` says it)."""
    consent: bool | dict[Jurisdiction, bool] | None = None
    """Whether it is set only after consent: `true` or `false`, or per jurisdiction where that
    differs (`{gdpr: true, ccpa: false}`); omit when the notice does not say."""
    data: list[Id] = Field(default_factory=list)
    """Ids of the data categories it collects."""

    @model_validator(mode="after")
    def _named_or_categorised(self) -> Cookie:
        if self.name is None and self.category is None:
            raise ValueError("give the cookie's `name`, or a `category` for a group of cookies")
        return self

    @property
    def label(self) -> str:
        """How messages name the entry, at the start of a sentence: its name, or its category."""
        return f"`{self.name}`" if self.name else f"The `{self.category}` cookie category"

    @property
    def necessary(self) -> bool | None:
        """Whether it is strictly necessary, as stated or as its category says; None if unknown."""
        if self.strictly_necessary is not None:
            return self.strictly_necessary
        return _NECESSARY_BY_CATEGORY.get(self.category) if self.category else None

    def consent_under(self, laws: Iterable[str]) -> bool | None:
        """Whether it is set only after consent under these laws (jurisdiction codes): False if
        any of them says it is not, None if the notice does not say for any of them."""
        if not isinstance(self.consent, dict):
            return self.consent
        stated = [self.consent[j] for j in self.consent if j in frozenset(laws)]
        return all(stated) if stated else None


class Safeguard(Vocabulary):
    """The legal mechanism that makes an international transfer lawful (GDPR Chapter V)."""

    # `dpv` is the DPV legal basis and `dpv_measure` the transfer tool, where the DPV GDPR
    # extension has one; the UK and LGPD instruments have no term there, so only the generic
    # basis is stated for them.

    ADEQUACY = Term(
        "adequacy", N_("Adequacy decision"), citation="GDPR Art. 45(3)", dpv="eu-gdpr:A45-3"
    )
    STANDARD_CONTRACTUAL_CLAUSES = Term(
        "standard_contractual_clauses",
        N_("Standard contractual clauses"),
        citation="GDPR Art. 46(2)(c)",
        dpv="eu-gdpr:A46-2-c",
        dpv_measure="eu-gdpr:SCCByCommission",
    )
    BINDING_CORPORATE_RULES = Term(
        "binding_corporate_rules",
        N_("Binding corporate rules"),
        citation="GDPR Art. 46(2)(b)",
        dpv="eu-gdpr:A46-2-b",
        dpv_measure="eu-gdpr:BindingCorporateRules",
    )
    UK_IDTA = Term(
        "uk_idta",
        N_("UK International Data Transfer Agreement"),
        citation="UK GDPR Art. 46(2)(d)",
        dpv="dpv:DataTransferLegalBasis",
    )
    UK_ADDENDUM = Term(
        "uk_addendum",
        N_("UK Addendum to the standard contractual clauses"),
        citation="UK GDPR Art. 46(2)(d)",
        dpv="dpv:DataTransferLegalBasis",
    )
    DATA_PRIVACY_FRAMEWORK = Term(
        "data_privacy_framework",
        N_("EU-US Data Privacy Framework"),
        citation="GDPR Art. 45(3)",
        dpv="eu-gdpr:A45-3",
    )
    DEROGATION = Term(
        "derogation",
        N_("Derogation for a specific situation (GDPR Art. 49)"),
        citation="GDPR Art. 49(1)",
        dpv="dpv:DataTransferLegalBasis",
    )
    LGPD_CLAUSES = Term(
        "lgpd_clauses",
        N_("LGPD standard contractual clauses"),
        citation="LGPD Art. 33(II)(b)",
        dpv="dpv:DataTransferLegalBasis",
    )
    PRIVACY_SHIELD = Term(
        "privacy_shield",
        N_("EU-US or Swiss-US Privacy Shield"),
        citation="GDPR Art. 45(3)",
    )
    """The EU-US or Swiss-US Privacy Shield, which no longer makes any transfer lawful
    (`INVALIDATED`): held so that a notice that still names it can be transcribed as it
    stands, and reported. No DPV basis: it is none."""


class Invalidation(NamedTuple):
    """How a transfer mechanism stopped being one, and what replaced it."""

    by: str
    """Who struck it down, as lawyers cite it."""
    on: datetime.date
    """When."""
    replaced_by: str
    """The mechanism that took its place, if any, as lawyers cite it."""


INVALIDATED: dict[Safeguard, Invalidation] = {
    Safeguard.PRIVACY_SHIELD: Invalidation(
        "the Court of Justice of the EU (C-311/18, Schrems II)",
        datetime.date(2020, 7, 16),
        "the EU-US Data Privacy Framework (Commission Implementing Decision (EU) 2023/1795 of "
        "10 July 2023)",
    ),
}
"""Mechanisms notices still name that no longer make a transfer lawful."""


class Transfer(StrictModel):
    destination: CountryOrRegion
    """The country the data goes to."""
    recipients: list[Id] = Field(default_factory=list)
    """Ids of the recipients that receive the data there."""
    safeguard: Safeguard | None = None
    """The transfer mechanism (GDPR Art. 13(1)(f), 44-49)."""
    details: Markdown | None = None
    """Further details, e.g. supplementary measures."""
    safeguard_copy: Markdown | None = None
    """How to obtain a copy of the safeguard, or where it is made available (Art. 13(1)(f))."""


class Children(StrictModel):
    minimum_age: int | None = Field(default=None, ge=0, le=21)
    """Minimum age for using the services."""
    directed_to_children: bool = False
    """Whether the services are directed to children."""
    statement: Markdown
    """What the company does about children's data, including verified parental consent."""
    sells_or_shares_under_16: bool = False
    """Whether data of consumers under 16 is sold or shared (Cal. Civ. Code 1798.120(c))."""


class Security(StrictModel):
    measures: list[Text] = Field(default_factory=list)
    """Technical and organisational measures, e.g. "Encryption in transit (TLS 1.2+)"."""
    statement: Markdown | None = None
    """A plain description of how data is protected."""
    encrypted_in_transit: bool | None = None
    """Whether all personal data collected is encrypted in transit (Google Play Data safety)."""


class ChangeEntry(StrictModel):
    version: Version
    """The version introduced by this change."""
    date: datetime.date
    """The date it took effect."""
    summary: Text
    """What changed, in plain words."""
    material: bool = False
    """Whether the change was material and announced to users in advance."""


class Changes(StrictModel):
    how_notified: Markdown
    """How users are told of changes before they take effect (GDPR Art. 13(3))."""
    log: list[ChangeEntry] = Field(default_factory=list)
    """Earlier versions and what changed in each, newest first."""


class PromiseKind(Vocabulary):
    """What a promise says never happens."""

    NO_SALE = Term("no_sale")
    NO_SHARING = Term("no_sharing")
    NO_DISCLOSURE = Term("no_disclosure")
    NO_TRANSFER_OUTSIDE_EEA = Term("no_transfer_outside_eea")
    NO_AUTOMATED_DECISIONS = Term("no_automated_decisions")
    NO_SENSITIVE_DATA = Term("no_sensitive_data")


class Promise(StrictModel):
    kind: PromiseKind
    """What the promise rules out, e.g. `no_sale`; lint checks it against the facts."""
    text: Text
    """The sentence as published, e.g. "We do not sell your personal data"."""
    data: list[Id] = Field(default_factory=list)
    """Ids of the data the promise is about; empty means all personal data."""


class Section(StrictModel):
    title: Text
    """Heading of the section."""
    body: Markdown
    """The section's text."""


class Link(StrictModel):
    label: Text
    """Text of the link, as readers see it."""
    url: Url
    """Address of the document."""


class AppPlatform(Vocabulary):
    """A store an app is published in."""

    IOS = Term("ios")
    ANDROID = Term("android")


class App(StrictModel):
    name: Name
    """The app's name in the store."""
    platforms: list[AppPlatform] = Field(min_length=1)
    """Where it is published: `ios` (App Store) and/or `android` (Google Play)."""
    tracking_domains: list[Annotated[str, Role.URL]] = Field(default_factory=list)
    """Internet domains the app connects to for tracking (privacy manifest)."""
    account_deletion_url: Url | None = None
    """Where users ask for their account and its data to be deleted (Google Play)."""
