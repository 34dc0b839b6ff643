"""The notice's own text in another language, read from `notice/locales/<lang>.po`.

Interface used by the renderer: `translate_notice` returns a copy of the model whose every
translatable string is in `lang` (the source text where no usable translation exists).

Every translatable string has a stable context (msgctxt): the entity's path in the model,
e.g. `purposes.marketing.description`; items of a list are named by their `id` (or a change
log entry by its `version`), so reordering a list does not move translations. A supplement's
strings are prefixed `supplements.<supplement id>.`.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple, TypeVar

from pydantic import BaseModel

from ..model import Notice, Supplement
from ..model.base import Role
from ..model.walk import PathT, TextValue, map_texts, texts
from .pofile import read_catalog

LOCALES_DIR = "locales"
TEMPLATE_FILE = "notice.pot"

NAME_COMMENT = "A name: copy it as it is unless it has a usual form in your language."

M = TypeVar("M", bound=BaseModel)


class Entry(NamedTuple):
    """One translatable string of the notice or of a supplement."""

    context: str
    """The msgctxt, e.g. `purposes.marketing.description`."""
    text: str
    """The source text (msgid)."""
    path: PathT
    """Where the value is in its YAML file."""
    file: str | None = None
    """The supplement's path relative to the notice folder; None for notice.yaml."""
    role: Role = Role.TEXT
    """What the value is; a `ROLE_NAME` gets a note for the translator."""

    @property
    def is_name(self) -> bool:
        return self.role is Role.ROLE_NAME


def _translated(role: Role) -> bool:
    return role.translated


def supplement_prefix(supplement: Supplement) -> str:
    return f"supplements.{supplement.supplement.id}"


def notice_entries(notice: Notice) -> list[Entry]:
    """Every translatable string of the notice, in document order."""
    return _entries(notice, (), None)


def supplement_entries(supplement: Supplement, file: str | None) -> list[Entry]:
    """Every translatable string of a supplement, its contexts prefixed with the supplement's id."""
    return _entries(supplement, tuple(supplement_prefix(supplement).split(".")), file)


def _entries(model: BaseModel, prefix: tuple[str, ...], file: str | None) -> list[Entry]:
    return [
        Entry(".".join(value.context), source_text(value.text), value.path, file, value.role)
        for value in texts(model, _translated, prefix)
        if value.text.strip()
    ]


def source_text(text: str) -> str:
    """The msgid of a value: without the line break a YAML `|` block ends with (or any at
    either end). msgfmt -c rejects an entry whose msgid and msgstr disagree on them, and a
    translator does not write them."""
    return text.strip("\n")


def with_edges_of(text: str, translation: str) -> str:
    """The translation with the line breaks `text` has at its ends."""
    core = text.strip("\n")
    start = text.index(core)
    return text[:start] + translation.strip("\n") + text[start + len(core) :]


def catalog_path(root: Path, lang: str) -> Path:
    return root / LOCALES_DIR / f"{lang}.po"


def usable_translations(root: Path, lang: str) -> dict[str, tuple[str, str]]:
    """context -> (source text, translation) for every entry a page may use: translated, not
    fuzzy, from a catalog in the notice folder that reads without errors."""
    path = catalog_path(root, lang)
    if not path.is_file():
        return {}
    po = read_catalog(path, lang, root)
    if po.catalog is None:
        return {}
    return {
        message.context: (source_text(message.id), message.string)
        for message in po.catalog
        if message.id and message.context and isinstance(message.id, str)
        and isinstance(message.string, str) and message.string.strip() and not message.fuzzy
    }  # fmt: skip


def _translate(model: M, prefix: tuple[str, ...], root: Path, lang: str) -> M:
    translations = usable_translations(root, lang)
    if not translations:
        return model

    def translate(value: TextValue) -> str:
        source, translation = translations.get(".".join(value.context), (None, ""))
        # A translation of other source text is stale: the page keeps the current source.
        text = value.text
        return with_edges_of(text, translation) if source == source_text(text) else text

    return map_texts(model, _translated, translate, prefix)


def translate_notice(notice: Notice, root: Path, lang: str) -> Notice:
    if lang == notice.notice.language:
        return notice
    return _translate(notice, (), root, lang)


def translate_supplement(supplement: Supplement, root: Path, lang: str) -> Supplement:
    return _translate(supplement, tuple(supplement_prefix(supplement).split(".")), root, lang)
