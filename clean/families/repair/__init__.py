"""``repair.*``: the cheap test that says which lines may need ftfy, and the Cyrillic misreadings ftfy leaves."""

from clean.families.repair import cyrillic_mojibake  # noqa: F401  (registers repair.cyrillic-mojibake)
from clean.families.repair import escaped_dump  # noqa: F401  (registers repair.escaped-dump)
