from __future__ import annotations

from collections.abc import Iterator

from ....model import ParentTopic
from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation
from ._common import GDPR_PROFILES


class ChangesNotExplained(Rule):
    """The notice does not say how people are told when it changes.

    What it does:
        Reports a notice without a `changes` section (`how_notified`, and the change log).
        A layered notice whose parent notice covers `changes` is not checked.

    Why it matters:
        Before data is used for a new purpose, people must be told (GDPR Art. 13(3), 14(4)), and
        the transparency guidelines endorsed by the EDPB (WP260 rev.01, on changes to Art. 13
        and 14 information) expect the notice to say
        how changes are announced and substantive changes to be communicated actively, not only
        posted. A notice that can change silently leaves readers unable to rely on it.

    Example:
        ```yaml
        notice: {id: example, title: Privacy Notice, version: "1.0", effective: 2026-01-01}
        ```

    Fix:
        ```yaml
        changes:
          how_notified: |
            We publish each new version here with its date, and tell you by email before a
            significant change takes effect.
        ```
    """

    code = "NG327"
    severity = Severity.WARNING
    profiles = GDPR_PROFILES
    citation = "GDPR Art. 12(1), 13(3), 14(4); WP260 rev.01"
    hint = "Add `changes.how_notified` saying how users are told of changes before they apply."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if ctx.notice.changes is None and not ctx.notice.notice.left_to_parent(ParentTopic.CHANGES):
            yield Violation(
                ("notice",),
                "The notice does not say how people are told when it changes, nor keep a "
                "record of earlier versions.",
            )
