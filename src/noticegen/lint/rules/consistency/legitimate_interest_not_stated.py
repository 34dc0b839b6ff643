from __future__ import annotations

from collections.abc import Iterator

from ....model import LegalBasis
from ...context import LintContext
from ..base import Rule, Violation


class LegitimateInterestNotStated(Rule):
    """Legitimate interests is the legal basis, but the interest is not stated.

    What it does:
        Flags every purpose whose `legal_basis` is `legitimate_interests` and that has no
        `legitimate_interest` saying which interest is pursued.

    Why it matters:
        Where processing rests on legitimate interests, the notice must say what those
        interests are (GDPR Art. 13(1)(d), 14(2)(b)); without them the reader cannot judge
        whether to object under Art. 21(1).

    Example:
        ```yaml
        purposes:
          fraud:
            label: Preventing fraud
            description: ...
            data: [device.ip]
            legal_basis: legitimate_interests
        ```

    Fix:
        ```yaml
        purposes:
          fraud:
            label: Preventing fraud
            description: ...
            data: [device.ip]
            legal_basis: legitimate_interests
            legitimate_interest: Protecting our customers and ourselves against payment fraud.
        ```
    """

    code = "NG207"
    citation = "GDPR Art. 13(1)(d), 14(2)(b)"
    hint = "State the interest pursued in `legitimate_interest`."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for pid, purpose in ctx.notice.purposes.items():
            if (
                purpose.relies_on(LegalBasis.LEGITIMATE_INTERESTS)
                and not (purpose.legitimate_interest or "").strip()
            ):
                yield Violation(
                    ("purposes", pid, "legal_basis"),
                    f"Purpose `{pid}` ({purpose.label}) relies on legitimate interests but does "
                    "not say which interest is pursued.",
                )
