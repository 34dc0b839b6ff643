from __future__ import annotations

import re
from collections.abc import Iterator

from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation

_VAGUE = re.compile(
    r"\b(?:may|might|such\s+as|including\s+(?:but\s+not\s+limited\s+to|without\s+limitation)|"
    r"among\s+other\s+things|and/or|etc\b\.?|other\s+purposes|from\s+time\s+to\s+time|possibly|"
    r"some)\b",
    re.IGNORECASE,
)
# Data that is no longer personal (GDPR Recital 26): a "may" about publishing aggregate
# statistics leaves no purpose of processing personal data open.
_NOT_PERSONAL = re.compile(
    r"\b(?:aggregated?|anonymi[sz](?:ed|ation)|anonymous|de-?identified)\b", re.IGNORECASE
)
_CLAUSE_EDGE = re.compile(r"[,;:.()]")
# "such as" leaves a purpose open when its examples stand for the purpose itself, named in
# generic terms ("services such as advertising"); after a named thing ("analytics about their
# stores, such as orders by region") it only illustrates a purpose already stated.
_SUCH_AS = re.compile(r"such\s+as", re.IGNORECASE)
_GENERIC = re.compile(
    r"\b(?:purposes?|services?|uses?|activit(?:y|ies)|features?|functions?|functionality|"
    r"things?|reasons?|ways?|operations?|tasks?|content|products?|offers?|offerings?|"
    r"experiences?|processing|needs?|business(?:es)?|means)\W*$",
    re.IGNORECASE,
)


def _leaves_purpose_open(text: str, match: re.Match[str]) -> bool:
    """Whether the qualifier opens the purpose: the clause around it (between commas,
    semicolons, brackets or sentence ends) speaks of personal data, not of aggregate or
    anonymised data, and a "such as" gives examples of the purpose itself."""
    starts = [m.end() for m in _CLAUSE_EDGE.finditer(text, 0, match.start())]
    end = _CLAUSE_EDGE.search(text, match.end())
    clause = text[starts[-1] if starts else 0 : end.start() if end else len(text)]
    if _NOT_PERSONAL.search(clause):
        return False
    return not _SUCH_AS.fullmatch(match.group(0)) or bool(_GENERIC.search(text[: match.start()]))


class VaguePurposeWording(Rule):
    """A purpose is described with open-ended words.

    What it does:
        Points out qualifiers that leave a purpose open-ended ("may", "might", "such as",
        "including but not limited to", "among other things", "etc.", "and/or", "from time to
        time", "some") in the label and description of each purpose, unless the clause they
        stand in speaks of aggregate, anonymised or de-identified data ("aggregate statistics
        we may publish"), which is not personal data (GDPR Recital 26). A "such as" counts
        only after a generic word for what is done ("services such as advertising", "other
        purposes, such as"), not when it illustrates a purpose already named ("analytics about
        their stores, such as orders by region"). It is advice, not an error: a "may" is
        sometimes the honest word.

    Why it matters:
        Purposes must be specified and explicit (GDPR Art. 5(1)(b)), and the Article 29
        Working Party names "may", "might", "some", "often" and "possible" as language that
        fails the requirement of clarity (Guidelines on transparency, WP260 rev.01). Lists
        that end "such as ..." leave the reader unable to tell what is not done.

    Example:
        ```yaml
        purposes:
          personalisation:
            label: Personalisation
            description: We may use your location for services such as advertising.
        ```

    Fix:
        ```yaml
        purposes:
          personalisation:
            label: Personalisation
            description: We use the city you are in to show ads for shops near you.
        ```
    """

    code = "NG606"
    severity = Severity.INFO
    citation = "GDPR Art. 5(1)(b), 12(1); WP260 rev.01"
    hint = "Say exactly what is done with the data, and drop qualifiers that leave it open."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for pid, purpose in ctx.notice.purposes.items():
            for field, text in (("label", purpose.label), ("description", purpose.description)):
                words = list(
                    dict.fromkeys(
                        m.group(0) for m in _VAGUE.finditer(text) if _leaves_purpose_open(text, m)
                    )
                )
                if words:
                    listed = ", ".join(f'"{w}"' for w in words)
                    yield Violation(
                        ("purposes", pid, field),
                        f"The {field} of purpose `{pid}` leaves it open-ended ({listed}).",
                        quote=words[0],
                    )
