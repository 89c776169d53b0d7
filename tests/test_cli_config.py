"""Settings in layers (the user's radio.toml, then ./radio.toml or --config, then flags), merged key
by key, and `radio config path|show|init`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from radio.cli import app
from radio.config import _SECTIONS, Settings, load_layers, load_settings
from radio.errors import ConfigError
from tests.test_cli import assert_one_line_error, radio

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

USER = """
[show]
name = "Users Own Show"
anchor = "Rhian Jones"
[audio]
target_lufs = -23
[lexicon]
Siobhan = "shi-VAWN"
Nice = "neece"
[cast]
"Helen Ward" = "female"
[cast.piper]
"Bo Li" = "en_US-joe-medium"
"""
PROJECT = """
[show]
name = "Coast Report"
[lexicon]
Nice = "niece"
[cast.piper]
"Al Quinn" = "en_US-joe-medium@-3"
"""


@pytest.fixture
def layers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A user file under XDG_CONFIG_HOME and a project file in the working directory."""
    user = tmp_path / "xdg" / "radio" / "radio.toml"
    user.parent.mkdir(parents=True)
    user.write_text(USER, encoding="utf-8")
    project_dir = tmp_path / "show"
    project_dir.mkdir()
    project = project_dir / "radio.toml"
    project.write_text(PROJECT, encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(project_dir)
    return user, project


def test_the_project_file_merges_over_the_users_key_by_key(layers: tuple[Path, Path]) -> None:
    user, project = layers
    settings = load_settings()
    assert settings.show_name == "Coast Report"  # the project's key wins
    assert settings.anchor_name == "Rhian Jones"  # the same table in the user's file still counts
    assert settings.target_lufs == -23.0  # a table only the user's file has
    assert settings.lexicon == {"Siobhan": "shi-VAWN", "Nice": "niece"}
    assert settings.cast == {
        "Helen Ward": "female",
        "piper": {"Bo Li": "en_US-joe-medium", "Al Quinn": "en_US-joe-medium@-3"},
    }
    assert settings.cast_file == str(project.parent.resolve() / "cast.toml")  # beside the file read last
    origins = load_layers().origins
    assert origins["show_name"] == str(project.resolve()) and origins["anchor_name"] == str(user.resolve())
    assert origins["lexicon.Nice"] == str(project.resolve()) and origins["lexicon.Siobhan"] == str(user.resolve())
    assert origins["cast.piper.Bo Li"] == str(user.resolve()) and "bitrate_kbps" not in origins


def test_config_takes_the_project_files_place(layers: tuple[Path, Path], tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    other.write_text('[voice]\nengine = "fake"\n', encoding="utf-8")
    settings = load_settings(other)
    assert settings.engine == "fake" and settings.anchor_name == "Rhian Jones"
    assert settings.show_name == "Users Own Show"  # ./radio.toml is not read with --config
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "missing.toml")


def test_the_users_file_alone_and_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "radio"
    folder.mkdir()
    (folder / "radio.toml").write_text('[show]\nanchor = "Rhian Jones"\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.chdir(folder)  # ./radio.toml is the user's file: one layer, not two
    loaded = load_layers()
    assert [s.layer for s in loaded.sources] == ["user"]
    assert loaded.settings.anchor_name == "Rhian Jones"


def test_a_bad_key_in_either_file_names_that_file(layers: tuple[Path, Path]) -> None:
    user, _ = layers
    user.write_text("[show]\nanchr = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=f"{user}: unknown setting show.anchr"):
        load_settings()


def test_config_path_lists_the_layers(layers: tuple[Path, Path]) -> None:
    user, project = layers
    project.unlink()
    result = CliRunner().invoke(app, ["config", "path"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("user") and str(user.resolve()) in lines[0] and "(exists" in lines[0]
    assert lines[1].startswith("project") and str(project.resolve()) in lines[1] and "(not found" in lines[1]
    assert lines[2].startswith("flags")


def test_config_show_reads_back_to_the_same_settings(layers: tuple[Path, Path], tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["config", "show"])
    assert result.exit_code == 0, result.output
    shown = tmp_path / "shown.toml"
    shown.write_text(result.output, encoding="utf-8")
    tomllib.loads(result.output)
    assert load_settings(shown) == load_settings()


def test_config_show_sources(layers: tuple[Path, Path]) -> None:
    user, project = layers
    result = CliRunner().invoke(app, ["config", "show", "--sources"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert f'name = "Coast Report"  # {project.resolve()}' in lines
    assert f'anchor = "Rhian Jones"  # {user.resolve()}' in lines
    assert "bitrate_kbps = 96  # default" in lines
    assert f'"Bo Li" = "en_US-joe-medium"  # {user.resolve()}' in lines
    tomllib.loads(result.output)  # the notes are TOML comments

    as_json = CliRunner().invoke(app, ["config", "show", "--json", "--sources"])
    tables = json.loads(as_json.output)
    assert tables["show"]["name"] == {"value": "Coast Report", "source": str(project.resolve())}
    assert tables["audio"]["target_lufs"] == {"value": -23.0, "source": str(user.resolve())}
    plain = json.loads(CliRunner().invoke(app, ["config", "show", "--json"]).output)
    assert plain["show"]["anchor"] == "Rhian Jones" and plain["lexicon"]["Nice"] == "niece"


def test_config_init_writes_a_starter_that_reads_as_the_defaults(tmp_path: Path) -> None:
    proc = radio("config", "init", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    starter = tmp_path / "radio.toml"
    assert proc.stdout.strip() == "radio.toml" and starter.is_file()
    text = starter.read_text(encoding="utf-8")
    assert load_settings(starter) == Settings(cast_file=str(tmp_path.resolve() / "cast.toml"))
    written = {line[2:].split(" = ")[0] for line in text.splitlines() if line.startswith("# ") and " = " in line}
    spelled = {"show_name": "name", "anchor_name": "anchor", "cover_path": "cover", "show_description": "description"}
    spelled |= {"owner_email": "email", "intro_template": "intro", "outro_template": "outro"}
    spelled |= {"bulletin_intro_template": "bulletin_intro", "story_transition": "between_stories"}
    for section, names in _SECTIONS.items():
        for name in names:
            key = spelled.get(name, name.removeprefix("music_") if section == "music" else name)
            assert key in written, f"the starter file does not show {section}.{key}"
    uncommented = "\n".join(line[2:] if line.startswith("# ") and " = " in line else line for line in text.splitlines())
    tomllib.loads(uncommented)  # every example, uncommented, is valid TOML

    starter.write_text('[show]\nname = "Mine"\n', encoding="utf-8")
    again = radio("config", "init", cwd=tmp_path)
    assert_one_line_error(again, "add --force")
    assert starter.read_text(encoding="utf-8") == '[show]\nname = "Mine"\n'
    forced = radio("config", "init", "--force", cwd=tmp_path)
    assert forced.returncode == 0 and starter.read_text(encoding="utf-8") == text
    assert not list(tmp_path.glob(".radio.toml*"))


def test_config_init_user_writes_the_users_file(tmp_path: Path) -> None:
    proc = radio("config", "init", "--user", cwd=tmp_path, env={"XDG_CONFIG_HOME": str(tmp_path / "xdg")})
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "xdg" / "radio" / "radio.toml").is_file() and not (tmp_path / "radio.toml").exists()


def test_config_show_a_bad_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "radio.toml").write_text("[show\n", encoding="utf-8")
    assert_one_line_error(radio("config", "show", cwd=tmp_path), "fix the TOML syntax")
