from __future__ import annotations

import re
from collections.abc import Iterator

from ....model import Jurisdiction, Promise, PromiseKind
from ...context import LintContext
from ..base import Rule, Violation
from ._common import sold_or_shared, where

_MENTIONS = {
    PromiseKind.NO_SALE: re.compile(r"\bsel"),
    PromiseKind.NO_SHARING: re.compile(r"\bshar"),
}


class CcpaNoSaleStatementMissing(Rule):
    """The notice neither sells nor shares personal information but does not say so.

    What it does:
        When no recipient is marked as a sale or as sharing, checks that the notice (or a
        California supplement) makes a `no_sale` and a `no_sharing` promise, or one promise
        whose text states both.

    Why it matters:
        A business that has not sold or shared personal information in the preceding 12 months
        must disclose that fact (Cal. Civ. Code 1798.115(c)(1), 1798.130(a)(5)(C)(i); 11 CCR
        7011(e)(1)(D)). Silence leaves Californians unable to tell whether they need to opt out.

    Example:
        ```yaml
        recipients:
          mailer: {label: Email provider, kind: processor, data: [contact.email]}
        promises: {}
        ```

    Fix:
        ```yaml
        promises:
          no_sale:
            kind: no_sale
            text: We have not sold or shared your personal information in the last 12 months.
        ```
    """

    code = "NG405"
    profiles = frozenset({"ccpa"})
    citation = "Cal. Civ. Code 1798.115(c)(1), 1798.130(a)(5)(C); 11 CCR 7011(e)(1)(D)"
    hint = "Add `no_sale` and `no_sharing` promises (or one promise whose text says both)."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if sold_or_shared(ctx):
            return
        promises: list[Promise] = list(ctx.notice.promises.values())
        for _, supplement in ctx.supplements:
            if supplement.supplement.jurisdiction == Jurisdiction.CCPA:
                promises.extend(supplement.promises.values())
        stated = {
            kind
            for kind, mentions in _MENTIONS.items()
            for promise in promises
            if not promise.data and (promise.kind == kind or mentions.search(promise.text.lower()))
        }
        missing = [k for k in _MENTIONS if k not in stated]
        if missing:
            if len(missing) == 2:
                words = "neither sold nor shared"
            else:
                words = "not sold" if missing[0] == PromiseKind.NO_SALE else "not shared"
            yield Violation(
                where(ctx, "promises"),
                "No recipient is marked as a sale or as sharing, but the notice never states "
                f"that personal information is {words}.",
            )
