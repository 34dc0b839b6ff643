"""`noticegen init`: a first notice that teaches the format and marks what is left to complete.

Whatever the scaffold cannot know is written as a placeholder that `noticegen lint` reports
(rule NG804): text containing `TODO(noticegen)`, or an address under the reserved `.invalid`
domain. The examples it gives (one data category, purpose, recipient, retention rule) carry a
TODO too, so none of them can be published by accident as if it were a fact.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..lint.rules.review.placeholder_left import MARKER
from ..model import Jurisdiction, Notice, Right
from ..sources.folder import NOTICE_FILE
from ..sources.fsutil import atomic_write_text
from ..sources.loading import SourceFile, validate
from ..sources.yamlsource import parse_yaml

NO_DPO = "name your data protection officer under `dpo:` instead, or say why none is required"
EXAMPLE = "{}, or replace this example with your own"
LEGAL_HOLD = "when you keep data longer, e.g. for legal claims, or delete this line"
HOW_NOTIFIED = "how you tell people about changes before they apply, e.g. by email 30 days ahead"
SECURITY = "how you protect personal data, e.g. encryption in transit and access control"
NO_SALE = "confirm: We do not sell or share your personal information; or delete this promise"


class ScaffoldError(Exception):
    """The answers cannot make a notice (e.g. an email address that is not one)."""


@dataclass(frozen=True)
class Answers:
    company: str | None = None
    email: str | None = None
    jurisdictions: tuple[str, ...] = field(default_factory=tuple)


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _todo(what: str) -> str:
    return _quoted(f"{MARKER}: {what}")


def render(answers: Answers, today: datetime.date) -> str:
    """The text of notice.yaml for these answers."""
    jurisdictions = list(dict.fromkeys(answers.jurisdictions)) or ["gdpr"]
    has = set(jurisdictions).__contains__
    company = _quoted(answers.company) if answers.company else _todo("your company's name")
    email = _quoted(answers.email) if answers.email else "privacy@example.invalid"
    email_note = "" if answers.email else f"  # {MARKER}: the address for privacy requests"
    ccpa_category = "\n    ccpa_category: identifiers" if has("ccpa") else ""
    lines = [
        "# The privacy notice, written as data. `noticegen lint` checks it, `noticegen build`",
        "# publishes it, `noticegen fmt` tidies it. Every value marked TODO(noticegen) is an",
        "# example or a gap to complete: `noticegen lint` points at each one until it is done.",
        "#",
        "# Ids (`contact.email`, `account`) are lower case with dots between levels; purposes,",
        "# recipients and retention rules refer to data by these ids. Text fields take Markdown.",
        "",
        "notice:",
        "  id: privacy-notice",
        "  title: Privacy Notice",
        '  version: "1.0.0"  # quote versions, so that 1.10 stays 1.10',
        f"  effective: {today.isoformat()}  # the date this version applies from (YYYY-MM-DD)",
        f"  last_reviewed: {today.isoformat()}",
        "  language: en",
        "  languages: [en]",
        f"  jurisdictions: [{', '.join(jurisdictions)}]  # each turns on its own checks",
        "",
        "controller:  # who is responsible for the data (GDPR Art. 13(1)(a))",
        f"  name: {company}",
        f"  legal_name: {_todo('the full legal name of the company')}",
        "  postal_address:",
        f"    street: {_todo('street and number')}",
        f"    locality: {_todo('city')}",
        f"    postal_code: {_todo('postal code')}",
        f"    country: XX  # {MARKER}: the two-letter country code, e.g. FR",
        f"  email: {email}{email_note}",
        f"  no_dpo_reason: {_todo(NO_DPO)}",
        "  supervisory_authority:",
        f"    name: {_todo('the data protection authority people can complain to')}",
        "    url: https://authority.example.invalid",
        "",
        "scope:",
        "  applies_to:",
        f"    - {_todo('the websites, apps and services this notice covers')}",
        "",
        "# Every kind of personal data you collect, keyed by id. `source` is one of provided,",
        "# observed, derived, third_party or public.",
        "data:",
        "  contact.email:",
        "    label: Email address",
        f"    description: {_todo(EXAMPLE.format('say what this data is'))}",
        f"    source: provided{ccpa_category}",
        "    required: true",
        "    consequences: We cannot open an account for you without it.",
        "",
        "# Why the data is used. `legal_basis` is one of consent, contract, legal_obligation,",
        "# vital_interests, public_task or legitimate_interests (GDPR Art. 6(1)).",
        "purposes:",
        "  account:",
        "    label: Managing your account",
        f"    description: {_todo(EXAMPLE.format('say what you do with the data and why'))}",
        "    data: [contact.email]",
        "    legal_basis: contract",
        "",
        "# Who receives personal data. `kind` is processor, controller, affiliate,",
        "# public_authority or public.",
        "recipients:",
        "  hosting:",
        "    label: Hosting provider",
        "    kind: processor",
        f"    description: {_todo(EXAMPLE.format('say who receives the data and why'))}",
        "    data: [contact.email]",
        "    purposes: [account]",
        f"    countries: [XX]  # {MARKER}: where it processes the data, e.g. [FR] or [EEA]",
        "",
        "# How long data is kept: `period` is an ISO 8601 duration (P1Y = one year, P6M = six",
        "# months), counted from the event in `after`.",
        "retention:",
        "  - id: account_data",
        "    data: [contact.email]",
        "    after: account_closure",
        "    period: P1Y",
        f"    legal_hold: {_todo(LEGAL_HOLD)}",
        "",
        "# Only the rights you really offer; `description` and `how` are optional. Add",
        "# `objection` when a purpose rests on legitimate interests or a public task.",
        "rights:",
        *_rights(jurisdictions),
        "",
        "requests:",
        # A placeholder cannot stand where a number must be (a phone value must read as one):
        # the CCPA's toll-free number is left to add, and NG415 and NG422 (which asks whether
        # the business is online-only, the one case where none is owed) report it until it is.
        "  methods:"
        + (
            f"  # {MARKER}: add your toll-free number as {{kind: toll_free_phone, value: ...}}"
            if has("ccpa")
            else ""
        ),
        "    - kind: email",
        f"      value: {email}",
        *_ccpa_requests(has("ccpa")),
        # LGPD Art. 19(II) owes a complete reply within 15 days; GDPR allows one month.
        f"  response_time: {'P15D' if has('lgpd') else 'P1M'}",
        "",
        "security:",
        f"  statement: {_todo(SECURITY)}",
        "",
        "changes:",
        f"  how_notified: {_todo(HOW_NOTIFIED)}",
        "  log:",
        '    - version: "1.0.0"',
        f"      date: {today.isoformat()}",
        "      summary: First version.",
    ]
    if has("eprivacy"):
        lines += [
            "",
            "# Cookies and similar technologies. Anything not strictly necessary needs consent.",
            "cookies:",
            "  session:",
            f"    name: {_todo('the cookie name')}",
            f"    provider: {company}",
            "    purpose: account",
            "    session: true",
            "    strictly_necessary: true",
            "    consent: false",
        ]
    if has("ccpa"):
        lines += [
            "",
            "promises:",
            "  no_sale:",
            "    kind: no_sale",
            f"    text: {_todo(NO_SALE)}",
        ]
    return "\n".join(lines) + "\n"


# The rights each law gives whatever the processing; those that depend on it (objection,
# withdrawing consent) are left for lint to ask for once the purposes are written.
_GDPR_RIGHTS = (Right.ACCESS, Right.RECTIFICATION, Right.ERASURE, Right.RESTRICTION,
                Right.PORTABILITY, Right.COMPLAINT)  # fmt: skip
_RIGHTS: dict[str, tuple[Right, ...]] = {
    Jurisdiction.GDPR: _GDPR_RIGHTS,
    Jurisdiction.UK_GDPR: _GDPR_RIGHTS,
    Jurisdiction.CCPA: (Right.KNOW, Right.DELETE, Right.CORRECT, Right.NON_DISCRIMINATION),
    Jurisdiction.LGPD: (
        Right.CONFIRMATION, Right.ACCESS, Right.RECTIFICATION, Right.ANONYMISATION,
        Right.PORTABILITY, Right.ERASURE, Right.INFORMATION_ON_SHARING,
        Right.INFORMATION_ON_CONSENT, Right.COMPLAINT,
    ),
}  # fmt: skip


UNDESCRIBED = "listed by name: a `description` tells readers what it lets them do"


def _rights(jurisdictions: list[str]) -> list[str]:
    rights = dict.fromkeys(r for j in jurisdictions for r in _RIGHTS.get(j, ()))
    return [f"  {right}: {{}}  # {UNDESCRIBED}" for right in rights or [Right.ACCESS]]


def _ccpa_requests(ccpa: bool) -> list[str]:
    if not ccpa:
        return []
    return [
        f"  verification: {_todo('how you verify who is asking')}",
        f"  authorised_agents: {_todo('how an authorised agent can ask for someone else')}",
    ]


def write_scaffold(
    directory: Path, answers: Answers, today: datetime.date | None = None
) -> list[Path]:
    """Write notice.yaml in `directory`; return the files written."""
    if answers.company is not None and not answers.company.strip():
        raise ScaffoldError("the company name is empty")
    text = render(answers, today or datetime.date.today())
    refused = _refusals(text)
    if refused:
        raise ScaffoldError(f"the answers do not make a valid notice: {refused[0]}")
    target = directory / NOTICE_FILE
    try:
        atomic_write_text(target, text)
    except OSError as error:  # a full disk or a read-only folder: nothing is left half-written
        raise ScaffoldError(f"{target}: cannot write: {error.strerror or error}") from error
    return [target]


def _refusals(text: str) -> list[str]:
    """What the loader would refuse in the notice written as `text`: the answers are checked by
    the model's own types, in the YAML they are written in."""
    source = SourceFile(NOTICE_FILE, text, parse_yaml(text))
    _, problems = validate(Notice, source, "notice")
    return [p.message for p in source.parsed.problems] + [f.message for f in problems]
