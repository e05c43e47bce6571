"""clean: turn text scraped from news sites into clean, dated, traceable items.

The pipeline lives in :mod:`clean.pipeline`, its stages in :mod:`clean.stages`,
the rule format in :mod:`clean.engine.ruleset`, and the output records in
:mod:`clean.model.records`.
"""

from clean import _moved
from clean._version import __version__
from clean.model.errors import CleanError, InputError, RuleError
from clean.pipeline import Pipeline

_moved.install()  # old import paths (clean.registry, clean.document, ...) still work, with a warning

__all__ = ["Pipeline", "CleanError", "InputError", "RuleError", "__version__"]
