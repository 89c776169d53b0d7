"""The learned story score's weights (``learned.py``), written by scripts/fit_text_weights.py: do not edit.

Fitted on tune 60 pages, extra 58 pages, other 15 pages, aeb-a 43 pages, aeb-b 41 pages (14424 blocks).
"""

BIAS = -4.4093
WEIGHTS = (
    0.2431,  # log length
    0.7673,  # log words
    0.9028,  # stopword share
    0.4802,  # ends like a sentence
    1.3118,  # set apart, where the page spaces its paragraphs
    -0.3011,  # packed, where the page spaces its paragraphs
    -0.7298,  # shape good
    0.0613,  # shape near-good
    0.3787,  # shape bad
    -0.2189,  # class good in context
    0.5025,  # inside the story's run
    0.0000,  # kept by the rules
    0.0490,  # previous kept by the rules
    -0.1339,  # next kept by the rules
    0.6503,  # previous class good
    0.8838,  # next class good
    -0.1395,  # previous stopword share
    0.1428,  # next stopword share
    -0.4082,  # headline-shaped
    -0.5606,  # button label
    0.1625,  # opens with a capital
    0.6461,  # ends with a colon
    1.1434,  # share of digits
    -1.0654,  # place in the page
    0.1980,  # blocks from the story's run (log)
    0.0756,  # after the story's run
    -0.8050,  # classed blocks between it and the story (log)
    -0.7688,  # printed elsewhere on the page
    -1.5346,  # ends with an ellipsis
    -0.3012,  # share of capitalised words (of its first ones)
    1.1043,  # kept by the rules within two blocks (share)
    0.0000,  # at an edge of what the rules keep
    0.7453,  # share of the rules' story above it
)
ADD_BIAS = -4.6639
ADD_WEIGHTS = (
    0.1749,  # log length
    0.7361,  # log words
    1.1297,  # stopword share
    0.3882,  # ends like a sentence
    0.8440,  # set apart, where the page spaces its paragraphs
    -0.3942,  # packed, where the page spaces its paragraphs
    -0.2994,  # shape good
    0.3024,  # shape near-good
    0.3610,  # shape bad
    -0.4614,  # class good in context
    0.4063,  # inside the story's run
    0.0000,  # kept by the rules
    -0.0396,  # previous kept by the rules
    -0.0609,  # next kept by the rules
    0.1157,  # previous class good
    0.5263,  # next class good
    -0.4417,  # previous stopword share
    -0.0407,  # next stopword share
    -0.4230,  # headline-shaped
    -0.4073,  # button label
    0.3420,  # opens with a capital
    0.4812,  # ends with a colon
    0.9959,  # share of digits
    -0.8695,  # place in the page
    0.1608,  # blocks from the story's run (log)
    0.0414,  # after the story's run
    -0.5459,  # classed blocks between it and the story (log)
    -0.7703,  # printed elsewhere on the page
    -1.3373,  # ends with an ellipsis
    -0.3672,  # share of capitalised words (of its first ones)
    0.1454,  # kept by the rules within two blocks (share)
    0.0000,  # at an edge of what the rules keep
    0.5975,  # share of the rules' story above it
    1.4827,  # previous block's first score
    0.9548,  # next block's first score
    0.6025,  # best first score of the two blocks either side
)
DROP_BIAS = -2.8426
DROP_WEIGHTS = (
    -0.3293,  # log length
    0.6970,  # log words
    1.0644,  # stopword share
    0.3782,  # ends like a sentence
    0.4485,  # set apart, where the page spaces its paragraphs
    -1.6304,  # packed, where the page spaces its paragraphs
    0.5543,  # shape good
    0.6177,  # shape near-good
    0.0000,  # shape bad
    -0.6548,  # class good in context
    0.0000,  # inside the story's run
    0.0000,  # kept by the rules
    -0.5346,  # previous kept by the rules
    -1.3881,  # next kept by the rules
    -0.4139,  # previous class good
    0.3229,  # next class good
    0.8083,  # previous stopword share
    -0.1939,  # next stopword share
    1.4433,  # headline-shaped
    -0.8523,  # button label
    -0.1549,  # opens with a capital
    0.3927,  # ends with a colon
    -10.3110,  # share of digits
    0.0355,  # place in the page
    0.0000,  # blocks from the story's run (log)
    0.0000,  # after the story's run
    1.0839,  # classed blocks between it and the story (log)
    -0.4826,  # printed elsewhere on the page
    -1.3253,  # ends with an ellipsis
    -1.0456,  # share of capitalised words (of its first ones)
    2.5337,  # kept by the rules within two blocks (share)
    0.4941,  # at an edge of what the rules keep
    -1.6108,  # share of the rules' story above it
    1.1431,  # previous block's first score
    1.0736,  # next block's first score
    2.6378,  # best first score of the two blocks either side
)
