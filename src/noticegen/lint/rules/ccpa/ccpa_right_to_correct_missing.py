from __future__ import annotations

from ....model import Right
from ._common import MissingCcpaRight


class CcpaRightToCorrectMissing(MissingCcpaRight):
    """The right to correct is not offered.

    What it does:
        Checks that the notice or a California supplement offers `correct`.

    Why it matters:
        Consumers have the right to request correction of inaccurate personal information
        (Cal. Civ. Code 1798.106), and the privacy policy must describe it (1798.130(a)(5)(A);
        11 CCR 7011(e)(2)).

    Example:
        ```yaml
        rights: {know: {}, delete: {}}
        ```

    Fix:
        ```yaml
        rights: {know: {}, delete: {}, correct: {}}
        ```
    """

    code = "NG413"
    citation = "Cal. Civ. Code 1798.106, 1798.130(a)(5)(A); 11 CCR 7011(e)(2)"
    right = Right.CORRECT
    right_name = "right to correct"
