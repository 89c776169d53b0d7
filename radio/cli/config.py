"""`radio config path|show|init`: where the settings come from, what they add up to, a starter file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from radio.cli import ConfigOpt, app

config_app = typer.Typer(
    help="Where the settings come from (path), what they add up to (show), a starter radio.toml (init).",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(config_app, name="config")

_LAYERS = {
    "user": "your settings, for every show",
    "project": "this folder's show, over yours",
    "--config": "the --config file, over yours",
}


@config_app.command("path")
def path_command(config: ConfigOpt = None) -> None:
    """List the files settings are read from, lowest first, and which exist; flags come last."""
    from radio.config import config_sources

    for source in config_sources(config):
        state = "exists" if source.exists else "not found"
        typer.echo(f"{source.layer:<8} {source.path.expanduser().resolve()}  ({state}: {_LAYERS[source.layer]})")
    typer.echo("flags    a command's options (--engine, --bitrate, ...), over both files")


@config_app.command("show")
def show_command(
    config: ConfigOpt = None,
    sources: Annotated[bool, typer.Option("--sources", help="After each key, the file it came from.")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="As JSON instead of TOML.")] = False,
) -> None:
    """Print the effective settings, the files merged key by key, as TOML (or JSON)."""
    from radio.config import load_layers, settings_tables, settings_toml

    loaded = load_layers(config)
    if not json_out:
        typer.echo(settings_toml(loaded, sources), nl=False)
        return
    tables = settings_tables(loaded)
    if sources:
        shown = {
            section: {key: {"value": value, "source": origin} for key, (value, origin) in table.items()}
            for section, table in tables.items()
        }
    else:
        shown = {section: {key: value for key, (value, _) in table.items()} for section, table in tables.items()}
    typer.echo(json.dumps(shown, ensure_ascii=False, indent=2))


@config_app.command("init")
def init_command(
    path: Annotated[
        Optional[Path], typer.Argument(help="Where to write it (default: ./radio.toml).", show_default=False)
    ] = None,
    user: Annotated[
        bool, typer.Option("--user", help="Write your own file (~/.config/radio/radio.toml) instead.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace a file that exists.")] = False,
) -> None:
    """Write a commented starter radio.toml: every setting at its default, ready to uncomment."""
    from radio.config import user_config_path, write_starter

    if user and path is not None:
        raise typer.BadParameter("give a PATH or --user, not both")
    target = user_config_path() if user else (path or Path("radio.toml"))
    write_starter(target, force)
    typer.echo(str(target))
