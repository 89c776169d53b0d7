"""Say it right: turn written text into what the engine should say.

First version: URLs and e-mail addresses never reach the engine, dashes
become pauses, and whitespace is tidied.
"""

from __future__ import annotations

import re

from radio.ingest.text import strip_links


def to_spoken(text: str) -> str:
    """Return ``text`` as the engine should receive it."""
    text = strip_links(text)
    text = re.sub(r"\s*[—–]\s*", ", ", text)
    text = text.replace("…", "...").replace("&", " and ")
    return re.sub(r"\s+", " ", text).strip()
