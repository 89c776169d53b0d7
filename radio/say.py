"""Quick listen: voice a word or phrase, as it would be said in an episode,
to a file or the speaker."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from radio.config import Settings
from radio.errors import DependencyError, InputError
from radio.sound.engines import Engine
from radio.tools import require
from radio.words.speech import load_user_lexicon, to_spoken

FORMATS = {".mp3": "mp3", ".wav": "wav", ".ogg": "ogg", ".flac": "flac"}


def say(text: str, settings: Settings, engine: Engine, voice: str | None, out: Path | None) -> str:
    """Voice ``text`` (through the lexicon and normaliser); return what was said."""
    if not text.strip():
        raise InputError("nothing to say; give a word or phrase")
    spoken = to_spoken(text, load_user_lexicon(settings.lexicon), engine.name)
    voice = voice or settings.anchor_voice or engine.anchor_voice
    engine.check_voice(voice)
    require("ffmpeg")
    if out is not None and out.suffix.lower() not in FORMATS:
        raise InputError(f"cannot write {out.suffix or 'a file without extension'}; use .mp3, .wav, .ogg or .flac")
    player = None if out is not None else shutil.which("ffplay")
    if out is None and player is None:
        raise DependencyError("no ffplay to play through the speaker; give --out FILE.mp3 instead")
    from radio.sound.voice import decode_clip

    with tempfile.TemporaryDirectory() as tmp:
        raw = engine.voice_file(spoken, voice, Path(tmp) / "say.audio")
        clip = decode_clip(raw, settings.sample_rate_hz, settings.channels)
        if out is None:
            wav = Path(tmp) / "say.wav"
            clip.export(str(wav), format="wav")
            subprocess.run([str(player), "-nodisp", "-autoexit", "-loglevel", "error", str(wav)], check=False)
            return spoken
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_name(f".{out.name}.partial")
        clip.export(str(partial), format=FORMATS[out.suffix.lower()])
        partial.replace(out)
    return spoken
