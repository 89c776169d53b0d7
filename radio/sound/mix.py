"""Mix: lay the voiced segments on a timeline with pauses, the intro sting
with its bed ducked under the anchor's opening, and the outro bed rising
after the sign-off.

The music sits at the speech's level: the voices are levelled to the anchor
(``radio.sound.level``), so the anchor's intro clip gives the speech's
loudness, and the music heard alone (the sting, the outro's tail) gets the
gain that brings it there; under the voice it is ducked to
``bed_below_speech_db`` below the speech, with ramps either side of the words.
"""

from __future__ import annotations

import audioop  # as pydub uses it (the audioop-lts package on Python >= 3.13)
import math
import re
import subprocess
from array import array
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pydub import AudioSegment

from radio import asset
from radio.config import Settings
from radio.errors import AudioError, ConfigError
from radio.models import Placement, Script, SilenceProfile
from radio.sound.level import MIN_MEASURED_MS, PEAK_CEILING_DBFS
from radio.sound.loudness import ENCODER_LOSS_LU, OVERSHOOT_LU, limiter_filter
from radio.tools import require, run

RAMP_MS = 400  # duck / unduck ramp
INTRO_VOICE_AT_MS = 3000  # the anchor comes in over the sting
INTRO_TAIL_MS = 700  # bed fades out under the end of the intro line
OUTRO_LEAD_MS = 1200  # outro bed rises before the sign-off
OUTRO_TAIL_MS = 3500  # bed plays out after the sign-off
OUTRO_FADE_MS = 1500  # the last of it fades out
BED_CROSSFADE_MS = 300  # from a show's own sting into its bed
STING_MS = 2500  # between a bulletin's stories: the start of the intro music, faded out
STING_MAX_MS = 6000  # a show's own stinger is cut (and faded) here
STING_FADE_MS = 800
STING_GAP_MS = 300  # after the sting, before the next story's headline


@dataclass(frozen=True)
class Programme:
    """The mixed programme, written once to a raw 16-bit PCM file (s16le at the settings'
    rate and channels: no header, so no 4 GB limit), before loudness and encoding.

    Nothing of it stays in memory: the levels the report needs (silences, each
    segment's level, the overall RMS) are measured while it is written.
    """

    pcm_path: Path
    frames: int
    sample_rate_hz: int
    placements: tuple[Placement, ...]
    parts_frames: int  # what the parts add up to: pauses, clips, intro and outro music
    rms_dbfs: float  # plain RMS level of the whole programme
    silences: SilenceProfile

    @property
    def duration_ms(self) -> int:
        return round(self.frames * 1000 / self.sample_rate_hz)

    @property
    def expected_ms(self) -> int:
        return round(self.parts_frames * 1000 / self.sample_rate_hz)


def music_files(settings: Settings) -> dict[str, Path]:
    """The music files the show uses, by role (intro, outro, and bed and stinger where set);
    none when the music is off. The shipped assets stand in for an intro or outro not set."""
    if not settings.music_enabled:
        return {}
    files = {"intro": asset("intro.ogg"), "outro": asset("outro.ogg")}
    for role in ("intro", "outro", "bed", "stinger"):
        chosen = getattr(settings, f"music_{role}")
        if chosen:
            files[role] = Path(chosen)
    return files


def check_music(settings: Settings) -> None:
    """Fail in one line, before any voicing, on a music file that is missing or holds no audio."""
    shipped = asset("intro.ogg").parent
    for role, path in music_files(settings).items():
        if path.parent == shipped:  # our own assets: known to decode, no probe (a process start) needed
            continue
        where = f"[music] {role} = {str(path)!r} in radio.toml"
        if not path.is_file():
            raise ConfigError(f"music file not found: {path}; fix {where} or set [music] enabled = false")
        probe = [require("ffprobe"), "-v", "error", "-select_streams", "a:0", "-show_entries", "stream=codec_type"]
        try:
            proc = subprocess.run([*probe, "-of", "csv=p=0", str(path)], capture_output=True, timeout=60, check=False)
        except subprocess.TimeoutExpired:
            raise ConfigError(f"music file {path}: ffprobe took over 60 s to read it; check {where}") from None
        if proc.returncode != 0 or b"audio" not in proc.stdout:
            raise ConfigError(
                f"music file {path} cannot be decoded as audio; use a WAV, MP3, FLAC or OGG file in {where}"
            )


def load_bed(source: str | Path, sample_rate_hz: int, channels: int) -> AudioSegment:
    """Decode a music file (a shipped asset by name, or a path) straight to raw PCM at the
    programme's rate and channels (one ffmpeg run, no probe)."""
    path = asset(source) if isinstance(source, str) else source
    decode = ["ffmpeg", "-v", "error", "-i", str(path), "-f", "s16le", "-ac", str(channels)]
    proc = run(
        [*decode, "-ar", str(sample_rate_hz), "-"],
        f"decoding the music file {path.name}",
        binary=True,
    )
    if not proc.stdout:
        raise ConfigError(f"music file {path} holds no audio; use another file or set [music] enabled = false")
    return AudioSegment(data=proc.stdout, sample_width=2, frame_rate=sample_rate_hz, channels=channels)


def new_story(script: Script, index: int) -> bool:
    """True where segment ``index`` opens a bulletin's story after another story."""
    if index == 0:
        return False
    previous, current = script.segments[index - 1], script.segments[index]
    return previous.story >= 0 and current.story >= 0 and previous.story != current.story


def stings(settings: Settings) -> bool:
    """Whether a sting (else a pause) goes between a bulletin's stories."""
    return settings.music_enabled and settings.story_transition == "sting"


def pause_before(script: Script, index: int, settings: Settings) -> int:
    """Silence before segment ``index``: longer between paragraphs than within one, and
    between a bulletin's stories ``pause_between_stories_ms`` where no sting plays."""
    if index == 0:
        return settings.lead_in_ms
    if new_story(script, index) and not stings(settings):
        return settings.pause_between_stories_ms
    previous, current = script.segments[index - 1], script.segments[index]
    if current.paragraph == previous.paragraph >= 0:
        return settings.pause_within_paragraph_ms
    return settings.pause_between_paragraphs_ms


def _duck(bed: AudioSegment, start_ms: int, end_ms: int, duck_db: float) -> AudioSegment:
    """Lower ``bed`` by ``duck_db`` between start and end, with ramps either side."""
    start_ms = max(0, start_ms)
    down_at = max(0, start_ms - RAMP_MS)
    up_end = min(len(bed), end_ms + RAMP_MS)
    head = bed[:down_at]
    down = bed[down_at:start_ms].fade(from_gain=0, to_gain=duck_db, start=0, duration=max(1, start_ms - down_at))
    under = bed[start_ms:end_ms] + duck_db
    up = bed[end_ms:up_end].fade(from_gain=duck_db, to_gain=0, start=0, duration=max(1, up_end - end_ms))
    return head + down + under + up + bed[up_end:]


@dataclass(frozen=True)
class Beds:
    """The decoded music a script needs (None where it has no intro or outro, or the music is off)."""

    intro: AudioSegment | None  # the sting; it goes on under the intro's words unless there is a bed
    outro: AudioSegment | None
    bed: AudioSegment | None = None  # under the intro's words, after the sting
    sting: AudioSegment | None = None  # between a bulletin's stories


def load_beds(script: Script, settings: Settings) -> Beds:
    """Decode the music the script needs, side by side (two ffmpeg runs at a time)."""
    rate, channels = settings.sample_rate_hz, settings.channels
    files = music_files(settings)
    needed = {
        "intro": bool(files) and script.segments[0].kind == "intro",
        "outro": bool(files) and script.segments[-1].kind == "outro" and len(script.segments) > 1,
    }
    needed["bed"] = needed["intro"] and "bed" in files
    sting_needed = bool(files) and stings(settings) and any(new_story(script, i) for i in range(len(script.segments)))
    if sting_needed:
        files.setdefault("stinger", files["intro"])
        needed["stinger"] = True
    with ThreadPoolExecutor(max_workers=2) as pool:
        jobs = {role: pool.submit(load_bed, files[role], rate, channels) for role, want in needed.items() if want}
        found = {role: job.result() for role, job in jobs.items()}
    sting = found.get("stinger")
    if sting is not None:  # the show's own stinger up to STING_MAX_MS; else the intro music's first seconds
        sting = sting[: STING_MAX_MS if "stinger" in music_files(settings) else STING_MS].fade_out(STING_FADE_MS)
    return Beds(found.get("intro"), found.get("outro"), found.get("bed"), sting)


@dataclass(frozen=True)
class MusicLevel:
    """Where the music sits: alone at the speech's loudness, under the voice this far below it.

    The programme's loudness stage lifts everything by one gain and limits the peaks; speech
    (peaky) loses more to the limiter than music (dense), so the music is set against the
    speech as it will come out: ``limiter_loss_db`` is what the limiter takes from the speech
    at ``push_db``, measured on the anchor's clip through the same limiter."""

    speech_lufs: float | None  # the anchor's loudness (the voices are levelled to it); None: unknown
    bed_below_speech_db: float
    push_db: float = 0.0  # about the gain the loudness stage will give the programme
    ceiling_db: float = 0.0  # the limiter's ceiling there (dBFS)
    limiter_loss_db: float = 0.0


def music_level(clip: AudioSegment, settings: Settings) -> MusicLevel:
    """The speech's loudness, from the anchor's clip, and what the loudness stage's limiter will
    take from it (one ffmpeg run: the clip as it is, and through the limiter)."""
    below = settings.bed_below_speech_db
    if not math.isfinite(clip.dBFS):
        return MusicLevel(None, below)
    ceiling = settings.max_true_peak_dbtp - 1.5  # as loudness.encode_mp3 limits
    # its first push, from the programme's plain RMS level (about the speech's) to past the goal
    push = settings.target_lufs + ENCODER_LOSS_LU - clip.dBFS + OVERSHOOT_LU
    speech, limited = loudness_of([(clip, ""), (clip, _limiter(push, ceiling))])
    if speech is None:  # too short for the meter's gating: its RMS level stands in
        return MusicLevel(float(clip.dBFS), below)
    loss = speech + push - limited if limited is not None else 0.0
    return MusicLevel(speech, below, push, ceiling, max(0.0, loss))


def _limiter(push_db: float, ceiling_db: float) -> str:
    limit = max(0.0625, min(1.0, 10 ** (ceiling_db / 20)))
    return f"volume={push_db:.3f}dB,{limiter_filter(limit)},"


def music_gains(alone: AudioSegment, under: AudioSegment, peak_dbfs: float, level: MusicLevel) -> tuple[float, float]:
    """The gain that brings music heard ``alone`` to the speech's loudness (as both will come out
    of the loudness stage's limiter), and the duck (dB, <= 0) that puts the music heard ``under``
    the voice ``bed_below_speech_db`` below the speech. Measured with the same meter as the voices
    (BS.1770 through ffmpeg's ebur128, one run); the gain never lifts the music's peak past the headroom."""
    default_duck = -level.bed_below_speech_db
    if level.speech_lufs is None:
        return 0.0, default_duck
    goal = level.speech_lufs - level.limiter_loss_db  # the speech's level, less what the limiter takes
    guess = goal - alone.dBFS if math.isfinite(alone.dBFS) else 0.0  # the music's gain, from its RMS level
    alone_lufs, under_lufs, limited = loudness_of(
        [(alone, ""), (under, ""), (alone, _limiter(guess + level.push_db, level.ceiling_db))]
    )
    gain = 0.0 if alone_lufs is None else goal - alone_lufs
    if alone_lufs is not None and limited is not None and level.limiter_loss_db > 0:
        gain += max(0.0, alone_lufs + guess + level.push_db - limited)  # what the limiter takes from the music
    gain = min(gain, PEAK_CEILING_DBFS - 0.5 - peak_dbfs)
    if under_lufs is None:
        return gain, default_duck
    duck = level.speech_lufs - level.bed_below_speech_db - (under_lufs + gain)
    return gain, max(-60.0, min(0.0, duck))


_SUMMARY = re.compile(r"\[Parsed_ebur128_(\d+) @ [^\]]*\] Summary:\s*Integrated loudness:\s*I:\s+(-?[\d.]+|-inf) LUFS")


def loudness_of(parts: Sequence[tuple[AudioSegment, str]]) -> list[float | None]:
    """The integrated loudness (LUFS) of each clip, through its ffmpeg filters (ending with a
    comma) first, in one ffmpeg run; None for one too short for the meter or silent."""
    if not parts:
        return []
    first = parts[0][0]
    rate, channels = first.frame_rate, first.channels
    data = bytearray()
    graph = [f"[0:a]asplit={len(parts)}" + "".join(f"[s{i}]" for i in range(len(parts)))]
    outputs: list[str] = []
    for i, (clip, filters) in enumerate(parts):
        clip = clip.set_frame_rate(rate).set_channels(channels).set_sample_width(2)
        start = len(data) // (2 * channels)
        data += clip.raw_data
        end = len(data) // (2 * channels)
        trim = f"atrim=start_sample={start}:end_sample={end},asetpts=PTS-STARTPTS"
        graph.append(f"[s{i}]{trim},{filters}ebur128=framelog=verbose[o{i}]")
        outputs += ["-map", f"[o{i}]", "-f", "null", "-"]
    command = [require("ffmpeg"), "-hide_banner", "-nostats", "-f", "s16le", "-ar", str(rate), "-ac", str(channels)]
    command += ["-i", "pipe:0", "-filter_complex", ";".join(graph), *outputs]
    try:
        proc = subprocess.run(command, input=bytes(data), capture_output=True, timeout=300, check=False)
    except subprocess.TimeoutExpired:
        raise AudioError("measuring the music's loudness took longer than 300 s") from None
    log = proc.stderr.decode("utf-8", errors="replace")
    found = {int(n): value for n, value in _SUMMARY.findall(log)}  # the last summary of each meter
    if proc.returncode != 0 or len(found) != len(parts):
        raise AudioError(f"ffmpeg could not measure the music's loudness: {log.strip().splitlines()[-1:]}")
    levels = [float(found[n]) for n in sorted(found)]  # the meters, in the order of the parts
    return [
        None if len(clip) < MIN_MEASURED_MS or not math.isfinite(value) or value <= -70.0 else value
        for (clip, _), value in zip(parts, levels, strict=True)
    ]


def assemble(
    script: Script,
    clips: Iterable[AudioSegment],
    settings: Settings,
    beds: Beds | None = None,
    pcm_path: Path | None = None,
) -> Programme:
    """Write the mixed programme to ``pcm_path`` clip by clip, as the clips arrive; return
    where each segment sits on it. Only one clip and its music are in memory at a time."""
    if pcm_path is None:
        raise ValueError("assemble needs the file to write the programme to")
    rate, channels = settings.sample_rate_hz, settings.channels
    beds = beds or load_beds(script, settings)
    level: MusicLevel | None = None
    sting: AudioSegment | None = None  # the stinger at the speech's level, once the level is known
    last = len(script.segments) - 1
    placements: list[Placement] = []
    segment_dbfs: list[float] = []
    parts = 0
    with pcm_path.open("wb") as out:
        meter = _WindowMeter(rate, channels)
        for index, clip in enumerate(clips):
            pause_frames = frames_of(pause_before(script, index, settings), rate)
            intro = index == 0 and beds.intro is not None
            outro = index == last and index > 0 and beds.outro is not None
            if (intro or outro) and level is None:  # the intro (else the outro) is the anchor's
                level = music_level(clip, settings)
            if intro and beds.intro is not None and level is not None:
                block, voice_at = _intro_block(clip, beds.intro, level, beds.bed)
                music_ms = INTRO_VOICE_AT_MS, INTRO_TAIL_MS
            elif outro and beds.outro is not None and level is not None:
                block, voice_at = _outro_block(clip, beds.outro, level)
                music_ms = OUTRO_LEAD_MS, OUTRO_TAIL_MS
            elif beds.sting is not None and new_story(script, index):
                sting_ms = len(beds.sting) + STING_GAP_MS
                if sting is None:  # at the speech's level, then a breath of silence: exactly sting_ms
                    level = level or music_level(clip, settings)
                    gain, _ = music_gains(beds.sting, beds.sting, beds.sting.max_dBFS, level)
                    sting = _fit(beds.sting.apply_gain(gain), frames_of(sting_ms, rate))
                block, voice_at = sting + clip, sting_ms
                music_ms = sting_ms, 0
            else:
                block, voice_at, music_ms = clip, 0, (0, 0)
            # the parts, counted apart from the audio written: what the programme's length must be
            parts += pause_frames + int(clip.frame_count()) + sum(frames_of(ms, rate) for ms in music_ms)
            start_frame = meter.frames + pause_frames + frames_of(voice_at, rate)
            start_ms = round(start_frame * 1000 / rate)
            placements.append(Placement(index, start_ms, start_ms + len(clip)))
            segment_dbfs.append(block[voice_at : voice_at + len(clip)].dBFS)
            silence = b"\0" * (pause_frames * 2 * channels)
            for data in (silence, block.raw_data):
                out.write(data)
                meter.add(data)
        meter.finish()
    if len(placements) != len(script.segments):
        raise ValueError(f"{len(placements)} clips for {len(script.segments)} segments")
    return Programme(
        pcm_path=pcm_path,
        frames=meter.frames,
        sample_rate_hz=rate,
        placements=tuple(placements),
        parts_frames=parts,
        rms_dbfs=meter.rms_dbfs,
        silences=meter.silences(segment_dbfs),
    )


def frames_of(ms: int, rate: int) -> int:
    """Frames in ``ms`` milliseconds, as pydub counts them."""
    return int(ms * rate / 1000)


def _fit(block: AudioSegment, frames: int) -> AudioSegment:
    """``block`` cut or padded with silence to exactly ``frames`` frames (ms slicing may
    be a frame or two off; the programme's length must be the sum of its parts)."""
    data = block.raw_data[: frames * block.frame_width]
    return block._spawn(data + b"\0" * (frames * block.frame_width - len(data)))


def _intro_block(
    voice: AudioSegment, sting: AudioSegment, level: MusicLevel, bed: AudioSegment | None = None
) -> tuple[AudioSegment, int]:
    """The sting alone for ``INTRO_VOICE_AT_MS`` at the speech's loudness, then (the bed, or the
    sting going on) ducked under the intro's words, fading out as they end."""
    length = INTRO_VOICE_AT_MS + len(voice) + INTRO_TAIL_MS
    if bed is None:
        music = _looped(sting, length)
    else:
        music = _looped(sting, INTRO_VOICE_AT_MS + BED_CROSSFADE_MS).append(
            _looped(bed, length - INTRO_VOICE_AT_MS), crossfade=BED_CROSSFADE_MS
        )
    alone, under = music[:INTRO_VOICE_AT_MS], music[INTRO_VOICE_AT_MS:length]
    gain, duck_db = music_gains(alone, under, music.max_dBFS, level)
    music = _duck(music.apply_gain(gain), INTRO_VOICE_AT_MS, length, duck_db)
    music = music.fade_out(min(1500, len(voice)))
    rate = voice.frame_rate
    frames = frames_of(INTRO_VOICE_AT_MS, rate) + int(voice.frame_count()) + frames_of(INTRO_TAIL_MS, rate)
    return _fit(music.overlay(voice, position=INTRO_VOICE_AT_MS), frames), INTRO_VOICE_AT_MS


def _outro_block(voice: AudioSegment, outro: AudioSegment, level: MusicLevel) -> tuple[AudioSegment, int]:
    """The outro music rising under the sign-off (ducked below the voice), then playing out
    at the speech's loudness for ``OUTRO_TAIL_MS`` and fading."""
    length = OUTRO_LEAD_MS + len(voice) + OUTRO_TAIL_MS
    music = _looped(outro, length)
    voice_end = OUTRO_LEAD_MS + len(voice)
    alone = music[voice_end:].fade_out(OUTRO_FADE_MS)  # the tail as it will be heard
    gain, duck_db = music_gains(alone, music[OUTRO_LEAD_MS:voice_end], music.max_dBFS, level)
    music = _duck(music.apply_gain(gain), 0, voice_end, duck_db).fade_in(OUTRO_LEAD_MS).fade_out(OUTRO_FADE_MS)
    rate = voice.frame_rate
    frames = frames_of(OUTRO_LEAD_MS, rate) + int(voice.frame_count()) + frames_of(OUTRO_TAIL_MS, rate)
    return _fit(music.overlay(voice, position=OUTRO_LEAD_MS), frames), OUTRO_LEAD_MS


def _looped(bed: AudioSegment, length_ms: int) -> AudioSegment:
    """Repeat ``bed`` until it lasts ``length_ms``, then cut it there."""
    looped = bed
    while len(looped) < length_ms:
        looped += bed
    return looped[:length_ms]


SILENCE_WINDOW_MS = 50
SILENCE_BELOW_DB = 35.0  # a window this far below the programme's average level counts as silence


def _dbfs(rms: float) -> float:
    return 20 * math.log10(rms / 32768) if rms > 0 else -math.inf


class _WindowMeter:
    """The RMS of each 50 ms window of the programme (window k spans the frames pydub's
    ``audio[50k : 50k + 50]`` would), measured as the programme is written."""

    def __init__(self, rate: int, channels: int) -> None:
        self.rate, self.frame_bytes = rate, 2 * channels
        self.frames = 0
        self.window_rms = array("l")  # 20 a second: 1.1 MB for a two-hour programme
        self._pending = bytearray()
        self._sum_squares = 0.0

    def _window_end(self, k: int) -> int:
        return frames_of((k + 1) * SILENCE_WINDOW_MS, self.rate)

    def add(self, data: bytes) -> None:
        view, at = memoryview(data), 0
        self.frames += len(data) // self.frame_bytes
        while at < len(view):
            start_frame = frames_of(len(self.window_rms) * SILENCE_WINDOW_MS, self.rate)
            need = (self._window_end(len(self.window_rms)) - start_frame) * self.frame_bytes - len(self._pending)
            take = view[at : at + need]
            self._pending += take
            at += len(take)
            if len(take) == need:
                self._close_window()

    def _close_window(self) -> None:
        rms = audioop.rms(bytes(self._pending), 2) if self._pending else 0
        self._sum_squares += float(rms) ** 2 * (len(self._pending) // 2)
        self.window_rms.append(rms)
        self._pending.clear()

    def finish(self) -> None:
        if self._pending:
            self._close_window()

    @property
    def rms_dbfs(self) -> float:
        samples = self.frames * self.frame_bytes // 2
        return _dbfs(math.sqrt(self._sum_squares / samples)) if samples else -math.inf

    def silences(self, segment_dbfs: list[float]) -> SilenceProfile:
        threshold = self.rms_dbfs - SILENCE_BELOW_DB
        quiet = [_dbfs(rms) < threshold for rms in self.window_rms]
        runs: list[tuple[int, int]] = []  # (start window, length) of each silent run
        for i, silent in enumerate(quiet):
            if silent:
                if runs and runs[-1][0] + runs[-1][1] == i:
                    runs[-1] = (runs[-1][0], runs[-1][1] + 1)
                else:
                    runs.append((i, 1))
        leading = runs[0][1] if runs and runs[0][0] == 0 else 0
        trailing = runs[-1][1] if runs and sum(runs[-1]) == len(quiet) else 0
        inside = [n for start, n in runs if start != 0 and start + n != len(quiet)]
        return SilenceProfile(
            leading_ms=leading * SILENCE_WINDOW_MS,
            trailing_ms=trailing * SILENCE_WINDOW_MS,
            longest_inside_ms=max(inside, default=0) * SILENCE_WINDOW_MS,
            quietest_segment_dbfs=min(segment_dbfs, default=0.0),
        )


def expected_duration_ms(script: Script, clip_ms: Sequence[int], settings: Settings) -> int:
    """The programme's length from its parts: pauses, clips, intro and outro music."""
    total = sum(pause_before(script, i, settings) for i in range(len(clip_ms))) + sum(clip_ms)
    if not settings.music_enabled:
        return total
    if script.segments[0].kind == "intro":
        total += INTRO_VOICE_AT_MS + INTRO_TAIL_MS
    if script.segments[-1].kind == "outro" and len(clip_ms) > 1:
        total += OUTRO_LEAD_MS + OUTRO_TAIL_MS
    if stings(settings):  # a show's own stinger may be longer (up to STING_MAX_MS)
        total += sum(STING_MS + STING_GAP_MS for i in range(len(clip_ms)) if new_story(script, i))
    return total
