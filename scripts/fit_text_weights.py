"""Fit the learned story score of the plain-text path (``radio/words/ingest/weights.py``).

Usage: python scripts/fit_text_weights.py /path/to/trafilatura-checkout [--fit tune,extra,other]
       [--score tune|holdout|extra|other] [--write] [--cache DIR]

Teacher labels without hand-labelling: radio's HTML path sees the markup and
drops nearly all of a page's chrome. For every English page of trafilatura's
tests (``tests/cache`` and ``tests/eval``), the page is rendered to the text a
browser's select-all copy gives (``eval_text.render``) and the plain-text
path's rules run on it (``story.rule_pass``). Each block they leave to the
learned score (``story.learned_candidates``) is labelled "story" when its
words are in what the HTML path speaks (most of its word triples, or the
whole of a short paragraph), else "chrome". A logistic regression over the
block features of ``radio.words.ingest.learned`` is fitted by gradient
descent (numpy), and with ``--write`` its weights are written into
``weights.py`` as numbers. Pages the HTML path refuses are left out.

Groups: "tune" and "holdout" are the 120 pages of ``eval_text.py`` split by
its hash; "extra" the further English pages it studies; "other" every other
English page. Holdout pages are never fitted on (``--fit`` refuses them).
Nothing of the pages is copied into the project; ``--cache`` keeps the
rendered texts and the HTML path's output in a folder of your choice to
make reruns fast.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import numpy as np  # noqa: E402
from eval_extraction import is_english_text  # type: ignore[import-not-found]  # noqa: E402
from eval_text import pages, render, split_of  # type: ignore[import-not-found]  # noqa: E402

from radio.errors import RadioError  # noqa: E402
from radio.words.ingest import learned, story  # noqa: E402
from radio.words.ingest.html import html_to_article  # noqa: E402
from radio.words.ingest.shape import spaces_paragraphs  # noqa: E402

_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?\s*([A-Za-z-]+)", re.I)
_WORDS = re.compile(r"[^\W_]+")
TRIPLES_IN = 0.6  # the share of a block's word triples the HTML path speaks that makes it story
L2 = 1e-3
STEPS = 3000
RATE = 0.5


def groups(tests: Path) -> dict[Path, str]:
    """Every English page and its group (see module docstring)."""
    found: dict[Path, str] = {}
    for entry, path in pages(tests):
        found[path] = split_of(entry["file"])
    for _, path in pages(tests, extra=True):
        found[path] = "extra"
    listed = {
        entry["file"]: entry for entry in json.loads((tests / "evaldata.json").read_text(encoding="utf-8")).values()
    }
    for folder in ("cache", "eval"):
        for path in sorted((tests / folder).iterdir()):
            if path in found or path.suffix not in (".html", ".htm", ""):
                continue
            entry = listed.get(path.name)
            if entry is not None:
                english = is_english_text(entry["with"] + entry["without"])
            else:
                lang = _LANG.search(path.read_bytes()[:300_000])
                english = bool(lang and lang.group(1).lower().startswith(b"en"))
            if english:
                found[path] = "other"
    return found


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.lower())


def teacher(path: Path, cache: Path | None) -> dict[str, Any] | None:
    """The page's rendered text and what the HTML path speaks of it (None: the HTML path refuses it)."""
    stored = cache / (path.name + ".json") if cache else None
    if stored and stored.exists():
        data: dict[str, Any] | None = json.loads(stored.read_text(encoding="utf-8"))
        return data
    html = path.read_bytes()
    try:
        article = html_to_article(html, path.name)
        data = {"text": render(html), "title": article.title, "paragraphs": list(article.paragraphs)}
    except (RadioError, ValueError):
        data = None
    if stored:
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_text(json.dumps(data), encoding="utf-8")
    return data


def labelled_rows(data: dict[str, Any]) -> tuple[list[list[float]], list[int]]:
    """The features and teacher label (1 story, 0 chrome) of each block the learned score decides."""
    spoken = [_words(p) for p in data["paragraphs"]]
    triples = {tuple(w[k : k + 3]) for w in spoken for k in range(len(w) - 2)}
    whole = {tuple(w) for w in spoken}
    title = tuple(_words(data["title"]))
    found = story.rule_pass(data["text"])
    blocks, classes, span, kept = found.blocks, found.classes, found.span, found.kept
    rows, targets = [], []
    page = learned.PageContext(blocks, classes, found.labels, span, kept, spaces_paragraphs(classes, blocks))
    for i in story.learned_candidates(found):
        if page.past_a_list(i):
            continue  # left to the rules at run time
        words = _words(blocks[i].text)
        if not words:
            continue
        if len(words) >= 5:
            own = [tuple(words[k : k + 3]) for k in range(len(words) - 2)]
            is_story = sum(t in triples for t in own) >= TRIPLES_IN * len(own)
        else:
            is_story = tuple(words) in whole
        is_story = is_story and tuple(words) != title  # the headline is read as the title, not as a paragraph
        rows.append(page.features(i))
        targets.append(int(is_story))
    return rows, targets


def fit(x: Any, y: Any) -> tuple[float, list[float]]:
    """Logistic regression by gradient descent on standardised features; weights for the raw features."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    w = np.zeros(z.shape[1])
    b = 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        grad = z.T @ (p - y) / len(y) + L2 * w
        w -= RATE * grad
        b -= RATE * float(np.mean(p - y))
    raw = w / scale
    return b - float(raw @ mean), [float(v) for v in raw]


WEIGHTS_FILE = ROOT / "radio" / "words" / "ingest" / "weights.py"


def write_weights(bias: float, weights: list[float], counts: str, out: Path = WEIGHTS_FILE) -> None:
    names = learned.FEATURES
    lines = [
        '"""The learned story score\'s weights (``learned.py``), written by scripts/fit_text_weights.py: do not edit.',
        "",
        f"Fitted on {counts}.",
        '"""',
        "",
        f"BIAS = {bias:.4f}",
        "WEIGHTS = (",
        *(f"    {w:.4f},  # {name}" for w, name in zip(weights, names, strict=True)),
        ")",
        "",
    ]
    out.write_text("\n".join(lines), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("checkout", type=Path, help="a checkout of github.com/adbar/trafilatura")
    parser.add_argument("--fit", default="tune,extra,other", help="groups to fit on (never holdout)")
    parser.add_argument("--score", default="", help="groups to report the fitted score's agreement on")
    parser.add_argument("--write", action="store_true", help="write radio/words/ingest/weights.py")
    parser.add_argument("--out", type=Path, default=WEIGHTS_FILE, help="where --write writes (to compare fits)")
    parser.add_argument("--cache", type=Path, help="a folder to keep rendered pages and the HTML path's output in")
    args = parser.parse_args()
    chosen = set(args.fit.split(","))
    if "holdout" in chosen:
        parser.error("holdout pages are never fitted on")
    scored = set(filter(None, args.score.split(",")))
    found = groups(args.checkout / "tests")
    rows: dict[str, tuple[list[list[float]], list[int]]] = {}
    pages_used: dict[str, int] = {}
    for path, group in sorted(found.items()):
        if group not in chosen | scored:
            continue
        data = teacher(path, args.cache)
        if data is None:
            continue
        x, y = labelled_rows(data)
        got = rows.setdefault(group, ([], []))
        got[0].extend(x)
        got[1].extend(y)
        pages_used[group] = pages_used.get(group, 0) + 1
    x = np.array([r for g in chosen if g in rows for r in rows[g][0]], dtype=float)
    y = np.array([t for g in chosen if g in rows for t in rows[g][1]], dtype=float)
    bias, weights = fit(x, y)
    counts = ", ".join(f"{g} {pages_used.get(g, 0)} pages" for g in sorted(chosen))
    if args.write:
        write_weights(bias, weights, f"{counts} ({len(y)} blocks)", args.out)
    print(f"fitted on {counts}: {len(y)} blocks, {int(y.sum())} story")
    for group in sorted(chosen | scored):
        if group not in rows:
            continue
        gx, gy = np.array(rows[group][0]), np.array(rows[group][1])
        p = 1.0 / (1.0 + np.exp(-(gx @ np.array(weights) + bias)))
        rules = gx[:, learned.FEATURES.index("kept by the rules")]
        print(
            f"  {group}: {len(gy)} blocks; agreement with the teacher: learned {np.mean((p >= 0.5) == gy):.3f},"
            f" rules {np.mean(rules == gy):.3f}"
        )
    for w, name in sorted(zip(weights, learned.FEATURES, strict=True), key=lambda t: -abs(t[0])):
        print(f"  {w:+.3f}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
