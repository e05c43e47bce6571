"""Old import paths of modules that moved into sub-packages, kept working with a deprecation warning.

Rule packs and scripts written before the layout of ``docs/architecture.md`` import, for example,
``clean.registry`` (for ``python_rule``) or ``clean.document``. :class:`MovedModules` answers such an
import with the module at its new place, under both names, and warns once per old name. It imports the
new module by name only when the old one is asked for, so it adds no import edge between the layers.

>>> import warnings
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     import clean.registry
>>> clean.registry.__name__, caught[0].category.__name__
('clean.engine.registry', 'DeprecationWarning')
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import warnings

MOVED = {  # old module -> where it lives now
    "clean.document": "clean.model.document",
    "clean.records": "clean.model.records",
    "clean.errors": "clean.model.errors",
    "clean.visible": "clean.model.visible",
    "clean.ruleset": "clean.engine.ruleset",
    "clean.kinds": "clean.engine.kinds",
    "clean.registry": "clean.engine.registry",
    "clean.prefilter": "clean.engine.prefilter",
    "clean.line_scan": "clean.engine.line_scan",
    "clean.rule_docs": "clean.catalog.rule_docs",
    "clean.packs": "clean.catalog.packs",
    "clean.examples": "clean.catalog.examples",
    "clean.dates": "clean.families.dates.reader",
    "clean.discovery": "clean.io.discovery",
    "clean.inputs": "clean.io.inputs",
    "clean.outputs": "clean.io.outputs",
    "clean.journal": "clean.io.journal",
    "clean.page_records": "clean.io.page_records",
    "clean.executor": "clean.run.executor",
    "clean.local_engine": "clean.run.local_engine",
    "clean.ray_engine": "clean.run.ray_engine",
    "clean.progress": "clean.run.progress",
    "clean.explain": "clean.review.explain",
    "clean.report": "clean.review.report",
    "clean.diff": "clean.review.diff",
    "clean.score": "clean.review.score",
    "clean.scrapy_pipeline": "clean.integrations.scrapy",
    "clean.pytest_plugin": "clean.integrations.pytest_plugin",
    "clean.stages.decode": "clean.io.decode",
}


class MovedModules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """A finder for the old names of :data:`MOVED`: the import gives the module at its new place."""

    def find_spec(self, name, path=None, target=None):
        if name not in MOVED:
            return None
        return importlib.machinery.ModuleSpec(name, self)

    def create_module(self, spec):
        new = MOVED[spec.name]
        warnings.warn(f"{spec.name} moved to {new}; import it from there (the old path will go)",
                      DeprecationWarning, stacklevel=2)
        return importlib.import_module(new)

    def exec_module(self, module) -> None:
        """Nothing to run: the module was imported at its new place."""


def install() -> None:
    """Put the finder on ``sys.meta_path`` once (importing ``clean`` does)."""
    import sys

    if not any(isinstance(finder, MovedModules) for finder in sys.meta_path):
        sys.meta_path.append(MovedModules())
