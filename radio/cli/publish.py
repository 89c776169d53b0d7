"""Commands that publish the output folder: ``radio feed`` and ``radio serve``."""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path
from typing import Annotated, Optional

import typer

from radio.cli import ConfigOpt, Interrupted, _settings, app
from radio.config import Settings
from radio.models import Episode
from radio.words.script import script_to_json

OutArg = Annotated[Path, typer.Argument(help="Output folder (the one radio episode wrote to).")]
BaseUrlOpt = Annotated[
    Optional[str], typer.Option("--base-url", help="Address the folder is published at (default: show.base_url).")
]


def refresh_feed(
    out: Path, settings: Settings, base_url: str | None, limit: int | None = None, prune: bool = False
) -> None:
    """Write feed.xml and index.html for ``out`` and say what was done; used by feed, episode --feed and batch."""
    from radio.publish.feed import write_feed
    from radio.publish.page import write_page
    from radio.publish.show import show_from_settings

    show = show_from_settings(settings, base_url)
    result = write_feed(out, show, limit=limit, prune=prune)
    for warning in result.warnings:
        typer.echo(f"radio: warning: {warning}", err=True)
    if show.base_url.startswith("http://"):
        typer.echo(
            "radio: note: the base URL is http://; podcast apps outside your network want https:// "
            "(fine for radio serve on a local network)",
            err=True,
        )
    page = write_page(out, show, result.cover_name, result.entries)
    kept = f", {result.kept} kept from before (gone from the catalog; --prune drops them)" if result.kept else ""
    typer.echo(f"{result.path}: {result.items} episode{'s' if result.items != 1 else ''}{kept}", err=True)
    typer.echo(f"{page}", err=True)
    typer.echo(show.feed_url)


@app.command()
def feed(
    out: OutArg = Path("output"),
    base_url: BaseUrlOpt = None,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Only the newest N episodes.")] = None,
    prune: Annotated[
        bool, typer.Option("--prune", help="Drop items whose episodes are no longer in the catalog.")
    ] = False,
    config: ConfigOpt = None,
) -> None:
    """Write the podcast feed (feed.xml) and the episode page (index.html) from the catalog."""
    refresh_feed(out, _settings(config), base_url, limit, prune)


@app.command()
def serve(
    out: OutArg = Path("output"),
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 for the whole network.")] = "127.0.0.1",
    port: Annotated[Optional[int], typer.Option(help="Port (default 8765; 0: any free port).")] = None,
) -> None:
    """Serve the output folder over HTTP (byte ranges, HEAD) for podcast apps and browsers."""
    from radio.publish.feed import feed_address
    from radio.publish.serve import DEFAULT_PORT
    from radio.publish.serve import serve as serve_folder

    def ready(base: str) -> None:
        published = feed_address(out)
        if published is None:
            typer.echo(f"radio: warning: no feed.xml yet; run: radio feed {out} --base-url {base}", err=True)
        elif not published.startswith(base + "/"):
            typer.echo(
                f"radio: warning: feed.xml points podcast apps at {published}; to play from this server, run: "
                f"radio feed {out} --base-url {base}",
                err=True,
            )
        typer.echo(f"serving {out} at {base}/ (Ctrl-C stops)", err=True)
        typer.echo(f"{base}/feed.xml")  # last: whoever reads it knows the server is ready

    # uvicorn catches Ctrl-C itself, shuts down cleanly, then raises the signal again: radio's handler
    # turns it into Interrupted; by then the server has stopped, so it is the normal way out
    with contextlib.suppress(KeyboardInterrupt, Interrupted):
        serve_folder(out, host, DEFAULT_PORT if port is None else port, ready)
    typer.echo("radio: stopped serving", err=True)


def publish_episode(episode: Episode, source: str, out: Path, settings: Settings, base_url: str | None) -> None:
    """``radio episode --feed``: make sure the catalog knows the episode just made, then refresh the feed."""
    from radio.publish.catalog import Catalog, sha256_file

    path, mp3 = Path(source), Path(episode.mp3_path)
    if source != "-" and path.is_file():
        source, content_hash = str(path.resolve()), sha256_file(path)
    else:  # a URL, or standard input (named by its episode, so two stdin episodes stay two)
        source = f"stdin:{mp3.name}" if source == "-" else source
        content_hash = hashlib.sha256(script_to_json(episode.script).encode("utf-8")).hexdigest()
    digest = sha256_file(mp3)
    with Catalog.open(out) as catalog:
        # Already catalogued (radio episode records its episodes itself once batch is in): leave the row be,
        # whatever source spelling it was recorded under, so its id (the feed guid) never changes.
        known = [e for e in catalog.episodes(include_failed=True) if e.mp3_name == mp3.name]
        if not any(e.mp3_sha256 == digest for e in known):
            catalog.record_episode(episode, source, content_hash)
    refresh_feed(out, settings, base_url)
