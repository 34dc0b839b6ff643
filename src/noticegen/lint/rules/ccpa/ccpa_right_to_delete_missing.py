from __future__ import annotations

from ....model import Right
from ._common import MissingCcpaRight


class CcpaRightToDeleteMissing(MissingCcpaRight):
    """The right to delete is not offered.

    What it does:
        Checks that the notice or a California supplement offers `delete`.

    Why it matters:
        Consumers have the right to request deletion of personal information collected from
        them (Cal. Civ. Code 1798.105), and the privacy policy must describe it
        (1798.130(a)(5)(A); 11 CCR 7011(e)(2)).

    Example:
        ```yaml
        rights: {know: {}}
        ```

    Fix:
        ```yaml
        rights: {know: {}, delete: {}}
        ```
    """

    code = "NG412"
    citation = "Cal. Civ. Code 1798.105, 1798.130(a)(5)(A); 11 CCR 7011(e)(2)"
    right = Right.DELETE
    right_name = "right to delete"
