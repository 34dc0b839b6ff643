from __future__ import annotations

from ....model import Right
from ._common import MissingLgpdRight


class LgpdRightDeletionMissing(MissingLgpdRight):
    """The right to deletion of data processed with consent (LGPD Art. 18(VI)) is not mentioned.

    What it does:
        Checks when some processing rests on consent that the notice or a Brazilian supplement
        offers `erasure` or `delete`.

    Why it matters:
        Data subjects may have data processed on the basis of their consent deleted, save
        for the exceptions of Art. 16 (LGPD Art. 18(VI)); the notice must mention each Art. 18
        right explicitly (Art. 9(VII)). The rule applies when some processing rests on
        consent.

    Example:
        ```yaml
        rights: {access: {}}
        ```

    Fix:
        ```yaml
        rights: {access: {}, erasure: {}}
        ```
    """

    code = "NG515"
    citation = "LGPD Art. 18(VI), 9(VII)"
    accepted = (Right.ERASURE, Right.DELETE)
    right_name = "right to deletion of data processed with consent (Art. 18(VI))"
    only_with_consent = True
