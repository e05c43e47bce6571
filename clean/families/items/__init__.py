"""``items.*``: the facts of paragraphs that item boundaries, titles and dates are read from."""
