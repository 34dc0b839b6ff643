"""Who publishes the notice, for whom, and since when."""

from __future__ import annotations

import datetime
from typing import NamedTuple

from pydantic import Field, model_validator

from .base import (
    AddressLine,
    CountryCode,
    Email,
    Id,
    LanguageTag,
    Name,
    Phone,
    RoleName,
    StrictModel,
    Text,
    Url,
    Version,
)
from .jurisdictions import Jurisdiction
from .terms import Term, Vocabulary


class Dated(NamedTuple):
    """The version and date a published notice is filed and shown under."""

    version: str
    effective: datetime.date


class NoticeUndated(ValueError):
    """The notice has no version or no effective date, which publishing needs."""


class ParentTopic(Vocabulary):
    """A part of the information owed that a parent notice gives instead of a layered notice.
    Each value is the anchor of the page section it stands for, where the page links the
    parent; the rules for that part accept the parent's word for it."""

    CONTROLLER = Term("controller", citation="GDPR Art. 13(1)(a)")
    """Who the controller is and how to reach them, its DPO and representatives (GDPR Art.
    13(1)(a)-(b))."""
    RIGHTS = Term("rights", citation="GDPR Art. 13(2)(b)")
    """The rights people have, the right to complain included, and how to exercise them
    (GDPR Art. 13(2)(b)-(d))."""
    CHILDREN = Term("children")
    """How children's data is handled, and any minimum age."""
    SECURITY = Term("security")
    """How personal data is protected (GDPR Art. 5(1)(f), 32)."""
    CHANGES = Term("changes")
    """How changes to the notices are announced (GDPR Art. 13(3))."""


class ParentNotice(StrictModel):
    """The notice a layered notice adds to, and what it leaves to it."""

    title: Text
    """The parent notice's title as published, e.g. "Mozilla Privacy Policy"."""
    url: Url
    """Where the parent notice is published."""
    covers: list[ParentTopic] = Field(min_length=1)
    """The parts of the information owed that the parent notice gives for this one: `controller`,
    `rights`, `children`, `security`, `changes`. Rules accept these as given there; every other
    part must be in this notice."""


class NoticeMeta(StrictModel):
    id: Id
    """Stable identifier of the notice; names the published files (`<id>.pdf`)."""
    title: Text
    """The notice's title as published, e.g. "Privacy Notice"."""
    version: Version | None = None
    """Version of this text, e.g. "2.0.0". Quote it in YAML so that `1.10` stays `1.10`. Left
    out when the published text has none: the version is then known by its effective date."""
    effective: datetime.date | None = None
    """Date from which this version applies (YYYY-MM-DD), the "last updated" date of the text.
    Left out when the published text gives none: lint reports it (NG805; NG428 as an error for
    the CCPA), and the site publishes the text undated, without archiving it as a version."""
    last_reviewed: datetime.date | None = None
    """Date the notice was last reviewed; CCPA requires a review at least every 12 months."""
    language: LanguageTag = "en"
    """Language the notice is written in; translations are made from it. Dates, lists and
    country names follow the tag's region (`en-US`: "December 5, 2026"); a tag without one
    follows the region of the controller's postal address where the language has conventions
    there (`en` for a company in `GB`: "5 December 2026"), else the language's own."""
    languages: list[LanguageTag] = Field(default_factory=list)
    """Every language the notice is published in, the source language included; each page's
    dates and lists follow its tag's region, or the controller's country, as for `language`."""
    jurisdictions: list[Jurisdiction] = Field(default_factory=list)
    """Legal regimes the notice claims to satisfy; each turns on its completeness rules."""
    url: Url | None = None
    """Where the notice is published: the address of the built site's folder. Each page names
    its versions in other languages by their full address under it (for search engines)."""
    parent: ParentNotice | None = None
    """The notice this one adds to, for a layered notice (a product's notice under the
    company's general privacy policy): its address and the parts it gives instead of this one
    (WP260 rev.01 on layered notices)."""

    def left_to_parent(self, topic: ParentTopic) -> bool:
        """Whether the parent notice is declared to give this part of the information."""
        return self.parent is not None and topic in self.parent.covers

    @property
    def dated(self) -> Dated:
        """The version (its date when it has no number) and effective date, for what
        archives or exports a version of the notice (NoticeUndated for an undated one:
        `noticegen build` archives no such version and leaves out the dated exports)."""
        if self.effective is None:
            raise NoticeUndated("the notice has no date (`notice.effective`) to publish it under")
        return Dated(self.version or self.effective.isoformat(), self.effective)


class SensitiveDataUse(Vocabulary):
    """What the business uses sensitive personal information for (CCPA)."""

    PERMITTED_PURPOSES_ONLY = Term("permitted_purposes_only", citation="11 CCR 7027(m)")
    """Only for the purposes listed in 11 CCR 7027(m) (providing the goods or services,
    security, short-term transient use, ...): no right to limit is owed."""
    BEYOND_PERMITTED_PURPOSES = Term(
        "beyond_permitted_purposes", citation="Cal. Civ. Code 1798.121(a)"
    )
    """Also for other purposes (e.g. inferring characteristics): the right to limit is owed."""


class Business(StrictModel):
    """Facts about the business that decide which disclosures the law asks of the notice."""

    online_only: bool | None = None
    """The business operates exclusively online and has a direct relationship with the
    consumers it collects from: an email address is then the only request method owed, and no
    toll-free number (Cal. Civ. Code 1798.130(a)(1)(A))."""
    sensitive_data_use: SensitiveDataUse | None = None
    """What sensitive personal information is used for; `permitted_purposes_only` means no
    right to limit its use is owed (Cal. Civ. Code 1798.121(d); 11 CCR 7027(m))."""


class Address(StrictModel):
    street: AddressLine
    """Street and number."""
    locality: AddressLine
    """City or town."""
    postal_code: AddressLine | None = None
    """Postal code."""
    region: AddressLine | None = None
    """State, province or region."""
    country: CountryCode
    """Country, as an ISO 3166-1 alpha-2 code."""


class Contact(StrictModel):
    name: RoleName | None = None
    """Name of the person or organisation. Left out when the notice gives only a way to reach
    them (an appointed representative reachable by email): NG332 reports a representative
    with no name, whose identity Art. 13(1)(a) asks for."""
    email: Email | None = None
    """Email address for privacy matters."""
    phone: Phone | None = None
    """Telephone number, international format."""
    postal_address: Address | None = None
    """Postal address."""
    url: Url | None = None
    """A web page or form where this contact can be reached."""

    @model_validator(mode="after")
    def _names_or_reaches(self) -> Contact:
        if self.name is None and not (self.email or self.phone or self.postal_address or self.url):
            raise ValueError("a contact needs a name or a way to reach it")
        return self


class Controller(StrictModel):
    name: Name
    """Name the company is known by."""
    legal_name: Name | None = None
    """Full legal name of the entity responsible for the processing (GDPR Art. 13(1)(a))."""
    registration: RoleName | None = None
    """The company's registration as the page states it, register and number, e.g.
    "Registered in England and Wales, no. 01234567": translated with the notice, so the
    register reads in each page's language while the number is copied as it is."""
    postal_address: Address | None = None
    """Registered postal address."""
    email: Email | None = None
    """Email address for privacy matters."""
    phone: Phone | None = None
    """Telephone number, international format."""
    website: Url | None = None
    """The company's website."""
    dpo: Contact | None = None
    """Data protection officer (GDPR Art. 37-39; Art. 13(1)(b))."""
    no_dpo_reason: Text | None = None
    """Why no DPO is designated, stated instead of `dpo` when Art. 37 does not require one."""
    eu_representative: Contact | None = None
    """Representative in the EU for a controller established outside it (GDPR Art. 27)."""
    uk_representative: Contact | None = None
    """Representative in the UK for a controller established outside it (UK GDPR Art. 27)."""
    supervisory_authority: Contact | None = None
    """Lead supervisory authority, named so users know where to complain."""


class ControllerRole(Vocabulary):
    """How another controller shares the responsibility for the processing."""

    JOINT = Term("joint", citation="GDPR Art. 26(1)")
    """Determines the purposes and means together with `controller` (GDPR Art. 26)."""
    REGIONAL = Term("regional")
    """Responsible instead of `controller` for some people, regions or services ("X Inc. or X
    B.V.", the entity that employs an applicant)."""


class OtherController(Controller):
    role: ControllerRole
    """Whether it is a joint controller or responsible for some people, regions or services."""
    responsible_for: Text | None = None
    """Whom or what it is responsible for, e.g. "Users in the EEA and the UK"."""
    arrangement: Text | None = None
    """For a joint controller, the essence of the arrangement between the controllers (GDPR
    Art. 26(2)): who answers requests and who gives this notice."""


class Scope(StrictModel):
    applies_to: list[Text] = Field(min_length=1)
    """Services, sites, apps and people the notice covers."""
    excludes: list[Text] = Field(default_factory=list)
    """What the notice expressly does not cover, e.g. third-party sites linked from ours."""
    audiences: list[Text] = Field(default_factory=list)
    """Groups of people addressed, e.g. customers, prospects, website visitors."""
    as_processor: list[Text] = Field(default_factory=list)
    """Processing the company does as a processor on its customers' behalf (GDPR Art. 28), e.g.
    "Content our customers' sites collect from their visitors": outside this notice, which
    the customers' own notices cover."""
