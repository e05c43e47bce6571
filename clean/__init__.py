"""clean: turn text scraped from news sites into clean, dated, traceable items.

The pipeline lives in :mod:`clean.pipeline`, its stages in :mod:`clean.stages`,
the rule format in :mod:`clean.ruleset`, and the output records in
:mod:`clean.records`.
"""

__version__ = "0.1.0"

from clean.errors import CleanError, InputError, RuleError  # noqa: E402
from clean.pipeline import Pipeline  # noqa: E402

__all__ = ["Pipeline", "CleanError", "InputError", "RuleError", "__version__"]
