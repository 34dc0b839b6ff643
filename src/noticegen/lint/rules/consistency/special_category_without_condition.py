from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._ids import IdIndex


class SpecialCategoryWithoutCondition(Rule):
    """Special-category data is used for a purpose that names no Art. 9(2) condition.

    What it does:
        For each purpose that uses data marked `special_category: true` (directly, or through a
        broader id such as `health` for `health.allergies`), checks that the purpose gives a
        `special_category_condition`.

    Why it matters:
        Processing health, biometric, religious and other special-category data is prohibited
        unless one of the conditions of GDPR Art. 9(2) applies, in addition to an Art. 6 basis.
        A notice that names none describes processing that is unlawful on its face.

    Example:
        ```yaml
        data:
          health.allergies: {label: Allergies, source: provided, special_category: true}
        purposes:
          catering:
            label: Event catering
            description: ...
            data: [health.allergies]
            legal_basis: consent
        ```

    Fix:
        ```yaml
        purposes:
          catering:
            label: Event catering
            description: ...
            data: [health.allergies]
            legal_basis: consent
            special_category_condition: explicit_consent
        ```
    """

    code = "NG208"
    citation = "GDPR Art. 9(1)-(2)"
    hint = "Name the Art. 9(2) condition in `special_category_condition`, or stop using the data."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        special = IdIndex(d for d, c in ctx.notice.data.items() if c.special_category)
        if not special.ids:
            return
        for pid, purpose in ctx.notice.purposes.items():
            if purpose.special_category_condition is not None:
                continue
            used = sorted({s for d in purpose.data for s in special.related(d)})
            if used:
                yield Violation(
                    ("purposes", pid, "data"),
                    f"Purpose `{pid}` ({purpose.label}) uses special-category data "
                    f"({', '.join(f'`{d}`' for d in used)}) but names no condition of "
                    "GDPR Art. 9(2) that allows it.",
                )
