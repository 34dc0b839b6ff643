from __future__ import annotations

from ....model import Right
from ._common import MissingLgpdRight


class LgpdRightSharingInformationMissing(MissingLgpdRight):
    """The right to know with which public and private entities data was shared (LGPD Art. 18(VII))
    is not mentioned.

    What it does:
        Checks that the notice or a Brazilian supplement offers `information_on_sharing`.

    Why it matters:
        Data subjects may learn with which public and private entities the controller shared
        their data (LGPD Art. 18(VII)); the notice must mention each Art. 18 right explicitly
        (Art. 9(VII)).

    Example:
        ```yaml
        rights: {access: {}}
        ```

    Fix:
        ```yaml
        rights: {access: {}, information_on_sharing: {}}
        ```
    """

    code = "NG516"
    citation = "LGPD Art. 18(VII), 9(VII)"
    accepted = (Right.INFORMATION_ON_SHARING,)
    right_name = (
        "right to know with which public and private entities data was shared (Art. 18(VII))"
    )
