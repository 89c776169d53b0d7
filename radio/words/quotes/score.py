"""A learned score for who speaks a quotation the article does not attribute
in its own sentence (a quotation with no cue that inherits a speaker).

The rules of ``writer`` decide *whether* such a quotation is someone's; this
module decides *whose*: every person or body named before it in the article
(and the last speaker) is a candidate, each described by a few numbers
(``FEATURES``: how far back it was named, whether it is the subject of the
sentence before, whether it spoke last, ...), and the candidate with the
highest weighted sum wins.  The weights (``speaker_weights.WEIGHTS``) are a
conditional logistic (softmax) model fitted by ``scripts/fit_speaker_score.py``
on PolNeAR's training folds 1-3, pulled towards zero, so no tie-break order is
written by hand.  ``RECORD``, when a list, collects every choice's candidates
for that script.
"""

from __future__ import annotations

from bisect import bisect_right
from math import log1p

from radio.words.quotes.marks import Span
from radio.words.quotes.names import People
from radio.words.quotes.speaker_weights import WEIGHTS
from radio.words.quotes.switches import OFF

State = dict[str, "str | None"]

FEATURES = (
    "sentences_back",  # log(1 + sentences between the candidate's last mention and the quotation)
    "paragraphs_back",  # log(1 + paragraphs back)
    "same_paragraph",
    "recency_rank",  # log(1 + how many other candidates were named since)
    "previous_subject",  # the first person named in the sentence before
    "previous_subject_opens",  # ... and the quotation opens its sentence
    "sentence_subject",  # the first person named in the quotation's own sentence, before it
    "sentence_subject_comma",  # ... and the words before the quotation end with a comma
    "last_speaker",  # the last one a quotation or "X said" was given to
    "last_speaker_here",  # ... in this paragraph
    "last_speaker_near",  # ... in this paragraph or the one before
    "opening_name",  # the person the paragraph before opens its last sentence with
    "opening_name_alone",  # ... and the quotation is its paragraph's whole text
    "quoted_before",  # log(1 + quotations given to the candidate so far)
    "body",  # a name the article shows is no person's (a place, party, ministry)
    "mentions",  # log(1 + mentions so far)
    "name_words",  # words in the name, at most 4
    "gender_known",
    "named_in_paragraph",  # named in the quotation's paragraph before it
)
LIMIT = 12  # the most recent candidates considered

# ("choice" or "said", paragraph, position, candidates, their features, the speaker the rules chose)
RECORD: list[tuple[str, int, int, list[str], list[list[float]], str]] | None = None


def _sentence_index(people: People, paragraph: int, pos: int) -> int:
    base = people.sentence_base
    while len(base) <= paragraph:
        k = len(base)
        base.append(base[-1] + len(people.sentence_starts(k - 1)) if k else 0)
    return base[paragraph] + bisect_right(people.sentence_starts(paragraph), pos) - 1


def _context(text: str, q: Span) -> tuple[bool, bool, bool]:
    """(the quotation opens its sentence, the words before it end with a comma, it is its paragraph's whole text)."""
    before = text[: q.open].rstrip()
    alone = not before and not text[q.close :].strip(' ”"’')
    return not before or before[-1] in ".!?…", before.endswith(","), alone


def candidates(people: People, state: State, index: int, q: Span) -> tuple[list[str], list[list[float]]]:
    """Who could speak the quotation ``q`` of paragraph ``index`` and the features of each."""
    pos = q.open
    opens, comma, alone = _context(people.texts[index], q)
    last: dict[str, tuple[int, int]] = {}
    count: dict[str, int] = {}
    for p, at, name in people.mentions:
        if (p, at) >= (index, pos):
            break
        last[name] = (p, at)
        count[name] = count.get(name, 0) + 1
    speaker, speaker_para = state.get("last"), state.get("last_para")
    if speaker and speaker not in last:
        at_para = int(speaker_para) if speaker_para is not None else index
        last[speaker] = (at_para, 0)
    order = sorted(last, key=lambda n: last[n], reverse=True)[:LIMIT]
    here = _sentence_index(people, index, pos)
    previous = people.previous_subject(index, pos)
    subject = people.sentence_subject(index, pos)
    opening = people.opening_name(index - 1) if index else None
    near = speaker_para is not None and index - int(speaker_para) <= 1
    names: list[str] = []
    rows: list[list[float]] = []
    for rank, name in enumerate(order):
        p, at = last[name]
        row = [
            log1p(max(0, here - _sentence_index(people, p, at))),
            log1p(max(0, index - p)),
            float(p == index),
            log1p(rank),
            float(name == previous),
            float(name == previous and opens),
            float(name == subject),
            float(name == subject and comma),
            float(name == speaker),
            float(name == speaker and speaker_para == str(index)),
            float(name == speaker and near),
            float(name == opening),
            float(name == opening and alone),
            log1p(people.quoted.get(name, 0)),
            float(name in people.things),
            log1p(count.get(name, 0)),
            float(min(4, len(name.split()))),
            float(name in people.gender),
            float(p == index and at < pos),
        ]
        names.append(name)
        rows.append(row)
    return names, rows


def choose(people: People, state: State, index: int, q: Span, rule: str) -> str:
    """The speaker of the unattributed quotation ``q`` of paragraph ``index`` that the rules gave to
    ``rule``: the best-scoring candidate (``rule`` itself when the score is switched off)."""
    if "speaker_score" in OFF and RECORD is None:
        return rule
    names, rows = candidates(people, state, index, q)
    if rule not in names:
        return rule  # a description or a turn's label the mentions do not hold: the rules' own
    if RECORD is not None:
        RECORD.append(("choice", index, q.open, names, rows, rule))
    if "speaker_score" in OFF:
        return rule
    scores = [sum(w * x for w, x in zip(WEIGHTS, row, strict=True)) for row in rows]
    return names[max(range(len(names)), key=lambda k: (scores[k], names[k] == rule))]


def said(people: People, state: State, index: int, q: Span, speaker: str) -> None:
    """Note that ``speaker`` was given the quotation ``q`` (and, for the fitting script, who else could have been)."""
    people.quoted[speaker] = people.quoted.get(speaker, 0) + 1
    if RECORD is not None and not (RECORD and RECORD[-1][1:3] == (index, q.open)):
        names, rows = candidates(people, state, index, q)
        RECORD.append(("said", index, q.open, names, rows, speaker))
