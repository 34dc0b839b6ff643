from __future__ import annotations

from ....model import Right
from ._common import MissingLgpdRight


class LgpdRightCorrectionMissing(MissingLgpdRight):
    """The right to correct incomplete, inaccurate or outdated data (LGPD Art. 18(III)) is not
    mentioned.

    What it does:
        Checks that the notice or a Brazilian supplement offers `rectification` or `correct`.

    Why it matters:
        Data subjects may have incomplete, inaccurate or outdated data corrected (LGPD Art.
        18(III)), and the notice must mention each Art. 18 right explicitly (Art. 9(VII)).

    Example:
        ```yaml
        rights: {access: {}}
        ```

    Fix:
        ```yaml
        rights: {access: {}, rectification: {}}
        ```
    """

    code = "NG512"
    citation = "LGPD Art. 18(III), 9(VII)"
    accepted = (Right.RECTIFICATION, Right.CORRECT)
    right_name = "right to correct incomplete, inaccurate or outdated data (Art. 18(III))"
