"""``chrome.*``: page chrome (site names around titles, rubrics, repeated titles, menus, breadcrumbs, widgets)."""

from clean.families.chrome import (  # noqa: F401  (register their python rules)
    app_banner, card_counters, embeds, meta_lines, navigation, page_chrome, reading_time, tally_lines, trailing_links,
    widgets,
)
