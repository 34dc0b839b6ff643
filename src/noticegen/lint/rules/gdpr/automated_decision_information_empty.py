from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._common import GDPR_PROFILES


class AutomatedDecisionInformationEmpty(Rule):
    """An automated decision is declared with an empty logic or significance.

    What it does:
        Flags every purpose whose `automated_decision` has a blank `logic` or `significance`.

    Why it matters:
        For automated decision-making, the notice must give meaningful information about the
        logic involved and the significance and envisaged consequences for the person (GDPR
        Art. 13(2)(f), 14(2)(g)). An empty statement gives neither.

    Example:
        ```yaml
        purposes:
          credit:
            label: Credit check
            description: ...
            automated_decision: {logic: "", significance: ""}
        ```

    Fix:
        ```yaml
            automated_decision:
              logic: A score from your income and payment history; late payments lower it.
              significance: A low score means we refuse the order on credit.
        ```
    """

    code = "NG323"
    profiles = GDPR_PROFILES
    citation = "GDPR Art. 13(2)(f), 14(2)(g)"
    hint = "Explain the logic and the consequences for the person in plain words."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for pid, purpose in ctx.notice.purposes.items():
            decision = purpose.automated_decision
            if decision is None:
                continue
            for field, what in (("logic", "the logic involved"),
                                ("significance", "its significance and consequences")):  # fmt: skip
                if not getattr(decision, field).strip():
                    yield Violation(
                        ("purposes", pid, "automated_decision", field),
                        f"Purpose `{pid}` ({purpose.label}) makes automated decisions but does "
                        f"not explain {what}.",
                    )
