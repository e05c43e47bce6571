"""The catalog of rules: loading rule folders (shipped, packs, a user's), checking their examples, and
documenting them for ``clean rules``.

>>> from clean.catalog import shipped_rules
>>> shipped_rules().get("noise.php-notice").family
'noise'
"""

from clean.catalog.files import read_rule_folders, shipped_rules_dir
from clean.catalog.loader import load_rules, shipped_rules

__all__ = ["load_rules", "read_rule_folders", "shipped_rules", "shipped_rules_dir"]
