"""Fit the headline score of the plain-text path (``radio/words/ingest/headline_weights.py``).

Usage: python scripts/fit_headline_weights.py TRAFILATURA_CHECKOUT AEB_CHECKOUT [READABILITY_CHECKOUT] [--write]
       [--newspaper NEWSPAPER_CORPUS] [--cache DIR]
       [--l2 X] [--zero-prior] [--freeze 3,17] [--drop 5,9] [--ablate] [--misses tune,extra,aeb]
       [--look-above N] [--look-below N] [--below-kept N] [--short-reach N] [--words N]

Learning to rank on pages nobody here wrote. For every English page of
trafilatura's tests (the "tune", "extra" and "other" groups of
``fit_text_weights.py``; never "holdout") and the dev half of ScrapingHub's
article-extraction-benchmark ("aeb", never its test half) and, when a
checkout of Mozilla's Readability is given, the dev half of its test pages
("readability", ``eval_readability.py``'s split; never its test half) and, when
the newspaper library's saved pages are given, their dev half ("newspaper",
``eval_newspaper.py``'s split; never its test half), the page is
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
fitted on all groups but one, scored on the group left out. ``--ablate``
judges each feature the same way: the cross-validated figures of each group
with the feature left out (a feature earns its place when the groups left out
lose pages without it). ``--drop`` leaves features out of a fit. ``--write``
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
GROUPS = ("tune", "extra", "other", "aeb", "readability", "newspaper")
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


def newspaper_pages(corpus: Path) -> list[tuple[str, str, bytes]]:
    """The dev half of the newspaper library's saved English pages (its test half is never read)."""
    from eval_newspaper import pages as newspaper  # type: ignore[import-not-found]

    return [("newspaper", name, html) for _, name, html, _ in newspaper(corpus, ("dev",))]


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
    x = (x_all - mean) / scale
    y = np.array([h for p in usable for h in p.hits], dtype=float)
    starts = np.cumsum([0] + [len(p.rows) for p in usable[:-1]])  # each page's first row
    page_of = np.repeat(np.arange(len(usable)), [len(p.rows) for p in usable])
    start = np.zeros(x_all.shape[1]) if prior is None else np.array(prior) * scale
    w = start.copy()
    for _ in range(STEPS):  # the softmax of each page's candidates, all pages at once
        s = x @ w
        e = np.exp(s - np.maximum.reduceat(s, starts)[page_of])
        p_all = e / np.add.reduceat(e, starts)[page_of]
        p_pos = e * y / np.add.reduceat(e * y, starts)[page_of]
        grad = l2 * (w - start) + x.T @ (p_all - p_pos) / len(usable)
        grad[list(frozen)] = 0.0  # frozen features keep their prior weight
        w -= RATE / (1 + l2) * grad  # a smaller step under a stronger pull keeps the descent stable
    return [float(v) for v in w / scale]


def without(pages: list[Page], dropped: frozenset[int]) -> list[Page]:
    """The pages with the features numbered ``dropped`` left out of every row."""
    if not dropped:
        return pages
    width = max((len(p.rows[0]) for p in pages if p.rows), default=0)
    keep = [k for k in range(width) if k not in dropped]
    return [
        Page(p.group, p.name, p.reference, [[r[k] for k in keep] for r in p.rows], p.hits, p.texts, p.fallback_hit,
             p.where)
        for p in pages
    ]  # fmt: skip


def cross_validate(
    pages: list[Page], l2: float, prior: list[float] | None, frozen: frozenset[int] = frozenset()
) -> dict[str, tuple[int, int]]:
    """Each group's pages right (and its size) under the weights fitted on the other groups."""
    found: dict[str, tuple[int, int]] = {}
    for group in GROUPS:
        left = [p for p in pages if p.group == group]
        if left:
            learned = fit([p for p in pages if p.group != group], l2, prior, frozen)
            found[group] = (sum(correct(p, learned) for p in left), len(left))
    return found


def ablate(pages: list[Page], l2: float, prior: list[float] | None) -> None:
    """The cross-validated figures of each group with each feature left out, against all features."""
    base = cross_validate(pages, l2, prior)
    names = [g for g in GROUPS if g in base]
    print(f"\nleft out one at a time (cross-validated; all features: {sum(r for r, _ in base.values())} right):")
    print("  " + " ".join(f"{g[:6]:>6}" for g in names) + "   total  feature")
    for k, name in enumerate(headline.FEATURES):
        keep = [j for j in range(len(headline.FEATURES)) if j != k]
        found = cross_validate(without(pages, frozenset((k,))), l2, None if prior is None else [prior[j] for j in keep])
        gains = [found[g][0] - base[g][0] for g in names]
        print("  " + " ".join(f"{d:+6d}" for d in gains) + f"  {sum(gains):+6d}  {k} {name}")


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
    parser.add_argument("--newspaper", type=Path, help="the newspaper library's saved pages (eval_newspaper.py)")
    parser.add_argument("--cache", type=Path, help="a folder to keep rendered pages in")
    parser.add_argument("--write", action="store_true", help="write radio/words/ingest/headline_weights.py")
    parser.add_argument("--out", type=Path, default=WEIGHTS_FILE, help="where --write writes")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--misses", default="", help="list the learned weights' misses on these groups (not other)")
    parser.add_argument("--zero-prior", action="store_true", help="pull the weights towards zero, not the hand weights")
    parser.add_argument("--freeze", default="", help="features (numbers in FEATURES) kept at their prior weight")
    parser.add_argument("--drop", default="", help="features (numbers in FEATURES) left out of the fit (not --write)")
    parser.add_argument("--ablate", action="store_true", help="cross-validate with each feature left out in turn")
    parser.add_argument("--look-above", type=int, default=headline.LOOK_ABOVE)
    parser.add_argument("--look-below", type=int, default=headline.LOOK_BELOW)
    parser.add_argument("--short-reach", type=int, default=headline.SHORT_REACH)
    parser.add_argument("--below-kept", type=int, default=headline.BELOW_KEPT)
    parser.add_argument("--words", type=int, default=headline.CANDIDATE_WORDS, help="the fewest words of a candidate")
    args = parser.parse_args()
    dropped = frozenset(int(k) for k in args.drop.split(",") if k)
    if dropped and args.write:
        parser.error("--drop is for trying: take the features out of headline.FEATURES to write weights without them")
    headline.LOOK_ABOVE, headline.LOOK_BELOW, headline.CANDIDATE_WORDS = args.look_above, args.look_below, args.words
    headline.BELOW_KEPT, headline.SHORT_REACH = args.below_kept, args.short_reach
    pages = []
    found = trafilatura_pages(args.trafilatura) + aeb_pages(args.aeb)
    if args.readability:
        found += readability_pages(args.readability)
    if args.newspaper:
        found += newspaper_pages(args.newspaper)
    for group, name, html in found:
        page = read_page(group, name, html, args.cache)
        if page is not None:
            pages.append(page)
    report_recall(pages)
    names = [name for k, name in enumerate(headline.FEATURES) if k not in dropped]
    hand = [w for k, w in enumerate(hand_weights()) if k not in dropped]
    prior = None if args.zero_prior else hand
    frozen = frozenset(int(k) for k in args.freeze.split(",") if k)
    pages = without(pages, dropped)
    print(f"\ncross-validated headline exact (fitted on the other groups, l2 {args.l2}):")
    learned_right = cross_validate(pages, args.l2, prior, frozen)
    totals = [0, 0, 0]
    for group, (w, size) in learned_right.items():
        h = sum(correct(p, hand) for p in pages if p.group == group)
        totals = [totals[0] + h, totals[1] + w, totals[2] + size]
        print(f"  {group}: hand {h}/{size} ({100 * h / size:.1f} %), learned {w}/{size} ({100 * w / size:.1f} %)")
    print(f"  total: hand {totals[0]}/{totals[2]}, learned {totals[1]}/{totals[2]}")
    if args.ablate:
        ablate(pages, args.l2, prior)
    weights = fit(pages, args.l2, prior, frozen)
    sizes = {g: sum(p.group == g for p in pages) for g in GROUPS}
    counts = ", ".join(f"{g} {n} pages" for g, n in sizes.items() if n)
    print(f"\nfitted on {counts}; in sample: learned {sum(correct(p, weights) for p in pages)}/{len(pages)}")
    for weight, name in sorted(zip(weights, names, strict=True), key=lambda t: -abs(t[0])):
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
