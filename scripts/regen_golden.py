"""Rewrite the expected JSON of the golden quote tests from the current code.

Usage: python scripts/regen_golden.py   (then review the diff by hand!)

Each ``tests/golden/NAME.txt`` holds a short original article, paragraphs
separated by blank lines; ``NAME.json`` holds the parts ``find_parts`` must
return for it.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from radio.words.quotes import find_parts  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"


def paragraphs(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def main() -> int:
    for path in sorted(GOLDEN.glob("*.txt")):
        parts = [dataclasses.asdict(p) for p in find_parts(paragraphs(path))]
        out = path.with_suffix(".json")
        out.write_text(json.dumps(parts, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)} ({len(parts)} parts)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
