"""The prose reader: the sentences of a notice's prose read as statements about data."""

from .reader import (
    Located,
    Statement,
    company_pattern,
    read_notice,
    read_sentence,
    read_text,
    sentences,
)

__all__ = [
    "Located",
    "Statement",
    "company_pattern",
    "read_notice",
    "read_sentence",
    "read_text",
    "sentences",
]
