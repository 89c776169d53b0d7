"""The pronunciation lexicon a producer edits: word = respelling, or
word = { say = respelling, espeak = "[[phonemes]]" }.

Entries come from the user's ``$XDG_CONFIG_HOME/radio/lexicon.toml`` and the
show's ``[lexicon]`` table in radio.toml; the show's entries win.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from radio.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# Engines that read espeak-ng [[phoneme]] mnemonics inline.
ESPEAK_ENGINES = frozenset({"pyttsx3", "espeak", "espeak-ng"})
_PHONEME_KEYS = ("espeak",)
_POSSESSIVE = r"(?P<pos>['’]s\b|(?<=s)['’](?!\w))?"


@dataclass(frozen=True)
class Pronunciation:
    """How to say one lexicon word."""

    say: str  # a respelling every engine can read
    espeak: str | None = None  # espeak-ng phonemes, written [[...]]


@dataclass(frozen=True)
class Lexicon:
    """Words and how to say them. Entries with a capital letter match that exact
    case; all-lowercase entries match any case."""

    entries: Mapping[str, Pronunciation] = field(default_factory=dict)
    _exact: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    _folded: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        exact = [w for w in self.entries if w != w.lower()]
        folded = [w for w in self.entries if w == w.lower()]
        object.__setattr__(self, "_exact", _alternation(exact, 0))
        object.__setattr__(self, "_folded", _alternation(folded, re.IGNORECASE))

    def lookup(self, word: str) -> Pronunciation | None:
        """The entry that covers ``word`` as it appears in text, if any."""
        if word in self.entries and word != word.lower():
            return self.entries[word]
        return self.entries.get(word.lower()) if word.lower() in self.entries else None

    def covers(self, word: str) -> bool:
        return self.lookup(word) is not None

    def apply(self, text: str, engine: str, protect: Callable[[str], str]) -> str:
        """Replace every covered word with its spoken form, passed through
        ``protect`` so later rules leave it alone."""
        for pattern in (self._exact, self._folded):
            if pattern is None:
                continue
            text = pattern.sub(lambda m: protect(self._spoken(m, engine)), text)
        return text

    def _spoken(self, match: re.Match[str], engine: str) -> str:
        entry = self.lookup(match.group("word"))
        if entry is None:  # pragma: no cover - the pattern only matches entries
            return match.group(0)
        possessive = match.group("pos") or ""
        if engine in ESPEAK_ENGINES:
            if entry.espeak:
                phonemes = entry.espeak
                if possessive and phonemes.endswith("]]"):
                    return phonemes[:-2] + "z]]"
                return phonemes + possessive
            return entry.say.lower() + possessive
        return entry.say + possessive


def _alternation(words: Sequence[str], flags: int) -> re.Pattern[str] | None:
    if not words:
        return None
    ordered = sorted(words, key=len, reverse=True)
    body = "|".join(re.escape(w) for w in ordered)
    return re.compile(rf"(?<![\w'’-])(?P<word>{body}){_POSSESSIVE}(?![\w-])", flags)


def user_lexicon_path() -> Path:
    """``$XDG_CONFIG_HOME/radio/lexicon.toml`` (default ``~/.config/radio/lexicon.toml``)."""
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "radio" / "lexicon.toml"


def read_lexicon_file(path: Path) -> dict[str, Any]:
    """The word = respelling table of a lexicon TOML file (or its [lexicon] table)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read lexicon {path}: {exc}; fix the TOML syntax") from None
    table = data.get("lexicon", data)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [lexicon] must be a table of word = respelling")
    return table


def parse_entry(word: str, value: Any, origin: str = "lexicon") -> Pronunciation:
    """One entry: a respelling string, or a table with ``say`` and phoneme forms."""
    if not isinstance(word, str) or not word.strip() or re.search(r"[\s]{2,}|^\W|\W$", word):
        raise ConfigError(f'{origin}: {word!r} is not a word or name; use e.g. "Zelenskyy"')
    if isinstance(value, str) and value.strip():
        return Pronunciation(say=value.strip())
    if isinstance(value, dict):
        unknown = set(value) - {"say", *_PHONEME_KEYS}
        if unknown:
            key = sorted(unknown)[0]
            raise ConfigError(f"{origin}: {word} has unknown key {key!r}; use say or espeak")
        say = value.get("say")
        espeak = value.get("espeak")
        if not isinstance(say, str) or not say.strip():
            raise ConfigError(f'{origin}: {word} needs say = "respelling"')
        if espeak is not None:
            if not isinstance(espeak, str) or not espeak.strip():
                raise ConfigError(f'{origin}: {word}.espeak must be a string like "[[S@v\'O:n]]"')
            espeak = espeak.strip()
            if not espeak.startswith("[["):
                espeak = f"[[{espeak}]]"
        return Pronunciation(say=say.strip(), espeak=espeak)
    raise ConfigError(f"{origin}: {word} must be a respelling string or {{ say = ..., espeak = ... }}")


def load_lexicon(entries: Mapping[str, Any], extra_files: Sequence[Path] = ()) -> Lexicon:
    """Build a lexicon from the files (in order, later wins) then ``entries``
    (radio.toml's [lexicon], which wins over every file)."""
    merged: dict[str, Pronunciation] = {}
    for path in extra_files:
        for word, value in read_lexicon_file(Path(path)).items():
            merged[word.strip()] = parse_entry(word, value, str(path))
    for word, value in entries.items():
        merged[word.strip()] = parse_entry(word, value, "radio.toml [lexicon]")
    return Lexicon(merged)


def load_user_lexicon(entries: Mapping[str, Any]) -> Lexicon:
    """The user's lexicon file (if it exists) overridden by ``entries``."""
    path = user_lexicon_path()
    return load_lexicon(entries, [path] if path.is_file() else [])
