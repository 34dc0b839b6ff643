"""Facts the CCPA rules share: what is sold or shared, which rights and request channels exist.

A California supplement adds rights and request methods to the notice's, so every lookup reads
the notice and each supplement whose jurisdiction is `ccpa`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, NamedTuple

from ....model import Jurisdiction, MethodKind, Recipient, Requests, Right
from ...context import LintContext
from ..base import Rule, Violation


def sold_or_shared(ctx: LintContext) -> list[tuple[str, Recipient]]:
    """Recipients whose disclosure is a sale or sharing for cross-context advertising."""
    return [(rid, r) for rid, r in ctx.notice.recipients.items() if r.sale or r.sharing]


def ccpa_requests(ctx: LintContext) -> Iterator[tuple[str | None, Requests]]:
    """The notice's request settings and those of each California supplement, with their file."""
    if ctx.notice.requests is not None:
        yield None, ctx.notice.requests
    for rel, supplement in ctx.supplements:
        if supplement.supplement.jurisdiction == Jurisdiction.CCPA and supplement.requests:
            yield rel, supplement.requests


def ccpa_rights(ctx: LintContext) -> set[Right]:
    """Rights offered by the notice or by a California supplement."""
    rights = set(ctx.notice.rights)
    for _, supplement in ctx.supplements:
        if supplement.supplement.jurisdiction == Jurisdiction.CCPA:
            rights.update(supplement.rights)
    return rights


def requests_field_set(ctx: LintContext, name: str) -> bool:
    """Whether the notice or a California supplement fills in `requests.<name>` (blank text
    fills in nothing)."""
    return any(_filled(getattr(requests, name)) for _, requests in ccpa_requests(ctx))


def _filled(value: object) -> bool:
    return bool(value.strip()) if isinstance(value, str) else bool(value)


class MissingCcpaRight(Rule):
    """Base of the rules that require one consumer right; subclasses name it."""

    profiles = frozenset({"ccpa"})
    right: ClassVar[Right]
    right_name: ClassVar[str]

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if self.right not in ccpa_rights(ctx):
            yield Violation(
                where(ctx, "rights"),
                f"The {self.right_name} is not offered to California consumers.",
                hint=f"Add `{self.right}` under `rights` (or in the California supplement), "
                "with how to exercise it.",
            )


def where(ctx: LintContext, field: str) -> tuple[str, ...]:
    """Where to report a missing California disclosure: the notice's `field` when present,
    else the jurisdictions line that turned the CCPA checks on."""
    return (field,) if getattr(ctx.notice, field) else ("notice", "jurisdictions")


class OnlineOnlyOptions(NamedTuple):
    """The options of the rules on request methods (NG415, NG416)."""

    online_only: bool | None = None
    """Deprecated: state `business.online_only` in the notice, where it is a fact of the
    business that every reader and rule sees. Still honoured when the notice does not say."""


def online_only(ctx: LintContext, options: OnlineOnlyOptions) -> bool | None:
    """Whether the business operates exclusively online: the notice's `business.online_only`
    when stated, else the deprecated rule option; None when neither says."""
    business = ctx.notice.business
    if business is not None and business.online_only is not None:
        return business.online_only
    return options.online_only


def request_methods(ctx: LintContext) -> list[MethodKind]:
    return [m.kind for _, requests in ccpa_requests(ctx) for m in requests.methods]
