"""radio: turn written news into broadcast-ready audio."""

__version__ = "0.1.0"

from pathlib import Path as _Path

ASSETS_DIR = _Path(__file__).resolve().parent / "assets"


def asset(name: str) -> _Path:
    """Path of a file shipped in radio/assets (jingles, cover, sample article)."""
    return ASSETS_DIR / name
