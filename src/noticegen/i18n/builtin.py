"""Keeping the built-in catalogs in step with the renderer: `python -m noticegen.i18n.builtin`.

The English template `locales/en.po` holds every built-in string the renderer uses: each
`msgid("...")` or `N_("...")` marker and `_("...")` call in `publish/render/*.py`, the templates,
`i18n/strings.py` and the model's labels (vocabulary records, jurisdictions and sections in
`model/`).
A pair "{count} year" / "{count} years" becomes one plural entry, so that each language picks
its own plural form. Run this after changing a template; then translate the new entries (the
test suite fails until every catalog is complete).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_python

from ..sources.fsutil import atomic_write_bytes
from . import languages, plurals
from .pofile import catalog_bytes, read_catalog, set_plural_rule
from .strings import BUILTIN_LOCALES, TEMPLATE_LANGUAGE

PACKAGE = Path(__file__).resolve().parent.parent
SOURCES = (
    PACKAGE / "publish" / "render",
    PACKAGE / "i18n" / "strings.py",
    PACKAGE / "publish" / "site.py",
    PACKAGE / "model",
)
KEYWORDS = {**DEFAULT_KEYWORDS, "msgid": None, "N_": None}
# Fixed so that regenerating the catalogs changes only what changed.
CATALOG_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def _files() -> list[Path]:
    files: list[Path] = []
    for source in SOURCES:
        if source.is_file():
            files.append(source)
        elif source.is_dir():
            files += sorted(p for p in source.rglob("*") if p.suffix in (".py", ".html"))
    return files


def extract() -> dict[str, list[tuple[str, int]]]:
    """Every built-in msgid with where it is used (path relative to the package, line)."""
    found: dict[str, list[tuple[str, int]]] = {}
    for path in _files():
        with path.open("rb") as handle:
            results: Iterable[tuple[Any, ...]]
            if path.suffix == ".py":
                results = extract_python(handle, KEYWORDS, (), {})
            else:
                from jinja2.ext import babel_extract

                results = babel_extract(handle, ("_",), (), {"trimmed": "false"})
            for lineno, _funcname, message, _comments in results:
                texts = message if isinstance(message, tuple) else (message,)
                for text in texts[:1]:
                    if isinstance(text, str) and text:
                        found.setdefault(text, []).append(
                            (path.relative_to(PACKAGE).as_posix(), lineno)
                        )
    return found


def plural_pairs(msgids: list[str]) -> dict[str, str]:
    """singular -> plural, for msgids with a `{count}` placeholder and an English plural."""
    present = set(msgids)
    return {m: m + "s" for m in msgids if "{count}" in m and m + "s" in present}


def template() -> Catalog:
    used = extract()
    pairs = plural_pairs(list(used))
    plurals = set(pairs.values())
    catalog = Catalog(
        locale=TEMPLATE_LANGUAGE,
        project="noticegen",
        creation_date=CATALOG_DATE,
        revision_date=CATALOG_DATE,
        fuzzy=False,
        header_comment="# Built-in strings of noticegen's pages, in English: the template.\n"
        "# Regenerate with `python -m noticegen.i18n.builtin`; never edit msgids by hand.\n#",
    )
    for text in sorted(used, key=str.casefold):
        if text in plurals:
            continue
        msgid: str | tuple[str, str] = (text, pairs[text]) if text in pairs else text
        catalog.add(msgid, "", locations=sorted(set(used[text])))
    return catalog


def write(path: Path, catalog: Catalog) -> None:
    atomic_write_bytes(path, catalog_bytes(catalog))


def update_catalogs() -> list[str]:
    """Rewrite en.po from the sources and merge it into every other built-in catalog.
    Returns one line per catalog saying how many entries still need a translation."""
    new = template()
    write(BUILTIN_LOCALES / f"{TEMPLATE_LANGUAGE}.po", new)
    report = []
    for path in sorted(BUILTIN_LOCALES.glob("*.po")):
        lang = path.stem
        if lang == TEMPLATE_LANGUAGE:
            continue
        po = read_catalog(path, lang)
        if po.catalog is None or po.problems:
            report.append(f"{lang}: not updated, {po.problems[0].message}")
            continue
        catalog = po.catalog
        catalog.update(new, no_fuzzy_matching=True)
        catalog.obsolete.clear()  # strings the renderer dropped: git keeps their history
        catalog.revision_date = CATALOG_DATE
        catalog.language_team = languages.autonym(lang)
        rule = po.plural_rule or plurals.preferred(lang)
        if rule is not None:
            set_plural_rule(catalog, rule)
        write(path, catalog)
        todo = sum(1 for m in catalog if m.id and (m.fuzzy or not _complete(m.string)))
        report.append(f"{lang}: {todo} entries to translate")
    return report


def new_catalog(lang: str) -> Catalog:
    """An empty catalog for a new built-in language, with its plural header."""
    catalog = Catalog(
        locale=languages.babel_id(lang),
        project="noticegen",
        creation_date=CATALOG_DATE,
        revision_date=CATALOG_DATE,
        language_team=languages.autonym(lang),
        fuzzy=False,
        header_comment=f"# Built-in strings of noticegen's pages, in {lang}.\n#",
    )
    rule = plurals.preferred(lang)
    if rule is not None:
        set_plural_rule(catalog, rule)
    catalog.update(template(), no_fuzzy_matching=True)
    return catalog


def _complete(string: object) -> bool:
    if isinstance(string, str):
        return bool(string.strip())
    return isinstance(string, tuple) and all(isinstance(s, str) and s.strip() for s in string)


if __name__ == "__main__":
    for line in update_catalogs():
        print(line)
