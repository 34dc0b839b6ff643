from __future__ import annotations

from ....model import Right
from ._common import MissingLgpdRight


class LgpdRightAnonymisationMissing(MissingLgpdRight):
    """The right to anonymisation, blocking or deletion of unnecessary, excessive or unlawfully
    processed data (LGPD Art. 18(IV)) is not mentioned.

    What it does:
        Checks that the notice or a Brazilian supplement offers `anonymisation`.

    Why it matters:
        Data subjects may have unnecessary or excessive data, or data processed in breach of
        the law, anonymised, blocked or deleted (LGPD Art. 18(IV)); the notice must mention each
        Art. 18 right explicitly (Art. 9(VII)).

    Example:
        ```yaml
        rights: {access: {}, erasure: {}}
        ```

    Fix:
        ```yaml
        rights: {access: {}, erasure: {}, anonymisation: {}}
        ```
    """

    code = "NG513"
    citation = "LGPD Art. 18(IV), 9(VII)"
    accepted = (Right.ANONYMISATION,)
    right_name = (
        "right to anonymisation, blocking or deletion of unnecessary, excessive or "
        "unlawfully processed data (Art. 18(IV))"
    )
