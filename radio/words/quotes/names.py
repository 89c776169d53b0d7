"""People and organisations: who is named where, with what title, and how a
short reference (``Doe``, ``Mr. Doe``, ``the minister``, ``he``) resolves to
the person first named in full."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from radio.words.quotes.attribution import _VERB
from radio.words.quotes.marks import Span
from radio.words.quotes.persons import first_name_gender
from radio.words.quotes.runs import (
    FIRST_NAME,
    NO_BREAK,
    RUN,
    RUNS,
    RUNS_MAX,
    read_whole,
    surname_key,
)
from radio.words.quotes.switches import OFF


@dataclass(frozen=True)
class Speaker:
    """A parsed noun phrase: who it names and how."""

    name: str  # canonical name or description ("the Kremlin", "a spokesperson for ...")
    title: str | None = None
    pronoun: str | None = None  # "male" / "female" / "group" for a pronoun
    person: bool = True  # a named person (as opposed to an organisation or description)


@dataclass
class People:
    """Who the article names, in order of mention, and what is known of each."""

    full: dict[str, str] = field(default_factory=dict)  # "first last" key -> canonical name
    by_surname: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # canonical -> title at first mention
    gender: dict[str, str] = field(default_factory=dict)
    by_first_name: set[str] = field(default_factory=set)  # whose known gender is only their first name's
    # (paragraph, pos, name) for each mention outside quotation marks, in order
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    names: set[str] = field(default_factory=set)  # the canonical names: the values of ``full``
    things: set[str] = field(default_factory=set)  # names that are no person's (places, peoples, bodies)
    texts: list[str] = field(default_factory=list)  # the paragraphs
    by_paragraph: dict[int, list[tuple[int, str]]] = field(default_factory=dict)  # paragraph -> (pos, name)
    _starts: dict[int, list[int]] = field(default_factory=dict)  # where each sentence starts, read when asked

    def lookup(self, name: str) -> str | None:
        words = name.split()
        if len(words) >= 2:
            key = f"{words[0]} {words[-1]}".lower()
            if key in self.full:
                return self.full[key]
        return self.by_surname.get(surname_key(words))

    def note_gender(self, name: str, gender: str | None) -> None:
        if gender in ("male", "female") and name not in self.things:
            self.gender.setdefault(name, gender)

    def overrule(self, name: str, gender: str) -> bool:
        """Let the article's own pronoun for ``name`` outweigh the gender its
        first name suggests (a first name is a man's in one country and a
        woman's in another: "Jess", "Andrea"); a title's gender stands."""
        if name not in self.by_first_name or name in self.things:
            return False
        self.gender[name] = gender
        self.by_first_name.discard(name)
        return True

    def fits(self, name: str, gender: str | None) -> bool:
        """Whether a pronoun of ``gender`` can refer to ``name``: a person
        (or a name not known to be a thing) whose known gender agrees."""
        if name in self.things:
            return False
        known = self.gender.get(name)
        if known is None and " " not in name and "first_name_alone" not in OFF:
            known = first_name_gender(name)  # "Elise wrote, she ...": a first name alone still says "she"
        return not (gender and known and known != gender)

    def recent(self, paragraph: int, pos: int, gender: str | None) -> str | None:
        """The person named most recently before (paragraph, pos) who fits ``gender``."""
        best: str | None = None
        for p, at, name in self.mentions:
            if (p, at) >= (paragraph, pos):
                break
            if self.fits(name, gender):
                best = name
        return best

    def opening_name(self, paragraph: int) -> str | None:
        """The person the last sentence of a paragraph opens with ("Valastro praised ..."), if it opens with one."""
        if not 0 <= paragraph < len(self.texts):
            return None
        lo = self.sentence_starts(paragraph)[-1]
        for at, name in self.by_paragraph.get(paragraph, ()):
            if at >= lo:
                # "Valastro praised ...", "The retired headteacher Margaret Ellison, 84, spoke ...": the name
                # opens the sentence, at most after an article and a few lower-case words describing the person
                opens = at == lo or _DESCRIBED_OPENING.fullmatch(self.texts[paragraph], lo, at) is not None
                # "Swift's rep told Fox News ...": the sentence opens with someone else, the owner's
                mine = _possessive_at(self.texts[paragraph], at)
                return name if opens and not mine and name not in self.things else None
        return None

    def sentence_starts(self, paragraph: int) -> list[int]:
        starts = self._starts.get(paragraph)
        if starts is None:
            starts = self._starts[paragraph] = sentence_starts(self.texts[paragraph])
        return starts

    def _subject(self, paragraph: int, sentence: int, before: int | None = None) -> str | None:
        """The first person named in a sentence (before ``before``), outside quotation marks."""
        starts = self.sentence_starts(paragraph)
        lo = starts[sentence]
        hi = starts[sentence + 1] if sentence + 1 < len(starts) else len(self.texts[paragraph])
        if before is not None:
            hi = min(hi, before)
        text = self.texts[paragraph]
        named = [(at, name) for at, name in self.by_paragraph.get(paragraph, ()) if lo <= at < hi]
        named = [(at, name) for at, name in named if name not in self.things]
        if not named:
            return None
        start = main_clause(text, lo, hi) if "leading_clause" not in OFF else lo
        main = [
            (at, name)
            for at, name in named
            if at >= start
            and ("possessive" in OFF or not _possessive_at(text, at))
            and ("modifier" in OFF or not _A_MODIFIER.search(text, max(0, at - 3), at))
        ]
        if main and main[0][0] > lo and "nearest_before_verb" not in OFF:
            # after a leading clause ("After meeting Paul Vance, the defender Gareth Lloyd said"),
            # the name nearest before the first speech verb, else the first name
            verb = _VERB.search(text, main[0][0], hi)
            ahead = [name for at, name in main if verb is None or at < verb.start()]
            return ahead[-1] if ahead and verb is not None else main[0][1]
        return main[0][1] if main else named[0][1]

    def last_named(self, paragraph: int, lo: int, hi: int) -> str | None:
        """The last person named between ``lo`` and ``hi`` in a paragraph, outside quotation marks."""
        best = None
        for at, name in self.by_paragraph.get(paragraph, ()):
            if lo <= at < hi and name not in self.things:
                best = name
        return best

    def sentence_subject(self, paragraph: int, pos: int) -> str | None:
        """The first person named in the sentence at (paragraph, pos), before ``pos``."""
        if not 0 <= paragraph < len(self.texts):
            return None
        return self._subject(paragraph, bisect_right(self.sentence_starts(paragraph), pos) - 1, pos)

    def previous_subject(self, paragraph: int, pos: int) -> str | None:
        """The first person named in the sentence before the one at (paragraph, pos)."""
        if not 0 <= paragraph < len(self.texts):
            return None
        k = bisect_right(self.sentence_starts(paragraph), pos) - 1
        if k > 0:
            return self._subject(paragraph, k - 1)
        if paragraph == 0:
            return None
        return self._subject(paragraph - 1, len(self.sentence_starts(paragraph - 1)) - 1)


_DESCRIBED_OPENING = re.compile(r"(?:The|A|An|Former|Retired|Veteran)\s+(?:[a-z][\w-]*\s+){1,3}")


# A sentence opening with a preposition or a subordinate clause names its
# subject after the clause's comma: "After meeting Paul Vance, Tom Hale said".
_LEADING_CLAUSE = re.compile(
    r"(?:After|Before|When|While|As|Since|Although|Though|Because|If|Once|Until|Unlike|Like|Despite|Following"
    r"|In|At|On|During|With|Without|Under|From|For|Asked|Speaking|Writing|Responding|Later|Earlier)\b"
    r"[^,;:“”\"]{0,160},\s",
    re.I,
)


# "a São Paulo resident", "an Ohio voter": a name after "a" or "an" qualifies a noun, no subject
_A_MODIFIER = re.compile(r"(?:^|\s)an?\s$")


def main_clause(text: str, lo: int, hi: int) -> int:
    """Where a sentence's main clause starts: after the leading clauses that end in a comma
    ("Later in the show, after the interview ended, Maher said"), else at its start."""
    for _ in range(3):
        m = _LEADING_CLAUSE.match(text, lo, hi)
        if not m:
            break
        lo = m.end()
    return lo


def _ends_with(known: str, name: str) -> bool:
    """Whether ``name`` is the last words of the longer ``known`` ("Hawk Sawyer" of "Kathleen Hawk Sawyer")."""
    tail = name.split()
    words = known.split()
    return len(words) > len(tail) and words[-len(tail) :] == tail


def _possessive_at(text: str, at: int) -> bool:
    """Whether the mention at ``at`` is a possessive ("Fabre's deputy, Claire Dubois"): no subject."""
    m = _RUN_POSSESSIVE.match(text, at)
    return m is not None


_RUN_POSSESSIVE = re.compile(r"(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*[’']s?(?=\s)")


# A sentence ends at a mark followed by a space and a capital, a digit or a
# quote mark -- unless the word before it is a short abbreviation or an initial.
_SENT_BREAK = re.compile(r"[.!?…][”\"’')]*\s+(?=[“\"‘(]?[A-Z0-9])")
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")  # "J.J" of "J.J. MacNab": no sentence ends after it


def sentence_starts(text: str) -> list[int]:
    """Where each sentence of a paragraph starts (always 0 first)."""
    starts = [0]
    for m in _SENT_BREAK.finditer(text):
        word = text[text.rfind(" ", 0, m.start()) + 1 : m.start()].lstrip('(“"')
        if (len(word) == 1 and word.isupper()) or word.lower() in NO_BREAK or _INITIALS.fullmatch(word):
            continue
        starts.append(m.end())
    return starts


def scan(paragraphs: list[str], spans: Sequence[Sequence[Span]] = ()) -> People:
    """Register every full name (two or more capitalised words) in the article,
    every mention of a known name outside quotation marks, and the first
    person named in each sentence (its likely subject)."""
    people = People()
    people.texts = list(paragraphs)
    full, names, by_surname, titles, gender, mentions, things = (
        people.full,
        people.names,
        people.by_surname,
        people.titles,
        people.gender,
        people.mentions,
        people.things,
    )
    runs = RUNS
    for index, text in enumerate(paragraphs):
        quoted = [(s.open, s.close) for s in spans[index]] if index < len(spans) else []
        n_quoted = len(quoted)
        qi = 0
        here: list[tuple[int, str]] = []
        for m in RUN.finditer(text):
            whole = m.group()
            try:
                pieces = runs[whole]
            except KeyError:
                if len(runs) >= RUNS_MAX:
                    runs.clear()
                pieces = runs[whole] = read_whole(whole)
            if not pieces:
                continue  # "The", "But", "In February": nothing named
            start = m.start()
            for offset, length, read in pieces:
                at = start + offset
                if len(read) == 2:
                    single = by_surname.get(read[0])
                    if not single:
                        continue  # a single word no one in the article is called (yet)
                    while qi < n_quoted and quoted[qi][1] <= at:
                        qi += 1
                    if qi < n_quoted and quoted[qi][0] <= at:
                        continue  # inside a quotation
                    mentions.append((index, at, single))
                    here.append((at, single))
                    for g in read[1]:
                        gender.setdefault(single, g)
                    continue
                while qi < n_quoted and quoted[qi][1] <= at:
                    qi += 1
                inside = qi < n_quoted and quoted[qi][0] <= at
                name, key, surname, title, genders = read
                if "titled" in genders and "titled_person" not in OFF:
                    canon = by_surname.get(surname) or full.setdefault(key, name)
                    genders = tuple(g for g in genders if g != "titled")
                else:
                    known = by_surname.get(surname)
                    if known is not None and key not in full and (
                        full.get(surname) == known or name[0].islower() or _ends_with(known, name)
                    ):
                        # "Obama" named with a title first, "Barack Obama" later; "Bill de Blasio", then
                        # "de Blasio"; "Kathleen Hawk Sawyer", then "Hawk Sawyer": one person
                        full[key] = known
                    canon = full.setdefault(key, name)
                names.add(canon)
                by_surname.setdefault(surname, canon)
                if genders == ("thing",):
                    things.add(canon)
                elif canon == name and canon not in titles:
                    said = title or _appositive(text, at + length) or _appositive_before(text, at)
                    if said:
                        titles[canon] = said
                if inside:
                    continue
                mentions.append((index, at, canon))
                here.append((at, canon))
                if canon in things:
                    continue
                for g in genders:
                    if g.startswith(FIRST_NAME):
                        if canon not in gender:
                            gender[canon] = g[len(FIRST_NAME) :]
                            people.by_first_name.add(canon)
                    else:
                        gender.setdefault(canon, g)
        if here:
            people.by_paragraph[index] = here
    return people


_APPOSITIVE = re.compile(r"^,\s+((?:the|a|an)\s[^,.;:“”\"]{3,120}?),")


def _appositive(text: str, end: int) -> str | None:
    if not text.startswith(",", end):
        return None  # every _APPOSITIVE match starts with a comma
    m = _APPOSITIVE.match(text[end : end + 140])
    return m.group(1) if m else None


# "The senator from Hamburg, Jens Kuhlmann, ...": a description before the name is the person's title
_APPOSITIVE_BEFORE = re.compile(r"(?:^|[.!?]\s+)(?:The|the|Its|its|Their|their)\s+([a-z][^,.;:“”\"]{2,60}),\s+$")


def _appositive_before(text: str, at: int) -> str | None:
    if not text.endswith(", ", 0, at):
        return None
    m = _APPOSITIVE_BEFORE.search(text, max(0, at - 80), at)
    return m.group(1) if m else None
