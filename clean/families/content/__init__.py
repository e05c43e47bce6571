"""``content.*``: the main-content pass, which tells a whole page's article (or its listing) from the page around it."""

from clean.families.content import listing_frame, main_content  # noqa: F401  (register their python rules)
