"""Reading `[tool.noticegen]` and noticegen.toml: what is accepted and what is a usage error."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from noticegen.lint.config import (
    CONFIG_FILE,
    MAX_BYTES,
    Config,
    ConfigError,
    check_selectors,
    find_config,
    load_config,
)
from noticegen.lint.rules import BY_CODE
from noticegen.model.findings import Severity


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
        'ignore = ["NG202", "lgpd"]\n'
        'severity = { NG101 = "warning", NG201 = "INFO" }\n'
        'profiles = ["gdpr", "ccpa"]\n'
        "[tool.noticegen.options.NG415]\n"
        "online_only = true\n"
        "[tool.noticegen.options.NG419]\n"
        "as_of = 2026-03-01\n",
    )
    config = load_config(path)
    assert config.select == ("NG1", "NG2")
    assert config.ignore == ("NG202", "lgpd")
    assert config.severity == {"NG101": Severity.WARNING, "NG201": Severity.INFO}
    assert config.profiles == ("gdpr", "ccpa")
    assert config.options == {
        "NG415": BY_CODE["NG415"].Options(online_only=True),
        "NG419": BY_CODE["NG419"].Options(as_of=datetime.date(2026, 3, 1)),
    }
    assert config.source == str(path)


def test_enabled_matches_codes_by_prefix_and_families_by_name() -> None:
    config = Config(select=("NG1", "NG20", "lgpd"), ignore=("NG202", "NG51"))
    assert config.enabled(BY_CODE["NG101"])
    assert config.enabled(BY_CODE["NG201"])
    assert not config.enabled(BY_CODE["NG202"])
    assert not config.enabled(BY_CODE["NG301"])
    assert config.enabled(BY_CODE["NG501"])
    assert not config.enabled(BY_CODE["NG510"])
    assert Config().enabled(BY_CODE["NG903"])


def test_a_family_is_not_a_code_prefix() -> None:
    """NG6 holds two families: prose (NG601...) and contradictions (NG650...)."""
    config = Config(select=("contradictions",))
    assert config.enabled(BY_CODE["NG651"])
    assert not config.enabled(BY_CODE["NG601"])


def test_families_and_codes_are_read_in_any_case(tmp_path: Path) -> None:
    path = write(tmp_path / CONFIG_FILE, 'select = ["GDPR", "ng4"]\nignore = [" Review "]\n')
    config = load_config(path)
    assert (config.select, config.ignore) == (("gdpr", "NG4"), ("review",))


def test_selectors_from_the_command_line_are_checked_alike() -> None:
    assert check_selectors(["Gdpr", "ng3"], "--select") == ("gdpr", "NG3")
    with pytest.raises(ConfigError, match=r"'gpdr' in `--select`.*did you mean 'gdpr'"):
        check_selectors(["gpdr"], "--select")
    with pytest.raises(ConfigError, match="fix the notice instead"):
        check_selectors(["NG003"], "--ignore")
    assert check_selectors(["NG003"], "--select") == ("NG003",)


def test_the_notice_folders_file_wins_over_pyproject(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.noticegen]\nignore = ["NG1"]\n')
    local = write(tmp_path / "notice" / CONFIG_FILE, 'ignore = ["NG2"]\n')
    assert find_config(tmp_path / "notice") == local


def test_noticegen_toml_may_use_the_tool_table(tmp_path: Path) -> None:
    path = write(tmp_path / CONFIG_FILE, '[tool.noticegen]\nignore = ["NG2"]\n')
    assert load_config(path).ignore == ("NG2",)


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
    ("text", "message", "position"),
    [
        ('selct = ["NG1"]\n', "unknown setting 'selct' (known: select,", "1:1"),
        ('selct = ["NG1"]\n', "; did you mean 'select'?", "1:1"),
        (
            'select = ["NG1"]\nignore = ["NG35"]\n',
            "unknown rule code, prefix or family 'NG35' in `ignore`",
            "2:11",
        ),
        ('select = ["NG1",\n  "gpdr"]\n', "'gpdr' in `select` (`noticegen rules` lists", "2:3"),
        ('select = ["gpdr"]\n', "; did you mean 'gdpr'?", "1:11"),
        ('ignore = ["prose", "contradiction"]\n', "did you mean 'contradictions'?", "1:20"),
        ('select = [""]\n', "unknown rule code, prefix or family ''", "1:11"),
        ('severity = { NG1 = "info" }\n', "unknown rule code 'NG1' in `severity`", "1:14"),
        ('severity = { NG4199 = "info" }\n', "did you mean 'NG419'?", "1:14"),
        ("severity = { NG101 = 3 }\n", "must be error, warning or info", "1:14"),
        ('severity = "NG101"\n', "`severity` must be a table", "1:1"),
        ('profiles = ["gdpr", "hipaa"]\n', "unknown profile 'hipaa'", "1:21"),
        ("profiles = [1]\n", "`profiles` must be a list of strings", "1:1"),
        ('select = "NG1"\n', "`select` must be a list of strings", "1:1"),
        ("options = { NG101 = 3 }\n", "`options` must hold one table per rule code", "1:1"),
        ("[options.NG999]\nx = 1\n", "unknown rule code 'NG999' in `options`", "1:10"),
        ("select = [\n", "cannot read configuration", None),
        ('ignore = ["NG001"]\n', "NG001 in `ignore` names what is found while reading", "1:11"),
        ('ignore = ["schema"]\nseverity = { NG001 = "info" }\n', "no configuration may", "2:14"),
        (
            "[options.NG415]\nonlne_only = true\n",
            "NG415 has no option 'onlne_only' (its options: online_only); did you mean "
            "'online_only'?",
            "2:1",
        ),
        (
            "[options.NG416]\npermitted_purposes_only = true\n",
            "NG416 has no option 'permitted_purposes_only' (its options: online_only); it is an "
            "option of NG409",
            "2:1",
        ),
        (
            "options.NG201.threshold = 3\n",
            "NG201 has no option 'threshold' (it takes none)",
            "1:15",
        ),
        (
            "options = { NG409 = { permited_purposes_only = true } }\n",
            "did you mean 'permitted_purp",
            "1:23",
        ),
        ('[options.NG419]\nas_of = "next year"\n', "option `as_of` of NG419: not a date", "2:1"),
        ('[options.NG415]\nonline_only = "yes"\n', "should be a valid boolean (got 'yes')", "2:1"),
    ],
)
def test_mistakes_are_one_line_errors_naming_file_and_position(
    tmp_path: Path, text: str, message: str, position: str | None
) -> None:
    path = write(tmp_path / CONFIG_FILE, text)
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    error = str(raised.value)
    assert message in error
    assert "\n" not in error
    assert error.startswith(f"{path}:{position}: " if position else f"{path}: ")


def test_positions_in_pyproject_are_those_of_our_table(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n[tool.other.options.NG415]\nonlne_only = 1\n'
        '[tool.noticegen.options.NG415]\n"onlne_only" = true\n',
    )
    with pytest.raises(ConfigError, match=r"pyproject.toml:6:2: NG415 has no option"):
        load_config(path)


def test_an_empty_options_table_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path / CONFIG_FILE, "[options.NG201]\n")
    assert load_config(path).options == {}


def test_a_date_option_reads_a_toml_date_or_an_iso_string(tmp_path: Path) -> None:
    for value in ("2026-03-01", '"2026-03-01"'):
        path = write(tmp_path / CONFIG_FILE, f"[options.NG419]\nas_of = {value}\n")
        as_of = load_config(path).options["NG419"].as_of
        assert as_of == datetime.date(2026, 3, 1)


def test_codes_are_normalised_to_upper_case(tmp_path: Path) -> None:
    path = write(tmp_path / CONFIG_FILE, 'ignore = ["ng1"]\n')
    assert load_config(path).ignore == ("NG1",)


def test_a_pyproject_without_our_table_is_the_default(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert load_config(path) == Config(source=str(path))


def test_the_check_of_suppressions_may_be_turned_off_but_not_reading_problems(
    tmp_path: Path,
) -> None:
    path = write(tmp_path / CONFIG_FILE, 'ignore = ["NG0"]\n')  # NG010 is among them
    assert load_config(path).ignore == ("NG0",)
    path = write(tmp_path / CONFIG_FILE, 'ignore = ["NG003"]\n')
    with pytest.raises(ConfigError, match="fix the notice instead"):
        load_config(path)


def test_a_configuration_file_past_the_size_cap_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / CONFIG_FILE, "# padding\n" * (MAX_BYTES // 10 + 1))
    with pytest.raises(ConfigError, match="may be at most 1,000,000"):
        load_config(path)


def test_a_long_line_of_spaces_is_searched_in_linear_time(tmp_path: Path) -> None:
    # valid TOML whose mistake is looked for along 200,000 spaces; quadratic would take minutes
    path = write(tmp_path / CONFIG_FILE, "severity = {" + " " * 200_000 + 'NG999 = "info" }\n')
    with pytest.raises(ConfigError, match=r":1:200013: unknown rule code 'NG999'"):
        load_config(path)
