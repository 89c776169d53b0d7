"""Intro and outro wording: templates from radio.toml, the air date, the article's own date."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from radio.config import Settings, load_settings
from radio.errors import ConfigError
from radio.models import Article
from radio.pipeline import make_script
from radio.sound.engines import get_engine
from radio.words.announce import intro_text, outro_text, published_sentence

ARTICLE = Article(
    source="ferry.txt",
    title="Ferry returns to the island",
    paragraphs=("The ferry sailed again on Monday.",),
    date="2026-03-02",
    byline="Sam Ortega",
)


def test_the_intro_says_the_air_date_and_the_articles_date_as_what_it_is() -> None:
    settings = Settings(show_name="Test Radio", anchor_name="Alex Morgan", air_date="2026-03-05")
    assert intro_text(ARTICLE, settings) == (
        "This is Test Radio. I'm Alex Morgan. It's Thursday, March 5. Ferry returns to the island. "
        "Published on Monday, March 2."
    )


def test_the_articles_date_is_not_said_when_it_is_the_air_date() -> None:
    settings = Settings(show_name="Test Radio", anchor_name="Alex Morgan", air_date="2026-03-02")
    text = intro_text(ARTICLE, settings)
    assert text == "This is Test Radio. I'm Alex Morgan. It's Monday, March 2. Ferry returns to the island."
    assert "Published" not in text


def test_the_air_date_defaults_to_the_day_of_rendering() -> None:
    today = date.today()
    text = intro_text(ARTICLE, Settings())
    assert f"It's {today:%A}, {today:%B} {today.day}." in text


def test_an_article_from_another_year_says_the_year() -> None:
    assert published_sentence("2025-12-30", date(2026, 1, 2)) == "Published on Tuesday, December 30, 2025."
    assert published_sentence(None, date(2026, 1, 2)) == ""


def test_templates_from_radio_toml(tmp_path: Path) -> None:
    toml = tmp_path / "radio.toml"
    toml.write_text(
        '[show]\nname = "Harbour Hour"\nanchor = "Jo Reyes"\n'
        'intro = "{show}, {air_date}. {title}, by {byline}. {published}"\n'
        'outro = "That was {title}. {sign_off} I\'m {anchor}."\n',
        encoding="utf-8",
    )
    settings = load_settings(toml).with_overrides(air_date="2026-03-04")
    assert intro_text(ARTICLE, settings) == (
        "Harbour Hour, Wednesday, March 4. Ferry returns to the island, by Sam Ortega. Published on Monday, March 2."
    )
    assert outro_text(settings, ARTICLE) == (
        "That was Ferry returns to the island. That's all for now. Thanks for listening. I'm Jo Reyes."
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('intro = "This is {station}."', "unknown placeholder {station}"),
        ('outro = "Bye {anchor"', "show.outro"),
    ],
)
def test_an_unknown_placeholder_is_a_config_error(tmp_path: Path, line: str, message: str) -> None:
    toml = tmp_path / "radio.toml"
    toml.write_text(f"[show]\n{line}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("{", r"\{")):
        load_settings(toml)


def test_the_script_uses_the_templates(short_article: Path) -> None:
    settings = Settings(engine="fake", air_date="2026-03-10", outro_template="Goodbye from {show}.")
    script = make_script(str(short_article), settings, get_engine("fake"))
    intro, outro = script.segments[0], script.segments[-1]
    assert "It's Tuesday, March 10." in intro.text
    assert "Published on Tuesday, March 3." in intro.text  # the article's "Updated March 3, 2026"
    assert outro.text == "Goodbye from The Radio Bulletin."


def test_episode_date_option(short_article: Path, tmp_path: Path) -> None:
    run = [sys.executable, "-m", "radio", "episode", str(short_article), "--dry-run", "-e", "fake"]
    good = subprocess.run([*run, "--date", "2026-03-03"], capture_output=True, text=True, check=False)
    assert good.returncode == 0, good.stderr
    first = next(line for line in good.stdout.splitlines() if line.startswith("     said: "))
    assert "It's Tuesday, March third." in first and "Published" not in first  # the spoken form
    later = subprocess.run([*run, "--date", "2026-03-05"], capture_output=True, text=True, check=False)
    assert "It's Thursday, March fifth. Ferry" in later.stdout and "Published on Tuesday, March third." in later.stdout
    bad = subprocess.run([*run, "--date", "03/03/2026"], capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert bad.stderr.strip() == "radio: error: the air date must be YYYY-MM-DD, not '03/03/2026'"
