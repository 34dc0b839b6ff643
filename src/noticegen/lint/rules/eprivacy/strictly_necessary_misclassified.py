from __future__ import annotations

from collections.abc import Iterator

from ....model import LegalBasis
from ...context import LintContext
from ..base import Rule, Violation


class StrictlyNecessaryMisclassified(Rule):
    """A cookie is called strictly necessary but serves marketing, profiling or a purpose
    that rests on consent.

    What it does:
        Flags cookies marked `strictly_necessary: true` (or of the `strictly_necessary`
        category) whose purpose is direct marketing,
        involves profiling, or has consent as its legal basis.

    Why it matters:
        The exemption from consent covers only storage strictly necessary to provide a service
        the user explicitly asked for (Directive 2002/58/EC Art. 5(3)). Advertising, tracking
        and anything the company itself bases on consent are not (WP29 Opinion 04/2012 on the
        cookie consent exemption; EDPB Guidelines 2/2023). Marking them necessary sets them
        without consent.

    Example:
        ```yaml
        cookies:
          ads:
            name: _fbp
            provider: Meta
            purpose: advertising
            duration: P3M
            strictly_necessary: true
            consent: false
        ```

    Fix:
        ```yaml
        cookies:
          ads:
            name: _fbp
            provider: Meta
            purpose: advertising
            duration: P3M
            strictly_necessary: false
            consent: true
        ```
    """

    code = "NG554"
    profiles = frozenset({"eprivacy"})
    citation = "Directive 2002/58/EC Art. 5(3); WP29 Opinion 04/2012 (WP194)"
    hint = "Mark the cookie `strictly_necessary: false` and set it only after consent."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        purposes = ctx.notice.purposes
        for cid, cookie in ctx.notice.cookies.items():
            purpose = purposes.get(cookie.purpose)
            if not cookie.necessary or purpose is None:
                continue
            if purpose.direct_marketing:
                why = "direct marketing"
            elif purpose.profiling:
                why = "profiling"
            elif purpose.relies_on(LegalBasis.CONSENT):
                why = "a purpose the notice itself bases on consent"
            else:
                continue
            field = "strictly_necessary" if cookie.strictly_necessary else "category"
            yield Violation(
                ("cookies", cid, field),
                f"{cookie.label} is marked strictly necessary, but it serves `{cookie.purpose}` "
                f"({purpose.label}), which is {why}.",
            )
