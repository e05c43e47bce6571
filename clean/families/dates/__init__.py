"""``dates.*``: the date reader, glued stamps, stamp lines, relative dates, the date an item's lead gives, and a labelled date closing an item."""

from clean.families.dates import (  # noqa: F401  (register)
    closing_date, glued_stamp, headline_date, item_dates, relative, stamp_lines, word_stamps,
)
