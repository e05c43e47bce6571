"""Diffs a person can read: invisible characters shown by name (the same as ``clean diff``)."""

from clean.model.visible import unified, visible

__all__ = ["unified", "visible"]
