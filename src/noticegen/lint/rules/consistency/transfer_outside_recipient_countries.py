from __future__ import annotations

from collections.abc import Iterator

from ....model.findings import Severity
from ....model.terms import Region
from ...context import LintContext
from .._geo import EEA, place
from ..base import Rule, Violation

_REGIONS: set[str] = {Region.EEA, Region.EU}


class TransferOutsideRecipientCountries(Rule):
    """A transfer sends data to a recipient in a country where that recipient is not said to
    process data.

    What it does:
        For each transfer, checks that its destination is among the `countries` of every
        recipient it names (`WORLDWIDE` in the recipient's list accepts any destination).
        Recipients without `countries` are not checked.

    Why it matters:
        The recipient list and the transfer list tell the reader where their data goes (GDPR
        Art. 13(1)(e)-(f)). When they disagree, one of them is wrong, and the reader cannot tell
        which.

    Example:
        ```yaml
        recipients:
          hosting: {label: Cloud host, kind: processor, data: [contact.email], countries: [IE]}
        transfers:
          us_hosting:
            {destination: US, recipients: [hosting], safeguard: standard_contractual_clauses}
        ```

    Fix:
        ```yaml
        recipients:
          hosting: {label: Cloud host, kind: processor, data: [contact.email], countries: [IE, US]}
        ```
    """

    code = "NG204"
    severity = Severity.WARNING
    citation = "GDPR Art. 13(1)(e)-(f)"
    hint = "Add the destination to the recipient's `countries`, or correct the transfer."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        recipients = ctx.notice.recipients
        for tid, transfer in ctx.notice.transfers.items():
            for i, rid in enumerate(transfer.recipients):
                recipient = recipients.get(rid)
                if recipient is None or not recipient.countries:
                    continue
                if _within(transfer.destination, set(recipient.countries)):
                    continue
                yield Violation(
                    ("transfers", tid, "recipients", i),
                    f"Transfer `{tid}` sends data to `{rid}` in {place(transfer.destination)}, but "
                    f"`{rid}` is said to process data only in {', '.join(recipient.countries)}.",
                )


def _within(destination: str, countries: set[str]) -> bool:
    """Whether `countries` includes `destination`; `EEA` and `EU` include their members."""
    if destination in countries or Region.WORLDWIDE in countries:
        return True
    if destination in EEA and countries & _REGIONS:
        return True
    return destination in _REGIONS and bool(countries & EEA)
