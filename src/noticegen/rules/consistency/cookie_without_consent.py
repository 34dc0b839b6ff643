from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation


class CookieWithoutConsent(Rule):
    """A cookie or similar technology that is not strictly necessary is set without consent.

    What it does:
        Flags every entry under `cookies` with `strictly_necessary: false` and
        `consent: false`.

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
    profiles = frozenset({"eprivacy", "gdpr", "uk-gdpr"})
    citation = "ePrivacy Directive Art. 5(3); UK PECR reg. 6; GDPR Art. 7"
    hint = "Set the cookie only after consent (`consent: true`), or stop using it."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for cid, cookie in ctx.notice.cookies.items():
            if not cookie.strictly_necessary and not cookie.consent:
                yield Violation(
                    ("cookies", cid, "consent"),
                    f"`{cookie.name}` ({cookie.provider}) is not strictly necessary, yet it is "
                    "set without the user's consent.",
                )
