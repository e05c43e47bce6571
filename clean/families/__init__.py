"""Rule logic that a pattern cannot express, one package per rule family (the folders of ``rules/``).

Each family package registers its Python rules with :func:`clean.engine.registry.python_rule` when it
is imported; importing this package imports every family. The rule loader
(:mod:`clean.catalog.loader`) imports it, so the engine never imports a stage or a family by name.
"""

from clean.families import chrome, contact, content, credit, dates, flags, items, noise, repair  # noqa: F401  (register)
