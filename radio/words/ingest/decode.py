"""Turn bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, or a
legacy single-byte encoding (Windows-1252); refuse binary files.

A file that is UTF-8 but for a few bad bytes (a copy and paste gone wrong, a
file cut mid-character) is read as UTF-8, the bad bytes replaced and counted
in a warning: read as Windows-1252 instead, every curly quote would become
"â€œ" and no quote would be found.
"""

from __future__ import annotations

import codecs
import logging
import re

from radio.errors import InputError
from radio.words.speech.chars import clean_characters

log = logging.getLogger("radio")

_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # control characters no text file holds


def decode_bytes(data: bytes, source: str) -> str:
    """Decode article bytes; raise InputError for binary data."""
    if data.startswith(codecs.BOM_UTF8):
        return _checked(data[3:].decode("utf-8", errors="replace"), source)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(data.decode("utf-16", errors="replace"), source)
    if _binary(data[:8192]):
        raise InputError(f"{source}: looks like a binary file, not an article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        mostly = _mostly_utf8(data, source)
        if mostly is not None:
            return _checked(mostly, source)
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    return _checked(text, source)


def _mostly_utf8(data: bytes, source: str) -> str | None:
    """``data`` as UTF-8 with its bad bytes replaced, if it is UTF-8 but for a few.

    Legacy single-byte text almost never holds a valid multi-byte UTF-8
    sequence (an accented letter is one high byte followed by ASCII), so the
    bytes are UTF-8 when valid multi-byte characters outnumber the invalid
    sequences at least two to one.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    if valid < 2 * bad:
        return None
    log.warning(
        "%s: %d invalid UTF-8 sequence%s; read as UTF-8 with %s replaced",
        source,
        bad,
        "" if bad == 1 else "s",
        "it" if bad == 1 else "them",
    )
    return text


def _binary(sample: bytes | str) -> bool:
    """NUL bytes beyond a stray one or two: binary data (or UTF-16 without its BOM)."""
    nul = sample.count(b"\x00") if isinstance(sample, bytes) else sample.count("\x00")
    return nul > max(2, len(sample) // 1000)


def _checked(text: str, source: str, page: bool = False) -> str:
    """Refuse binary data; remove stray controls, format characters and emoji
    (a NUL would end the text at the engine) and unify line ends.

    A web ``page`` keeps its characters here (only NULs go): the extractor
    reads its markup, and the article taken from it is cleaned afterwards.
    """
    sample = text[:8192]
    controls = len(_CONTROL.findall(sample))
    if _binary(sample) or controls > max(2, len(sample) // 100):
        raise InputError(f"{source}: looks like a binary file, not an article")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if page:
        return text.replace("\x00", "") if "\x00" in text else text
    return clean_characters(text)


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
    if _binary(data[:8192]):
        raise InputError(f"{source}: looks like a binary file, not a web page")
    text = _strict_utf8(data)
    if text is not None:
        return _checked(text, source, page=True)
    labels = {label.lower() for label in (header_charset, declared_charset(data)) if label}
    if labels <= {"utf-8", "utf8", "cp1252", "windows-1252", *_AS_CP1252}:
        text = _mostly_utf8(data, source)  # a UTF-8 page with a few bad bytes, whatever it declares
        if text is not None:
            return _checked(text, source, page=True)
    for label in (header_charset, declared_charset(data)):
        if not label:
            continue
        name = "cp1252" if label.lower() in _AS_CP1252 else label
        try:
            return _checked(data.decode(name), source, page=True)
        except (LookupError, UnicodeDecodeError):
            continue
    return _checked(_guess(data), source, page=True)


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
