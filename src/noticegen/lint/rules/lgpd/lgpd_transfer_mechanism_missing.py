from __future__ import annotations

from collections.abc import Iterator

from ....model import Safeguard, Transfer
from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation

# Mechanisms LGPD Art. 33 recognises: adequacy (as decided by the ANPD), the ANPD's standard
# clauses, global corporate rules, and the specific cases of Art. 33 (III)-(IX).
_LGPD_MECHANISMS = {
    Safeguard.ADEQUACY,
    Safeguard.LGPD_CLAUSES,
    Safeguard.BINDING_CORPORATE_RULES,
    Safeguard.DEROGATION,
}


class LgpdTransferMechanismMissing(Rule):
    """An international transfer has no mechanism that Brazilian law recognises.

    What it does:
        Groups the transfers by destination (Brazil excluded) and flags a destination when none
        of its transfers names an LGPD mechanism: adequacy, the ANPD's standard contractual
        clauses (`lgpd_clauses`), global corporate rules (`binding_corporate_rules`) or one of
        the specific cases of Art. 33 (`derogation`). EU standard contractual clauses, the
        EU-U.S. Data Privacy Framework and the UK instruments do not count. A notice serving
        both the EU and Brazil lists the destination twice, once per mechanism.

    Why it matters:
        Personal data may leave Brazil only in the cases of LGPD Art. 33, and the standard
        clauses must be the ANPD's (Res. CD/ANPD 19/2024). The data subject must be told how
        the transfer is protected (Art. 9(V)).

    Example:
        ```yaml
        transfers:
          us: {destination: US, safeguard: standard_contractual_clauses}
        ```

    Fix:
        ```yaml
        transfers:
          us: {destination: US, safeguard: standard_contractual_clauses}
          us-brazil: {destination: US, safeguard: lgpd_clauses}
        ```
    """

    code = "NG506"
    severity = Severity.ERROR
    profiles = frozenset({"lgpd"})
    citation = "LGPD Art. 33; Res. CD/ANPD 19/2024"
    hint = "Add a transfer to the destination with `safeguard: lgpd_clauses` (or another LGPD one)."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        by_destination: dict[str, list[tuple[str, Transfer]]] = {}
        for tid, transfer in ctx.notice.transfers.items():
            if transfer.destination != "BR":
                by_destination.setdefault(transfer.destination, []).append((tid, transfer))
        for destination, transfers in by_destination.items():
            if any(t.safeguard in _LGPD_MECHANISMS for _, t in transfers):
                continue
            tid, first = transfers[0]
            used = sorted({str(t.safeguard) for _, t in transfers if t.safeguard})
            stated = f" ({', '.join(used)} only)" if used else ""
            yield Violation(
                ("transfers", tid, "safeguard") if first.safeguard else ("transfers", tid),
                f"Data transferred to {destination} has no mechanism recognised by LGPD Art. 33"
                f"{stated}.",
            )
