from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._ids import IdIndex


class DataWithoutRetention(Rule):
    """Data is collected but no retention rule says how long it is kept.

    What it does:
        Flags every declared data category that no retention rule covers. A rule for a broader
        id covers the narrower ones: a rule for `contact` covers `contact.email`. Data the
        company never stores (a card number sent straight to the payment processor) is covered
        by a rule that says so with `stored: false`.

    Why it matters:
        The notice must state, for all the data, how long it is stored or the criteria used to
        decide (GDPR Art. 13(2)(a), 14(2)(a); Cal. Civ. Code 1798.100(a)(3); LGPD Art. 9(II)).
        Data with no stated period looks as if it were kept forever (Art. 5(1)(e)).

    Example:
        ```yaml
        data:
          contact.email: {label: Email address, source: provided}
          contact.phone: {label: Phone number, source: provided}
        retention:
          - {id: account_data, data: [contact.email], after: account_closure}
        ```

    Fix:
        ```yaml
        retention:
          - {id: account_data, data: [contact], after: account_closure}
        ```
    """

    code = "NG203"
    citation = "GDPR Art. 5(1)(e), 13(2)(a), 14(2)(a); Cal. Civ. Code 1798.100(a)(3)"
    hint = (
        "Add the data to a retention rule, or add a rule with its period or criteria (or "
        "`stored: false` for data never stored)."
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        retained = IdIndex(d for rule in ctx.notice.retention for d in rule.data)
        for did, category in ctx.notice.data.items():
            if not retained.touches(did):
                yield Violation(
                    ("data", did),
                    f"`{did}` ({category.label}) is collected, but no retention rule says how "
                    "long it is kept.",
                )
