from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._common import requests_field_set, where


class CcpaVerificationMissing(Rule):
    """The notice does not describe how requests are verified.

    What it does:
        Checks that `requests.verification` is filled in, in the notice or a California
        supplement.

    Why it matters:
        The privacy policy must give a general description of the process used to verify a
        request to know, delete or correct, including any information the consumer must
        provide (11 CCR 7011(e)(3), 7060-7062; Cal. Civ. Code 1798.130(a)(2)).

    Example:
        ```yaml
        requests:
          methods: [{kind: email, value: privacy@example.com}]
        ```

    Fix:
        ```yaml
        requests:
          methods: [{kind: email, value: privacy@example.com}]
          verification: We match two pieces of information you give us with those we hold.
        ```
    """

    code = "NG418"
    profiles = frozenset({"ccpa"})
    citation = "Cal. Civ. Code 1798.130(a)(2); 11 CCR 7011(e)(3), 7060"
    hint = "Describe under `requests.verification` how you verify who is asking."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if not requests_field_set(ctx, "verification"):
            yield Violation(
                where(ctx, "requests"),
                "The notice does not describe how requests to know, delete or correct are "
                "verified.",
            )
