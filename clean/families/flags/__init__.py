"""``flags.*``: flags on items (a truncated ending)."""

from clean.families.flags import truncation  # noqa: F401  (registers its python rule)
