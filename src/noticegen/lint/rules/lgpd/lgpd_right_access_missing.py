from __future__ import annotations

from ....model import Right
from ._common import MissingLgpdRight


class LgpdRightAccessMissing(MissingLgpdRight):
    """The right of access to the data (LGPD Art. 18(II)) is not mentioned.

    What it does:
        Checks that the notice or a Brazilian supplement offers `access` or `know`.

    Why it matters:
        Data subjects may access their data (LGPD Art. 18(II), Art. 19), and the notice must
        mention each Art. 18 right explicitly (Art. 9(VII)).

    Example:
        ```yaml
        rights: {confirmation: {}}
        ```

    Fix:
        ```yaml
        rights: {confirmation: {}, access: {}}
        ```
    """

    code = "NG511"
    citation = "LGPD Art. 18(II), 9(VII)"
    accepted = (Right.ACCESS, Right.KNOW)
    right_name = "right of access to the data (Art. 18(II))"
