from __future__ import annotations

from ....model import Right
from ._rights import RightMissing


class RightToErasureMissing(RightMissing):
    """The notice does not mention the right to erasure.

    What it does:
        Checks that `rights` (or a GDPR supplement's `rights`) offers `erasure`.
        A layered notice whose parent notice covers `rights` (`notice.parent.covers`)
        is not checked.

    Why it matters:
        People may have their data erased when one of the grounds of GDPR Art. 17(1) applies
        (for example when it is no longer needed or consent is withdrawn). The notice must
        tell them so (Art. 13(2)(b), 14(2)(c)). Hiding data from view is not erasure.

    Example:
        ```yaml
        rights:
          complaint: {}
        ```

    Fix:
        ```yaml
        rights:
          complaint: {}
          erasure: {}
        ```
    """

    code = "NG313"
    citation = "GDPR Art. 13(2)(b), 14(2)(c), 17"
    hint = "Add `erasure` under `rights`."
    right = Right.ERASURE
    described = "the right to erasure"
    article = "Art. 17"
