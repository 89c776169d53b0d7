"""Write the script: intro, the story split into anchor and quote segments,
outro, each with the voice a caster gives it. Also reads and writes script JSON
so a producer can edit a script before it is voiced.

The words never import the sound: who speaks in which voice is decided by a
``Caster`` the pipeline passes in (``radio.sound.cast``).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from radio.config import Settings
from radio.errors import InputError, ScriptError
from radio.models import SEGMENT_KINDS, Article, Part, Script, Segment
from radio.words.announce import (
    air_day,
    bulletin_intro_text,
    bulletin_outro_text,
    bulletin_title,
    headline_list,
    headline_text,
    intro_text,
    outro_text,
)
from radio.words.quotes import find_parts
from radio.words.speech import Lexicon, is_speakable, load_user_lexicon, to_spoken
from radio.words.speech.chars import clean_characters, drop_foreign, dropped_words, tidy

log = logging.getLogger("radio")
MAX_PARAGRAPH = 100_000
"""The largest paragraph index a script may hold (-1 marks the intro, the outro or no paragraph)."""
MAX_SPEAKER_TITLE_CHARS = 300
MAX_SCRIPT_BYTES = 64 * 2**20  # the script of a 10 MB article (text and spoken forms) fits

Caster = Callable[[Sequence[Part]], tuple[str, dict[str, str]]]
"""Given the story's parts, return the anchor's voice and a voice per quoted speaker."""


def write_script(
    article: Article, settings: Settings, engine_name: str, cast: Caster, lexicon: Lexicon | None = None
) -> Script:
    """Turn a cleaned article into a voiced running order.

    ``engine_name`` picks the engine's pronunciation forms from the lexicon;
    ``cast`` gives the voices. ``lexicon`` defaults to the user's and the
    show's (load it once with ``load_user_lexicon`` when writing many scripts).
    """
    parts = find_parts(article.paragraphs)
    anchor_voice, voices = cast(parts)
    say = _Sayer(settings, engine_name, lexicon)
    segments = [say.segment("intro", intro_text(article, settings), anchor_voice)]
    segments += _story(parts, say, anchor_voice, voices)
    segments.append(say.segment("outro", outro_text(settings, article), anchor_voice))
    segments = speakable(segments, article.source)
    if not any(s.kind in ("anchor", "quote") for s in segments):
        raise InputError(f"{article.source}: the article has no words to say; is this a news article?")
    return Script(
        source=article.source,
        title=article.title,
        date=article.date,
        show=settings.show_name,
        anchor=settings.anchor_name,
        engine=engine_name,
        segments=tuple(segments),
        byline=article.byline,
        summary=summary(article),
    )


def write_bulletin(
    articles: Sequence[Article],
    settings: Settings,
    engine_name: str,
    cast: Caster,
    lexicon: Lexicon | None = None,
    title: str | None = None,
) -> Script:
    """One running order for several stories: an intro naming the headlines, each story
    introduced by its headline and told with its own quotes, and one outro. The cast is
    made once from every story's parts, so the same person has the same voice throughout.
    ``title`` defaults to the show's name and the air date."""
    stories = [find_parts(article.paragraphs) for article in articles]
    anchor_voice, voices = cast([part for parts in stories for part in parts])
    say = _Sayer(settings, engine_name, lexicon)
    title = " ".join(title.split()) if title and title.strip() else bulletin_title(settings)
    segments = [say.segment("intro", bulletin_intro_text(list(articles), settings, title), anchor_voice)]
    for number, (article, parts) in enumerate(zip(articles, stories, strict=True)):
        told = speakable(_story(parts, say, anchor_voice, voices, number), article.source)
        if not told:
            raise InputError(f"{article.source}: the article has no words to say; is this a news article?")
        segments.append(say.segment("anchor", headline_text(article, settings), anchor_voice, story=number))
        segments += told
    segments.append(say.segment("outro", bulletin_outro_text(settings, title), anchor_voice))
    return Script(
        source=" ".join(article.source for article in articles),
        title=title,
        date=air_day(settings).isoformat(),
        show=settings.show_name,
        anchor=settings.anchor_name,
        engine=engine_name,
        segments=tuple(speakable(segments, title)),
        summary=headline_list([article.title for article in articles]),
        stories=tuple(article.title for article in articles),
    )


def spoken_form(kind: str, text: str, lexicon: Lexicon | None, engine: str) -> str:
    """What a segment of ``kind`` whose written text is ``text`` says: the text through the speech rules.

    A quotation cut before its attribution ('"...," she said') is said as the finished sentence it is:
    a trailing comma gives the voice a rising, unfinished fall. Its written text keeps the mark."""
    spoken = to_spoken(text, lexicon, engine)
    if kind == "quote" and spoken.endswith((",", ";")):
        spoken = spoken[:-1] + "."
    return spoken


class _Sayer:
    """Makes segments: the written text and its spoken form through the lexicon."""

    def __init__(self, settings: Settings, engine_name: str, lexicon: Lexicon | None) -> None:
        self.engine_name = engine_name
        self.lexicon = load_user_lexicon(settings.lexicon) if lexicon is None else lexicon

    def segment(self, kind: str, text: str, voice: str, part: Part | None = None, story: int = -1) -> Segment:
        spoken = spoken_form(kind, text, self.lexicon, self.engine_name)
        if part is None:
            return Segment(kind, text, spoken, voice, story=story)  # type: ignore[arg-type]
        return Segment(
            kind,  # type: ignore[arg-type]
            text,
            spoken,
            voice,
            part.speaker,
            part.speaker_title,
            part.paragraph,
            story,
        )


def _story(
    parts: Sequence[Part], say: _Sayer, anchor_voice: str, voices: dict[str, str], story: int = -1
) -> list[Segment]:
    """One story's anchor and quote segments (``story``: its place in a bulletin, -1 for one article)."""
    segments = []
    for part in parts:
        if part.kind == "quote":
            segments.append(say.segment("quote", part.text, voices[part.speaker or ""], part, story))
        elif part.text.strip():
            segments.append(say.segment("anchor", part.text, anchor_voice, part, story))
    return segments


def speakable(segments: Sequence[Segment], origin: str) -> list[Segment]:
    """The segments with something to say; a warning for each one dropped.

    A segment whose spoken text holds no word of letters or digits ("." or a
    dash left over from the page) would make the engine write an empty clip.
    A segment that is empty once links are gone is dropped silently.
    """
    kept: list[Segment] = []
    for number, seg in enumerate(segments, start=1):
        if is_speakable(seg.spoken):
            kept.append(seg)
        elif seg.spoken.strip():
            log.warning("%s: dropped segment %d (%s), it has no words to say: %r", origin, number, seg.kind, seg.spoken)
    return kept


def summary(article: Article, limit: int = 400) -> str:
    text = article.paragraphs[0] if article.paragraphs else ""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


# --- script JSON -----------------------------------------------------------


def script_to_dict(script: Script) -> dict[str, Any]:
    """The script as JSON data. A bulletin also records its stories' headlines ("stories") and,
    on each segment of a story, the story's index (from 0) and headline."""
    data: dict[str, Any] = {
        "source": script.source,
        "title": script.title,
        "date": script.date,
        "show": script.show,
        "anchor": script.anchor,
        "engine": script.engine,
        "byline": script.byline,
        "summary": script.summary,
        "segments": [
            {
                "kind": s.kind,
                "speaker": s.speaker,
                "speaker_title": s.speaker_title,
                "voice": s.voice,
                "paragraph": s.paragraph,
                "text": s.text,
                "spoken": s.spoken,
                "spoken_from": spoken_from(s.text, s.spoken),
            }
            for s in script.segments
        ],
    }
    if script.stories:
        data["stories"] = list(script.stories)
        for row, seg in zip(data["segments"], script.segments, strict=True):
            if 0 <= seg.story < len(script.stories):
                row.update(story=seg.story, headline=script.stories[seg.story])
    return data


def _digest(text: str, size: int) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:size]


def spoken_from(text: str, spoken: str) -> str:
    """The fingerprint of the text a 'spoken' form was derived from, and of that form:
    "<text sha256 prefix>.<spoken sha256 prefix>". An editor who changes 'text' but
    not 'spoken' is caught when the script is read back."""
    return f"{_digest(text, 16)}.{_digest(spoken, 8)}"


def _stale_spoken(text: str, spoken: str, fingerprint: object) -> bool:
    """True when 'text' changed since 'spoken' was derived and 'spoken' did not."""
    if not isinstance(fingerprint, str) or "." not in fingerprint:
        return False  # an older script, or no fingerprint: the producer's 'spoken' stands
    text_digest, spoken_digest = fingerprint.split(".", 1)
    return text_digest != _digest(text, 16) and spoken_digest == _digest(spoken, 8)


def script_to_json(script: Script, indent: int | None = None) -> str:
    return json.dumps(script_to_dict(script), ensure_ascii=False, indent=indent)


def read_script(path: Path, lexicon: Lexicon | None = None, index: int | None = None) -> Script:
    """Read a script JSON file a producer edited (its size checked before it is read).

    A JSON Lines file of scripts (what ``radio script --json`` prints for several
    articles) needs ``index``: which script, counted from 1."""
    try:
        if path.is_file() and path.stat().st_size > MAX_SCRIPT_BYTES:
            raise ScriptError(f"{path}: larger than {MAX_SCRIPT_BYTES // 2**20} MB; is this really an edited script?")
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ScriptError(f"cannot read script {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ScriptError(f"script {path} is not UTF-8 text; save the edited JSON as UTF-8") from None
    return script_from_json(_one_script(text, str(path), index), str(path), lexicon)


def _one_script(text: str, origin: str, index: int | None) -> str:
    """The JSON text of one script: the whole file, or line ``index`` of a JSON Lines file."""
    rows = [row for row in text.splitlines() if row.strip()]
    jsonl = len(rows) > 1 and all(row.lstrip().startswith("{") and row.rstrip().endswith("}") for row in rows)
    if jsonl:
        try:
            json.loads(rows[0])
        except (json.JSONDecodeError, RecursionError):
            jsonl = False  # one pretty-printed object, not JSON Lines
    if index is None:
        if jsonl:
            raise ScriptError(
                f"{origin} is JSON Lines with {len(rows)} scripts (as `radio script --json` writes them); "
                f"--script takes one: add --index N (1 to {len(rows)}), or save one line as its own file"
            )
        return text
    if not jsonl:
        if index == 1:
            return text
        raise ScriptError(f"{origin} holds one script; --index {index} is out of range (use 1 or leave it out)")
    if not 1 <= index <= len(rows):
        raise ScriptError(f"{origin} holds {len(rows)} scripts; --index must be 1 to {len(rows)}, not {index}")
    return rows[index - 1]


def script_from_json(data: str, origin: str, lexicon: Lexicon | None = None) -> Script:
    """Parse an edited script; raise ScriptError naming what is wrong."""
    try:
        obj = json.loads(data)
    except json.JSONDecodeError as exc:
        raise ScriptError(f"{origin}: not valid JSON ({exc.msg} at line {exc.lineno}); fix the edit") from None
    except RecursionError:
        raise ScriptError(f"{origin}: the JSON is nested too deeply to be a script; fix the edit") from None
    if not isinstance(obj, dict):
        raise ScriptError(f"{origin}: a script is a JSON object with a 'segments' list")
    raw_segments = obj.get("segments")
    if not isinstance(raw_segments, list) or not raw_segments:
        raise ScriptError(f"{origin}: 'segments' must be a non-empty list")
    title = obj.get("title")
    if not isinstance(title, str) or not title.strip():
        raise ScriptError(f"{origin}: 'title' must be a non-empty string")
    engine = obj["engine"] if isinstance(obj.get("engine"), str) else ""
    stories = _stories_from(obj, raw_segments, origin)
    read = [_segment_from(raw, i, origin, lexicon, engine, len(stories)) for i, raw in enumerate(raw_segments, start=1)]
    segments = tuple(speakable(read, origin))
    if not any(s.kind in ("anchor", "quote") for s in segments):
        raise ScriptError(f"{origin}: the script has no anchor or quote segment with words to say")

    def text_field(name: str, default: str | None = None) -> Any:
        value = obj.get(name, default)
        if value is not None and not isinstance(value, str):
            raise ScriptError(f"{origin}: '{name}' must be a string")
        return value

    date_text = text_field("date")
    if date_text is not None:
        try:
            date.fromisoformat(date_text)
        except ValueError:
            raise ScriptError(f"{origin}: 'date' must be YYYY-MM-DD, not {date_text!r}") from None
    return Script(
        source=text_field("source", origin) or origin,
        title=title.strip(),
        date=date_text,
        show=text_field("show", "") or "",
        anchor=text_field("anchor", "") or "",
        engine=text_field("engine", "") or "",
        segments=segments,
        byline=text_field("byline"),
        summary=text_field("summary", "") or "",
        stories=stories,
    )


def _stories_from(obj: dict[str, Any], raw_segments: list[Any], origin: str) -> tuple[str, ...]:
    """A bulletin's headlines: the "stories" list, else gathered from the segments' "story" and
    "headline" (an editor may keep only those); () for a script of one article."""
    listed = obj.get("stories")
    if listed is not None:
        if not isinstance(listed, list) or not all(isinstance(h, str) and h.strip() for h in listed):
            raise ScriptError(f"{origin}: 'stories' must be a list of the bulletin's headlines (strings)")
        return tuple(h.strip() for h in listed)
    found: dict[int, str] = {}
    for raw in raw_segments:
        if isinstance(raw, dict) and isinstance(raw.get("story"), int) and isinstance(raw.get("headline"), str):
            found.setdefault(raw["story"], raw["headline"].strip())
    if not found:
        return ()
    if sorted(found) != list(range(len(found))):
        raise ScriptError(f"{origin}: the segments' 'story' numbers must run from 0 without gaps; add a 'stories' list")
    return tuple(found[i] for i in range(len(found)))


def _segment_from(
    raw: Any, number: int, origin: str, lexicon: Lexicon | None, engine: str, stories: int = 0
) -> Segment:
    where = f"{origin}: segment {number}"
    if not isinstance(raw, dict):
        raise ScriptError(f"{where} must be an object")
    kind = raw.get("kind")
    if kind not in SEGMENT_KINDS:
        raise ScriptError(f"{where}: 'kind' must be one of {', '.join(SEGMENT_KINDS)}, not {kind!r}")
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ScriptError(f"{where}: 'text' must be a non-empty string")
    voice = raw.get("voice")
    if not isinstance(voice, str) or not voice:
        raise ScriptError(f"{where}: 'voice' must be a voice id string")
    spoken = raw.get("spoken")
    if spoken is None or (isinstance(spoken, str) and not spoken.strip()):
        spoken = spoken_form(kind, text, lexicon, engine)  # 'spoken' removed by the editor: derive it again
    elif isinstance(spoken, str) and _stale_spoken(text, spoken, raw.get("spoken_from")):
        # the text was edited and 'spoken' was not: the audio would say the old words
        log.warning("%s (%s): 'text' was edited but 'spoken' was not; 'spoken' derived again", where, kind)
        spoken = spoken_form(kind, text, lexicon, engine)
    if not isinstance(spoken, str):
        raise ScriptError(f"{where}: 'spoken' must be a string")
    spoken = _voiceable(spoken, where)
    speaker = raw.get("speaker")
    if kind == "quote" and (not isinstance(speaker, str) or not speaker.strip()):
        raise ScriptError(f"{where}: a quote needs a 'speaker' name")
    if speaker is not None and not isinstance(speaker, str):
        raise ScriptError(f"{where}: 'speaker' must be a string or null")
    title = raw.get("speaker_title")
    if title is not None and not isinstance(title, str):
        raise ScriptError(f"{where}: 'speaker_title' must be a string or null, not {type(title).__name__}")
    if title is not None and len(title) > MAX_SPEAKER_TITLE_CHARS:
        raise ScriptError(f"{where}: 'speaker_title' is longer than {MAX_SPEAKER_TITLE_CHARS} characters")
    paragraph = raw.get("paragraph", -1)
    if not isinstance(paragraph, int) or isinstance(paragraph, bool):
        raise ScriptError(f"{where}: 'paragraph' must be an integer")
    if not -1 <= paragraph <= MAX_PARAGRAPH:
        raise ScriptError(
            f"{where}: 'paragraph' must be -1 (intro, outro) or an article paragraph 0 to {MAX_PARAGRAPH}, "
            f"not {paragraph}"
        )
    story = raw.get("story", -1)
    if story is None:
        story = -1
    if not isinstance(story, int) or isinstance(story, bool) or not -1 <= story < stories:
        span = f"a story's index 0 to {stories - 1}, or -1 for intro and outro" if stories else "-1 (no stories)"
        raise ScriptError(f"{where}: 'story' must be {span}, not {story!r}")
    return Segment(kind, text, spoken, voice, speaker, title, paragraph, story)


def _voiceable(spoken: str, where: str) -> str:
    """An edited 'spoken' text without characters and scripts the voice cannot read."""
    cleaned = clean_characters(spoken)
    cleaned, dropped, scripts = drop_foreign(cleaned)
    if dropped:
        log.warning("%s: %s", where, dropped_words(dropped, scripts))
    return tidy(cleaned) if cleaned != spoken else spoken
