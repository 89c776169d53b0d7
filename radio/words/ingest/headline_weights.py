"""The headline score's weights (``headline.py``), written by scripts/fit_headline_weights.py: do not edit.

Fitted on tune 60 pages, extra 62 pages, other 16 pages, aeb 84 pages, readability 38 pages.
"""

WEIGHTS = (
    -0.3493,  # nearer candidates (up to six)
    1.6252,  # printed again on the page
    2.5281,  # six words or more
    2.0820,  # four or five words
    -2.2383,  # ends with a full stop
    -3.5012,  # more than twenty words
    -0.7815,  # two sentences
    -3.5142,  # in capitals
    -2.4440,  # a short item of a menu
    1.0094,  # heads a standfirst
    -1.2632,  # the standfirst under a headline
    4.2847,  # signed by a byline or stamp
    -2.5766,  # in quote marks
    -2.0688,  # a button's label
    -1.0870,  # no stopwords
    5.7922,  # share of its words the story uses
    -1.3451,  # the story's own first line
    0.1247,  # blocks above the story (log)
    -0.9170,  # nearest candidate
    0.2396,  # title case
    0.2720,  # stopword share
    0.4498,  # share of its words the first paragraph uses
    -1.1524,  # set apart by blank lines
    -0.0058,  # words (log)
    -0.4124,  # copies on the page (log)
    0.2064,  # a date next to it
    -0.2370,  # ends with a question or exclamation mark
    0.1415,  # holds a colon
    -0.2846,  # place in the page
    -0.6289,  # printed twice near the story
    0.0203,  # two words
    -0.6980,  # below the story's first line
    0.2750,  # short unclassed lines around it (of four)
    0.3426,  # classed lines around it (of four)
    -0.4145,  # the best share of the story's words
    0.2354,  # a sentence of ten words or more
    -0.5113,  # opens with a figure
    -1.2965,  # share of figures
    -0.1052,  # title-like lines in a row with it (log)
    -0.2644,  # lines around it printed again on the page
    -0.4002,  # under another title of four words or more
    0.0945,  # over another title of four words or more
)
