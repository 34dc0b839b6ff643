from __future__ import annotations

from collections.abc import Iterator

from ....model import Right
from ...context import LintContext
from ..base import Rule, Violation
from ._common import lgpd_rights


class LgpdAnpdPetitionMissing(Rule):
    """The right to petition the ANPD is not mentioned.

    What it does:
        Checks that the notice or a Brazilian supplement offers `complaint`.

    Why it matters:
        Data subjects may petition the national authority (ANPD) about their data against the
        controller (LGPD Art. 18 §1), and may also go to consumer-protection bodies (§8).
        People who do not know where to complain cannot do so.

    Example:
        ```yaml
        rights: {access: {}}
        ```

    Fix:
        ```yaml
        rights:
          access: {}
          complaint: {how: "You may petition the ANPD at https://www.gov.br/anpd."}
        ```
    """

    code = "NG505"
    profiles = frozenset({"lgpd"})
    citation = "LGPD Art. 18 §1"
    hint = "Add `complaint` under `rights`, naming the ANPD."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if Right.COMPLAINT not in lgpd_rights(ctx):
            yield Violation(
                ("rights",) if ctx.notice.rights else ("notice", "jurisdictions"),
                "The notice does not tell Brazilian data subjects that they may petition the ANPD.",
            )
