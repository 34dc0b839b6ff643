"""The translator's workflow on a notice folder: which languages need a catalog, what each must
hold, and extract / update / status over `notice/locales/`."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from babel.messages.catalog import Catalog, Message

from ..model import Notice, Supplement
from ..sources.fsutil import atomic_write_bytes
from . import languages, plurals
from .notice import (
    LOCALES_DIR,
    NAME_COMMENT,
    TEMPLATE_FILE,
    Entry,
    PathT,
    catalog_path,
    notice_entries,
    source_text,
    supplement_entries,
    with_edges_of,
)
from .pofile import PoFile, catalog_bytes, read_catalog, set_plural_rule

Supplements = list[tuple[str, Supplement]]
"""Each supplement with its path relative to the notice folder."""


class Declared(NamedTuple):
    """A language tag as written in the notice or a supplement."""

    tag: str
    file: str | None
    path: PathT


def declared_languages(notice: Notice, supplements: Supplements) -> list[Declared]:
    found = [Declared(tag, None, ("notice", "languages", i))
             for i, tag in enumerate(notice.notice.languages)]  # fmt: skip
    for file, supplement in supplements:
        found += [
            Declared(tag, file, ("supplement", "languages", i))
            for i, tag in enumerate(supplement.supplement.languages)
        ]
    return found


def supplement_languages(notice: Notice, supplement: Supplement) -> list[str]:
    """A supplement is published in its own languages, or else in the notice's."""
    return supplement.supplement.languages or notice.notice.languages or [notice.notice.language]


def translation_languages(notice: Notice, supplements: Supplements) -> list[str]:
    """Every published language other than the source language, in order of first mention."""
    source = notice.notice.language
    tags = [*notice.notice.languages]
    for _, supplement in supplements:
        tags += supplement_languages(notice, supplement)
    return [tag for tag in dict.fromkeys(tags) if tag != source]


class SourceEntries(NamedTuple):
    """Every translatable string of a notice folder, extracted once."""

    notice: list[Entry]
    supplements: list[tuple[Supplement, list[Entry]]]

    @classmethod
    def of(cls, notice: Notice, supplements: Supplements) -> SourceEntries:
        return cls(
            notice_entries(notice),
            [(s, supplement_entries(s, file)) for file, s in supplements],
        )

    @property
    def all(self) -> list[Entry]:
        """The notice's strings, then each supplement's: the template's entries."""
        return self.notice + [e for _, entries in self.supplements for e in entries]


def entries_for(
    notice: Notice, supplements: Supplements, lang: str, source: SourceEntries | None = None
) -> list[Entry]:
    """What the catalog of `lang` must translate: the notice when it is published in `lang`,
    and each supplement published in `lang`. The notice's page names every supplement, so the
    title and audience of a supplement published in other languages are translated too.
    `source` saves extracting the strings again when several languages are asked for."""
    source = source or SourceEntries.of(notice, supplements)
    notice_published = lang in notice.notice.languages
    shown: list[Entry] = []
    for supplement, entries in source.supplements:
        if lang in supplement_languages(notice, supplement):
            shown += entries
        elif notice_published:
            shown += [e for e in entries if e.path in LINK_FIELDS]
    if notice_published:
        return source.notice + shown
    # A supplement's page also shows some of the notice: say it in the page's language too.
    pages = [s for _, s in supplements if lang in supplement_languages(notice, s)]
    shows_table = any(s.supplement.jurisdiction == "ccpa" for s in pages)
    shows_requests = any(s.requests is None for s in pages)
    wanted = (
        NOTICE_ON_SUPPLEMENT_PAGES
        + (NOTICE_REQUESTS if shows_requests else ())
        + (CCPA_TABLE if shows_table else ())
    )
    return [e for e in source.notice if _shown(e.context, wanted)] + shown


LINK_FIELDS = (("supplement", "title"), ("supplement", "applies_to"))
"""What the notice's page shows of a supplement: its link."""
NOTICE_ON_SUPPLEMENT_PAGES = ("notice.title", "controller.")
"""What a supplement's page shows of the notice: its title and the controller's contacts."""
NOTICE_REQUESTS = ("requests.",)
"""How to make a request, shown on a supplement's page that has no `requests` of its own."""
CCPA_TABLE = ("data.*.label", "purposes.*.label", "recipients.*.label")
"""What the California supplement's table of categories shows of the notice."""


def _shown(context: str, patterns: tuple[str, ...]) -> bool:
    for pattern in patterns:
        head, star, tail = pattern.partition("*")
        if context.startswith(head) and (not star or context.endswith(tail)):
            return True
    return False


# --- building and merging catalogs ----------------------------------------------------------

LineOf = Callable[[Entry], int | None]


def _new_catalog(notice: Notice, lang: str | None) -> Catalog:
    # Dates come from the notice, not the clock, so that the same notice gives the same files.
    # An undated notice (lint reports it) gets a fixed date, never the clock's.
    day = notice.notice.effective or datetime.date(1970, 1, 1)
    when = datetime.datetime.combine(day, datetime.time(), datetime.UTC)
    catalog = Catalog(
        locale=languages.babel_id(lang) if lang and languages.is_known(lang) else None,
        project=notice.notice.id,
        version=notice.notice.version,
        creation_date=when,
        revision_date=when,
        msgid_bugs_address=notice.controller.email,
        language_team=languages.autonym(lang) if lang else None,
        fuzzy=False,
        header_comment=(
            f"# {notice.notice.title} ({notice.notice.id}): the notice's own text"
            + (f", in {lang}." if lang else ", template.")
            + "\n# Translate each msgstr. `noticegen i18n update` keeps this file in step with the"
            "\n# notice; entries whose English changed are marked fuzzy, with the old English"
            "\n# after `#|`: check the translation, then remove the `fuzzy` flag.\n#"
        ),
    )
    rule = plurals.preferred(lang) if lang else None
    if rule is not None:
        set_plural_rule(catalog, rule)
    return catalog


def build_template(
    notice: Notice, entries: list[Entry], line_of: LineOf | None = None, lang: str | None = None
) -> Catalog:
    """A catalog with every entry untranslated, in document order."""
    catalog = _new_catalog(notice, lang)
    for entry in entries:
        line = line_of(entry) if line_of else None
        catalog.add(
            entry.text,
            "",
            locations=[(entry.file or "notice.yaml", line)] if line else [],
            auto_comments=[NAME_COMMENT] if entry.is_name else [],
            context=entry.context,
        )
    return catalog


def merge(existing: Catalog, template: Catalog) -> Catalog:
    """Merge the template into a language's catalog with Babel's `Catalog.update`.

    Babel matches changed text by similarity across the whole catalog; our contexts name the
    entity, so an entry whose context is unchanged but whose English changed is carried over
    first, marked fuzzy with the previous English (`#| msgid`) for the translator. An entry
    the notice no longer has is kept as obsolete (`#~`), as msgmerge does: when its field
    comes back, so does its translation.
    """
    _revive_obsolete(existing, template)
    by_context = {m.context: m for m in existing if isinstance(m.id, str) and m.id and m.context}
    own_template = Catalog(locale=existing.locale, fuzzy=False)
    own_template.creation_date = template.creation_date
    own_template.header_comment = template.header_comment
    for message in template:
        if not message.id:
            continue
        wanted = Message(
            message.id,
            "",
            message.locations,
            auto_comments=message.auto_comments,
            context=message.context,
        )
        old = by_context.get(message.context or "")
        if old is not None and old.id != message.id and source_text(str(old.id)) == message.id:
            old = _rekeyed(existing, old, message.id)
        if old is not None and old.id != message.id and old.string:
            # The translation was made for the last English a translator saw.
            seen = old.previous_id if old.fuzzy and old.previous_id else [source_text(str(old.id))]
            existing.delete(old.id, context=old.context)
            existing[message.id] = Message(
                message.id,
                old.string,
                flags=old.flags | {"fuzzy"},
                user_comments=old.user_comments,
                context=message.context,
            )
            wanted.previous_id = list(seen)
            wanted.flags.add("fuzzy")
        elif old is not None and old.id == message.id and old.fuzzy and old.previous_id:
            wanted.previous_id = list(old.previous_id)
        own_template[message.id] = wanted
    before = [m for m in existing if m.id]
    existing.update(own_template, update_header_comment=True)
    for message in before:
        # Babel offers a removed entry's translation to a similar new one; keep it obsolete too.
        key = _key(message)
        if existing.get(message.id, message.context) is None and key not in existing.obsolete:
            existing.obsolete[key] = message
    for message in existing:
        # msgfmt -c wants a translation to begin and end with a line break as its msgid does.
        if message.id and isinstance(message.id, str) and isinstance(message.string, str):
            message.string = with_edges_of(message.id, message.string)
    existing.project = template.project
    existing.version = template.version
    existing.msgid_bugs_address = template.msgid_bugs_address
    return existing


def _revive_obsolete(existing: Catalog, template: Catalog) -> None:
    """Bring back an obsolete entry whose context the template has again and the catalog
    lacks: the one of the same English, else the one removed last."""
    wanted = {m.context: m.id for m in template if m.id and m.context}
    present = {m.context for m in existing if m.id}
    revived: dict[str, Message] = {}
    for message in existing.obsolete.values():
        context = message.context
        if isinstance(message.id, str) and context in wanted and context not in present:
            best = revived.get(context)
            if best is None or best.id != wanted[context]:
                revived[context] = message
    for key, message in list(existing.obsolete.items()):
        if message.context is not None and revived.get(message.context) is message:
            del existing.obsolete[key]
            existing[message.id] = message


def _rekeyed(catalog: Catalog, old: Message, msgid: str) -> Message:
    """`old` under a msgid that differs only in the line breaks at its ends: catalogs written
    before msgids lost them keep their translations, unchanged and not fuzzy."""
    catalog.delete(old.id, context=old.context)
    message = Message(
        msgid,
        old.string,
        flags=old.flags,
        user_comments=old.user_comments,
        previous_id=[source_text(p) for p in old.previous_id],
        context=old.context,
    )
    catalog[msgid] = message
    return message


def _key(message: Message) -> str | tuple[str, str]:
    """Babel's key for a message in `Catalog.obsolete`."""
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return (msgid, message.context) if message.context else msgid


def write_catalog(path: Path, catalog: Catalog) -> None:
    """Write a catalog atomically: a failed write never leaves half a file."""
    atomic_write_bytes(path, catalog_bytes(catalog))


# --- what a catalog lacks ---------------------------------------------------------------------


class EntryState(NamedTuple):
    entry: Entry
    state: str
    """`translated`, `untranslated`, `missing`, `fuzzy` or `stale` (source changed, no update)."""
    message: Message | None


def entry_states(po: PoFile, entries: list[Entry]) -> list[EntryState]:
    """The state of each wanted entry in a parsed catalog."""
    by_context: dict[str | None, Message] = {}
    if po.catalog is not None:
        by_context = {m.context: m for m in po.catalog if m.id}
    states = []
    for entry in entries:
        message = by_context.get(entry.context)
        if message is None:
            state = "missing"
        elif not isinstance(message.id, str) or source_text(message.id) != entry.text:
            state = "stale"
        elif message.fuzzy:
            state = "fuzzy"
        elif not isinstance(message.string, str) or not message.string.strip():
            state = "untranslated"
        else:
            state = "translated"
        states.append(EntryState(entry, state, message))
    return states


class LanguageStatus(NamedTuple):
    lang: str
    file: Path
    exists: bool
    total: int
    translated: int
    fuzzy: int
    untranslated: int
    problems: int

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def language_status(
    root: Path, notice: Notice, supplements: Supplements, lang: str, source: SourceEntries
) -> LanguageStatus:
    path = catalog_path(root, lang)
    entries = entries_for(notice, supplements, lang, source)
    if not path.is_file():
        return LanguageStatus(lang, path, False, len(entries), 0, 0, len(entries), 0)
    po = read_catalog(path, lang, root)
    states = [s.state for s in entry_states(po, entries)]
    return LanguageStatus(
        lang,
        path,
        True,
        len(entries),
        states.count("translated"),
        states.count("fuzzy") + states.count("stale"),
        states.count("untranslated") + states.count("missing"),
        len(po.problems),
    )


def template_path(root: Path) -> Path:
    return root / LOCALES_DIR / TEMPLATE_FILE
