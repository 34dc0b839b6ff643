from __future__ import annotations

from ....model import Right
from ._common import MissingLgpdRight


class LgpdRightPortabilityMissing(MissingLgpdRight):
    """The right to data portability (LGPD Art. 18(V)) is not mentioned.

    What it does:
        Checks that the notice or a Brazilian supplement offers `portability`.

    Why it matters:
        Data subjects may have their data carried to another provider (LGPD Art. 18(V)),
        whatever the legal basis, unlike GDPR Art. 20; the notice must mention each Art. 18
        right explicitly (Art. 9(VII)).

    Example:
        ```yaml
        rights: {access: {}}
        ```

    Fix:
        ```yaml
        rights: {access: {}, portability: {}}
        ```
    """

    code = "NG514"
    citation = "LGPD Art. 18(V), 9(VII)"
    accepted = (Right.PORTABILITY,)
    right_name = "right to data portability (Art. 18(V))"
