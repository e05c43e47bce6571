"""Rule logic that a pattern cannot express, one package per rule family (the folders of ``rules/``).

Each family package registers its Python rules with :func:`clean.engine.registry.python_rule` when it
is imported; importing this package imports every family. The rule loader
(:mod:`clean.catalog.loader`) imports it, so the engine never imports a stage or a family by name.
"""

# dates first: its rules read items.paragraphs, which reads the dates reader, and chrome reads items.paragraphs;
# imported from here first, the dates package is set up before anything else asks for its reader
from clean.families import dates  # noqa: F401, I001  (register)
from clean.families import chrome, contact, content, credit, flags, items, noise, repair  # noqa: F401  (register)
