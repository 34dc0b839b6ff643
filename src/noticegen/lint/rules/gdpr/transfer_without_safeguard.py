from __future__ import annotations

from collections.abc import Iterator

from ....model.practices import INVALIDATED
from ...context import LintContext
from .._geo import adequacy_decision, place
from ..base import Rule, Violation
from ._common import GDPR_PROFILES, abroad, covered_without_mechanism


class TransferWithoutSafeguard(Rule):
    """An international transfer does not say what makes it lawful.

    What it does:
        Flags every transfer to a country outside the EEA (under `uk-gdpr` alone: outside the UK
        and the EEA) that has no `safeguard`: an adequacy decision, standard contractual
        clauses, binding corporate rules, the UK IDTA or Addendum, the EU-US Data Privacy
        Framework, or an Art. 49 derogation; and every transfer that relies on a mechanism
        that no longer exists (`privacy_shield`: the CJEU invalidated the EU-US Privacy Shield
        on 16 July 2020, C-311/18 Schrems II), naming what replaced it. For a destination
        whose adequacy decision covers every recipient there, the hint names the decision
        (from `model.adequacy`): the notice must still say that it exists.

    Why it matters:
        Personal data may leave the EEA only under Chapter V of the GDPR (Art. 44-49), and the
        notice must say whether an adequacy decision exists or which safeguard applies (Art.
        13(1)(f), 14(1)(f)). noticegen never supplies a safeguard the YAML did not state.

    Example:
        ```yaml
        transfers:
          us_support: {destination: US, recipients: [helpdesk]}
        ```

    Fix:
        ```yaml
        transfers:
          us_support:
            destination: US
            recipients: [helpdesk]
            safeguard: standard_contractual_clauses
            safeguard_copy: Ask privacy@example.com for a copy of the clauses.
        ```
    """

    code = "NG307"
    profiles = GDPR_PROFILES
    citation = "GDPR Art. 13(1)(f), 14(1)(f), 44-49"
    hint = "State the transfer mechanism in `safeguard`."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for tid, transfer in ctx.notice.transfers.items():
            gone = INVALIDATED.get(transfer.safeguard) if transfer.safeguard else None
            if gone is not None:
                yield Violation(
                    ("transfers", tid, "safeguard"),
                    f"Transfer `{tid}` relies on `{transfer.safeguard}`, which "
                    f"{gone.by} invalidated on {gone.on.isoformat()}: it makes no transfer "
                    f"lawful. Name the mechanism relied on now, such as {gone.replaced_by} or "
                    "standard contractual clauses.",
                    hint="Replace the `safeguard` with the mechanism in use now.",
                )
            elif transfer.safeguard is None and abroad(ctx, transfer.destination):
                yield Violation(
                    ("transfers", tid),
                    f"Transfer `{tid}` sends data to {place(transfer.destination)} without saying "
                    "which adequacy decision or safeguard makes it lawful.",
                    hint=_adequacy_hint(ctx, transfer.destination) or self.hint,
                )


def _adequacy_hint(ctx: LintContext, country: str) -> str | None:
    """The decision to state when one covers every recipient in `country` under each GDPR law
    checked: the notice must still say that it exists (Art. 13(1)(f))."""
    if not covered_without_mechanism(ctx, country):
        return None
    decision = adequacy_decision(country, "gdpr") if ctx.has_profile("gdpr") else None
    named = f" ({decision.act})" if decision else ""
    return f"{place(country)} has an adequacy decision{named}: state `safeguard: adequacy`."
