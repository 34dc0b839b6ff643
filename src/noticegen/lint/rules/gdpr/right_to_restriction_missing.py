from __future__ import annotations

from ....model import Right
from ._rights import RightMissing


class RightToRestrictionMissing(RightMissing):
    """The notice does not mention the right to restriction of processing.

    What it does:
        Checks that `rights` (or a GDPR supplement's `rights`) offers `restriction`.
        A layered notice whose parent notice covers `rights` (`notice.parent.covers`)
        is not checked.

    Why it matters:
        People may have processing restricted while they contest the accuracy of their data
        or an objection is assessed, among other cases (GDPR Art. 18). The notice must tell
        them so (Art. 13(2)(b), 14(2)(c)).

    Example:
        ```yaml
        rights:
          complaint: {}
        ```

    Fix:
        ```yaml
        rights:
          complaint: {}
          restriction: {}
        ```
    """

    code = "NG314"
    citation = "GDPR Art. 13(2)(b), 14(2)(c), 18"
    hint = "Add `restriction` under `rights`."
    right = Right.RESTRICTION
    described = "the right to restriction of processing"
    article = "Art. 18"
