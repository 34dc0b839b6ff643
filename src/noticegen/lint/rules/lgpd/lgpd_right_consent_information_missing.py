from __future__ import annotations

from ....model import Right
from ._common import MissingLgpdRight


class LgpdRightConsentInformationMissing(MissingLgpdRight):
    """The right to be told that consent may be refused, and the consequences of refusing (LGPD Art.
    18(VIII)) is not mentioned.

    What it does:
        Checks when some processing rests on consent that the notice or a Brazilian supplement
        offers `information_on_consent`.

    Why it matters:
        Data subjects must be told that they may refuse consent and what follows if they do
        (LGPD Art. 18(VIII)); the notice must mention each Art. 18 right explicitly (Art.
        9(VII)). The rule applies when some processing rests on consent.

    Example:
        ```yaml
        rights: {access: {}}
        ```

    Fix:
        ```yaml
        rights: {access: {}, information_on_consent: {}}
        ```
    """

    code = "NG517"
    citation = "LGPD Art. 18(VIII), 9(VII)"
    accepted = (Right.INFORMATION_ON_CONSENT,)
    right_name = (
        "right to be told that consent may be refused, and the consequences of refusing "
        "(Art. 18(VIII))"
    )
    only_with_consent = True
