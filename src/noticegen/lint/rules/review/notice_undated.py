from __future__ import annotations

from collections.abc import Iterator

from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation


class NoticeUndated(Rule):
    """The notice gives no date from which it applies.

    What it does:
        Flags a notice without `notice.effective`. Under the CCPA, which requires the date,
        NG428 reports it as an error instead. A notice without a `version` but with a date is
        not flagged: many published notices have no version number, and the site files such a
        version under its date.

    Why it matters:
        Readers, and a regulator, need to know which text was in force when. The GDPR does not
        itself ask for a date, but the transparency guidelines expect changes to the notice to
        be traceable (WP260 rev.01), and noticegen files each published version under its
        date: `noticegen build` publishes an undated notice but archives no version of it.

    Example:
        ```yaml
        notice: {id: example, title: Privacy Notice}
        ```

    Fix:
        ```yaml
        notice: {id: example, title: Privacy Notice, effective: 2026-01-01}
        ```
    """

    code = "NG805"
    severity = Severity.WARNING
    citation = "WP260 rev.01 (changes to Art. 13 and 14 information)"
    hint = "Set `notice.effective` to the date this text applies from (YYYY-MM-DD)."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if ctx.notice.notice.effective is None and "ccpa" not in ctx.profiles:
            yield Violation(
                ("notice",),
                "The notice gives no date from which it applies (`notice.effective`); it "
                "is published undated and not archived as a version.",
            )
