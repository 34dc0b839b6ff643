from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation


class BasisJurisdictionNotDeclared(Rule):
    """A legal basis is limited to a jurisdiction the notice does not declare.

    What it does:
        Flags every `jurisdictions` entry of a purpose's `legal_basis` that names a law missing
        from `notice.jurisdictions`.

    Why it matters:
        A basis limited to a jurisdiction is shown to readers under that law only. Naming a law
        the notice does not claim to meet is usually a slip (a basis meant for the LGPD tagged
        `gdpr`), and leaves the declared laws with a basis nobody checks.

    Example:
        ```yaml
        notice: {jurisdictions: [gdpr]}
        purposes:
          analytics:
            legal_basis:
              - {basis: legitimate_interests, jurisdictions: [gdpr]}
              - {basis: lgpd_7_ix, jurisdictions: [lgpd]}
        ```

    Fix:
        ```yaml
        notice: {jurisdictions: [gdpr, lgpd]}
        ```
    """

    code = "NG225"
    citation = "GDPR Art. 13(1)(c); LGPD Art. 7, 9"
    hint = "Declare the jurisdiction under `notice.jurisdictions`, or remove it from the basis."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        declared = set(ctx.notice.notice.jurisdictions)
        for pid, purpose in ctx.notice.purposes.items():
            for index, statement in enumerate(purpose.legal_basis):
                for position, jurisdiction in enumerate(statement.jurisdictions):
                    if jurisdiction not in declared:
                        yield Violation(
                            ("purposes", pid, "legal_basis", index, "jurisdictions", position),
                            f"Purpose `{pid}` ({purpose.label}) states the basis "
                            f"`{statement.basis}` under `{jurisdiction}`, a jurisdiction the "
                            "notice does not declare.",
                        )
