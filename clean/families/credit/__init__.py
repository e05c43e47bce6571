"""``credit.*``: photo, source and press-service credits."""

from clean.families.credit import credit_lines  # noqa: F401  (registers its python rules)
