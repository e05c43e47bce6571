"""The stages of the pipeline, one module each, in the order :mod:`clean.pipeline` runs them."""

from clean.stages.extract_metadata import extract_metadata
from clean.stages.repair_lines import repair_lines
from clean.stages.repair_unicode import repair_unicode
from clean.stages.split_dates import split_dates
from clean.stages.split_items import split_items
from clean.stages.strip_noise import strip_noise

__all__ = [
    "repair_unicode", "strip_noise", "split_dates", "repair_lines", "split_items",
    "extract_metadata",
]
