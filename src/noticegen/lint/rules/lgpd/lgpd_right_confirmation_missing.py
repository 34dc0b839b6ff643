from __future__ import annotations

from ....model import Right
from ._common import MissingLgpdRight


class LgpdRightConfirmationMissing(MissingLgpdRight):
    """The right to confirmation that data is processed (LGPD Art. 18(I)) is not mentioned.

    What it does:
        Checks that the notice or a Brazilian supplement offers `confirmation`.

    Why it matters:
        Data subjects may obtain confirmation that their data is processed (LGPD Art. 18(I)),
        answered under Art. 19; the notice must mention each Art. 18 right explicitly
        (Art. 9(VII)). Brazilian law lists it apart from access.

    Example:
        ```yaml
        rights: {access: {}}
        ```

    Fix:
        ```yaml
        rights: {access: {}, confirmation: {}}
        ```
    """

    code = "NG510"
    citation = "LGPD Art. 18(I), 9(VII)"
    accepted = (Right.CONFIRMATION,)
    right_name = "right to confirmation that data is processed (Art. 18(I))"
