"""The strict base model and the small types every part of the notice shares."""

from __future__ import annotations

import enum
import re
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from .countries import check_country, check_country_or_region
from .terms import Region


class Role(enum.Enum):
    """What a field holds. Translation, the prose rules, rendering, diff and exports decide what
    to do with a field from its role (its type), never from its name."""

    PROSE = "prose"
    """Paragraphs in Markdown: translated, read by the prose rules, rendered as Markdown."""
    TEXT = "text"
    """A short plain text (a label, a title, a summary): translated and read by the prose rules."""
    ROLE_NAME = "role name"
    """A name that is often a role or an institution ("Data Protection Officer"): translated,
    with a note to copy a real name as it is."""
    NAME = "name"
    """The proper name of a person, company or product, or a registration: shown as written."""
    IDENTIFIER = "identifier"
    """An id of this notice's own, or a reference to one."""
    CODE = "code"
    """A value from one of the model's vocabularies (an enum)."""
    URL = "url"
    EMAIL = "email"
    PHONE = "phone"
    CONTACT_POINT = "contact point"
    """An address, number or description to send a request to, checked against its kind."""
    ADDRESS = "address"
    """A line of a postal address."""
    COUNTRY = "country"
    LANGUAGE = "language"
    DATE = "date"
    DURATION = "duration"
    VERSION = "version"
    NUMBER = "number"
    FLAG = "flag"

    @property
    def translated(self) -> bool:
        return self in _TRANSLATED

    @property
    def prose(self) -> bool:
        """Read by the prose and contradiction rules."""
        return self in _PROSE


_TRANSLATED = frozenset({Role.PROSE, Role.TEXT, Role.ROLE_NAME})
_PROSE = frozenset({Role.PROSE, Role.TEXT})

Text = Annotated[str, Role.TEXT]
Name = Annotated[str, Role.NAME]
RoleName = Annotated[str, Role.ROLE_NAME]
AddressLine = Annotated[str, Role.ADDRESS]
Phone = Annotated[str, Role.PHONE]
ContactPoint = Annotated[str, Role.CONTACT_POINT]
VERSION_PATTERN = r"^\d+(\.\d+){0,2}$"
Version = Annotated[
    str,
    StringConstraints(pattern=VERSION_PATTERN),
    Role.VERSION,
]

ID_PATTERN = r"^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$"
ID_RE = re.compile(ID_PATTERN)

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    Role.IDENTIFIER,
    Field(
        description="A stable identifier: lower case letters, digits, '_' and '-', with '.' "
        "separating levels (e.g. `contact.email`). It is used for cross-references, as the "
        "anchor in the published page and as the translation context."
    ),
]


def covers(general: str, specific: str) -> bool:
    """True when id `general` is `specific` or one of its ancestors (`location` covers
    `location.precise`)."""
    return specific == general or specific.startswith(general + ".")


def related(a: str, b: str) -> bool:
    """True when either id covers the other."""
    return covers(a, b) or covers(b, a)


Markdown = Annotated[
    str,
    Role.PROSE,
    Field(
        description="Text in Markdown. Raw HTML is shown as text; links may use https, http, "
        "mailto or an in-page anchor such as `#controller`."
    ),
]
# At least one part, and at least one after a `T`: written out as alternatives, since the
# model's regular expressions have no look-ahead (see StrictModel).
DURATION_PATTERN = (
    r"^P(?:(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?T(?:\d+H(?:\d+M)?(?:\d+S)?|\d+M(?:\d+S)?|\d+S)"
    r"|\d+Y(?:\d+M)?(?:\d+W)?(?:\d+D)?|\d+M(?:\d+W)?(?:\d+D)?|\d+W(?:\d+D)?|\d+D)$"
)
Duration = Annotated[
    str,
    StringConstraints(pattern=DURATION_PATTERN),
    Role.DURATION,
    Field(description="An ISO 8601 duration, e.g. `P3Y` (three years) or `P13M` (13 months)."),
]
DURATION_RE = re.compile(DURATION_PATTERN)
_DAYS_PER = {"Y": 365.2425, "M": 30.436875, "W": 7.0, "D": 1.0}
_DAYS_PER_TIME = {"H": 1 / 24, "M": 1 / 1440, "S": 1 / 86400}


def duration_days(value: str) -> float:
    """An ISO 8601 duration in days, the one place durations are measured.

    Years and months count at their Gregorian average (365.2425 and 30.436875 days), so that
    `P12M` equals `P1Y` and `P13M` is longer. The time part counts too, as fractions of a day
    rather than rounded: `PT36H` is 1.5 days and `PT400H` about 16.7, so a limit compared with
    `>` is exceeded by any amount over it, however small.
    """
    if not DURATION_RE.fullmatch(value):
        raise ValueError(f"not an ISO 8601 duration: {value!r}")
    date_part, _, time_part = value[1:].partition("T")
    days = sum(float(n) * _DAYS_PER[u] for n, u in re.findall(r"(\d+)([YMWD])", date_part))
    return days + sum(
        float(n) * _DAYS_PER_TIME[u] for n, u in re.findall(r"(\d+)([HMS])", time_part)
    )


CountryCode = Annotated[
    str,
    BeforeValidator(check_country),
    StringConstraints(pattern=r"^[A-Z]{2}$"),
    Role.COUNTRY,
    Field(
        description="An ISO 3166-1 alpha-2 country code, e.g. `FR` or `GB` (not `UK`); `XX`, "
        "which `noticegen init` writes, stands for a country still to fill in."
    ),
]
CountryOrRegion = Annotated[
    str,
    BeforeValidator(check_country_or_region),
    StringConstraints(pattern=rf"^([A-Z]{{2}}|{'|'.join(Region)})$"),
    Role.COUNTRY,
    Field(
        description="An ISO 3166-1 alpha-2 country code (e.g. `US`), or `EEA`, `EU` or `WORLDWIDE`."
    ),
]
LanguageTag = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$"),
    Role.LANGUAGE,
    Field(description="A BCP 47 language tag, e.g. `en`, `fr`, `pt-BR`."),
]
# An address becomes a `mailto:` link, so it may not carry what a mailto: URL reads as more
# than the address: `?`, `&` (headers such as `bcc=`), `/`, `:`, `,` and `;` (more recipients)
# and `%` (which could encode any of those).
EMAIL_PATTERN = r"^[^@\s?&/:,;%]+@[^@\s?&/:,;%]+\.[^@\s?&/:,;%]+$"
Email = Annotated[
    str,
    StringConstraints(pattern=EMAIL_PATTERN),
    Role.EMAIL,
    Field(
        description="An email address, such as `privacy@example.com`, without `?`, `&`, `/`, "
        "`:`, `,`, `;` or `%` (it becomes a mailto: link, which must not carry extra "
        "recipients or headers)."
    ),
]
URL_PATTERN = r"^https?://\S+$"
Url = Annotated[
    str,
    StringConstraints(pattern=URL_PATTERN),
    Role.URL,
    Field(description="An absolute http or https address."),
]


class StrictModel(BaseModel):
    """Every model forbids unknown keys: a misspelt field is a finding, never ignored.

    A field is documented by the string under it; the JSON Schema reads those strings
    (schema.py) rather than pydantic's `use_attribute_docstrings`, which reads every model's
    source when it is imported and slowed down each `noticegen lint`.

    Patterns are matched by Rust's regex engine, where `$` is the end of the text, as in the
    JSON Schema: Python's `re` lets `$` match before a final newline, so `id: "x\n"` passed
    and became the file name `x\n.pdf`. Python code that applies a pattern uses `fullmatch`.
    """

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        regex_engine="rust-regex",
    )
