"""``dates.*``: the date reader, stamp lines, and the date an item's lead gives."""

from clean.families.dates import item_dates, stamp_lines  # noqa: F401  (register their python rules)
