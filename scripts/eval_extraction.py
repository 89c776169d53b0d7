"""Measure HTML article extraction on real pages we did not write.

Usage: python scripts/eval_extraction.py /path/to/trafilatura-checkout [--verbose]

The trafilatura repository keeps real web pages under tests/cache and
tests/eval, and in tests/evaldata.json the snippets that must ("with") and
must not ("without") appear in the extracted text, plus the title for many.
Nothing of it is copied into this project: point the script at a checkout.

Development set, chosen by rule, not by hand:
  * the page declares English: <html lang="en..."> (en, en-US, en-GB, ...);
  * the page says it is an article: og:type "article" (or "story"), or
    JSON-LD of @type Article, NewsArticle, ReportageNewsArticle, BlogPosting
    or similar "...Article"/"Posting" types;
  * its text really is English (many German or Spanish pages declare
    lang="en"): at least 12% of the words of its annotated snippets are
    common English function words ("the", "and", "of", ...).
Pages that are neither English nor articles (home pages, shops, docs) are
left out; they are not news or magazine pieces.

For each page the real ``radio.words.ingest.load_article`` runs on the file
(format detected from the content). A must-have snippet counts as kept when it
appears in the article's paragraphs joined by spaces; a must-not snippet counts
as excluded when it does not. Both are also scored against the spoken text
(``radio.words.speech.to_spoken`` applied to the title and each paragraph), which is
what the engine receives. Must-have snippets that are themselves a URL or an
e-mail address are counted apart: the issue forbids reading them aloud.
Besides those strict figures the script reports "listener" figures, where a
must-have snippet is judged by what a listener is meant to hear, by rules
that look at the page's markup, never at our output (figures under both rules
are printed, so nothing is hidden):
  * a snippet that starts with a dateline ("KOBE –", "WEST PALM BEACH —")
    counts as kept when the rest of it is heard: the issue has the dateline
    prefix dropped and the rest of the paragraph read;
  * a snippet found in the page only inside reader comments (an element
    whose class or id names a comment), program code (<pre>, <code>) or a
    data table cell (a <td>/<th> whose text is not a sentence of six words
    or more) is counted apart, like URLs: comments are not the article, and
    code and figures from tables are not read out. A snippet that is also
    anywhere else on the page stays counted.
A headline is exact when the article title equals the annotated title after
whitespace is collapsed. A page that fails to load keeps none of its snippets.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from radio.errors import RadioError
from radio.words.ingest import load_article
from radio.words.ingest.text import EMAIL_RE, URL_RE, strip_dateline

_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?\s*([A-Za-z-]+)", re.I)
_OG_TYPE = re.compile(
    rb"<meta\b(?=[^>]*property\s*=\s*[\"']og:type[\"'])[^>]*content\s*=\s*[\"']([^\"']+)", re.I
)
_LD_TYPE = re.compile(rb"\"@type\"\s*:\s*\"(\w*(?:Article|Posting))\"")


def is_english_article(html: bytes) -> bool:
    """The selection rule described in the module docstring."""
    head = html[:300_000]
    lang = _LANG.search(head)
    if not lang or not lang.group(1).lower().startswith(b"en"):
        return False
    og = _OG_TYPE.search(head)
    if og and og.group(1).strip().lower() in (b"article", b"story"):
        return True
    return bool(_LD_TYPE.search(html))


_FUNCTION_WORDS_TEXT = """the a an and or of to in on for with is are was were be been it that
this by as at from he she they we you i not but have has had his her their its"""
_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())


def is_english_text(snippets: list[str]) -> bool:
    words = re.findall(r"[^\W\d_]+", " ".join(snippets).lower())
    return bool(words) and sum(w in _FUNCTION_WORDS for w in words) / len(words) >= 0.12


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Tally:
    kept: int = 0
    must: int = 0
    excluded: int = 0
    mustnot: int = 0
    link_snippets: int = 0
    apart: int = 0  # listener rules: comments, code, data-table cells
    datelined: int = 0  # listener rules: kept once the dateline prefix is set aside
    misses: list[str] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)

    def add(
        self,
        name: str,
        text: str,
        with_: list[str],
        without: list[str],
        say: Callable[[str], str] = norm,
        apart: frozenset[str] | None = None,
    ) -> None:
        """Score one page; ``apart`` (listener rules) holds the snippets counted apart."""
        for snippet in with_:
            s = say(snippet)
            if URL_RE.search(snippet) or EMAIL_RE.search(snippet):
                self.link_snippets += 1
                continue
            if apart is not None and snippet in apart:
                self.apart += 1
                continue
            self.must += 1
            rest = say(strip_dateline(norm(snippet))) if apart is not None else s
            if s in text:
                self.kept += 1
            elif rest != s and rest in text:
                self.kept += 1
                self.datelined += 1
            else:
                self.misses.append(f"{name}: {s[:80]}")
        for snippet in without:
            self.mustnot += 1
            s = say(snippet)
            if s not in text:
                self.excluded += 1
            else:
                self.leaks.append(f"{name}: {s[:80]}")


def _classes(element: Any) -> str:
    return f"{element.get('class', '')} {element.get('id', '')}".lower()


def _is_furniture(element: Any) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in ("pre", "code") or "comment" in _classes(element):
        return True
    if tag in ("td", "th"):
        text = norm(element.text_content())
        return len(text.split()) < 6 or not re.search(r"[.!?][\"”’)]?$", text)
    return False


def furniture(html: bytes, snippets: list[str]) -> frozenset[str]:
    """The snippets that the page shows only in comments, code or data-table cells."""
    import lxml.html  # type: ignore[import-untyped]

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return frozenset()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    full = norm(" ".join(root.itertext()))
    for element in list(root.iter()):
        if element.getparent() is not None and _is_furniture(element):
            element.drop_tree()
    rest = norm(" ".join(root.itertext()))
    return frozenset(s for s in snippets if norm(s) in full and norm(s) not in rest)


def speaker() -> Callable[[str], str] | None:
    """``radio.words.speech.to_spoken`` (whitespace-normalised), if it exists; else the text as is."""
    try:
        from radio.words.speech import to_spoken
    except ImportError:
        return None
    return lambda text: norm(to_spoken(text))


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}% ({a}/{b})" if b else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("checkout", type=Path, help="a checkout of github.com/adbar/trafilatura")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and leaks")
    args = parser.parse_args()
    tests = args.checkout / "tests"
    evaldata = json.loads((tests / "evaldata.json").read_text(encoding="utf-8"))

    body, spoken, heard = Tally(), Tally(), Tally()  # heard: spoken, under the listener rules
    say = speaker() or norm
    pages = titled = exact = caseless = failed = 0
    seconds: list[float] = []
    sizes: list[int] = []
    errors: list[str] = []
    title_misses: list[str] = []
    for entry in evaldata.values():
        path = next(
            (
                p
                for p in (tests / "cache" / entry["file"], tests / "eval" / entry["file"])
                if p.exists()
            ),
            None,
        )
        if path is None or not is_english_article(path.read_bytes()):
            continue
        if not is_english_text(entry["with"] + entry["without"]):
            continue
        pages += 1
        apart = furniture(path.read_bytes(), entry["with"])
        start = time.perf_counter()
        try:
            article = load_article(str(path))
        except RadioError as exc:
            failed += 1
            errors.append(str(exc))
            body.add(entry["file"], "", entry["with"], entry["without"])
            spoken.add(entry["file"], "", entry["with"], entry["without"], say)
            heard.add(entry["file"], "", entry["with"], entry["without"], say, apart)
            if entry.get("title"):
                titled += 1
            continue
        seconds.append(time.perf_counter() - start)
        sizes.append(path.stat().st_size)
        text = norm(" ".join(article.paragraphs))
        body.add(entry["file"], text, entry["with"], entry["without"])
        said = " ".join(say(p) for p in (article.title, *article.paragraphs))
        spoken.add(entry["file"], said, entry["with"], entry["without"], say)
        heard.add(entry["file"], said, entry["with"], entry["without"], say, apart)
        if entry.get("title"):
            titled += 1
            if norm(article.title) == norm(entry["title"]):
                exact += 1
            if norm(article.title).casefold() == norm(entry["title"]).casefold():
                caseless += 1
            else:
                title_misses.append(f"{entry['file']}: {article.title!r} != {entry['title']!r}")

    print(f"pages (English articles): {pages}, failed to load: {failed}")
    print(f"must-have snippets kept (paragraphs):      {pct(body.kept, body.must)}")
    print(f"must-not snippets excluded (paragraphs):   {pct(body.excluded, body.mustnot)}")
    print(f"must-have snippets kept (spoken):          {pct(spoken.kept, spoken.must)}")
    print(f"must-not snippets excluded (spoken):       {pct(spoken.excluded, spoken.mustnot)}")
    print(
        f"must-have snippets kept (spoken, listener rules): {pct(heard.kept, heard.must)};"
        f" {heard.apart} in comments, code or data tables counted apart;"
        f" {heard.datelined} kept but for their dateline"
    )
    print(
        "must-have snippets that are URLs/e-mails (never spoken, not counted):",
        body.link_snippets,
    )
    print(f"headlines exact: {pct(exact, titled)}; ignoring letter case: {pct(caseless, titled)}")
    if seconds:
        seconds.sort()
        mean_kb = sum(sizes) / len(sizes) / 1024
        print(
            f"time per page: median {1000 * seconds[len(seconds) // 2]:.0f} ms, "
            f"max {1000 * seconds[-1]:.0f} ms (mean page size {mean_kb:.0f} KB)"
        )
    if args.verbose:
        for title, items in (
            ("errors", errors),
            ("must-have misses (spoken)", spoken.misses),
            ("must-have misses (spoken, listener rules)", heard.misses),
            ("must-not leaks (spoken)", spoken.leaks),
            ("headline misses", title_misses),
        ):
            print(f"\n{title}:")
            for item in items:
                print("  " + item)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
