"""``content.*``: the main-content pass, which tells a whole page's article from the page around it."""

from clean.families.content import main_content  # noqa: F401  (register its python rule)
