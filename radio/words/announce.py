"""The anchor's intro and outro, from the show's templates in radio.toml.

``[show] intro`` and ``[show] outro`` are templates with the placeholders
``{show}``, ``{anchor}``, ``{title}``, ``{air_date}``, ``{byline}``,
``{published}`` and ``{sign_off}`` (config.TEMPLATE_PLACEHOLDERS; any other is
a config error when radio.toml is read). The air date is the day the episode
goes out: the day of rendering unless ``radio episode --date`` says otherwise.
The article's own date is said only as what it is, "Published on Monday,
March 3.", and only when it is not the air date; otherwise ``{published}`` is
empty, and so is ``{byline}`` when the article names no writer. Empty
placeholders leave no stray spaces or punctuation.

A bulletin of several stories opens with ``[show] bulletin_intro``, which also
knows ``{headlines}`` ("A; B; and C"), and each story is introduced by its
headline (with its "Published on ..." sentence where that applies).
"""

from __future__ import annotations

import re
from datetime import date

from radio.config import Settings
from radio.models import Article


def spoken_day(day: date, year: bool = False) -> str:
    """ "Monday, March 3" (with ", 2025" when ``year``)."""
    return f"{day:%A}, {day:%B} {day.day}" + (f", {day.year}" if year else "")


def air_day(settings: Settings) -> date:
    """The day the episode goes out."""
    return date.fromisoformat(settings.air_date) if settings.air_date else date.today()


def published_sentence(article_date: str | None, air: date) -> str:
    """ "Published on Monday, March 3." when the article's date is known and not the air date; else ""."""
    if not article_date:
        return ""
    try:
        day = date.fromisoformat(article_date)
    except ValueError:
        return ""
    if day == air:
        return ""
    return f"Published on {spoken_day(day, year=day.year != air.year)}."


def fill(template: str, values: dict[str, str]) -> str:
    """The template with its placeholders filled, tidied where one was empty."""
    text = template.format_map(values)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)  # "It's . " left by an empty placeholder
    text = re.sub(r"([.!?])[.,;:]+", r"\1", text)  # "Title?." and ". ."
    text = re.sub(r"^[\s.,;:]+", "", text)
    return text.strip()


def _values(settings: Settings, article: Article | None) -> dict[str, str]:
    air = air_day(settings)
    return {
        "show": settings.show_name,
        "anchor": settings.anchor_name,
        "title": article.title if article else "",
        "air_date": spoken_day(air),
        "byline": (article.byline or "") if article else "",
        "published": published_sentence(article.date if article else None, air),
        "sign_off": settings.sign_off,
    }


def headline_list(headlines: list[str]) -> str:
    """ "A; B; and C": headlines may hold commas, so semicolons part them."""
    cleaned = [h.strip().rstrip(".;:") for h in headlines if h.strip()]
    if len(cleaned) <= 1:
        return "".join(cleaned)
    if len(cleaned) == 2:
        return f"{cleaned[0]}; and {cleaned[1]}"
    return "; ".join(cleaned[:-1]) + f"; and {cleaned[-1]}"


def bulletin_intro_text(articles: list[Article], settings: Settings, title: str) -> str:
    values = _values(settings, None)
    values.update(title=title, headlines=headline_list([a.title for a in articles]))
    return fill(settings.bulletin_intro_template, values)


def bulletin_outro_text(settings: Settings, title: str) -> str:
    values = _values(settings, None)
    values.update(title=title)
    return fill(settings.outro_template, values)


def headline_text(article: Article, settings: Settings) -> str:
    """How the anchor introduces one story of a bulletin: its headline, and its date where it is not the air date."""
    return fill("{title}. {published}", _values(settings, article))


def bulletin_title(settings: Settings) -> str:
    """A bulletin's default title: the show's name and the air date."""
    return f"{settings.show_name}, {spoken_day(air_day(settings), year=True)}"


def intro_text(article: Article, settings: Settings) -> str:
    return fill(settings.intro_template, _values(settings, article))


def outro_text(settings: Settings, article: Article | None = None) -> str:
    return fill(settings.outro_template, _values(settings, article))
