"""The root of a notice file, and of a jurisdictional supplement."""

from __future__ import annotations

from pydantic import Field

from .base import Id, LanguageTag, StrictModel, Text
from .meta import Business, Controller, Jurisdiction, NoticeMeta, OtherController, Scope
from .practices import App, Changes, Children, Cookie, Link, Promise, Section, Security, Transfer
from .processing import DataCategory, Purpose, Recipient, RetentionRule
from .rights import ConsentWithdrawal, Requests, Right, RightDetail


class Notice(StrictModel):
    """A privacy notice: the facts of the processing, and the prose that explains them."""

    notice: NoticeMeta
    """Identity, version and languages of the notice."""
    controller: Controller
    """Who is responsible for the processing and how to reach them (GDPR Art. 13(1)(a)-(b))."""
    other_controllers: dict[Id, OtherController] = Field(default_factory=dict)
    """Controllers besides `controller`, keyed by id: joint controllers, and entities
    responsible for some people, regions or services ("X Inc. or X B.V.")."""
    scope: Scope
    """What the notice covers and what it does not."""
    business: Business | None = None
    """Facts about the business that decide what the law asks of the notice (online only,
    what sensitive data is used for); rules read them instead of assuming the strictest case."""
    data: dict[Id, DataCategory] = Field(default_factory=dict)
    """The personal data collected, keyed by id (e.g. `contact.email`)."""
    purposes: dict[Id, Purpose] = Field(default_factory=dict)
    """Why the data is used, each purpose with its legal basis."""
    recipients: dict[Id, Recipient] = Field(default_factory=dict)
    """Who receives personal data, and whether that is a sale or sharing."""
    retention: list[RetentionRule] = Field(default_factory=list)
    """How long each data category is kept."""
    rights: dict[Right, RightDetail] = Field(default_factory=dict)
    """The rights offered, keyed by right; only rights that are really offered."""
    requests: Requests | None = None
    """How requests to exercise rights are made, verified and answered."""
    consent_withdrawal: ConsentWithdrawal | None = None
    """How consent can be withdrawn, when consent is a legal basis."""
    cookies: dict[Id, Cookie] = Field(default_factory=dict)
    """Cookies and similar technologies, keyed by id."""
    transfers: dict[Id, Transfer] = Field(default_factory=dict)
    """International transfers and their safeguards, keyed by id."""
    children: Children | None = None
    """How children's data is handled."""
    security: Security | None = None
    """How personal data is protected."""
    changes: Changes | None = None
    """How changes are announced, and the change log."""
    promises: dict[Id, Promise] = Field(default_factory=dict)
    """Explicit promises the notice makes, checked against the facts."""
    sections: dict[Id, Section] = Field(default_factory=dict)
    """Prose sections for what the structure cannot hold."""
    documents: dict[Id, Link] = Field(default_factory=dict)
    """Other documents the notice refers to, e.g. terms of service or a cookie policy."""
    apps: dict[Id, App] = Field(default_factory=dict)
    """Mobile apps the notice covers; the store-label exports are written only for these."""


class SupplementMeta(StrictModel):
    id: Id
    """Identifier of the supplement; names its page and PDF."""
    title: Text
    """Title, e.g. "Privacy Notice for California Residents"."""
    jurisdiction: Jurisdiction
    """The legal regime the supplement addresses."""
    applies_to: Text
    """Who the supplement is for, e.g. "Residents of California"."""
    languages: list[LanguageTag] = Field(default_factory=list)
    """Languages the supplement is published in; defaults to the notice's."""


class Supplement(StrictModel):
    """Additions for one jurisdiction, published as their own page and linked from the notice."""

    supplement: SupplementMeta
    """Identity of the supplement."""
    rights: dict[Right, RightDetail] = Field(default_factory=dict)
    """Rights offered under this jurisdiction's law, in addition to the notice's."""
    requests: Requests | None = None
    """Request methods specific to this jurisdiction."""
    promises: dict[Id, Promise] = Field(default_factory=dict)
    """Promises made in the supplement, checked against the notice's facts."""
    sections: dict[Id, Section] = Field(default_factory=dict)
    """Prose sections of the supplement."""
