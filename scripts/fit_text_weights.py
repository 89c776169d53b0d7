"""Fit the learned story score of the plain-text path (``radio/words/ingest/weights.py``).

Usage: python scripts/fit_text_weights.py /path/to/trafilatura-checkout [--aeb /path/to/aeb-checkout]
       [--readability /path/to/readability-checkout] [--newspaper /path/to/newspaper-pages]
       [--fit tune,extra,other,aeb-a,aeb-b,readability,newspaper]
       [--cv [--grid KEEP_FROM:DROP_FROM[:KEEP_AFTER],...]] [--write] [--cache DIR]

Labels without hand-labelling, and with a person's where there is one. For
every English page of trafilatura's tests (``tests/cache`` and ``tests/eval``)
the page is rendered to the text a browser's select-all copy gives
(``eval_text.render``), the plain-text path's rules run on it
(``story.rule_pass``), and each block the learned score decides
(``story.scorable``: those it may add, those it may drop) is labelled "story"
when its words are in what radio's HTML path speaks of the page (the
teacher: most of its word triples, or the whole of a short paragraph), else
"chrome". On the article-extraction-benchmark's dev half (``--aeb``) the
same containment is taken in the article body a person marked
(``ground-truth.json``); the HTML path is run there too, and how often it
and the person disagree on those blocks is printed. On the dev half of
Mozilla Readability's test pages (``--readability``, ``eval_readability.py``)
it is taken in the text of the article Readability's reviewed output keeps,
and on the dev half of the newspaper library's test pages (``--newspaper``,
``eval_newspaper.py``) in the paragraphs of the text newspaper extracts.
Pages the HTML path refuses are left out.

Two logistic regressions are fitted by gradient descent (numpy): a first
pass on a block's own features (fitted on the blocks the score may add), and
a second on those plus the first scores around it, with one head for the
blocks it may add and one for those it may drop. ``--write`` writes the
weights into ``weights.py`` as numbers.

Groups: "tune" and "holdout" are the 120 pages of ``eval_text.py`` split by
its hash; "extra" the further English pages it studies; "other" every other
English page; "aeb-a" and "aeb-b" the benchmark's dev half split by the
second digit of the key; "readability" Readability's dev half; "newspaper"
newspaper's dev half. Holdout pages and the test halves of the benchmark,
Readability and newspaper are never
fitted on, nor used to choose anything (``--fit`` refuses holdout).
``--cv`` cross-validates: for each group, fit without it, then score it with
eval_text's figures (tune, extra: must-have kept / must-not dropped, spoken),
eval_aeb's (the benchmark and Readability: body paragraphs heard / clutter dropped / F1), or
agreement with the labels (other), for each setting of the thresholds
(``story.KEEP_FROM``, ``story.DROP_FROM``, ``story.KEEP_AFTER``). Thresholds and features are
chosen on those figures only. Nothing of the pages is copied into the
project; ``--cache`` keeps the rendered texts and the HTML path's output in
a folder of your choice to make reruns fast.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import numpy as np  # noqa: E402
from eval_aeb import Score, score_page  # type: ignore[import-not-found]  # noqa: E402
from eval_extraction import is_english_text  # type: ignore[import-not-found]  # noqa: E402
from eval_readability import pages as readability_half  # type: ignore[import-not-found]  # noqa: E402
from eval_readability import unmarked  # noqa: E402
from eval_text import evaluate, pages, reference_headline, render, split_of  # type: ignore[import-not-found]  # noqa: E402

from radio.errors import RadioError  # noqa: E402
from radio.words.ingest import learned, story, voiceable  # noqa: E402
from radio.words.ingest.html import html_to_article  # noqa: E402
from radio.words.ingest.shape import spaces_paragraphs  # noqa: E402
from radio.words.ingest.text import clean_text  # noqa: E402

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


def label_blocks(found: story.RulePass, index: list[int], paragraphs: list[str], title: str | None) -> list[int]:
    """1 (story) or 0 (chrome) for each block of ``index``: are its words in ``paragraphs``?

    A block of five words or more is story when most of its word triples are (``TRIPLES_IN``), a
    shorter one when it is a whole paragraph; the headline is read as the title, not as a paragraph.
    """
    spoken = [_words(p) for p in paragraphs]
    triples = {tuple(w[k : k + 3]) for w in spoken for k in range(len(w) - 2)}
    whole = {tuple(w) for w in spoken}
    heading = tuple(_words(title or ""))
    out = []
    for i in index:
        words = _words(found.blocks[i].text)
        if len(words) >= 5:
            own = [tuple(words[k : k + 3]) for k in range(len(words) - 2)]
            is_story = sum(t in triples for t in own) >= TRIPLES_IN * len(own)
        else:
            is_story = tuple(words) in whole
        out.append(int(is_story and tuple(words) != heading))
    return out


@dataclass
class PageRows:
    """One page's blocks that the learned score decides, with their features and labels."""

    group: str
    page: learned.PageContext
    blocks: int  # the page's number of blocks
    index: list[int]  # the blocks scored: those it may add, then those it may drop
    adds: int  # how many of ``index`` it may add
    base: Any  # their first-pass features (numpy, one row a block)
    target: Any  # their labels (numpy)
    around: list[int]  # the blocks whose first score the second pass reads (``story.first_pass_blocks``)
    around_base: Any  # their features
    teacher: Any = None  # on the benchmark's pages: the HTML path's labels, to compare with the person's


ROWS = "all"  # "add": fit on the blocks the score may add only (--rows)
MASK: set[str] = set()  # features left out of the fit (--mask)
DROP_GROUPS: set[str] = set()  # the groups the drop head is fitted on (--drop-groups; all when empty)
PASSES = 2
FIRST = "add"  # the first pass fitted on the blocks the score may add ("all": and those it may drop)


def page_rows(group: str, text: str, paragraphs: list[str], title: str | None) -> PageRows | None:
    found = story.rule_pass(text)
    spacing = spaces_paragraphs(found.classes, found.blocks)
    page = learned.PageContext(found.blocks, found.classes, found.labels, found.span, list(found.kept), spacing)
    adds, drops = story.scorable(found, page)
    adds = [i for i in adds if _words(found.blocks[i].text)]
    index = adds + [i for i in drops if _words(found.blocks[i].text)]
    if not index:
        return None
    base = np.array([page.features(i) for i in index], dtype=float)
    target = np.array(label_blocks(found, index, paragraphs, title), dtype=float)
    around = story.first_pass_blocks(found, adds, [i for i in drops if _words(found.blocks[i].text)])
    around_base = np.array([page.features(i) for i in around], dtype=float)
    return PageRows(group, page, len(found.blocks), index, len(adds), base, target, around, around_base)


def aeb_group(key: str) -> str:
    """The benchmark's dev pages in two groups for cross-validation, by the second digit of their key."""
    return "aeb-a" if int(key[1], 16) % 2 == 0 else "aeb-b"


def aeb_pages(checkout: Path) -> list[tuple[str, bytes, str]]:
    """The benchmark's English dev pages: key, HTML and the article body a person marked."""
    truth = json.loads((checkout / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for key, entry in sorted(truth.items()):
        if int(key[0], 16) % 2 != 0 or not is_english_text([entry["articleBody"]]):
            continue  # the test half is never fitted on nor studied
        out.append((key, gzip.decompress((checkout / "html" / f"{key}.html.gz").read_bytes()), entry["articleBody"]))
    return out


READABILITY = "readability"  # the group of Readability's dev half
NEWSPAPER = "newspaper"  # the group of the newspaper library's dev half
PAGE_SETS = (READABILITY, NEWSPAPER)  # the groups of whole pages with a reference body (eval_readability's shape)


def _page_set_half(group: str) -> Any:
    """The ``pages(checkout, halves)`` of the group's evaluation script."""
    if group == READABILITY:
        return readability_half
    from eval_newspaper import pages as newspaper_half  # type: ignore[import-not-found]

    return newspaper_half


@lru_cache(maxsize=4)
def page_set(group: str, checkout: Path) -> list[tuple[str, str, str | None, str]]:
    """A page set's English dev pages as its evaluation reads them: name, select-all copy, headline, body.

    The body is the reference article as the evaluation scores it (Readability's reviewed output, the text
    newspaper extracts), one paragraph a line; the test half is never fitted on nor studied.
    """
    dev = _page_set_half(group)(checkout, ("dev",))
    return [(name, render(html), reference_headline(html), body) for _, name, html, body in dev]


@lru_cache(maxsize=1)
def _aeb_copies(aeb: Path) -> list[tuple[str, str, str | None, str]]:
    """The benchmark's dev pages as eval_aeb reads them: key, select-all copy, page headline, marked body."""
    return [(key, render(html), reference_headline(html), body) for key, html, body in aeb_pages(aeb)]


def _aeb_teacher(html: bytes) -> tuple[str, list[str]] | None:
    try:
        article = html_to_article(html, "page.html")
    except (RadioError, ValueError):
        return None
    return article.title, list(article.paragraphs)


def collect(
    checkout: Path, aeb: Path | None, wanted: set[str], cache: Path | None, sets: dict[str, Path] | None = None
) -> list[PageRows]:
    rows: list[PageRows] = []
    for path, group in sorted(groups(checkout / "tests").items()):
        if group not in wanted:
            continue
        data = teacher(path, cache)
        if data is None:
            continue
        got = page_rows(group, data["text"], data["paragraphs"], data["title"])
        if got is not None:
            rows.append(got)
    if aeb is not None:
        for key, html, body in aeb_pages(aeb):
            if aeb_group(key) not in wanted:
                continue
            copy = render(html)
            got = page_rows(aeb_group(key), copy, body.split("\n"), reference_headline(html))
            if got is None:
                continue
            taught = _aeb_teacher(html)
            if taught is not None:
                found = story.rule_pass(copy)
                got.teacher = np.array(label_blocks(found, got.index, taught[1], taught[0]), dtype=float)
            rows.append(got)
    for group, where in (sets or {}).items():
        if group not in wanted:
            continue
        for _, copy, reference, body in page_set(group, where):
            got = page_rows(group, copy, body.split("\n"), reference)
            if got is not None:
                rows.append(got)
    return rows


def _sigmoid(z: Any) -> Any:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def fit_one(x: Any, y: Any) -> tuple[float, list[float]]:
    """Logistic regression by gradient descent on standardised features; weights for the raw features."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    w = np.zeros(z.shape[1])
    b = 0.0
    for _ in range(STEPS):
        p = _sigmoid(z @ w + b)
        grad = z.T @ (p - y) / len(y) + L2 * w
        w -= RATE * grad
        b -= RATE * float(np.mean(p - y))
    raw = w / scale
    return b - float(raw @ mean), [float(v) for v in raw]


def _masked(x: Any, names: tuple[str, ...]) -> Any:
    x = x.copy()
    for k, name in enumerate(names):
        if name in MASK:
            x[:, k] = 0.0
    return x


Model = dict[str, tuple[float, list[float]]]  # the heads of ``learned.HEADS``


def context_rows(pages: list[PageRows], first: tuple[float, list[float]]) -> Any:
    """The second pass's features of every page's scored blocks, from the first pass's scores."""
    rows = []
    for page in pages:
        scores = [0.0] * page.blocks
        for i, p in zip(page.around, _sigmoid(page.around_base @ np.array(first[1]) + first[0]), strict=True):
            scores[i] = float(p)
        rows.extend(
            page.page.context_features(i, list(own), scores) for i, own in zip(page.index, page.base, strict=True)
        )
    return np.array(rows, dtype=float)


def _kinds(pages: list[PageRows]) -> Any:
    """True for the rows of blocks the score may add, False for those it may drop."""
    return np.concatenate([np.arange(len(p.index)) < p.adds for p in pages])


def fit(pages: list[PageRows]) -> Model:
    """The first pass on the block's own features, then the add and drop heads with its neighbours' first scores."""
    x = np.concatenate([p.base for p in pages])
    y = np.concatenate([p.target for p in pages])
    adds = _kinds(pages)
    first = (
        fit_one(_masked(x[adds], learned.FEATURES), y[adds])
        if FIRST == "add"
        else fit_one(_masked(x, learned.FEATURES), y)
    )
    if PASSES == 1:
        same = (first[0], [*first[1], 0.0, 0.0, 0.0])
        return {"first": first, "add": same, "drop": same}
    context = _masked(context_rows(pages, first), learned.CONTEXT_FEATURES)
    model = {"first": first, "add": fit_one(context[adds], y[adds])}
    drops = ~adds & np.concatenate([np.full(len(p.index), p.group in DROP_GROUPS or not DROP_GROUPS) for p in pages])
    model["drop"] = (
        fit_one(context[drops], y[drops])
        if ROWS == "all" and drops.any()
        else (-30.0, [0.0] * len(learned.CONTEXT_FEATURES))
    )
    return model


def predict(pages: list[PageRows], model: Model) -> Any:
    context = context_rows(pages, model["first"])
    adds = _kinds(pages)
    out = np.empty(len(context))
    for head, rows in (("add", adds), ("drop", ~adds)):
        out[rows] = _sigmoid(context[rows] @ np.array(model[head][1]) + model[head][0])
    return out


WEIGHTS_FILE = ROOT / "radio" / "words" / "ingest" / "weights.py"


def write_weights(model: Model, counts: str, out: Path = WEIGHTS_FILE) -> None:
    lines = [
        '"""The learned story score\'s weights (``learned.py``), written by scripts/fit_text_weights.py: do not edit.',
        "",
        f"Fitted on {counts}.",
        '"""',
        "",
    ]
    for head, prefix, names in (
        ("first", "", learned.FEATURES),
        ("add", "ADD_", learned.CONTEXT_FEATURES),
        ("drop", "DROP_", learned.CONTEXT_FEATURES),
    ):
        bias, weights = model[head]
        lines += [
            f"{prefix}BIAS = {bias:.4f}",
            f"{prefix}WEIGHTS = (",
            *(f"    {w:.4f},  # {name}" for w, name in zip(weights, names, strict=True)),
            ")",
        ]
    out.write_text("\n".join([*lines, ""]), encoding="utf-8")


def use(model: Model) -> None:
    """Run radio's plain-text path with ``model`` (for scoring a fold)."""
    for head, (bias, weights) in model.items():
        learned.HEADS[head] = (bias, tuple(weights))


def _body_figures(
    copies: list[tuple[str, str, str | None, str]], scored: Callable[[str], str] = str
) -> dict[str, float]:
    """eval_aeb's figures of pages with a marked body: paragraphs heard, clutter dropped, F1, and their counts.

    ``scored`` turns the copy into the lines the clutter is counted in, as the group's evaluation does.
    """
    score = Score()
    for key, copy, reference, body in copies:
        try:
            article = voiceable(clean_text(copy, key))
        except RadioError:
            score_page(score, None, body, None, reference, scored(copy))
            continue
        kept = "\n".join((article.title, *article.paragraphs))
        score_page(score, kept, body, article.title, reference, scored(copy))
    return {"kept": 100 * score.heard / score.paragraphs, "dropped": 100 * score.dropped / score.clutter,
            "f1": score.f1 / score.pages, "heard": score.heard, "paragraphs": score.paragraphs,
            "clutter dropped": score.dropped, "clutter": score.clutter}  # fmt: skip


SET_CHECKOUTS: dict[str, Path] = {}  # --readability, --newspaper


def score_group(group: str, checkout: Path, aeb: Path | None, pages: list[PageRows], model: Model) -> dict[str, float]:
    """The figures of one group read with ``model``: eval_text's on trafilatura's pages, eval_aeb's on the benchmark."""
    use(model)
    if group in ("tune", "extra"):
        halves = evaluate(checkout / "tests", group)[0]
        tally = halves[group].strict
        return {"kept": 100 * tally.kept / tally.must, "dropped": 100 * tally.excluded / tally.mustnot}
    if group.startswith("aeb") and aeb is not None:
        return _body_figures([(k, c, r, b) for k, c, r, b in _aeb_copies(aeb) if aeb_group(k) == group])
    if group in SET_CHECKOUTS:
        return _body_figures(page_set(group, SET_CHECKOUTS[group]), unmarked if group == READABILITY else str)
    mine = [p for p in pages if p.group == group]
    y = np.concatenate([p.target for p in mine])
    return {"agree": 100 * float(np.mean((predict(mine, model) >= 0.5) == y))}


GRID: dict[str, tuple[float, ...]] = {
    "KEEP_FROM": (0.5, 0.65, 0.8),
    "DROP_FROM": (0.8, 0.9, 0.95, 1.01),
}


SKIP_RULES = False
SETTINGS: list[dict[str, float]] = []  # --grid


def cross_validate(
    checkout: Path, aeb: Path | None, pages: list[PageRows], names: list[str], also: tuple[str, ...] = ()
) -> None:
    """Fit without each group, score it; every setting of ``GRID`` (the rules alone first).

    The groups of ``also`` are never fitted on: each is scored with the fit on every group of ``names``.
    """
    models = {g: fit([p for p in pages if p.group != g]) for g in names}
    if also:
        whole = fit(pages)
        models.update(dict.fromkeys(also, whole))
    names = [*names, *also]
    settings: list[dict[str, float]] = SETTINGS or [{}]
    if not SETTINGS:
        for keep in GRID["KEEP_FROM"]:
            for drop in GRID["DROP_FROM"]:
                settings.append({"KEEP_FROM": keep, "DROP_FROM": drop})
    saved = {name: getattr(story, name) for name in ("KEEP_FROM", "DROP_FROM", "KEEP_AFTER")}
    for setting in settings:
        story.LEARNED = bool(setting)
        for name, value in setting.items():
            setattr(story, name, value)
        parts = []
        both: dict[str, float] = {}
        means: list[tuple[float, float]] = []
        for g in names:
            figures = score_group(g, checkout, aeb, pages, models[g])
            if "dropped" in figures:
                means.append((figures["kept"], figures["dropped"]))
            parts.append(f"{g} " + "/".join(f"{v:.3f}" if v < 1 else f"{v:.1f}" for v in list(figures.values())[:3]))
            for k, v in figures.items():
                if g.startswith("aeb") and k in ("heard", "paragraphs", "clutter dropped", "clutter"):
                    both[k] = both.get(k, 0) + v
        if both:
            parts.append(f"aeb {100 * both['heard'] / both['paragraphs']:.1f}/"
                         f"{100 * both['clutter dropped'] / both['clutter']:.1f}")  # fmt: skip
        if means:  # the groups weigh the same: a mean of their kept and dropped shares
            parts.append(
                f"mean {sum(m[0] for m in means) / len(means):.2f}/{sum(m[1] for m in means) / len(means):.2f}"
            )
        label = ", ".join(f"{k} {v}" for k, v in setting.items()) or "rules alone"
        print(f"{label:<32} " + "  ".join(parts), flush=True)
        for name, value in saved.items():
            setattr(story, name, value)
    story.LEARNED = True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("checkout", type=Path, help="a checkout of github.com/adbar/trafilatura")
    parser.add_argument("--aeb", type=Path, help="a checkout of the article-extraction-benchmark (its dev half)")
    parser.add_argument("--readability", type=Path, help="a checkout of mozilla/readability (its dev half)")
    parser.add_argument("--newspaper", type=Path, help="a copy of the newspaper library's test pages (its dev half)")
    parser.add_argument(
        "--fit", default="tune,extra,other,aeb-a,aeb-b,readability,newspaper", help="groups to fit on (never holdout)"
    )
    parser.add_argument("--cv", action="store_true", help="cross-validate over the groups of --fit")
    parser.add_argument("--also", default="", help="with --cv, groups scored and never fitted on (a baseline)")
    parser.add_argument("--write", action="store_true", help="write radio/words/ingest/weights.py")
    parser.add_argument("--out", type=Path, default=WEIGHTS_FILE, help="where --write writes (to compare fits)")
    parser.add_argument("--rows", choices=("all", "add"), default="all", help="add: fit on what it may add only")
    parser.add_argument("--mask", default="", help="features left out of the fit (names, comma-separated)")
    parser.add_argument("--drop-groups", default="", help="fit the drop head on these groups only")
    parser.add_argument("--l2", type=float, default=1e-3, help="the L2 penalty on the standardised weights")
    parser.add_argument("--first", choices=("add", "all"), default="add", help="the first pass's blocks")
    parser.add_argument("--passes", type=int, choices=(1, 2), default=2, help="1: no second pass")
    parser.add_argument("--grid", default="", help="settings to try, as KEEP_FROM:DROP_FROM[:KEEP_AFTER],... (--cv)")
    parser.add_argument("--cache", type=Path, help="a folder to keep rendered pages and the HTML path's output in")
    args = parser.parse_args()
    global ROWS, PASSES, SKIP_RULES, FIRST, L2
    ROWS, PASSES, FIRST, L2 = args.rows, args.passes, args.first, args.l2
    SET_CHECKOUTS.update((g, c) for g, c in ((READABILITY, args.readability), (NEWSPAPER, args.newspaper)) if c)
    MASK.update(filter(None, args.mask.split(",")))
    DROP_GROUPS.update(filter(None, args.drop_groups.split(",")))
    if args.grid:
        SETTINGS.extend(
            dict(zip(("KEEP_FROM", "DROP_FROM", "KEEP_AFTER"), (float(v) for v in item.split(":")), strict=False))
            for item in args.grid.split(",")
        )
        SKIP_RULES = True
    chosen = [
        g
        for g in args.fit.split(",")
        if (not g.startswith("aeb") or args.aeb) and (g not in PAGE_SETS or g in SET_CHECKOUTS)
    ]
    if "holdout" in chosen:
        parser.error("holdout pages are never fitted on")
    pages = collect(args.checkout, args.aeb, set(chosen), args.cache, SET_CHECKOUTS)
    taught = [p for p in pages if p.teacher is not None]
    if taught:
        human = np.concatenate([p.target for p in taught])
        html = np.concatenate([p.teacher for p in taught])
        print(
            f"benchmark dev: {len(taught)} pages, {len(human)} blocks; the HTML path (teacher) and the person disagree"
            f" on {np.mean(human != html):.1%}: teacher story where the person says chrome"
            f" {int(np.sum((html == 1) & (human == 0)))}, the reverse {int(np.sum((html == 0) & (human == 1)))}"
        )
    if args.cv:
        also = tuple(g for g in args.also.split(",") if g and g not in chosen)
        cross_validate(args.checkout, args.aeb, pages, chosen, also)
        return 0
    model = fit(pages)
    counts = ", ".join(f"{g} {sum(p.group == g for p in pages)} pages" for g in chosen)
    blocks = sum(len(p.index) for p in pages)
    if args.write:
        write_weights(model, f"{counts} ({blocks} blocks)", args.out)
    print(f"fitted on {counts}: {blocks} blocks")
    for head in ("add", "drop"):
        print(f" {head}:")
        for w, name in sorted(zip(model[head][1], learned.CONTEXT_FEATURES, strict=True), key=lambda t: -abs(t[0])):
            print(f"  {w:+.3f}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
