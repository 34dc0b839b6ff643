from __future__ import annotations

from collections.abc import Iterator

from ....model import Jurisdiction
from ....model.base import duration_days
from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation

_LIMIT_DAYS = 15


class LgpdAccessResponseTooSlow(Rule):
    """The stated time to answer requests exceeds the LGPD's 15 days for a full access reply.

    What it does:
        Reads `requests.response_time` (from a Brazilian supplement when it gives one, else
        from the notice) and flags it when it is longer than 15 days. Months count at their
        average length and hours in the time part as fractions of a day, so `P1M` and
        `PT400H` are flagged while `P2W` and `PT360H` pass.

    Why it matters:
        Confirmation of processing or access to the data, in a clear and complete declaration,
        must be given within 15 days of the data subject's request (LGPD Art. 19(II)). A
        notice that promises a month tells Brazilian data subjects they must wait longer than
        the law allows.

    Example:
        ```yaml
        requests:
          methods: [{kind: email, value: privacy@example.com}]
          response_time: P1M
        ```

    Fix:
        ```yaml
        # supplements/brazil.yaml: its `requests` replaces the notice's on the Brazilian
        # page, so copy the notice's `methods` too, or that page lists no way to ask.
        requests:
          methods: [{kind: email, value: privacy@example.com}]
          response_time: P15D
        ```
    """

    code = "NG519"
    severity = Severity.WARNING
    profiles = frozenset({"lgpd"})
    citation = "LGPD Art. 19(II)"
    hint = (
        "State a response time of 15 days or less for Brazil. A Brazilian supplement can, but "
        "its `requests` replaces the notice's: copy the notice's `methods` into it as well."
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        stated: tuple[str | None, str] | None = None
        for rel, supplement in ctx.supplements:
            requests = supplement.requests
            brazilian = supplement.supplement.jurisdiction == Jurisdiction.LGPD
            if brazilian and requests and requests.response_time:
                stated = (rel, requests.response_time)
        if stated is None and ctx.notice.requests and ctx.notice.requests.response_time:
            stated = (None, ctx.notice.requests.response_time)
        if stated and duration_days(stated[1]) > _LIMIT_DAYS:
            yield Violation(
                ("requests", "response_time"),
                f"Requests are answered within {stated[1]}, but Brazilian data subjects are owed "
                f"a complete access reply within {_LIMIT_DAYS} days.",
                file=stated[0],
            )
