from __future__ import annotations

import re
from collections.abc import Iterator

from ....model import PromiseKind
from ...context import LintContext
from .._text import listed
from ..base import Rule, Violation
from ._promises import PromiseAt, promises, quoted

_ART22_WORDING = re.compile(r"legal|significant", re.IGNORECASE)


class PromiseContradictedByProcessing(Rule):
    """A promise about automated decisions or sensitive data is contradicted by the facts.

    What it does:
        Checks each `no_automated_decisions` promise against purposes with an
        `automated_decision`, and each `no_sensitive_data` promise against data marked
        `special_category` or `sensitive`, in the notice and its supplements. When the promise
        names data, only that data (and broader or narrower ids) counts. A promise whose text
        is limited to decisions with legal or significant effects (the Art. 22 wording) is
        contradicted only by decisions that have such effects.

    Why it matters:
        A promise the facts contradict misleads the reader about the processing that matters
        most to them (GDPR Art. 5(1)(a), 9, 22; Cal. Civ. Code 1798.121; LGPD Art. 6(VI)).

    Example:
        ```yaml
        promises:
          no_sensitive: {kind: no_sensitive_data, text: We never collect sensitive data.}
        data:
          health.allergies: {label: Allergies, source: provided, special_category: true}
        ```

    Fix:
        ```yaml
        promises:
          no_sensitive:
            kind: no_sensitive_data
            text: Apart from allergies you tell us for events, we collect no sensitive data.
            data: [biometrics, religion, politics]
        ```
    """

    code = "NG216"
    citation = "GDPR Art. 5(1)(a), 9, 22; Cal. Civ. Code 1798.121"
    hint = "Correct the promise, or the processing it contradicts."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        n = ctx.notice
        sensitive = [d for d, c in n.data.items() if c.special_category or c.sensitive]
        for at in promises(ctx, PromiseKind.NO_SENSITIVE_DATA):
            concerned = at.concerns(sensitive)
            if concerned:
                yield _violation(at, "sensitive or special-category data is collected", concerned)
        for at in promises(ctx, PromiseKind.NO_AUTOMATED_DECISIONS):
            art22_only = bool(_ART22_WORDING.search(at.promise.text))
            for pid, purpose in n.purposes.items():
                decision = purpose.automated_decision
                if decision is None or (art22_only and not decision.legal_or_similar_effect):
                    continue
                concerned = at.concerns(purpose.data)
                if concerned or not at.promise.data:
                    yield _violation(
                        at, f"purpose `{pid}` ({purpose.label}) makes automated decisions", []
                    )


def _violation(at: PromiseAt, fact: str, data: list[str]) -> Violation:
    named = f" ({listed(data, limit=None)})" if data else ""
    return Violation(
        at.path,
        f"The promise {quoted(at.promise)} is contradicted by the notice: {fact}{named}.",
        file=at.file,
    )
