"""People and organisations: who is named where, with what title, and how a
short reference (``Doe``, ``Mr. Doe``, ``the minister``, ``he``) resolves to
the person first named in full."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from radio.words.quotes.attribution import _VERB, is_plural_subject
from radio.words.quotes.marks import Span
from radio.words.quotes.persons import is_thing
from radio.words.quotes.runs import (
    CAP,
    FIRST_NAME,
    NO_BREAK,
    RUN,
    RUNS,
    RUNS_MAX,
    drop_possessive,
    read_whole,
    split_title,
    surname_key,
)
from radio.words.quotes.switches import OFF
from radio.words.quotes.vocab import (
    GROUP_PRONOUNS,
    HONORIFIC_GENDER,
    LEADERS,
    MONTHS_AND_DAYS,
    PARTICLES,
    PRONOUNS,
    TITLE_WORDS,
)


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
        start = _main_clause(text, lo, hi) if "leading_clause" not in OFF else lo
        main = [
            (at, name) for at, name in named if at >= start and ("possessive" in OFF or not _possessive_at(text, at))
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


def _main_clause(text: str, lo: int, hi: int) -> int:
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


_PAREN = re.compile(r"\s*\([^)]*\)")
_LEAD_CONJ = re.compile(r"^(?:and|but|so|then|as|while)\s+", re.I)
_TRAIL_AUX = re.compile(r"\s+(?:has|have|had|would|will|also|later|then|once|again|has also|had also)$")


@dataclass(frozen=True)
class _Named:
    """A noun phrase ending in a name, read as far as it can be without the article."""

    full: str  # the name words
    title: str | None
    genders: tuple[str, ...]  # genders its honorifics imply
    adverb: bool = False  # one word ending in "-ly": a sentence adverb unless the article names someone so
    lead: str = ""  # the name a clause opens with ("Massie used to back Rand Paul"): its subject


@dataclass(frozen=True)
class _Described:
    """A noun phrase such as ``the minister``: a person only if some title fits."""

    np: str


# What a noun phrase says, independent of the article (``None``: no speaker; a
# ``Speaker``: the same speaker in any article), so each phrase is read once.
_NPS: dict[str, Speaker | _Named | _Described | None] = {}
_NPS_MAX = 100_000


def parse_np(np: str, people: People) -> Speaker | None:
    """Read a speaker noun phrase: ``Ukrainian President Jane Doe``, ``Doe``,
    ``he``, ``the Kremlin``, ``a spokesperson for the ministry``."""
    try:
        read = _NPS[np]
    except KeyError:
        if len(_NPS) >= _NPS_MAX:
            _NPS.clear()
        read = _NPS[np] = _read_np(np)
    if read is None or isinstance(read, Speaker):
        return read
    if isinstance(read, _Described):
        ref = _title_ref(read.np, people) if "title_ref" not in OFF else None
        return Speaker(ref) if ref else Speaker(read.np, person=False)
    if read.lead and "clause_subject" in OFF and not read.full:
        return None
    if read.lead and "clause_subject" not in OFF:
        subject = people.lookup(read.lead)
        if subject is None and not is_thing(read.lead.split()):
            subject = read.lead  # a name the article gives no more of ("Sanders compared himself to Clinton")
        if subject is not None and subject not in people.things:
            return Speaker(subject, title=people.titles.get(subject))
        if not read.full:
            return None
    canon = people.lookup(read.full)
    if canon is None:
        if read.adverb:
            return None  # "Finally", "Clearly": no one in the article is called that
        canon = read.full
    for g in read.genders:
        people.note_gender(canon, g)
    return Speaker(canon, title=read.title)


_OF = re.compile(r"\s+of\s+")
_WHERE = re.compile(r"\s+(?:in|at|from)\s+(?=[A-Z])")
_RELATIVE = re.compile(r"\s+(?:who|whose|which)\s")


def _cut_of(np: str) -> str:
    """``Sen. Brian Schatz of Hawaii`` -> ``Sen. Brian Schatz``: a name, then where
    the person is from; ``Secretary of State John Kerry`` stays whole; ``the
    crowd in Porthaven`` -> ``the crowd``: no one is named after "in", "at" or "from"."""
    where = _WHERE.search(np)
    if where:
        np = np[: where.start()]
    m = _OF.search(np)
    if not m:
        return np
    head = np[: m.start()].split()
    k = len(head)
    while k > 0 and CAP.fullmatch(head[k - 1]):
        k -= 1
    titles, name = split_title(head[k:]) if k < len(head) else ([], [])
    return np[: m.start()] if len(name) >= 2 or (name and titles) else np


def _read_np(np: str) -> Speaker | _Named | _Described | None:
    np = _PAREN.sub("", np).strip(" ,;:—–-")
    np = _LEAD_CONJ.sub("", np)
    np = _TRAIL_AUX.sub("", np)
    if not np:
        return None
    low = np.lower()
    if low in PRONOUNS:
        return Speaker(low, pronoun=PRONOUNS[low])
    if low in GROUP_PRONOUNS:
        return Speaker(low, pronoun="group")
    appositive: str | None = None
    if "," in np:
        head, _, rest = np.partition(",")
        rest = rest.strip(" ,")
        head_words = head.split()
        # "Rhys Morgan, the chief engineer", "81-year-old Parker Eaton, a nominal Republican": the name first
        short = len(head_words) <= 4
        named = bool(head_words) and (
            CAP.match(head_words[0]) is not None
            or (short and CAP.fullmatch(head_words[-1]) is not None)
            or (len(head_words) >= 2 and all(CAP.fullmatch(w) for w in head_words[-2:]))  # "the food writer Martin Obi"
        )
        if rest and named:
            np, appositive = head.strip(), rest
        elif rest and CAP.search(rest):
            np, appositive = rest, None
    if " " in np and np.split(None, 1)[0].lower() in ("he", "she"):
        first, verb = np.split(None, 2)[:2]
        if _AFTER_SUBJECT.fullmatch(verb):  # "she responded Tuesday to one of Trump's messages by (saying)"
            return Speaker(first.lower(), pronoun=PRONOUNS[first.lower()])
    relative = bool(appositive and _RELATIVE_START.match(appositive))
    np = _RELATIVE.split(np, 1)[0]  # "Sen. Jim Whelan who represents Atlantic City"
    np = _cut_of(np) if "cut_of" not in OFF else np
    words = np.split()
    if len(words) > 14:
        return None
    lead = "" if relative else _clause_subject(words)
    # trailing run of capitalised words is the name
    k = len(words)
    while k > 0 and (CAP.fullmatch(words[k - 1]) or (words[k - 1] in PARTICLES and k < len(words))):
        k -= 1
    run = words[k:]
    prefix = words[:k]
    if lead and (not run or run[-1].lower().rstrip(",") in MONTHS_AND_DAYS):
        return _Named("", None, (), False, lead)  # "Bolton distanced himself ... by", "Doe on Monday"
    if run:
        owner = max((i for i, w in enumerate(run[:-2]) if w.endswith(("’s", "'s", "s’", "s'"))), default=-1)
        owner = -1 if "owner" in OFF else owner
        run = run[owner + 1 :]  # "Reuters’ Luciana Lopez", "the Post’s Dana Milbank"
        run[-1] = drop_possessive(run[-1]) or run[-1]
        titles, name = split_title(run)
        if not name:
            return Speaker(np, person=False)
        if prefix and prefix[-1].lower() == "the" and len(name) == 1 and not titles and len(prefix) == 1:
            return Speaker(np, person=False)  # "the Kremlin"
        if len(name) == 1 and not titles and name[0].lower() in LEADERS:
            return None  # a word that leads a sentence ("Meanwhile"), not a name
        if len(name) == 1 and name[0].lower().rstrip(",") in MONTHS_AND_DAYS:
            return None  # "in February"
        title = " ".join(prefix + titles) or appositive
        genders = tuple(g for g in (HONORIFIC_GENDER.get(t.lower()) for t in titles) if g in ("male", "female"))
        adverb = len(name) == 1 and not titles and not prefix and name[0].endswith("ly")
        return _Named(" ".join(name), title or None, genders, adverb, lead)
    if words and (
        words[0].lower() in ("the", "a", "an", "his", "her", "their", "its", "one", "another", "this")
        or is_plural_subject(words)
    ):
        return _Described(np)
    return None


_RELATIVE_START = re.compile(r"(?:who|whose|which|whom)\b")
# What follows a clause's subject: a past-tense verb or a preposition ("Doe
# on Monday said", "Doe used to back Rand Paul but now said"), not a noun
# ("Trump campaign manager Corey Lewandowski said": the manager speaks).
_AFTER_SUBJECT = re.compile(
    r"[a-z]{2,}ed|on|in|at|during|after|before|while|from|with|to|by|was|is|has|had|went|took|made|spoke|came|sent"
    r"|got|began|stood|ran|gave|also|later|then|once|again"
)


def _clause_subject(words: list[str]) -> str:
    """The name that opens a clause, when the noun phrase read is a clause
    rather than a name: ``Bolton distanced himself from the movement by``
    (saying), ``House Republican Thomas Massie used to support fellow
    Kentuckian Rand Paul`` (but now said).  The name must be followed by a
    past-tense verb or a preposition, and is no possessive."""
    k = 0
    while k < len(words) and CAP.fullmatch(words[k]):
        k += 1
    if k == 0 or k >= len(words) - 1 or words[0].lower() in LEADERS:
        return ""
    # "Republican presidential candidate Donald Trump": a description ending in a title, then the name
    j = k
    while j < len(words) and j - k < 3 and words[j][:1].islower():
        j += 1
    if k < j < len(words) and words[j - 1].lower() in TITLE_WORDS and CAP.fullmatch(words[j]):
        k = j
        while k < len(words) and CAP.fullmatch(words[k]):
            k += 1
        if k >= len(words) - 1:
            return ""
    after = words[k + 1] if words[k].endswith("ly") and k + 1 < len(words) else words[k]  # "Doe quickly took"
    if words[k - 1].endswith(("’s", "'s", "s’", "s'")) or not _AFTER_SUBJECT.fullmatch(after):
        return ""
    name = split_title(words[:k])[1]
    return " ".join(name) if name else ""


def _title_ref(np: str, people: People) -> str | None:
    """``the minister`` -> the person whose title mentions "minister"."""
    words = np.lower().split()
    if len(words) > 4:
        return None
    noun = words[-1]
    hits = [name for name, title in people.titles.items() if noun in title.lower().split()]
    return hits[-1] if hits else None
