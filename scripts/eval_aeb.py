"""Measure both readers on pages no rule here was written from: ScrapingHub's article-extraction-benchmark.

Usage: python scripts/eval_aeb.py /path/to/article-extraction-benchmark [--path html|text|both]

The benchmark (github.com/scrapinghub/article-extraction-benchmark, MIT) holds
181 news and magazine pages from as many sites, each with the article body a
person marked (``ground-truth.json``: ``articleBody``); the English ones are
scored (the marked body passes eval_extraction's function-word test). Nobody on this project
tuned a rule on it before 2026-12-01. The pages are split in two halves by
their key (first hex digit even: ``dev``, odd: ``test``): failures may be read
on ``dev`` (``--verbose`` lists them); ``test`` is the held-out half, run at the
end of a round and reported, never studied. Nothing of it is copied into this
project.

Each page goes through radio's own loader, as a producer would give it:

- ``html``: the saved page, read by the HTML path;
- ``text``: the page rendered to the text a browser's select-all copy gives
  (``eval_text.render``: every visible block on its own line, menus, captions
  and footers included), read by the plain-text path.

Scores, on the written article radio keeps (headline and paragraphs, before
the spoken form), words compared lower-case, letters and digits only:

- word precision / recall / F1 against the marked body, per page as bags of
  words (the benchmark's own measure is of this kind), averaged over pages; a
  refused page scores 0;
- body paragraphs heard: the marked body's paragraphs of six words or more
  whose words appear, in order and unbroken, in what radio keeps (a first
  paragraph's dateline, "CITY (AP) —", and numbered references to studies,
  "(3)" or "(4, 5)", may go: radio drops them on purpose);
- clutter dropped (text path): the lines of the select-all copy of four words
  or more that are neither in the marked body nor the headline (menus, related
  links, captions, footers, ...), and that radio does not keep;
- headline exact: radio's headline against the page's own
  (``eval_text.reference_headline``), compared as lower-case words.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_extraction import is_english_text, pct  # type: ignore[import-not-found]  # noqa: E402
from eval_text import reference_headline, render  # type: ignore[import-not-found]  # noqa: E402

from radio.errors import RadioError  # noqa: E402
from radio.words.ingest import load_article  # noqa: E402
from radio.words.ingest.text import strip_dateline  # noqa: E402

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


_REFERENCE = re.compile(r"\s\(\d{1,3}(?:,\s?\d{1,3})*\)")  # "(3)", "(4, 5)": a numbered reference to a study


def joined(text: str) -> str:
    return " " + " ".join(words(text)) + " "


@dataclass
class Score:
    pages: int = 0
    refused: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    paragraphs: int = 0
    heard: int = 0
    clutter: int = 0
    dropped: int = 0
    titled: int = 0
    exact: int = 0
    cpu_s: list[float] = field(default_factory=list)

    def line(self, name: str) -> str:
        n = max(self.pages, 1)
        parts = [
            f"[{name}] pages {self.pages}, refused {self.refused}",
            f"  words: precision {self.precision / n:.3f}, recall {self.recall / n:.3f}, F1 {self.f1 / n:.3f}",
            f"  body paragraphs heard: {pct(self.heard, self.paragraphs)}",
        ]
        if self.clutter:
            parts.append(f"  clutter lines dropped: {pct(self.dropped, self.clutter)}")
        parts.append(f"  headline exact: {pct(self.exact, self.titled)}")
        if self.cpu_s:
            cpu = sorted(self.cpu_s)
            parts.append(f"  CPU per page: median {1000 * cpu[len(cpu) // 2]:.0f} ms, max {1000 * cpu[-1]:.0f} ms")
        return "\n".join(parts)


def score_page(score: Score, kept: str | None, body: str, title: str | None, reference: str | None,
               copy: str | None) -> None:  # fmt: skip
    """Add one page: ``kept`` is radio's headline and paragraphs (None when refused)."""
    score.pages += 1
    got = Counter(words(kept or ""))
    want = Counter(words(body))
    common = sum((got & want).values())
    p = common / sum(got.values()) if got else 0.0
    r = common / sum(want.values()) if want else 0.0
    score.precision += p
    score.recall += r
    score.f1 += 2 * p * r / (p + r) if p + r else 0.0
    said = joined(kept or "")
    for paragraph in body.split("\n"):
        if len(words(paragraph)) >= 6:
            score.paragraphs += 1
            plain = _REFERENCE.sub("", strip_dateline(paragraph))
            score.heard += joined(paragraph) in said or joined(plain) in said
    if copy is not None:
        marked = joined(body) + joined(reference or "")
        seen: set[str] = set()
        for line in copy.splitlines():
            text = joined(line)
            if len(text.split()) < 4 or text in seen or text in marked:
                continue
            seen.add(text)
            score.clutter += 1
            score.dropped += text not in said
    if reference is not None:
        score.titled += 1
        score.exact += title is not None and words(title) == words(reference)


def read_page(
    score: Score, path: str, stem: Path, html: bytes, body: str, reference: str | None,
    scored: Callable[[str], str] = str,
) -> str | None:  # fmt: skip
    """Read one page by ``path`` ("html", or "text": its select-all copy), add it to ``score``; say how the
    headline or the reading failed, if it did. ``scored`` turns the copy into the lines the score compares."""
    copy = render(html) if path == "text" else None
    source = stem.with_suffix(".txt" if copy is not None else ".html")
    source.write_bytes(copy.encode("utf-8") if copy is not None else html)
    compared = scored(copy) if copy is not None else None
    start = time.process_time()
    try:
        article = load_article(str(source), path)
    except RadioError:
        score.refused += 1
        score_page(score, None, body, None, reference, compared)
        return "refused"
    score.cpu_s.append(time.process_time() - start)
    kept = "\n".join((article.title, *article.paragraphs))
    score_page(score, kept, body, article.title, reference, compared)
    if reference and words(article.title) != words(reference):
        return f"{article.title!r} != {reference!r}"
    return None


def report(scores: dict[tuple[str, str], Score], misses: list[str] | None) -> None:
    """Print each half's and reader's scores, then the dev half's misses when asked for."""
    for (half, name), score in scores.items():
        print(score.line(f"{half}, {name}"))
    if misses is not None:
        print("\n".join(["headline misses (dev):", *misses]))


def halves_of(split: str) -> tuple[str, ...]:
    """The halves a ``--split`` names: "all" is both."""
    return ("dev", "test") if split == "all" else (split,)


def page_arguments(doc: str, checkout: str, split: str) -> argparse.Namespace:
    """The page benchmarks' command line: the corpus (``checkout`` says what it is), ``--path``, ``--split``
    (``split`` by default) and ``-v``; ``doc``'s first line describes the script."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("checkout", type=Path, help=checkout)
    parser.add_argument("--path", choices=("html", "text", "both"), default="both")
    parser.add_argument("--split", choices=("dev", "test", "all"), default=split)
    parser.add_argument("--verbose", "-v", action="store_true", help="list headline misses (dev only)")
    return parser.parse_args()


def score_pages(
    found: Iterable[tuple[str, str, bytes, str]], path: str, split: str, verbose: bool,
    scored: Callable[[str], str] = str,
) -> None:  # fmt: skip
    """Score and report ``found`` pages (half, name, saved page, reference body) read by ``path`` ("html",
    "text" or "both") for the halves of ``split`` ("dev", "test" or "all"); list the dev misses if
    ``verbose``. The page sets that are not this benchmark (Readability's, newspaper's) are read so."""
    paths = ("html", "text") if path == "both" else (path,)
    halves = halves_of(split)
    scores = {(half, name): Score() for half in halves for name in paths}
    misses: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for half, name, html, body in found:
            if half not in halves:
                continue
            reference = reference_headline(html)
            for reader in paths:
                stem = Path(tmp) / name.replace(".", "_")
                miss = read_page(scores[half, reader], reader, stem, html, body, reference, scored=scored)
                if half == "dev" and miss:
                    misses.append(f"{reader} {name}: {miss}")
    report(scores, misses if verbose else None)


def benchmark_pages(checkout: Path) -> Iterator[tuple[str, str, bytes, str]]:
    """The benchmark's English pages: half (by the key's first hex digit), key, saved page, marked body."""
    truth = json.loads((checkout / "ground-truth.json").read_text(encoding="utf-8"))
    for key, entry in sorted(truth.items()):
        body = entry["articleBody"]
        if is_english_text([body]):  # radio reads English only, and refuses other languages by name
            html = gzip.decompress((checkout / "html" / f"{key}.html.gz").read_bytes())
            yield ("dev" if int(key[0], 16) % 2 == 0 else "test"), key[:16], html, body


def main() -> int:
    args = page_arguments(__doc__, "a checkout of github.com/scrapinghub/article-extraction-benchmark", "all")
    score_pages(benchmark_pages(args.checkout), args.path, args.split, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
