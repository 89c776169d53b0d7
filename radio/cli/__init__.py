"""The command layer: parse options, call the library, print, exit.

Only this module prints or exits. Library errors (RadioError) become one
line on standard error and exit status 1.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from radio.errors import RadioError

app = typer.Typer(
    help="Turn written news into broadcast-ready radio segments and podcast episodes.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
log = logging.getLogger("radio")

ConfigOpt = Annotated[Optional[Path], typer.Option("--config", "-c", help="radio.toml to use.")]
EngineOpt = Annotated[Optional[str], typer.Option("--engine", "-e", help="Text-to-speech engine (see `radio voices`).")]
FormatOpt = Annotated[
    Optional[str], typer.Option("--format", "-f", help="Input format: text, html or markdown (default: detected).")
]


def _settings(config: Path | None, **overrides: object):  # type: ignore[no-untyped-def]
    from radio.config import load_settings, validate

    return validate(load_settings(config).with_overrides(**overrides))


def _progress(stage: str, done: int, total: int) -> None:
    if sys.stderr.isatty():
        end = "\n" if done == total else ""
        typer.echo(f"\r{stage} {done}/{total}", err=True, nl=False)
        typer.echo(end, err=True, nl=False)
    elif done == total or done % max(10, total // 10) == 0:  # plain log lines, about ten of them
        log.info("%s %d/%d", stage, done, total)


@app.command()
def script(
    articles: Annotated[list[str], typer.Argument(help="Article files, URLs, or - for standard input.")],
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object per article, one per line.")] = False,
    config: ConfigOpt = None,
    engine: EngineOpt = None,
    fmt: FormatOpt = None,
) -> None:
    """Print the running order: who says what, in which voice."""
    from radio.pipeline import make_script
    from radio.sound.engines import get_engine
    from radio.words.script import script_to_json
    from radio.words.speech import load_user_lexicon

    settings = _settings(config, engine=engine)
    tts = get_engine(settings.engine, rate_wpm=settings.rate_wpm)
    lexicon = load_user_lexicon(settings.lexicon)  # once, not per article
    failures = 0
    for number, source in enumerate(articles, start=1):
        if len(articles) > 1:
            _progress("scripts", number, len(articles))
        try:
            result = make_script(source, settings, tts, fmt, lexicon)
        except RadioError as exc:
            typer.echo(f"radio: error: {exc}", err=True)
            failures += 1
            continue
        if json_out:
            typer.echo(script_to_json(result))
            continue
        typer.echo(f"{result.title}\n{result.date or 'undated'} · {result.show} · read by {result.anchor}\n")
        for number, seg in enumerate(result.segments, start=1):
            who = seg.speaker or result.anchor
            typer.echo(f"{number:>3}  {seg.kind:<6} {who} [{seg.voice}]\n     {seg.text}\n")
    if failures:
        raise typer.Exit(1)


@app.command()
def episode(
    article: Annotated[Optional[str], typer.Argument(help="Article file, URL, or - for standard input.")] = None,
    script_file: Annotated[
        Optional[Path], typer.Option("--script", "-s", help="Voice this edited script JSON instead of writing one.")
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("output"),
    config: ConfigOpt = None,
    engine: EngineOpt = None,
    fmt: FormatOpt = None,
    cover: Annotated[Optional[Path], typer.Option(help="Cover image (square JPEG or PNG, 1400-3000 px).")] = None,
    target_lufs: Annotated[
        Optional[float], typer.Option(help="Loudness target, e.g. -16 (podcast) or -23 (EBU R128).")
    ] = None,
    bitrate: Annotated[Optional[int], typer.Option(help="MP3 bitrate in kbit/s.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the running order; make no audio.")] = False,
) -> None:
    """Render one article (or an edited script) into a tagged MP3 with transcripts and chapters."""
    from radio.pipeline import make_script, render_episode
    from radio.sound.engines import get_engine
    from radio.words.script import read_script

    settings = _settings(
        config, engine=engine, cover_path=str(cover) if cover else None, target_lufs=target_lufs, bitrate_kbps=bitrate
    )
    if (article is None) == (script_file is None):
        raise typer.BadParameter("give an ARTICLE or --script FILE (one of them)")
    if script_file is not None:
        from radio.words.speech import load_user_lexicon

        the_script = read_script(script_file, load_user_lexicon(settings.lexicon))
        settings = settings.with_overrides(engine=engine or the_script.engine or None)
        tts = get_engine(settings.engine, rate_wpm=settings.rate_wpm)
    else:
        assert article is not None
        tts = get_engine(settings.engine, rate_wpm=settings.rate_wpm)
        the_script = make_script(article, settings, tts, fmt)
    if dry_run:
        for number, seg in enumerate(the_script.segments, start=1):
            typer.echo(f"{number:>3}  {seg.kind:<6} {seg.speaker or the_script.anchor} [{seg.voice}]: {seg.spoken}")
        return
    from radio.batch import record_single, segment_cache
    from radio.publish.lock import FolderLock

    lock = FolderLock(out, "radio episode", shared=True)  # side by side with other episodes, not a batch
    if out.is_dir():  # a folder that does not exist yet has no batch running in it
        lock.acquire()
    try:
        result = render_episode(the_script, settings, out, tts, _progress, segment_cache(settings))
        record_single(out, result, article or str(script_file), settings, tts)  # files in place: catalog them
    finally:
        lock.release()
    typer.echo(result.mp3_path)
    typer.echo(
        f"{result.duration_ms / 1000:.1f} s, {result.loudness.integrated_lufs:.1f} LUFS, "
        f"{result.loudness.true_peak_dbtp:.1f} dBTP; report: {result.sidecars['report']}",
        err=True,
    )
    if result.failed_checks:
        raise RadioError("not fit to air: " + "; ".join(result.failed_checks) + f" (files kept in {out})")


@app.command()
def names(
    articles: Annotated[list[str], typer.Argument(help="Article files, URLs, or - for standard input.")],
    config: ConfigOpt = None,
    fmt: FormatOpt = None,
) -> None:
    """List proper nouns, places and acronyms the pronunciation lexicon does not cover yet."""
    from radio.words.ingest import load_article
    from radio.words.speech import load_user_lexicon
    from radio.words.speech.names import unreviewed_names

    settings = _settings(config)
    lexicon = load_user_lexicon(settings.lexicon)
    for source in articles:
        article = load_article(source, fmt)
        entries = unreviewed_names((article.title, *article.paragraphs), lexicon)
        if len(articles) > 1:
            typer.echo(f"# {source}")
        for entry in entries:
            typer.echo(f"{entry.word}\t{entry.kind}\t{entry.count}\t{entry.example}")
        if not entries:
            typer.echo("every name is covered by the lexicon", err=True)


@app.command()
def say(
    words: Annotated[list[str], typer.Argument(help="Word or phrase to say.")],
    out: Annotated[
        Optional[Path], typer.Option("--out", "-o", help="Write to this file (.mp3/.wav) instead of playing.")
    ] = None,
    voice: Annotated[Optional[str], typer.Option(help="Voice id (default: the anchor's).")] = None,
    config: ConfigOpt = None,
    engine: EngineOpt = None,
) -> None:
    """Voice a word or phrase through the lexicon, to a file or the speaker."""
    from radio.say import say as say_it
    from radio.sound.engines import get_engine

    settings = _settings(config, engine=engine)
    tts = get_engine(settings.engine, rate_wpm=settings.rate_wpm)
    spoken = say_it(" ".join(words), settings, tts, voice, out)
    typer.echo(f"said: {spoken}" + (f" -> {out}" if out else ""), err=True)
    if out:
        typer.echo(str(out))


@app.command()
def voices(engine: EngineOpt = None, config: ConfigOpt = None) -> None:
    """List the engines and the voices radio casts with."""
    from radio.sound.engines import engine_names, get_engine

    settings = _settings(config, engine=engine)
    typer.echo(f"engines: {', '.join(engine_names())}")
    tts = get_engine(settings.engine, rate_wpm=settings.rate_wpm)
    typer.echo(f"{tts.name} anchor: {settings.anchor_voice or tts.anchor_voice}")
    for voice in tts.cast_voices:
        typer.echo(f"{tts.name} quote:  {voice.id} ({voice.gender or 'any'})")


from radio.cli import batch as _batch_commands  # noqa: E402,F401  (batch, list, catalog, cache)


def main() -> None:
    """Console entry point: the only place RadioError becomes an exit status."""
    logging.basicConfig(level=logging.INFO, format="radio: %(message)s", stream=sys.stderr)
    try:
        app()
    except RadioError as exc:
        typer.echo(f"radio: error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("radio: interrupted; nothing was written under a final name", err=True)
        sys.exit(130)
