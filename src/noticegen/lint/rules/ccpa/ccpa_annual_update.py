from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterator
from typing import Annotated, NamedTuple

from pydantic import BeforeValidator

from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation


def _iso_date(value: object) -> object:
    """A TOML date, or a string in YYYY-MM-DD form; anything else is left for the type check."""
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError("not a date in the form YYYY-MM-DD") from None
    return value


def _year_after(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


class CcpaAnnualUpdate(Rule):
    """The privacy policy went more than 12 months without being updated or reviewed.

    What it does:
        Works only from dates the notice records, never from today's clock, so the result does
        not change from one day to the next. It flags a gap of more than 12 months between the
        previous version in the change log, `last_reviewed` (when it falls in between) and the
        version in force. To check against a date (say, the release date in CI), set
        `as_of = "YYYY-MM-DD"` under `[tool.noticegen.options.NG419]`: the newest of the
        effective date, `last_reviewed` and the change log must then be within 12 months of it.

    Why it matters:
        The privacy policy must be updated at least once every 12 months (Cal. Civ. Code
        1798.130(a)(5)) and must state the date it was last updated (11 CCR 7011(e)(4)).

    Example:
        ```yaml
        notice: {id: example, title: Privacy Notice, version: "2.0", effective: 2026-06-01}
        changes:
          how_notified: We email account holders 30 days before a change.
          log:
            - {version: "1.0", date: 2025-03-01, summary: First version}
        ```

    Fix:
        ```yaml
        notice:
          id: example
          title: Privacy Notice
          version: "2.0"
          effective: 2026-06-01
          last_reviewed: 2026-01-10
        ```
    """

    code = "NG419"
    severity = Severity.WARNING
    profiles = frozenset({"ccpa"})
    citation = "Cal. Civ. Code 1798.130(a)(5); 11 CCR 7011(e)(4)"
    hint = "Review the notice at least every 12 months and record it in `notice.last_reviewed`."

    class Options(NamedTuple):
        as_of: Annotated[datetime.date, BeforeValidator(_iso_date)] | None = None
        """Check against this date (YYYY-MM-DD, say the release date in CI) instead of the
        gap between the notice's own versions."""

    options: Options

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        meta = ctx.notice.notice
        log = ctx.notice.changes.log if ctx.notice.changes else []
        # An undated notice is NG428's finding; this rule works from the dates there are.
        recorded = [day for day in (meta.effective, meta.last_reviewed) if day is not None]
        recorded += [entry.date for entry in log]
        reference = self.options.as_of
        if reference is not None:
            if not recorded:
                return
            newest = max(recorded)
            if _year_after(newest) < reference:
                yield Violation(
                    ("notice", "effective"),
                    f"The notice was last updated or reviewed on {newest.isoformat()}, more than "
                    f"12 months before {reference.isoformat()}.",
                )
            return
        effective = meta.effective
        if effective is None:
            return
        earlier = [entry.date for entry in log if entry.date < effective]
        if not earlier:
            return
        previous = max(earlier)
        points = [previous, effective]
        if meta.last_reviewed and previous < meta.last_reviewed < effective:
            points.insert(1, meta.last_reviewed)
        if any(_year_after(a) < b for a, b in itertools.pairwise(points)):
            yield Violation(
                ("notice", "effective"),
                f"The previous version dates from {previous.isoformat()} and this one from "
                f"{effective.isoformat()}; the notice went more than 12 months without an "
                "update or a recorded review.",
            )
