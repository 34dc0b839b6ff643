from __future__ import annotations

from collections.abc import Iterator

from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation
from ._ids import IdIndex


class CookieDataNotUsedByPurpose(Rule):
    """A cookie collects data that the purpose it serves does not use.

    What it does:
        For each cookie or similar technology, checks that every data id in its `data` is used
        by its `purpose` (directly or through a broader or narrower id).

    Why it matters:
        The notice must link the data to the purposes it is used for (GDPR Art. 13(1)(c)), and
        data collected through a cookie for a purpose that does not need it breaches purpose
        limitation and data minimisation (Art. 5(1)(b)-(c)). Consent to a cookie covers only
        the purposes it was asked for (ePrivacy Directive Art. 5(3)).

    Example:
        ```yaml
        cookies:
          prefs:
            {name: prefs, provider: Example Ltd, purpose: account, strictly_necessary: true,
             consent: false, session: true, data: [online.usage]}
        purposes:
          account: {label: Your account, description: ..., data: [contact.email]}
        ```

    Fix:
        ```yaml
        purposes:
          account:
            {label: Your account, description: ..., data: [contact.email, online.usage]}
        ```
    """

    code = "NG218"
    severity = Severity.WARNING
    citation = "GDPR Art. 5(1)(b)-(c), 13(1)(c); ePrivacy Directive Art. 5(3)"
    hint = "Add the data to the cookie's purpose, or stop collecting it through the cookie."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        purposes = ctx.notice.purposes
        for cid, cookie in ctx.notice.cookies.items():
            purpose = purposes.get(cookie.purpose)
            if purpose is None:
                continue  # an undefined purpose is NG101's finding
            used = IdIndex(purpose.data)
            for i, did in enumerate(cookie.data):
                if not used.touches(did):
                    yield Violation(
                        ("cookies", cid, "data", i),
                        f"{cookie.label} collects `{did}` for purpose `{cookie.purpose}` "
                        f"({purpose.label}), which does not use it.",
                    )
