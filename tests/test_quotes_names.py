"""Where a name starts and ends: the words around a name that are no part of it."""

from __future__ import annotations

import pytest

from radio.words.quotes import find_parts
from radio.words.quotes.runs import read_whole


def speakers(*paragraphs: str) -> list[str | None]:
    return [p.speaker for p in find_parts(list(paragraphs)) if p.kind == "quote"]


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        # a place, an owner, a description or an agency before the first name is no part of the name
        ("The special envoy for Ukraine Kurt Penhale met the committee on Tuesday.", "Kurt Penhale"),
        ("The agency's chief engineer, NASA's Steve Tremayne, spoke to reporters.", "Steve Tremayne"),
        ("Singer-songwriters Tom Penhale and Ann Jory will headline the festival.", "Tom Penhale"),
        ("The letter was copied to FBI Agent Tom Penhale and his deputy.", "Tom Penhale"),
        ("The Deputy Director of Public Prosecution Eva-Marie Penhale decided on Tuesday.", "Eva-Marie Penhale"),
        # a preposition opening the sentence is no part of the name
        ("To Kurt Penhale, the result was no surprise after a long season.", "Kurt Penhale"),
        ("Under Kurt Penhale the club has won twice in three years.", "Kurt Penhale"),
    ],
)
def test_the_surname_resolves_to_the_name_without_the_words_before_it(first: str, expected: str) -> None:
    surname = expected.split()[-1]
    assert speakers(first, f'{surname} said: "We knew it all along, and so did the fans."') == [expected]


def test_a_weekday_after_a_name_is_no_surname() -> None:
    # "posted on Substack Tuesday": one word that may be someone's surname, not a full name "Substack Tuesday"
    ((_, _, read),) = read_whole("Substack Tuesday")
    assert read == ("substack", ())
    assert speakers(
        "Maria Reyes asked for calm in a letter posted on Substack Tuesday.",
        '"We must be patient and wait for the inquiry," she wrote.',
    ) == ["Maria Reyes"]


def test_a_quotation_after_an_owners_helper_is_not_the_owners() -> None:
    # "Swift's spokesman told ...", then a paragraph that is one quotation: the spokesman spoke, not Swift
    parts = find_parts(
        [
            "Nia Penrose spoke at the awards on Sunday night.",
            "Penrose's spokesman told the paper that the claim was false.",
            '"The label is trying to deflect and make this about money."',
        ]
    )
    assert "Nia Penrose" not in {p.speaker for p in parts}


def test_a_description_keeps_where_the_speaker_is_from() -> None:
    parts = find_parts(['"Markets are pricing in a recovery," said a report from Penwith Securities.'])
    assert parts[0].text == "A report from Penwith Securities said:"
    assert parts[1].kind == "quote"


def test_the_last_words_of_a_full_name_are_the_same_person() -> None:
    # "Kathleen Hawk Sawyer", then "Hawk Sawyer": one person, one voice
    assert speakers(
        "The prisons director, Morwenna Hawk Trelawny, spoke to the committee on Tuesday.",
        '"We have some bad staff," Hawk Trelawny said.',
        'Later Hawk Trelawny said: "I am committed to this service."',
    ) == ["Morwenna Hawk Trelawny", "Morwenna Hawk Trelawny"]


def test_it_names_the_body_that_spoke_last_before_its_quotation() -> None:
    # '"...," it added.' after "the Harbour Authority said": the authority, named before it is heard
    parts = find_parts(
        [
            'The inquiry was closed because "the evidence has weakened", the Harbour Authority said.',
            '"The reason for this decision is the time that has passed since the events," it added.',
        ]
    )
    assert [(p.kind, p.speaker, p.text) for p in parts[1:]] == [
        ("anchor", None, "It added:"),
        ("quote", "Harbour Authority", "The reason for this decision is the time that has passed since the events,"),
    ]
    # never a person: after a person "it" gives the quotation to no one, and the anchor reads it
    parts = find_parts(["Tom Penhale spoke on Tuesday.", '"The evidence has weakened," it added.'])
    assert all(p.kind == "anchor" for p in parts)
