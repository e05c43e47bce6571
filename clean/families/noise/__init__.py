"""``noise.*``: CMS errors that leaked into page text (stack traces, database errors)."""

from clean.families.noise import cms_errors  # noqa: F401  (registers its python rules)
