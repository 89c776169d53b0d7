"""Settings: defaults, then the user's radio.toml, then the project's, merged key by key.

Layers, lowest first: the defaults; the user's ``$XDG_CONFIG_HOME/radio/radio.toml``
(``~/.config/radio/radio.toml``); ``./radio.toml``, or the ``--config`` file in its place;
then the command line's flags (applied by the CLI with ``Settings.with_overrides``).
"""

from __future__ import annotations

import dataclasses
import json
import os
import string
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from radio.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


DEFAULT_INTRO = "This is {show}. I'm {anchor}. It's {air_date}. {title}. {published}"
DEFAULT_OUTRO = "{sign_off} For {show}, I'm {anchor}."
DEFAULT_BULLETIN_INTRO = "This is {show}. I'm {anchor}. It's {air_date}. In this bulletin: {headlines}."
TEMPLATE_PLACEHOLDERS = ("show", "anchor", "title", "air_date", "byline", "published", "sign_off")
BULLETIN_PLACEHOLDERS = (*TEMPLATE_PLACEHOLDERS, "headlines")
CHAPTER_MODES = ("segment", "speaker", "story", "none")
STORY_TRANSITIONS = ("sting", "pause")


@dataclass(frozen=True)
class Settings:
    """Everything a producer can set in radio.toml ([show], [voice], [audio], [ingest])."""

    # [show]
    show_name: str = "The Radio Bulletin"
    anchor_name: str = "Alex Morgan"
    sign_off: str = "That's all for now. Thanks for listening."
    author: str = "radio"
    genre: str = "News"
    language: str = "en"
    cover_path: str | None = None
    # [show], for the podcast feed (radio feed)
    show_description: str | None = None  # default: a sentence naming the show
    owner_email: str | None = None  # itunes:owner e-mail; required for the feed
    category: str = "News"  # Apple Podcasts category, "News" or "News > Daily News"
    base_url: str | None = None  # where the output folder is published, e.g. https://example.org/podcast
    copyright: str | None = None
    explicit: bool = False
    locked: bool = True  # podcast:locked: other hosts may not import the feed
    intro_template: str = DEFAULT_INTRO  # placeholders: TEMPLATE_PLACEHOLDERS
    outro_template: str = DEFAULT_OUTRO
    bulletin_intro_template: str = DEFAULT_BULLETIN_INTRO  # a bulletin's intro: BULLETIN_PLACEHOLDERS
    chapters: str = ""  # segment | speaker | story | none; "": speaker, or story for a bulletin
    # [voice]
    engine: str = "pyttsx3"
    anchor_voice: str | None = None  # default: the engine's own anchor voice
    rate_wpm: int = 160  # a newsreader's pace; espeak-ng is understood better here than at its own 175
    voices_dir: str | None = None  # Piper models by name; default $RADIO_VOICES_DIR or ~/.local/share/radio/voices
    quote_voices: tuple[str, ...] = ()  # the pool quotes are cast from; default: the engine's measured pool
    cast_file: str | None = None  # voices people got, kept between episodes; default: cast.toml beside radio.toml
    # [audio]
    target_lufs: float = -16.0
    max_true_peak_dbtp: float = -1.0
    bitrate_kbps: int = 96
    sample_rate_hz: int = 44100
    channels: int = 1
    pause_within_paragraph_ms: int = 350
    pause_between_paragraphs_ms: int = 800
    lead_in_ms: int = 500  # players clip the very start of a file
    pause_between_stories_ms: int = 1500  # between a bulletin's stories, where no sting plays
    bed_below_speech_db: float = 18.0  # the music bed under the voice, below the speech's loudness
    # [music]: the show's own sound (paths relative to radio.toml); None: the shipped assets
    music_enabled: bool = True
    music_intro: str | None = None  # the sting before the anchor's first words
    music_outro: str | None = None  # rises under the sign-off and plays out after it
    music_bed: str | None = None  # under the intro's words (default: the intro music goes on)
    music_stinger: str | None = None  # between stories of a bulletin (default: the start of the intro sting)
    story_transition: str = "sting"  # between a bulletin's stories: sting (with the music on) or pause
    # not in radio.toml: the day the episode goes out (YYYY-MM-DD; default: the day of rendering)
    air_date: str | None = None
    # [ingest]
    fetch_timeout_s: float = 30.0  # the whole download of an article URL
    # [batch]
    workers: int = 0  # worker processes for `radio batch`; 0 = one per core
    article_timeout_s: float = 900.0  # a batch gives up on an article (and restarts its worker) after this
    cache_limit_mb: int = 2048  # the voiced-segment cache's size limit; 0 turns the cache off
    fetch_delay_s: float = 1.0  # news feeds: seconds between two requests to the same host (politeness)
    # [lexicon]: word -> respelling, or word -> {say = ..., espeak = ...}
    lexicon: dict[str, Any] = field(default_factory=dict)
    # [rates]: voice id -> words per minute, for a voice that should speak faster or slower than rate_wpm
    rates: dict[str, int] = field(default_factory=dict)
    # [cast]: "Person Name" = voice id, or "female" / "male"; [cast.ENGINE] for one engine only
    cast: dict[str, Any] = field(default_factory=dict)

    def with_overrides(self, **changes: Any) -> Settings:
        """Return a copy with the non-None values in ``changes`` applied."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


_SECTIONS = {
    "show": (
        "show_name",
        "anchor_name",
        "sign_off",
        "author",
        "genre",
        "language",
        "cover_path",
        "show_description",
        "owner_email",
        "category",
        "base_url",
        "copyright",
        "explicit",
        "locked",
        "intro_template",
        "outro_template",
        "bulletin_intro_template",
        "chapters",
    ),
    "voice": ("engine", "anchor_voice", "rate_wpm", "voices_dir", "quote_voices", "cast_file"),
    "audio": (
        "target_lufs",
        "max_true_peak_dbtp",
        "bitrate_kbps",
        "sample_rate_hz",
        "channels",
        "pause_within_paragraph_ms",
        "pause_between_paragraphs_ms",
        "lead_in_ms",
        "pause_between_stories_ms",
        "bed_below_speech_db",
    ),
    "music": ("music_enabled", "music_intro", "music_outro", "music_bed", "music_stinger", "story_transition"),
    "ingest": ("fetch_timeout_s",),
    "batch": ("workers", "article_timeout_s", "cache_limit_mb", "fetch_delay_s"),
}
_ALIASES = {
    "show": {
        "name": "show_name",
        "title": "show_name",
        "anchor": "anchor_name",
        "cover": "cover_path",
        "description": "show_description",
        "email": "owner_email",
        "intro": "intro_template",
        "outro": "outro_template",
        "bulletin_intro": "bulletin_intro_template",
    },
    "music": {
        "enabled": "music_enabled",
        "intro": "music_intro",
        "outro": "music_outro",
        "bed": "music_bed",
        "stinger": "music_stinger",
        "between_stories": "story_transition",
    },
}
_OPTIONAL_TEXT = ("show_description", "owner_email", "base_url", "copyright")
_MUSIC_FILES = ("music_intro", "music_outro", "music_bed", "music_stinger")


@dataclass(frozen=True)
class ConfigSource:
    """One layer of settings: a radio.toml that is read if it exists."""

    layer: str  # "user" (~/.config/radio/radio.toml), "project" (./radio.toml) or "--config"
    path: Path
    exists: bool


@dataclass(frozen=True)
class LoadedSettings:
    """The effective settings and, for each key set by a file, that file."""

    settings: Settings
    origins: dict[str, str]  # "show_name", "lexicon.Siobhan", "cast.piper.Ana Ruiz" -> path; absent: default
    sources: tuple[ConfigSource, ...]


def user_config_path() -> Path:
    """The user's radio.toml: ``$XDG_CONFIG_HOME/radio/radio.toml`` (``~/.config/radio/radio.toml``)."""
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "radio" / "radio.toml"


def config_sources(path: str | Path | None = None) -> tuple[ConfigSource, ...]:
    """The files settings come from, lowest first: the user's file, then ``./radio.toml`` (or the
    ``--config`` file in its place). Flags on the command line come last, over both."""
    project = ("--config", Path(path)) if path is not None else ("project", Path("radio.toml"))
    layers = [("user", user_config_path()), project]
    seen: set[Path] = set()
    sources: list[ConfigSource] = []
    for layer, candidate in layers:
        resolved = candidate.expanduser().resolve()
        if resolved in seen:  # the working directory is the user's config folder: one file, read once
            continue
        seen.add(resolved)
        sources.append(ConfigSource(layer, candidate, candidate.is_file()))
    return tuple(sources)


def default_config_paths() -> list[Path]:
    """The files read without ``--config``, lowest first."""
    return [source.path for source in config_sources()]


def load_settings(path: str | Path | None = None) -> Settings:
    """The defaults, then the user's radio.toml, then ``path`` (else ``./radio.toml``), merged key by key."""
    return load_layers(path).settings


def load_layers(path: str | Path | None = None) -> LoadedSettings:
    """Like ``load_settings``, with where each key came from. A table in both files merges per key:
    ``[show] name`` in ./radio.toml keeps the user's ``[show] anchor``; ``[lexicon]`` and ``[cast]``
    entries merge per word and per person."""
    if path is not None and not Path(path).is_file():
        raise ConfigError(f"config file not found: {path}")
    sources = config_sources(path)
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    for source in sources:
        if not source.exists:
            continue
        where = str(source.path.expanduser().resolve())
        for name, value in _read_values(source.path).items():
            if name in ("lexicon", "cast", "rates"):
                merged = _merge_table(values.get(name, {}), value, f"{name}.", where, origins)
                values[name] = merged
                continue
            values[name] = value
            origins[name] = where
    found = [source for source in sources if source.exists]
    if "cast_file" not in values and found:  # the cast beside the radio.toml read last
        values["cast_file"] = str(found[-1].path.parent.resolve() / "cast.toml")
        origins["cast_file"] = str(found[-1].path.expanduser().resolve())
    return LoadedSettings(validate(dataclasses.replace(Settings(), **values)), origins, sources)


def _merge_table(
    below: dict[str, Any], above: dict[str, Any], prefix: str, where: str, origins: dict[str, str]
) -> dict[str, Any]:
    """``above`` over ``below`` per key; sub-tables (``[cast.piper]``) merge per key too."""
    merged = dict(below)
    for key, value in above.items():
        if isinstance(value, dict) and prefix == "cast.":  # [cast.ENGINE]: per person too
            under = merged[key] if isinstance(merged.get(key), dict) else {}
            merged[key] = _merge_table(under, value, f"{prefix}{key}.", where, origins)
            continue
        merged[key] = value
        origins[prefix + key] = where
    return merged


def _read_values(path: Path) -> dict[str, Any]:
    """One radio.toml's settings by field name, types checked, paths made absolute from the file's folder."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}; fix the TOML syntax") from None
    defaults = Settings()
    values: dict[str, Any] = {}
    for section, table in data.items():
        if section == "lexicon":
            if not isinstance(table, dict):
                raise ConfigError(f"{path}: [lexicon] must be a table of word = respelling")
            values["lexicon"] = dict(table)
            continue
        if section == "rates":
            values["rates"] = _rates_table(path, table)
            continue
        if section == "cast":
            values["cast"] = _cast_table(path, table)
            continue
        if section not in _SECTIONS or not isinstance(table, dict):
            raise ConfigError(
                f"{path}: unknown section [{section}]; use [show], [voice], [audio], [music], [ingest], [batch], "
                "[lexicon], [cast] or [rates]"
            )
        for key, value in table.items():
            name = _ALIASES.get(section, {}).get(key, key)
            if name not in _SECTIONS[section]:
                raise ConfigError(f"{path}: unknown setting {section}.{key}")
            if name == "quote_voices":
                if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
                    raise ConfigError(f"{path}: voice.quote_voices must be a list of voice ids")
                values[name] = tuple(value)
                continue
            expected = type(getattr(defaults, name))
            if expected is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if getattr(defaults, name) is not None and not isinstance(value, expected):
                raise ConfigError(f"{path}: {section}.{key} must be a {expected.__name__}")
            if name in _MUSIC_FILES:
                if not isinstance(value, str) or not value.strip():
                    raise ConfigError(f"{path}: {section}.{key} must be the path of an audio file")
                value = str((path.parent / Path(value).expanduser()).resolve())
            if name in _OPTIONAL_TEXT and not isinstance(value, str):
                raise ConfigError(f"{path}: {section}.{key} must be a string")
            if name in ("voices_dir", "cast_file") and not isinstance(value, str):
                raise ConfigError(f"{path}: {section}.{key} must be a str (a folder or file path)")
            if name in ("cover_path", "voices_dir") and value is not None:
                value = str((path.parent / Path(str(value)).expanduser()).resolve())
            if name == "cast_file" and value:  # "" keeps no cast file
                value = str((path.parent / Path(str(value)).expanduser()).resolve())
            values[name] = value
    return values


def settings_tables(loaded: LoadedSettings) -> dict[str, dict[str, tuple[Any, str]]]:
    """The effective settings as radio.toml's tables: section -> key -> (value, where it came from).
    Keys are written as radio.toml spells them (``name``, not ``show_name``); unset keys are None."""
    settings, origins = loaded.settings, loaded.origins
    spelled = {field: key for aliases in _ALIASES.values() for key, field in reversed(aliases.items())}
    tables: dict[str, dict[str, tuple[Any, str]]] = {}
    for section, names in _SECTIONS.items():
        table = tables.setdefault(section, {})
        for name in names:
            value = getattr(settings, name)
            shown = (list(value) or None) if isinstance(value, tuple) else value  # no quote_voices: not set
            table[spelled.get(name, name)] = (shown, origins.get(name, "default"))
    for section in ("lexicon", "cast", "rates"):
        table = tables.setdefault(section, {})
        for key, value in getattr(settings, section).items():
            if isinstance(value, dict) and section == "cast":  # [cast.ENGINE]
                table[key] = (dict(value), origins.get(f"cast.{key}", "merged"))
                continue
            table[key] = (value, origins.get(f"{section}.{key}", "default"))
    return tables


def settings_toml(loaded: LoadedSettings, sources: bool = False) -> str:
    """The effective settings as a radio.toml that reads back to the same settings; ``sources``
    adds, after each key, the file it came from (or "default")."""
    lines: list[str] = []
    for section, table in settings_tables(loaded).items():
        subtables = {k: v for k, v in table.items() if isinstance(v[0], dict) and section == "cast"}
        lines.append(f"[{section}]")
        for key, (value, origin) in table.items():
            if key in subtables:
                continue
            note = f"  # {origin}" if sources else ""
            if value is None:
                lines.append(f"# {_toml_key(key)} is not set{note}")
            else:
                lines.append(f"{_toml_key(key)} = {_toml_value(value)}{note}")
        for key, (value, _) in subtables.items():
            lines.append(f"\n[{section}.{_toml_key(key)}]")
            for name, voice in value.items():
                note = f"  # {loaded.origins.get(f'cast.{key}.{name}', 'default')}" if sources else ""
                lines.append(f"{_toml_key(name)} = {_toml_value(voice)}{note}")
        lines.append("")
    return "\n".join(lines)


def _toml_key(key: str) -> str:
    return key if key and all(c.isascii() and (c.isalnum() or c in "-_") for c in key) else _toml_value(key)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):  # a JSON string is a TOML basic string once DEL is escaped too
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"no TOML form for {type(value).__name__}")


def write_starter(path: Path, force: bool = False) -> None:
    """Write the commented starter radio.toml (every key, at its default, commented out);
    refuse to replace an existing file unless ``force``. Atomic: a temporary file renamed."""
    from radio import asset

    if path.exists() and not force:
        raise ConfigError(f"{path} exists; add --force to replace it with the starter file")
    if path.exists() and not path.is_file():
        raise ConfigError(f"{path} is not a file; give the path of a radio.toml to write")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.partial")
        partial.write_text(asset("radio.toml").read_text(encoding="utf-8"), encoding="utf-8")
        partial.replace(path)
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror or exc}; choose a folder you can write to") from None


def _rates_table(path: Path, table: object) -> dict[str, int]:
    """[rates]: "voice id" = words per minute."""
    if not isinstance(table, dict):
        raise ConfigError(f'{path}: [rates] must be a table of "voice id" = words per minute')
    for voice, wpm in table.items():
        if isinstance(wpm, bool) or not isinstance(wpm, int) or not 80 <= wpm <= 400:
            raise ConfigError(f"{path}: [rates] {voice!r} must be a whole number of words per minute, 80 to 400")
    return dict(table)


def _cast_table(path: Path, table: object) -> dict[str, Any]:
    """[cast]: "Name" = "voice" or "female"/"male"; [cast.ENGINE] tables of the same."""
    if not isinstance(table, dict):
        raise ConfigError(f'{path}: [cast] must be a table of "Person Name" = "voice id"')
    for key, value in table.items():
        entries = value.items() if isinstance(value, dict) else [(key, value)]
        for name, voice in entries:
            if not isinstance(voice, str) or not voice.strip():
                raise ConfigError(f'{path}: cast entry {name!r} must be a voice id or "female" / "male"')
    return dict(table)


# The reachable loudness targets. Published targets for speech run from -14 LUFS (Spotify's
# playback level) through -16 (Apple Podcasts; AES TD1004 gives -16 to -20), -18 (AES77, speech)
# and -19 (mono) to -23 (EBU R 128), all with true peaks at or below -1 dBTP
# (podcast-conventions reference, section 2 "Loudness"). -30 leaves room below the quietest.
# Upward, the limiter can only take speech so far: rendering the sample article with espeak-ng
# under a -1 dBTP ceiling reached -12 and -11 LUFS, but not -10, -9 or louder (the measured level
# stayed near -10 to -11 LUFS, or the true peak passed the ceiling). So the target must sit at
# least 11 dB below the true-peak ceiling: at most -12 LUFS under the default -1 dBTP.
QUIETEST_TARGET_LUFS = -30.0
SPEECH_PEAK_TO_LOUDNESS_DB = 11.0


def validate(settings: Settings) -> Settings:
    """Check ranges; raise ConfigError naming the bad setting."""
    if not -9.0 <= settings.max_true_peak_dbtp <= 0.0:
        raise ConfigError("max_true_peak_dbtp must be between -9 and 0 dBTP")
    loudest = settings.max_true_peak_dbtp - SPEECH_PEAK_TO_LOUDNESS_DB
    if not QUIETEST_TARGET_LUFS <= settings.target_lufs <= loudest:
        raise ConfigError(
            f"target_lufs {settings.target_lufs:g} cannot be reached under the {settings.max_true_peak_dbtp:g} dBTP "
            f"true-peak ceiling; use {QUIETEST_TARGET_LUFS:g} to {loudest:g} LUFS (e.g. -16 for podcasts, "
            f"-23 for EBU R128): speech needs {SPEECH_PEAK_TO_LOUDNESS_DB:g} dB between the target and the ceiling"
        )
    if settings.bitrate_kbps not in (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320):
        raise ConfigError(f"bitrate_kbps {settings.bitrate_kbps} is not an MP3 bitrate; use e.g. 96 or 128")
    if settings.sample_rate_hz not in (22050, 24000, 32000, 44100, 48000):
        raise ConfigError("sample_rate_hz must be 22050, 24000, 32000, 44100 or 48000")
    if settings.channels not in (1, 2):
        raise ConfigError("channels must be 1 (mono) or 2 (stereo)")
    for name in ("pause_within_paragraph_ms", "pause_between_paragraphs_ms", "lead_in_ms", "pause_between_stories_ms"):
        if not 0 <= getattr(settings, name) <= 10_000:
            raise ConfigError(f"{name} must be between 0 and 10000 ms")
    if not 1.0 <= settings.fetch_timeout_s <= 600.0:
        raise ConfigError("fetch_timeout_s must be between 1 and 600 seconds")
    if not 0 <= settings.workers <= 256:
        raise ConfigError("workers must be between 0 (one per core) and 256")
    if not 1.0 <= settings.article_timeout_s <= 86_400.0:
        raise ConfigError("article_timeout_s must be between 1 and 86400 seconds")
    if settings.cache_limit_mb < 0:
        raise ConfigError("cache_limit_mb must be 0 (no cache) or more megabytes")
    if not 0.0 <= settings.fetch_delay_s <= 3600.0:
        raise ConfigError("fetch_delay_s must be between 0 and 3600 seconds")
    if not 6.0 <= settings.bed_below_speech_db <= 40.0:
        raise ConfigError("bed_below_speech_db must be between 6 and 40 dB (15 to 20 is usual under speech)")
    if settings.chapters and settings.chapters not in CHAPTER_MODES:
        raise ConfigError(f"chapters must be one of {', '.join(CHAPTER_MODES)}, not {settings.chapters!r}")
    if settings.story_transition not in STORY_TRANSITIONS:
        raise ConfigError(
            f"[music] between_stories must be {' or '.join(STORY_TRANSITIONS)}, not {settings.story_transition!r}"
        )
    for name in ("intro_template", "outro_template"):
        check_template(getattr(settings, name), name.replace("_template", ""))
    check_template(settings.bulletin_intro_template, "bulletin_intro", BULLETIN_PLACEHOLDERS)
    if settings.air_date is not None:
        try:
            date.fromisoformat(settings.air_date)
        except ValueError:
            raise ConfigError(f"the air date must be YYYY-MM-DD, not {settings.air_date!r}") from None
    if not 80 <= settings.rate_wpm <= 400:
        raise ConfigError("rate_wpm must be between 80 and 400 words per minute")
    return settings


def check_template(template: str, what: str, placeholders: tuple[str, ...] = TEMPLATE_PLACEHOLDERS) -> None:
    """Raise ConfigError if ``template`` has a placeholder radio does not fill, or bad braces."""
    known = ", ".join("{" + p + "}" for p in placeholders)
    try:
        fields = [f for _, f, spec, conv in string.Formatter().parse(template) if f is not None]
    except ValueError as exc:
        raise ConfigError(f"show.{what}: {exc}; write braces as {{{{ and }}}}, placeholders as {known}") from None
    for field_name in fields:
        if field_name not in placeholders:
            raise ConfigError(f"show.{what}: unknown placeholder {{{field_name}}}; use {known}")
