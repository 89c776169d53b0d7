"""Cover art: the project's default square cover, or the producer's own.

The image is decoded in full (Pillow), never judged by its header alone, and
checked against the podcast artwork rule before any audio work: a square JPEG
or PNG of 1,400 to 3,000 px a side, in RGB. An image with transparency, a
palette, grey levels or CMYK is converted to RGB (on white) and re-encoded in
its own format, with a warning.
"""

from __future__ import annotations

import io
import logging
import warnings
from dataclasses import dataclass
from pathlib import Path

from radio import asset
from radio.errors import InputError

MIN_SIDE_PX, MAX_SIDE_PX = 1400, 3000  # Apple Podcasts' artwork rule
FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}
RULE = "use a square JPEG or PNG of 1400-3000 px"

log = logging.getLogger("radio")


@dataclass(frozen=True)
class Cover:
    data: bytes
    mime: str  # image/png or image/jpeg
    width_px: int
    height_px: int
    mode: str = "RGB"  # Pillow's colour mode of the decoded image

    @property
    def meets_podcast_rules(self) -> bool:
        """Square, 1,400 to 3,000 px a side, JPEG or PNG, RGB."""
        return (
            self.width_px == self.height_px
            and MIN_SIDE_PX <= self.width_px <= MAX_SIDE_PX
            and self.mime in FORMATS.values()
            and self.mode == "RGB"
        )


def load_cover(path: str | None) -> Cover:
    """Read and check the user's cover, or the default one shipped with radio."""
    if path is None:
        return parse_image(asset("cover.png").read_bytes(), "default cover")
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read cover image {path}: {exc.strerror}") from None
    return parse_image(data, path)


def decode(data: bytes) -> Cover:
    """What the bytes really hold, decoded in full; raise ValueError when they do not decode."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                mime = FORMATS.get(image.format or "", f"image/{(image.format or 'unknown').lower()}")
                return Cover(data, mime, image.width, image.height, image.mode)
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError, Warning) as exc:
        raise ValueError(str(exc) or type(exc).__name__) from None


def parse_image(data: bytes, name: str) -> Cover:
    """Decode a cover and check it; convert it to RGB when it is not."""
    try:
        cover = decode(data)
    except ValueError:
        raise InputError(f"cover image {name} is not a readable PNG or JPEG image; {RULE}") from None
    if cover.mime not in FORMATS.values():
        raise InputError(f"cover image {name} is {cover.mime.removeprefix('image/').upper()}, not PNG or JPEG; {RULE}")
    if cover.width_px != cover.height_px or not MIN_SIDE_PX <= cover.width_px <= MAX_SIDE_PX:
        raise InputError(f"cover image {name} is {cover.width_px}x{cover.height_px} px; {RULE}")
    if cover.mode != "RGB":
        log.warning("cover image %s is %s, not RGB; converted to RGB", name, cover.mode)
        cover = _to_rgb(cover)
    return cover


def _to_rgb(cover: Cover) -> Cover:
    """The same picture in RGB (transparency flattened on white), re-encoded in its own format."""
    from PIL import Image

    with Image.open(io.BytesIO(cover.data)) as image:
        if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
            rgba = image.convert("RGBA")
            flat = Image.new("RGB", rgba.size, (255, 255, 255))
            flat.paste(rgba, mask=rgba.getchannel("A"))
        else:
            flat = image.convert("RGB")
    out = io.BytesIO()
    if cover.mime == "image/jpeg":
        flat.save(out, format="JPEG", quality=92)
    else:
        flat.save(out, format="PNG", optimize=True)
    return Cover(out.getvalue(), cover.mime, flat.width, flat.height, "RGB")
