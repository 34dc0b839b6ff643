"""Problems the loader reports while reading YAML; documented here like every other rule."""

from ..base import Rule
from .alias_limit import AliasLimit
from .duplicate_key import DuplicateKey
from .explicit_tag import ExplicitTag
from .input_too_large import InputTooLarge
from .invalid_suppression import InvalidSuppression
from .invalid_value import InvalidValue
from .missing_field import MissingField
from .unknown_key import UnknownKey
from .unreadable_file import UnreadableFile
from .yaml_syntax_error import YamlSyntaxError

UNREADABLE_RULES: tuple[type[Rule], ...] = (
    YamlSyntaxError,
    DuplicateKey,
    UnknownKey,
    InvalidValue,
    MissingField,
    ExplicitTag,
    AliasLimit,
    InputTooLarge,
    UnreadableFile,
)
"""What the loader finds while reading: part of the notice could not be read, which no
configuration or suppression may hide or re-grade."""
RULES: tuple[type[Rule], ...] = (*UNREADABLE_RULES, InvalidSuppression)
