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

For each page the real ``radio.ingest.load_article`` runs on the file
(format detected from the content). A must-have snippet counts as kept when it
appears in the article's paragraphs joined by spaces; a must-not snippet counts
as excluded when it does not. Both are also scored against the spoken text
(``radio.speech.to_spoken`` applied to the title and each paragraph), which is
what the engine receives. Must-have snippets that are themselves a URL or an
e-mail address are counted apart: the issue forbids reading them aloud.
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from radio.errors import RadioError
from radio.ingest import load_article
from radio.ingest.text import EMAIL_RE, URL_RE

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
    misses: list[str] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)

    def add(
        self,
        name: str,
        text: str,
        with_: list[str],
        without: list[str],
        say: Callable[[str], str] = norm,
    ) -> None:
        for snippet in with_:
            s = say(snippet)
            if URL_RE.search(snippet) or EMAIL_RE.search(snippet):
                self.link_snippets += 1
                continue
            self.must += 1
            if s in text:
                self.kept += 1
            else:
                self.misses.append(f"{name}: {s[:80]}")
        for snippet in without:
            self.mustnot += 1
            s = say(snippet)
            if s not in text:
                self.excluded += 1
            else:
                self.leaks.append(f"{name}: {s[:80]}")


def speaker() -> Callable[[str], str] | None:
    """``radio.speech.to_spoken`` (whitespace-normalised), if it exists."""
    try:
        from radio.speech import to_spoken
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

    body, spoken = Tally(), Tally()
    say = speaker()
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
        start = time.perf_counter()
        try:
            article = load_article(str(path))
        except RadioError as exc:
            failed += 1
            errors.append(str(exc))
            body.add(entry["file"], "", entry["with"], entry["without"])
            if say is not None:
                spoken.add(entry["file"], "", entry["with"], entry["without"], say)
            if entry.get("title"):
                titled += 1
            continue
        seconds.append(time.perf_counter() - start)
        sizes.append(path.stat().st_size)
        text = norm(" ".join(article.paragraphs))
        body.add(entry["file"], text, entry["with"], entry["without"])
        if say is not None:
            said = " ".join(say(p) for p in (article.title, *article.paragraphs))
            spoken.add(entry["file"], said, entry["with"], entry["without"], say)
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
    if spoken.must:
        print(f"must-have snippets kept (spoken):          {pct(spoken.kept, spoken.must)}")
        print(f"must-not snippets excluded (spoken):       {pct(spoken.excluded, spoken.mustnot)}")
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
            ("must-have misses", body.misses),
            ("must-not leaks", body.leaks),
            ("headline misses", title_misses),
        ):
            print(f"\n{title}:")
            for item in items:
                print("  " + item)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
