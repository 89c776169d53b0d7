"""Split article paragraphs into the anchor's narration and direct quotes.

Every direct quotation (a whole sentence or more inside double marks) becomes a
``quote`` part voiced by its speaker; partial quotations, scare quotes and
titles stay in the anchor's sentence.  Where the article attributes a quotation
after it, the attribution is moved in front so the listener hears who speaks
before hearing them; a quotation split around its attribution (``"A," she
said, "b."``) is one quote part, ``A, b.``, with the attribution once, before
it.  Names, titles and pronouns resolve to the person first named in full, so
one person keeps one voice through the article; "he" and "she" go only to a
person (never a place, people, organisation or month) whose known gender
agrees, the subject of the sentence before first, then the last speaker, then
the person named last (``persons`` says how a name's gender is known).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from radio.models import Part
from radio.words.quotes.marks import Span, find_spans
from radio.words.quotes.names import People, scan
from radio.words.quotes.switches import OFF
from radio.words.quotes.writer import write_paragraph

__all__ = ["find_parts"]


def find_parts(paragraphs: Sequence[str]) -> list[Part]:
    """Return the article as anchor and quote parts, in spoken order."""
    paras = list(paragraphs)
    spans: list[list[Span]] = find_spans(paras)
    people: People = scan(paras, spans)
    parts: list[Part] = []
    state: dict[str, str | None] = {"last": None, "carry": None}
    interview = _interview(paras, spans, people)
    for index, text in enumerate(paras):
        if interview and index in interview.answers:
            parts.append(Part("quote", _QA_MARK.sub("", text.strip()), index, interview.name))
            state["last"], state["last_para"] = interview.name, str(index)
            continue
        if interview and index in interview.questions and _QA_MARK.match(text.strip()):
            parts.append(Part("anchor", _QA_MARK.sub("", text.strip()), index))  # "Q: Why ...?": the question
            continue
        parts.extend(write_paragraph(index, text, spans[index], people, state))
    return _finish(parts, people)


@dataclass(frozen=True)
class _Interview:
    name: str  # who answers
    questions: frozenset[int]  # paragraph indices
    answers: frozenset[int]


_MIN_PAIRS = 3  # questions each followed by an answer, for an article to read as an interview
_QA_MARK = re.compile(r"^[QA]\s*[:.]\s+")  # "Q: ...", "A. ..."


def _is_question(text: str) -> bool:
    return text.rstrip().endswith("?") and 3 <= len(text.split()) <= 60  # the cheap test first


def _interview(paras: list[str], spans: list[list[Span]], people: People) -> _Interview | None:
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
    marks = [m.group()[0] if (m := _QA_MARK.match(p.strip())) else "" for p in paras]
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
        (n for p, _, n in people.mentions if p < first and n not in people.things and len(n.split()) >= 2), None
    )
    return _Interview(name, frozenset(asked), frozenset(answers)) if name else None


def _finish(parts: list[Part], people: People) -> list[Part]:
    out: list[Part] = []
    for p in parts:
        if p.kind == "quote" and p.speaker:
            gender = people.gender.get(p.speaker)
            title = p.speaker_title or people.titles.get(p.speaker)
            p = Part("quote", p.text, p.paragraph, p.speaker, title, gender)  # type: ignore[arg-type]
        out.append(p)
    return out
