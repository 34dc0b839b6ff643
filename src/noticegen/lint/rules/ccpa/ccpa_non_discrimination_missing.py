from __future__ import annotations

from ....model import Right
from ._common import MissingCcpaRight


class CcpaNonDiscriminationMissing(MissingCcpaRight):
    """The right not to be discriminated against for exercising CCPA rights is not offered.

    What it does:
        Checks that the notice or a California supplement offers `non_discrimination`.

    Why it matters:
        A business may not discriminate against a consumer for exercising CCPA rights (Cal.
        Civ. Code 1798.125), and the privacy policy must tell consumers so (1798.130(a)(5)(A);
        11 CCR 7011(e)(2)).

    Example:
        ```yaml
        rights: {know: {}, delete: {}, correct: {}}
        ```

    Fix:
        ```yaml
        rights: {know: {}, delete: {}, correct: {}, non_discrimination: {}}
        ```
    """

    code = "NG414"
    citation = "Cal. Civ. Code 1798.125, 1798.130(a)(5)(A); 11 CCR 7011(e)(2)"
    right = Right.NON_DISCRIMINATION
    right_name = "right not to be discriminated against for exercising CCPA rights"
