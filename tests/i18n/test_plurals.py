"""Plural-Forms headers judged by meaning: a catalog is valid whichever tool or Babel version
wrote it, a header no tool writes names the expected ones, and no header makes lint slow or
crash."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from noticegen.cli import main
from noticegen.i18n import plurals
from noticegen.i18n.plurals import MAX_FORMS, PluralRule
from noticegen.i18n.pofile import read_catalog
from noticegen.i18n.strings import BUILTIN_LOCALES, Strings

FIXTURE = Path(__file__).parent / "fixtures" / "notice"

# What each tool writes, as data: `get_plural(lang).plural_forms` of Babel 2.18.0 and of Babel
# 2.19.0 (CLDR 49), gettext 0.21 `msginit -l LANG`, and Weblate's language data (languages.csv
# and cldr.csv). Every one must pass whichever Babel is installed.
WRITTEN = {
    "Babel 2.18.0": {
        "fr": "nplurals=2; plural=(n > 1);",
        "pt_BR": "nplurals=2; plural=(n > 1);",
        "pt": "nplurals=2; plural=(n != 1);",
        "es": "nplurals=2; plural=(n != 1);",
        "it": "nplurals=2; plural=(n != 1);",
        "he": "nplurals=2; plural=(n != 1);",
        "ca": "nplurals=2; plural=(n != 1);",
        "de": "nplurals=2; plural=(n != 1);",
        "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 "
        ": 2);",
        "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
        "n%100>=0 && n%100<=2 ? 4 : 5);",
    },
    "Babel 2.19.0": {
        "fr": "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;",
        "pt_BR": "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;",
        "pt": "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;",
        "es": "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);",
        "it": "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);",
        "he": "nplurals=3; plural=(n == 1 ? 0 : n == 2 ? 1 : 2);",
        "ca": "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);",
        "de": "nplurals=2; plural=(n != 1);",
        "pl": "nplurals=3; plural=n == 1 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || "
        "n % 100 > 14) ? 1 : 2;",
        "ar": "nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && "
        "n % 100 <= 10 ? 3 : n % 100 >= 11 && n % 100 <= 99 ? 4 : 5);",
    },
    "msginit": {
        "fr": "nplurals=2; plural=(n > 1);",
        "pt_BR": "nplurals=2; plural=(n > 1);",
        "de": "nplurals=2; plural=(n != 1);",
        "es": "nplurals=2; plural=(n != 1);",
        "it": "nplurals=2; plural=(n != 1);",
    },
    "Weblate": {
        "fr": "nplurals=3; plural=(n == 0 || n == 1) ? 0 : ((n != 0 && n % 1000000 == 0) ? 1 : 2);",
        "pt": "nplurals=2; plural=n > 1;",
        "es": "nplurals=3; plural=(n == 1) ? 0 : ((n != 0 && n % 1000000 == 0) ? 1 : 2);",
        "it": "nplurals=3; plural=(n == 1) ? 0 : ((n != 0 && n % 1000000 == 0) ? 1 : 2);",
        "he": "nplurals=4; plural=(n == 1) ? 0 : ((n == 2) ? 1 : ((n > 10 && n % 10 == 0) ? 2 : "
        "3));",
        "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
        "n%100>=11 ? 4 : 5;",
    },
}
CASES = [(tool, lang, header) for tool, rules in WRITTEN.items() for lang, header in rules.items()]


@pytest.mark.parametrize(("tool", "lang", "header"), CASES)
def test_every_tool_and_babel_version_writes_a_valid_header(
    tool: str, lang: str, header: str
) -> None:
    assert plurals.judge(header, lang.replace("_", "-")) is None


@pytest.mark.parametrize("lang", ["fr", "pt_BR", "de", "es", "it"])
def test_noticegen_writes_msginits_rule(lang: str) -> None:
    rule = plurals.preferred(lang.replace("_", "-"))
    assert rule is not None
    assert plurals.same_meaning(rule, _rule(WRITTEN["msginit"][lang]))


def test_a_header_no_tool_writes_names_the_expected_ones() -> None:
    problem = plurals.judge("nplurals=2; plural=(n != 1);", "fr")
    assert problem is not None
    assert "nplurals=2; plural=(n > 1);" in problem and "gettext 0.21 msginit" in problem
    assert "nplurals=3;" in problem and "2 or 3 forms" in problem


def test_the_same_rule_written_otherwise_has_the_same_meaning() -> None:
    assert plurals.same_meaning(
        _rule("nplurals=2; plural=n>1;"), _rule("nplurals=2; plural=(n > 1);")
    )
    assert not plurals.same_meaning(
        _rule("nplurals=2; plural=(n > 1);"), _rule("nplurals=2; plural=(n != 1);")
    )
    # CLDR's French differs from msginit's only from a million on.
    cldr = _rule(WRITTEN["Babel 2.19.0"]["fr"])
    assert not plurals.same_meaning(_rule("nplurals=3; plural=(n > 1);"), cldr)


def test_every_rule_in_the_table_is_valid_and_listed_once() -> None:
    table = plurals._table()
    assert {"fr", "pt_BR", "pt", "es", "it", "he", "ar", "de"} <= set(table)
    for lang, known in table.items():
        for i, k in enumerate(known):
            assert isinstance(plurals.forms(k.rule), tuple), (lang, k)
            assert not any(plurals.same_meaning(k.rule, o.rule) for o in known[:i]), (lang, k)


@pytest.mark.parametrize(
    ("header", "said"),
    [
        (
            "nplurals=1000000000; plural=(n > 1);",
            "says 1000000000 plural forms; a language has 1 to 10",
        ),
        ("nplurals=" + "9" * 5000 + "; plural=(n > 1);", "a 5,000-digit number of plural forms"),
        ("nplurals=0; plural=0;", "1 to 10"),
        ("nplurals=2; plural=" + "(n > 1) + " * 100 + "0;", "at most 600"),
        ("nplurals=2; plural=" + "(" * 40 + "n" + ")" * 40 + ";", "not a valid C expression"),
        ("nplurals=2; plural=n % (n - 1);", "divides by zero for n = 1"),
        ("nplurals=2; plural=n;", "no form of the 2 for n = 2"),
        ("nplurals=2; plural=n > 1 ? 5 : 0;", "no form of the 2 for n = 2"),
        ("nplurals=2; plural=__import__('os');", "not a valid C expression"),
        ("nplurals=x; plural=(n;", "does not read"),
    ],
)
def test_a_hostile_header_is_a_finding(header: str, said: str) -> None:
    problem = plurals.judge(header, "fr")
    assert problem is not None and said in problem
    assert len(problem) < 400


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="nplurals=; ()?:!<>=&|%+-*/0123456789 \t\n\\\"'x", max_size=120))
def test_any_header_is_judged_without_an_exception(header: str) -> None:
    plurals.judge(header, "fr")
    plurals.judge("nplurals=2; plural=" + header, "de")


@pytest.mark.parametrize("count", ["1000000000", "9" * 5000], ids=["billion", "5000-digits"])
def test_a_huge_count_of_forms_does_not_reach_babel(tmp_path: Path, count: str) -> None:
    catalog = tmp_path / "fr.po"
    catalog.write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n'
        f'"Plural-Forms: nplurals={count}; plural=(n > 1);\\n"\n\n'
        'msgid "{count} day"\nmsgid_plural "{count} days"\n'
        'msgstr[0] "{count} jour"\nmsgstr[1] "{count} jours"\n',
        encoding="utf-8",
    )
    po = read_catalog(catalog, "fr")
    assert [(p.line, p.kind) for p in po.problems] == [(4, "plural")]
    assert po.catalog is not None and po.plural_rule is None
    entry = po.catalog.get("{count} day")
    # Read with the language's own count of forms, not a billion empty strings.
    assert len(entry.string) <= MAX_FORMS and entry.string[:2] == ("{count} jour", "{count} jours")


def _catalog_header(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    header = "".join(line[1:-1] for line in text.split("\n\n")[0].splitlines() if line[:1] == '"')
    return next(f for f in header.split("\\n") if f.startswith("Plural-Forms:"))


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("nplurals=2; plural=(n != 1);", False),  # German's rule in French: rewritten
        ("nplurals=" + "9" * 5000 + "; plural=(n > 1);", False),
        (WRITTEN["Babel 2.19.0"]["fr"], True),  # CLDR's three forms: kept
        ("nplurals=2; plural=n>1;", True),
    ],
)
def test_update_rewrites_a_header_lint_rejects(tmp_path: Path, written: str, kept: bool) -> None:
    notice = Path(shutil.copytree(FIXTURE, tmp_path / "notice"))
    catalog = notice / "locales" / "fr.po"
    text = catalog.read_text(encoding="utf-8")
    old = _catalog_header(catalog)
    catalog.write_text(text.replace(old, f"Plural-Forms: {written}"), encoding="utf-8")
    result = CliRunner().invoke(main, ["i18n", "update", str(notice), "--lang", "fr"])
    assert result.exit_code == 0, result.output
    expected = written if kept else "nplurals=2; plural=(n > 1);"
    assert _catalog_header(catalog) == f"Plural-Forms: {expected}"
    result = CliRunner().invoke(main, ["lint", str(notice)])
    assert "NG705" not in result.output


def test_arabic_built_in_forms_follow_cldr() -> None:
    arabic = Strings("ar")
    # CLDR and Weblate: form 4 is `many` (11 to 99), form 5 `other` (100, 101, 102...).
    assert arabic("{count} days", count=11) == "11 يومًا"
    assert arabic("{count} days", count=100) == "100 يوم"
    assert arabic("{count} days", count=5) == "5 أيام"
    po = read_catalog(BUILTIN_LOCALES / "ar.po", "ar")
    assert po.plural_rule is not None
    assert plurals.same_meaning(po.plural_rule, _rule(WRITTEN["Weblate"]["ar"]))


def _rule(header: str) -> PluralRule:
    rule = plurals.parse(header)
    assert isinstance(rule, PluralRule), rule
    return rule


def test_a_catalog_babel_makes_gets_a_valid_header() -> None:
    # Whatever Babel is installed, its own rule for a language passes.
    for lang in ("fr", "es", "he", "ar", "pt_BR", "ca", "ja"):
        assert plurals.judge(Catalog(locale=lang).plural_forms, lang.replace("_", "-")) is None
