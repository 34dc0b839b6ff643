from __future__ import annotations

from collections.abc import Iterator

from ....model import MethodKind
from ...context import LintContext
from ..base import Rule, Violation
from ._common import OnlineOnlyOptions, online_only, request_methods, where


class CcpaTooFewRequestMethods(Rule):
    """Fewer than two ways to submit a request to know, delete or correct.

    What it does:
        Counts the request methods in `requests.methods` of the notice and of any California
        supplement. A business that operates exclusively online and has a direct relationship
        with its consumers needs only an email address: the notice says so with
        `business.online_only: true` (the older rule option `online_only = true` under
        `[tool.noticegen.options.NG415]` is deprecated and read only when the notice does not
        say).

    Why it matters:
        A business must make available two or more designated methods for submitting requests
        (Cal. Civ. Code 1798.130(a)(1)(A); 11 CCR 7020), and the privacy policy must explain
        them (11 CCR 7011(e)(3)).

    Example:
        ```yaml
        requests:
          methods: [{kind: email, value: privacy@example.com}]
        ```

    Fix:
        ```yaml
        requests:
          methods:
            - {kind: email, value: privacy@example.com}
            - {kind: toll_free_phone, value: "+1 800 555 0100"}
        ```
    """

    code = "NG415"
    profiles = frozenset({"ccpa"})
    citation = "Cal. Civ. Code 1798.130(a)(1)(A); 11 CCR 7011(e)(3), 7020"
    hint = "Add request methods under `requests.methods` (at least two, one a toll-free number)."
    Options = OnlineOnlyOptions
    options: OnlineOnlyOptions

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        methods = request_methods(ctx)
        if online_only(ctx, self.options):
            if MethodKind.EMAIL not in methods:
                yield Violation(
                    where(ctx, "requests"),
                    "An online-only business must give at least an email address for requests, "
                    "and none is listed.",
                    hint="Add `{kind: email, value: ...}` under `requests.methods`.",
                )
        elif len(set(methods)) < 2:
            listed = ", ".join(sorted(set(methods))) or "none"
            yield Violation(
                ("requests", "methods") if ctx.notice.requests else where(ctx, "requests"),
                f"California consumers need at least two ways to submit requests; the notice "
                f"gives {len(set(methods))} ({listed}).",
            )
