from __future__ import annotations

from collections.abc import Iterator

from ....model import RecipientKind
from ...context import LintContext
from .._text import listed
from ..base import Rule, Violation
from ._reader import Read, company_denials, declared_data, tail_is_known
from ._statements import (
    DataVocabulary,
    IdSet,
    denials,
    overlapping,
    received_data,
    recipients_receiving,
)

# Recipients that are third parties in every regime: not processors acting for the company,
# not group companies, not authorities the law compels disclosure to.
THIRD_PARTIES = {RecipientKind.CONTROLLER, RecipientKind.PUBLIC}


class ProseDeniesSharing(Rule):
    """The text says personal data is not shared or disclosed, but the notice lists a third
    party that receives it.

    What it does:
        Finds sentences in which the company denies sharing, disclosing, passing on or giving
        personal data ("We do not share your email address with third parties"), works out
        which declared data they are about (through ids and labels, and through the id
        hierarchy: "contact details" covers `contact.*`), and reports each one when that data
        goes to an independent third party (`kind: controller` or `public`) or is marked as a
        sale or sharing; a recipient without a `data` list receives what its purposes use,
        and one with neither is not counted. Processors, group companies and authorities are
        not counted; a sentence that names a kind of recipient ("with advertisers") counts
        only against recipients whose name shares its words; sentences with a qualifier
        ("unless", "without your consent", "for their own marketing") are left alone. The
        prose reader adds the denials these patterns miss ("Under no circumstances is it
        shared with other organisations for commercial purposes", "it" being the data of the
        sentence before).

    Why it matters:
        The notice must tell people who receives their data (GDPR Art. 13(1)(e), 14(1)(e);
        Cal. Civ. Code 1798.110(c)(4), 1798.115(c); LGPD Art. 9(V)). A denial that the
        structure contradicts is misleading (GDPR Art. 5(1)(a); 15 U.S.C. 45(a)), and readers
        believe the sentence, not the table.

    Example:
        ```yaml
        sections:
          sharing: {title: Sharing, body: "We do not share your email address with third parties."}
        recipients:
          partners: {label: Business partners, kind: controller, data: [contact.email]}
        ```

    Fix:
        ```yaml
        sections:
          sharing:
            title: Sharing
            body: We share your email address with our business partners, who may contact you.
        ```
    """

    code = "NG652"
    citation = "GDPR Art. 5(1)(a), 13(1)(e); Cal. Civ. Code 1798.115(c); LGPD Art. 9(V)"
    hint = "Correct the sentence, or the recipients, so that both say the truth."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        vocabulary = DataVocabulary(ctx)
        found = denials(ctx)
        yield from self._read(ctx, {d.sentence for d in found})
        for denial in found:
            if "share" not in denial.kinds or not denial.about_recipients():
                continue
            named = vocabulary.data_named(denial.object_text)
            if not named:
                continue
            for rid, recipient, shared in recipients_receiving(ctx, denial, named):
                if recipient.kind in THIRD_PARTIES or recipient.sale or recipient.sharing:
                    yield Violation(
                        denial.path,
                        f'The text says "{denial.quote}", but `{rid}` ({recipient.label}), '
                        f"a third party, receives {listed(shared, limit=None)}.",
                        file=denial.file,
                        quote=denial.quote,
                    )
                    break

    @staticmethod
    def _read(ctx: LintContext, seen: set[str]) -> Iterator[Violation]:
        """The denials only the prose reader finds: to third parties in general, for no
        purpose or a commercial one."""
        for read in company_denials(ctx, "share"):
            statement = read.statement
            if statement.sentence in seen or not _about_third_parties(read):
                continue
            named = IdSet(declared_data(ctx, statement))
            for rid, recipient in ctx.notice.recipients.items():
                if not (recipient.kind in THIRD_PARTIES or recipient.sale or recipient.sharing):
                    continue
                shared = overlapping(received_data(ctx, recipient) or [], named)
                if shared:
                    yield Violation(
                        read.path,
                        f'The text says "{statement.quote}", but `{rid}` ({recipient.label}), '
                        f"a third party, receives {listed(shared, limit=None)}.",
                        file=read.file,
                        quote=statement.quote,
                    )
                    break


def _about_third_parties(read: Read) -> bool:
    statement = read.statement
    return (
        set(statement.recipients) == {"third_party"}
        and set(statement.purposes) <= {"commercial"}
        and tail_is_known(statement)
    )
