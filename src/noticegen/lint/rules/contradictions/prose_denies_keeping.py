from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from .._text import listed
from ..base import Rule, Violation
from ._reader import company_denials, declared_data, tail_is_known
from ._statements import IdSet, denials, overlapping


class ProseDeniesKeeping(Rule):
    """The text says data is not kept, but a retention rule of the notice keeps it.

    What it does:
        Reads the prose with the prose reader and finds statements in which the company says
        it does not keep, retain, hold or save a kind of data ("We do not retain your card
        number"), and reports each one when a retention rule covers that data, or narrower
        data, and the data is not marked `ephemeral: true`. A sentence NG653 already reads
        as a denial of collecting ("we do not store") is left to it; qualified ("longer
        than"), conditional and possible statements are left alone.

    Why it matters:
        The notice must say how long data is kept (GDPR Art. 13(2)(a); Cal. Civ. Code
        1798.100(a)(3)). Saying it is not kept while a retention rule keeps it for years
        misleads about the very period the reader is owed (GDPR Art. 5(1)(a)).

    Example:
        ```yaml
        sections:
          payment: {title: Payment, body: We do not retain your email address.}
        retention:
          - {id: account_data, data: [contact.email], after: account_closure, period: P1Y}
        ```

    Fix:
        ```yaml
        sections:
          payment:
            title: Payment
            body: We keep your email address until a year after you close your account.
        ```
    """

    code = "NG665"
    citation = "GDPR Art. 5(1)(a), 13(2)(a); Cal. Civ. Code 1798.100(a)(3)"
    hint = "Correct the sentence, or the retention rules, so that both say the truth."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        read_as_collection = {d.sentence for d in denials(ctx) if "collect" in d.kinds}
        data = ctx.notice.data
        for read in company_denials(ctx, "keep"):
            statement = read.statement
            if statement.sentence in read_as_collection or not tail_is_known(statement):
                continue
            named = IdSet(d for d in declared_data(ctx, statement) if not data[d].ephemeral)
            for rule in ctx.notice.retention:
                kept = overlapping(rule.data, named)
                if kept:
                    yield Violation(
                        read.path,
                        f'The text says "{statement.quote}", but the retention rule '
                        f"`{rule.id}` keeps {listed(kept)}.",
                        file=read.file,
                        quote=statement.quote,
                    )
                    break
