from __future__ import annotations

import re
from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._statements import DataVocabulary, IdSet, company_negations, negation_of, overlapping

_ONE_KIND = (
    r"(?:any\s+)?(?:(?:form|kind|type)\s+of\s+)?"
    r"(?:profiling|automated\s+(?:individual\s+)?decision(?:s|[- ]making)?)"
)
# "automated decision-making or profiling", "automated decisions, including profiling"
_KIND = rf"{_ONE_KIND}(?:\s*,?\s+(?:or|and|nor|including)\s+{_ONE_KIND})?"
# "profile you" and "use ... for profiling" must end their clause: "We do not profile you
# based on your health" is narrower than anything the structure can check.
_CLAUSE_END = r"(?=\s*(?:[.!?;]|$|,?\s*(?:or|and|nor)\b))"
_FOR_KIND = rf"(?:for|in)\s+(?:the\s+purposes?\s+of\s+)?{_KIND}(?:\s+purposes)?{_CLAUSE_END}"
_DENIAL = negation_of(
    r"(?:use|engage\s+in|carry\s+out|make|perform|conduct|take|rely\s+on|subject\s+you\s+to|do)"
    rf"\s+{_KIND}"
    # "use your data for profiling": the data it names narrows the denial
    rf"|(?:use|process)\s+(?P<object>[\w'-]+(?:\s+[\w'-]+){{0,3}}?)\s+{_FOR_KIND}"
    rf"|profile\s+(?:you|users|customers|visitors|individuals|people|anyone){_CLAUSE_END}"
)
# "You will not be profiled", "Your data is never used for profiling": the reader or the
# data is the subject, so the company need not be named.
_PASSIVE = re.compile(
    r"\b(?P<subject>)(?:you|(?P<object>your\s+(?:[\w'-]+\s+){0,2}?(?:data|information)))"
    r"\s+(?:will|shall|is|are|would)\s+(?:never|not)\s+(?:be\s+)?"
    rf"(?P<what>(?:used|processed)\s+{_FOR_KIND}|profiled{_CLAUSE_END}"
    rf"|subject(?:ed)?\s+to\s+{_KIND})",
    re.IGNORECASE,
)
_SIGNIFICANT = re.compile(r"\blegal|significant", re.IGNORECASE)


class ProseDeniesProfiling(Rule):
    """The text says there is no profiling or automated decision-making, but a purpose
    declares it.

    What it does:
        Finds sentences in which the company denies profiling or automated decisions ("We do
        not use profiling", "We do not profile you", "We never make automated decisions about
        you", "You will not be profiled"). A denial of profiling is reported when a purpose is
        marked `profiling: true`; a denial of automated decisions when a purpose has an
        `automated_decision`; a sentence that names both ("automated decision-making or
        profiling") is checked against both. A denial of decisions with "legal" or
        "significant" effects is checked only against decisions marked
        `legal_or_similar_effect`; one about some data ("We do not use your location for
        profiling") only against the purposes that use that data.

    Why it matters:
        Profiling is a purpose the notice must state (GDPR Art. 13(1)(c)) and a processing the
        reader may object to, a right that must be brought to their attention (Art. 21(1),
        21(4)); processing described untruthfully is not transparent (Art. 5(1)(a)). Decisions
        based solely on automated processing, including profiling, with legal or similarly
        significant effects (Art. 22) must be disclosed with meaningful information about their
        logic and consequences (Art. 13(2)(f), 14(2)(g)); the LGPD gives a right to the review
        of such decisions and to information about their criteria (LGPD Art. 20). Denying them
        withholds the rights that come with them (GDPR Art. 21, 22(3)).

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
    citation = "GDPR Art. 5(1)(a), 13(1)(c), 13(2)(f), 21, 22; LGPD Art. 20"
    hint = "Correct the sentence, or the purpose, so that both say the truth."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        purposes = ctx.notice.purposes
        if not purposes:
            return
        vocabulary = DataVocabulary(ctx)
        for negation in company_negations(ctx, _DENIAL, _PASSIVE):
            what = negation.match.group("what").lower()
            about_profiling = "profil" in what
            about_decisions = "decision" in what
            only_significant = bool(_SIGNIFICANT.search(negation.sentence))
            candidates = purposes
            if negation.match.group("object"):
                named = vocabulary.data_named(negation.match.group("object"))
                if named is None:
                    continue  # "we do not use cookies for profiling": data we cannot tell
                named_set = IdSet(named)
                candidates = {
                    pid: p for pid, p in purposes.items() if overlapping(p.data, named_set)
                }
            found: list[tuple[str, str]] = []
            for pid, purpose in candidates.items():
                decision = purpose.automated_decision
                if only_significant:
                    if decision is not None and decision.legal_or_similar_effect:
                        found.append((pid, "an automated decision with legal or similar effects"))
                elif about_profiling and purpose.profiling:
                    found.append((pid, "profiling"))
                elif about_decisions and decision is not None:
                    found.append((pid, "an automated decision"))
            if found:
                pid, declared = found[0]
                yield Violation(
                    negation.path,
                    f'The text says "{negation.quote}", but purpose `{pid}` '
                    f"({purposes[pid].label}) declares {declared}.",
                    file=negation.file,
                    quote=negation.quote,
                )
