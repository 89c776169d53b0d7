"""Cover art: the project's default square cover, or the producer's own."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from radio import asset
from radio.errors import InputError

MIN_SIDE_PX, MAX_SIDE_PX = 1400, 3000  # Apple Podcasts' artwork rule


@dataclass(frozen=True)
class Cover:
    data: bytes
    mime: str  # image/png or image/jpeg
    width_px: int
    height_px: int

    @property
    def meets_podcast_rules(self) -> bool:
        """Square, 1,400 to 3,000 px a side."""
        return self.width_px == self.height_px and MIN_SIDE_PX <= self.width_px <= MAX_SIDE_PX


def load_cover(path: str | None) -> Cover:
    """Read the user's cover, or the default one shipped with radio."""
    if path is None:
        data = asset("cover.png").read_bytes()
        return parse_image(data, "default cover")
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read cover image {path}: {exc.strerror}") from None
    return parse_image(data, path)


def parse_image(data: bytes, name: str) -> Cover:
    """Identify a PNG or JPEG by its bytes and read its size."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return Cover(data, "image/png", width, height)
    if data.startswith(b"\xff\xd8"):
        size = _jpeg_size(data)
        if size:
            return Cover(data, "image/jpeg", *size)
    raise InputError(f"cover image {name} is not a PNG or JPEG file; use a square JPEG or PNG of 1400-3000 px")


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            i += 1
            continue
        marker = data[i + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        length = struct.unpack(">H", data[i + 2 : i + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return width, height
        i += 2 + length
    return None
