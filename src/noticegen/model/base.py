"""The strict base model and the small types every part of the notice shares."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$"
ID_RE = re.compile(ID_PATTERN)

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    Field(
        description="A stable identifier: lower case letters, digits, '_' and '-', with '.' "
        "separating levels (e.g. `contact.email`). It is used for cross-references, as the "
        "anchor in the published page and as the translation context."
    ),
]
Markdown = Annotated[
    str,
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
    StringConstraints(pattern=r"^([A-Z]{2}|EEA|EU|WORLDWIDE)$"),
    Field(
        description="An ISO 3166-1 alpha-2 country code (e.g. `US`), or `EEA`, `EU` or `WORLDWIDE`."
    ),
]
LanguageTag = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$"),
    Field(description="A BCP 47 language tag, e.g. `en`, `fr`, `pt-BR`."),
]
# An address becomes a `mailto:` link, so it may not carry what a mailto: URL reads as more
# than the address: `?`, `&` (headers such as `bcc=`), `/`, `:`, `,` and `;` (more recipients)
# and `%` (which could encode any of those).
EMAIL_PATTERN = r"^[^@\s?&/:,;%]+@[^@\s?&/:,;%]+\.[^@\s?&/:,;%]+$"
Email = Annotated[
    str,
    StringConstraints(pattern=EMAIL_PATTERN),
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
