"""The headline score's weights (``headline.py``), written by scripts/fit_headline_weights.py: do not edit.

Fitted on tune 60 pages, extra 62 pages, other 16 pages, aeb 84 pages.
"""

WEIGHTS = (
    -0.3367,  # nearer candidates (up to six)
    1.5535,  # printed again on the page
    2.5490,  # six words or more
    2.2043,  # four or five words
    -1.9093,  # ends with a full stop
    -3.2830,  # more than twenty words
    -0.4310,  # two sentences
    -3.7360,  # in capitals
    -2.4708,  # a short item of a menu
    0.6852,  # heads a standfirst
    -1.7475,  # the standfirst under a headline
    4.3382,  # signed by a byline or stamp
    -2.1039,  # in quote marks
    -2.0457,  # a button's label
    -1.0553,  # no stopwords
    5.8136,  # share of its words the story uses
    -1.8710,  # the story's own first line
    0.0162,  # blocks above the story (log)
    -1.1508,  # nearest candidate
    0.1774,  # title case
    0.2060,  # stopword share
    0.3869,  # share of its words the first paragraph uses
    -1.3384,  # set apart by blank lines
    0.0450,  # words (log)
    -0.4908,  # copies on the page (log)
    0.3672,  # a date next to it
    0.3260,  # ends with a question or exclamation mark
    0.0202,  # holds a colon
    0.0775,  # place in the page
    -0.7289,  # printed twice near the story
    -0.0082,  # two words
    1.0873,  # below the story's first line
    0.3194,  # short unclassed lines around it (of four)
    0.4129,  # classed lines around it (of four)
    -0.5752,  # the best share of the story's words
    0.6140,  # a sentence of ten words or more
    -0.6532,  # opens with a figure
    -0.7747,  # share of figures
)
