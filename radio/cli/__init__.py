"""The command layer: parse options, call the library, print, exit.

Only this module prints or exits. Library errors (RadioError) become one
line on standard error and exit status 1.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from radio.errors import RadioError

if TYPE_CHECKING:
    from radio.config import Settings
    from radio.models import Episode, Script
    from radio.publish.verify import VerifyOptions
    from radio.sound.engines import Engine
    from radio.words.trim import Fit


def _flags_without_type() -> None:
    """Help shows a flag as ``--force``, not ``--force <bool>`` (typer >= 0.26 prints the type of
    every option, flags included): a flag takes no value, so it shows none."""
    from typer.core import TyperOption

    shown = TyperOption.display_type_rich

    def display_type_rich(self: TyperOption, ctx: Any) -> str | None:
        return None if self.is_flag else shown(self, ctx)

    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]


_flags_without_type()

app = typer.Typer(
    help="Turn written news into broadcast-ready radio segments and podcast episodes.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)
log = logging.getLogger("radio")
NOT_FIT_TO_AIR = 3
"""Exit status of `radio episode` when the episode was rendered but failed a quality check."""


DISTRIBUTION = "radio-bulletin"
"""The name on PyPI (`radio` there is another project); the import package and the command are `radio`."""


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        import radio

        return radio.__version__


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"radio {_version()}")
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Only errors and the result: no progress or log lines.")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Debug lines and timings as well.")] = False,
) -> None:
    """Turn written news into broadcast-ready radio segments and podcast episodes."""
    if quiet and verbose:
        raise typer.BadParameter("give -q/--quiet or -v/--verbose, not both")
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.INFO
    log.setLevel(level)
    if verbose:
        import time

        started = time.perf_counter()
        for handler in log.handlers:  # milliseconds since the start on every line
            handler.setFormatter(logging.Formatter("radio: %(relativeCreated)6.0f ms %(message)s"))
        command = ctx.invoked_subcommand
        ctx.call_on_close(lambda: log.debug("%s took %.2f s", command, time.perf_counter() - started))


def _no_color() -> None:
    """NO_COLOR (https://no-color.org), set to anything but "": no colour or other styling in help,
    errors, tables and progress. Rich consoles read it themselves; typer's help and error panels
    are told here, once, to write no escape codes at all."""
    if os.environ.get("NO_COLOR"):
        from typer import rich_utils

        rich_utils.COLOR_SYSTEM = None


ConfigOpt = Annotated[Optional[Path], typer.Option("--config", "-c", help="radio.toml to use.")]
EngineOpt = Annotated[Optional[str], typer.Option("--engine", "-e", help="Text-to-speech engine (see `radio voices`).")]
TitleOpt = Annotated[Optional[str], typer.Option("--title", help="The episode's title (default: the headline).")]
FormatOpt = Annotated[
    Optional[str], typer.Option("--format", "-f", help="Input format: text, html or markdown (default: detected).")
]


def _settings(config: Path | None, **overrides: object):  # type: ignore[no-untyped-def]
    from radio.config import load_settings, validate

    settings = validate(load_settings(config).with_overrides(**overrides))
    if settings.voices_dir:  # engines (and their worker processes) find voices by name there
        os.environ["RADIO_VOICES_DIR"] = settings.voices_dir
    return settings


def _progress(stage: str, done: int, total: int) -> None:
    if not log.isEnabledFor(logging.INFO):  # radio -q: only errors and the result
        return
    if sys.stderr.isatty():
        end = "\n" if done == total else ""
        typer.echo(f"\r{stage} {done}/{total}", err=True, nl=False)
        typer.echo(end, err=True, nl=False)
    elif done == total or done % max(10, total // 10) == 0:  # plain log lines, about ten of them
        log.info("%s %d/%d", stage, done, total)


def running_order(the_script: Script, settings: Settings) -> str:
    """A script for a person: a header with the estimated length, then each segment as written
    and as it will be said."""
    from radio.pipeline import estimate_ms

    # the same estimate `--length` fits to: words at the rate, the pauses and the music
    minutes, seconds = divmod(round(estimate_ms(the_script, settings, settings.rate_wpm) / 1000), 60)
    lines = [
        the_script.title,
        f"{the_script.date or 'undated'} · {the_script.show} · read by {the_script.anchor} · "
        f"{len(the_script.segments)} segments · about {minutes} min {seconds:02d} s with music and pauses, "
        f"speech at {settings.rate_wpm} words a minute",
        "",
    ]
    for number, seg in enumerate(the_script.segments, start=1):
        lines.append(f"{number:>3}  {seg.kind:<6} {seg.speaker or the_script.anchor} [{seg.voice}]")
        lines.append(f"     written: {seg.text}")
        lines.append(f"     said:    {seg.spoken}")
        lines.append("")
    return "\n".join(lines)


@app.command()
def script(
    articles: Annotated[list[str], typer.Argument(help="Article files, URLs, or - for standard input.")],
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object per article, one per line.")] = False,
    config: ConfigOpt = None,
    engine: EngineOpt = None,
    fmt: FormatOpt = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Instead: show each line of a plain-text input, read or not, and why.")
    ] = False,
    title: TitleOpt = None,
) -> None:
    """Print the running order: who says what, in which voice."""
    from radio.pipeline import make_script
    from radio.sound.engines import get_engine
    from radio.words.script import script_to_json
    from radio.words.speech import load_user_lexicon

    settings = _settings(config, engine=engine)
    tts = get_engine(settings.engine, rate_wpm=settings.rate_wpm, voice_rates_wpm=settings.rates)
    lexicon = load_user_lexicon(settings.lexicon)  # once, not per article
    failures = 0
    for number, source in enumerate(articles, start=1):
        if len(articles) > 1:
            _progress("scripts", number, len(articles))
        try:
            if explain:
                from radio.words.ingest.explain import explain_source

                typer.echo("\n".join(explain_source(source, fmt)))
                continue
            result = make_script(source, settings, tts, fmt, lexicon, title)
        except RadioError as exc:
            typer.echo(f"radio: error: {exc}", err=True)
            failures += 1
            continue
        if json_out:
            typer.echo(script_to_json(result))
            continue
        typer.echo(running_order(result, settings))
    if failures:
        raise typer.Exit(1)


@app.command()
def episode(
    articles: Annotated[
        Optional[list[str]],
        typer.Argument(help="Article file, URL, or - for standard input; several make one bulletin."),
    ] = None,
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
    feed: Annotated[bool, typer.Option("--feed", help="Then refresh feed.xml and index.html in --out.")] = False,
    base_url: Annotated[Optional[str], typer.Option("--base-url", help="For --feed (default: show.base_url).")] = None,
    title: TitleOpt = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the episode's files and figures as JSON.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace an episode of the same name in --out.")] = False,
    index: Annotated[
        Optional[int], typer.Option("--index", help="With --script: which script of a JSON Lines file (from 1).")
    ] = None,
    air_date: Annotated[
        Optional[str], typer.Option("--date", help="Air date YYYY-MM-DD the intro says (default: today).")
    ] = None,
    chapters: Annotated[
        Optional[str],
        typer.Option(
            "--chapters",
            help="Chapters at each: speaker (default for one article), story (default for a bulletin), segment, none.",
        ),
    ] = None,
    length: Annotated[
        Optional[str],
        typer.Option("--length", help="Target length in minutes (5, 4:30, 90s): later paragraphs are cut to fit."),
    ] = None,
    verify: Annotated[
        bool, typer.Option("--verify", help="Then transcribe the MP3 and report what was heard (extra: verify).")
    ] = False,
    verify_strict: Annotated[
        bool, typer.Option("--verify-strict", help="As --verify, and a segment above the threshold fails (exit 3).")
    ] = False,
    verify_threshold: Annotated[
        Optional[float], typer.Option("--verify-threshold", help="Word error above which a segment fails (0.5).")
    ] = None,
) -> None:
    """Render one article, a bulletin of several, or an edited script into a tagged MP3 with
    transcripts and chapters."""
    from radio.pipeline import fit_length, make_bulletin, make_script, render_episode
    from radio.sound.engines import get_engine
    from radio.words.script import read_script
    from radio.words.trim import parse_length

    settings = _settings(
        config,
        engine=engine,
        cover_path=str(cover) if cover else None,
        target_lufs=target_lufs,
        bitrate_kbps=bitrate,
        air_date=air_date,
        chapters=chapters,
    )
    checking = _verify_options(verify, verify_strict, verify_threshold)
    if (not articles) == (script_file is None):
        raise typer.BadParameter("give ARTICLES or --script FILE (one of them)")
    target_ms = parse_length(length) if length is not None else None
    if script_file is not None:
        from radio.words.speech import load_user_lexicon

        the_script = read_script(script_file, load_user_lexicon(settings.lexicon), index)
        if title and title.strip():
            the_script = dataclasses.replace(the_script, title=" ".join(title.split()))
        settings = settings.with_overrides(engine=engine or the_script.engine or None)
        tts = get_engine(settings.engine, rate_wpm=settings.rate_wpm, voice_rates_wpm=settings.rates)
        _check_voices(the_script, tts, script_file)
    else:
        assert articles
        tts = get_engine(settings.engine, rate_wpm=settings.rate_wpm, voice_rates_wpm=settings.rates)
        if len(articles) == 1:
            the_script = make_script(articles[0], settings, tts, fmt, title=title)
        else:
            the_script = make_bulletin(articles, settings, tts, fmt, title=title)
    fit = None
    if target_ms is not None:
        fit = fit_length(the_script, settings, tts.rate_wpm, target_ms)
        the_script = fit.script
        for line in fit.summary():
            typer.echo(f"radio: {line}", err=True)
    if dry_run:  # the same view as `radio script`
        typer.echo(running_order(the_script, settings))
        return
    from radio.batch import record_single, segment_cache
    from radio.pipeline import slugify
    from radio.publish.lock import FolderLock

    existing = out / f"{slugify(the_script.title)}.mp3"
    replacing = existing.exists()
    if replacing and not force:
        raise RadioError(f"{existing} exists; add --force to replace it, or --title to name this episode differently")
    lock = FolderLock(out, "radio episode", shared=True)  # side by side with other episodes, not a batch
    if out.is_dir():  # a folder that does not exist yet has no batch running in it
        lock.acquire()
    try:
        result = render_episode(the_script, settings, out, tts, _progress, segment_cache(settings), checking)
        sources = articles or []
        source = str(script_file) if script_file else sources[0] if len(sources) == 1 else "-"  # a bulletin: as stdin
        record_single(out, result, source, settings, tts)  # files in place: catalog them
    finally:
        lock.release()
    if replacing:
        typer.echo(f"radio: replaced {existing} and its files", err=True)
    if json_out:
        typer.echo(_episode_json(result, fit))
    else:
        typer.echo(result.mp3_path)
    typer.echo(
        f"{result.duration_ms / 1000:.1f} s, {result.loudness.integrated_lufs:.1f} LUFS, "
        f"{result.loudness.true_peak_dbtp:.1f} dBTP; report: {result.sidecars['report']}",
        err=True,
    )
    if checking is not None:
        _print_verify(result.sidecars["report"])
    if result.failed_checks:  # rendered, but not fit to air: its own exit status
        typer.echo(f"radio: error: not fit to air: {'; '.join(result.failed_checks)} (files kept in {out})", err=True)
        raise typer.Exit(NOT_FIT_TO_AIR)
    if feed:
        from radio.cli.publish import publish_episode

        publish_episode(result, source, out, settings, base_url)


def _verify_options(verify: bool, strict: bool, threshold: float | None) -> VerifyOptions | None:
    """--verify, --verify-strict: checked (and the verify extra looked for) before any work."""
    from radio.publish.verify import DEFAULT_THRESHOLD, VerifyOptions, require_recogniser

    if threshold is not None and not 0 < threshold <= 1:
        raise typer.BadParameter(f"--verify-threshold must be above 0 and at most 1, not {threshold}")
    if not (verify or strict):
        return None
    require_recogniser()
    return VerifyOptions(threshold=DEFAULT_THRESHOLD if threshold is None else threshold, strict=strict)


def _print_verify(report_path: str) -> None:
    import json

    from radio.publish.verify import summary_line

    heard = json.loads(Path(report_path).read_text(encoding="utf-8"))["verify"]
    typer.echo(f"radio: {summary_line(heard)}", err=True)


def _episode_json(result: Episode, fit: Fit | None = None) -> str:
    import json

    length = None
    if fit is not None:
        length = {
            "target_ms": fit.target_ms,
            "estimated_ms": fit.estimated_ms,
            "fits": fit.fits,
            "cuts": [dataclasses.asdict(cut) for cut in fit.cuts],
        }
    return json.dumps(
        {
            "mp3": result.mp3_path,
            "title": result.script.title,
            "date": result.script.date,
            "duration_ms": result.duration_ms,
            "integrated_lufs": round(result.loudness.integrated_lufs, 2),
            "true_peak_dbtp": round(result.loudness.true_peak_dbtp, 2),
            "loudness_range_lu": round(result.loudness.range_lu, 2),
            "segments": len(result.script.segments),
            "fit_to_air": not result.failed_checks,
            "failed_checks": list(result.failed_checks),
            "files": dict(result.sidecars),
            "stories": list(result.script.stories),
            "length": length,
        },
        ensure_ascii=False,
    )


def _check_voices(the_script: Script, tts: Engine, origin: Path) -> None:
    """Every voice of an edited script, checked before any audio work; a bad one names its segment."""
    from radio.errors import ScriptError

    checked: set[str] = set()
    for number, seg in enumerate(the_script.segments, start=1):
        if seg.voice in checked:
            continue
        try:
            tts.check_voice(seg.voice)
        except RadioError as exc:
            raise ScriptError(f"{origin}: segment {number} ({seg.kind}, {seg.speaker or 'anchor'}): {exc}") from None
        checked.add(seg.voice)


@app.command()
def names(
    articles: Annotated[list[str], typer.Argument(help="Article files, URLs, or - for standard input.")],
    config: ConfigOpt = None,
    fmt: FormatOpt = None,
    toml: Annotated[bool, typer.Option("--toml", help="Print a [lexicon] stub to respell and paste.")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object per article, one per line.")] = False,
) -> None:
    """List proper nouns, places and acronyms the pronunciation lexicon does not cover yet."""
    import json

    from radio.words.ingest import load_article
    from radio.words.speech import load_user_lexicon
    from radio.words.speech.names import unreviewed_names

    settings = _settings(config)
    lexicon = load_user_lexicon(settings.lexicon)
    failures = 0
    stub_started = False
    for source in articles:
        try:
            article = load_article(source, fmt, settings.fetch_timeout_s)
        except RadioError as exc:  # a batch keeps going, as `radio script` does
            typer.echo(f"radio: error: {exc}", err=True)
            failures += 1
            continue
        entries = unreviewed_names((article.title, *article.paragraphs), lexicon)
        if json_out:
            rows = [{"word": e.word, "kind": e.kind, "count": e.count, "example": e.example} for e in entries]
            typer.echo(json.dumps({"source": source, "names": rows}, ensure_ascii=False))
            continue
        if len(articles) > 1 or toml:
            typer.echo(f"# {source}")
        if toml and entries and not stub_started:
            stub_started = True
            typer.echo("[lexicon]  # respell each name as it is said; a key matches exactly as written")
        for entry in entries:
            if toml:  # the word itself as its stub respelling: valid TOML that changes nothing until edited
                key = json.dumps(entry.word, ensure_ascii=False)
                typer.echo(f"{key} = {key}  # {entry.kind}, {entry.count}x")
            else:
                typer.echo(f"{entry.word}\t{entry.kind}\t{entry.count}\t{entry.example}")
        if not entries:
            typer.echo("every name is covered by the lexicon", err=True)
    if failures:
        raise typer.Exit(1)


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
    tts = get_engine(settings.engine, rate_wpm=settings.rate_wpm, voice_rates_wpm=settings.rates)
    spoken = say_it(" ".join(words), settings, tts, voice, out)
    typer.echo(f"said: {spoken}" + (f" -> {out}" if out else ""), err=True)
    if out:
        typer.echo(str(out))


class Interrupted(BaseException):
    """SIGINT or SIGTERM: raised in the main thread, and deliberately not a KeyboardInterrupt, which typer
    turns into a silent exit 130 before ``main`` sees it. Library code cleans up on the way out (``with``
    blocks, children killed, the temporary folder removed); ``main`` prints one line."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def stopped_by(exc: BaseException) -> tuple[int, str]:
    """The signal behind an interrupt (Ctrl-C is SIGINT) and how the one line names it."""
    signum = exc.signum if isinstance(exc, Interrupted) else int(signal.SIGINT)
    return signum, "interrupted" if signum == signal.SIGINT else f"stopped ({signal.Signals(signum).name})"


def _interrupt(signum: int, frame: object) -> None:
    if os.getpid() != _main_pid[0]:  # a child between fork and exec (Ctrl-C reached the group): raising
        return  # would fail its start, and radio exit 1, not 130; radio, signalled too, kills it on its way out
    if _interrupted:  # a second signal while cleaning up: leave at once
        os._exit(128 + signum)
    _interrupted.append(signum)
    raise Interrupted(signum)


_interrupted: list[int] = []
_main_pid = [os.getpid()]  # set again by main(): the process whose signals are radio's


from radio.cli import batch as _batch_commands  # noqa: E402,F401  (batch, list, catalog, cache)


def main() -> None:
    """Console entry point: the only place RadioError becomes an exit status."""
    _main_pid[0] = os.getpid()
    for stop in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop, _interrupt)
    if not log.handlers:  # radio's own lines only: other libraries' (trafilatura's "discarding data") stay quiet
        log.addHandler(logging.StreamHandler(sys.stderr))
        log.handlers[0].setFormatter(logging.Formatter("radio: %(message)s"))
    log.setLevel(logging.INFO)
    log.propagate = False
    logging.getLogger().addHandler(logging.NullHandler())  # no last-resort printing of third-party warnings
    _no_color()
    from typer._click.exceptions import ClickException, UsageError  # typer's bundled click (typer >= 0.26)

    try:
        status = app(prog_name="radio", standalone_mode=False)  # usage errors come here, made one line
    except UsageError as exc:
        where = exc.ctx.command_path if exc.ctx is not None else "radio"
        typer.echo(f"radio: error: {exc.format_message()} (see '{where} -h')", err=True)
        sys.exit(1)  # bad input, like every other error
    except ClickException as exc:
        typer.echo(f"radio: error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("radio: error: aborted", err=True)
        sys.exit(1)
    except RadioError as exc:
        typer.echo(f"radio: error: {exc}", err=True)
        sys.exit(1)
    except (Interrupted, KeyboardInterrupt) as exc:
        signum, what = stopped_by(exc)
        typer.echo(f"radio: {what}; nothing was written under a final name", err=True)
        sys.exit(128 + signum)
    sys.exit(status if isinstance(status, int) else 0)


from radio.cli import config as _config  # noqa: E402,F401  (registers `radio config path|show|init`)
from radio.cli import publish as _publish  # noqa: E402,F401  (registers feed and serve)
from radio.cli import voices as _voices  # noqa: E402,F401  (registers `radio voices`)
