"""Time `radio script`'s stages over a folder of articles, in one process.

    python scripts/benchmark_script.py /path/to/PolNeAR/data/*/text/*.txt [--repeat 3]

Prints, for each stage, the best total over the repeats in seconds (the first
repeat is the command's case; later ones find the name caches filled): ingest
(``load_article``), quotes (``find_parts``), normalisation (``to_spoken`` of every
segment's text, as ``write_script`` does it), the whole script (``write_script``,
which holds quotes and normalisation) and JSON (``script_to_json``). The aim for
the command over PolNeAR's 1,012 articles on one core is under 5 s (README,
"Script writer speed"); run it under ``taskset -c 0`` to compare with that figure.
"""

from __future__ import annotations

import argparse
import logging
import time

from radio.config import Settings
from radio.errors import RadioError
from radio.models import Article
from radio.sound.cast import caster
from radio.sound.engines import get_engine
from radio.words.ingest import load_article
from radio.words.quotes import find_parts
from radio.words.script import script_to_json, write_script
from radio.words.speech import load_user_lexicon, to_spoken


class _Clock:
    """Adds the time of each ``with clock(stage):`` block to that stage's total."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}
        self._stage = ""
        self._start = 0.0

    def __call__(self, stage: str) -> _Clock:
        self._stage = stage
        return self

    def __enter__(self) -> None:
        self._start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.totals[self._stage] = self.totals.get(self._stage, 0.0) + time.perf_counter() - self._start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    settings = Settings()
    engine = get_engine("fake")
    cast = caster(engine, settings)
    lexicon = load_user_lexicon(settings.lexicon)
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        clock = _Clock()
        articles: list[Article] = []
        for source in args.files:
            try:
                with clock("ingest"):
                    articles.append(load_article(source, None, settings.fetch_timeout_s))
            except RadioError:
                continue
        segments = 0
        for article in articles:
            with clock("quotes"):
                parts = find_parts(article.paragraphs)
            with clock("normalisation"):
                for part in parts:
                    to_spoken(part.text, lexicon, engine.name)
            segments += len(parts)
            with clock("write_script"):
                script = write_script(article, settings, engine.name, cast, lexicon)
            with clock("json"):
                script_to_json(script)
        for stage, seconds in clock.totals.items():
            best[stage] = min(best.get(stage, seconds), seconds)
    print(f"{len(articles)} articles, {segments} parts; best of {args.repeat}:")
    for stage, seconds in best.items():
        print(f"  {stage:14s} {seconds:6.2f} s")


if __name__ == "__main__":
    main()
