from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from .._text import listed
from ..base import Rule, Violation
from ._reader import company_denials, declared_data, purpose_matches, tail_is_known
from ._statements import IdSet, overlapping


class ProseDeniesUse(Rule):
    """The text says personal data is not used, but a purpose of the notice uses it.

    What it does:
        Reads the prose with the prose reader and finds statements in which the company says
        it does not use, process or analyse a kind of data ("We do not use your email
        address"; "this information" reads as the data of the sentence before). It reports
        each one when a purpose declares that data, or narrower data (`contact` covers
        `contact.email`). A denial that names a purpose ("for marketing") counts only against
        purposes of that kind; one that names something else, is qualified ("only", "unless"),
        conditional ("if") or possible ("may") is left alone.

    Why it matters:
        The notice must say what the data is used for (GDPR Art. 13(1)(c); Cal. Civ. Code
        1798.100(a)(1); LGPD Art. 9(I)). A reader told the data is not used will not expect
        the email that comes next, and the denial misleads (GDPR Art. 5(1)(a)).

    Example:
        ```yaml
        sections:
          signup:
            title: Sign-up
            body: You give us your email address. We do not use this information.
        purposes:
          welcome:
            label: Welcome email
            description: We send one email.
            data: [contact.email]
            legal_basis: contract
        ```

    Fix:
        ```yaml
        sections:
          signup:
            title: Sign-up
            body: You give us your email address. We use it to send you one welcome email.
        ```
    """

    code = "NG660"
    citation = "GDPR Art. 5(1)(a), 13(1)(c); Cal. Civ. Code 1798.100(a)(1)"
    hint = "Correct the sentence, or the purposes, so that both say the truth."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for read in company_denials(ctx, "use"):
            statement = read.statement
            if not tail_is_known(statement):
                continue
            named = declared_data(ctx, statement)
            if not named:
                continue
            named_set = IdSet(named)
            users = [
                pid
                for pid, purpose in ctx.notice.purposes.items()
                if (not statement.purposes or purpose_matches(statement.purposes, pid, purpose))
                and overlapping(purpose.data, named_set)
            ]
            if users:
                used = {d for pid in users for d in ctx.notice.purposes[pid].data}
                yield Violation(
                    read.path,
                    f'The text says "{statement.quote}", but the notice uses '
                    f"{listed(sorted(overlapping(used, named_set)))} for {listed(users)}.",
                    file=read.file,
                    quote=statement.quote,
                )
