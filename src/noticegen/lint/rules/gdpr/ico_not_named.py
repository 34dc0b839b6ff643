from __future__ import annotations

import re
from collections.abc import Iterator

from ....model import ParentTopic, Right
from ...context import LintContext
from ..base import Rule, Violation
from ..review.placeholder_left import MARKER

_ICO = re.compile(r"\bICO\b|Information Commissioner", re.IGNORECASE)


class IcoNotNamed(Rule):
    """A notice under the UK GDPR does not name the Information Commissioner's Office.

    What it does:
        Under the `uk-gdpr` profile, checks that the Information Commissioner's Office (ICO) is
        named, either as `controller.supervisory_authority` or in the description of the
        `complaint` right (for a controller whose lead authority is elsewhere).
        A layered notice whose parent notice covers `rights` is not checked.

    Why it matters:
        People in the UK may complain to the ICO (UK GDPR Art. 77, DPA 2018 s. 165), and the
        notice must tell them of that right (Art. 13(2)(d)). The ICO's guidance expects the
        notice to name it and say how to reach it; an EU authority is no help to a UK resident.

    Example:
        ```yaml
        controller:
          name: Example Ltd
          supervisory_authority: {name: CNIL, url: "https://www.cnil.fr"}
        ```

    Fix:
        ```yaml
        controller:
          name: Example Ltd
          supervisory_authority:
            name: Information Commissioner's Office (ICO)
            url: "https://ico.org.uk/make-a-complaint/"
            phone: "+44 303 123 1113"
        ```
    """

    code = "NG320"
    profiles = frozenset({"uk-gdpr"})
    citation = "UK GDPR Art. 13(2)(d), 77; DPA 2018 s. 165"
    hint = "Name the ICO in `controller.supervisory_authority`, with its web address."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if _named_in_complaint_right(ctx):
            return
        # The parent notice of a layered notice gives the right to complain, and where.
        if ctx.notice.notice.left_to_parent(ParentTopic.RIGHTS):
            return
        authority = ctx.notice.controller.supervisory_authority
        if authority is None:
            yield Violation(
                ("controller",),
                "The notice does not name the Information Commissioner's Office, to which "
                "people in the UK can complain.",
            )
        elif authority.name is None:
            yield Violation(
                ("controller", "supervisory_authority"),
                "The supervisory authority is not named: the notice does not name the "
                "Information Commissioner's Office, to which people in the UK can complain.",
            )
        elif MARKER not in authority.name and not _ICO.search(authority.name):
            yield Violation(
                ("controller", "supervisory_authority", "name"),
                f"The supervisory authority named ({authority.name}) is not the Information "
                "Commissioner's Office, to which people in the UK can complain.",
            )


def _named_in_complaint_right(ctx: LintContext) -> bool:
    details = [ctx.notice.rights.get(Right.COMPLAINT)]
    details += [s.rights.get(Right.COMPLAINT) for _, s in ctx.supplements]
    return any(
        _ICO.search(text or "")
        for detail in details
        if detail is not None
        for text in (detail.description, detail.how)
    )
