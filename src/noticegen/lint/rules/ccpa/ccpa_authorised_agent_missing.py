from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._common import requests_field_set, where


class CcpaAuthorisedAgentMissing(Rule):
    """The notice does not explain how an authorised agent can make a request.

    What it does:
        Checks that `requests.authorised_agents` is filled in, in the notice or a California
        supplement.

    Why it matters:
        Consumers may use an authorised agent to exercise their rights (Cal. Civ. Code
        1798.135(e); 11 CCR 7063), and the privacy policy must give agents instructions
        (11 CCR 7011(e)(3)).

    Example:
        ```yaml
        requests:
          methods: [{kind: email, value: privacy@example.com}]
        ```

    Fix:
        ```yaml
        requests:
          methods: [{kind: email, value: privacy@example.com}]
          authorised_agents: >
            An agent may submit a request by email with the consumer's signed permission.
            We may ask the consumer to verify their identity directly with us.
        ```
    """

    code = "NG417"
    profiles = frozenset({"ccpa"})
    citation = "Cal. Civ. Code 1798.135(e); 11 CCR 7011(e)(3), 7063"
    hint = "Describe under `requests.authorised_agents` how an agent submits a request."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if not requests_field_set(ctx, "authorised_agents"):
            yield Violation(
                where(ctx, "requests"),
                "The notice does not explain how an authorised agent can make a request on a "
                "California consumer's behalf.",
            )
