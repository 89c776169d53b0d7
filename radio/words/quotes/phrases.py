"""Speaker noun phrases: who ``Ukrainian President Jane Doe``, ``Doe``, ``he``,
``the Kremlin`` or ``a spokesperson for the ministry`` names, given the people
the article names (``names.People``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from radio.words.quotes.attribution import _VERB, is_plural_subject
from radio.words.quotes.names import People, Speaker
from radio.words.quotes.persons import is_thing
from radio.words.quotes.runs import CAP, drop_possessive, split_title
from radio.words.quotes.switches import OFF
from radio.words.quotes.vocab import (
    GROUP_PRONOUNS,
    HONORIFIC_GENDER,
    LEADERS,
    MONTHS_AND_DAYS,
    PARTICLES,
    PRONOUNS,
    TITLE_WORDS,
    words,
)

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
        if (
            prefix
            and prefix[0].lower() in _DETERMINERS
            and (name[-1].lower() in TITLE_WORDS or name[-1] in _ROLE_ABBREVIATIONS)
            and "described_title" not in OFF
        ):
            return _Described(np)  # "the Conservative MP", "the former Prime Minister": a role, no one's name
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
        return _Described(_before_verb(words) if "described_verb" not in OFF else np)
    return None


_PAST = re.compile(r"[a-z]{3,}ed")


def _before_verb(words: list[str]) -> str:
    """A description up to the verb of its clause: ``A spokesperson for the club urged fans to stay home``
    (, saying:) -> ``A spokesperson for the club``; ``the newly retired teacher``, ``a further concerned
    reader`` stay whole."""
    for k in range(2, len(words) - 2):  # two words at least after the verb: "a concerned commenter" has none
        before = words[k - 1].lower()
        if (
            (_PAST.fullmatch(words[k]) or _VERB.fullmatch(words[k]))
            and not before.endswith("ly")
            and before not in ("the", "a", "an", "his", "her", "their", "its", "one", "another", "this", "and", "or")
            and words[k + 1] != "by"  # "the letter signed by seven doctors": the description goes on
        ):
            return " ".join(words[:k])
    return " ".join(words)


_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "their", "its", "our"])
_ROLE_ABBREVIATIONS = frozenset(["MP", "MPs", "MSP", "MEP", "TD", "CEO", "CFO", "CTO", "COO"])
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


# "A spokeswoman for the committee emailed ...", "The hospital's director wrote ...": a sentence
# opening with a description of someone, then a past-tense verb or a preposition
_DESCRIPTION = re.compile(
    r"(?:(?:But|And|Later|Meanwhile),?\s+)?(?P<np>(?:The|A|An)\s+(?:[a-z][\w’'-]*\s+){0,2}(?P<head>[a-z][\w’'-]*)"
    r"(?:\s+(?:for|of|at)\s+(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*)?)"
    r"(?=\s+(?:for|of|at|from|[a-z]+ed)\b)"
)


def opening_description(sentence: str) -> str | None:
    """The description a sentence opens with, as the speaker of what it introduces."""
    m = _DESCRIPTION.match(sentence.lstrip())
    if not m:
        return None
    return m.group("np") if m.group("head").lower().rstrip("s") in _SPEAKING_NOUNS else None


# nouns that name someone who speaks for an organisation, or a body that issues statements
_SPEAKING_NOUNS = words(
    """
    spokeswoman spokesman spokesperson official representative aide adviser advisor lawyer attorney
    statement director manager minister secretary officer chief chair chairman chairwoman president
    leader member source company campaign ministry department agency committee council board
    """
)
