"""Turn bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, or a
legacy single-byte encoding (Windows-1252); refuse binary files."""

from __future__ import annotations

import codecs

from radio.errors import InputError

_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


def decode_bytes(data: bytes, source: str) -> str:
    """Decode article bytes; raise InputError for binary data."""
    if data.startswith(codecs.BOM_UTF8):
        return _checked(data[3:].decode("utf-8", errors="replace"), source)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(data.decode("utf-16", errors="replace"), source)
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: looks like a binary file, not an article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    return _checked(text, source)


def _checked(text: str, source: str) -> str:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) in _CONTROL)
    if "\x00" in sample or (sample and controls / len(sample) > 0.01):
        raise InputError(f"{source}: looks like a binary file, not an article")
    return text.replace("\r\n", "\n").replace("\r", "\n")
