from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation


class LgpdLegalBasisMissing(Rule):
    """A purpose states no legal basis.

    What it does:
        Flags every purpose without `legal_basis`. When NG305 runs too (a GDPR profile is
        active and the configuration keeps it), it reports the gap and this rule stays silent.

    Why it matters:
        Personal data may be processed only under one of the hypotheses of LGPD Art. 7 (Art. 11
        for sensitive data), and the notice must state the specific purpose of each processing
        (Art. 9(I)); the ANPD expects the basis to be named with it. A purpose without a basis
        is processing the data subject cannot assess or contest.

    Example:
        ```yaml
        purposes:
          newsletter: {label: Newsletter, description: Monthly news., data: [contact.email]}
        ```

    Fix:
        ```yaml
        purposes:
          newsletter:
            label: Newsletter
            description: Monthly news.
            data: [contact.email]
            legal_basis: consent
        ```
    """

    code = "NG502"
    profiles = frozenset({"lgpd"})
    citation = "LGPD Art. 7, 9(I)"
    hint = "State the `legal_basis` of the purpose."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if ctx.runs("NG305"):
            return  # NG305 reports the same missing field; one finding is enough
        for pid, purpose in ctx.notice.purposes.items():
            if not purpose.legal_basis:
                yield Violation(
                    ("purposes", pid),
                    f"Purpose `{pid}` ({purpose.label}) states no legal basis (LGPD Art. 7).",
                )
