from __future__ import annotations

from collections.abc import Iterator

from ....model import RecipientKind
from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation
from ._common import GDPR_PROFILES

_LOCAL_BY_NATURE = {RecipientKind.PUBLIC, RecipientKind.PUBLIC_AUTHORITY}


class RecipientLocationNotStated(Rule):
    """A recipient's location is not stated, so the reader cannot tell whether data leaves the
    EEA.

    What it does:
        When the notice describes no transfers, flags each processor, independent controller
        or affiliate that has no `countries`. Public authorities and the public are not
        flagged.

    Why it matters:
        The notice must say whether the controller intends to transfer data to a third country
        and under which safeguard (GDPR Art. 13(1)(f), 14(1)(f)). Service providers and partners
        are often outside the EEA; with neither a transfer nor a location, the notice says
        nothing either way.

    Example:
        ```yaml
        recipients:
          service_providers: {label: Service providers, kind: processor, data: [contact.email]}
        transfers: {}
        ```

    Fix:
        ```yaml
        recipients:
          service_providers:
            {label: Service providers, kind: processor, data: [contact.email], countries: [EEA]}
        ```
    """

    code = "NG325"
    severity = Severity.WARNING
    profiles = GDPR_PROFILES
    citation = "GDPR Art. 13(1)(f), 14(1)(f)"
    hint = "List where the recipient processes the data under `countries` (e.g. `[EEA]`)."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if ctx.notice.transfers:
            return
        for rid, recipient in ctx.notice.recipients.items():
            if recipient.kind not in _LOCAL_BY_NATURE and not recipient.countries:
                yield Violation(
                    ("recipients", rid),
                    f"The notice does not say where recipient `{rid}` ({recipient.label}) "
                    "processes the data, nor whether any data leaves the EEA.",
                )
