"""Turn bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, or a
legacy single-byte encoding (Windows-1252); refuse binary files."""

from __future__ import annotations

import codecs
import re

from radio.errors import InputError

_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # control characters no text file holds


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
    controls = len(_CONTROL.findall(sample))
    if "\x00" in sample or (sample and controls / len(sample) > 0.01):
        raise InputError(f"{source}: looks like a binary file, not an article")
    return text.replace("\r\n", "\n").replace("\r", "\n")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Labels that browsers treat as Windows-1252 (WHATWG Encoding Standard).
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1"}


def declared_charset(data: bytes) -> str | None:
    """The charset named in a ``<meta>`` tag near the top of an HTML page."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def decode_html(data: bytes, source: str, header_charset: str | None = None) -> str:
    """Decode an HTML page: BOM first, then strict UTF-8, then the declared charset.

    A page whose bytes are valid UTF-8 is read as UTF-8 whatever it declares
    (legacy text almost never passes a strict UTF-8 check); a page whose
    declared charset does not fit its bytes falls back to a detected one.
    """
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(data, source)
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: looks like a binary file, not a web page")
    text = _strict_utf8(data)
    if text is not None:
        return _checked(text, source)
    for label in (header_charset, declared_charset(data)):
        if not label:
            continue
        name = "cp1252" if label.lower() in _AS_CP1252 else label
        try:
            return _checked(data.decode(name), source)
        except (LookupError, UnicodeDecodeError):
            continue
    return _checked(_guess(data), source)


def _strict_utf8(data: bytes) -> str | None:
    """Decode as UTF-8 if valid, allowing a multi-byte character cut at the end."""
    for cut in range(4):
        try:
            return data[: len(data) - cut].decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(data) - 4:
                return None
    return None


def _guess(data: bytes) -> str:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - comes with trafilatura
        return data.decode("cp1252", errors="replace")
    best = from_bytes(data[:200_000]).best()
    if best is not None:
        try:
            return data.decode(best.encoding, errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")
