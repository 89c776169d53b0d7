from pathlib import Path

import pytest
from pydub import AudioSegment
from pydub.generators import Sine

from radio.sound.loudness import EncodeSettings, encode_mp3, measure


@pytest.fixture
def quiet_wav(tmp_path: Path) -> Path:
    tone = Sine(440).to_audio_segment(duration=4000, volume=-30).set_frame_rate(44100).set_channels(1)
    bursts = tone[:300] + AudioSegment.silent(200, 44100) + (tone[:600] + 12)  # peaky, like speech
    audio = (bursts * 6).set_channels(1)
    path = tmp_path / "in.wav"
    audio.export(str(path), format="wav")
    return path


@pytest.mark.parametrize("target", [-16.0, -23.0])
def test_encode_hits_target_with_true_peak_headroom(quiet_wav: Path, tmp_path: Path, target: float) -> None:
    mp3 = tmp_path / "out.mp3"
    result = encode_mp3(quiet_wav, mp3, EncodeSettings(target, -1.0, 96, 44100, 1))
    again = measure(mp3)  # measured on the decoded MP3 file, independently of the encoder's own pass
    assert abs(again.integrated_lufs - result.integrated_lufs) <= 0.1
    assert abs(again.true_peak_dbtp - result.true_peak_dbtp) <= 0.1
    assert abs(again.integrated_lufs - target) <= 1.0
    assert again.true_peak_dbtp <= -1.0


def test_measure_reads_known_levels(tmp_path: Path) -> None:
    loud = Sine(1000).to_audio_segment(duration=3000, volume=-6).set_channels(1)
    path = tmp_path / "tone.wav"
    loud.export(str(path), format="wav")
    result = measure(path)
    # a -6 dBFS sine: sample peak -6 dBFS, BS.1770 loudness of a 1 kHz sine ≈ peak level -3.0 +0.7
    assert -6.5 <= result.true_peak_dbtp <= -5.5
    assert -10.0 <= result.integrated_lufs <= -8.0


def test_lame_start_delay_is_read_from_the_mp3(quiet_wav: Path, tmp_path: Path) -> None:
    """The side meter skips what a player skips; the LAME tag must agree, or the file is measured again."""
    import subprocess

    from radio.sound.loudness import LAME_START_SAMPLES, _start_samples

    mp3 = tmp_path / "out.mp3"
    encode_mp3(quiet_wav, mp3, EncodeSettings(-16.0, -1.0, 96, 44100, 1))
    assert _start_samples(mp3) == LAME_START_SAMPLES
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "stream=start_time", "-of", "csv=p=0", str(mp3)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert round(float(probe.stdout) * 44100) == LAME_START_SAMPLES  # what ffmpeg itself skips
    junk = tmp_path / "junk.mp3"
    junk.write_bytes(b"\xff\xfb" + b"\x00" * 400)
    assert _start_samples(junk) == -1
