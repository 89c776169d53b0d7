"""Measure the plain-text path on real pages copied as text.

Usage: python scripts/eval_text.py /path/to/trafilatura-checkout [--split tune|holdout|all] [--verbose]

The pages are the 120 English news and magazine pages that
``scripts/eval_extraction.py`` selects (same rule, same snippets). Each page
is rendered to the text a browser's select-all copy gives, and radio's
plain-text path (``radio.words.ingest.text.clean_text``, the format forced to
text) runs on that text. Nothing of the pages is copied into this project.

Rendering (lxml): all visible text in document order; each block element
(p, div, li, headings, table rows, ...) on its own line, a blank line around
each <p> (as a browser's innerText does), <br> a line break; whitespace inside
a block collapsed; <head>, script, style, noscript, template, iframe, svg,
select lists and hidden elements (the ``hidden`` attribute, an inline
``display:none`` or ``visibility:hidden``, hidden inputs) removed. Nothing is
cleaned: menus, captions, credits and footers stay.

Reference headline: the page's own, as the page shows it. The metadata title
(og:title, twitter:title, JSON-LD "headline", else <title>) with a "| Site" /
"- Site" tail removed; a visible <h1> that matches it (one contains the
other) is preferred; else the metadata title if a line of the copy shows
it; else the first visible <h1> of three words or more (a
visible headline that differs from the metadata is what the copy holds);
else the metadata title. A page with neither is not counted for headlines.
Headlines are compared normalised: lower case, words only (every run of
letters and digits; punctuation, quote marks and spacing ignored), so a
dropped closing full stop or curly versus straight quotes do not count.

Snippets are scored on the spoken text (title and paragraphs through
``radio.words.speech.to_spoken``) exactly as eval_extraction.py does, strict
and under its listener rules.

The pages are split in two halves by the SHA-1 of the file name (first byte
even: "tune", odd: "holdout"). Rules are tuned on "tune" only; both are
reported. The time is the CPU time (not wall time, which a busy machine
inflates) of radio's plain-text path alone on the rendered text, median and
maximum over the pages, plus a 200 KB input made of pages joined.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import lxml.html  # type: ignore[import-untyped]  # noqa: E402
from eval_extraction import (  # type: ignore[import-not-found]  # noqa: E402
    Tally,
    furniture,
    is_english_article,
    is_english_text,
    norm,
    pct,
    speaker,
)

from radio.errors import RadioError  # noqa: E402
from radio.words.ingest import story  # noqa: E402
from radio.words.ingest.text import clean_text, fold  # noqa: E402

_DROP = {"head", "script", "style", "noscript", "template", "iframe", "svg", "select", "object", "canvas", "video",
         "audio", "map", "datalist", "dialog"}  # fmt: skip
_BLOCK = {"address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div",
          "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
          "header", "hgroup", "hr", "legend", "li", "main", "menu", "nav", "ol", "pre", "section", "summary",
          "table", "tbody", "thead", "tfoot", "tr", "ul", "caption", "html", "button", "label", "option"}  # fmt: skip
_CELL = {"td", "th"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _hidden(element: Any) -> bool:
    if element.get("hidden") is not None:
        return True
    if element.tag == "input":
        return True  # a form field shows no text of its own (hidden or not)
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


class _Out:
    """Accumulates text with the line breaks a browser's copy puts around blocks."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pending = 0  # required line breaks before the next text

    def text(self, value: str, pre: bool = False) -> None:
        if not pre:
            value = re.sub(r"\s+", " ", value)
        if not value.strip():
            if value and self.parts and not self.pending and not self.parts[-1].endswith((" ", "\n")):
                self.parts.append(" ")
            return
        if self.pending:
            if self.parts:
                self.parts.append("\n" * self.pending)
            self.pending = 0
        self.parts.append(value)

    def brk(self, count: int) -> None:
        self.pending = max(self.pending, count)

    def result(self) -> str:
        lines = [line.strip() for line in "".join(self.parts).split("\n")]
        text = "\n".join(lines)
        return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _walk(element: Any, out: _Out, pre: bool) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if not tag or tag in _DROP or _hidden(element):
        if element.tail:
            out.text(element.tail, pre)
        return
    breaks = 2 if tag == "p" else 1 if tag in _BLOCK else 0
    if tag == "br":
        out.brk(1)
    out.brk(breaks)
    inner_pre = pre or tag == "pre"
    if element.text:
        out.text(element.text, inner_pre)
    for child in element:
        _walk(child, out, inner_pre)
    if tag in _CELL and out.parts:
        out.parts.append("\t")
    out.brk(breaks)
    if tag == "tr":
        out.brk(1)
    if element.tail:
        out.text(element.tail, pre)


def parse(html: bytes) -> Any:
    """The page's tree; UTF-8 when the bytes are UTF-8, whatever the page declares."""
    try:
        text = html.decode("utf-8")
    except UnicodeDecodeError:
        return lxml.html.document_fromstring(html)
    return lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", text))


def render(html: bytes) -> str:
    """The text a browser's select-all copy of the page gives (see module docstring)."""
    root = parse(html)
    body = root.find("body")
    out = _Out()
    _walk(body if body is not None else root, out, False)
    return out.result()


_META = (
    "//meta[@property='og:title']/@content",
    "//meta[@name='twitter:title']/@content",
    "//meta[@property='twitter:title']/@content",
)
_LD_HEADLINE = re.compile(r"\"headline\"\s*:\s*\"((?:[^\"\\]|\\.)+)\"")
_SITE_TAIL = re.compile(r"\s+(?:\||-|–|—|::|·)\s+[^|–—]{2,60}$")


def reference_headline(html: bytes) -> str | None:
    """The page's own headline (see module docstring), or None."""
    root = parse(html)
    meta: str | None = None
    for path in _META:
        found = [norm(v) for v in root.xpath(path) if norm(v)]
        if found:
            meta = found[0]
            break
    if meta is None:
        for script in root.xpath("//script[@type='application/ld+json']"):
            match = _LD_HEADLINE.search(script.text or "")
            if match:
                try:
                    meta = norm(json.loads(f'"{match.group(1)}"'))
                except ValueError:
                    continue
                break
    if meta is None:
        titles = root.xpath("//head/title")
        meta = norm(titles[0].text_content()) if titles else None
    if meta:
        meta = _SITE_TAIL.sub("", meta)
    h1s = []
    for h1 in root.xpath("//body//h1"):
        if any(_hidden(a) or a.tag in _DROP for a in h1.iterancestors()) or _hidden(h1):
            continue
        out = _Out()
        _walk(h1, out, False)
        lines = [norm(line) for line in out.result().splitlines() if norm(line)]
        if lines:
            h1s.append(max(lines, key=len))  # a section label in a block of its own is no part of it
    for text in h1s:
        a, b = fold(text), fold(meta or "")
        if a and b and (a in b or b in a):
            return text
    if meta and fold(meta) in {fold(line) for line in render(html).splitlines()}:
        return meta  # the metadata title is shown on the page, though not as an <h1>
    shown = [text for text in h1s if len(text.split()) >= 3]
    return shown[0] if shown else meta or (h1s[0] if h1s else None)


def split_of(name: str) -> str:
    return "tune" if hashlib.sha1(name.encode("utf-8")).digest()[0] % 2 == 0 else "holdout"


def pages(tests: Path, extra: bool = False) -> list[tuple[dict[str, Any], Path]]:
    """The pages eval_extraction.py selects, in evaldata order.

    With ``extra``, instead the English pages it leaves out (no ``lang="en"`` or no article type in
    the metadata: blogs, magazines, pages that are not news): a third set to study while tuning.
    """
    evaldata = json.loads((tests / "evaldata.json").read_text(encoding="utf-8"))
    chosen = []
    for entry in evaldata.values():
        path = next((p for p in (tests / "cache" / entry["file"], tests / "eval" / entry["file"]) if p.exists()), None)
        if path is None or not is_english_text(entry["with"] + entry["without"]):
            continue
        if is_english_article(path.read_bytes()) != extra:
            chosen.append((entry, path))
    return chosen


class Half:
    def __init__(self) -> None:
        self.strict, self.heard = Tally(), Tally()
        self.pages = self.failed = self.titled = self.exact = 0
        self.errors: list[str] = []
        self.title_misses: list[str] = []


def evaluate(tests: Path, split: str, dump: Path | None = None) -> tuple[dict[str, Half], list[float], list[str]]:
    """Read every page of ``split`` as text: the tallies of each half, the CPU seconds per page and the texts."""
    say = speaker() or norm
    halves = {"tune": Half(), "holdout": Half(), "extra": Half()}
    seconds: list[float] = []
    texts: list[str] = []
    for entry, path in pages(tests, extra=split == "extra"):
        half_name = "extra" if split == "extra" else split_of(entry["file"])
        if split != "all" and half_name != split:
            continue
        half = halves[half_name]
        html = path.read_bytes()
        text = render(html)
        texts.append(text)
        if dump:
            dump.mkdir(parents=True, exist_ok=True)
            (dump / (entry["file"] + ".txt")).write_text(text, encoding="utf-8")
        reference = reference_headline(html)
        apart = furniture(html, entry["with"])
        half.pages += 1
        start = time.process_time()
        try:
            article = clean_text(text, entry["file"])
        except RadioError as exc:
            half.failed += 1
            half.errors.append(f"{entry['file']}: {exc}")
            half.strict.add(entry["file"], "", entry["with"], entry["without"], say)
            half.heard.add(entry["file"], "", entry["with"], entry["without"], say, apart)
            half.titled += reference is not None
            continue
        seconds.append(time.process_time() - start)
        said = " ".join(say(p) for p in (article.title, *article.paragraphs))
        half.strict.add(entry["file"], said, entry["with"], entry["without"], say)
        half.heard.add(entry["file"], said, entry["with"], entry["without"], say, apart)
        if reference is not None:
            half.titled += 1
            if fold(article.title) == fold(reference):
                half.exact += 1
            else:
                half.title_misses.append(f"{entry['file']}: {article.title!r} != {reference!r}")
    return halves, seconds, texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("checkout", type=Path, help="a checkout of github.com/adbar/trafilatura")
    parser.add_argument(
        "--split",
        choices=("tune", "holdout", "all", "extra"),
        default="all",
        help="extra: the English pages outside the 120 (a further set to study while tuning)",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses, leaks and headline misses")
    parser.add_argument("--rules-only", action="store_true", help="without the learned story score")
    parser.add_argument("--dump", type=Path, help="write each rendered page's text into this folder")
    args = parser.parse_args()
    story.LEARNED = not args.rules_only
    halves, seconds, texts = evaluate(args.checkout / "tests", args.split, args.dump)

    for name, half in halves.items():
        if not half.pages:
            continue
        print(f"[{name}] pages: {half.pages}, refused: {half.failed}")
        print(f"  headline exact (normalised):   {pct(half.exact, half.titled)}")
        print(f"  must-have kept (spoken):       {pct(half.strict.kept, half.strict.must)}")
        print(f"  must-have kept (listener):     {pct(half.heard.kept, half.heard.must)}")
        print(f"  must-not dropped (spoken):     {pct(half.strict.excluded, half.strict.mustnot)}")
    if seconds:
        seconds.sort()
        sizes = sorted(len(t.encode("utf-8")) for t in texts)
        print(
            f"CPU time per page: median {1000 * seconds[len(seconds) // 2]:.1f} ms, max {1000 * seconds[-1]:.1f} ms"
            f" (median text {sizes[len(sizes) // 2] / 1024:.0f} KB)"
        )
        big = "\n\n".join(texts)
        while len(big.encode("utf-8")) < 200 * 1024:
            big += "\n\n" + big
        big = big.encode("utf-8")[: 200 * 1024].decode("utf-8", "ignore")
        runs = []
        for _ in range(3):
            start = time.process_time()
            with contextlib.suppress(RadioError):
                clean_text(big, "200kb.txt")
            runs.append(time.process_time() - start)
        print(f"CPU time for a 200 KB input (pages joined): median {1000 * sorted(runs)[1]:.0f} ms")
    if args.verbose:
        for name, half in halves.items():
            for title, items in (
                ("refused", half.errors),
                ("must-have misses (listener)", half.heard.misses),
                ("must-not leaks", half.strict.leaks),
                ("headline misses", half.title_misses),
            ):
                if items:
                    print(f"\n[{name}] {title}:")
                    for item in items:
                        print("  " + item)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
