from __future__ import annotations

from collections.abc import Iterator

from ....model import MethodKind
from ...context import LintContext
from ..base import Rule, Violation
from ._common import OnlineOnlyOptions, online_only, request_methods, where


class CcpaTollFreeNumberMissing(Rule):
    """No toll-free telephone number for requests.

    What it does:
        Checks that `requests.methods` (in the notice or a California supplement) includes a
        `toll_free_phone` when the notice says the business does not operate exclusively
        online with a direct relationship with its consumers (`business.online_only: false`;
        the older rule option `online_only` under `[tool.noticegen.options.NG416]` is
        deprecated and read only when the notice does not say). When the notice does not say,
        NG422 asks for the fact instead: the number is owed or not depending on it, and lint
        does not guess.

    Why it matters:
        The designated request methods must include, at a minimum, a toll-free telephone
        number (Cal. Civ. Code 1798.130(a)(1)(A)).

    Example:
        ```yaml
        business: {online_only: false}
        requests:
          methods:
            - {kind: email, value: privacy@example.com}
            - {kind: web_form, value: https://example.com/privacy-request}
        ```

    Fix:
        ```yaml
        business: {online_only: false}
        requests:
          methods:
            - {kind: email, value: privacy@example.com}
            - {kind: toll_free_phone, value: "+1 800 555 0100"}
        ```
    """

    code = "NG416"
    profiles = frozenset({"ccpa"})
    citation = "Cal. Civ. Code 1798.130(a)(1)(A)"
    hint = "Add `{kind: toll_free_phone, value: ...}` under `requests.methods`."
    Options = OnlineOnlyOptions
    options: OnlineOnlyOptions

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        # Unknown (None) is NG422's to report; only a business stated not to be online-only
        # is known to owe the number.
        if online_only(ctx, self.options) is not False:
            return
        if MethodKind.TOLL_FREE_PHONE in request_methods(ctx):
            return
        yield Violation(
            ("requests", "methods") if ctx.notice.requests else where(ctx, "requests"),
            "No toll-free telephone number is given for California consumers' requests.",
        )
