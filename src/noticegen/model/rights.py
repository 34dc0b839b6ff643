"""The rights a notice offers and how people exercise them."""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import Field, model_validator

from .base import (
    EMAIL_PATTERN,
    URL_PATTERN,
    ContactPoint,
    Duration,
    Markdown,
    StrictModel,
    Text,
    Url,
)
from .meta import Jurisdiction
from .terms import N_, Term, Vocabulary


class Right(Vocabulary):
    """A data-subject or consumer right."""

    # Cited where one law names it; the US state laws' appeal and opt-outs are each in many.

    ACCESS = Term("access", N_("Right of access"), citation="GDPR Art. 15")
    RECTIFICATION = Term("rectification", N_("Right to rectification"), citation="GDPR Art. 16")
    ERASURE = Term("erasure", N_("Right to erasure"), citation="GDPR Art. 17")
    RESTRICTION = Term(
        "restriction",
        N_("Right to restriction of processing"),
        citation="GDPR Art. 18",
    )
    PORTABILITY = Term("portability", N_("Right to data portability"), citation="GDPR Art. 20")
    OBJECTION = Term("objection", N_("Right to object"), citation="GDPR Art. 21(1)")
    OBJECT_TO_DIRECT_MARKETING = Term(
        "object_to_direct_marketing",
        N_("Right to object to direct marketing"),
        citation="GDPR Art. 21(2)",
    )
    WITHDRAW_CONSENT = Term(
        "withdraw_consent",
        N_("Right to withdraw consent"),
        citation="GDPR Art. 7(3)",
    )
    NOT_SUBJECT_TO_AUTOMATED_DECISIONS = Term(
        "not_subject_to_automated_decisions",
        N_("Right not to be subject to automated decisions"),
        citation="GDPR Art. 22(1)",
    )
    COMPLAINT = Term(
        "complaint",
        N_("Right to lodge a complaint with a supervisory authority"),
        citation="GDPR Art. 77(1)",
    )
    KNOW = Term("know", N_("Right to know"), citation="Cal. Civ. Code 1798.110")
    DELETE = Term("delete", N_("Right to delete"), citation="Cal. Civ. Code 1798.105")
    CORRECT = Term("correct", N_("Right to correct"), citation="Cal. Civ. Code 1798.106")
    OPT_OUT_OF_SALE_OR_SHARING = Term(
        "opt_out_of_sale_or_sharing",
        N_("Right to opt out of sale or sharing"),
        citation="Cal. Civ. Code 1798.120",
    )
    LIMIT_SENSITIVE = Term(
        "limit_sensitive",
        N_("Right to limit the use of sensitive personal information"),
        citation="Cal. Civ. Code 1798.121",
    )
    NON_DISCRIMINATION = Term(
        "non_discrimination",
        N_("Right to non-discrimination"),
        citation="Cal. Civ. Code 1798.125",
    )
    CONFIRMATION = Term(
        "confirmation",
        N_("Right to confirmation of processing"),
        citation="LGPD Art. 18(I)",
    )
    ANONYMISATION = Term(
        "anonymisation",
        N_("Right to anonymisation, blocking or deletion"),
        citation="LGPD Art. 18(IV)",
    )
    INFORMATION_ON_SHARING = Term(
        "information_on_sharing",
        N_("Right to information about sharing"),
        citation="LGPD Art. 18(VII)",
    )
    INFORMATION_ON_CONSENT = Term(
        "information_on_consent",
        N_("Right to information about refusing consent"),
        citation="LGPD Art. 18(VIII)",
    )
    APPEAL = Term("appeal", N_("Right to appeal a refused request"))
    OPT_OUT_OF_TARGETED_ADVERTISING = Term(
        "opt_out_of_targeted_advertising",
        N_("Right to opt out of targeted advertising"),
    )
    OPT_OUT_OF_PROFILING = Term("opt_out_of_profiling", N_("Right to opt out of profiling"))
    SHINE_THE_LIGHT = Term(
        "shine_the_light",
        N_("Right to know about disclosures for direct marketing"),
        citation="Cal. Civ. Code 1798.83",
    )
    MINORS_CONTENT_REMOVAL = Term(
        "minors_content_removal",
        N_("Right of minors to remove content they posted"),
        citation="Cal. Bus. & Prof. Code 22581",
    )


class RightDetail(StrictModel):
    description: Markdown | None = None
    """What the right lets the person do, in the company's words."""
    how: Markdown | None = None
    """How to exercise this right, where it differs from the general request methods."""
    jurisdictions: list[Jurisdiction] = Field(default_factory=list)
    """The laws under which the right is offered, stated once for all of them (`appeal` under
    the US state laws); empty means wherever the notice applies."""
    limited: bool = False
    """Whether the right does not apply in full (public postings that cannot be erased)."""
    limit_reason: Markdown | None = None
    """Why and where the right is limited; a limit without its reason tells the reader
    nothing they can check or contest."""


class MethodKind(Vocabulary):
    """A channel for submitting a privacy request."""

    EMAIL = Term("email", N_("Email"))
    WEB_FORM = Term("web_form", N_("Web form"))
    TOLL_FREE_PHONE = Term(
        "toll_free_phone", N_("Toll-free telephone"), citation="Cal. Civ. Code 1798.130(a)(1)(A)"
    )
    PHONE = Term("phone", N_("Telephone"))
    POSTAL = Term("postal", N_("Post"))
    IN_ACCOUNT = Term("in_account", N_("In your account"))


_PHONE_PATTERN = r"(?i)^\+?[0-9][0-9 ().-]{5,}((ext\.?|extension|x)\s*[0-9]+)?$"


def _matches(pattern: str) -> Callable[[str], bool]:
    compiled = re.compile(pattern)
    return lambda value: bool(compiled.fullmatch(value))  # `$` alone allows a final newline


_METHOD_VALUE: dict[MethodKind, tuple[Callable[[str], bool], str]] = {
    MethodKind.EMAIL: (_matches(EMAIL_PATTERN), "an email address"),
    MethodKind.WEB_FORM: (_matches(URL_PATTERN), "an http or https address"),
    MethodKind.PHONE: (_matches(_PHONE_PATTERN), "a telephone number"),
    MethodKind.TOLL_FREE_PHONE: (_matches(_PHONE_PATTERN), "a telephone number"),
    # Shown only as text (never a link), so any wording will do, colons included.
    MethodKind.IN_ACCOUNT: (lambda v: bool(v.strip()), "a web address or a description"),
}


class RequestMethod(StrictModel):
    kind: MethodKind
    """How the request is sent: `email`, `web_form`, `phone`, `toll_free_phone`, `postal` or
    `in_account`."""
    value: ContactPoint
    """The address, number or URL to use."""

    @model_validator(mode="after")
    def _value_fits_kind(self) -> RequestMethod:
        # An email becomes a mailto: link and a web form a web link on the published page, so
        # they are checked as the controller's `Email` and every `Url` are; phone numbers and
        # the other kinds are shown as text.
        expected = _METHOD_VALUE.get(self.kind)
        if expected and not expected[0](self.value):
            article = "an" if self.kind[0] in "aeiou" else "a"
            raise ValueError(f"{article} `{self.kind}` request method needs {expected[1]}")
        return self


class Requests(StrictModel):
    methods: list[RequestMethod] = Field(default_factory=list)
    """Channels for submitting requests (CCPA requires at least two, 1798.130(a)(1))."""
    verification: Markdown | None = None
    """How the identity of the requester is verified."""
    authorised_agents: Markdown | None = None
    """How an authorised agent may make a request on someone's behalf (11 CCR 7063)."""
    response_time: Duration | None = None
    """The time within which requests are answered, e.g. `P1M`."""
    opt_out_preference_signals: bool | None = None
    """Whether opt-out preference signals such as Global Privacy Control are honoured."""
    opt_out_link: Url | None = None
    """The "Do Not Sell or Share My Personal Information" link (1798.135)."""
    opt_out_link_location: Text | None = None
    """Where that link is, when the notice describes its place rather than giving its address,
    e.g. "In the footer of every page of our websites"."""
    limit_link: Url | None = None
    """The "Limit the Use of My Sensitive Personal Information" link (1798.135)."""
    metrics_url: Url | None = None
    """Where request metrics are published, if the business must publish them (11 CCR 7102)."""


class ConsentWithdrawal(StrictModel):
    how: Markdown
    """How consent can be withdrawn, as easily as it was given (GDPR Art. 7(3))."""
    settings_url: Url | None = None
    """A page where consent choices can be changed."""
