from __future__ import annotations

from collections.abc import Iterator

from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation

_QUESTIONS = {
    "linked_to_user": "whether it is linked to the user (App Store)",
    "used_for_tracking": "whether it is used for tracking (App Store)",
    "ephemeral": "whether it is processed ephemerally (Google Play)",
}


class StoreLabelAnswer(Rule):
    """A notice that declares apps leaves a store-label question unanswered.

    What it does:
        For a notice with `apps`, flags each data category without `linked_to_user`,
        `used_for_tracking` or `ephemeral`, and a `security` section without
        `encrypted_in_transit`.

    Why it matters:
        The privacy manifest and the Data safety CSV in `site/exports/` answer these questions
        for each data type. They are facts of the app that no wording decides, so an unanswered
        one is never guessed: the type is left out of the manifest and the CSV cell stays empty,
        and the store rejects or understates the label.

    Example:
        ```yaml
        apps:
          main: {name: Example, platforms: [ios, android]}
        data:
          contact.email: {label: Email address, source: provided, required: true}
        ```

    Fix:
        ```yaml
        data:
          contact.email:
            label: Email address
            source: provided
            required: true
            linked_to_user: true
            used_for_tracking: false
            ephemeral: false
        ```
    """

    code = "NG904"
    severity = Severity.WARNING
    citation = "Apple privacy manifest files; Google Play Data safety form"
    hint = "Answer it in the model: `true` or `false`."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        notice = ctx.notice
        if not notice.apps:
            return
        for data_id, data in notice.data.items():
            missing = [q for field, q in _QUESTIONS.items() if getattr(data, field) is None]
            if missing:
                yield Violation(
                    ("data", data_id),
                    f"`{data_id}` ({data.label}) does not say " + "; nor ".join(missing) + ".",
                )
        if notice.security is None or notice.security.encrypted_in_transit is None:
            yield Violation(
                ("security",) if notice.security is not None else ("apps",),
                "The notice does not say whether all data is encrypted in transit "
                "(`security.encrypted_in_transit`), which the Google Play Data safety form asks.",
            )
