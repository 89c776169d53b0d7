"""Casting: which voice speaks for whom.

The anchor has one voice for the whole show; every quoted person gets a voice
of their own from the engine's pool, never the anchor's, matching gender where
the article tells it. This sits beside the engines because it depends on
what an engine offers; the script writer receives it as a ``Caster``.
"""

from __future__ import annotations

from collections.abc import Sequence

from radio.errors import ScriptError
from radio.models import Part
from radio.sound.engines import Engine
from radio.words.script import Caster


def cast_voices(parts: Sequence[Part], engine: Engine, anchor_voice: str) -> dict[str, str]:
    """Give each speaker a voice: never the anchor's, one per person, matching
    gender where the article tells it and the engine has one."""
    pool = [v for v in engine.cast_voices if v.id != anchor_voice]
    if not pool:
        raise ScriptError(f"engine {engine.name} has no voice for quotes besides the anchor's")
    cast: dict[str, str] = {}
    used: set[str] = set()
    for part in parts:
        key = part.speaker or ""
        if part.kind != "quote" or key in cast:
            continue
        free = [v for v in pool if v.id not in used] or pool
        matching = [v for v in free if part.gender and v.gender == part.gender]
        choice = (matching or free)[0]  # the pool alternates female and male voices
        cast[key] = choice.id
        used.add(choice.id)
    return cast


def caster(engine: Engine, anchor_voice: str | None = None) -> Caster:
    """A ``Caster`` for the script writer: the anchor's voice (the show's
    setting, else the engine's) and a voice per quoted speaker."""
    anchor = anchor_voice or engine.anchor_voice

    def cast(parts: Sequence[Part]) -> tuple[str, dict[str, str]]:
        return anchor, cast_voices(parts, engine, anchor)

    return cast
