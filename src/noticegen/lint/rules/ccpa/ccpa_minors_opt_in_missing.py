from __future__ import annotations

import re
from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation

_OPT_IN = re.compile(
    r"opt[\s-]?in|affirmative(ly)?\s+authori[sz]|parent\w*\s+(or\s+guardian\s+)?"
    r"(consent|authori[sz])|consent\s+of\s+(a|the|their)\s+parent",
    re.IGNORECASE,
)


class CcpaMinorsOptInMissing(Rule):
    """Personal information of consumers under 16 is sold or shared without a described opt-in.

    What it does:
        When `children.sells_or_shares_under_16` is true, checks that `children.statement`
        describes the opt-in: the affirmative authorisation of consumers aged 13 to 15, and
        of a parent or guardian for children under 13.

    Why it matters:
        A business may not sell or share the personal information of a consumer it knows is
        under 16 unless the consumer (13 to 15) or a parent or guardian (under 13) has
        affirmatively authorised it (Cal. Civ. Code 1798.120(c)); the privacy policy must
        describe those processes (11 CCR 7011(e)(3), 7070-7071).

    Example:
        ```yaml
        children:
          statement: Teenagers can use the app.
          sells_or_shares_under_16: true
        ```

    Fix:
        ```yaml
        children:
          statement: >
            We sell or share the data of users aged 13 to 15 only if they opt in in the app's
            settings, and of children under 13 only with a parent's or guardian's consent.
          sells_or_shares_under_16: true
        ```
    """

    code = "NG421"
    profiles = frozenset({"ccpa"})
    citation = "Cal. Civ. Code 1798.120(c); 11 CCR 7011(e)(3), 7070-7071"
    hint = "Describe in `children.statement` how minors (and parents, under 13) opt in."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        children = ctx.notice.children
        if (
            children
            and children.sells_or_shares_under_16
            and not _OPT_IN.search(children.statement)
        ):
            yield Violation(
                ("children", "statement"),
                "The notice says data of consumers under 16 is sold or shared, but does not "
                "describe the opt-in this requires (the minor's, or a parent's under 13).",
            )
