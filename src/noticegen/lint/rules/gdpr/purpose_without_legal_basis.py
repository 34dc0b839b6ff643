from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._common import GDPR_PROFILES


class PurposeWithoutLegalBasis(Rule):
    """A purpose does not state its legal basis.

    What it does:
        Flags every purpose without a `legal_basis` (consent, contract, legal obligation, vital
        interests, public task or legitimate interests). When no purpose states one, the notice
        has one gap, not one per purpose: it is reported once, at `purposes`. A purpose run for
        another controller (`on_behalf_of`) is not checked: that controller states its basis.

    Why it matters:
        Processing is lawful only on one of the bases of GDPR Art. 6(1), and the notice must
        state, for each purpose, the basis relied on (Art. 13(1)(c), 14(1)(c)). The basis also
        decides which rights apply (portability, objection, withdrawal of consent).

    Example:
        ```yaml
        purposes:
          newsletter:
            {label: Newsletter, description: News about our services., data: [contact.email]}
        ```

    Fix:
        ```yaml
        purposes:
          newsletter:
            label: Newsletter
            description: News about our services.
            data: [contact.email]
            legal_basis: consent
        ```
    """

    code = "NG305"
    profiles = GDPR_PROFILES
    citation = "GDPR Art. 6(1), 13(1)(c), 14(1)(c)"
    hint = "Add the purpose's `legal_basis`."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        purposes = {pid: p for pid, p in ctx.notice.purposes.items() if not p.on_behalf_of}
        without = [pid for pid, purpose in purposes.items() if not purpose.legal_basis]
        if len(without) > 1 and len(without) == len(purposes):
            yield Violation(
                ("purposes",),
                f"No purpose states its legal basis under Art. 6(1) (none of the {len(without)}).",
            )
            return
        for pid in without:
            purpose = purposes[pid]
            yield Violation(
                ("purposes", pid),
                f"Purpose `{pid}` ({purpose.label}) does not state its legal basis under "
                "Art. 6(1).",
            )
