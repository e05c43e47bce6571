"""``repair.*``: mojibake (ftfy, the cheap test that says which lines may need it, and the Cyrillic
misreadings ftfy leaves), HTML entities, and pages saved as quoted strings."""

from clean.families.repair import cyrillic_mojibake, encoding, escaped_dump  # noqa: F401  (register rules)
