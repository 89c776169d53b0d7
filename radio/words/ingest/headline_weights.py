"""The headline score's weights (``headline.py``), written by scripts/fit_headline_weights.py: do not edit.

Fitted on tune 60 pages, extra 62 pages, other 16 pages, aeb 84 pages.
"""

WEIGHTS = (
    -0.3352,  # nearer candidates (up to six)
    1.6064,  # printed again on the page
    2.5708,  # six words or more
    2.0813,  # four or five words
    -1.8998,  # ends with a full stop
    -3.2210,  # more than twenty words
    -0.5247,  # two sentences
    -3.5966,  # in capitals
    -2.5140,  # a short item of a menu
    0.8403,  # heads a standfirst
    -1.8349,  # the standfirst under a headline
    4.4991,  # signed by a byline or stamp
    -1.9220,  # in quote marks
    -2.0337,  # a button's label
    -1.1613,  # no stopwords
    5.8184,  # share of its words the story uses
    -1.8402,  # the story's own first line
    0.0375,  # blocks above the story (log)
    -1.0180,  # nearest candidate
    0.1301,  # title case
    0.1910,  # stopword share
    0.2755,  # share of its words the first paragraph uses
    -1.2134,  # set apart by blank lines
    0.0055,  # words (log)
    -0.4428,  # copies on the page (log)
    0.3012,  # a date next to it
    0.3982,  # ends with a question or exclamation mark
    -0.0199,  # holds a colon
    0.0462,  # place in the page
    -0.5926,  # printed twice near the story
    0.0500,  # two words
    0.8630,  # below the story's first line
    0.3225,  # short unclassed lines around it (of four)
    0.3967,  # classed lines around it (of four)
    -0.5096,  # the best share of the story's words
    0.4975,  # a sentence of ten words or more
    -0.6442,  # opens with a figure
    -0.7950,  # share of figures
)
