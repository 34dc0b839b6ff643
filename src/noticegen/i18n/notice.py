"""The notice's own text in another language, read from `notice/locales/<lang>.po`.

Interface used by the renderer: `translate_notice` returns a copy of the model whose every
translatable string is in `lang` (the source text where no usable translation exists).

Every translatable string has a stable context (msgctxt): the entity's path in the model,
e.g. `purposes.marketing.description`; items of a list are named by their `id` (or a change
log entry by its `version`), so reordering a list does not move translations. A supplement's
strings are prefixed `supplements.<supplement id>.`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel

from ..model import Contact, Cookie, Notice, Supplement
from .pofile import read_catalog

LOCALES_DIR = "locales"
TEMPLATE_FILE = "notice.pot"

# Identifiers, names, addresses, numbers and links: published as written, in every language.
NOT_TRANSLATABLE = frozenset(
    {"id", "version", "language", "languages", "email", "phone", "url", "website", "value",
     "duration", "period", "name", "legal_name", "source_name", "registration", "destination",
     "countries", "data", "purposes", "recipients", "purpose", "settings_url", "opt_out_link",
     "limit_link", "metrics_url", "street", "locality", "postal_code", "region", "country",
     "provider", "response_time", "jurisdiction", "jurisdictions"}
)  # fmt: skip
# A contact's name is often a role or an institution ("Data Protection Officer", a supervisory
# authority) and a cookie's provider often a description: both read in the page's language.
# The translator copies a person's or company's name as it is.
NAMES_TO_TRANSLATE = frozenset({(Contact, "name"), (Cookie, "provider")})
NAME_COMMENT = "A name: copy it as it is unless it has a usual form in your language."

PathT = tuple[str | int, ...]
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

    @property
    def is_name(self) -> bool:
        return self.path[-1:] in (("name",), ("provider",))


Mapper = Callable[[PathT, str, str], str]


def _map(node: Any, path: PathT, context: tuple[str, ...], fn: Mapper) -> Any:
    """`node` with every translatable string replaced by `fn(path, context, text)`."""
    if isinstance(node, BaseModel):
        updates = {}
        for name in type(node).model_fields:
            value = getattr(node, name)
            # `data` is a mapping of entities at the top level but a list of ids in a purpose.
            skipped = name in NOT_TRANSLATABLE and (type(node), name) not in NAMES_TO_TRANSLATE
            if skipped and not isinstance(value, dict):
                continue
            mapped = _map(value, (*path, name), (*context, name), fn)
            if mapped is not value:
                updates[name] = mapped
        return node.model_copy(update=updates) if updates else node
    if isinstance(node, dict):
        mapped_items = {
            key: _map(value, (*path, str(key)), (*context, str(key)), fn)
            for key, value in node.items()
        }
        changed = any(mapped_items[key] is not node[key] for key in node)
        return mapped_items if changed else node
    if isinstance(node, list):
        mapped_list = [
            _map(item, (*path, i), (*context, _item_name(item, i)), fn)
            for i, item in enumerate(node)
        ]
        changed = any(new is not old for new, old in zip(mapped_list, node, strict=True))
        return mapped_list if changed else node
    if isinstance(node, str) and not isinstance(node, enum.Enum) and node.strip():
        return fn(path, ".".join(context), node)
    return node


def _item_name(item: Any, index: int) -> str:
    for attribute in ("id", "version"):
        value = getattr(item, attribute, None)
        if isinstance(value, str):
            return value
    return str(index)


def supplement_prefix(supplement: Supplement) -> str:
    return f"supplements.{supplement.supplement.id}"


def notice_entries(notice: Notice) -> list[Entry]:
    """Every translatable string of the notice, in document order."""
    return _entries(notice, (), None)


def supplement_entries(supplement: Supplement, file: str | None) -> list[Entry]:
    """Every translatable string of a supplement, its contexts prefixed with the supplement's id."""
    return _entries(supplement, tuple(supplement_prefix(supplement).split(".")), file)


def _entries(model: BaseModel, prefix: tuple[str, ...], file: str | None) -> list[Entry]:
    found: list[Entry] = []

    def collect(path: PathT, context: str, text: str) -> str:
        found.append(Entry(context, source_text(text), path, file))
        return text

    _map(model, (), prefix, collect)
    return found


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

    def translate(path: PathT, context: str, text: str) -> str:
        source, translation = translations.get(context, (None, ""))
        # A translation of other source text is stale: the page keeps the current source.
        return with_edges_of(text, translation) if source == source_text(text) else text

    result: M = _map(model, (), prefix, translate)
    return result


def translate_notice(notice: Notice, root: Path, lang: str) -> Notice:
    if lang == notice.notice.language:
        return notice
    return _translate(notice, (), root, lang)


def translate_supplement(supplement: Supplement, root: Path, lang: str) -> Supplement:
    return _translate(supplement, tuple(supplement_prefix(supplement).split(".")), root, lang)
