"""Casting: which voice speaks for whom, and the same voice next time.

The anchor has one voice for the whole show; every quoted person gets a voice
of their own, never the anchor's and never another speaker's in the same
episode. In order, a person's voice comes from:

1. the producer's pins in radio.toml (``[cast] "Daniel Price" = "gmw/en-gb-x-rp+m1"``,
   or ``[cast.piper]`` for one engine only);
2. the cast file (``cast.toml`` beside radio.toml), which records the voice each
   named person got, per engine, so they sound the same in every episode;
3. the quote pool (``[voice] quote_voices``, else the engine's measured pool),
   matching gender: the producer's (``"Helen Ward" = "female"``), else what the
   article tells (honorifics, pronouns, first name, in ``Part.gender``).
   A person of unknown gender gets a voice that suits either, where the pool
   has one.

The cast file is read and updated under an exclusive lock (``fcntl``) and
replaced atomically, so concurrent runs never lose or corrupt it. This sits
beside the engines because it depends on what an engine offers; the script
writer receives it as a ``Caster``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from radio.config import Settings
from radio.errors import ConfigError, RadioError, ScriptError
from radio.models import Part
from radio.sound.engines import Engine, Voice
from radio.words.script import Caster

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

log = logging.getLogger("radio")
GENDERS = ("female", "male")
CastBook = dict[str, dict[str, str]]  # engine -> person -> voice


def quote_pool(engine: Engine, anchor_voice: str, settings: Settings | None = None) -> list[Voice]:
    """The voices quotes are cast from, minus the anchor's: the show's ``quote_voices`` this
    engine has (all of them, if it has none: a pool set for another engine), else the engine's pool."""
    known = {v.id: v for v in engine.cast_voices}
    chosen = [i for i in (settings.quote_voices if settings else ()) if i in known or _usable(engine, i)]
    if settings and settings.quote_voices and not chosen:  # the show's pool is another engine's
        log.info("cast: no voice of [voice] quote_voices belongs to engine %s; using its own pool", engine.name)
    pool = [known.get(i, Voice(i)) for i in (chosen or known) if i != anchor_voice]
    if not pool:
        raise ScriptError(f"engine {engine.name} has no quote voice besides the anchor's; set [voice] quote_voices")
    return pool


def producer_pins(settings: Settings, engine: Engine) -> tuple[dict[str, str], dict[str, str]]:
    """The producer's [cast]: (person -> voice, person -> gender) for this engine."""
    voices: dict[str, str] = {}
    genders: dict[str, str] = {}
    general = {k: v for k, v in settings.cast.items() if isinstance(v, str)}
    specific = settings.cast.get(engine.name)
    for name, value in general.items():
        if value.lower() in GENDERS:
            genders[name] = value.lower()
        elif _usable(engine, value):
            voices[name] = value
        else:
            log.info("cast: %s's voice %s is not one engine %s has; casting anew", name, value, engine.name)
    for name, value in (specific if isinstance(specific, dict) else {}).items():
        if str(value).lower() in GENDERS:
            genders[name] = str(value).lower()
            continue
        if not _usable(engine, str(value)):
            raise ConfigError(f"[cast.{engine.name}] {name!r} = {value!r} is not a voice of engine {engine.name}")
        voices[name] = str(value)
    return voices, genders


def _usable(engine: Engine, voice: str) -> bool:
    try:
        engine.check_voice(voice)
    except RadioError:
        return False
    return True


def cast_voices(
    parts: Sequence[Part],
    engine: Engine,
    anchor_voice: str,
    pool: Sequence[Voice] | None = None,
    pins: Mapping[str, str] | None = None,
    genders: Mapping[str, str] | None = None,
    remembered: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Give each quoted speaker a voice: pinned, else remembered, else the
    first free voice of the pool that fits their gender (least used by the
    people already remembered, so regulars do not share)."""
    pool = list(pool) if pool is not None else quote_pool(engine, anchor_voice)
    pins, genders, remembered = pins or {}, genders or {}, remembered or {}
    usage = Counter(remembered.values())
    cast: dict[str, str] = {}
    speakers: dict[str, Part] = {}
    for part in parts:
        if part.kind == "quote" and (part.speaker or "") not in speakers:
            speakers[part.speaker or ""] = part
    # Pinned and remembered voices first, so a newcomer never takes a regular's voice.
    for name in speakers:
        voice = pins.get(name) or remembered.get(name)
        if voice and voice != anchor_voice and voice not in cast.values():
            cast[name] = voice
    for name, part in speakers.items():
        if name in cast:
            continue
        gender = genders.get(name) or part.gender
        free = [v for v in pool if v.id not in cast.values()] or pool
        order = {v.id: i for i, v in enumerate(pool)}
        if gender:
            ranked = [v for v in free if v.gender == gender] or [v for v in free if v.gender is None] or free
        else:
            ranked = [v for v in free if v.gender is None] or free
        choice = min(ranked, key=lambda v: (usage[v.id], order[v.id]))
        cast[name] = choice.id
        usage[choice.id] += 1
    return cast


def caster(engine: Engine, settings: Settings | str | None = None) -> Caster:
    """A ``Caster`` for the script writer: the anchor's voice (the show's
    setting, else the engine's) and a voice per quoted speaker, remembered in
    the show's cast file."""
    if not isinstance(settings, Settings):
        settings = Settings(anchor_voice=settings)
    show = settings
    anchor = show.anchor_voice or engine.anchor_voice

    def cast(parts: Sequence[Part]) -> tuple[str, dict[str, str]]:
        pool = quote_pool(engine, anchor, show)
        pins, genders = producer_pins(show, engine)
        if not show.cast_file:
            return anchor, cast_voices(parts, engine, anchor, pool, pins, genders)
        path = Path(show.cast_file)
        with locked(path):
            book = read_cast_file(path)
            quoted = {p.speaker for p in parts if p.kind == "quote"}
            remembered = {  # a voice the engine no longer has is cast anew (and the file keeps the old line)
                name: voice
                for name, voice in book.get(engine.name, {}).items()
                if name not in quoted or _usable(engine, voice)
            }
            voices = cast_voices(parts, engine, anchor, pool, pins, genders, remembered)
            new = {name: voice for name, voice in voices.items() if name and name not in remembered}
            if new:
                book.setdefault(engine.name, {}).update(new)
                write_cast_file(path, book)
        return anchor, voices

    return cast


# The cast file -----------------------------------------------------------------------------------

HEADER = (
    "# The voice each quoted person got, per engine (radio keeps it for the next episode).\n"
    "# Edit a voice to recast someone; delete a line to let radio cast them anew.\n"
)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path``'s lock file (``cast.toml.lock``) while reading and rewriting it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.with_name(path.name + ".lock").open("a+")
    except OSError as exc:
        raise ConfigError(f"cannot use the cast file {path}: {exc.strerror}; set [voice] cast_file") from None
    with handle:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: the atomic replace still keeps the file whole
            yield
            return
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def read_cast_file(path: Path) -> CastBook:
    """Engine -> person -> voice, from a cast file (empty if there is none yet)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read the cast file {path}: {exc}; fix it or delete it") from None
    book: CastBook = {}
    for engine, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise ConfigError(f'cast file {path}: [{engine}] must hold "Person Name" = "voice" lines')
        book[engine] = dict(table)
    return book


def cast_file_text(book: Mapping[str, Mapping[str, str]]) -> str:
    lines = [HEADER]
    for engine in sorted(book):
        lines.append(f"\n[{_toml_key(engine)}]\n")
        lines.extend(f"{_toml_key(name)} = {_toml_string(voice)}\n" for name, voice in sorted(book[engine].items()))
    return "".join(lines)


def write_cast_file(path: Path, book: Mapping[str, Mapping[str, str]]) -> None:
    """Write the whole file to a temporary name beside it, then rename it into place."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(cast_file_text(book))
            out.flush()
            os.fsync(out.fileno())
        Path(tmp).replace(path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ConfigError(f"cannot write the cast file {path}: {exc.strerror}") from None


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a TOML basic string


def _toml_key(text: str) -> str:
    bare = text.replace("_", "").replace("-", "").isalnum() and text.isascii()
    return text if bare else _toml_string(text)
