from __future__ import annotations

from collections.abc import Iterator

from ....model.base import duration_days
from ...context import LintContext
from ..base import Rule, Violation
from ._common import GDPR_PROFILES

# The longest calendar month: a duration that fits in it can be kept within a month.
_ONE_MONTH_DAYS = 31


class ResponseTimeTooLong(Rule):
    """The notice promises to answer requests later than the GDPR allows.

    What it does:
        Flags `requests.response_time` when it is longer than one month (an ISO 8601 duration
        such as `P45D`, `P2M` or `PT800H`; `P1M`, `P4W`, `P31D` and `PT400H` pass). Months
        count at their average length, hours in the time part as fractions of a day, and the
        limit is the longest calendar month, 31 days.

    Why it matters:
        Requests to exercise rights must be answered without undue delay and in any event
        within one month; only where necessary, given their complexity and number, may that be
        extended by two further months, and the person must be told of the extension within
        the first month (GDPR Art. 12(3)). A notice announcing a longer standard time (such as
        the CCPA's 45 days) misstates the law to EU and UK readers.

    Example:
        ```yaml
        requests:
          methods: [{kind: email, value: privacy@example.com}]
          response_time: P45D
        ```

    Fix:
        ```yaml
        requests:
          methods: [{kind: email, value: privacy@example.com}]
          response_time: P1M
        ```
    """

    code = "NG330"
    profiles = GDPR_PROFILES
    citation = "GDPR Art. 12(3)"
    hint = "State one month (`P1M`); explain extensions case by case, as Art. 12(3) allows."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        requests = ctx.notice.requests
        if requests is None or requests.response_time is None:
            return
        days = duration_days(requests.response_time)
        if days > _ONE_MONTH_DAYS:
            yield Violation(
                ("requests", "response_time"),
                f"The notice says requests are answered within {requests.response_time} "
                f"(about {round(days)} days), longer than the one month Art. 12(3) allows.",
            )
