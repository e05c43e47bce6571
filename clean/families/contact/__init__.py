"""``contact.*``: press-contact footers."""

from clean.families.contact import press_footer  # noqa: F401  (registers its python rule)
