"""Measure both readers on a fourth set of pages: the saved pages of the newspaper library's tests.

Usage: python scripts/eval_newspaper.py /path/to/newspaper-pages [--split dev|test|all] [--path html|text|both] [-v]

newspaper (github.com/codelucas/newspaper, MIT), a Python article extractor,
keeps about 150 saved news and magazine pages in ``tests/data/html`` and the
article text it extracts from each in ``tests/data/text`` (one paragraph per
block). Copy both folders to ``html/`` and ``text/`` of a local directory and
point this script at it. No rule of radio was written from these pages before
2026-12-01. The English pages are scored (the reference passing
eval_extraction's function-word test); a page without its text file is left
out. The pages are split in two halves by name (SHA-1's first byte even:
``dev``, odd: ``test``); failures may be read on ``dev`` (``-v``), ``test`` is
held out: run at the end of a round, reported, never studied. Nothing of it is
copied into this project.

The reference body is newspaper's text, an extractor's output and not a
person's (like Readability's, see eval_readability.py): the scores are those of
``eval_aeb.py`` (word F1, body paragraphs heard, clutter lines of the
select-all copy dropped, headline exact against the page's own headline,
``eval_text.reference_headline``), a check of generality, not a target.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_aeb import halves_of, page_arguments, score_pages  # type: ignore[import-not-found]  # noqa: E402
from eval_extraction import is_english_text  # type: ignore[import-not-found]  # noqa: E402
from eval_readability import half_of  # type: ignore[import-not-found]  # noqa: E402

MIN_BODY_WORDS = 50  # shorter references are newspaper's tests of a redirect or a stub, not articles


def pages(checkout: Path, halves: tuple[str, ...]) -> Iterator[tuple[str, str, bytes, str]]:
    """The English pages of ``halves``: half, page name, the saved page, the reference body (a paragraph a line)."""
    for source in sorted((checkout / "html").glob("*.html")):
        half = half_of(source.stem)
        text = checkout / "text" / f"{source.stem}.txt"
        if half not in halves or not text.is_file():
            continue
        paragraphs = [" ".join(p.split()) for p in text.read_text(encoding="utf-8", errors="replace").split("\n")]
        body = "\n".join(p for p in paragraphs if p)
        if len(body.split()) >= MIN_BODY_WORDS and is_english_text([body]):
            yield half, source.stem, source.read_bytes(), body


def main() -> int:
    args = page_arguments(__doc__, "a folder holding newspaper's test pages in html/ and text/", "dev")
    if not (args.checkout / "html").is_dir() or not (args.checkout / "text").is_dir():
        print(f"no html/ and text/ folders under {args.checkout}", file=sys.stderr)
        return 1
    score_pages(pages(args.checkout, halves_of(args.split)), args.path, args.split, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
