from __future__ import annotations

from collections.abc import Iterator

from ....model import Safeguard
from ...context import LintContext
from .._geo import adequate, place
from ..base import Rule, Violation
from ._common import GDPR_PROFILES


class SafeguardNotAvailable(Rule):
    """A transfer claims a safeguard that does not exist for its destination.

    What it does:
        Flags a transfer with `safeguard: adequacy` to a country that has no EU adequacy
        decision (under `gdpr`) or is not covered by UK adequacy regulations (under `uk-gdpr`),
        including `WORLDWIDE`, as the table of decisions in `model.adequacy` lists them; and a
        transfer under `data_privacy_framework` to any country other than the United States.

    Why it matters:
        The notice must state truthfully whether an adequacy decision exists for the
        destination (GDPR Art. 13(1)(f), 45). Claiming one that does not exist misstates the
        protection the data gets, and usually means the transfer has no valid mechanism at all
        (Art. 44).

    Example:
        ```yaml
        transfers:
          india_support: {destination: IN, recipients: [helpdesk], safeguard: adequacy}
        ```

    Fix:
        ```yaml
        transfers:
          india_support:
            destination: IN
            recipients: [helpdesk]
            safeguard: standard_contractual_clauses
            safeguard_copy: Write to privacy@example.com for a copy of the clauses.
        ```
    """

    code = "NG324"
    profiles = GDPR_PROFILES
    citation = "GDPR Art. 13(1)(f), 44, 45"
    hint = "Name the safeguard really used, such as standard contractual clauses."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for tid, transfer in ctx.notice.transfers.items():
            where = transfer.destination
            if transfer.safeguard is Safeguard.DATA_PRIVACY_FRAMEWORK and where != "US":
                yield Violation(
                    ("transfers", tid, "safeguard"),
                    f"Transfer `{tid}` relies on the EU-US Data Privacy Framework, which covers "
                    f"only the United States, not {place(where)}.",
                )
            if transfer.safeguard is not Safeguard.ADEQUACY:
                continue
            lacking = []
            if ctx.has_profile("gdpr") and not adequate(where, "gdpr"):
                lacking.append("an EU adequacy decision")
            if ctx.has_profile("uk-gdpr") and not adequate(where, "uk-gdpr"):
                lacking.append("UK adequacy regulations")
            if lacking:
                yield Violation(
                    ("transfers", tid, "safeguard"),
                    f"Transfer `{tid}` relies on adequacy, but {place(where)} is not covered by "
                    f"{' or '.join(lacking)}.",
                )
