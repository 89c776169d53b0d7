"""Fit the speaker score (``radio.words.quotes.score``) on PolNeAR's training folds.

Usage::

    python scripts/fit_speaker_score.py /path/to/PolNeAR [--folds 1,2,3] [--l2 1.0] [--write]

Every quotation the rules give to someone without a cue of its own is a
choice among candidates (``score.candidates``); the choices whose gold source
is a name are labelled (a candidate is right when its name holds the gold
surname, as ``eval_polnear`` scores it) and a conditional logistic model
(softmax over each choice's candidates) is fitted with an L2 pull towards
zero.  Prints how many choices the rules and the fitted score get right on
the fitting folds and on the held-out folds 4 and 5; ``--write`` writes the
weights to ``radio/words/quotes/speaker_weights.py``.  Nothing from the
corpus is written; only figures are printed.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from bisect import bisect_left
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_polnear import WORD, fold_of, load_split, surname  # noqa: E402

from radio.words.quotes import find_parts, score, switches  # noqa: E402

Choice = tuple[list[list[float]], list[int], int]  # candidates' features, which are right, the rules' pick


def _matches(name: str, gold: str) -> bool:
    return gold.lower() in [w.strip(".,’'").lower() for w in re.split(r"[\s’']+", name)]


def choices(root: Path, folds: set[int]) -> tuple[list[Choice], list[Choice]]:
    """The choices of the articles in ``folds`` (the rules' picks kept: the score switched off): the
    unattributed quotations labelled by the gold source, and the quotations whose own attribution names
    someone named before, labelled by that name (who the writer gave words to next, cue hidden)."""
    out: list[Choice] = []
    proxy: list[Choice] = []
    switches.OFF.add("speaker_score")
    try:
        for doc in load_split(root, "train"):
            if fold_of(doc.name) not in folds:
                continue
            score.RECORD = []
            find_parts([t for _, t in doc.paragraphs])
            recorded, score.RECORD = score.RECORD, None
            starts = [m.start() for m in WORD.finditer(doc.text)]
            for kind, index, pos, names, rows, rule in recorded:
                if len(names) < 2:
                    continue
                if kind == "said":
                    if rule in names:
                        proxy.append((rows, [names.index(rule)], names.index(rule)))
                    continue
                off = doc.paragraphs[index][0]
                token = bisect_left(starts, off + pos)  # the quotation's first word
                gold = next((g for g in doc.gold if g.direct and token in g.tokens), None)
                name = surname(gold.source) if gold else None
                right = [k for k, n in enumerate(names) if name and _matches(n, name)]
                if right:
                    out.append((rows, right, names.index(rule)))
    finally:
        switches.OFF.discard("speaker_score")
    return out, proxy


def _probs(w: list[float], rows: list[list[float]]) -> list[float]:
    s = [sum(a * b for a, b in zip(w, r, strict=True)) for r in rows]
    top = max(s)
    e = [math.exp(x - top) for x in s]
    z = sum(e)
    return [x / z for x in e]


def fit(data: list[Choice], l2: float, steps: int = 3000, rate: float = 0.5) -> list[float]:
    """Maximise the log-likelihood that a right candidate wins, minus ``l2``/2 times the squared weights."""
    n = len(score.FEATURES)
    w = [0.0] * n
    for _ in range(steps):
        grad = [-l2 * x for x in w]
        for rows, right, _rule in data:
            p = _probs(w, rows)
            pr = sum(p[k] for k in right)
            for k, row in enumerate(rows):
                target = p[k] / pr if k in right else 0.0  # the right candidates share the mass they hold
                for j in range(n):
                    grad[j] += (target - p[k]) * row[j]
        w = [x + rate * g / len(data) for x, g in zip(w, grad, strict=True)]
    return w


def right(data: list[Choice], w: list[float] | None) -> int:
    good = 0
    for rows, ok, rule in data:
        if w is None:
            pick = rule
        else:
            s = [sum(a * b for a, b in zip(w, r, strict=True)) for r in rows]
            pick = max(range(len(rows)), key=lambda k: (s[k], k == rule))
        good += pick in ok
    return good


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root", type=Path)
    ap.add_argument("--folds", default="1,2,3")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--proxy", action="store_true", help="fit also on the attributed quotations, cue hidden")
    ap.add_argument("--only", default="", help="fit only these features (comma-separated), the rest weigh 0")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    fit_folds = {int(f) for f in args.folds.split(",")}
    (train, proxy), (held, held_proxy) = choices(args.root, fit_folds), choices(args.root, {4, 5} - fit_folds)
    keep = set(args.only.split(",")) if args.only else set(score.FEATURES)
    mask = [float(f in keep) for f in score.FEATURES]

    def masked(data: list[Choice]) -> list[Choice]:
        return [([[x * m for x, m in zip(r, mask, strict=True)] for r in rows], ok, rule) for rows, ok, rule in data]

    w = fit(masked(train + proxy if args.proxy else train), args.l2)
    for label, data in (("fit folds", train), ("folds 4,5", held), ("proxy fit", proxy), ("proxy 4,5", held_proxy)):
        print(f"{label}: {len(data)} choices; rules right {right(data, None)}, score right {right(data, w)}")
    for name, x in sorted(zip(score.FEATURES, w, strict=True), key=lambda t: -abs(t[1])):
        print(f"  {name:24} {x:+.3f}")
    if args.write:
        path = ROOT / "radio/words/quotes/speaker_weights.py"
        body = ",\n".join(f"    {x:.4f},  # {name}" for name, x in zip(score.FEATURES, w, strict=True))
        path.write_text(
            '"""Weights of the speaker score (``score.FEATURES``, in order), written by'
            f' ``scripts/fit_speaker_score.py``\n(folds {args.folds}, l2 {args.l2})."""\n\n'
            f"WEIGHTS: tuple[float, ...] = (\n{body},\n)\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
