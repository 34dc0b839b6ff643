"""The shape shared by the "right not mentioned" rules: one rule per right, each with its own
article, and an optional condition under which the right applies."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ....model import ParentTopic, Right
from ...context import LintContext
from ..base import Rule, Violation
from ._common import GDPR_PROFILES, offered_rights


class RightMissing(Rule):
    profiles = GDPR_PROFILES
    right: ClassVar[Right]
    described: ClassVar[str]
    """The right in words, e.g. "the right of access to their data"."""
    article: ClassVar[str]
    """The article granting the right, e.g. "Art. 15"; the law's name is added per profile."""

    def applies_because(self, ctx: LintContext) -> str | None:
        """Why the right applies to this notice ("" when it always does), or None when not."""
        return ""

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if self.right in offered_rights(ctx):
            return
        # A layered notice may leave the rights to its parent notice, which the page links.
        if ctx.notice.notice.left_to_parent(ParentTopic.RIGHTS):
            return
        reason = self.applies_because(ctx)
        if reason is None:
            return
        law = "GDPR" if ctx.has_profile("gdpr") else "UK GDPR"
        yield Violation(
            ("rights",),
            f"The notice does not tell people of {self.described} ({law} {self.article}){reason}.",
            hint=f"Add `{self.right}` under `rights`, with how to exercise it if it differs "
            "from the general request methods.",
        )
