from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._common import requests_field_set, sold_or_shared


class CcpaOptOutLinkMissing(Rule):
    """Personal information is sold or shared but there is no "Do Not Sell or Share" link.

    What it does:
        When a recipient is marked as a sale or as sharing, checks that the notice or a
        California supplement gives the link: its address (`requests.opt_out_link`) or, as
        many notices do, where it is (`requests.opt_out_link_location`, e.g. "In the footer of
        every page").

    Why it matters:
        A business that sells or shares personal information must provide a clear and
        conspicuous link titled "Do Not Sell or Share My Personal Information" and include the
        notice of the right to opt out, or a link to it, in its privacy policy (Cal. Civ. Code
        1798.135(a)(1); 11 CCR 7011(e)(3), 7013).

    Example:
        ```yaml
        recipients:
          ad_network: {label: Ad network, kind: controller, data: [device.ids], sharing: true}
        requests: {methods: [{kind: email, value: privacy@example.com}]}
        ```

    Fix:
        ```yaml
        requests:
          methods: [{kind: email, value: privacy@example.com}]
          opt_out_link: https://example.com/do-not-sell-or-share
        ```
    """

    code = "NG406"
    profiles = frozenset({"ccpa"})
    citation = "Cal. Civ. Code 1798.135(a)(1); 11 CCR 7011(e)(3), 7013"
    hint = (
        'Set `requests.opt_out_link` to your "Do Not Sell or Share" page, or say where the '
        "link is in `requests.opt_out_link_location`."
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        sellers = sold_or_shared(ctx)
        if not sellers or any(
            requests_field_set(ctx, field) for field in ("opt_out_link", "opt_out_link_location")
        ):
            return
        rid, recipient = sellers[0]
        yield Violation(
            ("requests",) if ctx.notice.requests else ("recipients", rid),
            f"Personal information is sold or shared (e.g. to `{rid}`, {recipient.label}) "
            'but the notice gives no "Do Not Sell or Share My Personal Information" link, '
            "neither its address nor where it is.",
        )
