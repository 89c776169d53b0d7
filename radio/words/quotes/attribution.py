"""Attribution clauses: the words that say who is speaking.

``parse_after`` reads a clause that follows a quotation (``, said Mayor Gwen
Alder, who watched.``) and rewrites it so the speaker is named before being
heard (``Mayor Gwen Alder, who watched, said:``), moving words only.
``parse_before`` reads a clause that introduces one (``Doe told reporters:``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from radio.words.quotes.persons import first_name_gender, is_thing
from radio.words.quotes.runs import contracted
from radio.words.quotes.switches import OFF
from radio.words.quotes.vocab import NOT_SUBJECT_OPENING, TIME_HEADS, TITLE_WORDS, words

VERBS = (
    "said|says|say|added|adds|told|tells|asked|asks|explained|explains|wrote|writes|recalled"
    "|warned|warns|remembered|remembers|noted|notes|continued|continues|insisted|insists|argued|argues|declared"
    "|stated|claimed|claims|replied|responded|tweeted|posted|announced|remarked|quipped|joked"
    "|concluded|cautioned|acknowledged|admitted|agreed|countered|observed|predicted|promised"
    "|suggested|urged|vowed|shouted|yelled|exclaimed|conceded|emphasized|emphasised|stressed"
    "|boasted|complained|lamented|reiterated|contended|maintained|recounted|testified|charged"
    "|scoffed|mused|pleaded|demanded|chanted|began|went on|put it|wrote on|sneered|snapped"
    "|retorted|thundered|bragged|huffed|teased|chided|griped|marveled|raged|confided|offered"
    "|read|reads|state|states|tweets|posts|announces|adds|explains|recalls|continues|agrees"
    "|admits|jokes|quips|asserts|asserted|added later|allowed|ventured|interjected"
    "|questioned|wondered|explained|responded|replies|reported|reports|recalls|pointed out"
    "|saying|adding|noting|writing|telling|explaining|asking|arguing|insisting|warning"
    "|declaring|tweeting|posting|recalling|continuing|concluding|stating|answering|answered"
    "|shot back|fired back|wrote in|chimed in|summed up|went on to say|wrote that|cracked"
    "|assured|barked|concludes|elaborated|confessed|fumed|declares|opined|repeated|contends|responds|demurred"
)


def _alternation(words: list[str]) -> str:
    """A regex equivalent to ``(?:w1|w2|...)`` -- the same alternatives tried in
    the same order, so the same match -- but factored by leading character, so
    the engine tries a handful of branches at each position rather than all."""
    if len(words) == 1:
        return re.escape(words[0])
    if "" in words:
        return "(?:" + "|".join(re.escape(w) for w in words) + ")"
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    branches = [re.escape(c) + (_alternation(rest) if rest != [""] else "") for c, rest in groups.items()]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_VERB = re.compile(rf"\b{_alternation(VERBS.split('|'))}\b")
_VERB_FIRST = re.compile(rf"^(?P<verb>(?:{VERBS}))\b\s*(?P<tail>.*)$", re.S)
# "... beamed Donald Hartley of Madison": any past-tense verb, then a name
_ED_FIRST = re.compile(r"^(?P<verb>[a-z]{3,}ed)\s+(?P<tail>(?:[A-Z]|the\s+[A-Z]).*)$", re.S)
_ACCORDING = re.compile(r"^(?P<verb>[Aa]ccording to)\s+(?P<tail>.+)$", re.S)
_NP_STOP = re.compile(
    r",|\s(?:in|on|at|during|to|after|before|when|while|as|via|through|last|this|yesterday"
    r"|today|earlier|later|recently|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|from|with|about|of\s+(?:the\s+)?(?:speech|statement|interview))\b"
)
# a description keeps its "to ..." and a "from" naming where the speaker is from ("said a report from Kotak
# Securities", "said a spokesman from the Home Office")
_NP_STOP_DESCRIBED = re.compile(
    _NP_STOP.pattern.replace("|to|", "|").replace("|from|", r"|from(?!\s+(?:the\s+)?[A-Z])|")
)
_AUX = re.compile(r"\s+(?:has|have|had|would|will|also|later|then|once|again|previously|recently)$")
_AUX_WORDS = ("has", "have", "had", "would", "will", "also", "later", "then", "once", "again", "previously", "recently")


_NAME_END = re.compile(r"(?:^|\s)[A-Z][\w’'.-]+\s+[A-Z][\w’'.-]+$")
_NOT_NP = frozenset(
    [
        "that",
        "which",
        "when",
        "while",
        "because",
        "if",
        "but",
        "and",
        "so",
        "then",
        "it",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
    ]
)


# the small words that open a surname ("de Blasio", "van Hollen", "dos Santos")
_PARTICLES = frozenset("de van von der da del di dos das du bin al la le ibn".split())  # noqa: SIM905


@dataclass(frozen=True)
class Attribution:
    np: str  # the speaker noun phrase as written
    spoken: str  # the clause as the anchor reads it, ending with a colon


_SPACE_COMMA = re.compile(r"\s+,")


def _finish(text: str) -> str:
    text = text.strip().rstrip(" .,;:—–-")
    if text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].rstrip(" .,;:—–-")  # ("...," she added.): the bracket closes the quotation's
    text = _SPACE_COMMA.sub(",", text)
    return (text[:1].upper() + text[1:] + ":") if text else ""


# ", Rich Beeson, who ..." / ", Rich Beeson." after a description: a name of two or three words
_APPOSITIVE_NAME = re.compile(r"^,\s+((?:[A-Z][\w’'.-]*\s+){1,2}[A-Z][\w’'-]*)(?=\s*(?:,|$|\())")
_PAREN = re.compile(r"\s*\([^)]*\)")
_PLURAL_NOUN = re.compile(r"^[a-z][a-z-]{2,}[a-rt-z]s$")
_NOT_SUBJECT_START = frozenset(
    "in on at for over after within by during from with to of into since until under about than as".split()  # noqa: SIM905
)


def is_plural_subject(words: list[str]) -> bool:
    """A short lower-case noun phrase ending in a plural noun (``federal
    prosecutors``, ``some protesters``): a group that can speak."""
    return (
        0 < len(words) <= 3
        and _PLURAL_NOUN.match(words[-1]) is not None
        and words[0] not in _NOT_SUBJECT_START
        and not any(w in _NOT_NP for w in words)
        and all(w.isalpha() or "-" in w for w in words)
    )


def _joins_titles(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is an "and" between two titles of one person ("Gov. and party Chairman Ed Rendell")."""
    if words[i] != "and" or i == 0:
        return False
    before = words[i - 1].lower()
    return before in TITLE_WORDS or before.rstrip(".") + "." in TITLE_WORDS


_KNOWN = re.compile(r"\b(?:known|identified|described|named)$")
_DETERMINERS = frozenset(["a", "an", "the", "his", "her", "their", "this", "its", "our"])


def _np_ok(np: str) -> bool:
    if "(" in np:
        np = _PAREN.sub("", np)  # "Sen. Chris Murphy (D-Conn.)"
    words = np.split()
    if not words or len(words) > 16:
        return False
    if np == "it":
        return True  # '"...," it added.': a body that spoke before (the writer gives it only to one)
    if len(words) == 1 and contracted(words[0]):
        return False  # "He’d read about ...", "Actually, ...": no one's name
    if len(words) == 1 and words[0].lower() in _DETERMINERS and "article_alone" not in OFF:
        return False  # "reads a Wednesday editorial": an article alone names no one
    first = words[0]
    head = np.split(" of ", 1)[0] if " of " in np else np  # "voter Jo Hale of Derry": where she is from
    if (
        len(words) >= 2
        and (_NAME_END.search(np) or _NAME_END.search(head))
        and not any(w in _NOT_NP and not _joins_titles(words, i) for i, w in enumerate(words))
    ):
        return True  # "former Massachusetts congressman Barney Frank", "president and CEO Jo Doe"
    if (
        2 <= len(words) <= 4
        and "modified_name" not in OFF
        and words[-1][:1].isupper()
        and all(
            w[:1].islower()
            and w not in _NOT_NP
            and w not in _NOT_SUBJECT_START  # '"...," for Clinton, said Kunin': a preposition, no modifier
            and w.replace("-", "").isalpha()
            and not _VERB.fullmatch(w)
            for w in words[:-1]
        )
    ):
        return True  # "world champion Hale", "warm-and-fuzzy Trump"
    if "plural_subject" not in OFF and is_plural_subject(words):
        return True  # "federal prosecutors", "some protesters"
    if len(words) >= 2 and first in _PARTICLES and words[1][:1].isupper() and "particles" not in OFF:
        return True  # "de Blasio", "dos Santos"
    return first[:1].isupper() or first.lower() in (
        "he",
        "she",
        "they",
        "we",
        "i",
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "one",
        "another",
        "this",
        "its",
        "our",
        "officials",
        "aides",
        "critics",
        "supporters",
        "sources",
        "someone",
    )


_DASH_NAME = re.compile(r"(?P<np>[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|de|van|von|da|di|al)){1,3})(?:,[^“”\"]*)?$")


def parse_after(clause: str) -> Attribution | None:
    """A clause following a quotation, e.g. ``, said Doe, who leads X.``"""
    c = clause.strip().lstrip(",—–- ").rstrip(" .,;:!?")
    if c.endswith(")") and c.count(")") > c.count("(") and "paren_close" not in OFF:
        c = c[:-1].rstrip(" .,;:!?")  # '(“...,” said analyst Joan Pike).': the bracket closes the aside
    if not c or len(c.split()) > 45 or any(q in c for q in '“”"«»'):
        return None
    if clause.lstrip()[:1] in "—–" and "dash_name" not in OFF:
        # '“...” — Bethan Price, organiser': a name after a dash, perhaps described, signs the quotation
        signed = _DASH_NAME.match(c)
        if signed and not is_thing(signed.group("np").split()):
            return Attribution(signed.group("np"), _finish(c))
    if c.startswith(("the ", "a ", "an ")):
        # '"... to Pangkalan Bun," the town nearest the crash site, said Soelistyo.': the description names
        # the quotation's last place; the name after the verb speaks
        inverted = _INVERTED_BEFORE.search(c + ",") if "inverted_before" not in OFF else None
        if inverted and inverted.group("np")[:1].isupper() and not is_thing(inverted.group("np").split()):
            return Attribution(inverted.group("np"), _finish(f"{inverted.group('np')} {inverted.group('verb')}"))
    m = (
        _VERB_FIRST.match(c)
        or (_ACCORDING.match(c) if "according_after" not in OFF else None)
        or (_ED_FIRST.match(c) if "ed_first" not in OFF else None)
    )
    if m:
        verb, tail = m.group("verb"), m.group("tail").strip()
        described = tail.split(None, 1)[0].lower() in _APPOSITIVE_START if tail else False
        # "said a longtime adviser to both Clintons": a description keeps its "to ..."
        stops = _NP_STOP_DESCRIBED if described and "described_to" not in OFF else _NP_STOP
        stop = stops.search(" " + tail)
        if stop and tail[: max(stop.start() - 1, 0)].strip().lower() in _DETERMINERS and "article_alone" not in OFF:
            stop = stops.search(" " + tail, stop.end())  # "reads a Wednesday editorial in ...": the noun, not the day
        if (
            stop
            and stop.group().strip() == "as"
            and "known_as" not in OFF
            and _KNOWN.search(tail, 0, max(stop.start() - 1, 0))
        ):
            stop = stops.search(" " + tail, stop.end())  # "said the base chief known as Bob": the name is his
        cut = (stop.start() - 1) if stop else len(tail)
        cut = max(cut, 0)
        np, rest = tail[:cut].strip(), tail[cut:].strip()
        said_np = np
        # the description's last word in lower case ("deputy campaign manager"), not a name's last letter
        described_np = bool(np.split()) and np.split()[-1][:1].islower()
        named = _APPOSITIVE_NAME.match(rest) if described_np and "appositive_name" not in OFF else None
        if named:  # "said Rubio's deputy campaign manager, Rich Beeson, who ...": the name speaks
            said_np = f"{np}, {named.group(1)}"
            np, rest = named.group(1), rest[named.end(1) :].strip()
        if not _np_ok(np):
            return None
        if verb.lower() == "according to":
            return Attribution(np, _finish(c))
        if rest.startswith(",") or (named and not rest):
            spoken = f"{said_np}{rest}, {verb}"  # "Her deputy, Owen Kelly, said:"
        else:
            spoken = f"{said_np} {verb} {rest}".strip()
        return Attribution(np, _finish(spoken))
    v = _VERB.search(c)
    any_verb = None if v or "any_verb" in OFF else _ANY_VERB.match(c)
    if v:
        verb_at = v.start()
    elif any_verb:
        verb_at = any_verb.start("v")
    else:
        return None
    np = _AUX.sub("", c[:verb_at].strip())
    said = np.split()
    if (
        1 < len(said) <= 3
        and said[0][:1].isupper()
        and "," not in np
        and said[-1] in _SUBJECT_PRONOUNS
        and "pronoun_ends_head" not in OFF
    ):
        np = said[-1]  # '"Yes." This time he replied ...': the pronoun speaks, not "This time he"
    if not _np_ok(np.split(",")[0].strip()):
        return None
    return Attribution(np.rstrip(", "), _finish(c))


# "Beck questioned." / "the audience screamed back." after a quotation: a short
# clause of a name or pronoun and any past-tense verb
_ANY_VERB = re.compile(
    r"^(?:(?:[A-Z][\w’'.-]*\s+){1,3}|(?:he|she|they|the\s+\w+)\s+|(?:the|an?)\s+(?:[a-z][\w-]*\s+){0,2}(?:[A-Z][\w’'.-]*\s+){1,3})"
    r"(?P<v>[a-z]\w+ed)(?:\s+(?:back|out|up|in))?"
    r"(?:,?\s+(?:on|in|at|during|after|before|while|from|to|with|last|this|yesterday|today|earlier|later|and|as)\b.*"
    r"|,\s+[a-z]+ing\b.*)?$"  # "the crowd cried out, booing"
)
_SUBJECT = re.compile(
    r"^(?:(?:But|And|So|Then|Later|Meanwhile),?\s+)?(?P<np>(?:[A-Z][\w’'.-]*)(?:\s+[A-Z][\w’'.-]*)*"
    r"|(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+(?=[\s,])"
    r"|(?:[Hh]e|[Ss]he)(?=\s))"  # "And she is sure that ...:"
)


def _colon_subject(c: str) -> str | None:
    """``Clinton:`` or ``The campaign worded it carefully:`` -> the subject."""
    c = re.split(r"\s[-—–]\s", c)[-1]  # "A HEADING - Jeffrey M. Jones:"
    if sum(ch.isupper() for ch in c) > 0.8 * sum(ch.isalpha() for ch in c) and len(c.split()) > 3:
        return None  # a heading in capitals
    m = _SUBJECT.match(c)
    if not m:
        return None
    np, end = m.group("np"), m.end()
    if c[end:].strip(" :") and len(np.split()) > 4:
        return None
    return np if _np_ok(np) else None


_NOT_SUBJECT = frozenset(
    [
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "speaking",
        "asked",
        "when",
        "while",
        "as",
        "at",
        "last",
        "later",
        "earlier",
    ]
)


_ASKED_BY = re.compile(
    r"\b(?:was|were|is|are|been|being)\s+(?:asked|questioned|pressed|challenged|told)\s+by\s+"
    r"(?P<np>[^,;:“”\"]+?)\s*(?:,[^“”\"]*)?[,:]$"
)


def parse_before(clause: str) -> str | None:
    """The speaker noun phrase in a clause that introduces a quotation, e.g.
    ``In a statement, the Kremlin said:`` -> ``the Kremlin``."""
    c = clause.rstrip()
    after = max(c.rfind("“"), c.rfind("”"), c.rfind('"'), c.rfind("«"), c.rfind("»"))
    c = c[after + 1 :].lstrip(" ,;—–-")  # after an earlier quotation: c holds no quote mark
    if not c or (c[-1] not in ":,—" and not _VERB.search(c.split()[-1] if c.split() else "")):
        return None
    passive = _ASKED_BY.search(c) if "asked_by" not in OFF else None
    if passive and _np_ok(passive.group("np")):
        return passive.group("np")  # "Sanders was asked by host Bill Maher, who ...,": the one who asks speaks
    if c.endswith(":") and "colon_source" not in OFF:
        source = _COLON_SOURCE.search(c)
        np = (source.group("np") or source.group("who")) if source else None
        if np and _np_ok(np):
            return np  # "According to the report:", "with Trump reportedly yelling:"
    verbs = list(_VERB.finditer(c))
    if not verbs:
        return _colon_subject(c) if c.endswith(":") and "colon_subject" not in OFF else None
    inverted = _INVERTED_BEFORE.search(c, max(0, verbs[-1].start() - 3)) if "inverted_before" not in OFF else None
    if inverted and _np_ok(inverted.group("np")):
        return inverted.group("np")  # "..., the town nearest the site, said Ortiz:": the name after the verb speaks
    return _subject_before(c, verbs[-1].start())


# the speaker after the verb in a clause before a quotation: "..., said Ortiz:", "..., says the mayor,"
_INVERTED_BEFORE = re.compile(
    r"(?:^|,\s*)(?P<verb>said|says|added|adds|continued|continues|explained|explains|noted|notes|recalled|recalls|"
    r"wrote|writes|insisted|insists|argued|argues|declared|stated|replied|responded|remarked|quipped|joked|"
    r"concluded|acknowledged|admitted|countered|observed|conceded|emphasi[sz]ed|stressed)\s+(?P<np>(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})|"
    r"(?:the|a|an|one|his|her|their|its)\s+[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,2})\s*[:,]$"
)


# a clause introducing a quotation with a colon that names its source last: "According to HuffPo:",
# "..., with Trump reportedly yelling:" (a name, perhaps an adverb, a verb in -ing)
_COLON_SOURCE = re.compile(
    r"(?:^|,\s*)[Aa]ccording to\s+(?P<np>[^,;:]{1,60}?)\s*:$"
    r"|(?:^|\s)with\s+(?P<who>(?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'.-]*)\s+(?:[a-z]+ly\s+)?[a-z]{3,}ing\s*:$"
)


def subject_of_verb(text: str, start: int, verb: int, verb_end: int) -> str | None:
    """``parse_before(text[start:verb_end] + ":")`` for a verb at ``verb`` that is
    the first ``_VERB`` match at or after ``start`` and ends at ``verb_end``: as
    no earlier verb can be found in the clause, ``parse_before``'s own search
    would find exactly this one, so it is not searched for again."""
    after = max(
        text.rfind("“", start, verb),
        text.rfind("”", start, verb),
        text.rfind('"', start, verb),
        text.rfind("«", start, verb),
        text.rfind("»", start, verb),
    )
    if after >= 0:
        start = after + 1
    while start < verb and text[start] in " ,;—–-":
        start += 1
    return _subject_before(text[start:verb_end] + ":", verb - start)


_LEAD_LINK = re.compile(r"^(?:(?:and|but|so|then|also|as|while)\s+)+")
_APPOSITIVE_START = frozenset(["the", "a", "an", "its", "his", "her", "their", "our", "another", "one"])
_PARTY_TAG = re.compile(r"^[RDI]-[A-Z][\w.]*$")


_TITLE_CASE_JOINS = frozenset(["of", "and", "for", "the", "&", "at", "on", "in"])


def _titled_list(chunks: list[str]) -> bool:
    """A person's name, then only title-case titles, places and organisations, as a press
    release names its speaker: each later chunk would otherwise be taken for the speaker."""
    if len(chunks) < 3:
        return False
    name = chunks[0].split()
    if not 2 <= len(name) <= 4 or not all(w[:1].isupper() for w in name) or first_name_gender(name[0]) is None:
        return False
    for chunk in chunks[1:]:
        words = chunk.split()
        if not 1 <= len(words) <= 8 or not words[0][:1].isupper():
            return False
        if any(not (w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_CASE_JOINS) for w in words):
            return False
    return True


# the words before a capitalised word that make it part of a noun phrase rather than a speaker's name
_NOT_BEFORE_NAME = re.compile(r"(?:a|an|the|[a-z]+ly|very|more|most|of|for)$")


def _as_name(chunk: str) -> bool:
    """``As John Cornyn``, ``As the food writer Martin Obi`` (, a judge, put it): "as" and a name."""
    words = chunk.split()
    return len(words) >= 3 and words[0] == "As" and words[-1][:1].isupper() and words[-2][:1].isupper()


def _last_word(chunk: str) -> str:
    """The last word of a chunk, a bracket after it left out ("Sen. Ted Cruz (R-Tex.)": "Cruz")."""
    if chunk.endswith(")") and "paren_tag" not in OFF:
        chunk = _PAREN.sub("", chunk).rstrip() or chunk
    return chunk.rsplit(None, 1)[-1]


_SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "we", "I"])
# title words a title in capitals is made of besides TITLE_WORDS ("Head of Research", "Volunteer Coordinator")
_TITLE_EXTRA = words("head executive officer coordinator editor partner vp cfo cto coo co-founder associate fellow")


def _title_chunk(words: list[str]) -> bool:
    """A title in capitals ("Head of Research at Arden Securities", "Group President"): capitalised, holding
    a title word before any "of", "at" or "for"."""
    if not words[0][:1].isupper():
        return False
    for w in words:
        low = w.lower().strip(".,")
        if low in ("of", "at", "for"):
            return False
        if low in TITLE_WORDS or low + "." in TITLE_WORDS or low in _TITLE_EXTRA:
            return True
    return False


def _person_chunk(chunk: str) -> bool:
    """A chunk that is a person's name: two to four capitalised words naming no thing."""
    words = _PAREN.sub("", chunk).split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not is_thing(words)


def _subject_before(c: str, verb: int) -> str | None:
    head = c[:verb].rstrip(" ,")
    if head.endswith(_AUX_WORDS) or head.endswith("\n"):  # all _AUX can match
        head = _AUX.sub("", head)
    if not head:
        return None
    chunks = [x.strip() for x in head.split(",")]
    chunks = [_LEAD_LINK.sub("", x) if x[:1].islower() else x for x in chunks if x]
    chunks = [x for x in chunks if x]
    # "Marta Lindqvist, Group President, Northern Europe, Tidewater Hotels, said:"
    if "titled_list" not in OFF and _titled_list(chunks):
        return ", ".join(chunks)
    # "Rhys Morgan, the chief engineer, said:" -> name plus appositive
    for i in range(len(chunks) - 1, -1, -1):
        ch = chunks[i]
        words = ch.split()
        if len(words) > 1 and _VERB.fullmatch(words[-1]):
            words = words[:-1]  # "Spicer said, adding, ..." -> "Spicer"
            ch = " ".join(words)
        if len(words) > 1 and words[-1] in _SUBJECT_PRONOUNS and "pronoun_ends_head" not in OFF:
            return words[-1]  # "Back in 2009 she told Oprah,", "This time he replied:": the pronoun speaks
        first = words[0]
        if i > 0 and "title_chunk" not in OFF and _title_chunk(words) and _person_chunk(chunks[i - 1]):
            continue  # "Pankaj Pandey, Head of Research at Arden Securities, pointed out": a title in capitals
        if (
            i > 0
            and "appositive_skip" not in OFF
            and (
                first.lower() in _APPOSITIVE_START
                or (first[:1].islower() and first not in ("he", "she", "they", "we", "it"))
                or _PARTY_TAG.match(ch)
            )
            and _last_word(chunks[i - 1])[:1].isupper()  # "81-year-old Parker Eaton, a nominal Republican"
            and (
                chunks[i - 1].split(None, 1)[0].lower() not in _NOT_SUBJECT
                or ("as_name" not in OFF and _as_name(chunks[i - 1]))
            )
        ):
            continue  # an appositive, however long: "the chief engineer", "its chairman", "R-Wis."
        if len(words) > 14:
            if i < len(chunks) - 1 or "long_head_name" in OFF:
                return None
            # "... grew so heated that New Jersey Gov. Chris Christie said": the name before the verb
            k = len(words)
            while k > 0 and (words[k - 1][:1].isupper() or words[k - 1] in ("de", "van", "von", "al")):
                k -= 1
            if k == len(words) or (k > 0 and "qualified_word" not in OFF and _NOT_BEFORE_NAME.match(words[k - 1])):
                return None  # "... in a heavily Democratic state": a word the name merely qualifies
            name = words[k:]
            return " ".join(name) if len(name) > 1 or name[0].lower() not in TITLE_WORDS else None
        if _np_ok(ch) and not ch.lower().startswith(NOT_SUBJECT_OPENING) and not _is_time_phrase(words):
            return ", ".join(chunks[i:]) if i < len(chunks) - 1 else ch
    return None


def _is_time_phrase(words: list[str]) -> bool:
    """"The next morning", "Last week", "Two days later": when, never who."""
    if "time_phrase" in OFF or len(words) > 5:
        return False
    last = words[-1].strip(",")
    if not last.islower():
        return False  # "Day said:", "Doris Day": a name
    return last in TIME_HEADS or (last in ("later", "earlier", "ago") and len(words) > 1)
