"""The learned story score's weights (``learned.py``), written by scripts/fit_text_weights.py: do not edit.

Fitted on extra 58 pages, other 16 pages, tune 60 pages (9235 blocks).
"""

BIAS = -4.8017
WEIGHTS = (
    0.2933,  # log length
    0.7772,  # log words
    1.5730,  # stopword share
    0.4320,  # ends like a sentence
    1.6062,  # set apart, where the page spaces its paragraphs
    -0.3276,  # packed, where the page spaces its paragraphs
    -0.1353,  # shape good
    0.5300,  # shape near-good
    0.6537,  # shape bad
    -0.2194,  # class good in context
    0.6784,  # inside the story's run
    0.0000,  # kept by the rules
    0.2608,  # previous kept by the rules
    0.2154,  # next kept by the rules
    0.6857,  # previous class good
    0.9923,  # next class good
    -0.3798,  # previous stopword share
    0.0844,  # next stopword share
    -0.1769,  # headline-shaped
    -0.0607,  # button label
    -0.1303,  # opens with a capital
    0.7336,  # ends with a colon
    1.1596,  # share of digits
    -0.3283,  # place in the page
    -0.0098,  # blocks from the story's run (log)
    0.5517,  # after the story's run
    -0.5931,  # classed blocks between it and the story (log)
)
