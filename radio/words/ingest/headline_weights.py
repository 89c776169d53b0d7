"""The headline score's weights (``headline.py``), written by scripts/fit_headline_weights.py: do not edit.

Fitted on tune 60 pages, extra 62 pages, other 16 pages, aeb 84 pages, readability 38 pages.
"""

WEIGHTS = (
    -0.3497,  # nearer candidates (up to six)
    1.6676,  # printed again on the page
    2.5197,  # six words or more
    2.0870,  # four or five words
    -2.2187,  # ends with a full stop
    -3.4966,  # more than twenty words
    -0.7761,  # two sentences
    -3.5568,  # in capitals
    -2.4470,  # a short item of a menu
    1.0060,  # heads a standfirst
    -1.2527,  # the standfirst under a headline
    4.2788,  # signed by a byline or stamp
    -2.5823,  # in quote marks
    -2.0671,  # a button's label
    -1.0343,  # no stopwords
    5.7837,  # share of its words the story uses
    -1.3309,  # the story's own first line
    0.1191,  # blocks above the story (log)
    -0.9129,  # nearest candidate
    0.2346,  # title case
    0.2696,  # stopword share
    0.4443,  # share of its words the first paragraph uses
    -1.1569,  # set apart by blank lines
    0.0052,  # words (log)
    -0.3641,  # copies on the page (log)
    0.2063,  # a date next to it
    -0.2328,  # ends with a question or exclamation mark
    0.1453,  # holds a colon
    -0.2667,  # place in the page
    -0.6446,  # printed twice near the story
    0.0259,  # two words
    -0.7009,  # below the story's first line
    0.2447,  # short unclassed lines around it (of four)
    0.3607,  # classed lines around it (of four)
    -0.4252,  # the best share of the story's words
    0.2642,  # a sentence of ten words or more
    -0.5198,  # opens with a figure
    -1.1966,  # share of figures
    -0.1075,  # title-like lines in a row with it (log)
    -0.2657,  # lines around it printed again on the page
    -0.4134,  # under another title of four words or more
    0.1144,  # over another title of four words or more
)
