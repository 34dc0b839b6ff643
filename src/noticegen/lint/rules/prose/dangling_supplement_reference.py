from __future__ import annotations

import re
from collections.abc import Iterator

from ....model import Jurisdiction
from ...context import LintContext
from .._text import sentences
from ..base import Rule, Violation

_GENERIC = re.compile(
    r"\b(?:local\s+specifications?|supplemented\s+by|supplementary\s+notices?|"
    r"(?:our|the|a|any|local|relevant)\s+supplements?|"
    r"(?:country|state|jurisdiction)[- ]specific\s+(?:notices?|terms|information|supplements?)|"
    r"addend(?:um|a))\b",
    re.IGNORECASE,
)
_NAMED = re.compile(
    r"\b(California|Brazil(?:ian)?|CCPA|CPRA|LGPD)\s+"
    r"(?:privacy\s+)?(?:notice|supplement|addendum|policy)\b",
    re.IGNORECASE,
)
_JURISDICTION = {
    "california": Jurisdiction.CCPA,
    "ccpa": Jurisdiction.CCPA,
    "cpra": Jurisdiction.CCPA,
    "brazil": Jurisdiction.LGPD,
    "brazilian": Jurisdiction.LGPD,
    "lgpd": Jurisdiction.LGPD,
}


class DanglingSupplementReference(Rule):
    """The text names supplements or local terms that are not part of the notice.

    What it does:
        Flags references to "local specifications", "supplements", an "addendum" or
        "country-specific" notices when the notice has no supplement, and references to a
        "California notice" or "LGPD supplement" when no supplement for that jurisdiction
        exists.

    Why it matters:
        Information must be complete and directly accessible, not left to documents the reader
        cannot find (GDPR Art. 12(1), 13; WP29 Guidelines on transparency (WP260 rev.01) on
        layered notices; 11 CCR 7011(e)). A notice that says local terms may apply, without
        giving them, leaves every reader unsure which rules govern their data.

    Example:
        ```yaml
        scope:
          applies_to: [Our websites]
        sections:
          local:
            title: Local terms
            body: This notice may be supplemented by local specifications.
        ```

    Fix:
        ```yaml
        # supplements/california.yaml: the local specifications, published with the notice
        supplement:
          id: california
          title: Privacy Notice for California Residents
          jurisdiction: ccpa
          applies_to: Residents of California
        ```
    """

    code = "NG603"
    citation = "GDPR Art. 12(1), 13; 11 CCR 7011(e)"
    hint = "Add the supplement under `supplements/`, or remove the reference."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        present = {s.supplement.jurisdiction for _, s in ctx.supplements}
        for file, path, text in ctx.prose:
            if not present:
                for _, sentence in sentences(text):
                    generic = _GENERIC.search(sentence)
                    if generic is None:
                        continue
                    phrase = generic.group(0)
                    yield Violation(
                        path,
                        f'The text mentions "{phrase}", but the notice has no supplement.',
                        file=file,
                        quote=phrase,
                    )
            for match in _NAMED.finditer(text):
                if _JURISDICTION[match.group(1).lower()] not in present:
                    yield Violation(
                        path,
                        f'The text refers to a "{match.group(0)}", but there is no supplement '
                        f"for {_JURISDICTION[match.group(1).lower()]}.",
                        file=file,
                        quote=match.group(0),
                    )
