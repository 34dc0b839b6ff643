from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from .._text import listed
from ..base import Rule, Violation
from ._statements import DataVocabulary, denials, recipients_receiving


class ProseDeniesSale(Rule):
    """The text says personal data is never sold, but a recipient is marked as a sale.

    What it does:
        Finds sentences in which the company denies selling (or renting, trading) personal
        data, such as "We do not, under any circumstance, sell your personal data", and works
        out which declared data they are about: all of it for "personal data", or the
        categories a word names ("email" names `contact.email`; "location" names every
        `location.*`). It then reports each such sentence when a recipient of that data is
        marked `sale: true` (a recipient without a `data` list receives what its purposes
        use; one with neither is not counted); a sentence that names the buyers ("to data
        brokers") counts only against recipients whose name shares its words. Qualified
        sentences ("unless", "except", "without your consent") are left alone, since the
        structure cannot confirm or refute them; so are the structured `promises`, which NG205
        checks.

    Why it matters:
        A statement that contradicts the processing is misleading: it breaches fairness and
        transparency (GDPR Art. 5(1)(a), 12(1)), and under the CCPA it hides the right to opt
        out (Cal. Civ. Code 1798.120, 1798.135); the FTC treats such promises as deceptive (15
        U.S.C. 45(a)). Published policies contradict themselves this way often (PolicyLint,
        USENIX Security 2019, found contradictions in 14.2% of 11,430 policies).

    Example:
        ```yaml
        sections:
          sharing: {title: Sharing, body: "We never sell your personal data."}
        recipients:
          broker: {label: Data broker, kind: controller, data: [contact.email], sale: true}
        ```

    Fix:
        ```yaml
        sections:
          sharing:
            title: Sharing
            body: >
              We sell your email address to data brokers. You can opt out at any time through
              the "Do Not Sell or Share My Personal Information" link.
        ```
    """

    code = "NG651"
    citation = "GDPR Art. 5(1)(a); Cal. Civ. Code 1798.120, 1798.135; 15 U.S.C. 45(a)"
    hint = "Correct the sentence, or the recipient's `sale` flag, so that both say the truth."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        vocabulary = DataVocabulary(ctx)
        for denial in denials(ctx):
            if "sell" not in denial.kinds or not denial.about_recipients():
                continue
            named = vocabulary.data_named(denial.object_text)
            if not named:
                continue
            for rid, recipient, sold in recipients_receiving(ctx, denial, named):
                if recipient.sale:
                    yield Violation(
                        denial.path,
                        f'The text says "{denial.quote}", but recipient `{rid}` '
                        f"({recipient.label}) is marked as a sale of {listed(sold, limit=None)}.",
                        file=denial.file,
                        quote=denial.quote,
                    )
                    break
