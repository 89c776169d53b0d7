"""Measure the script writer's direct-quote finding against PolNeAR.

Usage::

    python scripts/eval_polnear.py /path/to/PolNeAR --split train [--baseline] [--errors N]
    python scripts/eval_polnear.py /path/to/PolNeAR --split train --folds 1,2,3 --errors 50
    python scripts/eval_polnear.py /path/to/PolNeAR --split train --ablate [--off RULE,...]

Train's articles fall in five folds by a CRC-32 of the file name: rules are
fitted reading errors on folds 1-3 only, and judged on the totals of folds
4 and 5 (printed with any ``--folds``), a holdout inside train; dev and test
are run once at the end.  Each rule of the quote finder has a named switch
(``radio.words.quotes.switches``): ``--off`` turns rules off, ``--ablate``
measures the gain of each (whole split and folds 4,5) with it turned off alone.
An interview printed as ``Q:``/``A:`` gives its answers to the interviewee;
PolNeAR attributes only the speech inside the answers, so those predictions
count as wrong (``--off interview`` scores without them).

PolNeAR (github.com/networkdynamics/PolNeAR) annotates attributions in
BRAT standoff files: ``Source``, ``Cue`` and ``Content`` spans joined by an
``E`` relation.  PolNeAR does not label quotes as direct or indirect, so the
quote marks in the article text decide (see ``quotations``; annotators
sometimes leave the marks out of the span, and a quotation running over
several paragraphs re-opens with a mark on each):

* a quotation stands alone when it opens a sentence or follows a comma or
  colon (``said, "We will win."``); otherwise it is worked into the writer's
  own sentence (``called it "a disaster"``) and is a *partial* quotation;
* a content span whose words are all inside quote marks is a gold *direct*
  quote if its first quotation stands alone, else a partial one;
* a content span mixing unquoted words with quoted ones is split into its
  quotations, each a gold direct quote if it stands alone, else partial.

Where several annotators annotated one article, the first annotator's file
(sorted by name) is used.

Scoring (words are compared by position in the article):

* a predicted quote part matches a gold direct quote when they share at least
  half of the shorter one's words; a prediction that matches only a partial
  quotation, or nothing, is wrong;
* recall counts gold direct quotes matched by some prediction;
* speaker accuracy: over matched gold quotes whose source is a name (not a
  pronoun), the predicted speaker contains the gold source's surname;
* relayed speakers: a speaker miss whose gold source is the outlet or person the
  paragraph cites the speaker through (``..., Trump said, the Times reported``)
  while the prediction is the one who spoke is counted apart (``relayed``): the
  figure above still counts it as a miss;
* pronoun speakers: PolNeAR does not say whom "he" or "she" refers to, so
  over matched gold quotes whose source is "he" or "she" only the plain
  mistakes are counted: a speaker whose known gender is the other one, or a
  name the word lists of ``radio.words.quotes.persons`` call no person's.

Nothing from the corpus is written anywhere; only figures (and, with
``--errors``, examples on the terminal) are printed.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import zlib
from dataclasses import dataclass, fields
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from radio.models import Part
from radio.words.ingest.features import _looks_wrapped
from radio.words.quotes import find_parts, switches
from radio.words.quotes import phrases as phrases_mod
from radio.words.quotes import runs as runs_mod
from radio.words.quotes.persons import is_thing

WORD = re.compile(r"[\w’'-]+")
PRONOUNS = {
    "he",
    "she",
    "they",
    "i",
    "we",
    "you",
    "it",
    "who",
    "which",
    "that",
    "his",
    "her",
    "their",
    "him",
    "them",
    "us",
    "me",
    "one",
    "whom",
    "its",
    "our",
    "my",
}
PRONOUN_GENDER = {"he": "male", "she": "female"}
NOT_SURNAME = {"the", "a", "an", "his", "her", "their", "mr.", "mrs.", "ms.", "dr."}


@dataclass(frozen=True)
class Gold:
    tokens: frozenset[int]
    direct: bool
    source: str


@dataclass(frozen=True)
class Doc:
    name: str
    text: str
    paragraphs: tuple[tuple[int, str], ...]  # (offset, text)
    gold: tuple[Gold, ...]


def paragraphs_of(text: str, lines: bool = True) -> tuple[tuple[int, str], ...]:
    """The article's paragraphs as (offset, text), as the product reads them.

    A block between blank lines whose lines are a page's blocks one per line
    (a live blog, a transcript) is as many paragraphs, as the plain-text
    reader splits it (``radio.words.ingest.features``); a block of one
    paragraph hard-wrapped at a fixed width is one.  With ``lines=False``
    every block between blank lines is one paragraph (the scoring before
    2026-11-30, which fed the quote finder paragraphs the product never gives it).
    """
    out: list[tuple[int, str]] = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        block = m.group(0)
        rows = [(m.start() + r.start(), r.group()) for r in re.finditer(r"[^\n]+", block)]
        rows = [(at + len(r) - len(r.lstrip()), r.strip()) for at, r in rows if r.strip()]
        if lines and len(rows) > 1 and not _looks_wrapped([r for _, r in rows]):
            out.extend(rows)
            continue
        stripped = block.strip()
        if stripped:
            out.append((m.start() + block.index(stripped), stripped))
    return tuple(out)


def quotations(text: str) -> list[int]:
    """For every character, the number of the quotation it is in (marks included), else 0.

    Marks are paired within a paragraph (a line of the text): a curly or
    guillemet opener opens, its closer closes, a straight double mark toggles.
    Quote state never carries over a line break, because a quotation running
    over several paragraphs re-opens with a mark at the start of each.
    """
    out = [0] * len(text)
    current = count = 0
    for i, c in enumerate(text):
        if c == "\n":
            current = 0
        elif c in "“«„" or (c == '"' and not current):
            count += 1
            current = out[i] = count
        elif c in "”»" or c == '"':
            out[i] = current or count + 1
            count = max(count, out[i])
            current = 0
        else:
            out[i] = current
    return out


def stands_alone(text: str, at: int) -> bool:
    """Whether a quotation opening at ``at`` starts a sentence or follows a comma or colon.

    ``He said, "We will win."`` quotes a whole utterance; ``called it "a
    disaster"`` works a fragment into the anchor's own sentence.
    """
    before = text[:at].rstrip(" \t\u00a0")
    return not before or before.endswith(("\n", ".", "?", "!", ":", ",", "”", '"', "»"))


# Quote marks typed as two apostrophes (''Yes,'' he said), as in PolNeAR's New York Times articles:
# the product's plain-text reader turns them into double marks (radio.words.ingest.story); neither the
# gold (``quotations``) nor ``find_parts`` sees them otherwise.  The same patterns as the reader's.
_OPEN_TWO = re.compile(r"(?<![^\s(\[—–])''(?=[\w'‘])")
_CLOSE_TWO = re.compile(r"(?<=[\w.,!?;:’'-])''(?![\w'])")


def two_apostrophes(text: str) -> str:
    """``''Yes,'' he said`` -> `` “Yes,”  he said``: each pair of apostrophes a curly mark and a space,
    so every offset of the annotations still holds."""
    if "''" not in text or not _OPEN_TWO.search(text):
        return text
    return _CLOSE_TWO.sub("” ", _OPEN_TWO.sub(" “", text))


def load_doc(text_path: Path, ann_path: Path, lines: bool = True, apostrophes: bool = False) -> Doc:
    text = text_path.read_text(encoding="utf-8")
    if apostrophes:
        text = two_apostrophes(text)
    spans: dict[str, list[tuple[int, int]]] = {}
    kinds: dict[str, str] = {}
    relations: list[dict[str, str]] = []
    for line in ann_path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        if cols[0].startswith("T"):
            head = cols[1].split(" ", 1)
            if len(head) < 2:
                continue
            try:
                offsets = [[int(x) for x in f.split()] for f in head[1].split(";")]
            except ValueError:
                continue
            kinds[cols[0]] = head[0]
            spans[cols[0]] = [(f[0], f[1]) for f in offsets if len(f) == 2]
        elif cols[0].startswith("E"):
            rel = dict(arg.split(":", 1) for arg in cols[1].split() if ":" in arg)
            relations.append(rel)
    starts = [m.start() for m in WORD.finditer(text)]
    ends = [m.end() for m in WORD.finditer(text)]
    inside = quotations(text)
    gold: list[Gold] = []
    for rel in relations:
        content = rel.get("Content")
        if content not in spans:
            continue
        toks = frozenset(tokens_in(starts, ends, spans[content]))
        runs: dict[int, set[int]] = {}
        for i in toks:
            runs.setdefault(inside[starts[i]], set()).add(i)
        if set(runs) == {0}:
            continue
        src = rel.get("Source")
        source = " ".join(text[a:b] for a, b in spans.get(src, [])) if src else ""
        if 0 not in runs:
            # wholly quoted; still partial if worked into the writer's sentence
            opener = inside.index(min(runs))
            gold.append(Gold(toks, stands_alone(text, opener), source))
            continue
        # A content span mixing the anchor's words with quoted ones: each
        # quotation in it that stands as a whole utterance is a direct quote,
        # the others are partial quotations.
        for qid, qtoks in runs.items():
            if qid:
                opener = inside.index(qid)
                gold.append(Gold(frozenset(qtoks), stands_alone(text, opener), source))
    return Doc(text_path.stem, text, paragraphs_of(text, lines), tuple(gold))


def tokens_in(starts: list[int], ends: list[int], frags: list[tuple[int, int]]) -> list[int]:
    import bisect

    out: list[int] = []
    for a, b in frags:
        i = bisect.bisect_left(ends, a + 1)
        while i < len(starts) and starts[i] < b:
            out.append(i)
            i += 1
    return out


def load_split(root: Path, split: str, lines: bool = True, apostrophes: bool = False) -> list[Doc]:
    base = root / "data" / split
    docs = []
    for text_path in sorted((base / "text").glob("*.txt")):
        anns = sorted((base / "attributions").glob(text_path.stem + "_*.ann"))
        if anns:
            docs.append(load_doc(text_path, anns[0], lines, apostrophes))
    return docs


def locate(para: str, quote: str, start: int) -> list[tuple[int, int]]:
    """Where a quote part's text is in its paragraph, as (start, end) pieces.

    A quotation split around its attribution (``"A," he said, "b."``) is one
    part joined from its two halves (``A, b.``); its pieces are found in order.
    """
    at = para.find(quote, start)
    if at < 0:
        at = para.find(quote)
    if at >= 0:
        return [(at, at + len(quote))]
    for cut in (i for i, c in enumerate(quote) if c == " "):
        first, second = quote[:cut], quote[cut + 1 :]
        for head in (first, first[:-1]):  # the joint may have changed the first half's last mark
            a = para.find(head, start)
            if a < 0:
                a = para.find(head)
            b = para.find(second, a + len(head)) if a >= 0 else -1
            if a >= 0 and b >= 0:
                return [(a, a + len(head)), (b, b + len(second))]
    return []


def baseline_parts(paragraphs: list[str]) -> list[Part]:
    """Merely pair quote marks: everything between paired double marks is a quote."""
    parts: list[Part] = []
    for i, p in enumerate(paragraphs):
        for m in re.finditer(r"[“\"]([^“”\"]+)[”\"]", p):
            parts.append(Part("quote", m.group(1), i))
    return parts


def surname(source: str) -> str | None:
    """The gold source's surname, or None when the source is not a name.

    The name is the head of the noun phrase: before any appositive, relative
    clause or party tag (``Sen. Chris Murphy (D-Conn.)``).  A description
    (``the Republican candidate``, ``a letter to Facebook``) ends in a common
    noun and is not a name.
    """
    head = re.sub(r"\([^)]*\)", " ", source).split(",")[0]
    head = re.split(r"\s(?:who|which|of|from)\s", head)[0].strip()
    if not head or head.lower() in PRONOUNS:
        return None
    words = [re.sub(r"[’']s?$", "", w).strip(".,()") for w in head.split()]
    words = [w for w in words if w]
    while words and words[-1].lower() in ("jr", "sr", "ii", "iii", "iv"):
        words.pop()
    if not words or not words[-1][:1].isupper() or words[-1].lower() in NOT_SURNAME:
        return None
    return words[-1]


def _context(doc: Doc, index: int) -> str:
    """The paragraph before a quote's and its own, shortened, for reading a speaker error."""
    out = []
    for k in (index - 1, index):
        if 0 <= k < len(doc.paragraphs):
            text = doc.paragraphs[k][1]
            out.append(text if len(text) <= 400 else text[:200] + " ... " + text[-195:])
    return "\n    in: ".join(out)


@dataclass
class Counts:
    """What one article (or a sum of articles) scores."""

    tp_pred: int = 0  # predicted quote parts that match a gold direct quote
    n_pred: int = 0
    found: int = 0  # gold direct quotes matched
    n_gold: int = 0
    sp_ok: int = 0  # matched gold quotes with a named source given to the right person
    sp_n: int = 0
    pron_n: int = 0
    pron_gender: int = 0
    pron_thing: int = 0
    sp_relayed: int = 0  # speaker misses where the gold source is who relayed the words (see ``relayed``)

    def add(self, other: Counts) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def figures(self) -> tuple[float, float, float, float]:
        """(precision, recall, F1, speaker accuracy)."""
        p = self.tp_pred / self.n_pred if self.n_pred else 0.0
        r = self.found / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f, (self.sp_ok / self.sp_n if self.sp_n else 0.0)


def fold_of(name: str, folds: int = 5) -> int:
    """The fold (1..folds) an article falls in, by a hash of its file name: the same on every machine."""
    return zlib.crc32(name.encode("utf-8")) % folds + 1


def score(
    doc: Doc, parts: list[Part], errs: dict[str, list[str]], n_errors: int, baseline: bool, context: bool
) -> Counts:
    c = Counts()
    starts = [m.start() for m in WORD.finditer(doc.text)]
    ends = [m.end() for m in WORD.finditer(doc.text)]
    direct = [g for g in doc.gold if g.direct]
    mixed = [g for g in doc.gold if not g.direct]
    matched: dict[int, Part] = {}
    search_from: dict[int, int] = {}
    for part in parts:
        if part.kind != "quote":
            continue
        off, ptext = doc.paragraphs[part.paragraph]
        pieces = locate(ptext, part.text, search_from.get(part.paragraph, 0))
        if not pieces:
            continue
        search_from[part.paragraph] = pieces[-1][1]
        toks = set(tokens_in(starts, ends, [(off + a, off + b) for a, b in pieces]))
        if not toks:
            continue
        c.n_pred += 1
        hit = False
        for gi, g in enumerate(direct):
            if len(toks & g.tokens) * 2 >= min(len(toks), len(g.tokens)):
                hit = True
                matched.setdefault(gi, part)
        if hit:
            c.tp_pred += 1
        elif len(errs["fp"]) < n_errors:
            kind = "mixed" if any(len(toks & g.tokens) * 2 >= min(len(toks), len(g.tokens)) for g in mixed) else "none"
            errs["fp"].append(f"[{doc.name}] ({kind}) {part.text[:120]!r} <- {ptext[:200]!r}")
    c.n_gold += len(direct)
    c.found += len(matched)
    for gi, g in enumerate(direct):
        if gi not in matched:
            if len(errs["fn"]) < n_errors:
                # the quotation in its line, the words before and after it show its shape
                first, last = starts[min(g.tokens)], ends[max(g.tokens)]
                line_start = doc.text.rfind("\n", 0, first) + 1
                line_end = doc.text.find("\n", last)
                line_end = len(doc.text) if line_end < 0 else line_end
                lead = doc.text[max(line_start, first - 100) : first]
                quoted = doc.text[first:last]
                quoted = quoted if len(quoted) <= 120 else quoted[:60] + " ... " + quoted[-55:]
                tail = doc.text[last : min(line_end, last + 80)]
                errs["fn"].append(f"[{doc.name}] {g.source!r}: {lead}[[{quoted}]]{tail}")
            continue
        name = surname(g.source)
        said = PRONOUN_GENDER.get(g.source.strip().lower())
        if said and not baseline:
            c.pron_n += 1
            pred_part = matched[gi]
            if pred_part.gender and pred_part.gender != said:
                c.pron_gender += 1
                if len(errs["pronoun"]) < n_errors:
                    errs["pronoun"].append(f"[{doc.name}] {g.source!r} -> {pred_part.speaker!r}")
            elif pred_part.speaker and is_thing(pred_part.speaker.split()):
                c.pron_thing += 1
                if len(errs["pronoun"]) < n_errors:
                    errs["pronoun"].append(f"[{doc.name}] {g.source!r} -> {pred_part.speaker!r} (no person)")
        if name is None or baseline:
            continue
        c.sp_n += 1
        pred = matched[gi].speaker or ""
        if (
            name.lower() in [w.strip(".,’'").lower() for w in re.split(r"[\s’']+", pred)]
            or name.lower() in pred.lower().split()
        ):
            c.sp_ok += 1
            continue
        c.sp_relayed += relayed(doc.paragraphs[matched[gi].paragraph][1], name, pred)
        if len(errs["speaker"]) < n_errors:
            errs["speaker"].append(
                f"[{doc.name}] gold {g.source!r} pred {pred!r}: {matched[gi].text[:80]!r}"
                + (f"\n    in: {_context(doc, matched[gi].paragraph)}" if context else "")
            )
    return c


def relayed(para: str, source: str, pred: str) -> bool:
    """Whether a speaker miss is the convention of crediting a relay: the gold source is the one
    the paragraph cites the speaker through (``..., Trump said, the Times reported``, ``according to
    the Post``, ``reports USA Today``) and the predicted speaker is named in the same paragraph.
    PolNeAR's annotators give such a quotation to the relay; the script gives it to whoever spoke."""
    if not pred or pred.split()[-1].strip(".,’'").lower() not in para.lower():
        return False
    src = re.escape(source)
    return (
        re.search(
            rf"(?:according to|reports?|reported by|as told to)\s+(?:the\s+|The\s+)?(?:[\w’'.-]+\s+){{0,3}}{src}\b"
            rf"|\b{src}[’']?s?\s+(?:first\s+)?(?:reported|reports|quoted)",
            para,
        )
        is not None
    )


def _line(label: str, c: Counts) -> str:
    p, r, f, acc = c.figures()
    return (
        f"{label}: precision={p:.3f} recall={r:.3f} F1={f:.3f}"
        f" ({c.found}/{c.n_gold} found, {c.tp_pred}/{c.n_pred} right)"
        f" speaker={acc:.3f} ({c.sp_ok}/{c.sp_n})"
    )


def _run(docs: list[Doc]) -> list[Counts]:
    quiet: dict[str, list[str]] = {"fp": [], "fn": [], "speaker": [], "pronoun": []}
    return [score(d, find_parts([p for _, p in d.paragraphs]), quiet, 0, False, False) for d in docs]


def _sum(counts: list[Counts], docs: list[Doc], folds: set[int]) -> Counts:
    total = Counts()
    for d, c in zip(docs, counts, strict=True):
        if fold_of(d.name) in folds:
            total.add(c)
    return total


def ablate(docs: list[Doc], held: set[int], rules: list[str]) -> None:
    """Each rule of ``switches.RULES`` turned off alone: what the whole split and the held folds lose."""
    phrases_mod._NPS.clear()
    runs_mod.RUNS.clear()
    base = _run(docs)
    every = set(range(1, 6))
    b_all, b_held = _sum(base, docs, every), _sum(base, docs, held)
    print(_line("all rules on, whole split", b_all))
    print(_line(f"all rules on, folds {sorted(held)}", b_held))
    print("rule | whole split: found, right predictions, wrong predictions, speakers right | held folds: the same")
    for rule in rules:
        switches.OFF.clear()
        switches.OFF.add(rule)
        phrases_mod._NPS.clear()  # the caches hold what a rule read
        runs_mod.RUNS.clear()
        counts = _run(docs)
        a_all, a_held = _sum(counts, docs, every), _sum(counts, docs, held)

        def delta(a: Counts, b: Counts) -> str:
            wrong_a, wrong_b = a.n_pred - a.tp_pred, b.n_pred - b.tp_pred
            return f"{b.found - a.found:+d} {b.tp_pred - a.tp_pred:+d} {wrong_a - wrong_b:+d} {b.sp_ok - a.sp_ok:+d}"

        # the gain the rule brings: (with it) - (without it); wrong predictions: (without) - (with)
        print(f"{rule} | {delta(a_all, b_all)} | {delta(a_held, b_held)}")
    switches.OFF.clear()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", type=Path, help="local copy of the PolNeAR repository")
    ap.add_argument("--split", default="train", choices=["train", "dev", "test"])
    ap.add_argument("--baseline", action="store_true", help="score plain quote-mark pairing")
    ap.add_argument(
        "--blocks", action="store_true", help="one paragraph per block between blank lines (the scoring before)"
    )
    ap.add_argument(
        "--two-apostrophes",
        action="store_true",
        help="read ''...'' as quote marks, as the product's plain-text reader does (the NYT articles' quotes)",
    )
    ap.add_argument("--context", action="store_true", help="with --errors, print each speaker error's paragraphs")
    ap.add_argument("--errors", type=int, default=0, help="print up to N examples of each error")
    ap.add_argument(
        "--folds",
        default="",
        help="score only the articles of these folds, e.g. 1,2,3 (five folds by a hash of the file name);"
        " the figures of folds 4,5 are printed too",
    )
    ap.add_argument("--off", default="", help="turn off these rules (comma-separated names of switches.RULES)")
    ap.add_argument("--ablate", action="store_true", help="measure each rule turned off alone (slow)")
    args = ap.parse_args()

    docs = load_split(args.root, args.split, not args.blocks, args.two_apostrophes)
    if not docs:
        print(f"no articles found under {args.root}/data/{args.split}", file=sys.stderr)
        return 2
    held = {4, 5}
    rules = [rule for rule in args.off.split(",") if rule]
    for rule in rules:
        if rule not in switches.RULES:
            print(f"unknown rule {rule!r}; the rules: {', '.join(switches.RULES)}", file=sys.stderr)
            return 2
    if args.ablate:
        ablate(docs, held, rules or list(switches.RULES))  # with --off: only those rules, one at a time
        return 0
    switches.OFF.update(rules)
    chosen = {int(k) for k in args.folds.split(",") if k.strip()} if args.folds else set(range(1, 6))
    writer = baseline_parts if args.baseline else find_parts
    t0 = time.perf_counter()
    outputs = [writer([p for _, p in d.paragraphs]) for d in docs]
    elapsed = time.perf_counter() - t0

    errs: dict[str, list[str]] = {"fp": [], "fn": [], "speaker": [], "pronoun": []}
    total, held_total = Counts(), Counts()
    for doc, parts in zip(docs, outputs, strict=True):
        fold = fold_of(doc.name)
        if fold not in chosen and fold not in held:
            continue
        # the errors are read only on the chosen folds: never on the held ones unless chosen
        c = score(
            doc,
            parts,
            errs if fold in chosen else {k: [] for k in errs},
            args.errors if fold in chosen else 0,
            args.baseline,
            args.context,
        )
        if fold in chosen:
            total.add(c)
        if fold in held:
            held_total.add(c)

    p, r, f, acc = total.figures()
    n_docs = sum(1 for d in docs if fold_of(d.name) in chosen)
    which = f" folds={','.join(map(str, sorted(chosen)))}" if args.folds else ""
    print(f"split={args.split}{which} articles={n_docs} gold_direct={total.n_gold} predicted={total.n_pred}")
    print(f"quote precision={p:.3f} recall={r:.3f} F1={f:.3f}")
    if not args.baseline:
        print(f"speaker accuracy={acc:.3f} ({total.sp_ok}/{total.sp_n} named gold speakers)")
        print(
            f"speaker misses that credit the relay (gold: the outlet or person the paragraph cites the speaker"
            f" through, 'according to the Post'; predicted: the one who spoke): {total.sp_relayed}"
            f" of {total.sp_n - total.sp_ok}"
        )
        print(
            f"pronoun speakers: {total.pron_n} found quotes whose source is he/she; given to someone of the other"
            f" known gender: {total.pron_gender}; to a place, people or organisation: {total.pron_thing}"
        )
    if args.split == "train" and held - chosen:
        print(_line("held-out folds 4,5 (totals only)", held_total))
    print(f"find_parts over {len(docs)} articles: {elapsed:.2f} s")
    for kind, lines in errs.items():
        for line in lines:
            print(f"{kind}: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
