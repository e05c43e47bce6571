"""``dates.*``: the date reader, glued stamps, stamp lines, relative dates, and the date an item's lead gives."""

from clean.families.dates import glued_stamp, headline_date, item_dates, relative, stamp_lines, word_stamps  # noqa: F401, E501
