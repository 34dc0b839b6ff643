"""The rights a notice offers and how people exercise them."""

from __future__ import annotations

import enum
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


class Right(enum.StrEnum):
    """A data-subject or consumer right."""

    ACCESS = "access"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    RESTRICTION = "restriction"
    PORTABILITY = "portability"
    OBJECTION = "objection"
    OBJECT_TO_DIRECT_MARKETING = "object_to_direct_marketing"
    WITHDRAW_CONSENT = "withdraw_consent"
    NOT_SUBJECT_TO_AUTOMATED_DECISIONS = "not_subject_to_automated_decisions"
    COMPLAINT = "complaint"
    KNOW = "know"
    DELETE = "delete"
    CORRECT = "correct"
    OPT_OUT_OF_SALE_OR_SHARING = "opt_out_of_sale_or_sharing"
    LIMIT_SENSITIVE = "limit_sensitive"
    NON_DISCRIMINATION = "non_discrimination"
    CONFIRMATION = "confirmation"
    ANONYMISATION = "anonymisation"
    INFORMATION_ON_SHARING = "information_on_sharing"
    INFORMATION_ON_CONSENT = "information_on_consent"
    APPEAL = "appeal"
    OPT_OUT_OF_TARGETED_ADVERTISING = "opt_out_of_targeted_advertising"
    OPT_OUT_OF_PROFILING = "opt_out_of_profiling"
    SHINE_THE_LIGHT = "shine_the_light"
    MINORS_CONTENT_REMOVAL = "minors_content_removal"


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


class MethodKind(enum.StrEnum):
    """A channel for submitting a privacy request."""

    EMAIL = "email"
    WEB_FORM = "web_form"
    TOLL_FREE_PHONE = "toll_free_phone"
    PHONE = "phone"
    POSTAL = "postal"
    IN_ACCOUNT = "in_account"


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
