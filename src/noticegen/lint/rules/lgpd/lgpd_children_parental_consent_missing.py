from __future__ import annotations

import re
from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation

_PARENT = re.compile(r"\b(?:parent|guardian|pais|m[ãa]e|pai|respons[áa]vel\s+legal)", re.I)
_CHILD_AGE = 12  # under the Estatuto da Criança e do Adolescente, a child is under 12


class LgpdChildrenParentalConsentMissing(Rule):
    """Children's data is processed, but the notice does not describe a parent's consent.

    What it does:
        When the services are directed to children, or admit users under 12
        (`children.minimum_age` below 12), checks that `children.statement` describes the
        consent of a parent or legal guardian.

    Why it matters:
        Children's data must be processed in their best interest and, save narrow exceptions,
        with the specific and prominent consent of at least one parent or legal guardian (LGPD
        Art. 14 §1); the controller must make public the types of data collected, how they are
        used and the procedures for the rights of Art. 18 (§2).

    Example:
        ```yaml
        children:
          directed_to_children: true
          statement: Our games are designed for young players.
        ```

    Fix:
        ```yaml
        children:
          directed_to_children: true
          statement: >
            A parent or guardian must consent, by confirming a code we send to their email,
            before a child under 12 can play.
        ```
    """

    code = "NG508"
    profiles = frozenset({"lgpd"})
    citation = "LGPD Art. 14 §1-§2"
    hint = "Describe in `children.statement` how a parent or guardian gives consent."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        children = ctx.notice.children
        if children is None:
            return
        young = children.minimum_age is not None and children.minimum_age < _CHILD_AGE
        if (children.directed_to_children or young) and not _PARENT.search(children.statement):
            yield Violation(
                ("children", "statement"),
                "Children's data is processed, but the notice does not describe the consent of "
                "a parent or legal guardian.",
            )
