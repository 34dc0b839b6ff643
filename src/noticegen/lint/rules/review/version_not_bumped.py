from __future__ import annotations

from collections.abc import Iterator

from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation
from ._previous import PreviousVersionOptions, content_changed, previous_version


class VersionNotBumped(Rule):
    """The notice's content changed, but its version or effective date did not.

    What it does:
        Compares the notice (and its supplements) with the previous version, read from git
        (HEAD, or the revision in the rule's `base` option) or from
        `.noticegen/previous.yaml`. When anything other than the version, dates and change log
        differs, the version and the effective date must both differ too.

    Why it matters:
        Readers and regulators tell versions apart by number and date. A changed text under an
        old number and date cannot be told from the version users were shown (GDPR Art. 5(2):
        the controller must be able to demonstrate what it told people, and when).

    Example:
        ```yaml
        # previous version: version "1.0.0", effective 2026-01-01, retention period P1Y
        notice: {id: example, title: Privacy Notice, version: "1.0.0", effective: 2026-01-01}
        retention:
          - {id: account_data, data: [contact.email], after: account_closure, period: P2Y}
        ```

    Fix:
        ```yaml
        notice: {id: example, title: Privacy Notice, version: "1.1.0", effective: 2026-03-01}
        retention:
          - {id: account_data, data: [contact.email], after: account_closure, period: P2Y}
        ```
    """

    code = "NG801"
    severity = Severity.WARNING
    citation = "GDPR Art. 5(2)"
    hint = "Raise `notice.version` and set `notice.effective` to the date the new text applies."
    Options = PreviousVersionOptions
    options: PreviousVersionOptions

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        previous = previous_version(ctx, self.options)
        if previous is None or not content_changed(ctx, previous):
            return
        meta, before = ctx.notice.notice, previous.notice.notice
        # An absent version or date is NG805's finding, not an unchanged one.
        if meta.version is not None and meta.version == before.version:
            yield Violation(
                ("notice", "version"),
                f"The content changed since {previous.source}, but the version is still "
                f"{meta.version}.",
            )
        if meta.effective is not None and meta.effective == before.effective:
            yield Violation(
                ("notice", "effective"),
                f"The content changed since {previous.source}, but the effective date is still "
                f"{meta.effective}.",
            )
