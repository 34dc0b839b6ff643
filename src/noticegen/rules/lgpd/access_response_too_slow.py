from __future__ import annotations

import re
from collections.abc import Iterator

from ...context import LintContext
from ...findings import Severity
from ...model import Jurisdiction
from ..base import Rule, Violation

_PARTS = re.compile(r"(\d+)([YMWD])")
_DAYS = {"Y": 365, "M": 30, "W": 7, "D": 1}
_LIMIT_DAYS = 15


def _days(duration: str) -> int:
    """Whole days in the date part of an ISO 8601 duration (`P1M` -> 30)."""
    date_part = duration.split("T", 1)[0]
    return sum(int(n) * _DAYS[unit] for n, unit in _PARTS.findall(date_part))


class LgpdAccessResponseTooSlow(Rule):
    """The stated time to answer requests exceeds the LGPD's 15 days for a full access reply.

    What it does:
        Reads `requests.response_time` (from a Brazilian supplement when it gives one, else
        from the notice) and flags it when it is longer than 15 days.

    Why it matters:
        Confirmation of processing or access to the data, in a clear and complete declaration,
        must be given within 15 days of the data subject's request (LGPD Art. 19(II)). A
        notice that promises a month tells Brazilian data subjects they must wait longer than
        the law allows.

    Example:
        ```yaml
        requests:
          response_time: P1M
        ```

    Fix:
        ```yaml
        # supplements/brazil.yaml
        requests:
          response_time: P15D
        ```
    """

    code = "NG519"
    name = "lgpd-access-response-too-slow"
    family = "lgpd"
    severity = Severity.WARNING
    profiles = frozenset({"lgpd"})
    citation = "LGPD Art. 19(II)"
    hint = "State a response time of 15 days or less for Brazil (a Brazilian supplement can)."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        stated: tuple[str | None, str] | None = None
        for rel, supplement in ctx.supplements:
            requests = supplement.requests
            brazilian = supplement.supplement.jurisdiction == Jurisdiction.LGPD
            if brazilian and requests and requests.response_time:
                stated = (rel, requests.response_time)
        if stated is None and ctx.notice.requests and ctx.notice.requests.response_time:
            stated = (None, ctx.notice.requests.response_time)
        if stated and _days(stated[1]) > _LIMIT_DAYS:
            yield Violation(
                ("requests", "response_time"),
                f"Requests are answered within {stated[1]}, but Brazilian data subjects are owed "
                f"a complete access reply within {_LIMIT_DAYS} days.",
                file=stated[0],
            )
