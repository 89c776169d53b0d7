"""Who a noun phrase or a pronoun in an attribution refers to, given the people
the article names and who spoke last (``State``: ``last``, ``last_para``)."""

from __future__ import annotations

import re
from bisect import bisect_right

from radio.words.quotes.attribution import _VERB, _subject_before
from radio.words.quotes.names import People, main_clause
from radio.words.quotes.persons import is_thing
from radio.words.quotes.phrases import parse_np
from radio.words.quotes.switches import OFF

State = dict[str, "str | None"]


def resolve(
    np: str, people: People, state: State, index: int, pos: int, note: bool = True
) -> tuple[str, str | None] | None:
    """Who ``np`` at (index, pos) names; with ``note``, a pronoun resolved to someone records their gender
    (not for the writer's own sentences, ``Doe said ...``: a guess there would rule out the right speaker later)."""
    sp = parse_np(np, people)
    if sp is None:
        return None
    if sp.pronoun in ("male", "female"):
        name = pronoun_ref(sp.pronoun, people, state, index, pos)
        if name:
            if note or "note_indirect" in OFF:
                people.note_gender(name, sp.pronoun)
            return name, None
        return None
    if sp.pronoun == "group":
        last = state.get("last")
        if sp.name == "it" and last not in people.things:
            return None  # "it" is a ministry, a court or a report that spoke last, never a person
        return (last, None) if last else None
    if not sp.person or (
        "named_thing" not in OFF
        and sp.name not in people.names
        and sp.name not in people.things
        and is_thing(sp.name.split())
    ):
        people.things.add(sp.name)  # "Republicans said": a body that speaks, never "he" or "she" later
    return sp.name, sp.title


def pronoun_ref(gender: str, people: People, state: State, index: int, pos: int) -> str | None:
    """Who "he" or "she" at (index, pos) is: only a person whose known gender
    agrees -- the first person named in the sentence before, else the last
    speaker of this or the paragraph before, else the person named last."""
    last, para = state.get("last"), state.get("last_para")
    said = state.get("said")  # the last one a quotation was given to
    if (
        said
        and state.get("said_para") == str(index)
        and "attributed_last" not in OFF
        and people.fits(said, gender)
        and said in _named_before(people, index, pos)
    ):
        return said  # '"A" for Clinton, said Kunin. "B," she said.': the one the sentence before quoted
    subject = people.previous_subject(index, pos) if "pronoun_subject" not in OFF else None
    if subject and "pronoun_opens" not in OFF and _previous_opens_with_pronoun(people, index, pos):
        subject = None  # "He raised it in criticism of NASA's Landing System.": "he" again, not the name after
    if subject and people.fits(subject, gender):
        return subject
    described = _described_before(people, index, pos) if not subject and "pronoun_described" not in OFF else None
    if described:
        return described  # '..., a source close to the inquiry told the agency. He said: "..."': the source
    if "pronoun_last" not in OFF and last and para is not None and index - int(para) <= 1 and people.fits(last, gender):
        return last
    recent = people.recent(index, pos, gender)
    if subject and recent is None and "overrule" not in OFF and people.overrule(subject, gender):
        # "Jess Lindsay ... her career. '...,' she said.": the subject, whatever her first name suggests
        return subject
    return recent or (last if last and people.fits(last, gender) else None)


_PRONOUN_OPENING = re.compile(
    r"(?:(?:But|And|So|Then|Later|Meanwhile|Instead)(?:\s+then)?,?\s+)?(?:[Hh]e|[Ss]he)\s"
)


def _previous_opens_with_pronoun(people: People, index: int, pos: int) -> bool:
    """Whether the sentence before the one at (index, pos) opens with "He" or "She": its subject is the
    person a pronoun named already, not the first name in it."""
    starts = people.sentence_starts(index)
    k = bisect_right(starts, pos) - 1
    if k > 0:
        text, lo = people.texts[index], starts[k - 1]
    elif index > 0:
        text, lo = people.texts[index - 1], people.sentence_starts(index - 1)[-1]
    else:
        return False
    # after a leading clause ("In 2004, she told ...") where the sentence has one
    return _PRONOUN_OPENING.match(text, main_clause(text, lo, len(text))) is not None


_DESCRIBED = re.compile(r"(?:a|an|the|one)\s[a-z]")


def _described_before(people: People, index: int, pos: int) -> str | None:
    """The description ("a source close to the inquiry") that speaks in the sentence before the one at
    (index, pos), in the same paragraph, when that sentence names no one."""
    window = _sentence_before(people, index, pos)
    if window is None or _named_in(people, index, window):
        return None
    text, (lo, hi) = people.texts[index], window
    if '"' in text[lo:hi] or "“" in text[lo:hi]:
        return None
    verbs = list(_VERB.finditer(text, lo, hi))
    if not verbs:
        return None
    verb = verbs[-1]
    np = _subject_before(text[lo : verb.end()] + ":", verb.start() - lo)
    return np if np and _DESCRIBED.match(np) and len(np.split()) <= 8 else None


def _sentence_before(people: People, index: int, pos: int) -> tuple[int, int] | None:
    """Where the sentence before the one at (index, pos) starts and ends, if it is in the same paragraph."""
    starts = people.sentence_starts(index)
    k = bisect_right(starts, pos) - 1
    return (starts[k - 1], starts[k]) if k > 0 else None


def _named_in(people: People, index: int, window: tuple[int, int]) -> set[str]:
    """Who is named (outside quotation marks) in ``window`` of paragraph ``index``."""
    lo, hi = window
    return {name for at, name in people.by_paragraph.get(index, ()) if lo <= at < hi}


def _named_before(people: People, index: int, pos: int) -> set[str]:
    """Who is named (outside quotation marks) in the sentence before the one at (index, pos), in the same paragraph."""
    window = _sentence_before(people, index, pos)
    return set() if window is None else _named_in(people, index, window)


def fallback(state: State, index: int) -> str | None:
    para = state.get("last_para")
    if state.get("last") and para is not None and index - int(para) <= 1:
        return state["last"]
    return None
