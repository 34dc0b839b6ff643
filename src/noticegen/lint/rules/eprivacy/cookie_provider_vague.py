from __future__ import annotations

import re
from collections.abc import Iterator

from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation

_VAGUE = re.compile(
    r"(our |various |selected |trusted )?(third[- ]part(y|ies)|partners?|providers?|vendors?|"
    r"advertisers?|others?|external|unknown|various|n/?a|tbd|-)",
)


class CookieProviderVague(Rule):
    """A cookie's provider is not named.

    What it does:
        Flags cookies whose `provider` is a generic word ("third party", "partners",
        "various", "unknown") rather than the name of the company that sets or reads it, and
        cookies that name no provider and are not `listed_in` a document (a cookie policy)
        that does.

    Why it matters:
        Consent to cookies is informed only if the user knows which parties can access them
        (Directive 2002/58/EC Art. 5(3); CJEU C-673/17 Planet49, para. 75-81; GDPR Art.
        13(1)(e)). An unnamed third party is a recipient the user cannot identify.

    Example:
        ```yaml
        cookies:
          ads:
            name: _fbp
            provider: third party
            purpose: advertising
            duration: P3M
            strictly_necessary: false
            consent: true
        ```

    Fix:
        ```yaml
        cookies:
          ads:
            name: _fbp
            provider: Meta Platforms Ireland Ltd
            purpose: advertising
            duration: P3M
            strictly_necessary: false
            consent: true
        ```
    """

    code = "NG552"
    severity = Severity.WARNING
    profiles = frozenset({"eprivacy"})
    citation = "Directive 2002/58/EC Art. 5(3); GDPR Art. 13(1)(e); CJEU C-673/17"
    hint = "Name the company that sets or reads the cookie in `provider`."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for cid, cookie in ctx.notice.cookies.items():
            if cookie.provider is None:
                if cookie.listed_in is None:
                    yield Violation(
                        ("cookies", cid),
                        f"{cookie.label} names no provider, so the user cannot tell who can "
                        "read it.",
                    )
            elif _VAGUE.fullmatch(cookie.provider.strip().lower()):
                yield Violation(
                    ("cookies", cid, "provider"),
                    f'{cookie.label} is set by "{cookie.provider}", which does not tell the '
                    "user who can read it.",
                )
