"""Reading `[tool.noticegen]` and noticegen.toml: what is accepted and what is a usage error."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticegen.config import CONFIG_FILE, Config, ConfigError, find_config, load_config
from noticegen.findings import Severity
from noticegen.rules import BY_CODE

CODES = ("NG001", "NG101", "NG201", "NG202")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_is_the_default_configuration() -> None:
    assert load_config(None) == Config()


def test_every_setting_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pyproject.toml",
        "[tool.noticegen]\n"
        'select = ["NG1", "NG2"]\n'
        'ignore = ["NG202"]\n'
        'severity = { NG101 = "warning", NG201 = "INFO" }\n'
        'profiles = ["gdpr", "ccpa"]\n'
        "[tool.noticegen.options.NG201]\n"
        "threshold = 3\n",
    )
    config = load_config(path, CODES)
    assert config.select == ("NG1", "NG2")
    assert config.ignore == ("NG202",)
    assert config.severity == {"NG101": Severity.WARNING, "NG201": Severity.INFO}
    assert config.profiles == ("gdpr", "ccpa")
    assert config.options == {"NG201": {"threshold": 3}}
    assert config.source == str(path)


def test_enabled_matches_codes_by_prefix() -> None:
    config = Config(select=("NG1", "NG20"), ignore=("NG202",))
    assert config.enabled("NG101")
    assert config.enabled("NG201")
    assert not config.enabled("NG202")
    assert not config.enabled("NG301")
    assert Config().enabled("NG999")


def test_the_notice_folders_file_wins_over_pyproject(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.noticegen]\nignore = ["NG1"]\n')
    local = write(tmp_path / "notice" / CONFIG_FILE, 'ignore = ["NG2"]\n')
    assert find_config(tmp_path / "notice") == local


def test_noticegen_toml_may_use_the_tool_table(tmp_path: Path) -> None:
    path = write(tmp_path / CONFIG_FILE, '[tool.noticegen]\nignore = ["NG2"]\n')
    assert load_config(path, CODES).ignore == ("NG2",)


def test_the_nearest_pyproject_with_our_table_is_found(tmp_path: Path) -> None:
    project = write(tmp_path / "pyproject.toml", '[tool.noticegen]\nignore = ["NG1"]\n')
    (tmp_path / "docs" / "notice").mkdir(parents=True)
    assert find_config(tmp_path / "docs" / "notice") == project


def test_the_search_stops_at_the_first_pyproject(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.noticegen]\nignore = ["NG1"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "other"\n')
    (tmp_path / "sub" / "notice").mkdir()
    assert find_config(tmp_path / "sub" / "notice") is None


def test_a_pyproject_that_does_not_parse_is_a_usage_error(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[project\n")
    (tmp_path / "notice").mkdir()
    with pytest.raises(ConfigError, match="cannot read configuration"):
        find_config(tmp_path / "notice")


def test_the_real_registry_is_used_by_default(tmp_path: Path) -> None:
    code = next(c for c, rule in BY_CODE.items() if not rule.reported_by_loader)
    path = write(tmp_path / CONFIG_FILE, f'severity = {{ {code} = "info" }}\n')
    assert load_config(path).severity == {code: Severity.INFO}


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ('selct = ["NG1"]\n', "unknown setting(s): selct", 1),
        (
            'select = ["NG1"]\nignore = ["NG3"]\n',
            "unknown rule code or prefix 'NG3' in `ignore`",
            2,
        ),
        ('select = [""]\n', "unknown rule code or prefix", None),
        ('severity = { NG1 = "info" }\n', "unknown rule code 'NG1' in `severity`", 1),
        ("severity = { NG101 = 3 }\n", "must be error, warning or info", 1),
        ('severity = "NG101"\n', "`severity` must be a table", 1),
        ('profiles = ["gdpr", "hipaa"]\n', "unknown profile 'hipaa'", 1),
        ("profiles = [1]\n", "`profiles` must be a list of strings", 1),
        ('select = "NG1"\n', "`select` must be a list of strings", 1),
        ("options = { NG101 = 3 }\n", "`options` must hold one table per rule code", 1),
        ("[options.NG999]\nx = 1\n", "unknown rule code 'NG999' in `options`", 1),
        ("select = [\n", "cannot read configuration", None),
        ('ignore = ["NG001"]\n', "NG001 in `ignore` names what is found while reading", 1),
        ('severity = { NG001 = "info" }\n', "no configuration may hide or re-grade", 1),
    ],
)
def test_mistakes_are_one_line_errors_naming_file_and_line(
    tmp_path: Path, text: str, message: str, line: int | None
) -> None:
    path = write(tmp_path / CONFIG_FILE, text)
    with pytest.raises(ConfigError) as raised:
        load_config(path, CODES)
    error = str(raised.value)
    assert message in error
    assert "\n" not in error
    assert error.startswith(f"{path}:{line}:" if line else str(path))


def test_codes_are_normalised_to_upper_case(tmp_path: Path) -> None:
    path = write(tmp_path / CONFIG_FILE, 'ignore = ["ng1"]\n')
    assert load_config(path, CODES).ignore == ("NG1",)


def test_a_pyproject_without_our_table_is_the_default(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert load_config(path, CODES) == Config(source=str(path))


def test_the_check_of_suppressions_may_be_turned_off_but_not_reading_problems(
    tmp_path: Path,
) -> None:
    path = write(tmp_path / CONFIG_FILE, 'ignore = ["NG0"]\n')  # NG010 is among them
    assert load_config(path).ignore == ("NG0",)
    path = write(tmp_path / CONFIG_FILE, 'ignore = ["NG003"]\n')
    with pytest.raises(ConfigError, match="fix the notice instead"):
        load_config(path)
