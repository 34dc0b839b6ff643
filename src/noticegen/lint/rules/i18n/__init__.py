"""Rules of the i18n family: every published language has a complete, current, sound catalog."""

from ..base import Rule
from .catalog_syntax_error import CatalogSyntaxError
from .duplicate_entry import DuplicateEntry
from .markdown_mismatch import MarkdownMismatch
from .missing_catalog import MissingCatalog
from .newline_mismatch import NewlineMismatch
from .plural_forms_header import PluralFormsHeader
from .stale_translation import StaleTranslation
from .translation_adds_html import TranslationAddsHtml
from .unknown_language import UnknownLanguage
from .untranslated_entry import UntranslatedEntry

RULES: tuple[type[Rule], ...] = (
    UnknownLanguage,
    MissingCatalog,
    CatalogSyntaxError,
    DuplicateEntry,
    PluralFormsHeader,
    UntranslatedEntry,
    StaleTranslation,
    MarkdownMismatch,
    TranslationAddsHtml,
    NewlineMismatch,
)
