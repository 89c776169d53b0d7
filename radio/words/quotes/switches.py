"""Named switches for the quote finder's rules, to measure what each is worth.

``OFF`` holds the names of the rules turned off; it is empty in the product
and filled only by ``scripts/eval_polnear.py --off``/``--ablate``, which
measure the corpus with one rule at a time turned off.  A rule that gains
little, or only on the articles it was fitted to, is a candidate for removal.
"""

from __future__ import annotations

OFF: set[str] = set()

RULES: dict[str, str] = {}
RULES.update(
    {
        # which quotations are direct (writer.is_direct, writer._plan)
        "ends_report": 'a lower-case quotation after "said that if ...," ending the sentence stands alone',
        "comma_then_said": 'a quotation after a comma followed by "said X" stands alone',
        "runs_into_writer": '"We are happy" about it, said Doe.: the writer\'s words, then the attribution',
        "second_half": "the lower-case second half of a split quotation stands alone",
        "carry": "a quotation running over paragraphs keeps its speaker",
        "split_quote": '"A," he said, "b." is one quote part',
        # who speaks (writer._plan, writer._pronoun_ref)
        "marks_in_attribution": '"...," Trump told the hosts of "Morning Joe," adding ...: the title is read with it',
        "named_thing": '"Republicans said": a name the word lists call no person\'s is never "he" or "she"',
        "comma_runs_on": "\"A,” like the markets, said Doe.: the writer's words after a comma, then the attribution",
        "own_attribution": "a quotation followed by its own attribution is given by it, not by the words before",
        "same_voice": "a pronoun between two halves keeps the first half's speaker",
        "introduces_subject": '"... and said," : the sentence\'s subject speaks',
        "participle_lead": '"Adding, ..." opening a sentence: the subject of the sentence before',
        "opening_description": '"A spokeswoman for X emailed ..., arguing,": the description speaks',
        "lead_in": "a paragraph ending with a colon introduces the next one's quotation",
        "lead_in_last_named": "... the last person named in that sentence when its subject is no one",
        "fallback_here": "an unattributed quotation: whoever spoke earlier in the paragraph",
        "fallback_last": "an unattributed quotation: the last speaker of the paragraph before",
        "narrator_subject": "an unattributed quotation: whom the writer's sentence is about",
        "title_like": "a title in marks (title case) is no one's quotation",
        "opening_name": "a paragraph that is one quotation: whom the paragraph before opens its last sentence with",
        "attributed_last": "he/she: the speaker the sentence before in the paragraph named, first",
        "pronoun_subject": "he/she: the subject of the sentence before first",
        "pronoun_opens": "he/she: not the first name in a sentence before that opens with He or She",
        "pronoun_last": "he/she: the last speaker next",
        "sentence_pos": "a pronoun in the writer's sentence is read where the sentence starts, after the space",
        "note_indirect": "a pronoun in the writer's own sentence (he told police ...) notes a gender too",
        "described_title": '"the Conservative MP said": a role after an article is a description, no name',
        "described_verb": '"A spokesperson for X urged fans ..., saying:": the description ends before its verb',
        "inverted_before": '"..., the town nearest the site, said Ortiz:": the name after the verb speaks',
        "time_phrase": '"The next morning, the whole town was saying:": a time is never the speaker',
        "pronoun_described": '"..., a source close to the inquiry told the agency. He said:": the source speaks',
        "first_name_alone": 'he/she: a name of one word that is a first name ("Elise") has its gender',
        "overrule": "the article's own pronoun outweighs the first-name table",
        "note_subjects": '"Doe said the delays ..." in the writer\'s words makes Doe the last speaker',
        "after_quotation": '"drew well" in 2008, said Beck.: a partial quotation then its sayer',
        "turns": "a transcript's turns (TAPPER: ...) each given to the person the label names",
        "turn_named": "a turn's label is a speaker only when named outside the labels, or in capitals",
        "quoted_turn": 'a quotation opening with a known person\'s label ("Matthews: ...") is theirs',
        "interview": "questions and answers without quote marks: the answers are the interviewee's",
        "interview_person": "... only when the article shows the interviewee is a person (a known gender)",
        # attribution clauses (attribution.py)
        "space_close": '"We will see " Mayer said.: a closing mark after a space, then the attribution',
        "paren_close": "(“...,” said analyst Joan Pike).: the bracket closes the aside, not the name",
        "colon_source": '"According to HuffPo:", "..., with Trump reportedly yelling:": the source named last',
        "according_after": '"...," according to Doe.',
        "ed_first": '"...," beamed Doe: any past-tense verb then a name',
        "any_verb": '"...," Doe questioned.: a name then any past-tense verb',
        "described_to": '"said a longtime adviser to both Clintons": a description keeps its "to ..."',
        "known_as": '"said the chief known as Bob"',
        "appositive_name": '"said her deputy, Rich Beeson, who ...": the name speaks',
        "article_alone": "an article alone names no one",
        "modified_name": '"...," world champion Hale said.: lower-case words before a name',
        "dash_name": '"..." — Bethan Price, organiser: a name after a dash signs the quotation',
        "plural_subject": '"federal prosecutors said": a plural noun speaks',
        "particles": '"de Blasio said"',
        "asked_by": '"was asked by X,": X speaks',
        "colon_subject": '"Clinton:" / "The campaign worded it carefully:": the subject',
        "titled_list": '"Marta Lind, Group President, Northern Europe, Hotels, said:"',
        "appositive_skip": '"Rhys Morgan, the chief engineer, said:": the name, not the appositive',
        "paren_tag": '"Sen. Ted Cruz (R-Tex.), a candidate, tweeted": the name before the bracket',
        "as_name": '"As Doe, a judge, put it:"',
        "long_head_name": "a long clause ending in a name before the verb: the name",
        "qualified_word": '"a heavily Democratic state said": no name',
        # names (names.py, runs.py)
        "leading_clause": '"After meeting Vance, Hale said": the subject after the leading clause',
        "possessive": "a possessive name is no subject",
        "modifier": '"a São Paulo resident": a name after "a" or "an" is no subject',
        "nearest_before_verb": "after a leading clause, the name nearest before the speech verb",
        "clause_subject": '"Bolton distanced himself ... by": the name opening the clause',
        "title_ref": '"the minister" -> the person whose title holds "minister"',
        "cut_of": '"Sen. Brian Schatz of Hawaii" -> the name',
        "titled_person": '"President Obama" is a person even if never named in full',
        "owner": '"the Post\'s Dana Milbank" -> Dana Milbank',
        "headline_pieces": '"Hollande Says Donald Trump ..." names two people',
        "opener": '"Taking Archie outside", "Actually": an adverb or -ing verb opening a sentence is no name',
        "pronoun_ends_head": '"Back in 2009 she told Oprah,": the pronoun before the verb is the subject',
        "title_chunk": '"Jo Doe, Head of Research at X, said": a title in capitals after a name is its appositive',
        # marks (marks.py)
        "nested": "a quotation inside a quotation with the other kind of marks",
        "reversed_close": "a quotation closed with an opening mark",
        "reversed_open": "a quotation opened with a closing mark",
        "lost_close": '"A, Hollis said. "B.": a quotation whose closing mark was lost ends before its attribution',
        "unclosed_end": "a quotation opening a sentence, left open at the paragraph's end, ends there",
        "single_marks": "single marks quote when the article has no double ones",
        "single_in_double": "single marks quote in a paragraph with no double ones, in the strict shape of a quotation",
    }
)
