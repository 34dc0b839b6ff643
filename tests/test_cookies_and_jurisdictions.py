"""Cookies as notices describe them (by category, in a linked cookie policy, with consent per
jurisdiction or unstated) and the jurisdictions a notice can declare (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from noticegen.cli import main
from noticegen.i18n.strings import Strings
from noticegen.lint.config import PROFILES, load_config
from noticegen.model import Cookie, CookieCategory, Jurisdiction
from noticegen.publish.render import html
from noticegen.sources.loading import load

BASE = (Path(__file__).parent / "rules" / "base" / "notice.yaml").read_text(encoding="utf-8")

CATEGORIES = """\
documents:
  cookie_policy: {label: Our cookie policy, url: "https://example.com/cookies"}
cookies:
  required: {category: strictly_necessary, listed_in: cookie_policy, purpose: account}
  stats:
    category: analytics
    listed_in: cookie_policy
    purpose: account
    consent: {gdpr: true, us-co: false}
"""


def write(folder: Path, notice: str, files: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True)
    (folder / "notice.yaml").write_text(notice, encoding="utf-8")
    for name, text in (files or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_cookie_needs_a_name_or_a_category(tmp_path: Path) -> None:
    text = BASE + "cookies:\n  stats: {purpose: account, consent: true}\n"
    loaded = load(write(tmp_path / "n", text))
    [finding] = loaded.findings
    assert "give the cookie's `name`, or a `category`" in finding.message
    assert finding.position is not None
    line = text.splitlines().index("  stats: {purpose: account, consent: true}") + 1
    assert finding.position.line == line


@pytest.mark.parametrize(
    ("consent", "laws", "expected"),
    [
        (True, {"gdpr"}, True),
        (None, {"gdpr"}, None),
        ({"gdpr": True, "ccpa": False}, {"gdpr", "uk-gdpr"}, True),
        ({"gdpr": True, "uk-gdpr": False}, {"gdpr", "uk-gdpr"}, False),
        ({"ccpa": False}, {"gdpr", "eprivacy"}, None),
    ],
)
def test_consent_is_read_for_the_laws_asked_about(
    consent: object, laws: set[str], expected: bool | None
) -> None:
    cookie = Cookie.model_validate({"category": "analytics", "purpose": "p", "consent": consent})
    assert cookie.consent_under(laws) is expected


@pytest.mark.parametrize(
    ("category", "necessary"),
    [("strictly_necessary", True), ("analytics", False), ("functional", None)],
)
def test_a_category_says_whether_its_cookies_are_necessary(
    category: str, necessary: bool | None
) -> None:
    cookie = Cookie(category=CookieCategory(category), purpose="p")
    assert cookie.necessary is necessary
    assert Cookie(category=CookieCategory(category), purpose="p", strictly_necessary=True).necessary


def test_the_page_shows_categories_their_policy_and_consent_per_jurisdiction(
    tmp_path: Path,
) -> None:
    loaded = load(write(tmp_path / "n", BASE + CATEGORIES))
    assert loaded.findings == [] and loaded.notice is not None
    page = html.render_notice(loaded.notice, Strings("de"), supplements=[], languages=[])
    assert "Analyse-Cookies" in page and "Unbedingt erforderliche Cookies" in page
    assert '<a href="https://example.com/cookies">Our cookie policy</a>' in page
    assert "Europäische Union (DSGVO): Ja<br>Colorado (CPA): Nein" in page


def test_profiles_and_the_cli_accept_every_jurisdiction_of_the_one_record() -> None:
    assert tuple(j.value for j in Jurisdiction) == PROFILES
    assert {"us-co", "us-ct", "us-va", "us-ut", "us-tx", "us-or", "us-nv"} <= set(PROFILES)
    assert {"ch-fadp", "ca-pipeda", "ca-qc-law25"} <= set(PROFILES)
    lint = main.commands["lint"]
    profile = next(p for p in lint.params if p.name == "profiles")
    assert tuple(profile.type.choices) == PROFILES  # type: ignore[attr-defined]


@pytest.mark.parametrize("jurisdiction", list(Jurisdiction), ids=str)
def test_each_jurisdiction_has_a_citation_a_region_and_a_label(jurisdiction: Jurisdiction) -> None:
    assert jurisdiction.citation and jurisdiction.label
    assert jurisdiction.region.split("-")[0] in {"EU", "GB", "BR", "CH", "CA", "US"}


def test_the_configuration_and_the_command_line_accept_a_new_jurisdiction(tmp_path: Path) -> None:
    config = tmp_path / "noticegen.toml"
    config.write_text('profiles = ["us-co", "ch-fadp"]\n', encoding="utf-8")
    assert load_config(config).profiles == ("us-co", "ch-fadp")
    folder = write(tmp_path / "n", BASE)
    result = CliRunner().invoke(
        main, ["lint", str(folder), "--profile", "ca-qc-law25", "--format", "json"]
    )
    assert result.exit_code in (0, 1), result.output
    json.loads(result.output)


def test_a_supplement_declares_a_new_jurisdiction_and_its_page_names_it(tmp_path: Path) -> None:
    supplement = (
        "supplement:\n  id: colorado\n  title: Privacy Notice for Colorado Residents\n"
        "  jurisdiction: us-co\n  applies_to: Residents of Colorado\n"
    )
    text = BASE.replace("jurisdictions: [", "jurisdictions: [us-co, ", 1)
    loaded = load(write(tmp_path / "n", text, {"supplements/colorado.yaml": supplement}))
    assert loaded.findings == [] and loaded.notice is not None
    assert Jurisdiction.US_CO in loaded.notice.notice.jurisdictions
    [(_, colorado)] = loaded.supplements
    page = html.render_supplement(
        colorado, loaded.notice, Strings("fr"), notice_href="index.html", languages=[]
    )
    assert "Colorado (CPA)\u00a0· Residents of Colorado" in page  # the dot never starts a line


def test_the_json_schema_asks_a_cookie_for_a_name_or_a_category() -> None:
    schema = json.loads(
        (Path(__file__).parent.parent / "schema" / "notice.schema.json").read_text("utf-8")
    )
    cookie = {"$defs": schema["$defs"], "$ref": "#/$defs/Cookie"}
    validator = jsonschema.Draft202012Validator(cookie)
    assert validator.is_valid({"category": "analytics", "purpose": "p", "consent": {"gdpr": True}})
    assert validator.is_valid({"name": "_ga", "purpose": "p"})
    assert not validator.is_valid({"purpose": "p", "consent": True})
    assert not validator.is_valid({"category": "analytics", "purpose": "p", "consent": {"x": 1}})
