"""Who speaks on pages of other sites: the general causes of wrong speakers
found reading the quotes of real news pages (press releases, sport, local
news, magazine features), each in a short article of our own.  Each test
fails without the rule it names."""

from __future__ import annotations

from radio.words.quotes import find_parts


def _said(paras: list[str]) -> list[tuple[str, str | None]]:
    return [(p.text[:24], p.speaker) for p in find_parts(paras) if p.kind == "quote"]


def test_a_name_after_the_verb_then_its_title_in_capitals_speaks() -> None:
    # a press release: '..., said Priya Lund, Regional Director, Northern Europe, Calder Hotels.' -- the name
    # speaks, not the title-case title after it (a name's last letter in lower case is no description)
    paras = [
        "“We are proud to open our first lodge in the fjords this spring,” said Priya Lund, Regional Director,"
        " Northern Europe, Calder Hotels. “Guests have asked for it for years.”"
    ]
    assert _said(paras) == [("We are proud to open our", "Priya Lund")]


def test_a_title_in_capitals_after_a_name_is_no_speaker() -> None:
    # business: "Ines Varga, Head of Research at Molt Securities, pointed out ..." then '"...," he said.' -- the
    # name is the subject ("title_chunk"), never "Research" or a title spelt in capitals
    paras = [
        "Ines Varga, Head of Equities at Halden Capital, said the rally had further to run.",
        "Tomas Berg, Head of Research at Molt Securities, pointed out that this is a stock-picker's market."
        " Smaller companies are lagging the index.",
        "“It is a market for picking stocks, not for buying everything,” he said.",
    ]
    assert [s for _, s in _said(paras)] == ["Tomas Berg"]


def test_a_chief_executive_is_his_name_not_executive_and_his_name() -> None:
    # business: "Chief Executive Arjun Mehta said ..." -- the title is no part of the name
    paras = [
        "Speaking at the company's headquarters in Leeds, Chief Executive Arjun Mehta said the plan would pay"
        " for itself within a decade.",
        "“We will take more carbon out of the air than we put in,” he said.",
    ]
    assert _said(paras) == [("We will take more carbon", "Arjun Mehta")]


def test_a_sentence_opening_adverb_or_verb_in_ing_is_no_name() -> None:
    # magazine feature: "Taking Oscar to the park is his favourite outing, he said." -- no "Taking Oscar"
    paras = [
        "Declan Moore said the move to the coast had changed the family's weekends.",
        "Taking Oscar to the park is his favourite outing, he said. “The best part is the swings”, he added.",
    ]
    assert [s for _, s in _said(paras)] == ["Declan Moore"]


def test_a_pronoun_before_the_verb_speaks_after_words_that_open_the_sentence() -> None:
    # showbiz: "Back in 2015 she told a chat show, "..."": she speaks, not "Back"
    paras = [
        "The actress Maria Lindqvist has spoken often about her weight.",
        "Back in 2015 she told a chat show host, “A photographer shouted at me in the street and I cried.”",
    ]
    assert _said(paras) == [("A photographer shouted a", "Maria Lindqvist")]


def test_a_page_of_questions_and_answers_is_no_ones_interview() -> None:
    # a garden centre's FAQ: headings in capitals read as a name ("Apple Tree"), no person answers
    paras = [
        "Growing an Apple Tree from Seed",
        "Apple Tree seeds from the supermarket will sprout, but the fruit will differ from its parent.",
        "Here are the questions readers ask us most.",
        "Can I plant seeds from a shop-bought apple?",
        "Yes. Seeds from shop-bought apples sprout well after six weeks in the fridge.",
        "How long until my tree fruits?",
        "Expect to wait between six and ten years before the first apples appear on the branches.",
        "Does my tree need a partner?",
        "Most apple trees need a second variety nearby to pollinate their flowers each spring.",
    ]
    assert _said(paras) == []


def test_dear_in_a_label_addresses_someone_and_names_no_speaker() -> None:
    # an advice column: "DEAR MARGOT:" opens a letter to her; she does not speak it
    paras = [
        "DEAR MARGOT: My sister borrowed my car for a week and returned it with an empty tank and a dent.",
        "DEAR BORROWED: Tell her plainly what the repair costs and ask her to pay half of it this month.",
        "DEAR MARGOT: Our neighbour's dog barks every night from ten until two and we cannot sleep at all.",
        "DEAR SLEEPLESS: Keep a diary of the nights for two weeks, then take it to the council's noise team.",
    ]
    assert _said(paras) == []


def test_a_pronoun_in_the_writers_own_sentence_fixes_no_ones_gender() -> None:
    # local news: "When Hale was arrested, he told officers ..." must not make the councillor named before
    # (a first name the table does not know) a man, so the "she" after her own words is hers, not the
    # other woman's named in between ("note_indirect")
    paras = [
        "Councillor Nkechi Obi received threatening letters at her ward office in the spring.",
        "When Hale was arrested, he told officers he had never met anyone at the council.",
        "Councillor Margaret Dunn said the letters had been passed to the police at once.",
        "Obi asked the court for leniency in a statement read on Monday, saying she did not want him jailed."
        " She added, “He needs help more than he needs a cell.”",
    ]
    assert [s for _, s in _said(paras)] == ["Nkechi Obi"]


def test_a_pronoun_contracted_with_its_verb_is_no_name() -> None:
    # science: "He’d read that ..." opens a sentence; "He’d" is no one the next "he" can be
    paras = [
        "“The ash reached the city by noon,” said Rui Tavares, a teacher who photographed the sky.",
        "He said he had never seen smoke like it. He’d read about the fires in the north but felt safe.",
        "“Thousands of kilometres away, and still it reached us?” he said.",
    ]
    assert [s for _, s in _said(paras)] == ["Rui Tavares", "Rui Tavares"]


def test_a_pronoun_after_words_that_open_the_attribution_speaks() -> None:
    # fiction: '"Yes, I do." This time he replied at once.' -- "he", not "This time he"
    paras = [
        "The old man Elias Brandt looked at me for a long while before he spoke.",
        "“Do you know how I got here?” I asked.",
        "“Yes, I do.” This time he replied at once, without a pause.",
    ]
    assert _said(paras)[-1] == ("Yes, I do.", "Elias Brandt")


def test_a_sentence_opening_with_he_is_about_him_not_the_first_name_in_it() -> None:
    # science policy: "He raised it in a letter to Jim Ferris ..." then "he continued": the congressman who
    # just spoke, not the man named first in that sentence ("pronoun_opens")
    paras = [
        "“Every study has pointed to a heavy rocket,” said Rep. Owen Marsh, who sits on the space subcommittee."
        " He raised the point in a letter to Jim Ferris, the agency’s administrator, last week.",
        "“Switching rockets now is not a wise move,” he continued.",
    ]
    assert [s for _, s in _said(paras)] == ["Owen Marsh", "Owen Marsh"]


def test_a_place_that_describes_the_speaker_is_no_subject() -> None:
    # science: "Rui Costa, a Ribeirão Preto resident who filmed the smoke, said." -- "a Ribeirão Preto
    # resident" describes him; the "he" after is Rui Costa, never the city ("modifier")
    paras = [
        "“The air was clean here until this week,” Rui Costa, a Ribeirão Preto resident who filmed the smoke,"
        " said.",
        "“It came from hundreds of kilometres away,” he said.",
    ]
    assert [s for _, s in _said(paras)] == ["Rui Costa", "Rui Costa"]


def test_a_pronoun_in_the_writers_sentence_is_read_where_its_sentence_starts() -> None:
    # science: "According to Costa, the sky went dark at noon. He said that ..." -- the "He" is read in its
    # own sentence, whose sentence before names Costa, not the neighbour named a paragraph up ("sentence_pos")
    paras = [
        "“The air was clean here until this week,” said Rui Costa. His neighbour Paulo Reis filmed the smoke.",
        "According to Costa, the sky went dark at noon. He said that in ten years he had never seen smoke"
        " like it.",
        "“It came from hundreds of kilometres away,” he said.",
    ]
    assert [s for _, s in _said(paras)] == ["Rui Costa", "Rui Costa"]


def test_labels_that_name_no_one_are_no_transcript() -> None:
    # a deals page: "Price Drop: ..." and "New In: ..." label offers, no speakers ("turn_named")
    paras = [
        "Our pick of this week's offers on laptops, headphones and monitors.",
        "Price Drop: Harlow Studio 14-inch laptop with 16GB of memory and a year of cover, now £649 (was £799)",
        "New In: Fenwick noise-cancelling headphones with a travel case and two spare ear pads, for £129",
        "Price Drop: Calder 27-inch monitor with a height-adjustable stand and two cables, now £199 (was £249)",
        "Offers end on Sunday at midnight.",
    ]
    assert _said(paras) == []


def test_she_after_a_sentence_she_opens_behind_a_leading_clause() -> None:
    # showbiz: "And then, she talked about Kitchen Wars." -- the "she" after is the actress who spoke, not the
    # programme named in that sentence ("pronoun_opens")
    paras = [
        "“I never felt at home on a set,” said the actress Nora Quill, who turns 60 this year.",
        "And then, she talked about Kitchen Wars. “When I saw the first episode I could not watch it,” she said.",
    ]
    assert [s for _, s in _said(paras)] == ["Nora Quill", "Nora Quill"]


def test_a_first_name_alone_keeps_its_gender() -> None:
    # magazine feature: "In 1997, Elise wrote, she asked him ..." then '"No," he said.' -- "he" is never Elise
    # ("first_name_alone")
    paras = [
        "Tomas Reyes wrote eleven novels in twenty years, most of them about the sea.",
        "In 1997, Elise wrote, she asked him for a story about a lighthouse.",
        "“No,” he said. “You tell me one first.”",
    ]
    assert [s for _, s in _said(paras)] == ["Tomas Reyes"]

