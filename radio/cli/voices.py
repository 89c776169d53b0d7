"""`radio voices`: every engine, installed or not, the voices radio casts with,
and a spoken preview of any of them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from radio.cli import ConfigOpt, EngineOpt, _settings, app
from radio.errors import RadioError

PREVIEW = "Good evening. This is how this voice reads the news on {show}, at a steady pace, with every word clear."


def _language(voice: Any) -> str | None:
    if voice.language:
        return str(voice.language)
    if "/" in voice.id:  # espeak-ng ids: gmw/en-gb-x-rp+f3
        return str(voice.id.rsplit("/", 1)[1].partition("+")[0])
    return None


def describe_engine(name: str, settings: Any) -> dict[str, Any]:
    """One engine: installed or not (and what installs it), its anchor and its voices."""
    from radio.sound.cast import quote_pool
    from radio.sound.engines import get_engine

    row: dict[str, Any] = {"name": name, "default": name == settings.engine, "installed": False, "voices": []}
    try:
        engine = get_engine(name, rate_wpm=settings.rate_wpm)
        row["install"] = engine.install_hint or "built in"
        anchor = (settings.anchor_voice if name == settings.engine else None) or engine.anchor_voice
        engine.check_voice(anchor)
    except RadioError as exc:
        row["detail"] = str(exc)
        row.setdefault("install", f"pip install 'radio-bulletin[{name}]'")
        return row
    row["installed"] = True
    row["anchor_voice"] = anchor
    pool = quote_pool(engine, anchor, settings if name == settings.engine else None)
    more = getattr(engine, "available_voices", None)  # engines that find voices on disk list them all
    found = list(more()) if callable(more) else []
    known = {v.id: v for v in (*engine.cast_voices, *found)}
    listed = [known.get(anchor) or _voice(anchor), *pool]
    ids = {v.id for v in listed}
    listed += [v for v in found if v.id not in ids]
    for voice in listed:
        row["voices"].append(
            {
                "id": voice.id,
                "language": _language(voice),
                "gender": voice.gender,
                "role": "anchor" if voice.id == anchor else "quote" if voice in pool else "available",
                "usable_for_quotes": voice.id != anchor,
            }
        )
    return row


def _voice(voice_id: str) -> Any:
    from radio.sound.engines import Voice

    return Voice(voice_id)


@app.command()
def voices(
    engine: EngineOpt = None,
    config: ConfigOpt = None,
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object: every engine and its voices.")] = False,
    preview: Annotated[
        Optional[str], typer.Option("--preview", help="Speak a sample sentence in this voice (through ffplay).")
    ] = None,
    out: Annotated[
        Optional[Path], typer.Option("--out", "-o", help="With --preview: write the sample to this .mp3/.wav file.")
    ] = None,
) -> None:
    """List every engine (installed or not, with what to install) and its voices; preview a voice."""
    from radio.sound.engines import engine_names, get_engine

    settings = _settings(config, engine=engine)
    if out is not None and preview is None:
        raise typer.BadParameter("--out needs --preview VOICE")
    if preview is not None:
        from radio.say import say

        tts = get_engine(settings.engine, rate_wpm=settings.rate_wpm, voice_rates_wpm=settings.rates)
        say(PREVIEW.format(show=settings.show_name), settings, tts, preview, out)
        typer.echo(str(out) if out else f"previewed {preview} ({tts.name})")
        return
    rows = [describe_engine(name, settings) for name in ([engine] if engine else engine_names())]
    if json_out:
        typer.echo(json.dumps({"engines": rows}, indent=2, ensure_ascii=False))
        return
    for row in rows:
        state = "installed" if row["installed"] else "not installed"
        default = ", default" if row["default"] else ""
        typer.echo(f"{row['name']} ({state}{default}): {row['install']}")
        if not row["installed"]:
            typer.echo(f"  {row['detail']}")
        for v in row["voices"]:
            quotes = "quotes" if v["usable_for_quotes"] else "anchor only"
            gender = v["gender"] or ("-" if v["role"] == "anchor" else "either")
            typer.echo(f"  {v['role']:<9} {v['id']:<30} {v['language'] or '-':<15} {gender:<7} {quotes}")
