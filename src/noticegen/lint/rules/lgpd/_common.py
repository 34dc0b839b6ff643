"""Facts the LGPD rules share: the rights offered to Brazilian data subjects.

A Brazilian supplement adds rights to the notice's, so the lookup reads the notice and each
supplement whose jurisdiction is `lgpd`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ....model import Jurisdiction, LegalBasis, Right, SpecialCategoryCondition
from ...context import LintContext
from ..base import Rule, Violation


def lgpd_rights(ctx: LintContext) -> set[Right]:
    rights = set(ctx.notice.rights)
    for _, supplement in ctx.supplements:
        if supplement.supplement.jurisdiction == Jurisdiction.LGPD:
            rights.update(supplement.rights)
    return rights


def relies_on_consent(ctx: LintContext) -> bool:
    """Whether any processing rests on consent (a purpose, or a cookie set after consent)."""
    return any(
        p.relies_on(LegalBasis.CONSENT)
        or p.special_category_condition == SpecialCategoryCondition.EXPLICIT_CONSENT
        for p in ctx.notice.purposes.values()
    ) or any(
        c.consent_under({"lgpd"}) and c.necessary is not True for c in ctx.notice.cookies.values()
    )


class MissingLgpdRight(Rule):
    """Base of the rules that require one right of LGPD Art. 18; subclasses name it."""

    profiles = frozenset({"lgpd"})
    accepted: ClassVar[tuple[Right, ...]]
    """The model's rights that express it; the first is the one to add."""
    right_name: ClassVar[str]
    only_with_consent: ClassVar[bool] = False
    """Whether the right exists only where processing rests on consent."""

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if self.only_with_consent and not relies_on_consent(ctx):
            return
        if not lgpd_rights(ctx).intersection(self.accepted):
            yield Violation(
                ("rights",) if ctx.notice.rights else ("notice", "jurisdictions"),
                f"The notice does not mention the {self.right_name}, which LGPD Art. 9(VII) "
                "requires it to state explicitly.",
                hint=f"Add `{self.accepted[0]}` under `rights` (or in the Brazilian "
                "supplement), with how to exercise it.",
            )
