from __future__ import annotations

from collections.abc import Iterator

from ....model import ParentTopic
from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation
from ._common import GDPR_PROFILES


class SecurityNotDescribed(Rule):
    """The notice says nothing about how personal data is protected.

    What it does:
        Reports a notice whose `security` section is missing or holds neither measures nor a
        statement. It is information only: the GDPR does not list security among the items of
        Art. 13.
        A layered notice whose parent notice covers `security` is not checked.

    Why it matters:
        Personal data must be protected by appropriate technical and organisational measures
        (GDPR Art. 5(1)(f), 32). Readers, and regulators reading the notice, expect a plain
        account of them; its absence is often the first question in a complaint, and
        fairness and transparency (Art. 5(1)(a)) favour saying it.

    Example:
        ```yaml
        security: {measures: []}
        ```

    Fix:
        ```yaml
        security:
          measures: [Encryption in transit, Access limited to staff who need it]
          statement: We protect your data with measures suited to the risks.
        ```
    """

    code = "NG328"
    severity = Severity.INFO
    profiles = GDPR_PROFILES
    citation = "GDPR Art. 5(1)(f), 32"
    hint = "Add a `security` section with the main measures in plain words."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        security = ctx.notice.security
        if ctx.notice.notice.left_to_parent(ParentTopic.SECURITY):
            return
        if security is None or not (security.measures or (security.statement or "").strip()):
            yield Violation(
                ("security",) if security else ("notice",),
                "The notice does not say how personal data is protected.",
            )
