"""Commands of the i18n area: the translator's workflow over `notice/locales/*.po`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..model import Supplement
from ..model.findings import Severity
from ..sources.escaping import text_line
from ..sources.loading import LoadedNotice, NoticeNotFound, load

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog, Message

    from ..i18n.notice import Entry


def _load(path: Path) -> LoadedNotice:
    from .linting import fail_usage

    try:
        loaded = load(path)
    except NoticeNotFound as error:
        fail_usage(str(error))
    # Loader findings are schema problems: a supplement that does not validate would be missed.
    if loaded.notice is None or any(f.severity >= Severity.ERROR for f in loaded.findings):
        from ..lint.reporters import REPORTERS

        sys.stdout.write(REPORTERS["text"](loaded.findings))
        click.echo("noticegen: the notice does not load; fix the findings above first.", err=True)
        sys.exit(1)
    return loaded


def _supplements(loaded: LoadedNotice) -> list[tuple[str, Supplement]]:
    return [
        (Path(source.path).relative_to(loaded.root).as_posix(), supplement)
        for source, supplement in loaded.supplements
    ]


def _line_of(loaded: LoadedNotice) -> Callable[[Entry], int | None]:
    def line_of(entry: Entry) -> int | None:
        return loaded.source(entry.file).position(entry.path, prefer_value=True).line

    return line_of


def _write(root: Path, target: Path, catalog: Catalog) -> None:
    """Write a catalog into the notice folder, or say in one line why not (exit status 2)."""
    from ..i18n.catalogs import write_catalog
    from ..i18n.pofile import inside
    from .linting import fail_usage

    if not inside(target.parent, root):
        fail_usage(f"{target.parent} leads outside the notice folder; nothing is written there")
    try:
        write_catalog(target, catalog)
    except OSError as error:
        fail_usage(f"cannot write {target}: {error.strerror or error}")


def _entry_key(message: Message) -> tuple[str | None, object]:
    """An entry's context and English, whatever line breaks end it (older catalogs kept them)."""
    from ..i18n.notice import source_text

    msgid = source_text(message.id) if isinstance(message.id, str) else message.id
    return message.context, msgid


@click.group("i18n")
def i18n_group() -> None:
    """Translate the notice: PO catalogs in notice/locales/, one per published language."""


@i18n_group.command()
@click.argument("path", default="notice/", type=click.Path(path_type=Path))
def extract(path: Path) -> None:
    """Write locales/notice.pot with every translatable string of the notice at PATH.

    Each entry's msgctxt is the entity's path (e.g. `purposes.marketing.description`), so the
    same English in two places can be translated differently.
    """
    from ..i18n.catalogs import SourceEntries, build_template, template_path

    loaded = _load(path)
    assert loaded.notice is not None
    entries = SourceEntries.of(loaded.notice, _supplements(loaded)).all
    target = template_path(loaded.root)
    _write(loaded.root, target, build_template(loaded.notice, entries, _line_of(loaded)))
    click.echo(f"wrote {target}: {len(entries)} entries")


@i18n_group.command()
@click.argument("path", default="notice/", type=click.Path(path_type=Path))
@click.option("--lang", "only", multiple=True, help="Update only this language (repeatable).")
def update(path: Path, only: tuple[str, ...]) -> None:
    """Extract, then merge into locales/<lang>.po for every published language.

    New entries are added untranslated; an entry whose English changed is marked fuzzy and
    keeps the previous English (`#| msgid`) so the translator sees what changed; entries no
    longer in the notice are kept as obsolete (`#~`), and come back translated with their
    field. A Plural-Forms header no tool writes for the language is replaced. A catalog that
    does not parse is left untouched.
    """
    from ..i18n import plurals
    from ..i18n.catalogs import (
        SourceEntries,
        build_template,
        entries_for,
        merge,
        template_path,
        translation_languages,
    )
    from ..i18n.notice import catalog_path
    from ..i18n.pofile import read_catalog, set_plural_rule

    loaded = _load(path)
    notice = loaded.notice
    assert notice is not None
    supplements = _supplements(loaded)
    line_of = _line_of(loaded)
    source = SourceEntries.of(notice, supplements)
    wanted = translation_languages(notice, supplements)
    unknown = [lang for lang in only if lang not in wanted]
    if unknown:
        from .linting import fail_usage

        source_language = notice.notice.language
        fail_usage(
            f"{source_language} is the source language and has no catalog"
            if unknown == [source_language]
            else f"the notice is not published in {', '.join(unknown)}; "
            f"its translations are {', '.join(wanted) or 'none'}"
        )
    _write(loaded.root, template_path(loaded.root), build_template(notice, source.all, line_of))
    failed = False
    for lang in wanted:
        if only and lang not in only:
            continue
        target = catalog_path(loaded.root, lang)
        entries = entries_for(notice, supplements, lang, source)
        template = build_template(notice, entries, line_of, lang)
        if not target.is_file():
            _write(loaded.root, target, template)
            click.echo(f"{lang}: created {target} with {len(template)} entries to translate")
            continue
        po = read_catalog(target, lang, loaded.root)
        # What update rewrites does not block it: the header, and line breaks at the ends.
        blocking = [p for p in po.problems if p.kind not in ("plural", "charset", "newline")]
        if po.catalog is None or blocking:
            first = (blocking or po.problems)[0]
            click.echo(text_line(f"{target}:{first.line}: {first.message} Not updated."), err=True)
            failed = True
            continue
        before = {_entry_key(m): m.fuzzy for m in po.catalog if m.id}
        catalog = merge(po.catalog, template)
        rule = po.plural_rule or plurals.preferred(lang)
        if rule is not None:
            set_plural_rule(catalog, rule)
        after = {_entry_key(m): m.fuzzy for m in catalog if m.id}
        added = sum(1 for key in after if key not in before)
        fuzzy = sum(1 for key, is_fuzzy in after.items() if is_fuzzy and not before.get(key))
        removed = sum(1 for key in before if key not in after)
        _write(loaded.root, target, catalog)
        click.echo(
            f"{lang}: updated {target}: {added} new or changed ({fuzzy} marked fuzzy), "
            f"{removed} removed (kept as obsolete)"
        )
    sys.exit(1 if failed else 0)


@i18n_group.command()
@click.argument("path", default="notice/", type=click.Path(path_type=Path))
@click.option("--check", is_flag=True, help="Exit with status 1 unless every catalog is complete.")
def status(path: Path, check: bool) -> None:
    """Print how complete each language's catalog is."""
    from ..i18n.catalogs import SourceEntries, language_status, translation_languages

    loaded = _load(path)
    notice = loaded.notice
    assert notice is not None
    supplements = _supplements(loaded)
    complete = True
    wanted = translation_languages(notice, supplements)
    if not wanted:
        click.echo(
            f"Nothing to translate: the notice is published in {notice.notice.language} only."
        )
    source = SourceEntries.of(notice, supplements)
    for lang in wanted:
        s = language_status(loaded.root, notice, supplements, lang, source)
        if not s.exists:
            click.echo(f"{lang:<6} no catalog ({s.file}): run `noticegen i18n update`")
            complete = False
            continue
        problems = f", {s.problems} problems (see `noticegen lint`)" if s.problems else ""
        click.echo(
            f"{lang:<6} {s.percent:5.1f}%  {s.translated}/{s.total} translated, "
            f"{s.fuzzy} fuzzy, {s.untranslated} untranslated{problems}"
        )
        complete = complete and s.translated == s.total and not s.problems
    sys.exit(1 if check and not complete else 0)


COMMANDS: tuple[click.Command, ...] = (i18n_group,)
