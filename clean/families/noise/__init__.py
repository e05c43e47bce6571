"""``noise.*``: CMS errors that leaked into page text (stack traces, database errors), corpus record headers."""

from clean.families.noise import cms_errors, record_headers  # noqa: F401  (registers its python rules)
