from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ...prose import Statement
from ..base import Rule, Violation
from ._reader import Read, statements, tail_is_known


def _covers(general: tuple[str, ...], specific: tuple[str, ...]) -> bool:
    """Whether every concept of `specific` falls under one of `general` (`personal` covers
    every kind of data, `contact` covers `contact.email`)."""
    return bool(specific) and all(
        any(g == "personal" or s == g or s.startswith(g + ".") for g in general) for s in specific
    )


def _same_scope(denial: tuple[str, ...], claim: tuple[str, ...]) -> bool:
    """A denial that names recipients or purposes is contradicted only by a claim naming one
    of them: "not with advertisers" says nothing about service providers."""
    if not denial:
        return True
    wide = set(denial) | ({"advertiser"} if "third_party" in denial else set())
    return bool(wide & set(claim))


def _contradicts(denial: Statement, claim: Statement) -> bool:
    return (
        claim.action == denial.action
        and not claim.negated
        and claim.is_fact
        and claim.by_company
        and _covers(denial.data, claim.data)
        and _same_scope(denial.recipients, claim.recipients)
        and _same_scope(denial.purposes, claim.purposes)
    )


class ProseContradictsProse(Rule):
    """One sentence of the text denies what another one states.

    What it does:
        Reads every prose field with the prose reader and compares the statements with each
        other, as PolicyLint does: a sentence in which the company says it does not do
        something with a kind of data is reported when another sentence says it does it with
        that data or narrower data ("We do not share personal data" against "We share your
        email address with partners"; "IP addresses are not linked to your identity" against a
        leftover "[IP addresses are tied to your identity]"). A denial that names recipients
        or purposes counts only against statements naming one of them; qualified, conditional
        ("if") and possible ("may") statements are compared with nothing.

    Why it matters:
        A notice that says both is not transparent (GDPR Art. 5(1)(a), 12(1); 11 CCR 7003):
        the reader cannot know which sentence is true, and either one misleads.

    Example:
        ```yaml
        sections:
          sharing: {title: Sharing, body: "We do not share your personal data with third parties."}
          partners:
            title: Partners
            body: We share your email address with third parties who run our events.
        ```

    Fix:
        ```yaml
        sections:
          sharing:
            title: Sharing
            body: We share your email address only with the partners who run our events.
        ```
    """

    code = "NG664"
    citation = "GDPR Art. 5(1)(a), 12(1); 11 CCR 7003"
    hint = "Keep the sentence that is true and correct or remove the other."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        read = [r for r in statements(ctx) if r.statement.by_company and r.statement.is_fact]
        claims: dict[str, list[Read]] = {}
        for r in read:
            if not r.statement.negated and r.statement.data:
                claims.setdefault(r.statement.action, []).append(r)
        for denial in read:
            if not (denial.statement.negated and denial.statement.data):
                continue
            if not tail_is_known(denial.statement):
                continue  # narrowed in words we cannot compare
            for claim in claims.get(denial.statement.action, []):
                if claim.statement.sentence == denial.statement.sentence:
                    continue
                if _contradicts(denial.statement, claim.statement):
                    yield Violation(
                        denial.path,
                        f'The text says "{denial.statement.quote}", but elsewhere it says '
                        f'"{claim.statement.sentence.strip()[:120]}".',
                        file=denial.file,
                        quote=denial.statement.quote,
                    )
                    break
