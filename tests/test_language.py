"""An article clearly in another language is refused, named; English is never refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from radio.errors import InputError
from radio.words.ingest import load_article
from radio.words.language import WORDS_READ, other_language, require_english

GERMAN = [
    "Die Stadt hat am Montag die neue Brücke über den Fluss eröffnet. Nach zwei Jahren Bauzeit "
    "können die Bewohner nun wieder zu Fuß und mit dem Rad auf die andere Seite gelangen.",
    "Der Bürgermeister sagte bei der Feier, dass die Arbeiten teurer als geplant gewesen seien, "
    "aber die Brücke werde mindestens hundert Jahre halten. Viele Familien waren gekommen, um "
    "das Ereignis mit Musik und einem kleinen Markt zu feiern.",
    "Im Herbst soll auch der Radweg entlang des Ufers fertig werden, wenn das Wetter es zulässt.",
]
FRENCH = [
    "La mairie a ouvert lundi le nouveau pont sur la rivière. Après deux ans de travaux, les "
    "habitants peuvent de nouveau traverser à pied ou à vélo vers l'autre rive de la ville.",
    "Le maire a dit pendant la fête que les travaux avaient coûté plus cher que prévu, mais que "
    "le pont allait durer au moins cent ans. Beaucoup de familles sont venues pour la musique et "
    "pour le petit marché qui avait lieu sur la place.",
]
SPANISH = [
    "El ayuntamiento abrió el lunes el nuevo puente sobre el río. Después de dos años de obras, los "
    "vecinos pueden volver a cruzar a pie o en bicicleta hacia la otra orilla de la ciudad.",
    "El alcalde dijo durante la fiesta que las obras habían costado más de lo previsto, pero que el "
    "puente va a durar por lo menos cien años. Muchas familias vinieron por la música y por el "
    "pequeño mercado que se hizo en la plaza.",
]
ENGLISH = [
    "The council opened the new bridge over the river on Monday. After two years of work, people "
    "can once again cross on foot or by bike to the other bank of the town.",
    "The mayor said at the opening that the work had cost more than planned, but that the bridge "
    "would last at least a hundred years. Many families came for the music and the small market "
    "that was held in the square, and a choir sang a song called 'Die Brücke' in German.",
]


def test_german_and_french_are_named() -> None:
    german = other_language(GERMAN)
    french = other_language(FRENCH)
    assert german is not None and german[0] == "German" and german[2] < 0.2
    assert french is not None and french[0] == "French"


def test_a_major_language_is_named_over_a_close_regional_one() -> None:
    """Spanish text also scores high on Asturian's list, which holds many Spanish words ("empresa",
    "economía", "fútbol"); with them Asturian's share is the higher, and the name is still Spanish."""
    spanish = other_language(SPANISH)
    assert spanish is not None and spanish[0] == "Spanish"
    business = (
        "La empresa presentó estudios sobre economía, cultura y fútbol, "
        "especialmente sobre la construcción en la costa."
    )
    found = other_language([*SPANISH, business])
    assert found is not None and found[0] == "Spanish"


def test_one_word_said_over_and_over_is_no_language() -> None:
    """'word' is an Afrikaans function word; a text of it repeated is not an Afrikaans article."""
    assert other_language(["word " * 200]) is None


def test_english_and_short_texts_are_not_judged_foreign() -> None:
    assert other_language(ENGLISH) is None
    assert other_language(["Die Brücke ist offen, sagte der Bürgermeister am Montag."]) is None  # too short


def test_only_the_first_words_are_judged_even_in_one_long_paragraph() -> None:
    """A block of a million words (a page's source pasted as one line) is judged on its first
    WORDS_READ words, as a long article is: English first, then German, reads as English."""
    english_words = " ".join(ENGLISH).split()
    german_words = " ".join(GERMAN).split()
    opening = " ".join((english_words * (WORDS_READ // len(english_words) + 2))[: WORDS_READ + 20])
    block = opening + " " + " ".join(german_words * 200)
    assert other_language([block]) is None
    assert other_language([" ".join(german_words * 200)]) is not None  # the German alone is German


def test_the_error_names_the_language() -> None:
    with pytest.raises(InputError, match=r"brücke\.txt: the article reads as German .* give an article in English"):
        require_english(GERMAN, "brücke.txt")


def test_a_german_article_is_refused_in_one_line_with_nothing_written(tmp_path: Path) -> None:
    article = tmp_path / "bruecke.txt"
    article.write_text("Neue Brücke eröffnet\n\n" + "\n\n".join(GERMAN) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="reads as German"):
        load_article(str(article))
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "radio", "episode", str(article), "-o", str(out), "-e", "fake"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("radio: error: "), proc.stderr
    assert "reads as German" in proc.stderr
    assert not out.exists() or not any(out.glob("*.mp3"))


def test_an_english_article_with_a_german_title_is_read(tmp_path: Path) -> None:
    article = tmp_path / "bridge.txt"
    article.write_text("Die Brücke: a new bridge opens\n\n" + "\n\n".join(ENGLISH) + "\n", encoding="utf-8")
    assert load_article(str(article)).paragraphs
