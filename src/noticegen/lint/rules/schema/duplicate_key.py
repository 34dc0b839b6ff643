from __future__ import annotations

from ._loader_rule import LoaderRule


class DuplicateKey(LoaderRule):
    """The same key appears twice in one mapping.

    What it does:
        Flags the second occurrence of a key in the same mapping, including two data
        categories, purposes or recipients with the same id.

    Why it matters:
        YAML keeps only one of the two values, so part of what legal wrote silently disappears
        from the published notice.

    Example:
        ```yaml
        data:
          contact.email: {label: Email address, source: provided}
          contact.email: {label: Work email, source: provided}
        ```

    Fix:
        ```yaml
        data:
          contact.email: {label: Email address, source: provided}
          contact.work_email: {label: Work email, source: provided}
        ```
    """

    code = "NG002"
    hint = "Merge the two entries or rename one of them."
