from __future__ import annotations

import re
from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._statements import company_negations, negation_of

_DENIAL = negation_of(
    r"(?:use|engage\s+in|carry\s+out|make|perform|conduct|take|rely\s+on|subject\s+you\s+to)"
    r"\s+(?:any\s+)?(?:form\s+of\s+)?(?P<what_kind>profiling|automated\s+(?:individual\s+)?"
    r"decision(?:s|[- ]making)?)"
)
_SIGNIFICANT = re.compile(r"\blegal|significant", re.IGNORECASE)


class ProseDeniesProfiling(Rule):
    """The text says there is no profiling or automated decision-making, but a purpose
    declares it.

    What it does:
        Finds sentences in which the company denies profiling or automated decisions ("We do
        not use profiling", "We never make automated decisions about you") and reports them
        when a purpose is marked `profiling: true` or has an `automated_decision`. A denial of
        decisions with "legal" or "significant" effects is checked only against decisions
        marked `legal_or_similar_effect`.

    Why it matters:
        The notice must disclose automated decision-making, including profiling, with
        meaningful information about its logic and effects (GDPR Art. 13(2)(f), 14(2)(g), 22;
        LGPD Art. 20; Cal. Civ. Code 1798.185(a)(16)). Denying it withholds the rights that
        come with it (GDPR Art. 21, 22(3)).

    Example:
        ```yaml
        sections:
          decisions: {title: Decisions, body: We do not use profiling.}
        purposes:
          ads:
            label: Interest-based ads
            description: Ads chosen from the pages you visit.
            data: [online.cookie_id]
            legal_basis: consent
            profiling: true
        ```

    Fix:
        ```yaml
        sections:
          decisions:
            title: Profiling
            body: With your consent we infer your interests from the pages you visit to choose ads.
        ```
    """

    code = "NG659"
    name = "prose-denies-profiling"
    family = "contradictions"
    citation = "GDPR Art. 5(1)(a), 13(2)(f), 22; LGPD Art. 20"
    hint = "Correct the sentence, or the purpose, so that both say the truth."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        purposes = ctx.notice.purposes
        if not purposes:
            return
        for negation in company_negations(ctx, _DENIAL):
            about_profiling = negation.match.group("what_kind").lower() == "profiling"
            only_significant = bool(_SIGNIFICANT.search(negation.sentence))
            found = []
            for pid, purpose in purposes.items():
                decision = purpose.automated_decision
                if only_significant:
                    hit = decision is not None and decision.legal_or_similar_effect
                elif about_profiling:
                    hit = purpose.profiling or decision is not None
                else:
                    hit = decision is not None
                if hit:
                    found.append(pid)
            if found:
                yield Violation(
                    negation.path,
                    f'The text says "{negation.quote}", but purpose `{found[0]}` '
                    f"({purposes[found[0]].label}) declares "
                    f"{'profiling' if about_profiling else 'automated decisions'}.",
                    file=negation.file,
                    quote=negation.quote,
                )
