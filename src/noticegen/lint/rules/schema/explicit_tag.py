from __future__ import annotations

from ._loader_rule import LoaderRule


class ExplicitTag(LoaderRule):
    """An explicit YAML tag such as `!!python/object`.

    What it does:
        Refuses every explicit tag (`!!str`, `!include`, `!!python/...`).

    Why it matters:
        Tags are how YAML attacks run code or read files; noticegen never needs them, and a
        loader that silently dropped them would lose data.

    Example:
        ```yaml
        notice: !!python/object/apply:os.system ['echo pwned']
        ```

    Fix:
        ```yaml
        notice: {id: acme, title: Privacy Notice, version: "1.0", effective: 2026-01-01}
        ```
    """

    code = "NG006"
    hint = "Remove the tag."
