from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._previous import PreviousVersionOptions, content_changed, previous_version

_SHOWN = 3


class MaterialChangeNotLogged(Rule):
    """A material change has no change-log entry for the new version.

    What it does:
        Compares the notice with the previous version (from git, or
        `.noticegen/previous.yaml`) as `noticegen diff` does. When a change is material (new
        data, purpose or recipient, longer retention, a weaker legal basis, ...), the change
        log must have an entry for the current version, marked `material: true`.

    Why it matters:
        Users must be told of a material change before it takes effect (GDPR Art. 13(3)), and
        the controller must be able to show that it did (Art. 5(2)). The change log is where the
        notice says what changed and that it was announced.

    Example:
        ```yaml
        # previous version had no `analytics` purpose
        notice: {id: example, title: Privacy Notice, version: "1.1.0", effective: 2026-03-01}
        purposes:
          analytics:
            label: Analytics
            description: We count visits.
            data: [device.ip]
            legal_basis: consent
        changes:
          how_notified: By email, 30 days before the change applies.
          log: []
        ```

    Fix:
        ```yaml
        changes:
          how_notified: By email, 30 days before the change applies.
          log:
            - version: "1.1.0"
              date: 2026-03-01
              summary: We now measure visits, with your consent.
              material: true
        ```
    """

    code = "NG802"
    citation = "GDPR Art. 13(3)"
    hint = (
        "Add a `changes.log` entry for this version that says what changed, with `material: true`."
    )
    Options = PreviousVersionOptions
    options: PreviousVersionOptions

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        previous = previous_version(ctx, self.options)
        # Material changes are all in the content: when only the version, dates or change log
        # differ, there is nothing to compare.
        if previous is None or not content_changed(ctx, previous):
            return
        # Kept off the lint start-up path: most lints stop above.
        from ....review import compare

        diff = compare(previous.notice, ctx.notice, previous.supplements, dict(ctx.supplements))
        material = diff.material
        if not material:
            return
        meta = ctx.notice.notice
        # A version without a number is known by its date: its change-log entry is that day's.
        version = meta.version or (meta.effective.isoformat() if meta.effective else None)
        this_version = f"Version {version}" if version else "This undated version"
        shown = "; ".join(c.text.rstrip(".") for c in material[:_SHOWN])
        more = f" and {len(material) - _SHOWN} more" if len(material) > _SHOWN else ""
        changes = ctx.notice.changes
        entries = [
            e
            for e in (changes.log if changes else [])
            if e.version == meta.version or (meta.version is None and e.date == meta.effective)
        ]
        if not entries:
            yield Violation(
                ("changes", "log")
                if changes
                else ("notice", "version")
                if meta.version
                else ("notice",),
                f"{this_version} makes material changes since {previous.source} "
                f"({shown}{more}) but the change log has no entry for it.",
            )
        elif not any(e.material for e in entries):
            index = changes.log.index(entries[0]) if changes else 0
            yield Violation(
                ("changes", "log", index, "material"),
                f"The change-log entry for {this_version.lower()} is not marked material, but the "
                f"changes are ({shown}{more}).",
                hint="Set `material: true` on the entry; announce the change before it applies.",
            )
