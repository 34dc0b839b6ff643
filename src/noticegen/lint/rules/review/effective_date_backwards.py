from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._previous import PreviousVersionOptions, previous_version


class EffectiveDateBackwards(Rule):
    """The effective date is earlier than the previous version's.

    What it does:
        Compares `notice.effective` with the effective date of the previous version (from git,
        or `.noticegen/previous.yaml`).

    Why it matters:
        A new version cannot apply before the version it replaces: the dates would say that
        users were bound by a text before it existed. Material changes must be announced before
        they take effect (GDPR Art. 13(3)), which a back-dated version cannot have been.

    Example:
        ```yaml
        # previous version effective 2026-01-01
        notice: {id: example, title: Privacy Notice, version: "1.1.0", effective: 2025-12-01}
        ```

    Fix:
        ```yaml
        notice: {id: example, title: Privacy Notice, version: "1.1.0", effective: 2026-03-01}
        ```
    """

    code = "NG803"
    citation = "GDPR Art. 13(3)"
    hint = "Set `notice.effective` to the date the new version applies, after the previous one."
    Options = PreviousVersionOptions
    options: PreviousVersionOptions

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        previous = previous_version(ctx, self.options)
        if previous is None:
            return
        now, before = ctx.notice.notice.effective, previous.notice.notice.effective
        if now is not None and before is not None and now < before:
            yield Violation(
                ("notice", "effective"),
                f"The effective date {now} is earlier than {before}, the effective date of the "
                f"previous version ({previous.source}).",
            )
