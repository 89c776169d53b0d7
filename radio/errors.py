"""The one family of user-facing errors.

The library raises these; only the command layer turns them into a one-line
message and exit status 1. Every message says what to do next.
"""

from __future__ import annotations


class RadioError(Exception):
    """Base class for every error a user can cause or fix."""


class InputError(RadioError):
    """The article could not be read or has nothing to say."""


class ScriptError(RadioError):
    """An edited script is malformed."""


class ConfigError(RadioError):
    """radio.toml or a command-line option is invalid."""


class EngineError(RadioError):
    """A text-to-speech engine is unknown, missing, or failed."""


class DependencyError(RadioError):
    """A required program (ffmpeg, espeak-ng) is missing."""


class AudioError(RadioError):
    """Audio could not be decoded, mixed or encoded."""
