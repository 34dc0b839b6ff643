from __future__ import annotations

from collections.abc import Iterator

from ....model import MethodKind
from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation
from ._common import request_methods, where


class CcpaOnlineOnlyNotStated(Rule):
    """No toll-free number, and the notice does not say whether one is owed.

    What it does:
        Reports a notice whose request methods (in the notice or a California supplement)
        include no `toll_free_phone` and that does not state `business.online_only`. Whether
        the number is owed depends on that fact, which lint does not guess: a notice that says
        `online_only: false` gets NG416 (an error) instead, one that says `true` nothing.

    Why it matters:
        A toll-free telephone number is owed unless the business operates exclusively online
        and has a direct relationship with the consumers it collects from; an email address is
        then enough (Cal. Civ. Code 1798.130(a)(1)(A)). Many online services' notices do not
        say so in words, so the publisher states the fact once for every rule to read.

    Example:
        ```yaml
        requests:
          methods: [{kind: email, value: privacy@example.com}]
        ```

    Fix:
        ```yaml
        business: {online_only: true}
        requests:
          methods: [{kind: email, value: privacy@example.com}]
        ```
    """

    code = "NG422"
    severity = Severity.INFO
    profiles = frozenset({"ccpa"})
    citation = "Cal. Civ. Code 1798.130(a)(1)(A)"
    hint = (
        "State `business.online_only: true` if the business operates exclusively online with a "
        "direct relationship with its consumers; otherwise state `false` and add a "
        "`toll_free_phone` request method."
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        business = ctx.notice.business
        if business is not None and business.online_only is not None:
            return
        if MethodKind.TOLL_FREE_PHONE in request_methods(ctx):
            return
        yield Violation(
            ("business",)
            if business is not None
            else ("requests", "methods")
            if ctx.notice.requests
            else where(ctx, "requests"),
            "The notice gives no toll-free number for California consumers' requests and does "
            "not say whether the business operates exclusively online (`business.online_only`), "
            "the one case where none is owed.",
        )
