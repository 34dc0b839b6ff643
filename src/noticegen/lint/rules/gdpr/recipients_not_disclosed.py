from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from .._geo import place
from .._text import is_first_party
from ..base import Rule, Violation
from ._common import GDPR_PROFILES


class RecipientsNotDisclosed(Rule):
    """The notice shows that data goes to others but names no recipients.

    What it does:
        When `recipients` is empty, looks for evidence in the notice itself that data is
        disclosed: a cookie or similar technology set by a third party (its provider neither
        names the controller, whatever the case, punctuation or legal form, nor says "first
        party"), or an international transfer. Each piece of evidence is a finding.

    Why it matters:
        The notice must name the recipients or categories of recipients of the personal data
        (GDPR Art. 13(1)(e), 14(1)(e)). A third-party cookie or a transfer abroad means someone
        else receives data, so "no recipients" cannot be right.

    Example:
        ```yaml
        cookies:
          ga: {name: _ga, provider: Google, purpose: analytics, duration: P13M,
               strictly_necessary: false, consent: true}
        recipients: {}
        ```

    Fix:
        ```yaml
        recipients:
          analytics:
            label: Web analytics provider (Google)
            kind: processor
            data: [device.online_identifiers]
            purposes: [analytics]
        ```
    """

    code = "NG306"
    profiles = GDPR_PROFILES
    citation = "GDPR Art. 13(1)(e), 14(1)(e)"
    hint = "List the recipients, or categories of recipients, under `recipients`."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        n = ctx.notice
        if n.recipients:
            return
        for cid, cookie in n.cookies.items():
            if cookie.provider is not None and not is_first_party(ctx, cookie.provider):
                yield Violation(
                    ("cookies", cid, "provider"),
                    f"{cookie.label} is set by {cookie.provider}, so data reaches a third "
                    "party, but the notice names no recipients.",
                )
        for tid, transfer in n.transfers.items():
            yield Violation(
                ("transfers", tid),
                f"Transfer `{tid}` sends data to {place(transfer.destination)}, but the notice "
                "names no recipients.",
            )
