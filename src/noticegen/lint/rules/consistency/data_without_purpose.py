from __future__ import annotations

from collections.abc import Iterator

from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation
from ._ids import IdIndex


class DataWithoutPurpose(Rule):
    """Data is declared as collected but no purpose uses it.

    What it does:
        Flags every data category that no purpose lists (directly or through a parent id).

    Why it matters:
        Collecting data for no stated purpose breaches purpose limitation and data minimisation
        (GDPR Art. 5(1)(b)-(c)), and the notice must link each purpose to its data
        (Art. 13(1)(c)).

    Example:
        ```yaml
        data:
          profile.gender: {label: Gender, source: provided}
        purposes: {}
        ```

    Fix:
        ```yaml
        purposes:
          personalisation:
            label: Personalising content
            description: We adapt greetings to your gender.
            data: [profile.gender]
            legal_basis: consent
        ```
    """

    code = "NG202"
    severity = Severity.ERROR
    citation = "GDPR Art. 5(1)(b)-(c), 13(1)(c)"
    hint = "Add the data to the purposes that use it, or stop collecting it."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        used = IdIndex(ctx.purpose_data)
        for did in ctx.notice.data:
            if not used.touches(did):
                yield Violation(
                    ("data", did),
                    f"`{did}` ({ctx.notice.data[did].label}) is collected but no purpose uses it.",
                )
