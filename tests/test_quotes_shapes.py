"""Quote shapes rare in a newspaper corpus but common in copy typed in a
hurry: a closing mark after a space, a closing mark lost, a quotation in
brackets, straight and curly marks mixed, a title in marks inside the
attribution.  Each in a short article of its own."""

from __future__ import annotations

from radio.models import Part
from radio.words.quotes import find_parts


def _parts(paras: list[str]) -> list[tuple[str, str, str | None]]:
    return [(p.kind, p.text, p.speaker) for p in find_parts(paras) if p.paragraph == len(paras) - 1]


def _quotes(parts: list[Part]) -> list[tuple[str, str | None]]:
    return [(p.text, p.speaker) for p in parts if p.kind == "quote"]


def test_a_closing_mark_after_a_space_still_closes_before_the_attribution() -> None:
    paras = [
        "The harbour master, Ellen Mayer, spoke at the quay on Monday as the storm moved east.",
        "“We will have to wait and see ” Mayer said. “The tide decides.”",
    ]
    assert _parts(paras) == [
        ("anchor", "Mayer said:", None),
        ("quote", "We will have to wait and see. The tide decides.", "Ellen Mayer"),
    ]


def test_a_lost_closing_mark_ends_the_quotation_before_its_attribution() -> None:
    # sport: the first quotation's closing mark was never typed
    paras = [
        "Coach Dan Hollis was blunt after the 4-0 defeat at Marston Park.",
        "“We were second to every ball, Hollis said. “That cannot happen again.”",
    ]
    assert _quotes(find_parts(paras)) == [("We were second to every ball. That cannot happen again.", "Dan Hollis")]


def test_a_quotation_left_open_at_the_end_of_its_paragraph_ends_there() -> None:
    paras = [
        "Coach Dan Hollis was blunt after the 4-0 defeat at Marston Park.",
        "“We were second to every ball,” Hollis said. “That cannot happen again.",
        "The club play again on Wednesday.",
    ]
    assert _quotes(find_parts(paras)) == [("We were second to every ball. That cannot happen again.", "Dan Hollis")]


def test_a_quotation_in_brackets_keeps_its_speakers_name_whole() -> None:
    # business: "(“...,” said analyst Joan Pike)." -- the bracket closes the aside, not the name
    paras = ["Shares in Northway fell 4 per cent on Tuesday (“a correction, nothing more,” said analyst Joan Pike)."]
    assert _parts(paras) == [
        ("anchor", "Shares in Northway fell 4 per cent on Tuesday", None),
        ("anchor", "Analyst Joan Pike said:", None),
        ("quote", "a correction, nothing more,", "Joan Pike"),
    ]


def test_straight_and_curly_marks_mixed_pair_up() -> None:
    paras = [
        "Professor Amy Cho led the study of river temperatures.",
        '"The results surprised us,” Cho said. “We expected the opposite."',
    ]
    assert _quotes(find_parts(paras)) == [("The results surprised us. We expected the opposite.", "Amy Cho")]


def test_a_title_in_marks_inside_the_attribution_is_read_with_it() -> None:
    # US television: the attribution names the programme in marks; it is not cut at "of"
    paras = [
        "Governor Lisa Brandt spoke the morning after the vote.",
        '"We will be back, and we will win," Brandt told the hosts of "Good Morning Valley," adding that she would'
        " run again.",
    ]
    assert _parts(paras) == [
        (
            "anchor",
            'Brandt told the hosts of "Good Morning Valley," adding that she would run again:',
            None,
        ),
        ("quote", "We will be back, and we will win,", "Lisa Brandt"),
    ]
