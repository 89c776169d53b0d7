"""People and organisations: who is named where, with what title, and how a
short reference (``Doe``, ``Mr. Doe``, ``the minister``, ``he``) resolves to
the person first named in full."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TITLE_WORDS = frozenset(
    [
        "president",
        "vice",
        "mayor",
        "minister",
        "prime",
        "secretary",
        "senator",
        "sen.",
        "rep.",
        "representative",
        "gov.",
        "governor",
        "dr.",
        "mr.",
        "mrs.",
        "ms.",
        "miss",
        "judge",
        "justice",
        "chief",
        "general",
        "gen.",
        "attorney",
        "speaker",
        "leader",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "ambassador",
        "lt.",
        "col.",
        "capt.",
        "colonel",
        "captain",
        "professor",
        "prof.",
        "rev.",
        "reverend",
        "pope",
        "king",
        "queen",
        "prince",
        "princess",
        "sheriff",
        "commissioner",
        "councillor",
        "councilman",
        "councilwoman",
        "deputy",
        "press",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "congressman",
        "congresswoman",
        "candidate",
        "former",
        "sir",
        "dame",
        "lord",
        "lady",
        "chancellor",
        "premier",
        "sgt.",
        "sergeant",
        "officer",
        "detective",
        "superintendent",
        "inspector",
        "coach",
        "manager",
        "ceo",
        "founder",
        "host",
        "anchor",
        "analyst",
        "adviser",
        "advisor",
        "strategist",
        "pollster",
        "nominee",
        "hopeful",
        "republican",
        "democrat",
        "democratic",
        "gop",
        "mogul",
        "businessman",
        "billionaire",
        "rev",
        "state",
        "foreign",
        "defense",
        "defence",
        "interior",
        "finance",
        "health",
        "justice",
        "labor",
        "labour",
        "homeland",
        "security",
        "chief-of-staff",
        "u.s.",
        "us",
        "federal",
    ]
)
HONORIFIC_GENDER = {
    "mr.": "male",
    "mr": "male",
    "mrs.": "female",
    "mrs": "female",
    "ms.": "female",
    "ms": "female",
    "miss": "female",
    "sir": "male",
    "dame": "female",
    "lord": "male",
    "lady": "female",
    "king": "male",
    "queen": "female",
    "prince": "male",
    "princess": "female",
    "congressman": "male",
    "congresswoman": "female",
    "spokesman": "male",
    "spokeswoman": "female",
    "chairman": "male",
    "chairwoman": "female",
    "councilman": "male",
    "councilwoman": "female",
    "businessman": "male",
}
LEADERS = frozenset(
    [
        "the",
        "a",
        "an",
        "but",
        "and",
        "in",
        "on",
        "at",
        "if",
        "when",
        "as",
        "after",
        "before",
        "while",
        "so",
        "yet",
        "for",
        "with",
        "this",
        "that",
        "it",
        "he",
        "she",
        "his",
        "her",
        "they",
        "we",
        "i",
        "our",
        "their",
        "its",
        "then",
        "now",
        "here",
        "there",
        "last",
        "next",
        "during",
        "since",
        "until",
        "though",
        "although",
        "because",
        "meanwhile",
        "still",
        "also",
        "even",
        "only",
        "asked",
        "told",
        "said",
        "says",
        "according",
        "however",
        "instead",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
PRONOUNS = {"he": "male", "she": "female", "him": "male", "her": "female"}
GROUP_PRONOUNS = frozenset({"they", "we", "i", "it", "you", "who", "which"})
PARTICLES = frozenset({"de", "van", "von", "der", "da", "del", "di", "bin", "al", "la", "le", "du", "ibn"})
_CAP = re.compile(r"[A-Z][\w’'.-]*|(?:O’|O'|Mc|Mac)[A-Z][\w’'-]*")
# A run of capitalised words (particles included):
#   (?:[A-Z][\w’'.-]*|(?:de|van|von|der|da|del|di|bin|al|la|le|du|ibn))
#   (?:\s+(?:[A-Z][\w’'.-]*|(?:de|van|...|ibn)(?=\s+[A-Z])))*
# with the first word's particles factored by first letter (the same
# alternatives in the same order, so the same matches, tried faster).
_RUN = re.compile(
    r"(?:[A-Z][\w’'.-]*|d(?:e(?:|r|l)|a|i|u)|v(?:an|on)|bin|al|l(?:a|e)|ibn)"
    r"(?:\s+(?:[A-Z][\w’'.-]*|(?:de|van|von|der|da|del|di|bin|al|la|le|du|ibn)(?=\s+[A-Z])))*"
)
_POSSESSIVE = re.compile(r"[’']s?$")


def _drop_possessive(word: str) -> str:
    """``_POSSESSIVE.sub("", word)``; every match holds an apostrophe, so a word without one is kept as it is."""
    return _POSSESSIVE.sub("", word) if "'" in word or "’" in word else word


@dataclass(frozen=True)
class Speaker:
    """A parsed noun phrase: who it names and how."""

    name: str  # canonical name or description ("the Kremlin", "a spokesperson for ...")
    title: str | None = None
    pronoun: str | None = None  # "male" / "female" / "group" for a pronoun
    person: bool = True  # a named person (as opposed to an organisation or description)


@dataclass
class People:
    """Who the article names in full, in order of first mention."""

    full: dict[str, str] = field(default_factory=dict)  # "first last" key -> canonical name
    by_surname: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # canonical -> title at first mention
    gender: dict[str, str] = field(default_factory=dict)
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (paragraph, pos, name)
    names: set[str] = field(default_factory=set)  # the canonical names: the values of ``full``

    def add(self, name: str, title: str | None, paragraph: int, pos: int) -> str:
        words = name.split()
        key = f"{words[0]} {words[-1]}".lower()
        canonical = self.full.setdefault(key, name)
        self.names.add(canonical)
        surname = _surname_key(words)
        self.by_surname.setdefault(surname, canonical)
        if title and canonical not in self.titles and canonical == name:
            self.titles[canonical] = title
        self.mentions.append((paragraph, pos, canonical))
        return canonical

    def lookup(self, name: str) -> str | None:
        words = name.split()
        if len(words) >= 2:
            key = f"{words[0]} {words[-1]}".lower()
            if key in self.full:
                return self.full[key]
        return self.by_surname.get(_surname_key(words))

    def note_gender(self, name: str, gender: str | None) -> None:
        if gender in ("male", "female"):
            self.gender.setdefault(name, gender)

    def recent(self, paragraph: int, pos: int, gender: str | None) -> str | None:
        """The person named most recently before (paragraph, pos) who fits ``gender``."""
        best: str | None = None
        for p, at, name in self.mentions:
            if (p, at) >= (paragraph, pos):
                break
            known = self.gender.get(name)
            if gender and known and known != gender:
                continue
            best = name
        return best


def _surname_key(words: list[str]) -> str:
    last = words[-1]
    if last.rstrip(".").lower() in ("jr", "sr", "ii", "iii") and len(words) > 1:
        last = words[-2]
    return _drop_possessive(last.strip(",")).lower()


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """Split capitalised words into (title words, name words)."""
    cut = 0
    for i, w in enumerate(words[:-1]):
        if w.lower() in TITLE_WORDS or w.lower().rstrip(".") + "." in TITLE_WORDS:
            cut = i + 1
    return words[:cut], words[cut:]


# What a run of capitalised words names, independent of the article: a run
# read once is not parsed again (the same runs recur across paragraphs and
# articles).  ``None``: nothing; ``(surname key, genders)``: a single word that
# may refer to someone already named; ``(name, full key, surname key, title,
# genders)``: a full name.
_Single = tuple[str, tuple[str, ...]]
_Full = tuple[str, str, str, str, tuple[str, ...]]
_RUNS: dict[str, _Single | _Full | None] = {}
_RUNS_MAX = 200_000


def _read_run(run: str) -> _Single | _Full | None:
    words = run.split()
    lead = 0
    while lead < len(words) and words[lead].lower() in LEADERS:
        lead += 1
    words = words[lead:]
    if len(words) < 2:
        return (_surname_key(words), ()) if words else None
    titles, name = split_title(words)
    name = [_drop_possessive(w) if i == len(name) - 1 else w for i, w in enumerate(name)]
    name = [w for w in name if w]
    if not name:
        return None
    genders = tuple(g for g in (HONORIFIC_GENDER.get(t.lower()) for t in titles) if g in ("male", "female"))
    if len(name) == 1:
        return (_surname_key(name), genders)
    return (" ".join(name), f"{name[0]} {name[-1]}".lower(), _surname_key(name), " ".join(titles), genders)


def scan(paragraphs: list[str]) -> People:
    """Register every full name (two or more capitalised words) in the article."""
    people = People()
    full, names, by_surname, titles, gender, mentions = (
        people.full,
        people.names,
        people.by_surname,
        people.titles,
        people.gender,
        people.mentions,
    )
    runs = _RUNS
    for index, text in enumerate(paragraphs):
        for m in _RUN.finditer(text):
            run = m.group()
            try:
                read = runs[run]
            except KeyError:
                if len(runs) >= _RUNS_MAX:
                    runs.clear()
                read = runs[run] = _read_run(run)
            if read is None:
                continue
            if len(read) == 2:
                canon = by_surname.get(read[0])
                if canon:
                    mentions.append((index, m.start(), canon))
                    for g in read[1]:
                        gender.setdefault(canon, g)
                continue
            name, key, surname, title, genders = read
            canon = full.setdefault(key, name)
            names.add(canon)
            by_surname.setdefault(surname, canon)
            if canon == name and canon not in titles:
                said = title or _appositive(text, m.end())
                if said:
                    titles[canon] = said
            mentions.append((index, m.start(), canon))
            for g in genders:
                gender.setdefault(canon, g)
    return people


def _honorific(people: People, name: str, titles: list[str]) -> None:
    for t in titles:
        people.note_gender(name, HONORIFIC_GENDER.get(t.lower()))


_APPOSITIVE = re.compile(r"^,\s+((?:the|a|an)\s[^,.;:“”\"]{3,120}?),")


def _appositive(text: str, end: int) -> str | None:
    if not text.startswith(",", end):
        return None  # every _APPOSITIVE match starts with a comma
    m = _APPOSITIVE.match(text[end : end + 140])
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
        ref = _title_ref(read.np, people)
        return Speaker(ref) if ref else Speaker(read.np, person=False)
    canon = people.lookup(read.full) or read.full
    for g in read.genders:
        people.note_gender(canon, g)
    return Speaker(canon, title=read.title)


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
        if _CAP.match(head.strip()) and rest:
            np, appositive = head.strip(), rest
        elif rest and _CAP.search(rest):
            np, appositive = rest, None
    words = np.split()
    if len(words) > 14:
        return None
    # trailing run of capitalised words is the name
    k = len(words)
    while k > 0 and (_CAP.fullmatch(words[k - 1]) or (words[k - 1] in PARTICLES and k < len(words))):
        k -= 1
    run = words[k:]
    prefix = words[:k]
    if run:
        run[-1] = _drop_possessive(run[-1]) or run[-1]
        titles, name = split_title(run)
        if not name:
            return Speaker(np, person=False)
        if prefix and prefix[-1].lower() == "the" and len(name) == 1 and not titles and len(prefix) == 1:
            return Speaker(np, person=False)  # "the Kremlin"
        if len(name) == 1 and not titles and (name[0].lower() in LEADERS or name[0].endswith("ly")):
            return None  # a sentence adverb ("Meanwhile"), not a name
        title = " ".join(prefix + titles) or appositive
        genders = tuple(g for g in (HONORIFIC_GENDER.get(t.lower()) for t in titles) if g in ("male", "female"))
        return _Named(" ".join(name), title or None, genders)
    if words and words[0].lower() in (
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "one",
        "another",
    ):
        return _Described(np)
    return None


def _title_ref(np: str, people: People) -> str | None:
    """``the minister`` -> the person whose title mentions "minister"."""
    words = np.lower().split()
    if len(words) > 4:
        return None
    noun = words[-1]
    hits = [name for name, title in people.titles.items() if noun in title.lower().split()]
    return hits[-1] if hits else None
