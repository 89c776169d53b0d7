"""Casting: one distinct voice per person, gender in the right order, and a
cast file that lasts between episodes and survives concurrent runs."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from radio.config import Settings, load_settings
from radio.errors import ConfigError
from radio.models import Part
from radio.sound.cast import cast_voices, caster, read_cast_file, write_cast_file
from radio.sound.engines import Voice, get_engine
from radio.sound.engines.pyttsx3_engine import Pyttsx3Engine

ROOT = Path(__file__).resolve().parent.parent


def _quote(speaker: str, gender: str | None = None, paragraph: int = 0) -> Part:
    return Part("quote", "We are ready.", paragraph, speaker, None, gender)  # type: ignore[arg-type]


@pytest.fixture
def fake() -> object:
    return get_engine("fake")


def test_gender_from_the_article_picks_a_matching_voice(fake) -> None:  # type: ignore[no-untyped-def]
    cast = cast_voices([_quote("Daniel Price", "male"), _quote("Helen Ward", "female")], fake, "fake-anchor")
    genders = {v.id: v.gender for v in fake.cast_voices}
    assert genders[cast["Daniel Price"]] == "male"
    assert genders[cast["Helen Ward"]] == "female"


def test_unknown_gender_gets_a_voice_that_suits_either(fake) -> None:  # type: ignore[no-untyped-def]
    pool = [Voice("fake-f1", "female"), Voice("fake-m1", "male"), Voice("fake-either", None)]
    cast = cast_voices([_quote("Sam Lee")], fake, "fake-anchor", pool)
    assert cast["Sam Lee"] == "fake-either"


def test_producer_gender_beats_the_article_and_a_pin_beats_everything(fake) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(engine="fake", cast={"Helen Ward": "female", "Daniel Price": "fake-m3"})
    anchor, cast = caster(fake, settings)([_quote("Helen Ward", "male"), _quote("Daniel Price", "female")])
    assert anchor == "fake-anchor"
    assert cast["Helen Ward"].startswith("fake-f")
    assert cast["Daniel Price"] == "fake-m3"


def test_never_the_anchor_and_one_voice_per_person(fake) -> None:  # type: ignore[no-untyped-def]
    people = [_quote(f"Person {n}", "male") for n in range(3)]
    cast = cast_voices(people, fake, "fake-m1")
    assert "fake-m1" not in cast.values()
    assert len(set(cast.values())) == 3


def test_the_quote_pool_is_a_setting(fake) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(engine="fake", quote_voices=("fake-f3", "fake-m2"))
    _, cast = caster(fake, settings)([_quote("Ann", "female"), _quote("Bob", "male")])
    assert cast == {"Ann": "fake-f3", "Bob": "fake-m2"}


def test_the_same_person_gets_the_same_voice_in_the_next_episode(fake, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(engine="fake", cast_file=str(tmp_path / "cast.toml"))
    _, first = caster(fake, settings)([_quote("Daniel Price", "male")])
    # Next episode: two newcomers quoted before him; he keeps his voice and they do not take it.
    _, second = caster(fake, settings)(
        [_quote("Marcus Hale", "male"), _quote("Tomas Berg", "male"), _quote("Daniel Price", "male")]
    )
    assert second["Daniel Price"] == first["Daniel Price"]
    assert len(set(second.values())) == 3
    book = read_cast_file(tmp_path / "cast.toml")
    assert book["fake"] == second


def test_a_producers_edit_to_the_cast_file_is_kept(fake, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "cast.toml"
    write_cast_file(path, {"fake": {"Gwen Alder": "fake-f3"}, "pyttsx3": {"Gwen Alder": "gmw/en-us+f1"}})
    settings = Settings(engine="fake", cast_file=str(path))
    _, cast = caster(fake, settings)([_quote("Gwen Alder", "female")])
    assert cast == {"Gwen Alder": "fake-f3"}
    assert read_cast_file(path)["pyttsx3"] == {"Gwen Alder": "gmw/en-us+f1"}  # other engines untouched
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# The voice each quoted person got")
    assert '"Gwen Alder" = "fake-f3"' in text


def test_a_broken_cast_file_is_one_clear_error(fake, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "cast.toml"
    path.write_text("[fake\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"cannot read the cast file .*fix it or delete it"):
        caster(fake, Settings(engine="fake", cast_file=str(path)))([_quote("A B")])


def test_the_cast_file_defaults_beside_radio_toml(tmp_path: Path) -> None:
    config = tmp_path / "show" / "radio.toml"
    config.parent.mkdir()
    config.write_text(
        '[voice]\nquote_voices = ["gmw/en-us+f1"]\nvoices_dir = "voices"\n'
        '[cast]\n"Daniel Price" = "male"\n[cast.piper]\n"Daniel Price" = "en_US-joe-medium@-3"\n',
        encoding="utf-8",
    )
    settings = load_settings(config)
    assert settings.cast_file == str(config.parent.resolve() / "cast.toml")
    assert settings.voices_dir == str(config.parent.resolve() / "voices")
    assert settings.quote_voices == ("gmw/en-us+f1",)
    assert settings.cast == {"Daniel Price": "male", "piper": {"Daniel Price": "en_US-joe-medium@-3"}}


def test_bad_cast_settings_are_refused(tmp_path: Path) -> None:
    config = tmp_path / "radio.toml"
    config.write_text('[voice]\nquote_voices = "gmw/en-us+f1"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="quote_voices must be a list"):
        load_settings(config)
    config.write_text('[cast]\n"Daniel Price" = 3\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="cast entry 'Daniel Price'"):
        load_settings(config)


def test_the_espeak_pool_is_measured_apart_from_the_anchor() -> None:
    ids = [v.id for v in Pyttsx3Engine.cast_voices]
    assert "gmw/en+f4" not in ids  # echo
    assert "gmw/en-gb-scotland+m7" not in ids  # worst word error
    assert "gmw/en-us+m3" not in ids  # the anchor's voice in all but name
    assert {v.gender for v in Pyttsx3Engine.cast_voices} >= {"female", "male"}


WORKER = textwrap.dedent(
    """
    import sys
    from radio.config import Settings
    from radio.models import Part
    from radio.sound.cast import caster
    from radio.sound.engines import get_engine

    path, tag = sys.argv[1], sys.argv[2]
    cast = caster(get_engine("fake"), Settings(engine="fake", cast_file=path))
    for n in range(25):
        cast([Part("quote", "Yes.", 0, f"{tag} Person {n}", None, "female" if n % 2 else "male")])
    """
)


def test_two_concurrent_runs_keep_the_cast_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "cast.toml"
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER, str(path), tag], cwd=ROOT, stderr=subprocess.PIPE)
        for tag in ("Alpha", "Beta", "Gamma")
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err.decode()
    book = read_cast_file(path)  # parses: never a half-written file
    names = set(book["fake"])
    assert names == {f"{tag} Person {n}" for tag in ("Alpha", "Beta", "Gamma") for n in range(25)}  # no lost update
    assert not list(tmp_path.glob(".cast.toml.*.tmp"))


def test_radio_script_records_the_cast_beside_radio_toml(tmp_path: Path, short_article: Path) -> None:
    show = tmp_path / "show"
    show.mkdir()
    (show / "radio.toml").write_text('[voice]\nengine = "fake"\n', encoding="utf-8")

    def quote_voices() -> dict[str, str]:
        proc = subprocess.run(
            [sys.executable, "-m", "radio", "script", "--json", str(short_article)],
            cwd=show,
            capture_output=True,
            text=True,
            check=True,
        )
        script = json.loads(proc.stdout)
        return {s["speaker"]: s["voice"] for s in script["segments"] if s["kind"] == "quote"}

    first = quote_voices()
    assert first and read_cast_file(show / "cast.toml") == {"fake": first}
    write_cast_file(show / "cast.toml", {"fake": {"Ingrid Vale": "fake-f3"}})  # the producer recasts her
    assert quote_voices() == {"Ingrid Vale": "fake-f3"}


def test_a_quote_pool_set_for_another_engine_falls_back_to_this_engines_own(fake) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(engine="fake", quote_voices=("gmw/en-us+f1", "gmw/en-us+m8"))
    _, cast = caster(fake, settings)([_quote("Ann", "female")])
    assert cast == {"Ann": "fake-f1"}
