"""Shared fixtures. Fakes stand only at the engine boundary (the fake engine,
registered in the real registry); pydub, ffmpeg and mutagen run for real."""

from __future__ import annotations

from pathlib import Path

import pytest

from radio.config import Settings

SHORT_ARTICLE = """Home
Listen Live
0:00
Ferry service returns to the island after a month of repairs
Updated March 3, 2026 at 9:10 AM ET
By Sam Ortega
SANDHOLM, Norway — The island ferry sailed again on Monday after a month in dry dock.
“We missed the boat more than we expected,” said Ingrid Vale, who runs the island's only shop.
The operator said crossings would run every two hours.
© 2026 Example Coastal News
Sam Ortega writes about transport for Example Coastal News.
"""


@pytest.fixture
def short_article(tmp_path: Path) -> Path:
    path = tmp_path / "ferry.txt"
    path.write_text(SHORT_ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def sample_article() -> Path:
    return Path(__file__).resolve().parent.parent / "radio" / "assets" / "sample-article.txt"


@pytest.fixture
def fake_settings() -> Settings:
    return Settings(engine="fake")


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read the developer's own ~/.config/radio or a radio.toml in the cwd."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))  # never the developer's segment cache
    monkeypatch.chdir(home)
