from __future__ import annotations

import re
from collections.abc import Iterator

from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation
from ..review.placeholder_left import MARKER
from .template_leftover import LEFTOVERS

_ACRONYM = re.compile(r"\b[A-Z]{2,7}s?\b")
_ROMAN = re.compile(r"[IVXLCDM]+")
# Abbreviations readers know better than their expansion, including the laws' own short names
# (the LGPD's is in its amending act, Lei 13.853/2019).
_FAMILIAR_WORDS = (
    "EU EEA UK US USA IP URL URLs SMS FAQ PDF HTML ID IDs TLS SSL HTTPS HTTP GPS TV PC OK CEO "
    "VAT PIN API AI IT EUR USD GBP BRL UTC GMT DNS VPN SDK SDKs CV CVs NB PS AM PM "
    "GDPR CCPA CPRA LGPD"
)
_FAMILIAR = frozenset(_FAMILIAR_WORDS.split(" "))


class UndefinedAcronym(Rule):
    """An acronym is used without being spelt out anywhere in the notice.

    What it does:
        Finds abbreviations in capitals ("ANPD", "SCCs", "DPO") that the notice never spells
        out, as in "Standard Contractual Clauses (SCCs)" or "SCCs (Standard Contractual
        Clauses)", and points at the first use of each. Familiar ones (EU, UK, IP, URL, SMS,
        the short names GDPR, CCPA, CPRA and LGPD, ...), Roman numerals, words of the company's
        name, a service the notice covers named on its own in `scope.applies_to` (a product
        called "HEY") and headings in capitals are left alone, and so are the placeholders
        other rules already report (`TODO(noticegen)` for NG804; `TODO`, `TBD`, `XXX`,
        `[DATE]` ... for NG601). It is advice, not an error.

    Why it matters:
        Information must be intelligible, in clear and plain language for the average member
        of the audience (GDPR Art. 12(1); 11 CCR 7003(a); LGPD Art. 6(VI)). An unexplained
        acronym is a word most readers do not know.

    Example:
        ```yaml
        rights:
          complaint: {how: You may complain to the ANPD.}
        ```

    Fix:
        ```yaml
        rights:
          complaint: {how: You may complain to the national data protection authority (ANPD).}
        ```
    """

    code = "NG607"
    severity = Severity.INFO
    citation = "GDPR Art. 12(1); 11 CCR 7003(a)"
    hint = "Spell the acronym out at its first use, with the acronym in brackets."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        texts = ctx.prose
        if not texts:
            return
        defined = _definitions("\n".join(text for _, _, text in texts))
        controller = ctx.notice.controller
        own_words = set(f"{controller.name} {controller.legal_name or ''}".split())
        # A service the notice covers, named on its own ("HEY"), is a product's name.
        own_words |= {item.strip() for item in ctx.notice.scope.applies_to}
        seen: set[str] = set()
        for file, path, text in texts:
            reported = _placeholders(text)
            for match in _ACRONYM.finditer(text):
                acronym = match.group(0)
                if acronym in seen or _shouting(text, match) or _within(match, reported):
                    continue
                seen.add(acronym)
                if (
                    acronym in _FAMILIAR
                    or acronym in own_words
                    or _ROMAN.fullmatch(acronym)
                    or _forms(acronym) & defined
                ):
                    continue
                yield Violation(
                    path,
                    f'"{acronym}" is not spelt out anywhere in the notice.',
                    file=file,
                    quote=acronym,
                )


def _placeholders(text: str) -> list[tuple[int, int]]:
    """Where the text holds a placeholder that NG804 or NG601 reports."""
    spans = [m.span() for m in LEFTOVERS.finditer(text)]
    return spans + [m.span() for m in re.finditer(re.escape(MARKER), text)]


def _within(match: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    return any(start <= match.start() and match.end() <= end for start, end in spans)


def _shouting(text: str, match: re.Match[str]) -> bool:
    """Whether the acronym sits in a run of capitals (a heading typed in capitals). A familiar
    abbreviation beside a short acronym ("the UK ICO", "our EU DPO") is no such run."""
    before = text[max(0, match.start() - 40) : match.start()].split()[-1:]
    after = text[match.end() : match.end() + 40].split()[:1]
    short = len(match.group(0)) <= _SHORT_ACRONYM
    return any(
        w.isupper() and len(w) > 1 and not (short and w.strip(".,:;") in _FAMILIAR)
        for w in before + after
    )


_SHORT_ACRONYM = 5


# "Full Name (ACR)", "ACR (Full Name)" or a quoted definition "ACR"
_DEFINITION = re.compile(
    r"\(([A-Z]{2,7}s?)\)|\b([A-Z]{2,7}s?)\s*\([^)\s]+\s[^)]+\)|[\"“]([A-Z]{2,7}s?)[\"”]"
)


def _definitions(text: str) -> set[str]:
    """Every acronym the text spells out, found in one pass."""
    return {next(g for g in m.groups() if g) for m in _DEFINITION.finditer(text)}


def _forms(acronym: str) -> set[str]:
    singular = acronym[:-1] if acronym.endswith("s") else acronym
    return {acronym, singular, singular + "s"}
