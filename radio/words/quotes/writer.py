"""Write one paragraph as anchor and quote parts, in spoken order."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import chain

from radio.models import Part
from radio.words.quotes.attribution import (
    _VERB,
    Attribution,
    parse_after,
    parse_before,
    subject_of_verb,
)
from radio.words.quotes.marks import CLOSERS, STRAIGHT, Span
from radio.words.quotes.names import People
from radio.words.quotes.phrases import opening_description, parse_np
from radio.words.quotes.refer import State, fallback, resolve
from radio.words.quotes.switches import OFF
from radio.words.quotes.transcripts import label_speaker

_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "sen",
        "rep",
        "gov",
        "gen",
        "jr",
        "sr",
        "lt",
        "col",
        "capt",
        "no",
        "vs",
        "inc",
        "co",
        "corp",
        "u.s",
        "u.k",
        "u.n",
        "a.m",
        "p.m",
        "jan",
        "feb",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
        "prof",
        "rev",
        "ft",
        "mt",
        "d.c",
        "calif",
        "fla",
        "ill",
        "mass",
        "mich",
        "minn",
        "n.y",
    ]
)
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_SENT_END = re.compile(r"[.!?…]+[”\"’')\]]*(?=\s|$)")
_START_OK = ".!?:;,—–-(…" + CLOSERS + STRAIGHT
_END_OK = ".,!?…—–-:;"
_WORD = re.compile(r"\w")
_SAID = re.compile(r"(?:said|says|added|wrote|told|asked)\b")
_STRIP_LEAD = " \t,.;:—–-"
_STRIP_TAIL = " \t,;—–-"


@dataclass(frozen=True)
class _Plan:
    span: Span
    speaker: str | None
    title: str | None
    intro: tuple[int, int, str] | None  # attribution moved in front: (start, end, spoken)
    joins: str = ""  # continues the quotation before it, split around its attribution; what ended that


def sentence_ends(text: str) -> list[int]:
    """Indices just after each sentence-ending mark."""
    return list(_sentence_ends(text))


def _sentence_ends(text: str) -> Iterator[int]:
    """``sentence_ends``, one at a time (the first sentence needs only the first)."""
    for m in _SENT_END.finditer(text):
        at = m.start()
        if text[at] == ".":
            # the last word before the mark (as ``text[:at].rsplit(None, 1)[-1]``)
            j = at
            while j and text[j - 1].isspace():
                j -= 1
            # text[j - 1] is no space: the word runs back to the last whitespace,
            # found as the last plain space and then any other whitespace after it
            last = text[text.rfind(" ", 0, j) + 1 : j].rsplit(None, 1)
            word = last[-1] if last else ""
            if word.lower().strip('(“"') in _ABBREV:
                continue
            if (len(word) == 1 and word.isupper()) or (len(word) > 2 and _INITIALS.fullmatch(word)):
                continue  # an initial: "J. Smith", "J.J. MacNab"
        nxt = text[m.end() : m.end() + 2].lstrip()[:1]
        if nxt.islower():
            continue  # "Harry Reid (D-Nev.) said": no new sentence starts in lower case
        yield m.end()


def is_direct(text: str, span: Span) -> bool:
    inner = text[span.start : span.end].strip()
    if not _WORD.search(inner):
        return False
    before = text[: span.open].rstrip()
    prev = before[-1] if before else ""
    prev_word = before.rsplit(None, 1)[-1].lower() if before else ""
    ok_start = not before or prev in _START_OK
    after = text[span.close :].lstrip()
    last = inner.rstrip("'’ ")[-1:] or inner[-1]  # 'like, "Oh, this is important," '
    if prev == "," and inner[:1].islower() and not _VERB.fullmatch(prev_word.rstrip(",")):
        ok_start = "ends_report" not in OFF and _ends_report(before, last, after)
    ok_end = span.runs_on or last in _END_OK or not after or after[0] in _END_OK + ")" or bool(_SAID.match(after))
    if not ok_end and text[span.end - 1 : span.end].isspace() and "space_close" not in OFF:
        # '“We will have to wait and see ” Mayer said.': the closing mark after a space, the comma lost
        ok_end = parse_after(_first_sentence(after)) is not None
    if (
        not ok_end
        and "runs_into_writer" not in OFF
        and _opens_sentence(text, span)
        and inner[:1].isupper()
        and len(inner.split()) > 1
    ):
        ok_end = bool(_tail_attributions(_first_sentence(after)))
    if ok_end and not ok_start and prev == "," and "comma_then_said" not in OFF:
        # "..., "getting maxed-out contributions ... a yellow light," said Joe Birkenstock."
        ok_start = parse_after(_first_sentence(after)) is not None and last in ",.!?"
    return ok_start and ok_end


def _ends_report(before: str, last: str, after: str) -> bool:
    """``Ryan said that if the U.S. pulls back, "our oceans will not save
    us."``: a quotation opening in lower case after a comma stands as the
    speaker's words when a speech verb leads up to it in the same sentence and
    the quotation ends that sentence."""
    if last not in ".!?" or (after and not (after[0].isupper() or after[0] in '“"(')):
        return False
    sentence = _last_sentence(before)
    return _VERB.search(sentence) is not None or _ACCORDING.match(sentence.lstrip()) is not None


# "According to Lisboa, "the club has done nothing wrong."": a quotation standing as her words
_ACCORDING = re.compile(r"(?:[Bb]ut\s+|[Aa]nd\s+)?[Aa]ccording to\s+[^,]{1,80},\s*$")


def _opens_sentence(text: str, span: Span) -> bool:
    before = text[: span.open].rstrip()
    return not before or before[-1] in ".!?…"


def _tail_attributions(sentence: str) -> list[tuple[int, Attribution]]:
    """The attributions that end a sentence after a comma, each with the
    comma's index: in ``about the decision, said Jo Doe, who ...`` the one at
    ``, said Jo Doe, who ...``.  The words before it are the writer's own, a
    quotation ran into them; they are few and hold no quote mark."""
    out: list[tuple[int, Attribution]] = []
    for k, ch in enumerate(sentence):
        if ch != ",":
            continue
        if len(sentence[:k].split()) > 25 or any(c in sentence[:k] for c in '"“”«»'):
            break
        att = parse_after(sentence[k + 1 :])
        if att:
            out.append((k, att))
    return out


def _first_sentence(text: str) -> str:
    end = next(_sentence_ends(text), None)
    return text[:end] if end is not None else text


def _last_sentence(text: str) -> str:
    words_end = len(text.rstrip())  # an end before it has words after it
    ends = [e for e in sentence_ends(text) if e < words_end]
    return text[ends[-1] :] if ends else text


def _same_voice(between: str, prev: _Plan, people: People) -> tuple[str, str | None] | None:
    """``"A," he wrote, "b."`` after the first half was given to someone: a
    pronoun that fits them, between the halves, keeps the same voice."""
    if not prev.speaker or not between.rstrip().endswith((",", ":")) or "same_voice" in OFF:
        return None
    att = parse_after(between)
    sp = parse_np(att.np, people) if att else None
    if sp and sp.pronoun in ("male", "female") and people.fits(prev.speaker, sp.pronoun):
        people.note_gender(prev.speaker, sp.pronoun)
        return prev.speaker, prev.title
    return None


_PARTICIPLE_LEAD = re.compile(r"(?:Adding|Saying|Noting|Writing|Continuing|Concluding|Explaining)\b")


def _introduces(before: str) -> bool:
    """Whether the text before a quotation ends by introducing it: a colon, or
    a speech verb and a comma (``and said,``, ``tweeting,``)."""
    tail = before.rstrip()
    if tail.endswith(":"):
        return True
    if not tail.endswith(","):
        return False
    clause = tail[:-1].rsplit(",", 1)[-1].split()
    # "..., telling reporters," / "and said," / "tweeting,": a speech verb in the last few words ("Adding,")
    return any(_VERB.fullmatch(w.lower()) for w in clause[-3:])


def _note_subjects(text: str, people: People, state: State, index: int, offset: int) -> None:
    """Indirect speech in the anchor's text (``Morgan said the delays ...``)
    tells who is likely to speak next."""
    # The verbs are found in the whole text at once: a sentence ends with a mark
    # followed by a space, so no verb runs across two sentences and the first
    # verb found inside a sentence is the one a search of the sentence finds.
    verbs = [v.span() for v in _VERB.finditer(text)]
    if not verbs:
        return
    start = 0
    at = 0
    if "note_subjects" in OFF:
        return
    for end in chain(_sentence_ends(text), (len(text),)):  # no sentence end is read past the last verb
        while at < len(verbs) and verbs[at][0] < start:
            at += 1
        if at == len(verbs):
            break
        if verbs[at][1] <= end:
            np = subject_of_verb(text, start, *verbs[at])
            if np is None and "after_quotation" not in OFF and _after_quotation(text[start : verbs[at][0]]):
                # 'Clinton "drew well" in 2008, said Paul Beck.': a partial quotation, then who said it
                att = parse_after(text[verbs[at][0] : end])
                np = att.np if att else None
            if np:
                begin = len(text) - len(text[start:].lstrip()) if "sentence_pos" not in OFF else start
                found = resolve(np, people, state, index, offset + begin, note=False)  # where the sentence starts
                if found:
                    state["last"], state["last_para"] = found[0], str(index)
        start = end


def _after_quotation(head: str) -> bool:
    """Whether a sentence so far holds a quotation and ends with a comma, before
    or after the closing mark (``in fact," said Doe``)."""
    head = head.rstrip().rstrip('”"»')
    return head.endswith(",") and any(c in head for c in '”"»“«')


def _plan(index: int, text: str, spans: list[Span], people: People, state: State) -> list[_Plan]:
    quotes: list[Span] = []
    for s in spans:
        if (
            (s.continued and state.get("carry") and "carry" not in OFF)
            or is_direct(text, s)
            or ("second_half" not in OFF and _second_half(text, quotes, s))
        ):
            quotes.append(s)
    plans: list[_Plan] = []
    shared_until = -1  # quotes up to this index share the previous attribution
    split_at = -1  # this quote continues the one before it, split around its attribution
    split_end = ""  # the last mark of that attribution ("," or ".")
    i = 0
    while i < len(quotes):
        q = quotes[i]
        gap_start = quotes[i - 1].close if i else 0
        if i <= shared_until and plans:
            plans.append(_Plan(q, plans[-1].speaker, plans[-1].title, None, split_end if i == split_at else ""))
            i += 1
            continue
        found: tuple[str, str | None] | None = None
        intro: tuple[int, int, str] | None = None
        before = text[gap_start : q.open]
        _note_subjects(before, people, state, index, gap_start)
        if "quoted_turn" not in OFF and not q.continued and ":" in text[q.start : q.start + 40]:
            # '"Chris Matthews: Seriously, ..."': a transcript's turn quoted whole, its label read before it
            lead = len(text[q.start : q.end]) - len(text[q.start : q.end].lstrip())
            turn = label_speaker(text[q.start + lead : q.end], people, known_only=True)
            if turn and len(text[q.start + lead + turn[1] : q.end].split()) >= 4:
                at = q.start + lead + turn[1]
                found, intro = (turn[0], None), (q.open, q.open, text[q.start + lead : at].strip())
                q = replace(q, start=at)
        # '... legal experts say. "A," said Cynthia Estlund.': a quotation followed by its own
        # attribution belongs to it, not to a finished sentence before it or a quotation running on
        after = _after_run(text, quotes, spans, i) if not q.runs_on else None  # read once, used twice
        own = "own_attribution" not in OFF and after is not None and after[3] is not None
        if q.continued and state.get("carry") and not own and "carry" not in OFF:
            found = (str(state["carry"]), None)
        if found is None and plans and plans[-1].span is quotes[i - 1] and i:
            found = _same_voice(before, plans[-1], people)
        if found is None and not (own and before.rstrip()[-1:] in (".", "!", "?")):
            np = parse_before(_last_sentence(before))
            if np:
                found = resolve(np, people, state, index, q.open)
        if found is None and _introduces(before):
            # "Trump called on her to resign and said, ...": the sentence's subject speaks
            subject = people.sentence_subject(index, q.open) if "introduces_subject" not in OFF else None
            found = (subject, None) if subject else None
            if (
                found is None
                and "participle_lead" not in OFF
                and _PARTICIPLE_LEAD.match(_last_sentence(before).lstrip())
            ):
                # '... Maher stated that the report "wasn't good." Adding, "...': who the sentence before is about
                subject = people.previous_subject(index, q.open)
                found = (subject, None) if subject else None
            if found is None and "opening_description" not in OFF:
                # "A spokeswoman for the committee emailed reporters ..., arguing,": the description speaks
                np = opening_description(_last_sentence(before))
                found = resolve(np, people, state, index, q.open) if np else None
        if found is None and after is not None:
            # the run of quotes with nothing between them, then the attribution
            j, end, chunk, att = after
            if att:
                found = resolve(att.np, people, state, index, q.open)
                if found:
                    a = quotes[j].close
                    intro = (a, a + len(chunk), att.spoken)
                    rest = text[a + len(chunk) : end]
                    shared_until = j
                    if (
                        j + 1 < len(quotes)
                        and not rest.strip(" ,;—–-")
                        and not any(c in chunk for c in '“”"«»')  # an attribution quoting a title is no split
                        and "split_quote" not in OFF
                        and not _own_attribution(text, quotes, j + 1)
                    ):
                        shared_until = j + 1  # split quote: "First," he said, "second."
                        split_at, split_end = j + 1, (chunk.rstrip(" ,;—–-")[-1:] == "." and ".") or ","
            elif (
                "runs_into_writer" not in OFF
                and (
                    text[quotes[j].start : quotes[j].end].rstrip("'’ ")[-1:] not in _END_OK
                    or (text[quotes[j].start : quotes[j].end].rstrip()[-1:] == "," and "comma_runs_on" not in OFF)
                )
                and _opens_sentence(text, q)
            ):
                # "We're happy" about the decision, said Jo Doe.: the writer's words, then the attribution
                for k, att in _tail_attributions(chunk):
                    found = resolve(att.np, people, state, index, q.open)
                    if found:
                        a = quotes[j].close
                        intro, shared_until = (a + k, a + len(chunk), att.spoken), j
                        break
        if found is None and i == 0 and not before.strip() and state.get("lead_in") and "lead_in" not in OFF:
            found = (str(state["lead_in"]), None)  # the paragraph before ended "Doe told reporters:"
        if found is None:
            inner = text[q.start : q.end]
            if (len(inner.split()) >= 3 and inner.lstrip()[:1].isupper()) or q.continued:
                # someone who spoke earlier in this paragraph goes on; else whom the writer's words are about
                here = state.get("last") if state.get("last_para") == str(index) else None
                here = None if "fallback_here" in OFF else here
                # (a paragraph that opens with it: the last speaker first, then whom the paragraph before is about)
                opens = not before.strip()
                fb = here or (None if opens else _narrator_subject(text, before, q, people, index))
                fb = fb or (fallback(state, index) if "fallback_last" not in OFF else None)
                fb = fb or (_narrator_subject(text, before, q, people, index) if opens else None)
                found = (fb, None) if fb else None
        if found is None:
            i += 1
            continue
        state["last"], state["last_para"] = found[0], str(index)
        state["said"], state["said_para"] = found[0], str(index)
        plans.append(_Plan(q, found[0], found[1], intro))
        i += 1
    return plans


# words in title case: every word of four letters or more capitalised
_TITLE_LIKE = re.compile(r"\W*(?:(?:[A-Z0-9]\S*|\S{1,3})(?:\s+|\W*$))+")


def _narrator_subject(text: str, before: str, q: Span, people: People, index: int) -> str | None:
    """Who speaks an unattributed quotation that follows the writer's words in
    its paragraph: the person the sentence introducing it is about
    (``Trump issued a statement, "..."``), or the sentence before it
    (``Clinton touted her record. "We need ..."``)."""
    if "narrator_subject" in OFF or ("title_like" not in OFF and _TITLE_LIKE.fullmatch(text, q.start, q.end)):
        return None  # a title in its marks ("a new program, “The Overthrow Show,” where ...") says nothing
    if not before.strip():
        # a paragraph that is one quotation, no one named: whom the paragraph before opens its last sentence with
        alone = "opening_name" not in OFF and index and not text[: q.open].strip() and not text[q.close :].strip(' ”"’')
        return people.opening_name(index - 1) if alone else None
    if before.rstrip().endswith(","):
        return people.sentence_subject(index, q.open)
    if _opens_sentence(text, q):
        return people.previous_subject(index, q.open)
    return None


def _after_run(text: str, quotes: list[Span], spans: list[Span], i: int) -> tuple[int, int, str, Attribution | None]:
    """What follows quote ``i`` or the run of quotes it opens (quotes with nothing between them):
    the run's last quote, where the text after it ends (the next quotation), that text's first
    sentence, and the attribution it is, if any."""
    j = i
    while j + 1 < len(quotes) and not text[quotes[j].close : quotes[j + 1].open].strip():
        j += 1
    end_quote = quotes[j + 1].open if j + 1 < len(quotes) else len(text)
    end = min([end_quote, *(s.open for s in spans if s.open > quotes[j].close)])
    chunk = _first_sentence(text[quotes[j].close : end])
    att = parse_after(chunk)
    if (
        end < end_quote
        and (att is None or chunk.rsplit(None, 1)[-1:] in _OPEN_WORDS)  # "... told the hosts of": cut at the title
        and chunk == text[quotes[j].close : end]
        and "marks_in_attribution" not in OFF
    ):
        # '"...," Mr. Trump told the hosts of "Morning Joe," adding ...': a title in marks inside the attribution
        # (no quotation of its own) is read with it, not cut off at its opening mark
        whole = _first_sentence(text[quotes[j].close : end_quote].translate(_MASK))
        masked = parse_after(whole)
        if masked is not None:
            spoken = masked.spoken.translate(_UNMASK)
            return j, end_quote, whole.translate(_UNMASK), Attribution(masked.np.translate(_UNMASK), spoken)
    return j, end, chunk, att


# the last words of a clause cut short by a title in marks: "of", "on", "in", "to", "the", ...
_OPEN_WORDS = [[w] for w in "of on in at to the a an for from with by about".split()]  # noqa: SIM905
# quote marks stood in for by private-use characters while a clause holding a title in marks is read
_MASK = str.maketrans({"“": "\ue000", "”": "\ue001", '"': "\ue002", "«": "\ue003", "»": "\ue004"})
_UNMASK = str.maketrans({v: chr(k) for k, v in _MASK.items()})


def _own_attribution(text: str, quotes: list[Span], k: int) -> bool:
    """Whether quote ``k`` is followed by an attribution of its own (so it does
    not continue the quotation before it): ``"A," said Alder. "B", said Alder.``"""
    q = quotes[k]
    if text[q.start : q.end].rstrip("'’ ")[-1:] in (".", "…"):
        return False  # "... B." ends its sentence: what follows is no attribution of it
    end = quotes[k + 1].open if k + 1 < len(quotes) else len(text)
    return parse_after(_first_sentence(text[q.close : end])) is not None


def _second_half(text: str, quotes: list[Span], span: Span) -> bool:
    """``"A," Doe said in a video address, "and b."``: a quotation that opens in
    lower case after a comma still stands alone when it resumes one that the
    attribution just before it split."""
    if not quotes or quotes[-1].close > span.open or text[span.end - 1 : span.end] not in tuple(_END_OK):
        return False
    between = text[quotes[-1].close : span.open].rstrip()
    return between.endswith(",") and parse_after(between) is not None


def _join(first: str, second: str, mark: str) -> str:
    """One quotation from the two halves around its attribution: ``"A," he
    said, "b."`` -> ``A, b.``; ``"A," he said. "B."`` -> ``A. B.``"""
    if mark == "." and first.endswith(","):
        first = first[:-1] + "."
    elif first[-1:].isalnum():
        first += mark  # '"We will see " Mayer said. "B."': the mark the attribution ended with
    return f"{first} {second}"


_PRONOUN_LEAD = re.compile(r"(?:(?:But|And|So|Then|Later|Meanwhile),?\s+)?(?:[Hh]e|[Ss]he)\s")


def _lead_in(index: int, text: str, people: People, state: State) -> str | None:
    """Who speaks in the next paragraph when this one ends by introducing it
    with a colon (``Doe told reporters:``, ``The ministry said in a
    statement:``): the subject of the last sentence, if it names someone the
    article knows -- never a word that merely opens it (``Wait, it gets better:``)."""
    if not text.rstrip().endswith(":"):
        return None
    last = _last_sentence(text)
    at = len(text) - len(last)
    if any(c in last for c in '"“”«»'):
        return None  # the colon closes a sentence that quotes: no introduction
    np = parse_before(last) if _VERB.search(last) or _PRONOUN_LEAD.match(last) else None
    found = resolve(np, people, state, index, at) if np else None
    if found and (found[0] in people.names or np in ("he", "she", "He", "She")):
        return found[0]
    # "When Wallace died, President Clinton released the following statement:"
    return people.last_named(index, at, len(text)) if "lead_in_last_named" not in OFF else None


def write_paragraph(index: int, text: str, spans: list[Span], people: People, state: State) -> list[Part]:
    plans = _plan(index, text, spans, people, state)
    state["carry"] = plans[-1].speaker if plans and plans[-1].span.runs_on else None
    state["lead_in"] = _lead_in(index, text, people, state)
    if not plans:
        _note_subjects(text, people, state, index, 0)
        return [Part("anchor", text.strip(), index)] if text.strip() else []
    removed = [(p.intro[0], p.intro[1]) for p in plans if p.intro]
    parts: list[Part] = []
    cursor = 0

    def anchor(a: int, b: int) -> None:
        pieces, at = [], a
        for r0, r1 in removed:
            if r1 <= at or r0 >= b:
                continue
            pieces.append(text[at:r0])
            at = r1
        pieces.append(text[at:b])
        for piece in pieces:
            piece = piece.strip().lstrip(_STRIP_LEAD).rstrip(_STRIP_TAIL)
            if piece.endswith("(") and piece.count("(") > piece.count(")"):
                piece = piece[:-1].rstrip(_STRIP_TAIL)  # the bracket opens the quotation after it: ("...," she said.)
            if _WORD.search(piece):
                parts.append(
                    Part(
                        "anchor",
                        piece[:1].upper() + piece[1:] if not piece[:1].isdigit() else piece,
                        index,
                    )
                )

    for p in plans:
        anchor(cursor, p.span.open)
        if p.intro:
            parts.append(Part("anchor", p.intro[2], index))
        quote = text[p.span.start : p.span.end].strip()
        if not quote:  # an empty pair of marks ("“”") says nothing
            cursor = max(p.span.close, cursor)
            continue
        if p.joins and parts and parts[-1].kind == "quote":
            parts[-1] = Part("quote", _join(parts[-1].text, quote, p.joins), index, p.speaker, p.title)
        else:
            parts.append(Part("quote", quote, index, p.speaker, p.title))
        cursor = max(p.span.close, cursor)
    anchor(cursor, len(text))
    if cursor < len(text):
        _note_subjects(text[cursor:], people, state, index, cursor)
    return parts
