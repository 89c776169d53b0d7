"""Who speaks: attributions the quote finder read wrongly, each in a short
article of its own (business, wire copy, a quoted transcript, a press
conference).  Each test fails without the rule it names."""

from __future__ import annotations

from radio.words.quotes import find_parts


def _said(paras: list[str]) -> list[tuple[str, str | None]]:
    return [(p.text[:24], p.speaker) for p in find_parts(paras) if p.kind == "quote"]


def test_a_preposition_before_a_name_is_no_description_of_the_speaker() -> None:
    # business copy: '"A clean break" for Okafor, said ... Reyes.': "for Okafor" is no speaker ("modified_name"),
    # and the "she" after it is the one the sentence before quoted ("attributed_last"), not the man it names
    paras = [
        "Shares in Halden Foods rose 6 per cent after its chief executive, Daniel Okafor, announced the sale"
        " of the frozen division.",
        "“A clean break” for Okafor, said the analyst Marta Reyes of Brookline Securities. “He has been promising"
        " this for two years,” she said.",
    ]
    assert _said(paras) == [("A clean break", "Marta Reyes"), ("He has been promising th", "Marta Reyes")]


def test_a_party_tag_in_brackets_keeps_the_name_before_its_appositive() -> None:
    # wire copy: "state Sen. Mark Delaney (R-Eastfield), a longtime critic ..., posted a warning."
    paras = [
        "Democratic Gov. Ann Whitford signed the tenancy bill on Tuesday and said it would protect renters.",
        "On the other side, state Sen. Mark Delaney (R-Eastfield), a longtime critic of the measure who has led"
        " the opposition since spring, posted a warning. “Landlords will leave this state, and renters will pay.”",
    ]
    assert _said(paras) == [("Landlords will leave thi", "Mark Delaney")]


def test_a_quoted_turn_of_a_transcript_is_its_labels_speaker() -> None:
    # science: the minutes of a panel quoted whole, "Park: ..." inside the marks
    paras = [
        "The inquiry's panel was chaired by Dr Amara Osei, with the geologist Lena Park and two engineers.",
        "The minutes record the exchange: “Park: The core samples show the same layer at every site, and it is"
        " older than we thought.”",
    ]
    parts = find_parts(paras)
    assert [(p.kind, p.text[:15], p.speaker) for p in parts if p.paragraph == 1][-2:] == [
        ("anchor", "Park:", None),
        ("quote", "The core sample", "Lena Park"),
    ]


def test_a_press_conference_gives_each_turn_to_its_speaker() -> None:
    # UK local news: a transcript whose questions end in "?" is no one-person interview
    paras = [
        "The chief constable of Westshire, Helen Marsh, and the council leader, Tom Reddy, answered questions"
        " after the flooding on Thursday. This is part of what they said.",
        "REPORTER: How many homes are still without power tonight?",
        "MARSH: About four hundred, mostly in the lower town. Engineers have been out since six this morning.",
        "REPORTER: Where can people go tonight?",
        "REDDY: The rest centre at the leisure centre stays open all night, and nobody will be turned away.",
        "REPORTER: Will the bridge reopen this week?",
        "MARSH: Not until the structural engineers have signed it off. I will not guess at a date.",
    ]
    parts = find_parts(paras)
    assert [(p.paragraph, p.speaker) for p in parts if p.kind == "quote"] == [
        (1, "Reporter"),
        (2, "Helen Marsh"),
        (3, "Reporter"),
        (4, "Tom Reddy"),
        (5, "Reporter"),
        (6, "Helen Marsh"),
    ]
    assert [p.text for p in parts if p.paragraph == 4] == [
        "REDDY:",
        "The rest centre at the leisure centre stays open all night, and nobody will be turned away.",
    ]


def test_a_list_of_labels_is_no_transcript() -> None:
    # "Clinton: 547." / "Rubio: Finish second.": the headings of a list, each name once
    paras = [
        "What each candidate needs from Tuesday's vote, in a few words.",
        "Ellen Park: A clear win in the north, where she has campaigned for a month and leads the polls.",
        "Sam Dorsey: Second place, which would keep his donors on board for the spring and beyond.",
        "Ruth Kell: Anything at all, after a month in which her campaign has struggled to raise money.",
    ]
    assert [p.kind for p in find_parts(paras)] == ["anchor"] * 4


def test_a_colon_after_according_to_names_the_source() -> None:
    # weather, wire copy: "According to the Met Office: “...”"
    paras = [
        "Forecasters have issued an amber warning for heavy rain across the north-west from Friday evening.",
        "According to the Met Office: “Some places could see a month's rain in twelve hours, and flooding of homes"
        " is likely.”",
    ]
    assert _said(paras) == [("Some places could see a ", "Met Office")]


def test_a_name_and_a_verb_in_ing_before_a_colon_speak() -> None:
    # sport: "..., with Bryce shouting: “...”" -- not the club the sentence names first
    paras = [
        "Hartley Rovers manager Carl Bryce watched his side lose 2-1 at Dunmore Athletic on Saturday.",
        "Dunmore Athletic scored twice in the last ten minutes, with Bryce shouting: “Open your eyes, referee!”",
    ]
    assert _said(paras) == [("Open your eyes, referee!", "Carl Bryce")]


def test_a_body_that_spoke_is_never_he() -> None:
    # UK local politics: "Conservatives said ..." speaks for a party; the "he" after it is the councillor
    paras = [
        "Councillor Mark Ellis, who leads the opposition on Dunmore Council, has tabled a motion against the"
        " new parking charges.",
        "“We will vote against it,” Conservatives said in a statement on Monday.",
        "“This is the wrong charge at the wrong time,” he said.",
    ]
    assert _said(paras)[-1] == ("This is the wrong charge", "Mark Ellis")


def test_the_writers_words_after_a_quotations_comma_then_its_attribution() -> None:
    # science: '“...,” like the kitchen, said Priya Nair, ...' -- not the university named before
    paras = [
        "A survey of 2,000 households by Calder University found that energy use fell by a tenth last winter.",
        "“The most striking change has been in how people heat a single room,” like the kitchen, said Priya Nair,"
        " the lead researcher.",
    ]
    assert _said(paras) == [("The most striking change", "Priya Nair")]


def test_a_name_glued_to_a_copy_of_itself_is_one_person() -> None:
    # a page copied as text: a name's link runs into its hover card ("Rep. Nadia HassanNadia HassanRelated: ..."),
    # and a colleague's too; "she" later is the woman the paragraph names, not a name made of two copies
    paras = [
        "A man admitted threatening Rep. Nadia HassanNadia HassanRelated: Budget talks stall | Vote delayed MORE"
        " (D-Ore.), prosecutors said on Monday.",
        "Rep. Carla MendesCarla MendesRelated: Farm bill advances | Hearing set MORE (D-Ore.) linked the threat to"
        " a radio host's remarks.",
        "Hassan asked the court for mercy in a letter. She added, “Prison will not teach him anything.”",
    ]
    assert _said(paras) == [("Prison will not teach hi", "Nadia Hassan")]


def test_he_never_goes_to_a_named_system_between_the_speaker_and_the_pronoun() -> None:
    # science copy: a procurement scheme ("the Deep Space Docking System") is named after the congressman and
    # before his "he continued": "System" names no person, so "he" is the congressman, not the scheme
    paras = [
        "That criticism comes from the agency’s own allies. “Every study of the last forty years points to one"
        " heavy rocket,” said Rep. Tom Ridley (R-Ohio), ranking member of the science panel, during a hearing.",
        "He raised the point in criticism of the Deep Space Docking System, which sought bids for landers. Those"
        " landers would be launched, as the agency first planned, on commercial rockets.",
        "“Switching horses midstream is not a wise move at this point,” he continued.",
    ]
    assert [s for _, s in _said(paras)] == ["Tom Ridley", "Tom Ridley"]


def test_the_and_a_role_is_a_description_not_a_name() -> None:
    # UK local news: "the former Prime Minister said" is the person titled so ("title_ref"), "the Labour MP"
    # a description; neither is a person called "Minister" or "Labour MP" ("described_title")
    paras = [
        "Former Prime Minister Edwin Harte opened the Kelby bypass on Friday, eleven years after the first plans.",
        "“It was a long fight, and the town won it,” the former Prime Minister said.",
        "The scheme was opposed for years in the Commons.",
        "Speaking at the opening, the Labour MP said: “We will now hold the council to its promise of"
        " safer crossings.”",
    ]
    assert [s for _, s in _said(paras)] == ["Edwin Harte", "the Labour MP"]


def test_a_description_that_opens_the_sentence_ends_before_its_verb() -> None:
    # sport: "A spokesman for Kelby Rovers thanked the travelling fans, adding:": the spokesman speaks, not a
    # clause running on to the fans ("described_verb"); "the letter signed by ..." keeps its "signed by"
    paras = [
        "Kelby Rovers lost 2-1 at Ashworth on Saturday after a late penalty.",
        "A spokesman for Kelby Rovers thanked the travelling fans for their patience, adding: “The club will"
        " put on free coaches for the next away game.”",
        "The players' union also wrote to the league. “We ask for a review of the decision,” read the letter"
        " signed by eleven players.",
    ]
    assert [s for _, s in _said(paras)] == ["A spokesman for Kelby Rovers", "the letter signed by eleven players"]


def test_the_name_after_the_verb_speaks_in_an_inverted_lead_in() -> None:
    # wire copy: "..., the town with the nearest airstrip, said Ortiz:": the name after "said" speaks, not the
    # place and its description before it ("inverted_before"); "she said" after it is the same woman
    paras = [
        "National rescue chief Ana Ortiz told reporters on Wednesday that six bodies had been recovered.",
        "The bodies will be flown to Port Elm, the town with the nearest airstrip to the crash site, said Ortiz:"
        " “As soon as the weather is clear, the bodies will be brought to Port Elm,” she said.",
    ]
    assert [s for _, s in _said(paras)] == ["Ana Ortiz"]


def test_he_after_a_described_source_is_the_source_not_an_institute() -> None:
    # science and wire copy: "Space Studies" of an institute's name is no person ("studies"); a pronoun after
    # a sentence whose speaker is a description ("a source close to the investigation told the agency")
    # is that source, not the man quoted a paragraph before ("pronoun_described")
    paras = [
        "Gavin Marsh, a climatologist at the Institute for Space Studies, likened the threshold to a speed limit."
        " He said: “Going over it does not ensure disaster, but it raises the risk.”",
        "The plane made a steep climb before it crashed, a source close to the investigation told the agency."
        " He said: “So far, the numbers taken by the radar are unbelievably high.”",
    ]
    assert [s for _, s in _said(paras)] == ["Gavin Marsh", "a source close to the investigation"]


def test_an_adverbial_before_the_verb_is_never_the_speaker() -> None:
    # farming and feature copy: "Without fumigants, growers in the valley say:" never gives the quotation
    # to "Without fumigants, ..."; "The next morning, you could hear the whole town saying:" names a time,
    # not a speaker ("time_phrase")
    paras = [
        "Millions of pounds of fumigants are pumped into the valley's fields each year.",
        "Without fumigants, growers in the valley say: “Our crops can fail. There is no clear alternative.”",
        "The comedian's set went viral overnight. The next morning, you could hear the whole town saying:"
        " “What was that about?”",
    ]
    speakers = [s for _, s in _said(paras)]
    assert not any(s and s.startswith(("Without", "The next morning")) for s in speakers), speakers


def test_the_name_after_the_verb_speaks_when_a_description_follows_the_quotation() -> None:
    # wire copy: '"... brought to Port Elm," the town with the nearest airstrip, said Ortiz.': the description
    # is the quoted place's, and the quotation is Ortiz's, not "the town ..."'s ("inverted_before")
    paras = [
        "National rescue chief Ana Ortiz told reporters on Wednesday that six bodies had been recovered.",
        "“As soon as the weather is clear, the bodies will be brought to Port Elm,” the town with the nearest"
        " airstrip to the crash site, said Ortiz.",
    ]
    assert [s for _, s in _said(paras)] == ["Ana Ortiz"]
    with_an = [paras[0], paras[1].replace("the town with the nearest", "an island town with the only")]
    assert [s for _, s in _said(with_an)] == ["Ana Ortiz"]  # "an ..." as well as "the ..."
