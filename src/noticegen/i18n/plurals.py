"""Plural-Forms headers judged by what they mean: how many forms, and which form each count
takes. gettext's `msginit`, Weblate and each Babel version write different rules for some
languages (French has two forms in msginit, three in CLDR 49); a catalog is valid if any of
them writes its rule. The rules known besides the installed Babel's are data:
`plural_forms.csv`, with its sources.
"""

from __future__ import annotations

import csv
import gettext
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import babel
from babel.messages.plurals import get_plural

from . import languages

TABLE = Path(__file__).with_name("plural_forms.csv")
MAX_FORMS = 10
"""No language has more than six forms; Babel makes `nplurals` strings for every plural entry
it reads (`nplurals=1000000000` took a minute and gigabytes)."""
MAX_EXPRESSION = 600
"""Characters of a plural expression: the longest known rule (Cornish) has 557."""
SAMPLE = (
    *range(0, 2101),
    *(m * 10**k + d for k in range(3, 13) for m in (1, 2, 3) for d in (-1, 0, 1)),
)
"""The counts two rules are compared on: each up to 2,100, and around thousands, millions and
more, where CLDR's rules for French, Spanish or Cornish change form."""
_HEADER = re.compile(r"^\s*nplurals\s*=\s*([0-9]+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$", re.ASCII)


class PluralRule(NamedTuple):
    nplurals: int
    expression: str

    @property
    def header(self) -> str:
        """The rule as a Plural-Forms value."""
        return f"nplurals={self.nplurals}; plural={self.expression};"


class KnownRule(NamedTuple):
    rule: PluralRule
    sources: str
    """The tools that write this rule (or one with the same meaning)."""


def parse(value: str) -> PluralRule | str:
    """The rule a Plural-Forms value states, or why it cannot be used."""
    match = _HEADER.match(value)
    if match is None:
        return (
            f"The Plural-Forms header `{_cut(value)}` does not read "
            "`nplurals=N; plural=EXPRESSION;`."
        )
    digits, expression = match.groups()
    # int() of thousands of digits raises; a language has at most MAX_FORMS anyway.
    said = digits if len(digits) <= 20 else f"a {len(digits):,}-digit number of"
    count = int(digits) if len(digits) <= 3 else MAX_FORMS + 1
    if not 1 <= count <= MAX_FORMS:
        return f"The Plural-Forms header says {said} plural forms; a language has 1 to {MAX_FORMS}."
    if len(expression) > MAX_EXPRESSION:
        return (
            f"The plural expression has {len(expression):,} characters; at most "
            f"{MAX_EXPRESSION} are read."
        )
    rule = PluralRule(count, expression)
    found = forms(rule)
    return found if isinstance(found, str) else rule


@lru_cache(maxsize=128)
def forms(rule: PluralRule) -> tuple[int, ...] | str:
    """The form each count of SAMPLE takes, or why the rule cannot tell."""
    try:
        # c2py accepts only C's arithmetic on `n`, and refuses deep nesting.
        index = gettext.c2py(rule.expression)
    except (ValueError, SyntaxError, RecursionError):
        return f"The plural expression `{_cut(rule.expression)}` is not a valid C expression."
    found = []
    for n in SAMPLE:
        try:
            form = index(n)
        except ArithmeticError:
            return f"The plural expression `{_cut(rule.expression)}` divides by zero for n = {n}."
        if not 0 <= form < rule.nplurals:
            return (
                f"The plural expression `{_cut(rule.expression)}` gives no form of the "
                f"{rule.nplurals} for n = {n}."
            )
        found.append(form)
    return tuple(found)


def same_meaning(a: PluralRule, b: PluralRule) -> bool:
    mapping = forms(a)
    return a.nplurals == b.nplurals and isinstance(mapping, tuple) and mapping == forms(b)


def known_rules(tag: str) -> list[KnownRule]:
    """The rules tools write for a language: the table's (those of its bare language when the
    region has none of its own), then the installed Babel's when it means something else."""
    babel_id = languages.babel_id(tag)
    table = _table()
    known = list(table.get(babel_id) or table.get(babel_id.split("_")[0], []))
    if languages.is_known(tag):
        plural = get_plural(babel_id)
        installed = PluralRule(plural.num_plurals, plural.plural_expr)
        if not any(same_meaning(installed, k.rule) for k in known):
            known.append(KnownRule(installed, f"Babel {babel.__version__}"))
    return known


def preferred(tag: str) -> PluralRule | None:
    """The rule noticegen writes for a language: the first known, msginit's where it has one."""
    known = known_rules(tag)
    return known[0].rule if known else None


def judge(value: str, tag: str) -> str | None:
    """Why a catalog of `tag` should not carry this Plural-Forms value; None when it can."""
    rule = parse(value)
    if isinstance(rule, str):
        return rule
    known = known_rules(tag)
    if not known or any(same_meaning(rule, k.rule) for k in known):
        return None
    expected = " or ".join(f"`{k.rule.header}` ({k.sources})" for k in known)
    return (
        f"No tool writes the plural rule `{_cut(rule.header)}` for `{tag}`: its catalogs have "
        f"{_counts(known)} forms, {expected}."
    )


def _counts(known: list[KnownRule]) -> str:
    counts = sorted({k.rule.nplurals for k in known})
    return " or ".join(map(str, counts))


@lru_cache(maxsize=1)
def _table() -> dict[str, list[KnownRule]]:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    rows = csv.DictReader(line for line in lines if not line.startswith("#"))
    table: dict[str, list[KnownRule]] = {}
    for row in rows:
        rule = PluralRule(int(row["nplurals"]), row["plural"])
        table.setdefault(row["language"], []).append(KnownRule(rule, row["sources"]))
    return table


def _cut(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
