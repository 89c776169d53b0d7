"""Measure both readers on a third set of pages: the test pages of Mozilla's Readability.

Usage: python scripts/eval_readability.py /path/to/readability [--split dev|test|all] [--path html|text|both] [-v]

Readability (github.com/mozilla/readability, Apache-2.0), the reader view of
Firefox, keeps about 130 saved pages from as many sites in ``test/test-pages``:
each folder holds the page (``source.html``), the article Readability's
reviewed output keeps (``expected.html``) and its metadata
(``expected-metadata.json``). Folders whose page is under 8 KB are
Readability's hand-written parser tests ("Lorem ipsum", "Base URL test"), not
pages, and are left out. No rule of radio was written from them before
2026-12-01. The English ones are scored (``"lang"`` starting ``en`` or, without
it, the kept text passing eval_extraction's function-word test). They are split in
two halves by the folder name (SHA-1's first byte even: ``dev``, odd:
``test``); failures may be read on ``dev`` (``-v``), ``test`` is held out: run at
the end of a round, reported, never studied. Nothing of it is copied into this
project.

The expected article is the reference body, one paragraph per block
(``eval_text.render`` of ``expected.html``). Its scores are those of
``eval_aeb.py`` (word F1, body paragraphs heard, clutter lines of the
select-all copy dropped, headline exact against the page's own headline,
``eval_text.reference_headline``). Readability's output is an extractor's, not
a person's: it keeps figure captions (radio drops them on purpose) and some
lists, so the figures are a check of generality beside the human-marked
benchmark, not a target. End matter after most of the prose ("References",
"See also", "External links" and what follows) is left out of the reference
body, as radio leaves it out of what it reads, and so are footnote marks
("[10]", "[citation needed]").
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_aeb import halves_of, page_arguments, score_pages  # type: ignore[import-not-found]  # noqa: E402
from eval_extraction import is_english_text  # type: ignore[import-not-found]  # noqa: E402
from eval_text import render  # type: ignore[import-not-found]  # noqa: E402

from radio.words.ingest.endmatter import without_end_matter  # noqa: E402

_FOOTNOTE_MARK = re.compile(r"\[(?:\d{1,3}|[a-z]+(?: [a-z]+)? needed)\]")
MIN_PAGE_BYTES = 8_000  # smaller sources are Readability's parser tests, not saved pages


def unmarked(copy: str) -> str:
    """The copy's lines as the reference body is compared: without footnote marks."""
    return _FOOTNOTE_MARK.sub("", copy)


def half_of(name: str) -> str:
    return "dev" if hashlib.sha1(name.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def english(meta: dict[str, object], body: str) -> bool:
    lang = str(meta.get("lang") or "").lower()
    if lang:
        return lang.startswith("en") and is_english_text([body])
    return is_english_text([body])


def pages(checkout: Path, halves: tuple[str, ...]) -> Iterator[tuple[str, str, bytes, str]]:
    """The English pages of ``halves``: half, folder name, the saved page, and the reference body as scored
    (the article Readability keeps without its end matter and footnote marks, one paragraph a line)."""
    root = checkout / "test" / "test-pages"
    for folder in sorted(p for p in root.iterdir() if (p / "source.html").is_file()):
        half = half_of(folder.name)
        if half not in halves or not (folder / "expected.html").is_file():
            continue
        if (folder / "source.html").stat().st_size < MIN_PAGE_BYTES:
            continue
        meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
        # a wiki's references and "See also" lists: Readability keeps them, radio stops before them
        expected = render((folder / "expected.html").read_bytes()).split("\n")
        body = "\n".join(without_end_matter(expected, comments=False))  # the reference as it was
        body = _FOOTNOTE_MARK.sub("", body)  # "[10]", "[citation needed]": not read, on purpose
        if english(meta, body):
            yield half, folder.name, (folder / "source.html").read_bytes(), body


def main() -> int:
    args = page_arguments(__doc__, "a checkout of github.com/mozilla/readability", "dev")
    root = args.checkout / "test" / "test-pages"
    if not root.is_dir():
        print(f"no test/test-pages under {args.checkout}", file=sys.stderr)
        return 1
    score_pages(pages(args.checkout, halves_of(args.split)), args.path, args.split, args.verbose, scored=unmarked)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
