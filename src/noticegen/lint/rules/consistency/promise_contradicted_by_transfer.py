from __future__ import annotations

from collections.abc import Iterator

from ....model import PromiseKind
from ...context import LintContext
from .._geo import outside_eea, place
from ..base import Rule, Violation
from ._promises import promises, quoted


class PromiseContradictedByTransfer(Rule):
    """A promise that data stays in the EEA is contradicted by a transfer or a recipient abroad.

    What it does:
        Checks each `no_transfer_outside_eea` promise, in the notice and its supplements,
        against the transfers (any destination outside the EEA) and the recipients that process
        data in a country outside the EEA. When the promise names data, only recipients of that
        data (or of broader or narrower ids) count.

    Why it matters:
        Whether data leaves the EEA, and under which safeguard, is information the notice must
        give truthfully (GDPR Art. 13(1)(f), 5(1)(a)); a promise that the facts contradict
        misleads the reader about the protection their data gets.

    Example:
        ```yaml
        promises:
          eea_only: {kind: no_transfer_outside_eea, text: Your data never leaves the EEA.}
        transfers:
          us_support:
            {destination: US, recipients: [helpdesk], safeguard: standard_contractual_clauses}
        ```

    Fix:
        ```yaml
        promises: {}
        transfers:
          us_support:
            {destination: US, recipients: [helpdesk], safeguard: standard_contractual_clauses}
        ```
    """

    code = "NG217"
    citation = "GDPR Art. 5(1)(a), 13(1)(f)"
    hint = "Correct the promise, or the transfers and recipients it contradicts."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        n = ctx.notice
        for at in promises(ctx, PromiseKind.NO_TRANSFER_OUTSIDE_EEA):
            for tid, transfer in n.transfers.items():
                if not outside_eea(transfer.destination):
                    continue
                received = [d for r in transfer.recipients if r in n.recipients
                            for d in n.recipients[r].data]  # fmt: skip
                if at.promise.data and not at.concerns(received):
                    continue
                yield Violation(
                    at.path,
                    f"The promise {quoted(at.promise)} is contradicted by transfer `{tid}` to "
                    f"{place(transfer.destination)}.",
                    file=at.file,
                )
            for rid, recipient in n.recipients.items():
                abroad = [place(c) for c in recipient.countries if outside_eea(c)]
                if not abroad or (at.promise.data and not at.concerns(recipient.data)):
                    continue
                yield Violation(
                    at.path,
                    f"The promise {quoted(at.promise)} is contradicted by recipient `{rid}` "
                    f"({recipient.label}), which processes data in {', '.join(abroad)}.",
                    file=at.file,
                )
