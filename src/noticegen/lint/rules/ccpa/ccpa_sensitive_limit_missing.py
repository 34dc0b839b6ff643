from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ....model import CcpaCategory, Right
from ....model.meta import SensitiveDataUse
from ...context import LintContext
from ..base import Rule, Violation
from ..consistency._ids import IdIndex
from ._common import ccpa_rights, requests_field_set


class CcpaSensitiveLimitMissing(Rule):
    """Sensitive personal information is used but the right to limit its use is not offered.

    What it does:
        When a purpose uses data flagged `sensitive` (or in the CCPA category `sensitive`),
        checks that the notice or a California supplement offers `limit_sensitive` and gives a
        `requests.limit_link`. A business that uses sensitive personal information only for
        the purposes listed in 11 CCR 7027(m) says so in the notice with
        `business.sensitive_data_use: permitted_purposes_only` (the older rule option
        `permitted_purposes_only = true` under `[tool.noticegen.options.NG409]` is deprecated
        and read only when the notice does not say).

    Why it matters:
        Consumers may direct a business to limit the use of their sensitive personal
        information to what is necessary to provide the goods or services (Cal. Civ. Code
        1798.121(a)); the business must explain the right and provide a "Limit the Use of My
        Sensitive Personal Information" link (1798.135(a)(2); 11 CCR 7011(e)(2), 7014).

    Example:
        ```yaml
        data:
          account.login: {label: Account login and password, source: provided, sensitive: true}
        rights: {know: {}, delete: {}}
        ```

    Fix:
        ```yaml
        rights: {know: {}, delete: {}, limit_sensitive: {}}
        requests:
          limit_link: https://example.com/limit-sensitive-information
        ```
    """

    code = "NG409"
    profiles = frozenset({"ccpa"})
    citation = "Cal. Civ. Code 1798.121(a), 1798.135(a)(2); 11 CCR 7011(e)(2), 7014"
    hint = "Offer `limit_sensitive` and set `requests.limit_link`."

    class Options(NamedTuple):
        permitted_purposes_only: bool = False
        """Deprecated: state `business.sensitive_data_use: permitted_purposes_only` in the
        notice. Still honoured when the notice does not say."""

    options: Options

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        business = ctx.notice.business
        stated = business.sensitive_data_use if business is not None else None
        if stated is None and self.options.permitted_purposes_only:
            return
        if stated is SensitiveDataUse.PERMITTED_PURPOSES_ONLY:
            return
        sensitive = [
            did
            for did, data in ctx.notice.data.items()
            if data.sensitive or data.ccpa_category == CcpaCategory.SENSITIVE
        ]
        used_by_purposes = IdIndex(ctx.purpose_data)
        used = sorted(did for did in sensitive if used_by_purposes.touches(did))
        if not used:
            return
        names = ", ".join(f"`{d}`" for d in used)
        if Right.LIMIT_SENSITIVE not in ccpa_rights(ctx):
            yield Violation(
                ("data", used[0]),
                f"Sensitive personal information ({names}) is used, but the right to limit its "
                "use is not offered.",
            )
        if not requests_field_set(ctx, "limit_link"):
            yield Violation(
                ("data", used[0]),
                f'Sensitive personal information ({names}) is used, but there is no "Limit the '
                'Use of My Sensitive Personal Information" link.',
            )
