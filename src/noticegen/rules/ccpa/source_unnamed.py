from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ...findings import Severity
from ...model import Source
from ..base import Rule, Violation


class CcpaSourceUnnamed(Rule):
    """Data obtained from others does not say what kind of source it comes from.

    What it does:
        Flags data whose source is a third party or a public source but whose `source_name`
        is empty.

    Why it matters:
        The privacy policy must identify the categories of sources from which personal
        information is collected, described so that consumers understand them (Cal. Civ.
        Code 1798.110(c)(2); 11 CCR 7011(e)(1)(B)). "Third parties" alone tells a consumer
        nothing: a data broker, an advertising network and a business partner are very
        different sources.

    Example:
        ```yaml
        data:
          marketing.segments: {label: Interest segments, source: third_party}
        ```

    Fix:
        ```yaml
        data:
          marketing.segments:
            label: Interest segments
            source: third_party
            source_name: Advertising networks we work with
        ```
    """

    code = "NG402"
    name = "ccpa-source-unnamed"
    family = "ccpa"
    severity = Severity.WARNING
    profiles = frozenset({"ccpa"})
    citation = "Cal. Civ. Code 1798.110(c)(2); 11 CCR 7011(e)(1)(B)"
    hint = 'Name the kind of source in `source_name`, e.g. "data brokers" or "event partners".'

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for did, data in ctx.notice.data.items():
            if data.source in (Source.THIRD_PARTY, Source.PUBLIC) and not data.source_name:
                yield Violation(
                    ("data", did, "source"),
                    f"`{did}` ({data.label}) comes from a {data.source.replace('_', ' ')} source "
                    "that is not identified.",
                )
