from __future__ import annotations

from collections.abc import Iterator

from ....model.practices import COOKIE_CONSENT_LAWS
from ...context import LintContext
from ..base import Rule, Violation


class CookieWithoutConsent(Rule):
    """A cookie or similar technology that is not strictly necessary is set without consent.

    What it does:
        Flags every entry under `cookies` that is not strictly necessary (`strictly_necessary:
        false`, or an `analytics`, `advertising` or `social_media` category) and is set without
        consent, or does not say whether it is: `consent` false or omitted, or, where consent
        is given per jurisdiction, false or missing for `gdpr`, `uk-gdpr` and `eprivacy`.

    Why it matters:
        Storing or reading information on a user's device needs prior consent unless it is
        strictly necessary for a service the user asked for (ePrivacy Directive Art. 5(3); UK
        PECR reg. 6), and that consent must meet the GDPR standard (Art. 4(11), 7). Analytics
        and advertising cookies are not strictly necessary.

    Example:
        ```yaml
        cookies:
          ga:
            {name: _ga, provider: Google, purpose: analytics, duration: P13M,
             strictly_necessary: false, consent: false}
        ```

    Fix:
        ```yaml
        cookies:
          ga:
            {name: _ga, provider: Google, purpose: analytics, duration: P13M,
             strictly_necessary: false, consent: true}
        ```
    """

    code = "NG212"
    profiles = COOKIE_CONSENT_LAWS
    citation = "ePrivacy Directive Art. 5(3); UK PECR reg. 6; GDPR Art. 7"
    hint = "Set the cookie only after consent (`consent: true`), or stop using it."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for cid, cookie in ctx.notice.cookies.items():
            if cookie.necessary is not False:
                continue
            consent = cookie.consent_under(COOKIE_CONSENT_LAWS)
            who = f" ({cookie.provider})" if cookie.provider else ""
            if consent is False:
                yield Violation(
                    ("cookies", cid, "consent"),
                    f"{cookie.label}{who} is not strictly necessary, yet it is set without the "
                    "user's consent.",
                )
            elif consent is None:
                where = ("cookies", cid, "consent") if cookie.consent else ("cookies", cid)
                yield Violation(
                    where,
                    f"{cookie.label}{who} is not strictly necessary, and the notice does not say "
                    "that it is set only after the user's consent.",
                )
