from pathlib import Path

import pytest

from radio.config import Settings, load_settings
from radio.errors import ConfigError


def test_defaults_without_a_file() -> None:
    settings = load_settings()
    assert settings == Settings()
    assert settings.target_lufs == -16.0 and settings.bitrate_kbps == 96 and settings.sample_rate_hz == 44100


def test_radio_toml_overrides(tmp_path: Path) -> None:
    config = tmp_path / "radio.toml"
    config.write_text(
        '[show]\nname = "Coast Report"\nanchor = "Rhian Jones"\n'
        "[audio]\ntarget_lufs = -23\npause_between_paragraphs_ms = 1200\n"
        '[lexicon]\nSiobhan = "shi-VAWN"\n',
        encoding="utf-8",
    )
    settings = load_settings(config)
    assert settings.show_name == "Coast Report"
    assert settings.anchor_name == "Rhian Jones"
    assert settings.target_lufs == -23.0
    assert settings.pause_between_paragraphs_ms == 1200
    assert settings.lexicon == {"Siobhan": "shi-VAWN"}


def test_radio_toml_in_working_directory_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "radio.toml").write_text('[voice]\nengine = "fake"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert load_settings().engine == "fake"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[audio]\ntarget_lufs = 3\n", "target_lufs"),
        ("[audio]\nbitrate_kbps = 97\n", "bitrate"),
        ("[audio]\nloudness = 1\n", "unknown setting audio.loudness"),
        ("[speakers]\nx = 1\n", "unknown section"),
        ("[show]\nname = 5\n", "must be a str"),
        ("[show\n", "TOML"),
        ("[ingest]\nfetch_timeout_s = 0.5\n", "fetch_timeout_s must be between 1 and 600"),
        ('[ingest]\nfetch_timeout_s = "30"\n', "must be a float"),
    ],
)
def test_bad_config_names_the_problem(tmp_path: Path, body: str, message: str) -> None:
    config = tmp_path / "radio.toml"
    config.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_settings(config)


def test_missing_explicit_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.toml")


def test_fetch_timeout_in_the_ingest_section(tmp_path: Path) -> None:
    config = tmp_path / "radio.toml"
    config.write_text("[ingest]\nfetch_timeout_s = 12\n", encoding="utf-8")
    assert Settings().fetch_timeout_s == 30.0
    assert load_settings(config).fetch_timeout_s == 12.0
