"""Deprecated path of the pytest plugin; the plugin is :mod:`clean.integrations.pytest_plugin`.

Environments installed before the move still name this module in their ``pytest11``
entry point; it re-exports the plugin so they keep working until ``pip install`` is run again.
"""

from clean.integrations.pytest_plugin import Golden, clean_golden, pytest_addoption  # noqa: F401
