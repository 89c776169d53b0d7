"""Quick listen: voice a word or phrase, as it would be said in an episode,
to a file or the speaker."""

from __future__ import annotations

import contextlib
import errno
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from radio.config import Settings
from radio.errors import AudioError, DependencyError, InputError
from radio.sound.engines import Engine
from radio.tools import child_options, require
from radio.words.speech import load_user_lexicon, to_spoken
from radio.workdir import work_folder

if TYPE_CHECKING:
    from pydub import AudioSegment

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
    from radio.sound.voice import voice_piece

    with work_folder(Path(tempfile.gettempdir())) as tmp:  # a killed run's is removed by the next
        try:
            clip = voice_piece(engine, spoken, voice, tmp / "say.audio", settings.sample_rate_hz, settings.channels)
        except OSError as exc:  # a full temporary folder, most likely
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise AudioError(f"no space left in {tmp.parent}; free some space and run again") from None
            raise AudioError(f"cannot voice in {tmp}: {exc.strerror or exc}") from None
        if out is None:
            wav = tmp / "say.wav"
            clip.export(str(wav), format="wav")
            _play(str(player), wav)
            return spoken
        _write(clip, out)
    return spoken


# what ffplay (through SDL and ALSA) says when there is no sound device; it still exits 0
_NO_DEVICE = ("audio open failed", "no available audio device", "failed to open file", "cannot find card")


def _play(player: str, wav: Path) -> None:
    """Play ``wav`` through the speaker; an AudioError when nothing could be heard."""
    proc = subprocess.run(
        [player, "-nodisp", "-autoexit", "-loglevel", "error", str(wav)],
        check=False,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        **child_options(),
    )
    said = proc.stderr.lower()
    if proc.returncode != 0 or any(sign in said for sign in _NO_DEVICE):
        raise AudioError("cannot play through the speaker (no sound device found); give --out FILE.mp3 instead")


def _write(clip: AudioSegment, out: Path) -> None:
    """Export under a hidden partial name, then rename: never a half-written ``out``."""
    partial = out.with_name(f".{out.name}.partial")
    blocking = next((p for p in (out.parent, *out.parent.parents) if p.exists()), None)
    if blocking is not None and not blocking.is_dir():
        raise InputError(f"cannot write {out}: {blocking} is a file, not a folder; choose another --out")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        clip.export(str(partial), format=FORMATS[out.suffix.lower()]).close()
        partial.replace(out)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        if not isinstance(exc, OSError):
            raise
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise AudioError(f"no space left in {out.parent}; free some space and run again") from None
        raise InputError(f"cannot write {out}: {exc.strerror or exc}; choose another --out") from None
