"""The parts of `noticegen diff` (noticegen.review): the policy's and the wording's tables name
real fields, fields with no comparer of their own are compared by their role, and the lint's
review rules import no output format."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
from pydantic import BaseModel
from ruamel.yaml import YAML

from noticegen.cli.review import diff as diff_command
from noticegen.model import Notice, Supplement
from noticegen.review import compare
from noticegen.review.comparison import COMPARERS, KEPT_LONGER
from noticegen.review.groups import GROUPS, group_of
from noticegen.review.policy import MATERIAL
from noticegen.review.reporters import REPORTERS, render_markdown, render_text
from noticegen.review.wording import SENTENCES

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "tests" / "rules" / "base" / "notice.yaml"
_yaml = YAML(typ="safe", pure=True)


def base_data() -> dict[str, Any]:
    return _yaml.load(BASE.read_text(encoding="utf-8"))


def _resolves(topic: str) -> bool:
    """Whether `topic` (`purposes.legal_basis`) is a path of fields of the notice, or, under
    `supplements`, of a supplement."""
    first, *rest = topic.split(".")
    model: Any = Supplement if first == "supplements" else Notice
    names = rest if first == "supplements" else [first, *rest]
    for name in names:
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return False
        field = model.model_fields.get(name)
        if field is None:
            return False
        model = _item_model(field.annotation)
    return True


def _item_model(annotation: Any) -> Any:
    """The model a field holds, looking through `X | None`, lists and mapping values."""
    for argument in getattr(annotation, "__args__", ()):
        found = _item_model(argument)
        if isinstance(found, type) and issubclass(found, BaseModel):
            return found
    return annotation


@pytest.mark.parametrize("topic", sorted({row.topic for row in MATERIAL} - {KEPT_LONGER}))
def test_each_materiality_rule_names_a_field_of_the_model(topic: str) -> None:
    # A misspelt topic would silently make a material change immaterial.
    assert _resolves(topic), topic


@pytest.mark.parametrize("topic", sorted({topic for topic, _ in SENTENCES} - {KEPT_LONGER}))
def test_each_sentence_names_a_field_of_the_model(topic: str) -> None:
    assert _resolves(topic), topic


def test_each_comparer_and_group_names_a_field_of_the_notice() -> None:
    fields = set(Notice.model_fields) | set(Supplement.model_fields)
    assert set(COMPARERS) <= set(Notice.model_fields)
    assert {f for group in GROUPS.values() for f in group.fields} <= fields
    assert group_of("requests") == "rights" and group_of("apps") == "other"


def _recipient_url(old: str | None, new: str | None) -> tuple[Notice, Notice]:
    sides = []
    for url in (old, new):
        data = base_data()
        recipient = {"label": "Mail provider", "kind": "processor", "data": ["contact.email"]}
        if url is not None:
            recipient["privacy_policy_url"] = url
        data["recipients"] = {"mailer": recipient}
        sides.append(Notice.model_validate(copy.deepcopy(data)))
    return sides[0], sides[1]


@pytest.mark.parametrize(
    ("old", "new", "text"),
    [
        (
            None,
            "https://mail.example/privacy",
            "Recipient Mail provider (`mailer`): privacy policy url added: "
            "link to https://mail.example/privacy.",
        ),
        (
            "https://mail.example/privacy",
            "https://mail.example/legal/privacy",
            "Recipient Mail provider (`mailer`): privacy policy url now links to "
            "https://mail.example/legal/privacy (was https://mail.example/privacy).",
        ),
        (
            "https://mail.example/privacy",
            None,
            "Recipient Mail provider (`mailer`): privacy policy url removed "
            "(was a link to https://mail.example/privacy).",
        ),
    ],
)
def test_a_recipients_privacy_policy_link_is_reported_as_a_link(
    old: str | None, new: str | None, text: str
) -> None:
    # The field has no comparer of its own: it is compared, and worded, by its role (URL).
    diff = compare(*_recipient_url(old, new))
    assert [(c.subject, c.kind, c.material, c.text) for c in diff.changes] == [
        ("recipients.mailer.privacy_policy_url", "changed", False, text)
    ]
    assert "Recipients" in render_text(diff)
    markdown = render_markdown(diff)
    assert "privacy policy url" in markdown and "](" not in markdown


def test_the_diff_command_offers_every_format_there_is() -> None:
    option = next(p for p in diff_command.params if p.name == "fmt")
    assert isinstance(option.type, click.Choice)
    assert sorted(option.type.choices) == sorted(REPORTERS)


def _modules_after(code: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", f"import sys\n{code}\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=ROOT,
    )
    return set(done.stdout.split())


def test_the_comparison_imports_no_output_format() -> None:
    # What NG802 imports to find material changes.
    modules = _modules_after("from noticegen.review import compare")
    assert "noticegen.review.policy" in modules
    assert not {"noticegen.review.reporters", "noticegen.sources.escaping"} & modules


def test_lint_does_not_import_the_review_package() -> None:
    code = (
        "from noticegen.cli import main\n"
        "try:\n"
        f"    main(['lint', {str(BASE)!r}])\n"
        "except SystemExit:\n"
        "    pass"
    )
    modules = _modules_after(code)
    assert "noticegen.lint.linting" in modules
    assert not [m for m in modules if m.startswith("noticegen.review")]


def test_data_never_stored_that_is_now_kept_is_a_material_change() -> None:
    old, new = base_data(), base_data()
    old["retention"] = [{"id": "account_data", "data": ["contact.email"], "stored": False}]
    diff = compare(Notice.model_validate(old), Notice.model_validate(new))
    material = {c.subject for c in diff.changes if c.material}
    assert material == {"retention.account_data.stored"}
    assert any("(was never stored)" in c.text for c in diff.changes)
