"""The README cannot drift from the command line."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from radio.cli import app
from radio.config import Settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
ROOT = Path(__file__).resolve().parent.parent


def _commands() -> list[str]:
    return sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_every_command_has_a_section_and_an_example() -> None:
    for name in _commands():
        assert f"### `radio {name}`" in README, name
        assert re.search(rf"^radio {name}\b", README, re.M), f"no example of radio {name}"


def test_every_option_of_episode_is_documented() -> None:
    command = typer.main.get_command(app).commands["episode"]  # type: ignore[attr-defined]
    for param in command.params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert opt in README, opt


def test_quickstart_has_exactly_two_commands_that_exist() -> None:
    block = README.split("## Quickstart", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["scripts/setup.sh", "scripts/test.sh"]
    for command in commands:
        assert (ROOT / command).is_file()
    assert "scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_configuration_keys_are_documented() -> None:
    documented = README.split("## Configuration", 1)[1].split("## Measured", 1)[0]
    aliases = {
        "show_name": "name",
        "anchor_name": "anchor",
        "cover_path": "cover",
        "show_description": "description",
        "owner_email": "email",
        "intro_template": "intro",
        "outro_template": "outro",
        "music_enabled": "enabled",
        "music_intro": "intro",
        "music_outro": "outro",
        "music_bed": "bed",
        "music_stinger": "stinger",
        "bulletin_intro_template": "bulletin_intro",
        "story_transition": "between_stories",
    }
    for field in Settings.__dataclass_fields__:
        if field in ("lexicon", "cast", "rates", "air_date"):  # tables ([lexicon], [cast], [rates]); air_date: `--date`
            continue
        assert re.search(rf"^{aliases.get(field, field)} = ", documented, re.M), field
    for table in ("lexicon", "cast", "rates"):
        assert f"\n[{table}]" in documented, table
