"""Turns printed with their speaker's label, and interviews printed as
questions and answers.

A *transcript* (a debate, a panel, a press conference) prints each turn as
``LABEL: words`` -- ``JAKE TAPPER: ...``, ``Matthews: ...`` -- and gives each
turn to the one its label names, whoever asks and whoever answers.  A label is
one to three capitalised words that name a person (never a place, an
organisation, or a word such as ``Update`` or ``Poll``); an article reads as a
transcript only when at least three paragraphs are such turns, of at least two
speakers, and two of them are long (a list such as ``Clinton: 547.`` or
``Rubio: Finish second.`` is no transcript).  A quotation that opens with a
known person's label (``"Chris Matthews: Seriously, ..."``) is a turn quoted
whole: that person speaks it.

An *interview* printed as questions and answers (``Q:``/``A:``, or unmarked
questions each followed by answers) gives every answer to the one person the
introduction names; the questions stay with the anchor.  An article whose
turns carry their speakers' labels is a transcript, never that.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from radio.words.quotes.marks import Span
from radio.words.quotes.names import People
from radio.words.quotes.persons import is_thing
from radio.words.quotes.switches import OFF
from radio.words.quotes.vocab import LEADERS, words

_LABEL = re.compile(r"(?P<label>(?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'.-]*)\s*:\s+(?=\S)")
# capitalised words before a colon that label no one
_NOT_LABEL = words(
    """
    update updated note watch photo photos video breaking correction editor editor's read related source dear
    sources poll polls live latest warning caption credit question answer transcript full audio
    """
)
_MIN_TURNS = 3
_LONG_TURN_WORDS = 8
_SHORT_TURN_WORDS = 4


def label_speaker(text: str, people: People, known_only: bool = False) -> tuple[str, int] | None:
    """The person a turn's label names, and where the turn's words start: ``TAPPER: Do you ...``
    -> ("Jake Tapper", 8) when the article names Jake Tapper.  With ``known_only``, only a person
    the article names elsewhere."""
    m = _LABEL.match(text)
    if not m:
        return None
    label = m.group("label")
    parts = label.split()
    if parts[0].lower() in LEADERS or any(w.lower().rstrip(".") in _NOT_LABEL for w in parts):
        return None
    shout = label.isupper()
    name = " ".join(w[:1] + w[1:].lower() for w in parts) if shout else label  # "JAKE TAPPER" -> "Jake Tapper"
    known = people.lookup(name)
    if known is not None:
        if known.isupper():
            known = " ".join(w[:1] + w[1:].lower() for w in known.split())  # first named in a label in capitals
        return (known, m.end()) if known not in people.things else None
    if known_only or is_thing(name.split()) or (len(parts) == 1 and not shout):
        return None  # "Iowa: ...", "Poll: ...": a place or a word, not a speaker
    return name, m.end()


def turns(paras: list[str], people: People) -> dict[int, tuple[str, int]]:
    """The paragraphs that are labelled turns of a transcript, each with its speaker and where its words start."""
    if "turns" in OFF:
        return {}
    found: dict[int, tuple[str, int]] = {}
    for i, text in enumerate(paras):
        if ":" not in text[:60]:
            continue
        turn = label_speaker(text, people)
        if turn and len(text[turn[1] :].split()) >= _SHORT_TURN_WORDS and not _headline(text[turn[1] :]):
            found[i] = turn
    if "turn_named" not in OFF:
        found = {i: turn for i, turn in found.items() if _named_outside_labels(turn[0], paras[i], found, people)}
    long_turns = sum(1 for i, (_, at) in found.items() if len(paras[i][at:].split()) >= _LONG_TURN_WORDS)
    speakers = Counter(name for name, _ in found.values())
    # a conversation: two speakers at least, and one of them speaks again ("Jeb Bush: Student loans ...",
    # "Marco Rubio: Retirement accounts ...", one each, are the headings of a list)
    if len(found) < _MIN_TURNS or len(speakers) < 2 or max(speakers.values()) < 2 or long_turns < 2:
        return {}
    return found


def _named_outside_labels(name: str, text: str, found: dict[int, tuple[str, int]], people: People) -> bool:
    """Whether a label's speaker is a person the article names outside the labels, or a label in capitals
    as a transcript prints them ("TAPPER:"): a shop's "New Price Drop:" or a journal's "Grant Support:"
    labels no one."""
    if text[: text.find(":")].isupper():
        return True
    return any(p not in found or at >= found[p][1] for p, at, n in people.mentions if n == name)


def _headline(text: str) -> bool:
    """Words in title case ("Trump Is 'Trying To Campaign As A Racial Healer'"): a headline's, no turn's."""
    long = [w for w in text.split() if len(w.strip("‘’'\"“”,.")) >= 4]
    return len(long) >= 3 and sum(1 for w in long if w.strip("‘’'\"“”")[:1].isupper()) >= 0.8 * len(long)


_INTRO_PARAGRAPHS = 4  # an interview's introduction names whom it asks just before the first question


def _known_person(name: str, people: People) -> bool:
    """Whether the article shows ``name`` is a person's -- a gender from a title, a first name or its own
    pronoun -- so that a page of questions and answers (a shop's or a timetable's FAQ, whose
    headings in capitals read as names: "Lemon Tree", "Station Information") is no one's interview.  The
    introduction names the person in the few paragraphs before the first question (a page's menu far
    above does not)."""
    return "interview_person" in OFF or name in people.gender


@dataclass(frozen=True)
class Interview:
    name: str  # who answers
    questions: frozenset[int]  # paragraph indices
    answers: frozenset[int]


_MIN_PAIRS = 3  # questions each followed by an answer, for an article to read as an interview
QA_MARK = re.compile(r"^[QA]\s*[:.]\s+")  # "Q: ...", "A. ..."


def _is_question(text: str) -> bool:
    return text.rstrip().endswith("?") and 3 <= len(text.split()) <= 60  # the cheap test first


def interview(paras: list[str], spans: list[list[Span]], people: People) -> Interview | None:
    """An interview printed as questions and answers: the paragraphs after
    each question, up to the next one, are the answers of the person the
    introduction names first; the questions stay with the anchor.

    Questions are marked ``Q:`` and answers ``A:`` (the marks are not read),
    or, unmarked, a question is a paragraph ending with a question mark.  An
    article reads as an interview only when at least three questions are each
    followed by an answer and every paragraph after the first question is a
    question or an answer; unmarked, also none of them may quote anyone (an
    article that asks its reader a few questions is no interview)."""
    if "interview" in OFF:
        return None
    marks = [m.group()[0] if (m := QA_MARK.match(p.strip())) else "" for p in paras]
    if marks.count("Q") >= _MIN_PAIRS and marks.count("A") >= _MIN_PAIRS:
        questions = [i for i, m in enumerate(marks) if m == "Q"]
    else:
        questions = [i for i, p in enumerate(paras) if _is_question(p)]
        if len(questions) >= _MIN_PAIRS and any(spans[i] for i in range(questions[0], len(paras))):
            return None
    if len(questions) < _MIN_PAIRS or questions[0] == 0:
        return None
    first = questions[0]
    asked = set(questions)
    answers = {i for i in range(first, len(paras)) if i not in asked}
    if sum(1 for i in questions if i + 1 in answers) < _MIN_PAIRS:
        return None
    name = next(
        (
            n
            for p, _, n in people.mentions
            if first - _INTRO_PARAGRAPHS <= p < first
            and n not in people.things
            and len(n.split()) >= 2
            and _known_person(n, people)
        ),
        None,
    )
    return Interview(name, frozenset(asked), frozenset(answers)) if name else None
