from __future__ import annotations

import re
from collections.abc import Iterator

from ....model import Source
from ...context import LintContext
from .._text import listed
from ..base import Rule, Violation
from ._statements import DataVocabulary, denials

_FROM_OTHERS = re.compile(
    r"^from\s+(?:any\s+)?(?:third[- ]part(?:y|ies)|other\s+(?:sources|companies)|data\s+brokers|"
    r"public\s+sources|social\s+(?:media|networks))$",
    re.IGNORECASE,
)


class ProseDeniesCollection(Rule):
    """The text says a kind of data is not collected, but the notice declares collecting it.

    What it does:
        Finds sentences in which the company denies collecting, recording, storing or tracking
        a kind of data ("We do not collect your location", "We never store sensitive data")
        and reports each one when the notice declares data of that kind, including narrower
        categories (a denial about `location` is contradicted by `location.precise`). "From
        third parties" restricts the check to data obtained from others; any other qualifier
        takes the sentence out.

    Why it matters:
        The notice must say which personal data is processed (GDPR Art. 13(1)(c), 14(1)(d);
        Cal. Civ. Code 1798.110(c)(1); LGPD Art. 9). Denying what the structure declares
        misleads the reader about the very data the notice is for (GDPR Art. 5(1)(a)).

    Example:
        ```yaml
        sections:
          location: {title: Location, body: We do not collect your location.}
        data:
          location.general: {label: General location, source: observed}
        ```

    Fix:
        ```yaml
        sections:
          location:
            title: Location
            body: We infer the city you are in from your IP address; we never use GPS.
        ```
    """

    code = "NG653"
    citation = "GDPR Art. 5(1)(a), 13(1)(c); Cal. Civ. Code 1798.110(c)(1)"
    hint = "Correct the sentence, or the declared data, so that both say the truth."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        vocabulary = DataVocabulary(ctx)
        data = ctx.notice.data
        for denial in denials(ctx):
            if "collect" not in denial.kinds:
                continue
            named = vocabulary.data_named(denial.object_text)
            if not named:
                continue
            if denial.tail:
                if not _FROM_OTHERS.match(denial.tail):
                    continue
                others = (Source.THIRD_PARTY, Source.PUBLIC)
                named = [d for d in named if data[d].source in others]
                if not named:
                    continue
            yield Violation(
                denial.path,
                f'The text says "{denial.quote}" about {listed(named, limit=5)}, '
                "which the notice declares it collects.",
                file=denial.file,
                quote=denial.quote,
            )
