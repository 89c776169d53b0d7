"""The show as a podcast directory sees it: settings from ``[show]`` checked
against Apple's and the Podcast Index's rules, and the show's cover put in the
output folder under a name that changes when the picture does.
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from radio import asset
from radio.config import Settings
from radio.errors import ConfigError, InputError
from radio.publish.cover import MAX_SIDE_PX, MIN_SIDE_PX, Cover, parse_image

DESCRIPTION_MAX_BYTES = 4000  # Apple: channel and item descriptions
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")  # podcast:guid, Podcast Index
FEED_NAME = "feed.xml"
PAGE_NAME = "index.html"

# Apple Podcasts' category list (category -> subcategories).
APPLE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "Arts": ("Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"),
    "Business": ("Careers", "Entrepreneurship", "Investing", "Management", "Marketing", "Non-Profit"),
    "Comedy": ("Comedy Interviews", "Improv", "Stand-Up"),
    "Education": ("Courses", "How To", "Language Learning", "Self-Improvement"),
    "Fiction": ("Comedy Fiction", "Drama", "Science Fiction"),
    "Government": (),
    "History": (),
    "Health & Fitness": ("Alternative Health", "Fitness", "Medicine", "Mental Health", "Nutrition", "Sexuality"),
    "Kids & Family": ("Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"),
    "Leisure": (
        "Animation & Manga", "Automotive", "Aviation", "Crafts", "Games", "Hobbies", "Home & Garden", "Video Games",
    ),
    "Music": ("Music Commentary", "Music History", "Music Interviews"),
    "News": (
        "Business News", "Daily News", "Entertainment News", "News Commentary", "Politics", "Sports News", "Tech News",
    ),
    "Religion & Spirituality": (
        "Buddhism", "Christianity", "Hinduism", "Islam", "Judaism", "Religion", "Spirituality",
    ),
    "Science": (
        "Astronomy", "Chemistry", "Earth Sciences", "Life Sciences", "Mathematics", "Natural Sciences", "Nature",
        "Physics", "Social Sciences",
    ),
    "Society & Culture": ("Documentary", "Personal Journals", "Philosophy", "Places & Travel", "Relationships"),
    "Sports": (
        "Baseball", "Basketball", "Cricket", "Fantasy Sports", "Football", "Golf", "Hockey", "Rugby", "Running",
        "Soccer", "Swimming", "Tennis", "Volleyball", "Wilderness", "Wrestling",
    ),
    "Technology": (),
    "True Crime": (),
    "TV & Film": ("After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"),
}  # fmt: skip

_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")  # ISO 639 code with an optional region, e.g. en-us
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Show:
    """Channel-level facts of the feed, checked."""

    title: str
    description: str
    base_url: str  # no trailing slash
    language: str
    author: str
    owner_email: str
    category: str
    subcategory: str | None
    explicit: bool
    locked: bool
    copyright: str | None
    cover_path: Path | None  # None: radio's default cover
    guid: str | None = None  # podcast:guid already given to the show; None: derived from the feed URL

    @property
    def feed_url(self) -> str:
        return self.url(FEED_NAME)

    @property
    def link(self) -> str:
        return self.base_url + "/"

    def url(self, name: str) -> str:
        """The public URL of a file in the output folder."""
        return f"{self.base_url}/{quote(name)}"

    @property
    def podcast_guid(self) -> str:
        return podcast_guid(self.feed_url)


def podcast_guid(feed_url: str) -> str:
    """podcast:guid: UUIDv5 of the feed URL without its scheme and trailing slashes."""
    bare = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", feed_url.strip()).rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, bare))


def check_base_url(url: str) -> str:
    """The base URL without a trailing slash; ConfigError unless it is an absolute http(s) URL."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(
            f"base URL {url!r} is not an http(s) address; give the address the output folder is published at, "
            "e.g. --base-url https://example.org/podcast"
        )
    if parts.query or parts.fragment:
        raise ConfigError(f"base URL {url!r} must not have a query or fragment")
    return url.strip().rstrip("/")


def show_from_settings(settings: Settings, base_url: str | None = None) -> Show:
    """Check the ``[show]`` settings a feed needs; ConfigError names the setting to fix."""
    url = base_url or settings.base_url
    if not url:
        raise ConfigError("no base URL: pass --base-url URL or set base_url under [show] in radio.toml")
    if not settings.owner_email:
        raise ConfigError(
            'show.email is not set: add email = "you@example.org" under [show] in radio.toml '
            "(podcast directories need the owner's e-mail)"
        )
    if not _EMAIL.match(settings.owner_email):
        raise ConfigError(f"show.email {settings.owner_email!r} is not an e-mail address")
    for name, value in (("title", settings.show_name), ("author", settings.author)):
        if not value.strip():
            raise ConfigError(f"show.{name} is empty; set it under [show] in radio.toml")
    language = settings.language.strip().lower().replace("_", "-")
    if not _LANGUAGE.match(language):
        raise ConfigError(f"show.language {settings.language!r} is not an ISO 639 code; use e.g. en or en-us")
    category, _, sub = (part.strip() for part in settings.category.partition(">"))
    if category not in APPLE_CATEGORIES:
        raise ConfigError(
            f"show.category {settings.category!r} is not an Apple Podcasts category; use one of: "
            + ", ".join(APPLE_CATEGORIES)
        )
    if sub and sub not in APPLE_CATEGORIES[category]:
        choices = ", ".join(APPLE_CATEGORIES[category]) or "none"
        raise ConfigError(f"show.category: {sub!r} is not a subcategory of {category} (choices: {choices})")
    description = (settings.show_description or f"{settings.show_name}: the news, read aloud.").strip()
    if len(description.encode("utf-8")) > DESCRIPTION_MAX_BYTES:
        raise ConfigError(f"show.description is longer than {DESCRIPTION_MAX_BYTES} bytes; shorten it")
    return Show(
        title=settings.show_name.strip(),
        description=description,
        base_url=check_base_url(url),
        language=language,
        author=settings.author.strip(),
        owner_email=settings.owner_email.strip(),
        category=category,
        subcategory=sub or None,
        explicit=settings.explicit,
        locked=settings.locked,
        copyright=settings.copyright,
        cover_path=Path(settings.cover_path) if settings.cover_path else None,
    )


def artwork_problems(cover: Cover) -> list[str]:
    """What keeps a decoded image from being podcast artwork (Apple: square JPEG/PNG, 1400-3000 px, RGB, no alpha)."""
    problems = []
    if cover.width_px != cover.height_px:
        problems.append(f"not square ({cover.width_px}x{cover.height_px} px)")
    if not MIN_SIDE_PX <= max(cover.width_px, cover.height_px) <= MAX_SIDE_PX:
        problems.append(f"{cover.width_px} px wide; needs {MIN_SIDE_PX}-{MAX_SIDE_PX}")
    if cover.mode != "RGB":
        problems.append(f"colour mode {cover.mode}; needs RGB without alpha")
    return problems


def publish_cover(show: Show, out_dir: Path) -> str:
    """Copy the show's cover into ``out_dir`` as ``cover-<hash>.png|jpg``; return its file name.

    The name changes with the picture, as Apple asks (apps cache artwork by URL).
    """
    source = show.cover_path or asset("cover.png")
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read cover image {source}: {exc.strerror}") from None
    cover = parse_image(data, str(source))  # decoded and checked; converted to RGB (with a warning) when not
    data = cover.data
    problems = artwork_problems(cover)
    if problems:
        raise InputError(f"cover image {source} cannot be podcast artwork: {'; '.join(problems)}")
    ext = "png" if cover.mime == "image/png" else "jpg"
    name = f"cover-{hashlib.sha256(data).hexdigest()[:12]}.{ext}"
    target = out_dir / name
    if not target.is_file() or target.read_bytes() != data:
        tmp = out_dir / f".{name}.{os.getpid()}.tmp"
        tmp.write_bytes(data)
        tmp.replace(target)
    return name
