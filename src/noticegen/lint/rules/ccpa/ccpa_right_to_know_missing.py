from __future__ import annotations

from ....model import Right
from ._common import MissingCcpaRight


class CcpaRightToKnowMissing(MissingCcpaRight):
    """The right to know is not offered.

    What it does:
        Checks that the notice or a California supplement offers `know`.

    Why it matters:
        Consumers have the right to know what personal information a business has collected
        about them, its sources, the purposes, and to whom it was disclosed, sold or shared
        (Cal. Civ. Code 1798.110, 1798.115); the privacy policy must describe that right
        (1798.130(a)(5)(A); 11 CCR 7011(e)(2)). The GDPR right of access (`access`) does not
        tell a Californian what this right covers.

    Example:
        ```yaml
        rights: {access: {}}
        ```

    Fix:
        ```yaml
        rights: {access: {}, know: {}}
        ```
    """

    code = "NG411"
    citation = "Cal. Civ. Code 1798.100, 1798.110, 1798.115, 1798.130(a)(5)(A); 11 CCR 7011(e)(2)"
    right = Right.KNOW
    right_name = "right to know"
