from __future__ import annotations

import re
from collections.abc import Iterator

from ....model.practices import COOKIE_CONSENT_LAWS
from ...context import LintContext
from ..base import Rule, Violation

_CHOICES = re.compile(
    r"cookie|settings|preferences|consent manager|banner|privacy choices|your choices", re.I
)


class CookieChoicesMissing(Rule):
    """Cookies are set with consent, but the notice does not say how to change that choice.

    What it does:
        When a cookie or similar technology is set only after consent, checks that
        `consent_withdrawal` gives a `settings_url`, or a `how` that points to the cookie
        settings (mentions cookies, settings, preferences, a banner or a consent manager).

    Why it matters:
        Cookie consent must be as easy to withdraw as to give, at any time (Directive
        2002/58/EC Art. 5(3) with GDPR Art. 4(11), 7(3); EDPB Guidelines 05/2020 para.
        113-116). A user who cannot find the cookie settings again cannot withdraw.

    Example:
        ```yaml
        cookies:
          analytics:
            name: _ga
            provider: Google
            purpose: analytics
            duration: P13M
            strictly_necessary: false
            consent: true
        consent_withdrawal:
          how: Write to us.
        ```

    Fix:
        ```yaml
        consent_withdrawal:
          how: Open "Cookie settings" at the foot of any page and change your choices.
          settings_url: https://example.com/cookie-settings
        ```
    """

    code = "NG553"
    profiles = frozenset({"eprivacy"})
    citation = "Directive 2002/58/EC Art. 5(3); GDPR Art. 7(3)"
    hint = "Set `consent_withdrawal.settings_url` to the page where cookie choices are changed."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        with_consent = [
            cid for cid, c in ctx.notice.cookies.items() if c.consent_under(COOKIE_CONSENT_LAWS)
        ]
        if not with_consent:
            return
        withdrawal = ctx.notice.consent_withdrawal
        if withdrawal and (withdrawal.settings_url or _CHOICES.search(withdrawal.how)):
            return
        where = ("consent_withdrawal",) if withdrawal else ("cookies", with_consent[0])
        yield Violation(
            where,
            f"{len(with_consent)} cookie(s) are set with consent, but the notice does not say "
            "where the user can change or withdraw that consent.",
        )
