"""Fit the headline score of the plain-text path (``radio/words/ingest/headline_weights.py``).

Usage: python scripts/fit_headline_weights.py TRAFILATURA_CHECKOUT AEB_CHECKOUT [READABILITY_CHECKOUT] [--write]
       [--cache DIR]
       [--l2 X] [--zero-prior] [--freeze 3,17] [--misses tune,extra,aeb]
       [--look-above N] [--look-below N] [--below-kept N] [--short-reach N] [--words N]

Learning to rank on pages nobody here wrote. For every English page of
trafilatura's tests (the "tune", "extra" and "other" groups of
``fit_text_weights.py``; never "holdout") and the dev half of ScrapingHub's
article-extraction-benchmark ("aeb", never its test half) and, when a
checkout of Mozilla's Readability is given, the dev half of its test pages
("readability", ``eval_readability.py``'s split; never its test half), the page is
rendered to the text a browser's select-all copy gives (``eval_text.render``)
and radio's plain-text reader runs on it up to its list of headline
candidates (``headline.candidate_lines``). Each candidate's features
(``headline.FEATURES``) are recorded with whether the headline it gives
(``headline.headline_text``) is the page's own (``eval_text.reference_headline``,
compared as the eval scripts compare: lower-case words).

First the candidate recall: the pages whose headline is among the candidates
at all, and where it sits on the others. Then the weights: a softmax over each
page's candidates (the page's headline against the rest), L2-regularised, by
gradient descent on standardised features (numpy), the penalty pulling
towards the hand weights of earlier rounds (``headline.HAND_WEIGHTS``; the
features added since start from nothing). The hand weights and the learned
are judged on the same candidates by cross-validation:
fitted on all groups but one, scored on the group left out. ``--write``
writes the weights fitted on every group into ``headline_weights.py``.
Only numbers are written; nothing of the pages is copied into the project.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import numpy as np  # noqa: E402
from eval_extraction import is_english_text  # type: ignore[import-not-found]  # noqa: E402
from eval_readability import pages  # type: ignore[import-not-found]  # noqa: E402
from eval_text import reference_headline, render  # type: ignore[import-not-found]  # noqa: E402
from fit_text_weights import groups  # type: ignore[import-not-found]  # noqa: E402

from radio.words.ingest import headline, story  # noqa: E402
from radio.words.ingest.features import Block  # noqa: E402
from radio.words.ingest.rules import fold, headline_from  # noqa: E402

HAND = headline.HAND_WEIGHTS  # the hand-weighted score of earlier rounds, on the first features
GROUPS = ("tune", "extra", "other", "aeb", "readability")
L2 = 0.3
STEPS = 1500
RATE = 0.5


@dataclass
class Page:
    group: str
    name: str
    reference: str
    rows: list[list[float]]
    hits: list[bool]  # the headline of each candidate is the page's own
    texts: list[str]
    fallback_hit: bool  # without candidates, the first sentence is the page's own headline
    where: str  # where the page's own headline sits when no candidate gives it


def same(a: str, b: str) -> bool:
    return fold(a).replace("_", " ").split() == fold(b).replace("_", " ").split()


def _capture(text: str) -> tuple[list[Block], list[str | None], list[bool], int, list[str]] | None:
    """The reader's state when it chooses the headline (None: no story found)."""
    seen: list[tuple[list[Block], list[str | None], list[bool], int]] = []
    real = story.choose_headline

    def record(
        blocks: list[Block], labels: list[str | None], kept: list[bool], first: int
    ) -> tuple[str, int, str] | None:
        seen.append((list(blocks), list(labels), list(kept), first))
        return None  # the paragraphs are then those the first-sentence fallback reads, and the weights are not used

    story.choose_headline = record
    try:
        reading = story.read_text(text)
    finally:
        story.choose_headline = real
    if not seen:
        return None
    return (*seen[0], list(reading.paragraphs))


def locate(blocks: list[Block], labels: list[str | None], kept: list[bool], first: int, reference: str) -> str:
    """Where the page's headline sits when no candidate gives it."""
    want = fold(reference)
    whole = [j for j, b in enumerate(blocks) if same(headline.headline_text(blocks, j), reference)]
    part = [j for j, b in enumerate(blocks) if want and want in fold(b.text) and j not in whole]
    if not whole:
        return "only inside a longer line" if part else "not on the page"
    above = [j for j in whole if j <= first]
    if not above:
        below = whole[0]
        return "below the story's first line, " + ("kept as story" if kept[below] else labels[below] or "unclassed")
    j = max(above)
    if j == first:
        return "the story's first line, read as a sentence"
    if first - j > headline.LOOK_ABOVE:
        return "beyond LOOK_ABOVE"
    if labels[j] not in (None, "repeat"):
        return f"labelled {labels[j]}"
    if kept[j]:
        return "kept as story"
    return "not title-like"


def read_page(group: str, name: str, html: bytes, cache: Path | None) -> Page | None:
    stored = cache / f"{group}-{name}.json" if cache else None
    if stored and stored.exists():
        data: dict[str, Any] = json.loads(stored.read_text(encoding="utf-8"))
    else:
        data = {"text": render(html), "reference": reference_headline(html)}
        if stored:
            stored.parent.mkdir(parents=True, exist_ok=True)
            stored.write_text(json.dumps(data), encoding="utf-8")
    reference = data["reference"]
    if not reference:
        return None
    state = _capture(data["text"])
    if state is None:
        return Page(group, name, reference, [], [], [], False, "no story found")
    blocks, labels, kept, first, paragraphs = state
    candidates = headline.candidate_lines(blocks, labels, kept, first)
    rows = headline.candidate_features(blocks, labels, kept, first, candidates)
    texts = [headline.headline_text(blocks, i) for i in candidates]
    hits = [same(t, reference) for t in texts]
    fallback = bool(paragraphs) and same(headline_from(paragraphs[0]), reference)
    where = "" if any(hits) else locate(blocks, labels, kept, first, reference)
    return Page(group, name, reference, rows, hits, texts, fallback, where)


def trafilatura_pages(checkout: Path) -> list[tuple[str, str, bytes]]:
    found = groups(checkout / "tests")
    return [(g, p.name, p.read_bytes()) for p, g in sorted(found.items()) if g in ("tune", "extra", "other")]


def aeb_pages(checkout: Path) -> list[tuple[str, str, bytes]]:
    truth = json.loads((checkout / "ground-truth.json").read_text(encoding="utf-8"))
    chosen = []
    for key, entry in sorted(truth.items()):
        if int(key[0], 16) % 2 != 0 or not is_english_text([entry["articleBody"]]):
            continue  # the test half is never read here
        chosen.append(("aeb", key, gzip.decompress((checkout / "html" / f"{key}.html.gz").read_bytes())))
    return chosen


def readability_pages(checkout: Path) -> list[tuple[str, str, bytes]]:
    """The dev half of Readability's saved English pages (its parser tests and test half are never read)."""
    return [("readability", name, html) for _, name, html, _ in pages(checkout, ("dev",))]


def correct(page: Page, weights: Any) -> bool:
    if not page.rows:
        return page.fallback_hit
    scores = np.array(page.rows) @ np.asarray(weights)[: len(page.rows[0])]
    return page.hits[int(np.argmax(scores))]  # the first best wins, as in choose_headline


def fit(
    pages: list[Page], l2: float = L2, prior: list[float] | None = None, frozen: frozenset[int] = frozenset()
) -> list[float]:
    """Softmax ranking over each page's candidates, on standardised features; weights for the raw features.

    The L2 penalty pulls the weights towards ``prior`` (the hand weights) when given, else towards zero.
    """
    usable = [p for p in pages if len(p.rows) > 1 and any(p.hits) and not all(p.hits)]
    x_all = np.array([r for p in usable for r in p.rows], dtype=float)
    mean, scale = x_all.mean(axis=0), x_all.std(axis=0)
    scale[scale == 0] = 1.0
    xs = [(np.array(p.rows, dtype=float) - mean) / scale for p in usable]
    ys = [np.array(p.hits, dtype=float) for p in usable]
    start = np.zeros(x_all.shape[1]) if prior is None else np.array(prior) * scale
    w = start.copy()
    for _ in range(STEPS):
        grad = l2 * (w - start)
        for x, y in zip(xs, ys, strict=True):
            s = x @ w
            e = np.exp(s - s.max())
            p_all = e / e.sum()
            p_pos = (e * y) / (e * y).sum()
            grad += x.T @ (p_all - p_pos) / len(xs)
        grad[list(frozen)] = 0.0  # frozen features keep their prior weight
        w -= RATE / (1 + l2) * grad  # a smaller step under a stronger pull keeps the descent stable
    return [float(v) for v in w / scale]


def hand_weights() -> list[float]:
    return list(HAND) + [0.0] * (len(headline.FEATURES) - len(HAND))


WEIGHTS_FILE = ROOT / "radio" / "words" / "ingest" / "headline_weights.py"


def write_weights(weights: list[float], counts: str, out: Path = WEIGHTS_FILE) -> None:
    lines = [
        '"""The headline score\'s weights (``headline.py``), written by scripts/fit_headline_weights.py: do not edit.',
        "",
        f"Fitted on {counts}.",
        '"""',
        "",
        "WEIGHTS = (",
        *(f"    {w:.4f},  # {name}" for w, name in zip(weights, headline.FEATURES, strict=True)),
        ")",
        "",
    ]
    out.write_text("\n".join(lines), encoding="utf-8")


def report_recall(pages: list[Page]) -> None:
    print("candidate recall (the page's headline is among the candidates):")
    for group in GROUPS:
        own = [p for p in pages if p.group == group]
        hit = sum(any(p.hits) for p in own)
        single = sum(len(p.rows) == 1 and p.hits[0] for p in own)
        print(f"  {group}: {hit}/{len(own)} ({single} as the only candidate)")
        where = Counter(p.where for p in own if not any(p.hits))
        for place, count in where.most_common():
            print(f"      {count:3d}  {place}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("trafilatura", type=Path, help="a checkout of github.com/adbar/trafilatura")
    parser.add_argument("aeb", type=Path, help="a checkout of github.com/scrapinghub/article-extraction-benchmark")
    parser.add_argument("readability", type=Path, nargs="?", help="a checkout of github.com/mozilla/readability")
    parser.add_argument("--cache", type=Path, help="a folder to keep rendered pages in")
    parser.add_argument("--write", action="store_true", help="write radio/words/ingest/headline_weights.py")
    parser.add_argument("--out", type=Path, default=WEIGHTS_FILE, help="where --write writes")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--misses", default="", help="list the learned weights' misses on these groups (not other)")
    parser.add_argument("--zero-prior", action="store_true", help="pull the weights towards zero, not the hand weights")
    parser.add_argument("--freeze", default="", help="features (numbers in FEATURES) kept at their prior weight")
    parser.add_argument("--look-above", type=int, default=headline.LOOK_ABOVE)
    parser.add_argument("--look-below", type=int, default=headline.LOOK_BELOW)
    parser.add_argument("--short-reach", type=int, default=headline.SHORT_REACH)
    parser.add_argument("--below-kept", type=int, default=headline.BELOW_KEPT)
    parser.add_argument("--words", type=int, default=headline.CANDIDATE_WORDS, help="the fewest words of a candidate")
    args = parser.parse_args()
    headline.LOOK_ABOVE, headline.LOOK_BELOW, headline.CANDIDATE_WORDS = args.look_above, args.look_below, args.words
    headline.BELOW_KEPT, headline.SHORT_REACH = args.below_kept, args.short_reach
    pages = []
    found = trafilatura_pages(args.trafilatura) + aeb_pages(args.aeb)
    if args.readability:
        found += readability_pages(args.readability)
    for group, name, html in found:
        page = read_page(group, name, html, args.cache)
        if page is not None:
            pages.append(page)
    report_recall(pages)
    hand = hand_weights()
    prior = None if args.zero_prior else hand
    frozen = frozenset(int(k) for k in args.freeze.split(",") if k)
    print(f"\ncross-validated headline exact (fitted on the other groups, l2 {args.l2}):")
    totals = [0, 0, 0]
    for group in GROUPS:
        left = [p for p in pages if p.group == group]
        if not left:
            continue
        learned = fit([p for p in pages if p.group != group], args.l2, prior, frozen)
        h = sum(correct(p, hand) for p in left)
        w = sum(correct(p, learned) for p in left)
        totals = [totals[0] + h, totals[1] + w, totals[2] + len(left)]
        print(f"  {group}: hand {h}/{len(left)} ({100 * h / len(left):.1f} %), learned {w}/{len(left)}"
              f" ({100 * w / len(left):.1f} %)")  # fmt: skip
    print(f"  total: hand {totals[0]}/{totals[2]}, learned {totals[1]}/{totals[2]}")
    weights = fit(pages, args.l2, prior, frozen)
    sizes = {g: sum(p.group == g for p in pages) for g in GROUPS}
    counts = ", ".join(f"{g} {n} pages" for g, n in sizes.items() if n)
    print(f"\nfitted on {counts}; in sample: learned {sum(correct(p, weights) for p in pages)}/{len(pages)}")
    for weight, name in sorted(zip(weights, headline.FEATURES, strict=True), key=lambda t: -abs(t[0])):
        print(f"  {weight:+.3f}  {name}")
    if args.write:
        write_weights(weights, counts, args.out)
    chosen = set(filter(None, args.misses.split(","))) - {"other"}
    for page in pages:
        if page.group in chosen and not correct(page, weights):
            got = "(no candidate)"
            if page.rows:
                got = page.texts[int(np.argmax(np.array(page.rows) @ np.array(weights)))]
            print(f"[{page.group}] {page.name[:24]}: {got!r} != {page.reference!r} {page.where}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
