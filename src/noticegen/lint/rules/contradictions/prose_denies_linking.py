from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from .._text import listed
from ..base import Rule, Violation
from ._reader import company_denials, declared_data


class ProseDeniesLinking(Rule):
    """The text says data is not linked to a person, but the notice declares it linked.

    What it does:
        Reads the prose with the prose reader and finds statements that a kind of data is not
        linked, tied, associated or combined ("IP addresses are not linked to personally
        identifiable information"), and reports each one when the notice marks that data, or
        narrower data, `linked_to_user: true`. Qualified, conditional and possible statements
        are left alone.

    Why it matters:
        Whether data identifies someone decides whether it is personal data at all (GDPR
        Recital 26, Art. 4(1)) and what an app store label says (Apple "Data Linked to You").
        Denying the link the structure declares misleads (GDPR Art. 5(1)(a)).

    Example:
        ```yaml
        sections:
          logs:
            title: Logs
            body: IP addresses are not linked to personally identifiable information.
        data:
          device.ip_address: {label: IP address, source: observed, linked_to_user: true}
        ```

    Fix:
        ```yaml
        sections:
          logs:
            title: Logs
            body: We keep your IP address with your account to detect logins from new places.
        ```
    """

    code = "NG663"
    citation = "GDPR Art. 4(1), 5(1)(a), Recital 26"
    hint = "Correct the sentence, or `linked_to_user`, so that both say the truth."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        data = ctx.notice.data
        for read in company_denials(ctx, "link"):
            statement = read.statement
            linked = [d for d in declared_data(ctx, statement) if data[d].linked_to_user]
            if linked:
                yield Violation(
                    read.path,
                    f'The text says "{statement.quote}", but the notice marks {listed(linked)} '
                    "as linked to the person (`linked_to_user: true`).",
                    file=read.file,
                    quote=statement.quote,
                )
