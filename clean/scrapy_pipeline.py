"""Deprecated path of the Scrapy item pipeline; use :mod:`clean.integrations.scrapy`.

Kept so that Scrapy settings written for earlier versions
(``"clean.scrapy_pipeline.CleanPipeline"``) go on working; importing it warns.
"""

import warnings

from clean.integrations.scrapy import CleanPipeline, joined  # noqa: F401

warnings.warn(
    "clean.scrapy_pipeline is deprecated; use clean.integrations.scrapy (same names)",
    DeprecationWarning, stacklevel=2,
)
