"""``items.*``: where items begin and end (the ladder of signals, cards, lists of headlines), and the facts of
paragraphs that boundaries, titles and dates are read from."""

from clean.families.items import boundaries, lone_heading  # noqa: F401  (registers the items.* signals)
