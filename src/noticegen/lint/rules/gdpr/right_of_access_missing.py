from __future__ import annotations

from ....model import Right
from ._rights import RightMissing


class RightOfAccessMissing(RightMissing):
    """The notice does not mention the right of access.

    What it does:
        Checks that `rights` (or a GDPR supplement's `rights`) offers `access`.
        A layered notice whose parent notice covers `rights` (`notice.parent.covers`)
        is not checked.

    Why it matters:
        People may obtain confirmation whether their data is processed, a copy of it, and
        the information about the processing (GDPR Art. 15). The notice must tell them so
        (Art. 13(2)(b), 14(2)(c)).

    Example:
        ```yaml
        rights:
          complaint: {}
        ```

    Fix:
        ```yaml
        rights:
          complaint: {}
          access: {}
        ```
    """

    code = "NG311"
    citation = "GDPR Art. 13(2)(b), 14(2)(c), 15"
    hint = "Add `access` under `rights`."
    right = Right.ACCESS
    described = "their right of access to their data"
    article = "Art. 15"
