"""``flags.*``: flags on items (a truncated ending, a story the page shows again)."""

from clean.families.flags import duplicates, truncation  # noqa: F401  (register their python rules)
