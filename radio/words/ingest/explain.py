"""Why each line of a plain-text input was read or not: ``radio script --explain``."""

from __future__ import annotations

from radio.errors import InputError
from radio.words.ingest.decode import decode_bytes
from radio.words.ingest.detect import detect_format
from radio.words.ingest.story import TextReading, read_text


def explain_source(source: str, fmt: str | None = None) -> list[str]:
    """The explanation rows for one input (a path, an http(s) URL or "-"), read as plain text.

    The first row names the input, so that several inputs can be explained at once.
    """
    from radio.words.ingest import is_url, read_source

    content_type = None
    if "://" in source and is_url(source):
        from radio.words.ingest.fetch import fetch_url

        fetched = fetch_url(source)
        data, content_type = fetched.data, fetched.content_type
    else:
        data = read_source(source)
    kind = fmt or detect_format(data, source, content_type)
    if kind != "text":
        raise InputError(
            f"{source}: --explain shows how plain text is read, and this input reads as {kind};"
            " add --format text to see it read as text"
        )
    return [f"# {source}", *explain_rows(read_text(decode_bytes(data, source)))]


def explain_rows(reading: TextReading) -> list[str]:
    """One row per input block: its line number, + (read) or - (not read), its class and its start."""
    if reading.title is None:
        rows = ["headline: none (no story found: the input would be refused)"]
    else:
        rows = [f"headline: {reading.title!r} ({reading.title_reason})"]
    for line in reading.lines:
        mark = "+" if line.kept else "-"
        text = line.text if len(line.text) <= 70 else line.text[:69] + "…"
        rows.append(f"{line.number:>5} {mark} {line.label:<24} {text}")
    return rows
