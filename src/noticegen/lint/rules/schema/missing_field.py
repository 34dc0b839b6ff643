from __future__ import annotations

from ._loader_rule import LoaderRule


class MissingField(LoaderRule):
    """A required field is absent.

    What it does:
        Flags mappings that lack a field the format requires, such as a purpose without a
        description or a recipient without its label.

    Why it matters:
        Required fields carry the disclosures the law requires; without them the notice is
        incomplete by construction.

    Example:
        ```yaml
        recipients:
          mailer: {kind: processor}
        ```

    Fix:
        ```yaml
        recipients:
          mailer: {label: Email delivery provider, kind: processor}
        ```
    """

    code = "NG005"
    hint = "Add the missing field."
