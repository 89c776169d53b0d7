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

from collections.abc import Sequence

from radio.models import Part
from radio.words.quotes.marks import Span, find_spans
from radio.words.quotes.names import People, scan
from radio.words.quotes.transcripts import QA_MARK, interview, turns
from radio.words.quotes.writer import write_paragraph

__all__ = ["find_parts"]


def find_parts(paragraphs: Sequence[str]) -> list[Part]:
    """Return the article as anchor and quote parts, in spoken order."""
    paras = list(paragraphs)
    spans: list[list[Span]] = find_spans(paras)
    people: People = scan(paras, spans)
    parts: list[Part] = []
    state: dict[str, str | None] = {"last": None, "carry": None}
    labelled = turns(paras, people)
    asked = None if labelled else interview(paras, spans, people)  # turns with their speakers' labels: no interview
    for index, text in enumerate(paras):
        if index in labelled:
            name, at = labelled[index]
            parts.append(Part("anchor", text[:at].strip(), index))  # "TAPPER:": who speaks
            parts.append(Part("quote", text[at:].strip(), index, name))
            state["last"], state["last_para"] = name, str(index)
            continue
        if asked and index in asked.answers:
            parts.append(Part("quote", QA_MARK.sub("", text.strip()), index, asked.name))
            state["last"], state["last_para"] = asked.name, str(index)
            continue
        if asked and index in asked.questions and QA_MARK.match(text.strip()):
            parts.append(Part("anchor", QA_MARK.sub("", text.strip()), index))  # "Q: Why ...?": the question
            continue
        parts.extend(write_paragraph(index, text, spans[index], people, state))
    return _finish(parts, people)


def _finish(parts: list[Part], people: People) -> list[Part]:
    out: list[Part] = []
    for p in parts:
        if p.kind == "quote" and p.speaker:
            gender = people.gender.get(p.speaker)
            title = p.speaker_title or people.titles.get(p.speaker)
            p = Part("quote", p.text, p.paragraph, p.speaker, title, gender)  # type: ignore[arg-type]
        out.append(p)
    return out
