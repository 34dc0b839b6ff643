from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._common import ccpa_requests, sold_or_shared


class CcpaPreferenceSignalMissing(Rule):
    """Personal information is sold or shared but the notice does not say that opt-out
    preference signals (such as Global Privacy Control) are honoured.

    What it does:
        When a recipient is marked as a sale or as sharing, checks that
        `requests.opt_out_preference_signals` is `true` in the notice or a California
        supplement.

    Why it matters:
        A business that sells or shares personal information must treat an opt-out preference
        signal as a valid request to opt out, and its privacy policy must explain how it
        processes such signals (Cal. Civ. Code 1798.135(b), (e); 11 CCR 7011(e)(3), 7025).
        Stating `false` declares a practice the regulations forbid.

    Example:
        ```yaml
        requests:
          opt_out_link: https://example.com/do-not-sell-or-share
        ```

    Fix:
        ```yaml
        requests:
          opt_out_link: https://example.com/do-not-sell-or-share
          opt_out_preference_signals: true
        ```
    """

    code = "NG408"
    profiles = frozenset({"ccpa"})
    citation = "Cal. Civ. Code 1798.135(b), (e); 11 CCR 7011(e)(3), 7025"
    hint = "Honour opt-out preference signals and set `requests.opt_out_preference_signals: true`."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        sellers = sold_or_shared(ctx)
        if not sellers:
            return
        stated = [(rel, r.opt_out_preference_signals) for rel, r in ccpa_requests(ctx)]
        if any(value is True for _, value in stated):
            return
        refused = next((rel for rel, value in stated if value is False), "")
        if refused != "":
            yield Violation(
                ("requests", "opt_out_preference_signals"),
                "The notice says opt-out preference signals are not honoured, but a business "
                "that sells or shares personal information must honour them.",
                file=refused,
            )
        else:
            yield Violation(
                ("requests",) if ctx.notice.requests else ("recipients", sellers[0][0]),
                "Personal information is sold or shared, but the notice does not say whether "
                "opt-out preference signals such as Global Privacy Control are honoured.",
            )
