"""``repair.*``: mojibake (ftfy, and the cheap test that says which lines may need it) and HTML entities."""

from clean.families.repair import encoding  # noqa: F401  (registers its python rules)
