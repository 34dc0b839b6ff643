from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ...context import LintContext, PathT
from .._geo import is_placeholder_country
from ..base import Rule, Violation

MARKER = "TODO(noticegen)"
_COUNTRY_FIELDS = ("country", "destination", "countries")
# RFC 2606 reserves the .invalid top-level domain: an address there can never be real.
_RESERVED_ADDRESS = re.compile(r"[@.](?:[a-z0-9-]+\.)*invalid(?:[/:?#]|$)", re.IGNORECASE)


def _strings(node: Any, path: PathT) -> Iterator[tuple[PathT, str]]:
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _strings(getattr(node, name), (*path, name))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, (*path, str(key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, (*path, i))
    elif isinstance(node, str):
        yield path, node


class PlaceholderLeft(Rule):
    """A placeholder from `noticegen init` has not been filled in.

    What it does:
        Finds values that still contain the marker `TODO(noticegen)`, email or web addresses
        under the reserved `.invalid` domain, and the country code `XX` (reserved for private
        use), which `noticegen init` writes where it does not know the real value.

    Why it matters:
        A published notice must state the controller's real identity and contact details and
        the real processing (GDPR Art. 13(1)); a placeholder tells readers nothing, or something
        false.

    Example:
        ```yaml
        controller:
          name: "TODO(noticegen): the company's name"
          email: privacy@example.invalid
        ```

    Fix:
        ```yaml
        controller:
          name: Example Ltd
          email: privacy@example.com
        ```
    """

    code = "NG804"
    citation = "GDPR Art. 13(1)"
    hint = "Replace the placeholder with the real value, or delete the example entry."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        documents: list[tuple[str | None, BaseModel]] = [(None, ctx.notice), *ctx.supplements]
        for file, document in documents:
            for path, text in _strings(document, ()):
                if MARKER in text:
                    todo = text[text.index(MARKER) + len(MARKER) :].lstrip(": ").strip()
                    yield Violation(
                        path,
                        f"Placeholder to complete: {todo or text}",
                        file=file,
                        quote=MARKER,
                    )
                elif is_placeholder_country(text) and set(path) & set(_COUNTRY_FIELDS):
                    yield Violation(
                        path,
                        f"`{text}` is a placeholder country code; give the real two-letter code.",
                        file=file,
                    )
                elif _RESERVED_ADDRESS.search(text):
                    yield Violation(
                        path,
                        f"`{text}` is a placeholder address (the reserved .invalid domain); "
                        "give the real one.",
                        file=file,
                    )
