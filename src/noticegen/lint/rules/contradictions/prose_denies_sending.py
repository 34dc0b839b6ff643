from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from .._text import listed
from ..base import Rule, Violation
from ._reader import company_denials, purpose_matches

_SENT = ("newsletter", "marketing")


class ProseDeniesSending(Rule):
    """The text says there is no newsletter or marketing email, but a purpose sends one.

    What it does:
        Reads the prose with the prose reader and finds statements in which the company says
        it has no newsletter or does not send one, or marketing messages ("We do not have a
        newsletter", "We never send marketing emails"). It reports each one when a purpose
        of that kind is declared: a newsletter or mailing list by its id or label, marketing
        by `direct_marketing: true`. Qualified, conditional ("if we have a newsletter") and
        possible statements are left alone.

    Why it matters:
        People must learn each purpose and, for direct marketing, their right to object to it
        (GDPR Art. 13(1)(c), 21(4); ePrivacy Directive Art. 13). Members who receive a
        newsletter the notice says does not exist were never told they could object.

    Example:
        ```yaml
        sections:
          email: {title: Email, body: We do not have a newsletter.}
        purposes:
          newsletter:
            label: Members' newsletter
            description: A monthly email.
            data: [contact.email]
            legal_basis: consent
        ```

    Fix:
        ```yaml
        sections:
          email:
            title: Email
            body: Members receive a monthly newsletter; the link in each one unsubscribes.
        ```
    """

    code = "NG662"
    citation = "GDPR Art. 5(1)(a), 13(1)(c), 21(4)"
    hint = "Correct the sentence, or the purposes, so that both say the truth."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for read in company_denials(ctx, "send"):
            statement = read.statement
            kinds = tuple(p for p in statement.purposes if p in _SENT)
            if not kinds:
                continue
            found = [
                pid
                for pid, purpose in ctx.notice.purposes.items()
                if purpose_matches(kinds, pid, purpose)
            ]
            if found:
                yield Violation(
                    read.path,
                    f'The text says "{statement.quote}", but the notice declares the purpose '
                    f"{listed(found)}.",
                    file=read.file,
                    quote=statement.quote,
                )
