from __future__ import annotations

from ....model import Right
from ._common import MissingLgpdRight


class LgpdRightWithdrawConsentMissing(MissingLgpdRight):
    """The right to withdraw consent (LGPD Art. 18(IX)) is not mentioned.

    What it does:
        Checks when some processing rests on consent that the notice or a Brazilian supplement
        offers `withdraw_consent`.

    Why it matters:
        Data subjects may revoke consent at any time, free of charge and by a simple procedure
        (LGPD Art. 18(IX), Art. 8 §5); the notice must mention each Art. 18 right explicitly
        (Art. 9(VII)). The rule applies when some processing rests on consent.

    Example:
        ```yaml
        rights: {access: {}}
        ```

    Fix:
        ```yaml
        rights: {access: {}, withdraw_consent: {}}
        ```
    """

    code = "NG518"
    citation = "LGPD Art. 18(IX), 9(VII)"
    accepted = (Right.WITHDRAW_CONSENT,)
    right_name = "right to withdraw consent (Art. 18(IX))"
    only_with_consent = True
