"""Who publishes the notice, for whom, and since when."""

from __future__ import annotations

import datetime

from pydantic import Field

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


class NoticeMeta(StrictModel):
    id: Id
    """Stable identifier of the notice; names the published files (`<id>.pdf`)."""
    title: Text
    """The notice's title as published, e.g. "Privacy Notice"."""
    version: Version
    """Version of this text, e.g. "2.0.0". Quote it in YAML so that `1.10` stays `1.10`."""
    effective: datetime.date
    """Date from which this version applies (YYYY-MM-DD)."""
    last_reviewed: datetime.date | None = None
    """Date the notice was last reviewed; CCPA requires a review at least every 12 months."""
    language: LanguageTag = "en"
    """Language the notice is written in; translations are made from it."""
    languages: list[LanguageTag] = Field(default_factory=list)
    """Every language the notice is published in, the source language included."""
    jurisdictions: list[Jurisdiction] = Field(default_factory=list)
    """Legal regimes the notice claims to satisfy; each turns on its completeness rules."""
    url: Url | None = None
    """Where the notice is published: the address of the built site's folder. Each page names
    its versions in other languages by their full address under it (for search engines)."""


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
    name: RoleName
    """Name of the person or organisation."""
    email: Email | None = None
    """Email address for privacy matters."""
    phone: Phone | None = None
    """Telephone number, international format."""
    postal_address: Address | None = None
    """Postal address."""
    url: Url | None = None
    """A web page or form where this contact can be reached."""


class Controller(StrictModel):
    name: Name
    """Name the company is known by."""
    legal_name: Name | None = None
    """Full legal name of the entity responsible for the processing (GDPR Art. 13(1)(a))."""
    registration: Name | None = None
    """Company registration number and register."""
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


class Scope(StrictModel):
    applies_to: list[Text] = Field(min_length=1)
    """Services, sites, apps and people the notice covers."""
    excludes: list[Text] = Field(default_factory=list)
    """What the notice expressly does not cover, e.g. third-party sites linked from ours."""
    audiences: list[Text] = Field(default_factory=list)
    """Groups of people addressed, e.g. customers, prospects, website visitors."""
