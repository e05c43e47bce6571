"""``dates.*``: the date reader, stamp lines, and the date an item's lead gives."""

from clean.families.dates import item_dates, relative, stamp_lines, word_stamps  # noqa: F401  (register rules)
