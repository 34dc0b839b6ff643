from __future__ import annotations

from ....model import Right
from ._rights import RightMissing


class ComplaintRightMissing(RightMissing):
    """The notice does not mention the right to complain to a supervisory authority.

    What it does:
        Checks that `rights` (or a GDPR supplement's `rights`) offers `complaint`.
        A layered notice whose parent notice covers `rights` (`notice.parent.covers`)
        is not checked.

    Why it matters:
        People may lodge a complaint with a supervisory authority, in particular where they
        live, work or where the infringement took place (GDPR Art. 77), and the notice must tell
        them so (Art. 13(2)(d), 14(2)(e)).

    Example:
        ```yaml
        rights:
          access: {}
        ```

    Fix:
        ```yaml
        rights:
          access: {}
          complaint:
            how: You may complain to the data protection authority where you live or work.
        ```
    """

    code = "NG319"
    citation = "GDPR Art. 13(2)(d), 14(2)(e), 77"
    hint = "Add `complaint` under `rights`."
    right = Right.COMPLAINT
    described = "the right to lodge a complaint with a supervisory authority"
    article = "Art. 77"
