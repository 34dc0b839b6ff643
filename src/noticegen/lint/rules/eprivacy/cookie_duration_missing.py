from __future__ import annotations

from collections.abc import Iterator

from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation


class CookieDurationMissing(Rule):
    """A cookie or similar technology does not say how long it stays on the device.

    What it does:
        Flags cookies that give neither a `duration` nor `session: true`, unless they are
        `listed_in` a document (a cookie policy) that gives it, and cookies that give both (a
        session cookie has no fixed duration, so one of the two is wrong).

    Why it matters:
        Storing information on a user's device requires clear and comprehensive information
        (Directive 2002/58/EC Art. 5(3)), which includes how long the technology remains
        (GDPR Art. 13(2)(a); EDPB Guidelines 03/2022 and the CNIL's cookie guidelines list the
        lifespan among the information to give).

    Example:
        ```yaml
        cookies:
          analytics:
            name: _ga
            provider: Google
            purpose: analytics
            strictly_necessary: false
            consent: true
        ```

    Fix:
        ```yaml
        cookies:
          analytics:
            name: _ga
            provider: Google
            purpose: analytics
            duration: P13M
            strictly_necessary: false
            consent: true
        ```
    """

    code = "NG551"
    severity = Severity.WARNING
    profiles = frozenset({"eprivacy"})
    citation = "Directive 2002/58/EC Art. 5(3); GDPR Art. 13(2)(a)"
    hint = "Give `duration` (e.g. `P13M`), or `session: true` for a session cookie."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for cid, cookie in ctx.notice.cookies.items():
            if cookie.duration is None and not cookie.session and cookie.listed_in is None:
                who = f" ({cookie.provider})" if cookie.provider else ""
                yield Violation(
                    ("cookies", cid),
                    f"{cookie.label}{who} does not say how long it stays on the device.",
                )
            elif cookie.duration is not None and cookie.session:
                yield Violation(
                    ("cookies", cid, "session"),
                    f"{cookie.label} is said to be a session cookie and to last "
                    f"{cookie.duration}; it cannot be both.",
                )
