from __future__ import annotations

import re
from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation

_CONTACT = re.compile(
    r"\b(?:(?:see|refer\s+to|consult|find|(?:listed|set\s+out|given|found)\s+in)\s+"
    r"(?:the\s+|our\s+)?contact\s+(?:details|information|info|section|page)"
    r"|our\s+contact\s+(?:details|information)"
    r"|contact\s+(?:details|information|us)\s+(?:below|above|at\s+the\s+end)"
    r"|(?:e-?mail\s+|postal\s+)?address(?:es)?\s+(?:below|above))\b",
    re.IGNORECASE,
)


class DanglingContactReference(Rule):
    """The text points readers to contact details the notice does not give.

    What it does:
        When neither the controller nor its DPO has an email, telephone, postal address or
        website, flags phrases that send the reader to the company's contact details: "refer
        to the contact details", "our contact information", "contact us below", "the address
        above". (The person's own "contact information you provided" is not such a
        reference.)

    Why it matters:
        The identity and contact details of the controller are the first thing the notice
        must give (GDPR Art. 13(1)(a), 14(1)(a); LGPD Art. 9(IV); 11 CCR 7011(e)(3)). A
        reference to contact details that do not exist leaves people with no way to exercise
        their rights, while telling them the way exists.

    Example:
        ```yaml
        controller: {name: Example Ltd}
        sections:
          rights: {title: Your rights, body: Please refer to the contact details to ask us.}
        ```

    Fix:
        ```yaml
        controller:
          name: Example Ltd
          email: privacy@example.com
          postal_address: {street: 1 Example Street, locality: Brussels, country: BE}
        ```
    """

    code = "NG602"
    citation = "GDPR Art. 13(1)(a), 14(1)(a); LGPD Art. 9(IV)"
    hint = "Give the controller's email, postal address or phone, or remove the reference."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        c = ctx.notice.controller
        dpo = c.dpo
        if c.email or c.phone or c.postal_address or c.website:
            return
        if dpo and (dpo.email or dpo.phone or dpo.postal_address or dpo.url):
            return  # the DPO's details are contact details the reader can find
        for file, path, text in ctx.prose:
            for phrase in dict.fromkeys(m.group(0) for m in _CONTACT.finditer(text)):
                yield Violation(
                    path,
                    f'The text says "{phrase}", but the notice gives no contact details '
                    f"for {c.name}.",
                    file=file,
                    quote=phrase,
                )
