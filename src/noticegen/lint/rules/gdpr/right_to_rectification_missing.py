from __future__ import annotations

from ....model import Right
from ._rights import RightMissing


class RightToRectificationMissing(RightMissing):
    """The notice does not mention the right to have inaccurate data corrected.

    What it does:
        Checks that `rights` (or a GDPR supplement's `rights`) offers `rectification`.
        A layered notice whose parent notice covers `rights` (`notice.parent.covers`)
        is not checked.

    Why it matters:
        People may have inaccurate data about them corrected and incomplete data completed
        (GDPR Art. 16). The notice must tell them so (Art. 13(2)(b), 14(2)(c)).

    Example:
        ```yaml
        rights:
          complaint: {}
        ```

    Fix:
        ```yaml
        rights:
          complaint: {}
          rectification: {}
        ```
    """

    code = "NG312"
    citation = "GDPR Art. 13(2)(b), 14(2)(c), 16"
    hint = "Add `rectification` under `rights`."
    right = Right.RECTIFICATION
    described = "the right to have inaccurate data corrected"
    article = "Art. 16"
