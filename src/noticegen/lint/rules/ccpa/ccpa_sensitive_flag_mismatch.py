from __future__ import annotations

from collections.abc import Iterator

from ....model import CcpaCategory
from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation


class CcpaSensitiveFlagMismatch(Rule):
    """Data is in the CCPA category "sensitive" but not flagged `sensitive`.

    What it does:
        Flags data whose `ccpa_category` is `sensitive` but whose `sensitive` flag is not set.
        (The reverse is fine: precise geolocation may be listed under "geolocation" and still
        be flagged sensitive.)

    Why it matters:
        Sensitive personal information (Cal. Civ. Code 1798.140(ae)) carries its own duties:
        the right to limit (1798.121) and a separate listing in the privacy policy (11 CCR
        7011(e)(1)(A), (K)). Every part of the notice that reads the flag (the rendered
        list of sensitive information, the GDPR and LGPD checks) would miss this data.

    Example:
        ```yaml
        data:
          identity.ssn: {label: Social security number, source: provided, ccpa_category: sensitive}
        ```

    Fix:
        ```yaml
        data:
          identity.ssn:
            label: Social security number
            source: provided
            ccpa_category: sensitive
            sensitive: true
        ```
    """

    code = "NG410"
    severity = Severity.WARNING
    profiles = frozenset({"ccpa"})
    citation = "Cal. Civ. Code 1798.140(ae), 1798.121; 11 CCR 7011(e)(1)(A)"
    hint = "Set `sensitive: true` on the data."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for did, data in ctx.notice.data.items():
            if data.ccpa_category == CcpaCategory.SENSITIVE and not data.sensitive:
                yield Violation(
                    ("data", did, "ccpa_category"),
                    f'`{did}` is in the CCPA category "sensitive" but is not flagged '
                    "`sensitive: true`.",
                )
