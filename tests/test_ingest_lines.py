"""What a line of a copied page is on its face: wire credits, placed captions, sign-up prompts."""

from __future__ import annotations

import pytest

from radio.words.ingest.features import line_label, make_blocks
from radio.words.ingest.shape import stopwords


def label(line: str) -> str | None:
    (block,) = make_blocks(line, stopwords())
    return line_label(block)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("(Reporting by Ann Penrose and Bo Li; Editing by Kit Jago)", "credit"),
        ("Additional reporting by Tamsin Rowe in Truro.", "credit"),
        ("Above: The new ferry waits at the quay on its first morning.", "caption"),
        ("Pictured: Volunteers plant saplings along the river.", "caption"),
        ("Want more local news? Join our free evening newsletter.", "boilerplate"),
        ("No spam, we promise. You can unsubscribe at any time.", "boilerplate"),
        ("I agree that the Courier can send me its weekly newsletter.", "boilerplate"),
        ("Every morning we send an email with the day's top stories.", "boilerplate"),
        ("SEE MORE: Harbour ferry strike called off", "boilerplate"),
        # the same words in a story's sentences are read
        ("See more of the harbour from the cliff path, the guide said.", None),
        ("The reporting by local papers was praised by the inquiry.", None),
        ("Above all, the council wants the ferry to run on time.", None),
        ("The council said it would email residents about the new bins.", None),
    ],
)
def test_a_line_is_classed_on_its_face(line: str, expected: str | None) -> None:
    assert label(line) == expected
