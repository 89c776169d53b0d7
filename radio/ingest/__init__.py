"""Ingest: read an article from a file or standard input and keep only what a
listener may hear.

``load_article`` is the one entry point; each format has its own module.
"""

from __future__ import annotations

import sys
from pathlib import Path

from radio.errors import InputError
from radio.ingest.decode import decode_bytes
from radio.ingest.text import clean_text
from radio.models import Article

MAX_INPUT_BYTES = 50 * 1024 * 1024


def read_source(source: str) -> bytes:
    """Return the raw bytes of ``source`` (a path or ``-`` for standard input)."""
    if source == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        path = Path(source)
        if not path.exists():
            raise InputError(f"{source}: no such file; check the path")
        if path.is_dir():
            raise InputError(f"{source}: is a directory; give an article file")
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_INPUT_BYTES + 1)
        except OSError as exc:
            raise InputError(f"{source}: cannot read ({exc.strerror})") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{source}: larger than {MAX_INPUT_BYTES // 2**20} MB; is this really an article?")
    if not data.strip():
        raise InputError(f"{source}: is empty; give an article with text in it")
    return data


def load_article(source: str) -> Article:
    """Read and clean one article."""
    text = decode_bytes(read_source(source), source)
    return clean_text(text, source)
